"""A speaker found by any of their names: ``quotes --speaker "Karl Brenner"`` and ``--speaker Brenner`` list the
same person's quotes, also from articles that name him only "Brenner" (the registry linked them).

The name is looked up in the cross-article registry (``linking.entities_named``); the quotes of every entity it
names are added to what the speaker-name match finds, without repeats, newest article first. When the name means
several entities (a surname two people share), ``speakers_named`` returns them all so the caller can say so.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..linking.lookup import KnownEntity, entities_named
from ..text import fold_name as fold
from ..storage.base import EntityRef, QuoteHit, SearchFilters, Store
from ..storage.dates import utc

# How many quotes per entity are read when a date or subject filter is applied after reading.
_FILTERED_CAP = 100_000


def speakers_named(store: Store, name: str) -> list[KnownEntity]:
    """The registry's entities ``name`` may mean (empty for a store that was never linked)."""
    return entities_named(store.entity_registry(), name)


def speaker_filters(store: Store, filters: Optional[SearchFilters]) -> tuple[Optional[SearchFilters],
                                                                            list[KnownEntity]]:
    """``filters`` with the global ids of the people its ``speaker`` name means (``SearchFilters.speaker_ids``), so
    a search finds an article that quotes them by another of their names, as ``quotes --speaker`` does; and those
    people, so a caller can say when the name means several."""
    if filters is None or not filters.speaker or filters.speaker_ids:
        return filters, []
    people = speakers_named(store, filters.speaker)
    ids = tuple(p.global_id for p in people if p.global_id)
    return (replace(filters, speaker_ids=ids) if ids else filters), people


def with_linked_quotes(store: Store, hits: list[QuoteHit], people: list[KnownEntity], about: Optional[str],
                       since: Optional[str], until: Optional[str], limit: int,
                       include_copies: bool) -> list[QuoteHit]:
    """``hits`` and the quotes of ``people``, each once, newest article first, at most ``limit``."""
    views = store.entity_views()
    cap = _FILTERED_CAP if about or since or until else limit
    linked = [q for p in people for q in views.quotes_by(EntityRef(p.global_id, fold(p.name)), include_copies, cap)]
    linked = [q for q in linked if _published_in(q.published, since, until)]
    if about:
        linked = _about(store, linked, about)
    seen: set[tuple] = set()
    out = []
    for q in [*hits, *linked]:
        key = (q.article_id, tuple(q.quote.get("span") or ()))
        if key not in seen:
            seen.add(key)
            out.append(q)
    # Stable: within one date the store's own order stands. Undated last, as the store sorts them.
    out.sort(key=lambda q: q.published or "", reverse=True)
    out.sort(key=lambda q: q.published is None)
    return out[:limit]


def _published_in(published: Optional[str], since: Optional[str], until: Optional[str]) -> bool:
    """The store's rule: compare at the caller's precision, and only dated quotes pass a date filter."""
    if not since and not until:
        return True
    if not published:
        return False
    published = utc(published)  # in UTC, as the stores compare (storage.dates)
    return (not since or published[:len(since)] >= since) and (not until or published[:len(until)] <= until)


def _about(store: Store, hits: list[QuoteHit], about: str) -> list[QuoteHit]:
    """The hits whose quote speaks of an entity with ``about`` in its name (a quote's ``about`` holds the article's
    entity ids, so each article is read once)."""
    key = fold(about)
    names: dict[str, dict[str, str]] = {}
    out = []
    for hit in hits:
        if hit.article_id not in names:
            article = store.get(hit.article_id)
            names[hit.article_id] = {e.id: fold(e.name) for e in article.entities} if article else {}
        if any(key in names[hit.article_id].get(eid, "") for eid in hit.quote.get("about") or []):
            out.append(hit)
    return out
