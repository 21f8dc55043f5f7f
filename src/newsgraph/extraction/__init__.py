"""Extraction: a :class:`~newsgraph.model.Page` → an :class:`~newsgraph.model.Article` (or a Rejected).

``extract(page)`` dispatches on ``page.kind``: ``capture`` → the raw-text cleaner (:mod:`.capture`), ``html`` → an
:class:`~.base.Extractor` chosen by name (``fast`` by default: :mod:`.fast`; or ``trafilatura``), ``text`` → kept exactly. Whatever made the body, this
module then sets what every article gets: id, content hash, origin, url, fetched and language.

Rejection codes (never fatal: the input was read, it just holds no article): ``not_article`` (no body found, or a
URL that names a front page, listing or login page), ``too_short`` (a body too small to be an article; for
``text`` pages only an empty text), and the kinds of page that hold many items rather than one story:
``listing``, ``gallery``, ``live_blog``, ``results_table``, ``police_blotter`` (:mod:`.kinds`; kept, with the
code as a problem, when ``keep_non_articles`` is set). One is fatal: ``too_complex``, an HTML page nested deeper
than any real page (:mod:`.limits`), refused before the parse that would take minutes.
"""
from __future__ import annotations

import re
from typing import Callable, Optional, Union

from ..errors import ConfigError
from ..ids import article_id, content_hash
from ..model import Article, Page, Rejected
from ..text import split_url
from .base import Extractor, join_paragraphs, thin_reason
from .html import page_text
from .language import detect as detect_language

__all__ = ["extract", "get_extractor", "Extractor", "EXTRACTORS"]


def _trafilatura() -> Extractor:
    from .html import TrafilaturaExtractor
    return TrafilaturaExtractor()


def _fast() -> Extractor:
    from .fast import FastExtractor
    return FastExtractor()


# name -> factory, resolved when asked for, so a run never imports an extractor it does not use.
EXTRACTORS: dict[str, Callable[[], Extractor]] = {"trafilatura": _trafilatura, "fast": _fast}
_instances: dict[str, Extractor] = {}


def get_extractor(name: str) -> Extractor:
    if name not in EXTRACTORS:
        raise ConfigError(f"unknown HTML extractor {name!r}; choose from {', '.join(EXTRACTORS)}")
    if name not in _instances:
        _instances[name] = EXTRACTORS[name]()
    return _instances[name]


def extract(page: Page, *, html_extractor: str = "fast", keep_non_articles: bool = False) -> Union[Article, Rejected]:
    """One page to one article, or a Rejected with the reason. A page whose body is not one article (a listing,
    gallery, live blog, results table or police blotter: :mod:`.kinds`) is skipped with that code, or with
    ``keep_non_articles`` kept with the code as a problem."""
    if page.kind == "html":
        listing = listing_page(page.url)
        if listing:
            return Rejected(page.origin, "not_article", listing, fatal=False)
        from .limits import too_complex
        complex_ = too_complex(page.content)
        if complex_:
            return Rejected(page.origin, "too_complex", complex_, fatal=True)
        result = get_extractor(html_extractor).extract(page)
    elif page.kind == "capture":
        result = _from_capture(page)
    elif page.kind == "text":
        result = _from_text(page)
    else:
        return Rejected(page.origin, "unsupported_input", f"unknown page kind {page.kind!r}", fatal=True)
    if isinstance(result, Rejected):
        return result
    if page.kind != "text":  # a caller's own text is an article because the caller says so
        from .kinds import classify
        kind = classify(result.text, result.title, page.url)
        if kind and not keep_non_articles:
            return Rejected(page.origin, kind[0], kind[1], fatal=False)
        if kind:
            result.add_problem(*kind)
    return _finish(result, page)


# URL paths that name a list of articles or a gate, not an article: a site's front page, tag/category/author
# listings, search results, login and subscription walls. Generic across outlets.
_LISTING = re.compile(r"^/(?:(?:tags?|topics?|category|categories|section|author|authors|search|archive|page)"
                      r"(?:/|$)|(?:login|log-in|signin|sign-in|register|subscribe|account)(?:/|\.|$))", re.I)


def listing_page(url: Optional[str]) -> Optional[str]:
    """Why the URL is not an article (its shape alone), or None."""
    if not url:
        return None
    parts = split_url(url)
    if parts is None:
        return None
    path = parts.path or "/"
    if path in ("/", "/index.html", "/index.htm", "/index.php"):
        return f"a site's front page ({url}): a list of articles, not one"
    if _LISTING.match(path):
        return f"a listing or login page by its URL ({path})"
    return None


def _from_text(page: Page) -> Union[Article, Rejected]:
    text = page_text(page)
    if not text.strip():
        return Rejected(page.origin, "too_short", "the text is empty", fatal=False)
    # Kept exactly, whitespace included: the caller's offsets must stay valid.
    return Article(id="", text=text, content_hash="", title=page.title)


def _set_published(article: Article, value) -> None:
    """A caller's date as ISO 8601 (``2024-03-12``, ``12 March 2024``, an epoch number); unreadable → None with
    the problem ``bad_published``, so times are never resolved against a wrong anchor."""
    if value is None or value == "":
        return
    from .dates import parse_dateline
    from .html import iso_timestamp
    text = str(value).strip()
    if isinstance(value, (int, float)) or text.isdigit() and len(text) >= 9:
        from datetime import datetime, timezone
        try:
            article.published = datetime.fromtimestamp(float(text), tz=timezone.utc).isoformat()
            return
        except (OverflowError, OSError, ValueError):
            pass
    normalised = iso_timestamp(text) or parse_dateline(text)
    if normalised:
        article.published = normalised
    else:
        article.add_problem("bad_published", f"published {text[:60]!r} is not a date; left empty")


def _from_capture(page: Page) -> Union[Article, Rejected]:
    from .capture import clean_capture

    cleaned = clean_capture(page_text(page))
    text = join_paragraphs(cleaned.paragraphs)
    reason = thin_reason(text)
    if reason:
        detail = f"body has {len(text.split())} words" if text else "no body paragraphs found in the capture"
        return Rejected(page.origin, reason, detail, fatal=False)
    article = Article(id="", text=text, content_hash="", title=page.title or cleaned.title,
                      published=page.published or cleaned.published, authors=cleaned.authors,
                      agency=cleaned.agency)
    for code, detail in cleaned.problems:
        if code == "no_date_found" and article.published:
            continue  # the caller gave the date
        article.add_problem(code, detail)
    return article


def _finish(article: Article, page: Page) -> Article:
    """Fields every article gets, whichever extractor produced it."""
    if page.published not in (None, ""):
        article.published = None  # the caller's date wins over what the page says, once it reads as a date
        _set_published(article, page.published)
    article.url = article.url or page.url
    article.id = article_id(page.id, article.url, page.origin)
    article.content_hash = content_hash(article.text)
    article.origin = page.origin
    article.fetched = article.fetched or page.fetched
    article.language = detect_language(article.text)
    if article.agency is None:
        from .bylines import dateline_agency
        article.agency = dateline_agency(article.text)  # "LONDON (Reuters) - …": the wire that supplied it
    return article
