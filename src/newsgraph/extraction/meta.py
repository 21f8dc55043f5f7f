"""A page's own metadata from a selectolax tree: ``<meta>`` tags, JSON-LD, ``<link rel=canonical>``, ``<title>``.

The title is the article's headline, not the site's name: ``og:title``/JSON-LD ``headline`` first, then
``<title>`` with a trailing or leading site-name segment ("Headline | The Site") removed, then the first ``<h1>``.
Timestamps go through :func:`newsgraph.extraction.html.iso_timestamp` so both extractors write them alike.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from .bylines import Credit, read_credits, read_credit
from .html import iso_timestamp

_PUBLISHED_KEYS = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
                   "pubdate", "publishdate", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date",
                   "parsely-pub-date", "date", "article.published")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
_TITLE_KEYS = ("og:title", "twitter:title", "headline")
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
_IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")
MAX_SITE_WORDS = 4


@dataclass(slots=True)
class PageMeta:
    title: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    site_name: Optional[str] = None
    canonical: Optional[str] = None
    image: Optional[str] = None
    organisations: list[str] = field(default_factory=list)  # agencies/networks credited: a source, not authors


def _meta_values(tree) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        content = (attrs.get("content") or "").strip()
        if key and content:
            values.setdefault(key, []).append(content)
    return values


def _jsonld_items(tree) -> Iterator[dict]:
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "null")
        except ValueError:
            continue  # broken JSON-LD is common; the other sources still count
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _flatten(data[key])


def _names(value: Any) -> list[str]:
    """Author names from a JSON-LD ``author`` (a string, a Person, or a list of either)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _first_text(value: Any) -> Optional[str]:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _first_text(value.get("url") or value.get("name"))
    if isinstance(value, list) and value:
        return _first_text(value[0])
    return None


def clean_authors(raw: list[str]) -> list[str]:
    """The people among ``author`` values: no URLs, no "By", split on commas and "and", duplicates dropped
    (case-insensitive), agencies and newsrooms left out (see :mod:`.bylines`)."""
    return read_credits(raw).people


def strip_site_name(title: str, site: Optional[str]) -> str:
    """``Headline | Site`` → ``Headline``: the known site name wherever it stands, else a short last segment."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title.strip()
    if site:
        kept = [p for p in parts if p.strip().casefold() != site.strip().casefold()]
        if len(kept) < len(parts) and kept:
            return " - ".join(kept).strip()
    # No known site name: only the common "Headline | Site" shape, a short last segment after a long headline.
    tail = _TITLE_SEPARATORS.search(title[::-1])
    head, last = title[:len(title) - tail.end()], title[len(title) - tail.start():]
    if len(last.split()) <= MAX_SITE_WORDS and len(head.split()) >= 2 * len(last.split()) + 1:
        return head.strip()
    return title.strip()


_GENERIC_SEGMENTS = frozenset({"blog", "news", "home", "homepage", "latest", "articles", "article"})


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def strip_site_segments(title: str, names: list[str]) -> str:
    """Drop title segments that only name the site or a section ("Common Crawl - Blog - Headline" with host
    commoncrawl.org → "Headline"); the known names are compared letters-only, so "Common Crawl" is commoncrawl."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    known = {_letters(n) for n in names if n}
    kept = [p for p in parts if _letters(p) not in known and p.casefold() not in _GENERIC_SEGMENTS]
    return " - ".join(kept) if kept and len(kept) < len(parts) else title


