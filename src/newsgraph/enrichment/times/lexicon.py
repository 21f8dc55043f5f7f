"""Word tables and regex pieces for time expressions (written for newsgraph; English only).

Kept apart from the finder so the patterns read as a grammar and the resolver can share the same tables.
"""
from __future__ import annotations

import re
from typing import Optional, Union

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "final": -1, "last": -1}
UNITS = {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W", "fortnight": "FN",
         "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
# Fixed-date holidays only: movable feasts would need rules we do not trust without gold to test them.
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
            "valentine's day": (2, 14), "boxing day": (12, 26)}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}

_SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
# Quantity words that stand for a number we cannot know: TimeML writes it as X (P2Y vs PXY).
VAGUE = ("a couple of", "a few", "several", "many", "some", "few", "dozens of", "hundreds of", "numerous")


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
