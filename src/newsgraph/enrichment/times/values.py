"""Resolving a found time expression to a TimeML TIMEX3 type and value, against an anchor date.

``resolve(candidate, anchor, tense)`` is pure: the same candidate, anchor and tense give the same value. A month or
weekday without a year takes the occurrence the tense points to (past: the latest one not after the anchor,
future: the first one not before it, present or unknown: the nearest); "since" always looks back and
"until/by/before" look forward unless the clause is in the past. Without an anchor, relative expressions stay
relative (``PAST_REF``, ``XXXX-06``, ``XXXX-WXX-5``) as TIMEX3 does.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable, Optional, Union

from ... import lang
from .calendar import (day_value, month_value, nearest_day, nearest_month, nearest_part, pick_weekday,
                             season_value, shift, unit_value)
from .find import TimeCandidate, find_times
from .lexicon import (DECADE_WORDS, HOLIDAYS, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS, month_number,
                            number_value, unit_code)

Anchor = Union[date, datetime, str, None]
_EN = lang.get("en").times
_PAST_WORDS, _NEXT_WORDS = _EN.PAST_WORDS, _EN.NEXT_WORDS
_DURATION_REL = _EN.DURATION_RELATION_WORDS  # "the past year" measures a stretch; "the last quarter" names one
_BEFORE, _AFTER = _EN.BEFORE_WORDS, _EN.AFTER_WORDS  # "the day before", "the year after"
_STORY_REL = _EN.STORY_RELATION_WORDS | _BEFORE | _AFTER
_PRECISION = {"Y": 1, "DE": 1, "CE": 1, "Q": 2, "M": 2}  # what a reference must give; day for the rest
# Words before "the previous year" that make it the baseline of a comparison ("rose 5% from the previous year"):
# it counts from a date of its own clause ("sales in 2008 fell from the previous year"), not from one the story
# named in passing ("Siemens, founded in 1847, said profit rose from the year before").
COMPARISON_CUES = _EN.COMPARISON_CUES
_REFS = _EN.REFERENCES
_SET_ADVERBS = _EN.SET_ADVERBS
_REF_OF_OFFSET = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
# Prepositions that fix which side of the anchor a year-less date lies on.
_BACKWARD_CUES, _FORWARD_CUES = _EN.BACKWARD_CUES, _EN.FORWARD_CUES


def parse_anchor(anchor: Anchor) -> Optional[date]:
    """An ISO date or datetime string (or a date) as a date; None when absent or unreadable."""
    if anchor is None or isinstance(anchor, date):
        return anchor.date() if isinstance(anchor, datetime) else anchor
    try:
        return datetime.fromisoformat(anchor.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(anchor.strip()[:10])
        except ValueError:
            return None


def _is_stretch(groups: dict[str, str]) -> bool:
    """"the past year" is a stretch of time (DURATION); "the next day" is a day (DATE)."""
    return groups["rel"].lower() in _DURATION_REL and groups["unit"].lower() != "day"


def time_type(cand: TimeCandidate) -> str:
    """TIMEX3 type of a candidate: DATE, TIME, DURATION or SET."""
    g, kind = cand.groups, cand.kind
    if kind in ("dur", "durrel", "vague"):
        return "DURATION"
    if kind == "relunit" and _is_stretch(g):
        return "DURATION"
    if kind == "set":
        return "SET"
    if kind == "time" or (kind == "iso" and "hh" in g) or "pod" in g or g.get("rd", "").lower() == "tonight":
        return "TIME"
    return "DATE"


def resolve(cand: Union[TimeCandidate, str], anchor: Anchor = None, tense: Optional[str] = None) -> Optional[str]:
    """TIMEX3 value of a candidate (or of the first expression found in a string)."""
    if isinstance(cand, str):
        found = find_times(cand)
        if not found:
            return None
        cand = found[0]
    rule = _RESOLVERS.get(cand.kind)
    if not rule:
        return None
    try:
        return rule(cand, parse_anchor(anchor), tense if tense is not None else cand.tense)
    except (OverflowError, ValueError):
        return None  # an anchor at the calendar's edge (e.g. year 1) leaves the value unresolved


def _direction(cand: TimeCandidate, tense: Optional[str]) -> Optional[str]:
    """Which way from the anchor the expression lies: "since" looks back; "until/by/before" look forward unless
    the clause is in the past ("remain banned until April", "will report by June"); otherwise the tense decides,
    and the present tense (or none) takes the nearest occurrence."""
    if cand.cue in _BACKWARD_CUES:
        return "past"
    if cand.cue in _FORWARD_CUES and tense != "past":
        return "future"
    return tense if tense in ("past", "future") else None


def _explicit_day(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    month, day = month_number(g["mon"]) or 0, int(g["d"])
    if "y" in g:
        return day_value(int(g["y"]), month, day)
    if a is None:
        return f"XXXX-{month:02d}-{day:02d}"
    found = nearest_day(a, month, day, _direction(c, tense))
    return found.isoformat() if found else None


def _month(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    month = month_number(g["mon"]) or 0
    if "y" in g:
        return month_value(int(g["y"]), month)
    if a is None:
        return f"XXXX-{month:02d}"
    mod = g.get("mod", "").lower()
    if mod in ("last", "next", "this"):
        year = a.year + {"last": -1 if month >= a.month else 0, "next": 1 if month <= a.month else 0,
                         "this": 0}[mod]
        return month_value(year, month)
    return month_value(nearest_month(a, month, _direction(c, tense)), month)


def _iso(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    value = day_value(int(g["y"]), int(g["m"]), int(g["d"]))
    if value and "hh" in g:
        value += f"T{g['hh']}:{g['mi']}"
    return value


def _slash(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    year = int(g["y"])
    if year < 100:  # two-digit years: the century that puts the date nearest the anchor
        base = (a.year if a else 2000) // 100 * 100
        year = min((base - 100 + year, base + year, base + 100 + year),
                   key=lambda y: abs(y - (a.year if a else 2000)))
    return day_value(year, int(g["a"]), int(g["b"]))  # US order: month/day/year


def _year(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    fy = c.groups.get("fy", "").lower()
    prefix = "FY" if fy and "the year" not in fy else ""
    return prefix + c.groups["y"]


def _decade(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    if "dec" in g:
        return g["dec"]
    digit = g["dec2"] if "dec2" in g else str(DECADE_WORDS[g["decw"].lower()])
    return "19" + digit


def _century(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    word = c.groups["ord"].lower()
    number = ORDINALS.get(word) or int("".join(ch for ch in word if ch.isdigit()) or 0)
    return f"{number - 1:02d}" if number > 0 else None


def _clock(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    if "word" in g:
        hh, mi = (0, 0) if g["word"].lower() == "midnight" else (12, 0)
    else:
        hh, mi = int(g["hh"]), int(g.get("mi") or 0)
        ap = g.get("ap", "").lower().replace(".", "")
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
    day = a.isoformat() if a else "XXXX-XX-XX"
    zone = "Z" if (g.get("tz") or g.get("tzp") or "").upper() in ("UTC", "GMT") else ""
    return f"{day}T{hh:02d}:{mi:02d}{zone}"


def _relative_day(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    word = (g.get("rd") or g.get("rel", "")).lower()
    pod = g.get("pod", "").lower()
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[word]
    if word == "tonight":
        pod = "tonight"
    if a is None:
        return _REF_OF_OFFSET[offset]
    value = (a + timedelta(days=offset)).isoformat()
    return value + "T" + PARTS_OF_DAY[pod] if pod else value


def _weekday(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    wd = WEEKDAYS[g["wd"].lower()]
    pod = "T" + PARTS_OF_DAY[g["pod"].lower()] if "pod" in g else ""
    if a is None:
        return f"XXXX-WXX-{wd}{pod}"
    rel = g.get("rel", "").lower()
    if rel == "this":
        found = a + timedelta(days=wd - a.isoweekday())
    elif rel == "last":
        # "last Tuesday" in a Wednesday story is not yesterday (that is "Tuesday" or "yesterday") but the Tuesday
        # of the week before: the weekday in the ISO week before the anchor's (see docs/ARCHITECTURE.md).
        found = a - timedelta(days=a.isoweekday() - 1 + 7) + timedelta(days=wd - 1)
    elif rel in _PAST_WORDS or rel in _NEXT_WORDS:
        found = pick_weekday(a, wd, "past" if rel in _PAST_WORDS else "future", strict=True)
    else:
        found = pick_weekday(a, wd, _direction(c, tense), strict=False)
    return found.isoformat() + pod


def _offset_of(rel: str) -> int:
    return -1 if rel in _PAST_WORDS or rel in _BEFORE else 1 if rel in _NEXT_WORDS or rel in _AFTER else 0


def _relative_unit(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    rel, unit = c.groups["rel"].lower(), c.groups["unit"].lower()
    if _is_stretch(c.groups):
        return _duration_value(1, unit)
    offset = _offset_of(rel)
    if a is None:
        return _REF_OF_OFFSET[offset]
    if unit in SEASONS:
        return season_value(a, SEASONS[unit], offset)
    return unit_value(a, unit, offset)


def _weekend(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    """"over the weekend": the one just gone in the past tense, the one ahead in the future; without a tense (a
    headline, a misparse) the nearer one, as for a weekday: Monday to Wednesday look back, Thursday and Friday
    ahead."""
    if a is None:
        return "XXXX-WXX-WE"
    return unit_value(a, "weekend", _weekend_offset(a, _direction(c, tense)))


def _weekend_offset(a: date, direction: Optional[str]) -> int:
    """-1: the weekend of the ISO week before the anchor's; 0: the anchor's own week's (ahead on a weekday)."""
    if a.isoweekday() >= 6 or direction == "future":
        return 0
    return -1 if direction == "past" or a.isoweekday() <= 3 else 0