def read_meta(tree) -> PageMeta:
    """Metadata from the tree (call it before the tree's scripts are stripped: JSON-LD lives in them)."""
    meta = _meta_values(tree)
    ld = list(_jsonld_items(tree))

    def first(keys) -> Optional[str]:
        return next((meta[k][0] for k in keys if k in meta), None)

    site = first(_SITE_KEYS) or next((_first_text(i["publisher"].get("name")) for i in ld
                                      if isinstance(i.get("publisher"), dict)), None)
    if site and site.startswith("@"):
        site = None
    credit = read_credits([a for k in _AUTHOR_KEYS for a in meta.get(k, [])]
                          + [n for i in ld if _is_article(i) for n in _names(i.get("author"))], min_words=2)
    # the byline elements are read only when metadata names nobody (a substring CSS match over the whole page)
    visible = dom_credit(tree) if not credit.people else Credit()
    credit.add(Credit(organisations=visible.organisations))
    return PageMeta(
        title=_title(tree, meta, ld, site), published=_published(tree, meta, ld),
        # metadata that names only an agency or a network ("Associated Press") leaves the reporters to the
        # visible byline
        authors=credit.people or visible.people, organisations=credit.organisations,
        site_name=site, canonical=_canonical(tree) or first(("og:url",)),
        image=first(_IMAGE_KEYS) or next((_first_text(i.get("image")) for i in ld if i.get("image")), None),
    )


# Where pages put a visible byline when their metadata names nobody: microdata, rel=author, and class names.
_BYLINE_SELECTOR = ('[itemprop="author"], [rel="author"], [class*="byline"], [class*="author-name"], '
                    '[class*="author_name"], [class*="author-heading"], [class*="authorName"]')
MAX_BYLINE_WORDS = 30


def dom_credit(tree, most: int = 6) -> Credit:
    """People and organisations in the page's byline ("By Jane Doe and Li Wei, NBC News"): the first byline
    element that names somebody, the elements inside it and its siblings (one element per author); byline
    elements elsewhere belong to teasers and related stories."""
    credit = Credit()
    first_text, parents = None, set()
    for node in tree.css(_BYLINE_SELECTOR):
        text = " ".join(node.text(deep=True).split()).strip(" ,.|")
        if not text or len(text.split()) > MAX_BYLINE_WORDS:
            continue  # an author box with a biography, not a byline
        parent = node.parent.mem_id if node.parent is not None else None
        if first_text is not None and text not in first_text and parent not in parents:
            break
        found = read_credit(text, min_words=2)
        if found.people or found.organisations:
            credit.add(found)
            first_text = first_text or text
            parents.add(parent)
        if len(credit.people) >= most:
            break
    return credit


def dom_authors(tree, most: int = 6) -> list[str]:
    """Names in byline elements: short, every word capitalised ("By Jane Doe" → "Jane Doe")."""
    return dom_credit(tree, most).people[:most]


def _is_article(item: dict) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds)


def _title(tree, meta: dict[str, list[str]], ld: list[dict], site: Optional[str]) -> Optional[str]:
    headline = next((i["headline"] for i in ld if _is_article(i) and isinstance(i.get("headline"), str)), None)
    candidates = [headline] + [meta[k][0] for k in _TITLE_KEYS if k in meta]
    node, h1 = tree.css_first("title"), tree.css_first("h1")
    page_title = " ".join(node.text(deep=True).split()) if node is not None else ""
    heading = " ".join(h1.text(deep=True).split()) if h1 is not None else ""
    if heading and len(heading) < len(page_title) and heading.casefold() in page_title.casefold():
        page_title = heading  # "Blog - Headline - Site" holds the <h1>: the <h1> is the headline
    candidates += [page_title, heading]
    for value in candidates:
        if value and value.strip():
            return strip_site_name(" ".join(value.split()), site)
    return None


def _published(tree, meta: dict[str, list[str]], ld: list[dict]) -> Optional[str]:
    found = [v for k in _PUBLISHED_KEYS for v in meta.get(k, [])]
    found += [i["datePublished"] for i in ld if isinstance(i.get("datePublished"), str)]
    found += [n.attributes.get("datetime") or "" for n in tree.css("time[datetime]")]
    parsed = [p for p in (iso_timestamp(v) for v in found) if p]
    # same day, more information: prefer a value with a time
    return next((p for p in parsed if "T" in p), parsed[0] if parsed else None)


def _canonical(tree) -> Optional[str]:
    for node in tree.css("link[rel]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split():
            href = (node.attributes.get("href") or "").strip()
            if href:
                return href
    return None
