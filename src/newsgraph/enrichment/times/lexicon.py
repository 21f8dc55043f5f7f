"""Regex pieces and number reading for time expressions, built from the language's word tables
(:mod:`newsgraph.lang.en.times`).

Kept apart from the finder so the patterns read as a grammar and the resolver can share the same tables.
"""
from __future__ import annotations

import re
from typing import Optional, Union

from ... import lang

_EN = lang.get("en").times
MONTHS, MONTH_ABBR, WEEKDAYS = _EN.MONTHS, _EN.MONTH_ABBR, _EN.WEEKDAYS
PARTS_OF_DAY, SEASONS, ORDINALS, UNITS = _EN.PARTS_OF_DAY, _EN.SEASONS, _EN.ORDINALS, _EN.UNITS
HOLIDAYS, DECADE_WORDS, VAGUE = _EN.HOLIDAYS, _EN.DECADE_WORDS, _EN.VAGUE
_SMALL, _TENS = _EN.SMALL_NUMBERS, _EN.TENS


def alt_pattern(words) -> str:
    """Regex alternatives, longest first so "Christmas Eve" wins over "Christmas"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cap_alt(words) -> str:
    """Alternatives that must be capitalised ("May", not "may") but may also be all caps."""
    return "|".join(f"{w.capitalize()}|{w.upper()}" for w in sorted(words, key=len, reverse=True))


MONTH_RE = rf"(?:{_cap_alt(MONTHS)}|(?:{_cap_alt(MONTH_ABBR)})\.?)"
MONTH_FULL_RE = rf"(?:{_cap_alt(MONTHS)})"
WEEKDAY_RE = rf"(?:{_cap_alt(WEEKDAYS)})"
_UNITS_1_9 = alt_pattern(k for k, v in _SMALL.items() if 0 < v < 10)
_WORD_NUM = rf"(?:(?:{alt_pattern(_TENS)})(?:[- ](?:{_UNITS_1_9}))?|{alt_pattern(_SMALL)})"
# A number as digits or words, with "and a half" and the vague quantities; case-insensitive where used.
NUM_RE = rf"(?:\d+(?:[.,]\d+)?|{_WORD_NUM}(?: and a half)?|an?(?: dozen)?|half an?|{alt_pattern(VAGUE)})"
UNIT_RE = rf"(?:{alt_pattern(UNITS)})s?"


def month_number(word: str) -> Optional[int]:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR.get(w)


def number_value(text: str) -> Optional[Union[int, float, str]]:
    """"two" -> 2, "48" -> 48, "two and a half" -> 2.5, "a dozen" -> 12, "several" -> "X"; None if not a number."""
    t = text.lower().strip()
    if t in VAGUE:
        return "X"
    if t in ("a", "an"):
        return 1
    if t in ("half a", "half an"):
        return 0.5
    if t in ("a dozen", "an dozen"):
        return 12
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    value = _plain_number(t)
    if value is None:
        return None
    return value + 0.5 if half else value


def _plain_number(t: str) -> Optional[Union[int, float]]:
    if re.fullmatch(r"\d+", t.replace(",", "")) and not re.fullmatch(r"\d+,\d{1,2}", t):
        return int(t.replace(",", ""))
    if re.fullmatch(r"\d+[.,]\d+", t):
        return float(t.replace(",", "."))
    if t in _SMALL:
        return _SMALL[t]
    parts = re.split(r"[- ]", t)
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _SMALL)):
        return _TENS[parts[0]] + (_SMALL[parts[1]] if len(parts) == 2 else 0)
    return None


def unit_code(word: str) -> Optional[str]:
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    return UNITS.get(w) or UNITS.get(w[:-1] if w.endswith("s") else w)
