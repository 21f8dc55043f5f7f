"""Query: the library functions behind ``newsgraph search|show|quotes|export``; each is a few lines over a Store."""
from __future__ import annotations

import json
from typing import Optional, TextIO

from ..errors import ConfigError, MissingExtra
from ..model import Article
from ..record import to_record
from ..safe import csv_writer
from ..storage.base import QuoteHit, SearchFilters, SearchHit, Store
from .entities import EntityPage, TimelineRow, entity, plot_timeline, timeline
from .stories import Story, story

__all__ = ["search", "show", "quotes", "export", "entity", "timeline", "plot_timeline", "story", "EntityPage",
           "TimelineRow", "Story", "SearchFilters", "EXPORT_FORMATS", "CSV_COLUMNS"]

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
#: One CSV row per current article: its metadata, counts of what was found, and the text.
CSV_COLUMNS = ("id", "title", "published", "source", "url", "canonical_url", "language", "authors", "story",
               "duplicate_of", "content_hash", "entities", "quotes", "figures", "times", "text")


def search(store: Store, query: str, limit: int = 20, offset: int = 0, *, raw: bool = False,
           since: Optional[str] = None, until: Optional[str] = None, source: Optional[str] = None,
           entity: Optional[str] = None, story: Optional[str] = None,
           window: Optional[int] = None) -> list[SearchHit]:
    """Full-text search; any string is safe unless ``raw`` asks for the backend's query syntax. Filters: published
    ``since``/``until`` (ISO 8601 at any precision), outlet ``source``, an ``entity`` named in the article (its
    aliases too once linked), a ``story`` id. ``window``: how many of the newest matches a broad query is ranked
    among (None: the store's default, ``SEARCH_WINDOW`` for SQLite; 0: all of them, exact but slow)."""
    filters = SearchFilters(since=since, until=until, source=source, entity=entity, story=story)
    return store.search(query, limit=limit, offset=offset, raw=raw, filters=filters, window=window)


def show(store: Store, article_id: str, revision: Optional[int] = None) -> Optional[Article]:
    """One article (its current revision unless one is named), or None; ``record.to_record`` makes it JSON."""
    return store.get(article_id, revision)


def quotes(store: Store, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
           until: Optional[str] = None, limit: int = 100, include_copies: bool = True) -> list[QuoteHit]:
    """Who said what: speaker and about match entity names case-insensitively from the start of a word of the name
    ("lavrov", "sergey l"), falling back to a substring match when nothing matches that way.

    ``include_copies=False`` (the CLI's default) leaves out quotes of articles that are copies (``duplicate_of``).
    """
    return store.quotes(speaker=speaker, about=about, since=since, until=until, limit=limit,
                        include_copies=include_copies)


def export(store: Store, fmt: str = "jsonl", out: Optional[TextIO] = None) -> int:
    """Write every current article to ``out`` (a text stream): ``jsonl`` records or ``csv`` rows.

    Returns the number of articles written. For CSV, open ``out`` with ``newline=""``.
    """
    if fmt == "parquet":
        raise MissingExtra("pyarrow", "parquet")  # Parquet export is a later issue; say what it will need
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if out is None:
        raise ConfigError("export needs an output stream")
    return _export_jsonl(store, out) if fmt == "jsonl" else _export_csv(store, out)


def _export_jsonl(store: Store, out: TextIO) -> int:
    n = 0
    for article in store.iter_articles():
        out.write(json.dumps(to_record(article), ensure_ascii=False) + "\n")
        n += 1
    return n


def _export_csv(store: Store, out: TextIO) -> int:
    writer = csv_writer(out)  # a title like "=HYPERLINK(…)" is text, not a formula: see newsgraph.safe
    writer.writerow(CSV_COLUMNS)
    n = 0
    for a in store.iter_articles():
        writer.writerow([a.id, a.title, a.published, a.source, a.url, a.canonical_url, a.language,
                         "; ".join(a.authors), a.story, a.duplicate_of, a.content_hash, len(a.entities),
                         len(a.quotes), len(a.figures), len(a.times), a.text])
        n += 1
    return n
