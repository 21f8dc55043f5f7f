"""Per-entity counts kept at ingest, so an entity page costs the same for a person named in 5 articles as in 50,000.

Both backends keep one narrow table, ``entity_stats(ekey, facet, value, is_copy, n)``, written in the article's own
transaction: a stored revision adds its counts, a revision that stops being current takes its counts away again
(a re-ingest with changed text, see ``Store.put``). Rows of an article never change once stored, so these two steps
keep the table equal to a recount over the current rows; the contract suite checks exactly that.

``ekey`` says which rows an entity page aggregates (:func:`entity_key`): ``g:<global id>`` for linked rows, else
``n:<folded name>`` for the rows never linked (an unlinked name's page does not also count a linked entity that
happens to share the name). ``is_copy`` is 1 for the counts of a syndicated copy (``duplicate_of`` set), so a page
can leave copies out or take them in. The facets, each a count ``n`` per ``value``:

=========  ===============================  ==================================================================
facet      value                            n
=========  ===============================  ==================================================================
articles   ``""``                           current articles naming the entity
alias      a name as an article wrote it    rows with that name
role       a role                           rows with that role
type       an entity type                   rows of that type
month      YYYY-MM of ``published`` in UTC (as     mentions in articles of that month (``undated`` when no date)
           written, like the page shows)
cooc       another entity's ``ekey``        articles naming both
heard      speaker name, ``(unknown)``      (quote, about-row) pairs: quotes about the entity by that speaker
said       speaker name + US + about ekey   quotes the entity speaks about another entity (not itself)
=========  ===============================  ==================================================================

This module is the backend-free half: what one article contributes (from an :class:`~newsgraph.model.Article`
being stored, or from the rows of a stored revision), and how the read side turns counts into results. The SQL
that reads and writes the table lives with each backend.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence

from ..model import Article
from .base import EntityCount, EntityRef, EntitySummary, QuoteEdge
from .dates import utc
from .words import key

UNKNOWN = "(unknown)"
SEP = "\x1f"  # between the speaker and the spoken-about key of a "said" value
FACETS = ("articles", "alias", "role", "type", "month", "cooc", "heard", "said")

#: (ekey, facet, value, is_copy) -> n
Counts = Counter


def entity_key(global_id: Optional[str], name_key: str) -> str:
    """Which entity page a stored entity row counts towards."""
    return f"g:{global_id}" if global_id else f"n:{name_key}"


def ref_key(ref: EntityRef) -> str:
    return entity_key(ref.global_id, ref.name_key)


def key_global_id(ekey: str) -> Optional[str]:
    return ekey[2:] if ekey.startswith("g:") else None


@dataclass(frozen=True, slots=True)
class StatEntity:
    """What the counts need of one stored entity row."""

    local_id: str
    name: str
    name_key: str
    type: str
    roles: tuple[str, ...]
    global_id: Optional[str]
    mentions: int


@dataclass(frozen=True, slots=True)
class StatQuote:
    """What the counts need of one stored quote: its speaker's local entity id and name, and the ids it is about."""

    speaker_entity: Optional[str]
    speaker_name: Optional[str]
    about: tuple[str, ...]


@dataclass(slots=True)
class StatArticle:
    """One stored revision as the counts see it."""

    published: Optional[str]
    is_copy: bool
    entities: list[StatEntity] = field(default_factory=list)
    quotes: list[StatQuote] = field(default_factory=list)


def from_article(article: Article) -> StatArticle:
    """The counts' view of an article about to be stored (``duplicate_of`` already decided)."""
    return StatArticle(
        article.published, article.duplicate_of is not None,
        [StatEntity(e.id, e.name, key(e.name), e.type, tuple(e.roles), e.global_id, len(e.mentions))
         for e in article.entities],
        [StatQuote(q.speaker.entity if q.speaker else None,
                   None if q.speaker is None else (q.speaker.name or q.speaker.text), tuple(q.about))
         for q in article.quotes])


def contributions(article: StatArticle, into: Optional[Counts] = None, sign: int = 1) -> Counts:
    """Add (``sign`` 1) or take away (-1) what one current revision counts, keyed (ekey, facet, value, is_copy)."""
    out: Counts = Counter() if into is None else into
    copy = int(article.is_copy)
    month = (utc(article.published) or "undated")[:7]  # in UTC, as the date filters compare
    by_local: dict[str, str] = {}
    keys: list[str] = []
    for e in article.entities:
        k = entity_key(e.global_id, e.name_key)
        by_local[e.local_id] = k
        keys.append(k)
        out[(k, "alias", e.name, copy)] += sign
        out[(k, "type", e.type, copy)] += sign
        for role in e.roles:
            out[(k, "role", role, copy)] += sign
        if e.mentions:
            out[(k, "month", month, copy)] += sign * e.mentions
    distinct = list(dict.fromkeys(keys))
    for k in distinct:
        out[(k, "articles", "", copy)] += sign
        for other in distinct:
            if other != k:
                out[(k, "cooc", other, copy)] += sign
    for q in article.quotes:
        speaker = q.speaker_name if q.speaker_name is not None else UNKNOWN
        spoken_by = by_local.get(q.speaker_entity) if q.speaker_entity is not None else None
        for about in q.about:
            about_key = by_local.get(about)
            if about_key is None:  # an id no entity row of the article has: no row to count it against
                continue
            out[(about_key, "heard", speaker, copy)] += sign
            if spoken_by is not None and spoken_by != about_key:
                out[(spoken_by, "said", f"{speaker}{SEP}{about_key}", copy)] += sign
    return out


