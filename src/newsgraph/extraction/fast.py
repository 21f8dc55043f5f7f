"""The fast HTML extractor: lexbor DOM (selectolax), our block scoring (:mod:`.blocks`), metadata from the page's
own tags (:mod:`.meta`); trafilatura only for the pages where the fast path is unsure.

Confidence rule (``FastExtractor.confident``): the fast result is used when its body has at least
``MIN_CONFIDENT_WORDS`` words, at most ``MAX_CONFIDENT_LINK_DENSITY`` of its characters sit inside links, and it
holds at least ``MIN_PAGE_SHARE`` of the page's visible words or ``MIN_CONFIDENT_SCORE`` in container score.
Otherwise (nothing found, a short body, a link-heavy body, a small scrap of a big page) the page goes to
trafilatura and the fast result is kept only if trafilatura finds nothing. ``fallback=False`` turns this off.
The publication date falls back to htmldate only when no tag, JSON-LD or ``<time>`` gives one.
"""
from __future__ import annotations

import re

from typing import Optional, Union
from ..text import url_host

from ..model import Article, Page, Rejected
from .base import join_paragraphs, thin_reason
from .blocks import MainContent, main_content
from .html import page_text
from .dates import parse_dateline
from .furniture import drop_site_lines
from .bylines import Credit, agency_note, agency_of, organisation
from .lines import is_prose, read_byline
from .meta import PageMeta, read_meta, strip_site_segments

MIN_CONFIDENT_WORDS = 80  # shorter bodies are where a wrong container hides (a teaser, a caption, a cookie note)
MAX_CONFIDENT_LINK_DENSITY = 0.25
MIN_PAGE_SHARE = 0.2
MIN_CONFIDENT_SCORE = 25.0


class FastExtractor:
    """selectolax + block scoring; several times faster than trafilatura at close accuracy (see BENCHMARKS.md)."""

    name = "fast"

    def __init__(self, fallback: bool = True, date_fallback: bool = True):
        self.fallback = fallback
        self.date_fallback = date_fallback
        if fallback:
            import trafilatura  # noqa: F401  (paid once here, not on the first unsure page)

    @staticmethod
    def confident(found: Optional[MainContent]) -> bool:
        if found is None or found.words < MIN_CONFIDENT_WORDS:
            return False
        if found.link_density > MAX_CONFIDENT_LINK_DENSITY:
            return False
        return found.words >= MIN_PAGE_SHARE * found.page_words or found.score >= MIN_CONFIDENT_SCORE

    def extract(self, page: Page) -> Union[Article, Rejected]:
        from selectolax.lexbor import LexborHTMLParser

        html = page_text(page)
        tree = LexborHTMLParser(html)
        meta = read_meta(tree)
        found = main_content(tree)
        paragraphs = found.paragraphs if found else []
        if self.fallback and not self.confident(found):
            paragraphs = _trafilatura_paragraphs(html, page.url) or paragraphs
        paragraphs = drop_site_lines(_drop_title(paragraphs, meta.title))
        paragraphs, lead, lead_date = strip_lead_credit(paragraphs)
        meta.authors = meta.authors or lead.people
        meta.organisations += [o for o in lead.organisations if o not in meta.organisations]
        meta.published = meta.published or lead_date
        text = join_paragraphs(paragraphs)
        reason = thin_reason(text)
        if reason:
            detail = f"body has {len(text.split())} words" if text else "no article body found in the page"
            return Rejected(page.origin, reason, detail, fatal=False)
        return self._article(page, meta, text, html)

    def _article(self, page: Page, meta: PageMeta, text: str, html: str) -> Article:
        published = page.published or meta.published
        if not published and self.date_fallback:
            published = _htmldate(html, page.url)
        host = url_host(page.url)
        title = page.title or meta.title
        if title and not page.title:
            site_label = host.removeprefix("www.").split(".")[0] if host else None
            title = strip_site_segments(title, [meta.site_name or "", site_label or ""])
        article = Article(id="", text=text, content_hash="", title=title, published=published,
                          url=page.url, canonical_url=meta.canonical, source=meta.site_name or host,
                          image=meta.image, authors=meta.authors)
        if meta.organisations:
            article.agency = agency_of(meta.organisations)
            article.add_problem("agency_byline", agency_note(meta.organisations))
        return article


def _drop_title(paragraphs: list[str], title: Optional[str]) -> list[str]:
    """The headline is its own field: not repeated as the body's first paragraph."""
    if paragraphs and title and paragraphs[0].casefold() == " ".join(title.split()).casefold():
        return paragraphs[1:]
    return paragraphs


_LEAD_SEPARATORS = re.compile(r"\s+[·•|–—-]\s+|\s*\|\s*")


def strip_lead_furniture(paragraphs: list[str], look: int = 3) -> tuple[list[str], list[str], Optional[str]]:
    """:func:`strip_lead_credit` with the people only."""
    kept, credit, published = strip_lead_credit(paragraphs, look)
    return kept, credit.people, published


def strip_lead_credit(paragraphs: list[str], look: int = 3) -> tuple[list[str], Credit, Optional[str]]:
    """Byline and date lines at the top of the body ("Sept. 7, 2022 · by Samuel Mensah") are metadata, not
    text: drop them, keeping the authors and date they name. Only short lines without a sentence qualify."""
    credit = Credit()
    published: Optional[str] = None
    kept = list(paragraphs)
    for paragraph in paragraphs[:look]:
        words = len(paragraph.split())
        if words > 24 or words > 15 and not paragraph.lower().startswith("by ") or is_prose(paragraph):
            break  # (a wire byline naming several reporters is the one long line that qualifies)
        segments = [seg for seg in _LEAD_SEPARATORS.split(paragraph) if seg.strip()]
        bylines = [c for c in (read_byline(seg) for seg in segments) if c]
        if not bylines and credit.people and words <= 5 and organisation(paragraph.strip(" .,").split()):
            bylines = [Credit(organisations=[paragraph.strip(" .,")])]  # "By JANE DOE" / "Associated Press"
        date = next((d for d in (parse_dateline(seg) for seg in segments) if d), None)
        if not bylines and not date:
            break
        for found in bylines:
            credit.add(found)
        published = published or date
        kept.remove(paragraph)
    return kept, credit, published


def _trafilatura_paragraphs(html: str, url: Optional[str]) -> list[str]:
    import trafilatura

    # fast=True: trafilatura without its own readability/justext fallbacks, the slow part on hard pages.
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True, fast=True) or ""
    return [p for p in (" ".join(line.split()) for line in text.splitlines()) if p]


def _htmldate(html: str, url: Optional[str]) -> Optional[str]:
    from htmldate import find_date

    try:
        return find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
