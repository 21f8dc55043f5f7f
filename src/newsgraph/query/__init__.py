"""Query: the library functions behind ``newsgraph search|show|quotes|entity|story|timeline`` (``export`` is
``newsgraph.export``, re-exported here); each is a few lines over a Store and returns typed results with
``as_dict()``."""
from __future__ import annotations

from typing import Optional

from ..export import CSV_COLUMNS, FORMATS, export
from ..model import Article
from ..storage.base import QuoteHit, SearchFilters, SearchHit, Store
from .entities import EntityPage, TimelineRow, entity, plot_timeline, quotes_by_count, timeline
from .pages import (COUNT_CAP, QUOTE_KINDS, QuotePage, SearchPage, count_quotes, quotes_about, quotes_page,
                    search_page, talks_about)
from .quotations import Quotation, clusters_complete, quotation, quotations, rebuild_clusters
from .speakers import speaker_filters, speakers_named, with_linked_quotes
from .stories import Story, story

__all__ = ["search", "show", "quotes", "speakers_named", "speaker_filters", "export", "entity", "timeline",
           "plot_timeline", "story", "EntityPage", "TimelineRow", "Story", "SearchFilters", "EXPORT_FORMATS",
           "CSV_COLUMNS", "SearchPage", "QuotePage", "search_page", "quotes_page", "count_quotes", "COUNT_CAP",
           "quotes_by_count", "talks_about", "quotes_about", "QUOTE_KINDS", "Quotation", "quotation", "quotations",
           "clusters_complete", "rebuild_clusters"]

EXPORT_FORMATS = FORMATS


def search(store: Store, query: str, limit: int = 20, offset: int = 0, *, raw: bool = False,
           since: Optional[str] = None, until: Optional[str] = None, source: Optional[str] = None,
           entity: Optional[str] = None, story: Optional[str] = None, speaker: Optional[str] = None,
           window: Optional[int] = None) -> list[SearchHit]:
    """Full-text search; any string is safe unless ``raw`` asks for the backend's query syntax. Filters: published
    ``since``/``until`` (ISO 8601 at any precision), outlet ``source``, an ``entity`` named in the article (its
    aliases too once linked), a ``story`` id, a ``speaker`` quoted in the article (under any of their names the
    registry knows). ``window``: how many of the
    newest matches a broad query is ranked among (None: the store's default, ``SEARCH_WINDOW`` for SQLite; 0: all
    of them, exact but slow)."""
    filters = SearchFilters(since=since, until=until, source=source, entity=entity, story=story, speaker=speaker)
    filters, _ = speaker_filters(store, filters)
    return store.search(query, limit=limit, offset=offset, raw=raw, filters=filters, window=window)


def show(store: Store, article_id: str, revision: Optional[int] = None) -> Optional[Article]:
    """One article (its current revision unless one is named), or None; ``record.to_record`` makes it JSON."""
    return store.get(article_id, revision)


def quotes(store: Store, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
           until: Optional[str] = None, limit: int = 100, include_copies: bool = True) -> list[QuoteHit]:
    """Who said what: speaker and about match entity names case-insensitively from the start of a word of the name
    ("lavrov", "sergey l"), falling back to a substring match when nothing matches that way. A speaker the
    cross-article registry knows is found by any of their names: "Karl Brenner" also lists his quotes from articles
    that name him only "Brenner" (``speakers_named`` says whom a name means).

    ``include_copies=False`` (the CLI's default) leaves out quotes of articles that are copies (``duplicate_of``).
    """
    hits = store.quotes(speaker=speaker, about=about, since=since, until=until, limit=limit,
                        include_copies=include_copies)
    people = speakers_named(store, speaker) if speaker else []
    if people:  # the person behind the name, also where an article names them otherwise ("Brenner")
        hits = with_linked_quotes(store, hits, people, about, since, until, limit, include_copies)
    return hits
