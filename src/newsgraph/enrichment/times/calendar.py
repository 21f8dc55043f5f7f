"""Calendar arithmetic for time resolution: which occurrence is meant, and TIMEX3 value strings."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

_CALENDAR_VALUE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?$")
_YEAR_MONTH_OR_DAY = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def day_value(year: int, month: int, day: int) -> Optional[str]:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_value(year: int, month: int) -> Optional[str]:
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def nearest_month(anchor: date, month: int, direction: Optional[str]) -> int:
    """Year of the ``month`` meant: past -> latest not after the anchor's month, future -> first not before it,
    otherwise the nearest (ties go to the anchor's own year)."""
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


def nearest_part(anchor: date, part: int, per_year: int, direction: Optional[str]) -> int:
    """Year of the ``part``-th quarter (``per_year`` 4) or half (2) meant: past -> latest not after the
    anchor's own part, future -> first not before it, otherwise the nearest (ties go to the anchor's year)."""
    current = (anchor.month - 1) * per_year // 12 + 1
    if direction == "past":
        return anchor.year if part <= current else anchor.year - 1
    if direction == "future":
        return anchor.year if part >= current else anchor.year + 1
    diff = part - current
    return anchor.year - 1 if 2 * diff > per_year else anchor.year + 1 if 2 * diff < -per_year else anchor.year


def nearest_day(anchor: date, month: int, day: int, direction: Optional[str]) -> Optional[date]:
    """The ``month``/``day`` meant, chosen among the anchor's year and the years either side."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if direction == "past":
        options = [d for d in options if d <= anchor] or options
        return max(options) if options else None
    if direction == "future":
        options = [d for d in options if d >= anchor] or options
        return min(options) if options else None
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def latest_not_after(start: str, end: str) -> str:
    """The year-less ``start`` value ("YYYY-MM" or "YYYY-MM-DD") moved to the latest year that keeps it at or
    before ``end``; values of other shapes come back unchanged."""
    if not (_CALENDAR_VALUE.match(start) and _CALENDAR_VALUE.match(end)):
        return start
    s_parts, e_parts = [int(p) for p in start.split("-")], [int(p) for p in end.split("-")]
    s_key = tuple(s_parts[1:]) + (1,) * (3 - len(s_parts))
    e_key = tuple(e_parts[1:]) + (31,) * (3 - len(e_parts))
    year = e_parts[0] - (1 if s_key > e_key else 0)
    if len(s_parts) == 2:
        return month_value(year, s_parts[1]) or start
    return day_value(year, s_parts[1], s_parts[2]) or start


def calendar_distance(start: Optional[str], end: Optional[str]) -> Optional[str]:
    """The TIMEX3 duration from ``start`` to a later ``end`` of the same granularity: "2009" to "2011" is P2Y,
    "2013-03" to "2013-06" P3M, days P<n>D; None for other shapes, mixed granularities or an end not after the
    start."""
    if not (start and end and _YEAR_MONTH_OR_DAY.match(start) and _YEAR_MONTH_OR_DAY.match(end)) \
            or start.count("-") != end.count("-"):
        return None
    s_parts, e_parts = [int(p) for p in start.split("-")], [int(p) for p in end.split("-")]
    if len(s_parts) == 1:
        n, unit = e_parts[0] - s_parts[0], "Y"
    elif len(s_parts) == 2:
        n, unit = (e_parts[0] - s_parts[0]) * 12 + e_parts[1] - s_parts[1], "M"
    else:
        n, unit = (date(*e_parts) - date(*s_parts)).days, "D"
    return f"P{n}{unit}" if n > 0 else None


def pick_weekday(anchor: date, weekday: int, direction: Optional[str], strict: bool) -> date:
    """The ISO ``weekday`` (1 = Monday) meant: the latest before (past), first after (future) or nearest;
    ``strict`` excludes the anchor day itself ("last Friday" on a Friday is a week ago)."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)


def shift_month(anchor: date, months: int) -> tuple[int, int]:
    total = anchor.year * 12 + anchor.month - 1 + months
    return total // 12, total % 12 + 1


# "this/last/next <unit>" as the shift codes of :func:`shift`; "fortnight" keeps a one-week step, as before.
_UNIT_CODES = {"day": "D", "week": "W", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y",
               "decade": "DE", "century": "CE"}


def unit_value(anchor: date, unit: str, offset: int) -> Optional[str]:
    """"this/last/next <unit>" as a TIMEX3 value at the unit's own granularity."""
    if unit == "weekend":
        return week_value(anchor + timedelta(weeks=offset)) + "-WE"
    code = _UNIT_CODES.get(unit)
    return shift(anchor, code, offset) if code else None


def shift(anchor: date, code: str, amount: int) -> Optional[str]:
    """The anchor moved by ``amount`` units ("two years ago" -> amount -2, code Y), at that unit's granularity."""
    if code == "Y":
        return f"{anchor.year + amount:04d}"
    if code == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}"
    if code == "CE":
        return f"{(anchor.year + 100 * amount) // 100:02d}"
    if code == "M":
        return month_value(*shift_month(anchor, amount))
    if code == "Q":
        year, month = shift_month(anchor, 3 * amount)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if code in ("W", "FN"):
        return week_value(anchor + timedelta(weeks=amount * (2 if code == "FN" else 1)))
    if code == "D":
        return (anchor + timedelta(days=amount)).isoformat()
    return anchor.isoformat()  # hours, minutes: the day is the best we know without the clock time


def season_value(anchor: date, code: str, offset: int) -> str:
    """"last summer" (offset -1), "this summer" (0), "next summer" (1): the year whose season is meant."""
    first, last = _SEASON_MONTHS[code]
    year = anchor.year
    if offset < 0:
        ended = anchor.month > last if first <= last else anchor.month > last and anchor.month < first
        year = year if ended else year - 1
    elif offset > 0:
        started = anchor.month >= first if first <= last else anchor.month >= first
        year = year + 1 if started else year
    return f"{year:04d}-{code}"
