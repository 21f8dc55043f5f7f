"""What a cluster's occurrences say together: canonical text, first appearance, spread, speaker vote, conflicts.

Copies count once: every vote and every count of reports is per story (``story``, which syndicated and
near-duplicate copies share), so one wire story reprinted by forty outlets is one report, not forty.

**Speaker vote.** Each story votes once for each speaker it names for the words (the entity's global id, so "Kerry"
and "John Kerry" linked to one entity are one vote). A speaker found only through a pronoun ("he said") is a *weak*
vote: it counts toward the tally but cannot by itself make a conflict, because a pronoun resolved to the wrong
person is our error far more often than the outlet's.

**Conflict.** At least two different speakers each named outright (a strong vote) by at least ``min_support``
stories that do not also name the other: one article giving the same words to two people contradicts itself, which
is our parse going wrong (a quote read twice), not outlets disagreeing. Two names where one's words are a subset of the other's ("Obama", "Barack Obama") are one side, since an
unlinked short form is not a second person.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Optional

from ..model import QuoteOccurrence
from .match import drift
from .words import Words, decode

Occurrence = QuoteOccurrence
# Bounds on the pairwise comparison that picks the canonical text (a viral quote has thousands of occurrences):
_CANDIDATES = 50  # the longest distinct versions may be canonical
_VOTERS = 200  # the most reported distinct versions say which of them they agree with


@dataclass(frozen=True, slots=True)
class Side:
    """One speaker the words are attributed to: votes (stories), strong votes (named outright), the articles."""

    speaker_id: str
    name: Optional[str]
    votes: int
    strong: int
    articles: tuple[str, ...]
    named_in: frozenset[str] = frozenset()  # the stories that name this speaker outright

    def as_dict(self) -> dict[str, Any]:
        return {"speaker_id": self.speaker_id, "name": self.name, "votes": self.votes, "named": self.strong,
                "articles": list(self.articles)}


@dataclass(slots=True)
class Summary:
    canonical: Optional[Occurrence]
    first: Optional[Occurrence]
    occurrences: int
    stories: int
    outlets: int
    sides: list[Side] = field(default_factory=list)
    conflict: bool = False
    drifted: int = 0

    @property
    def speaker(self) -> Optional[Side]:
        return self.sides[0] if self.sides else None


def story_of(o: Occurrence) -> str:
    return o.story or o.duplicate_of or o.article


def first_seen(occurrences: list[Occurrence]) -> Optional[Occurrence]:
    """The earliest published occurrence (undated ones only when none is dated; then the first stored)."""
    dated = [o for o in occurrences if o.published]
    pool = dated or occurrences
    return min(pool, key=lambda o: (o.published or "", o.seq)) if pool else None


def canonical(occurrences: list[Occurrence]) -> Optional[Occurrence]:
    """The longest faithful version: the version most other versions are faithful excerpts of (no word changed or
    silently dropped), then the longest, then the earliest stored. A lone changed-word copy therefore loses to
    the version its excerpts agree with even when it is as long."""
    versions: dict[str, Occurrence] = {}
    for o in sorted(occurrences, key=lambda o: o.seq):
        versions.setdefault(o.words, o)
    if not versions:
        return None
    pool = sorted(versions.values(), key=lambda o: (-len(decode(o.words)), o.seq))[:_CANDIDATES]
    counts: dict[str, int] = defaultdict(int)
    for o in occurrences:
        counts[o.words] += 1
    voters = sorted(counts, key=lambda w: -counts[w])[:_VOTERS]
    decoded = {w: decode(w) for w in set(voters) | {o.words for o in pool}}

    def support(candidate: Occurrence) -> int:
        base = decoded[candidate.words]
        return sum(counts[w] for w in voters if faithful(candidate.words, base, w, decoded[w]))

    return max(pool, key=lambda o: (support(o), len(decoded[o.words]), -o.seq))


def faithful(base_text: str, base: Words, text: str, words: Words) -> bool:
    """``words`` are ``base``'s without drift: an unbroken excerpt (a plain substring test, the common case) or,
    failing that, no word changed or silently dropped by the word-level diff."""
    if f" {text} " in f" {base_text} ":
        return True
    return not drift(base, words).drifted


def vote(occurrences: list[Occurrence]) -> list[Side]:
    """Speakers by votes (one per story), most first; ties go to the speaker named first in storage order."""
    stories: dict[str, set[str]] = defaultdict(set)
    strong: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, list[str]] = defaultdict(list)
    names: dict[str, Optional[str]] = {}
    order: dict[str, int] = {}
    for o in sorted(occurrences, key=lambda o: o.seq):
        if not o.speaker_id:
            continue
        sid = o.speaker_id
        names.setdefault(sid, o.speaker_name)
        order.setdefault(sid, o.seq)
        stories[sid].add(story_of(o))
        if not o.speaker_weak:
            strong[sid].add(story_of(o))
        if o.article not in articles[sid]:
            articles[sid].append(o.article)
    sides = [Side(sid, names[sid], len(stories[sid]), len(strong[sid]), tuple(articles[sid]), frozenset(strong[sid]))
             for sid in stories]
    sides.sort(key=lambda s: (-s.votes, -s.strong, order[s.speaker_id]))
    return _merge_name_forms(sides)


def _tokens(name: Optional[str]) -> frozenset[str]:
    return frozenset((name or "").casefold().replace(".", " ").split())


def _merge_name_forms(sides: list[Side]) -> list[Side]:
    kept: list[Side] = []
    for side in sides:
        mine = _tokens(side.name)
        for i, other in enumerate(kept):
            theirs = _tokens(other.name)
            if mine and theirs and (mine <= theirs or theirs <= mine):
                kept[i] = Side(other.speaker_id, other.name if len(theirs) >= len(mine) else side.name,
                               other.votes + side.votes, other.strong + side.strong,
                               other.articles + tuple(a for a in side.articles if a not in other.articles),
                               other.named_in | side.named_in)
                break
        else:
            kept.append(side)
    kept.sort(key=lambda s: (-s.votes, -s.strong))
    return kept


def summarize(occurrences: list[Occurrence], min_support: int = 1) -> Summary:
    """Everything a cluster's row keeps, from its occurrences (see the module docstring for the rules)."""
    canon = canonical(occurrences)
    sides = vote(occurrences)
    conflict = conflicting(sides, min_support)
    drifted = 0
    if canon is not None:
        base = decode(canon.words)
        per_version = {w: not faithful(canon.words, base, w, decode(w)) for w in {o.words for o in occurrences}}
        drifted = sum(1 for o in occurrences if per_version[o.words])
    return Summary(canon, first_seen(occurrences), len(occurrences), len({story_of(o) for o in occurrences}),
                   len({o.source for o in occurrences if o.source}), sides, conflict, drifted)


def conflicting(sides: list[Side], min_support: int = 1) -> bool:
    """Two speakers each named outright by ``min_support`` stories that do not name the other (module docstring)."""
    for i, one in enumerate(sides):
        for other in sides[i + 1:]:
            if (len(one.named_in - other.named_in) >= min_support
                    and len(other.named_in - one.named_in) >= min_support):
                return True
    return False
