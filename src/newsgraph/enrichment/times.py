"""The times stage: every time expression in an article, resolved against its publication date.

Finding (:mod:`.times_find`) is our own patterns over the text, checked against the spaCy parse; resolving
(:mod:`.times_resolve`) turns each into a TimeML TIMEX3 type and value, choosing the occurrence of a year-less
month or weekday by the tense of the governing verb (:mod:`.times_tense`). Spans follow TimeML extents: a
leading preposition is not part of the expression ("said on Friday" -> "Friday").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Union

from ..model import Article, TimeRef
from .times_find import TimeCandidate, find_times
from .times_resolve import parse_anchor, resolve, time_type

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TimeAnnotator", "TimeCandidate", "find_times", "resolve", "resolve_all", "time_type"]

# A clock time this close to a day ("3 p.m. on Friday", "Friday at 3 p.m.") is on that day.
_JOINER = re.compile(r"^\s*(?:,|on|at|of|,\s*at|,\s*on)?\s*$", re.I)
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*[A-Z]|\n")
_MAX_GAP = 120


def resolve_all(doc_or_text: Union["Doc", str], published: Optional[str]) -> list[TimeRef]:
    """Find and resolve every time expression; the pure core of :class:`TimeAnnotator`."""
    anchor = parse_anchor(published)
    cands = find_times(doc_or_text)
    refs = [TimeRef(c.text, (c.start, c.end), time_type(c), resolve(c, anchor, c.tense))  # type: ignore[arg-type]
            for c in cands]
    text = doc_or_text if isinstance(doc_or_text, str) else doc_or_text.text
    _date_the_clock_times(cands, refs, text)
    return refs


def _date_the_clock_times(cands: list[TimeCandidate], refs: list[TimeRef], text: str) -> None:
    """Give a bare clock time the day written next to it ("Friday at 3 p.m."), else a day named in the same
    sentence ("flew Tuesday in Everett at 18:00 UTC"; the nearest one before it), instead of the anchor's day."""
    for i, ref in enumerate(refs):
        if cands[i].kind != "time" or not ref.value:
            continue
        days = [other for other in refs if other.value and _DAY_VALUE.match(other.value)
                and _same_sentence(text, ref.span, other.span)]
        near = [d for d in days if _JOINER.match(text[min(d.span[1], ref.span[1]):max(d.span[0], ref.span[0])])]
        before = [d for d in days if d.span[1] <= ref.span[0]]
        chosen = near[0] if near else before[-1] if before else days[0] if days else None
        if chosen is not None:
            ref.value = chosen.value + ref.value[ref.value.index("T"):]


def _same_sentence(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    lo, hi = sorted((a, b))
    gap = text[lo[1]:hi[0]]
    return len(gap) <= _MAX_GAP and not _SENTENCE_END.search(gap)


class TimeAnnotator:
    """Fills ``article.times`` from the parse, anchored on ``article.published``."""

    name = "times"

    def annotate(self, article: Article, doc: "Doc") -> None:
        article.times = resolve_all(doc, article.published)
