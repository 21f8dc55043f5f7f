"""Search facets for the web reader: how the best matches of a query spread over months, outlets, people and
organisations, so a reader can narrow a search with one click. Counted over the ``top`` best matches, which is what
a reader scanning results cares about; their dates, outlets and entity names come from the store's narrow rows
(``EntityViews.article_facets``), never from whole records, so the first page stays fast."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..storage.base import ArticleFacets, SearchFilters, Store, facets_in_rank_order
from ..storage.dates import utc
from .pages import SearchPage, page_of, search_filters

__all__ = ["SearchFacets", "search_facets", "search_with_facets", "facets_of"]

PEOPLE, ORGANISATIONS = frozenset({"PERSON"}), frozenset({"ORG", "NORP"})


@dataclass(slots=True)
class SearchFacets:
    """Counts of articles among the ``considered`` best matches; ``months`` oldest first (YYYY-MM, ``undated``
    last), the others most articles first."""

    considered: int
    months: list[tuple[str, int]] = field(default_factory=list)
    outlets: list[tuple[str, int]] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)
    organisations: list[tuple[str, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def named(pairs: list[tuple[str, int]]) -> list[dict[str, Any]]:
            return [{"value": v, "articles": n} for v, n in pairs]
        return {"considered": self.considered, "months": named(self.months), "outlets": named(self.outlets),
                "people": named(self.people), "organisations": named(self.organisations)}


def search_facets(store: Store, query: str, filters: SearchFilters, top: int = 100, most: int = 10) -> SearchFacets:
    """Facets of the ``top`` best matches; at most ``most`` values each for outlets, people and organisations."""
    filters = search_filters(store, filters, 0)
    hits = store.search_ids(query, limit=top, filters=filters)  # ranked as search, without 100 snippets
    return facets_of(store, hits, most)


def search_with_facets(store: Store, query: str, filters: SearchFilters, limit: int = 20, offset: int = 0,
                       top: int = 100, most: int = 10) -> tuple[SearchPage, SearchFacets]:
    """What :func:`~newsgraph.query.pages.search_page` and :func:`search_facets` return for the same query, with
    the query ranked once (``Store.search_with_top``): the page's hits are cut from the same ranking as the
    facets' ``top`` best matches, which was most of the web reader's first page."""
    filters = search_filters(store, filters, offset)
    hits, ids, rows = store.search_with_facet_rows(query, limit + 1, offset, top=top, filters=filters)
    depth = store.ranking_depth(None, max(top, offset + limit + 1))
    return page_of(store, query, filters, hits, limit, offset, depth), _counted(rows, len(ids), most)


def facets_of(store: Store, hits: list[str], most: int = 10) -> SearchFacets:
    """Facets of the ranked article ids ``hits`` (best first)."""
    return _counted(facets_in_rank_order(store.entity_views(), hits), len(hits), most)


def _counted(rows: list[ArticleFacets], considered: int, most: int) -> SearchFacets:
    """The facets of ``rows`` (best match first) among ``considered`` matches."""
    months: Counter = Counter()
    outlets: Counter = Counter()
    people: Counter = Counter()
    orgs: Counter = Counter()
    for article in rows:
        months[(utc(article.published) or "undated")[:7]] += 1  # in UTC, as a month filter compares
        if article.source:
            outlets[article.source] += 1
        # Each name once per article, in the order the article stores them (dict keys, not a set: a set's order
        # moves with the process's string hashing, so the order of tied names changed from one server to the next).
        people.update(dict.fromkeys(name for name, type_ in article.entities if type_ in PEOPLE).keys())
        orgs.update(dict.fromkeys(name for name, type_ in article.entities if type_ in ORGANISATIONS).keys())
    order = sorted(months, key=lambda m: (m == "undated", m))
    return SearchFacets(considered, [(m, months[m]) for m in order], outlets.most_common(most),
                        people.most_common(most), orgs.most_common(most))
