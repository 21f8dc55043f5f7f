"""Quotations across the corpus (issue 18): one cluster with its evidence, and lists of clusters.

The store keeps each cluster's summary row (``QuoteCluster``); a cluster's page is derived here from its
occurrences with the same rules ingest used (``newsgraph.quotebank.summary``), so what is shown is what was voted.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal, Optional

from ..errors import ConfigError
from ..model import QuoteCluster, QuoteOccurrence
from ..quotebank.match import Drift, drift
from ..quotebank.summary import Side, story_of, vote
from ..quotebank.words import decode
from ..storage.base import Store

__all__ = ["Quotation", "Occurrence", "quotation", "quotations", "clusters_complete", "rebuild_clusters", "Order"]

Order = Literal["occurrences", "first_seen"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One report of the quotation: where, when, by whom it says, and how its words differ from the canonical."""

    occurrence: QuoteOccurrence
    drift: Drift
    copy: bool

    def as_dict(self) -> dict[str, Any]:
        o = self.occurrence
        return {"article": o.article, "published": o.published, "outlet": o.source, "span": list(o.span),
                "text": o.text, "speaker": o.speaker_name, "speaker_id": o.speaker_id,
                "speaker_by_pronoun": o.speaker_weak, "story": story_of(o), "copy": self.copy,
                "drift": self.drift.as_dict()}


@dataclass(frozen=True, slots=True)
class Quotation:
    """A cluster's page: its summary row, its occurrences (earliest published first), the speakers voted for, the
    spread over days and outlets (copies of a story counted once), and whether the store is fully clustered."""

    cluster: QuoteCluster
    occurrences: list[Occurrence]
    sides: list[Side]
    by_day: list[tuple[str, int]]
    by_outlet: list[tuple[str, int]]
    complete: bool = True

    @property
    def conflicts(self) -> list[Side]:
        """The sides of a conflict (empty when there is none): every speaker named outright."""
        return [s for s in self.sides if s.strong] if self.cluster.conflict else []

    @property
    def drifted(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.drift.drifted]

    def as_dict(self) -> dict[str, Any]:
        # The summary row's fields, with its count of occurrences as ``reports`` (``occurrences`` lists them).
        head = self.cluster.as_dict()
        head["reports"] = head.pop("occurrences")
        return {**head, "speakers": [s.as_dict() for s in self.sides],
                "conflicts": [s.as_dict() for s in self.conflicts],
                "by_day": [list(p) for p in self.by_day], "by_outlet": [list(p) for p in self.by_outlet],
                "occurrences": [o.as_dict() for o in self.occurrences],
                "drift": [o.as_dict() for o in self.drifted], "complete": self.complete}


def _clusters(store: Store):
    clusters = store.quote_clusters()
    if clusters is None:
        raise ConfigError(f"{store!r} keeps no quotation clusters")
    return clusters


def quotation(store: Store, cluster_id: int) -> Optional[Quotation]:
    """The cluster ``cluster_id`` with its evidence, or None."""
    clusters = _clusters(store)
    row = clusters.cluster(cluster_id)
    if row is None:
        return None
    found = clusters.occurrences(cluster_id)
    canonical = decode(row.words)
    found.sort(key=lambda o: (o.published is None, o.published or "", o.seq))
    seen: set[str] = set()
    occurrences = []
    days: Counter = Counter()
    outlets: Counter = Counter()
    for o in found:
        story = story_of(o)
        copy = story in seen or o.duplicate_of is not None
        seen.add(story)
        occurrences.append(Occurrence(o, drift(canonical, decode(o.words)), copy))
        if not copy:
            days[(o.published or "undated")[:10]] += 1
            outlets[o.source or "(unknown outlet)"] += 1
    return Quotation(row, occurrences, vote(found), sorted(days.items()), outlets.most_common(),
                     clusters.complete())


def quotations(store: Store, conflicts: bool = False, order: Order = "occurrences", limit: int = 100,
               offset: int = 0) -> list[QuoteCluster]:
    """One summary row per cluster: most reported first, or earliest first seen (``order="first_seen"``);
    ``conflicts`` keeps only clusters whose attributions conflict."""
    if order not in ("occurrences", "first_seen"):
        raise ConfigError(f"unknown order {order!r}; choose occurrences or first_seen")
    return _clusters(store).clusters(conflicts=conflicts, order=order, limit=limit, offset=offset)


def clusters_complete(store: Store) -> bool:
    """False for a store made before clusters (or filled without the cluster step): rebuild it."""
    return _clusters(store).complete()


def rebuild_clusters(store: Store, progress=None) -> int:
    """Re-cluster every current article from empty, in one transaction; returns the articles registered."""
    from ..quotebank.step import rebuild
    _clusters(store)
    return rebuild(store, progress)