def changed(counts: Counts) -> list[tuple[str, str, str, int, int]]:
    """The non-zero deltas as rows (ekey, facet, value, is_copy, n) for a backend's upsert."""
    return [(k, f, v, c, n) for (k, f, v, c), n in counts.items() if n]


# -- the read side -----------------------------------------------------------------------------------------------

def _most(counter: Counter) -> list[tuple[str, int]]:
    return sorted(((v, n) for v, n in counter.items() if n > 0), key=lambda p: (-p[1], p[0]))


def summary(rows: Iterable[Sequence[Any]], include_copies: bool) -> Optional[EntitySummary]:
    """Build the summary from an entity's (facet, value, is_copy, n) rows of the head facets; None when no current
    article names it."""
    per: dict[int, dict[str, Counter]] = {0: {}, 1: {}}
    for facet, value, copy, n in rows:
        per[int(bool(copy))].setdefault(facet, Counter())[value] += int(n)
    own = per[0].get("articles", Counter()).get("", 0)
    copied = per[1].get("articles", Counter()).get("", 0)
    if own + copied <= 0:
        return None
    use = (0, 1) if include_copies or own <= 0 else (0,)

    def facet(name: str, copies: Sequence[int] = use) -> Counter:
        total: Counter = Counter()
        for c in copies:
            total.update(per[c].get(name, Counter()))
        return total
    months = facet("month")
    order = sorted((m for m, n in months.items() if n > 0), key=lambda m: (m == "undated", m))
    return EntitySummary(facet("articles")[""], sorted(m for m, n in facet("alias", (0, 1)).items() if n > 0),
                         _most(facet("role")), _most(facet("type")), [(m, months[m]) for m in order],
                         copies_only=own <= 0)


def top(rows: Iterable[Sequence[Any]], limit: int, name_of: Callable[[list[str]], dict[str, str]],
        ) -> list[tuple[str, str, int]]:
    """(ekey, name, n) of the ``limit`` largest counts among (ekey, n) rows, ties by name: names are looked up
    (``name_of``) only for the rows that can make the cut."""
    rows = sorted(((k, int(n)) for k, n in rows if int(n) > 0), key=lambda r: -r[1])
    if not rows:
        return []
    cut = rows[min(limit, len(rows)) - 1][1]
    keep = [r for r in rows if r[1] >= cut]
    names = name_of([k for k, _ in keep])
    ranked = sorted(((k, names.get(k, k[2:]), n) for k, n in keep), key=lambda r: (-r[2], r[1]))
    return ranked[:limit]


def cooccurring(rows: Iterable[Sequence[Any]], limit: int, name_of: Callable[[list[str]], dict[str, str]],
                ) -> list[EntityCount]:
    """Co-named entities from (other ekey, articles) rows."""
    return [EntityCount(key_global_id(k), name, n) for k, name, n in top(rows, limit, name_of)]


def edges(ekey: str, heard: Iterable[Sequence[Any]], said: Iterable[Sequence[Any]], limit: int,
          name_of: Callable[[list[str]], dict[str, str]]) -> list[QuoteEdge]:
    """"Who talks about whom" around one entity: (speaker, n) rows of quotes about it and (speaker+SEP+about
    ekey, n) rows of quotes it speaks about others; most quotes first, then speaker, then the entity's name."""
    pairs = [(speaker, ekey, int(n)) for speaker, n in heard if int(n) > 0]
    for value, n in said:
        speaker, _, about = value.partition(SEP)
        if int(n) > 0:
            pairs.append((speaker, about, int(n)))
    if not pairs:
        return []
    pairs.sort(key=lambda p: (-p[2], p[0]))
    cut = pairs[min(limit, len(pairs)) - 1][2]
    keep = [p for p in pairs if p[2] >= cut]
    names = name_of(list(dict.fromkeys(p[1] for p in keep)))
    ranked = sorted(((s, names.get(k, k[2:]), k, n) for s, k, n in keep), key=lambda r: (-r[3], r[0], r[1]))
    return [QuoteEdge(s, name, key_global_id(k), n) for s, name, k, n in ranked[:limit]]


def display_names(alias_rows: Iterable[Sequence[Any]], global_names: Iterable[Sequence[Any]]) -> dict[str, str]:
    """ekey -> shown name: the registry's canonical name for a linked entity, else the greatest name an article
    wrote (as the row-reading queries did with ``max(name)``). ``alias_rows`` are (ekey, name) with a count above
    zero, ``global_names`` (global id, name)."""
    out: dict[str, str] = {}
    for k, name in alias_rows:
        if k not in out or name > out[k]:
            out[k] = name
    for global_id, name in global_names:
        out[f"g:{global_id}"] = name
    return out