def _end_of(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    if "y" in c.groups:
        return c.groups["y"]  # "year-end 2022"
    return unit_value(a, c.groups["unit"].lower(), 0) if a else "PRESENT_REF"


def _duration_value(n: Union[int, float, str, None], unit_word: str) -> Optional[str]:
    code = unit_code(unit_word)
    if n is None or code is None:
        return None
    if isinstance(n, str):
        return {"H": "PTXH", "MIN": "PTXM", "S": "PTXS", "DE": "PXY", "CE": "PXY"}.get(code, f"PX{code}")
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "FN": (2, "W")}.get(code)
    if scale:
        n, code = n * scale[0], scale[1]
    text = f"{n:g}" if isinstance(n, float) else str(n)
    if code in ("H", "MIN", "S"):
        return f"PT{text}{'M' if code == 'MIN' else code}"
    return f"P{text}{code}"


def _duration(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    return _duration_value(number_value(c.groups["n"]), c.groups["unit"])


def _vague(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    return _duration_value("X", c.groups["unit"])


def story_precision(c: TimeCandidate) -> Optional[int]:
    """For an expression that counts from the story's own time rather than from the publication date ("the next
    day", "the following year", "the day before", "the same week", "three days later" told in the past), the
    precision its reference must have: 1 year, 2 month, 3 day. None for every other expression."""
    g = c.groups
    if c.kind == "relunit" and g["rel"].lower() in _STORY_REL and "pre" not in g and not _is_stretch(g):
        unit = g["unit"].lower()
        return 1 if unit in SEASONS else _PRECISION.get(unit_code(unit) or "", 3)
    if c.kind == "ago" and _narrative(c, c.tense):
        return _PRECISION.get(unit_code(g["unit"]) or "", 3)
    return None


def resolve_from_story(c: TimeCandidate, reference: date) -> Optional[str]:
    """The value of a :func:`story_precision` expression counted from ``reference``, a date the story named."""
    if c.kind == "ago":
        n, code = number_value(c.groups["n"]), unit_code(c.groups["unit"])
        if not isinstance(n, int) or code is None:
            return None
        n = n if c.groups["dir"].lower() == "later" else -n
        if code == "W":  # weeks from a named day land on a day: "Feb. 20 … a week earlier" is Feb. 13
            return (reference + timedelta(weeks=n)).isoformat()
        return shift(reference, code, n)
    return _relative_unit(c, reference, None)


def _narrative(c: TimeCandidate, tense: Optional[str]) -> bool:
    """"three days later" in a past-tense clause counts from a past event, not from the publication date; so does
    "a week earlier" told in the past ("The plant closed on Feb. 20. A week earlier, workers had been told …"),
    unless it is the baseline of a comparison ("up from $2 billion a year earlier"), which counts from now."""
    word = c.groups["dir"].lower()
    return (word == "later" and tense == "past") or (word == "earlier" and tense == "future") \
        or (word == "earlier" and tense == "past" and c.cue not in COMPARISON_CUES)


def _ago(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    """"two years ago" counts back from the anchor; "a year earlier" usually does too in news ("from $2 billion a
    year earlier"), but "three days later" in a past-tense clause counts from a past event (see
    :func:`resolve_from_story`; without one named before it, the value stays ``PAST_REF``)."""
    word = c.groups["dir"].lower()
    sign = -1 if word in ("ago", "earlier") else 1
    n = number_value(c.groups["n"])
    code = unit_code(c.groups["unit"])
    if a is None or not isinstance(n, int) or code is None or (_narrative(c, tense) and word != "earlier"):
        return "PAST_REF" if tense == "past" or (sign < 0 and tense != "future") else "FUTURE_REF"
    return shift(a, code, sign * n)  # "a week earlier" with no date named before it: from the publication


def _set(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    if "adv" in g:
        return _SET_ADVERBS.get(g["adv"].lower())
    unit = g.get("unit") or g.get("wd", "")
    if unit.lower().rstrip("s") in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[unit.lower().rstrip('s')]}"
    if unit.lower() in PARTS_OF_DAY:
        return f"XXXX-XX-XXT{PARTS_OF_DAY[unit.lower()]}"
    if unit.lower() == "weekend":
        return "XXXX-WXX-WE"
    n = g.get("n", "").lower()
    count = 2 if n == "other" else number_value(n) if n and "every" in g else 1
    return _duration_value(count if count is not None else 1, unit)


def _ref(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    return _REFS.get(c.groups["ref"].lower())


def _season(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    g = c.groups
    code = SEASONS[g["season"].lower()]
    if "y" in g:
        return f"{g['y']}-{code}"
    if a is None:
        return f"XXXX-{code}"
    rel = g.get("rel", "").lower()
    offset = _offset_of(rel) if rel in ("last", "next") else None
    if offset is None:
        direction = _direction(c, tense) if rel != "this" else None
        if direction == "future" and code != "WI" and a.month <= _season_last_month(code):
            return season_value(a, code, 0)  # a season still under way or ahead this year is the one meant
        offset = {"past": -1, "future": 1}.get(direction or "", 0)
    return season_value(a, code, offset)


def _season_last_month(code: str) -> int:
    return {"SP": 5, "SU": 8, "FA": 11}[code]


def _quarter(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    word = c.groups.get("q") or c.groups["ord"]
    q = int(word[1]) if word.upper().startswith("Q") else ORDINALS.get(word.lower()) or int(word[0])
    return _year_part(c, a, tense, "Q", 4 if q == -1 else q, 4)


def _half(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    word = c.groups.get("h") or c.groups["ord"]
    h = int(word[1]) if word.upper().startswith("H") else 1 if word.lower() == "first" else 2
    return _year_part(c, a, tense, "H", h, 2)


def _year_part(c: TimeCandidate, a: Optional[date], tense: Optional[str], letter: str, part: int,
               parts: int) -> str:
    """``2008-Q3`` / ``2008-H1``: the year written, else the one "last/next" names, else the nearest in the
    direction the sentence points."""
    g = c.groups
    if "y" in g:
        return f"{g['y']}-{letter}{part}"
    if a is None:
        return f"XXXX-{letter}{part}"
    if "rel" in g:
        return f"{a.year + _offset_of(g['rel'].lower()):04d}-{letter}{part}"
    return f"{nearest_part(a, part, parts, _direction(c, tense)):04d}-{letter}{part}"


def _holiday(c: TimeCandidate, a: Optional[date], tense: Optional[str]) -> Optional[str]:
    name = c.groups["hol"].lower().replace("’", "'")
    month, day = HOLIDAYS[name]
    if "y" in c.groups:
        return day_value(int(c.groups["y"]), month, day)
    if a is None:
        return f"XXXX-{month:02d}-{day:02d}"
    found = nearest_day(a, month, day, _direction(c, tense))
    return found.isoformat() if found else None


_RESOLVERS: dict[str, Callable[[TimeCandidate, Optional[date], Optional[str]], Optional[str]]] = {
    "iso": _iso, "slash": _slash, "mdy": _explicit_day, "dmy": _explicit_day, "my": _month, "year": _year,
    "decade": _decade, "century": _century, "time": _clock, "reld": _relative_day, "weekday": _weekday,
    "relunit": _relative_unit, "weekend": _weekend, "endof": _end_of, "durrel": _duration, "ago": _ago,
    "dur": _duration, "vague": _vague, "set": _set, "ref": _ref, "season": _season, "quarter": _quarter, "half": _half,
    "holiday": _holiday,
}
