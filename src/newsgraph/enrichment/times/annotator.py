"""The times stage: every time expression in an article, resolved against its publication date.

Finding (:mod:`.find`) is our own patterns over the text, checked against the spaCy parse; resolving
(:mod:`.values`) turns each into a TimeML TIMEX3 type and value, choosing the occurrence of a year-less
month or weekday by the tense of the governing verb (:mod:`.tense`). Spans follow TimeML extents: a
leading preposition is not part of the expression ("said on Friday" -> "Friday").
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Optional, Union

from ... import lang
from ...model import Article, TimeRef
from ..base import doc_text
from .calendar import calendar_distance, latest_not_after
from .find import TimeCandidate, find_times
from .values import COMPARISON_CUES, parse_anchor, resolve, resolve_from_story, story_precision, time_type

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TimeAnnotator", "TimeCandidate", "find_times", "resolve", "resolve_all", "time_type"]

# A clock time this close to a day ("3 p.m. on Friday", "Friday at 3 p.m.") is on that day.
_JOINER = re.compile(r"^\s*(?:,|on|at|of|,\s*at|,\s*on)?\s*$", re.I)
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
# A sentence or line end between two expressions (which day a clock time takes; the story-time window without a
# parse). Broader than find.py's, which must never cut inside an expression.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*[A-Z]|\n")
_MAX_GAP = 120
_DATELINE_REACH = 400
_FULL_DATE_KINDS = {"mdy", "dmy", "iso", "slash"}
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:to|through|thru|till|until|and)\s*$", re.I)
_RANGE_DASH = re.compile(r"^\s*[-–—]\s*$")
# A calendar value a story-time expression can count from: a day, a month, a quarter, or a year (also that of a
# season or half); a week's value is told apart, as it names no single day.
_CALENDAR_VALUE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?|-Q(?P<q>[1-4])"
                             r"|-(?P<part>SP|SU|FA|WI|H[12]))?(?:T|$)")
# The month a season or half of a year is counted from ("summer 2003 … the following spring" is 2004's).
_PART_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1, "H1": 1, "H2": 7}
_WEEK_VALUE = re.compile(r"^\d{4}-W\d\d")
_STORY_SENTENCES = 2
_UTC_TIMESTAMP = re.compile(r"T\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]00:?00)$")
ZONE_OFFSETS = lang.get("en").times.ZONE_OFFSETS


def resolve_all(doc_or_text: Union["Doc", str], published: Optional[str]) -> list[TimeRef]:
    """Find and resolve every time expression; the pure core of :class:`TimeAnnotator`."""
    text = doc_or_text if isinstance(doc_or_text, str) else doc_text(doc_or_text)
    cands = find_times(doc_or_text)
    anchor = _local_day(published, cands) or parse_anchor(_dateline(cands, text))
    refs: list[TimeRef] = []
    for c in cands:
        value = resolve(c, anchor, c.tense)
        need = story_precision(c)
        if need is not None:
            reference = _story_reference(cands, refs, c, need, anchor, text)
            if reference is not None:
                value = resolve_from_story(c, reference)
        refs.append(TimeRef(c.text, (c.start, c.end), time_type(c), value))  # type: ignore[arg-type]
    _date_the_clock_times(cands, refs, text)
    _order_ranges(cands, refs, text)
    return _with_range_durations(cands, refs, text)


def _local_day(published: Optional[str], cands: list[TimeCandidate]) -> Optional[date]:
    """The publication's own calendar day, which "today", "tonight" and "yesterday" count from. A timestamp with
    an offset is read at that offset, as written ("2019-03-01T19:30:00-06:00" is 1 March, never the UTC 2 March).
    A UTC timestamp from a page whose top names its local zone in a clock time ("Updated 7:30 p.m. CST") is moved
    to that zone first; otherwise UTC's day is all there is to go by."""
    day = parse_anchor(published)
    if day is None or not published or not _UTC_TIMESTAMP.search(published):
        return day
    for cand in cands:
        if cand.start > _DATELINE_REACH:
            break
        hours = ZONE_OFFSETS.get((cand.groups.get("tz") or cand.groups.get("tzp") or "").upper())
        if cand.kind == "time" and hours:
            try:
                instant = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
            except ValueError:
                return day
            return (instant + timedelta(hours=hours)).date()
    return day


