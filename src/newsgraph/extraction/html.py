"""HTML pages to articles with trafilatura (the extraction reference), behind the :class:`Extractor` contract.

trafilatura finds the body, title, authors, site name and a publication *date*. A page's structured metadata
(``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``) often also carries the *time* and UTC
offset, which the output record wants, so those are read here and used when they agree with trafilatura's date.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any, Iterator, Optional, Union
from ..text import url_host

from ..model import Article, Page, Rejected
from .base import join_paragraphs, thin_reason

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
)
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")


def page_text(page: Page) -> str:
    """The page as text: bytes decoded with the charset the source settled on (lenient: pages are messy)."""
    if isinstance(page.content, str):
        return page.content
    return page.content.decode(page.charset or "utf-8", errors="replace")


# Years a news page can be published in: before the web's news archives, or far ahead, is a placeholder.
PLAUSIBLE_YEARS = (1800, datetime.now().year + 1)


def iso_timestamp(value: str) -> Optional[str]:
    """An ISO 8601 string as the record writes it: date only, or date and time with the offset when known."""
    value = value.strip()
    if not _ISO_LIKE.match(value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if len(value) > 10 else value)
    except ValueError:
        return None
    if not PLAUSIBLE_YEARS[0] <= parsed.year <= PLAUSIBLE_YEARS[1]:
        return None  # CMS placeholders such as 0001-01-01 are "no date", not a date
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()


def _jsonld_dates(data: Any) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_dates(item)
    elif isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            yield data["datePublished"]
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            yield from _jsonld_dates(data.get(key))


def structured_published(tree) -> Optional[str]:
    """The first full timestamp the page states about its own publication, from metadata, JSON-LD or <time>."""
    candidates: list[str] = []
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and meta.get("content"):
            candidates.append(meta.get("content"))
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                candidates.extend(_jsonld_dates(json.loads(script.text)))
            except ValueError:
                continue  # broken JSON-LD is common; the other sources still count
    for node in tree.iterfind(".//time"):
        if node.get("datetime"):
            candidates.append(node.get("datetime"))
    parsed = [p for p in (iso_timestamp(c) for c in candidates) if p]
    # Prefer one that has a time: same day, more information.
    return next((p for p in parsed if "T" in p), parsed[0] if parsed else None)


def choose_published(date: Optional[str], structured: Optional[str]) -> Optional[str]:
    """trafilatura's date, upgraded to the structured timestamp when both name the same day."""
    if structured and (not date or structured[:10] == date[:10]):
        return structured
    return date


def _canonical(tree) -> Optional[str]:
    for link in tree.iterfind(".//link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return None


def _credit(value: Optional[str]) -> tuple[list[str], Optional[str]]:
    """trafilatura's "A; B" author string → the people in it and the agency it credits (newsrooms left out)."""
    if not value:
        return [], None
    from .bylines import agency_of, read_credits
    credit = read_credits([a.strip() for a in value.split(";")])
    return credit.people, agency_of(credit.organisations)


def _body(text: str, title: Optional[str]) -> str:
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    # trafilatura may keep the page's <h1>; the title is its own field, so it is not repeated in the body.
    if paragraphs and title and paragraphs[0].casefold() == " ".join(title.split()).casefold():
        paragraphs = paragraphs[1:]
    return join_paragraphs(paragraphs)


class TrafilaturaExtractor:
    """The reference extractor: precise body, rich metadata, pure Python (a few ms to tens of ms a page)."""

    name = "trafilatura"

    def extract(self, page: Page) -> Union[Article, Rejected]:
        import trafilatura
        from trafilatura.utils import load_html

        tree = load_html(page_text(page))
        if tree is None:
            return Rejected(page.origin, "not_article", "the HTML could not be parsed", fatal=False)
        structured = structured_published(tree)
        canonical = _canonical(tree)
        doc = trafilatura.bare_extraction(tree, url=page.url, with_metadata=True, include_comments=False)
        if doc is None or not (doc.text or "").strip():
            return Rejected(page.origin, "not_article", "no article body found in the page", fatal=False)
        text = _body(doc.text, doc.title)
        reason = thin_reason(text)
        if reason:
            return Rejected(page.origin, reason, f"body has {len(text.split())} words", fatal=False)
        host = url_host(page.url)
        authors, agency = _credit(doc.author)
        return Article(
            id="", text=text, content_hash="", title=page.title or doc.title,
            published=page.published or choose_published(doc.date, structured),
            url=page.url, canonical_url=canonical or doc.url, source=doc.sitename or doc.hostname or host,
            image=doc.image, authors=authors, agency=agency,
        )
