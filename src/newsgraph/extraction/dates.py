"""Datelines: tell whether a short line *is* a date, then normalise it to ISO 8601.

Finding is ours and strict (a line made of date words, numbers and a label such as "Published:"); dateparser only
normalises a line already found, never searches free text (its ``search_dates`` finds dates in ordinary words).
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_DAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
_LABELS = "published updated posted modified edited last created date time on at the of first uhr h st nd rd th"
DATE_WORDS = frozenset((_MONTHS + " " + _DAYS + " " + _LABELS + " am pm").split())
_TIMEZONE = re.compile(r"^(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)$")
_TOKEN = re.compile(r"[A-Za-z]+|\d+|[+-]\d{2}:?\d{2}")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?")
_LABEL_PREFIX = re.compile(r"^\s*[^\d:]{1,30}:\s*(?=\S)")
_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s+(?=(?:updated|modified|edited|last updated)\b)", re.I)
_LABEL_WORDS = frozenset("published updated posted modified edited last created date time on at the of first".split())
MAX_TOKENS = 14
MAX_OTHER_WORDS = 2  # a place ("MOSCOW, May 4, 2013") or a timezone name may stand beside the date


def _is_dateish(segment: str) -> bool:
    """Mostly date vocabulary, numbers and time zones, with a four-digit year."""
    toks = _TOKEN.findall(segment)
    if not toks or len(toks) > MAX_TOKENS or not _YEAR.search(segment):
        return False
    other = [t for t in toks if not t.isdigit() and t.lower() not in DATE_WORDS and not _TIMEZONE.match(t)]
    return len(other) <= MAX_OTHER_WORDS and len(other) < len(toks) / 2


def _format(parsed: datetime, has_time: bool) -> str:
    if not has_time:
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()


def _parse_iso(segment: str) -> Optional[str]:
    match = _ISO.search(segment)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        parsed = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    text = _format(parsed, hour is not None)
    if hour is not None and zone:
        text += "+00:00" if zone == "Z" else (zone if ":" in zone else zone[:3] + ":" + zone[3:])
    return text


def _keeps(word: str) -> bool:
    if _TIMEZONE.match(word):
        return True
    lowered = word.lower()
    return lowered in DATE_WORDS and lowered not in _LABEL_WORDS


def _parse_free(segment: str) -> Optional[str]:
    import dateparser  # heavy import, only once a dateline has been found

    cleaned = _LABEL_PREFIX.sub("", segment)
    # Keep only date vocabulary, numbers, zones and punctuation: a place name beside the date confuses the parser.
    cleaned = re.sub(r"[A-Za-z]+", lambda m: m.group(0) if _keeps(m.group(0)) else " ", cleaned)
    # Numeric dates are read day-first (most of the world); dateparser flips when the day cannot be a month.
    parsed = dateparser.parse(cleaned, settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        return None
    return _format(parsed, bool(_TIME.search(cleaned)))


def parse_dateline(line: str) -> Optional[str]:
    """ISO 8601 for a line that is a dateline (``4 May, 2013 12:15`` → ``2013-05-04T12:15:00``), else None."""
    for segment in _SEGMENTS.split(line.strip()):
        if not _is_dateish(segment):
            continue
        value = _parse_iso(segment) or _parse_free(segment)
        if value:
            return value
    return None