def _story_reference(cands: list[TimeCandidate], refs: list[TimeRef], c: TimeCandidate, need: int,
                     anchor: Optional[date], text: str) -> Optional[date]:
    """What "the next day" or "the year before" counts from: the latest calendar date named before ``c`` in its
    sentence or the :data:`_STORY_SENTENCES` before, precise enough (1 year, 2 month, 3 day). Passed over: clock
    times (their day is settled later), values less precise than needed, dates after the anchor for an expression
    in the past tense, and for a comparison ("rose from the previous year") dates outside its clause. A week named
    last ("last week … the following day") leaves no day to count from. None: count from the publication date."""
    comparison = need < 3 and c.cue in COMPARISON_CUES  # periods are compared; "on the following day" is not
    crossed, pos = 0, c.start
    for prev, ref in zip(reversed(cands[:len(refs)]), reversed(refs)):
        if c.sentence is not None and prev.sentence is not None:
            crossed = c.sentence - prev.sentence  # the parse's sentences: "Mr. Smith" ends none
        else:
            crossed += len(_SENTENCE_END.findall(text, prev.end, min(len(text), pos + 2)))
        pos = prev.start
        if crossed > _STORY_SENTENCES:
            return None
        if prev.kind == "time" or (comparison and (prev.clause is None or prev.clause != c.clause)):
            continue
        value = ref.value or ""
        m = _CALENDAR_VALUE.match(value)
        if m is None:
            if _WEEK_VALUE.match(value) and need > 1:
                return None
            continue
        year, month, day, quarter, part = m.group("y", "m", "d", "q", "part")
        if (3 if day else 2 if month or quarter else 1) < need:
            continue
        try:
            found = date(int(year), int(month) if month else 3 * int(quarter) - 2 if quarter else
                         _PART_MONTH.get(part or "", 1), int(day) if day else 1)
        except ValueError:
            continue
        if c.tense == "past" and anchor is not None and found > anchor:
            continue  # "would report on May 20. Shares fell the next day": not the day after May 20
        return found
    return None


def _dateline(cands: list[TimeCandidate], text: str) -> Optional[str]:
    """Without a publication date, a full date standing alone on a line near the top ("September 01, 2007")
    is the article's dateline: the best anchor the text itself offers."""
    for cand in cands:
        if cand.start > _DATELINE_REACH:
            break
        if cand.kind not in _FULL_DATE_KINDS or "y" not in cand.groups:
            continue
        line_start = text.rfind("\n", 0, cand.start) + 1
        line_end = text.find("\n", cand.end)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        if not line.replace(cand.text, "", 1).strip(" \t.,;:-–—()[]"):
            return resolve(cand, None)
    return None


def _order_ranges(cands: list[TimeCandidate], refs: list[TimeRef], text: str) -> None:
    """"from January 23 through March 9": a year-less start is the latest occurrence not after the range's end,
    so the two ends are chosen together rather than each by itself."""
    for i in range(len(cands) - 1):
        first, second = cands[i], cands[i + 1]
        if not (_yearless_date(first) and _yearless_date(second) and refs[i].value and refs[i + 1].value):
            continue
        gap = text[first.end:second.start]
        opened = _RANGE_OPEN.search(text[max(0, first.start - 12):first.start])
        if _RANGE_DASH.match(gap) or (opened and _RANGE_JOIN.match(gap)):
            refs[i].value = latest_not_after(refs[i].value, refs[i + 1].value)


def _with_range_durations(cands: list[TimeCandidate], refs: list[TimeRef], text: str) -> list[TimeRef]:
    """A range "from 2009 to 2011" / "between March and June" also states how long: a DURATION over the whole
    range (its span takes in "from"/"between", as TimeML extents of ranges do), next to the two dates it joins.
    Only for two ends of the same granularity (years, months or days) written as a range."""
    out: list[TimeRef] = []
    for i, ref in enumerate(refs):
        if i + 1 < len(refs):
            first, second = cands[i], cands[i + 1]
            opened = _RANGE_OPEN.search(text[max(0, first.start - 12):first.start])
            gap = text[first.end:second.start]
            if opened and (_RANGE_JOIN.match(gap) or _RANGE_DASH.match(gap)):
                length = calendar_distance(ref.value, refs[i + 1].value)
                if length:
                    start = first.start - len(opened.group(0))
                    out.append(TimeRef(text[start:second.end], (start, second.end), "DURATION", length))
        out.append(ref)
    return out


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


def _yearless_date(cand: TimeCandidate) -> bool:
    return cand.kind in ("mdy", "dmy", "my") and "y" not in cand.groups and "mod" not in cand.groups


def _same_sentence(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    lo, hi = sorted((a, b))
    gap = text[lo[1]:hi[0]]
    return len(gap) <= _MAX_GAP and not _SENTENCE_END.search(gap)


class TimeAnnotator:
    """Fills ``article.times`` from the parse, anchored on ``article.published``."""

    name = "times"

    def annotate(self, article: Article, doc: "Doc") -> None:
        article.times = resolve_all(doc, article.published)
