"""Paged results for readers that page (the web API and reader): a search page with its total count, a page of
quotes narrowed by kind, and "who talks about whom". Each is typed with ``as_dict()`` like the other results."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import ConfigError
from ..storage.base import QuoteEdge, QuoteHit, SearchFilters, SearchHit, Store
from .speakers import speaker_filters, speakers_named, with_linked_quotes

__all__ = ["SearchPage", "QuotePage", "search_page", "quotes_page", "count_quotes", "talks_about", "quotes_about",
           "QUOTE_KINDS", "COUNT_CAP"]

QUOTE_KINDS = ("direct", "mixed", "indirect")


@dataclass(slots=True)
class SearchPage:
    """One page of search hits; ``next_offset`` is None on the last page. ``total`` counts every match up to
    :data:`COUNT_CAP`; past it ``total`` is the cap and ``total_exact`` is False: "more than 10,000" (counting a
    common word's every match cost as much as ranking it, at 10^6 articles). ``ranked_among_newest``: None when
    every match was ranked; N when there were more matches and the hits are the best of the N stored last (the
    store's search window for a broad query, or as deep as the page reaches)."""

    total: int
    offset: int
    hits: list[SearchHit] = field(default_factory=list)
    next_offset: Optional[int] = None
    total_exact: bool = True
    ranked_among_newest: Optional[int] = None

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "total_exact": self.total_exact, "ranked_among_newest": self.ranked_among_newest,
                "offset": self.offset, "hits": [h.as_dict() for h in self.hits], "next_offset": self.next_offset}


@dataclass(slots=True)
class QuotePage:
    """One page of quotes, newest article first; ``next_offset`` (None on the last page) is where the next page
    starts."""

    quotes: list[QuoteHit] = field(default_factory=list)
    next_offset: Optional[int] = None

    def as_dict(self) -> dict[str, Any]:
        return {"quotes": [q.as_dict() for q in self.quotes], "next_offset": self.next_offset}


def search_page(store: Store, query: str, filters: SearchFilters, limit: int = 20, offset: int = 0,
                window: Optional[int] = None) -> SearchPage:
    """Hits ``offset`` to ``offset + limit`` and the number of all matches (ranked among the store's window
    first, or among ``window`` newest matches; pages past it are ranked among as many newest matches as they
    reach). A speaker is found by any of their names (:func:`speaker_filters`)."""
    filters = search_filters(store, filters, offset)
    hits = store.search(query, limit=limit + 1, offset=offset, filters=filters, window=window)
    return page_of(store, query, filters, hits, limit, offset, store.ranking_depth(window, offset + limit + 1))


def search_filters(store: Store, filters: SearchFilters, offset: int) -> SearchFilters:
    """``filters`` with the registry ids of the people a speaker name means; a negative ``offset`` is an error."""
    if offset < 0:
        raise ConfigError(f"offset {offset} is negative: the first hit is offset 0")
    return speaker_filters(store, filters)[0]


def page_of(store: Store, query: str, filters: SearchFilters, hits: list, limit: int, offset: int,
            depth: Optional[int]) -> SearchPage:
    """The page of ``hits`` (up to ``limit + 1`` from ``offset``: one more says a next page exists), ranked among
    the ``depth`` newest matches (None: all, :meth:`Store.ranking_depth`), and the count."""
    # No hit on this page: a page past the end still says how many there are (0 only when nothing matches).
    # Counted up to COUNT_CAP + 1: one more than the cap says "more than COUNT_CAP".
    counted = store.search_count(query, filters=filters, most=COUNT_CAP) if hits or offset else 0
    more = len(hits) > limit
    windowed = depth is not None and counted > depth
    if depth is not None and not windowed and counted > COUNT_CAP:  # the count stopped short of the depth
        windowed = store.search_count(query, filters=filters, most=depth) > depth
    return SearchPage(min(counted, COUNT_CAP), offset, hits[:limit], offset + limit if more else None,
                      total_exact=counted <= COUNT_CAP, ranked_among_newest=depth if windowed else None)


def quotes_page(store: Store, speaker: Optional[str] = None, about: Optional[str] = None,
                kind: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                limit: int = 50, offset: int = 0, include_copies: bool = False) -> QuotePage:
    """Quotes as :func:`newsgraph.query.quotes` finds them (a speaker by any of their names), narrowed to one
    ``kind`` (direct, mixed, indirect); ``offset`` counts quotes of that kind. Each page reads the quotes before it
    again: the speaker's linked quotes are merged into the name match by date, so a store offset would not do."""
    if kind is not None and kind not in QUOTE_KINDS:
        raise ConfigError(f"unknown quote kind {kind!r}; choose one of {', '.join(QUOTE_KINDS)}")
    if offset < 0:
        raise ConfigError(f"offset {offset} is negative: the first quote is offset 0")
    want = offset + limit + 1  # one more than the page says whether another page follows
    fetch = max(want, 50)
    while True:
        rows = _quotes(store, speaker, about, since, until, fetch, include_copies)
        kept = [hit for hit in rows if kind is None or hit.kind == kind]
        if len(kept) >= want or len(rows) < fetch:
            break
        fetch *= 2
    more = len(kept) > offset + limit
    return QuotePage(kept[offset:offset + limit], offset + limit if more else None)


#: How far :func:`count_quotes` and a search page's total count before they say "more than": a count is read match
#: by match (the full-text index keeps no count per query).
COUNT_CAP = 10_000


def count_quotes(store: Store, speaker: Optional[str] = None, about: Optional[str] = None,
                 kind: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                 include_copies: bool = False, most: int = COUNT_CAP) -> Optional[int]:
    """How many quotes :func:`quotes_page` pages through for these filters; None when more than ``most`` (the
    store has no count of its own, so the quotes are read, up to ``most``)."""
    rows = _quotes(store, speaker, about, since, until, most + 1, include_copies)
    if len(rows) > most:
        return None
    return sum(1 for hit in rows if kind is None or hit.kind == kind)


def _quotes(store: Store, speaker: Optional[str], about: Optional[str], since: Optional[str], until: Optional[str],
            limit: int, include_copies: bool) -> list[QuoteHit]:
    """What :func:`newsgraph.query.quotes` finds (that module imports this one, so it is not called from here)."""
    hits = store.quotes(speaker=speaker, about=about, since=since, until=until, limit=limit,
                        include_copies=include_copies)
    people = speakers_named(store, speaker) if speaker else []
    if people:
        hits = with_linked_quotes(store, hits, people, about, since, until, limit, include_copies)
    return hits


def quotes_about(store: Store, entity: str, include_copies: bool = False, limit: int = 20) -> list[QuoteHit]:
    """Quotes about the entity ``entity`` names (resolved as ``newsgraph entity`` does), newest article first."""
    from .entities import resolve_ref
    ref = resolve_ref(store, entity)
    return [] if ref is None else store.entity_views().quotes_about(ref, include_copies, limit)


def talks_about(store: Store, entity: Optional[str] = None, query: Optional[str] = None,
                include_copies: bool = False, limit: int = 50, articles: int = 200) -> list[QuoteEdge]:
    """Speaker -> entity edges with quote counts: around the entity ``entity`` names (as ``newsgraph entity``
    resolves it), within the best ``articles`` matches of a search ``query``, or both; everything when neither."""
    from .entities import resolve_ref
    ref = None
    if entity:
        ref = resolve_ref(store, entity)
        if ref is None:
            return []
    ids = None
    if query:
        ids = [h.id for h in store.search(query, limit=articles)]
    return store.entity_views().edges(ref, ids, include_copies=include_copies, limit=limit)
