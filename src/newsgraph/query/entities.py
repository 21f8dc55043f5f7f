"""Entity pages and timelines: the library functions behind ``newsgraph entity`` and ``newsgraph timeline``.

A NAME is resolved to the most-named entity it may mean (exact name or alias first, then substring); the others
are listed in ``EntityPage.also``. Linked stores aggregate by global id; an unlinked store by exact name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import ConfigError, MissingExtra
from ..storage.base import EntityCount, EntityRef, QuoteHit, SpeakerCount, Store
from ..storage.dates import utc
from .speakers import speakers_named

__all__ = ["EntityPage", "TimelineRow", "entity", "quotes_by_count", "resolve_ref", "timeline", "plot_timeline",
           "PERIODS"]

PERIODS = ("day", "week")


@dataclass(slots=True)
class EntityPage:
    """Everything the store knows about one entity. Counts exclude syndicated copies unless asked. ``roles``,
    ``types`` are (value, articles) most first; ``mentions_by_month`` is (YYYY-MM or ``undated``, mentions)."""

    name: str
    global_id: Optional[str]
    articles: int
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, int]] = field(default_factory=list)
    types: list[tuple[str, int]] = field(default_factory=list)
    mentions_by_month: list[tuple[str, int]] = field(default_factory=list)
    cooccurring: list[EntityCount] = field(default_factory=list)
    quoted_by: list[SpeakerCount] = field(default_factory=list)
    quotes: list[QuoteHit] = field(default_factory=list)
    also: list[EntityCount] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The page as JSON-ready values; every list of pairs becomes a list of named fields."""
        return {"name": self.name, "global_id": self.global_id, "articles": self.articles,
                "aliases": list(self.aliases),
                "roles": [{"role": r, "articles": n} for r, n in self.roles],
                "types": [{"type": t, "articles": n} for t, n in self.types],
                "mentions_by_month": [{"month": m, "mentions": n} for m, n in self.mentions_by_month],
                "cooccurring": [c.as_dict() for c in self.cooccurring],
                "quoted_by": [s.as_dict() for s in self.quoted_by],
                "quotes": [q.as_dict() for q in self.quotes],
                "also": [c.as_dict() for c in self.also]}


def _resolve(store: Store, name: str) -> tuple[Optional[EntityRef], str, list[EntityCount]]:
    found = store.entity_views().resolve(name)
    if not found:  # a name no article wrote that way: the registry's aliases ("K. Brenner", "Sergei Lavrov")
        found = [EntityCount(k.global_id, k.name, 0) for k in speakers_named(store, name)]
    if not found:
        return None, name, []
    best = found[0]
    return EntityRef(best.global_id, best.name.casefold()), best.name, found[1:]


def resolve_ref(store: Store, name: str) -> Optional[EntityRef]:
    """How the entity ``name`` means is found in the store (None when nothing matches)."""
    return _resolve(store, name)[0]


def entity(store: Store, name: str, include_copies: bool = False, quotes: int = 20,
           quotes_offset: int = 0) -> Optional[EntityPage]:
    """The page of the entity ``name`` means, or None when no stored entity matches; ``quotes`` quotes by them from
    the ``quotes_offset``-th on, newest first (:func:`quotes_by_count` counts them all)."""
    if quotes_offset < 0:
        raise ConfigError(f"offset {quotes_offset} is negative: the first quote is offset 0")
    ref, display, also = _resolve(store, name)
    if ref is None:
        return None
    views = store.entity_views()
    head = views.summary(ref, include_copies)  # kept counts: the same cost for 5 articles or 50,000
    if head is None:
        return None
    return EntityPage(
        name=display, global_id=ref.global_id, articles=head.articles, aliases=head.aliases, roles=head.roles,
        types=head.types, mentions_by_month=head.mentions_by_month, cooccurring=views.cooccurring(ref, include_copies=include_copies or head.copies_only),
        quoted_by=views.quoted_by(ref, include_copies),
        quotes=views.quotes_by(ref, include_copies, quotes_offset + quotes)[quotes_offset:], also=also)


def quotes_by_count(store: Store, name: str, include_copies: bool = False) -> int:
    """How many quotes the entity ``name`` means speaks (what :func:`entity` pages through); 0 when none matches."""
    ref = resolve_ref(store, name)
    if ref is None:
        return 0
    return sum(counts.quotes for counts in store.entity_views().per_article(ref, include_copies))


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One period of an entity's timeline: a day (YYYY-MM-DD), an ISO week (YYYY-Www), or coarser when the
    articles' dates are (YYYY-MM, ``undated``)."""

    period: str
    articles: int
    mentions: int
    quotes: int

    def as_dict(self) -> dict[str, Any]:
        return {"period": self.period, "articles": self.articles, "mentions": self.mentions, "quotes": self.quotes}


def _period(published: Optional[str], by: str) -> str:
    """The day or ISO week of ``published`` in UTC, as the date filters and the entity page's months count it."""
    published = utc(published)
    if not published or len(published) < 10:
        return published[:7] if published else "undated"
    if by == "day":
        return published[:10]
    try:
        year, week, _ = date.fromisoformat(published[:10]).isocalendar()
    except ValueError:
        return published[:10]
    return f"{year}-W{week:02d}"  # TIMEX3 week notation, as times[].value uses


def timeline(store: Store, name: str, by: str = "day", include_copies: bool = False) -> list[TimelineRow]:
    """Articles, mentions and quotes by the entity per day or ISO week, oldest first (undated last)."""
    if by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    ref, _, _ = _resolve(store, name)
    if ref is None:
        return []
    sums: dict[str, list[int]] = {}
    for counts in store.entity_views().per_article(ref, include_copies):
        row = sums.setdefault(_period(counts.published, by), [0, 0, 0])
        row[0] += 1
        row[1] += counts.mentions
        row[2] += counts.quotes
    order = sorted(sums, key=lambda p: (p == "undated", p))
    return [TimelineRow(p, *sums[p]) for p in order]


def plot_timeline(rows: list[TimelineRow], path: Union[str, Path], title: str = "") -> Path:
    """Write a PNG bar chart of mentions with quotes beside them; needs the ``plot`` extra (matplotlib)."""
    try:
        import matplotlib
        matplotlib.use("Agg")  # no display: render to a file only
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise MissingExtra("matplotlib", "plot") from exc
    fig, ax = plt.subplots(figsize=(max(6.0, 0.5 * len(rows)), 4.0))
    xs = range(len(rows))
    ax.bar([x - 0.2 for x in xs], [r.mentions for r in rows], width=0.4, label="mentions")
    ax.bar([x + 0.2 for x in xs], [r.quotes for r in rows], width=0.4, label="quotes")
    ax.set_xticks(list(xs), [r.period for r in rows], rotation=45, ha="right")
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
    return Path(path)
