"""Date filters compare ``published`` in UTC: "2015-01-31T22:00:00-05:00" was published on 1 February in UTC, and a
filter ``since=2015-02`` must count it, as it counts a "2015-02-01T03:00:00Z" article. A value without an offset
(a date, or a time with no zone) is compared as written: nothing says what zone it is in.

The stored text is never changed (records round-trip exactly); each backend compares :func:`utc` of it: the SQLite
store through a function it registers on each connection (:data:`SQL_FUNCTION`), the PostgreSQL store through an
SQL function of the same name and rule made by its schema (version 4).
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Optional

SQL_FUNCTION = "newsgraph_utc"
#: A time with a zone: YYYY-MM-DD, T or space, HH:MM[:SS[.fff]], then Z or ±HH[:]MM. Also the PostgreSQL
#: function's test (POSIX regular expression syntax), so both backends convert exactly the same values.
ZONED = (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?"
         r"(Z|[+-][0-9]{2}:?[0-9]{2})$")  # no hour 24 nor second 60: PostgreSQL would roll them over, Python refuses
_ZONED = re.compile(ZONED)


def utc(published: Optional[str]) -> Optional[str]:
    """``published`` as UTC ``YYYY-MM-DDTHH:MM:SS`` when it carries a zone; else unchanged (None stays None, and so
    does a value that looks zoned but is no real time, such as 30 February)."""
    if published is None or not _ZONED.match(published):
        return published
    value = published[:-1] + "+00:00" if published.endswith("Z") else published
    if len(value) >= 5 and value[-5] in "+-" and value[-3] != ":":  # ±HHMM -> ±HH:MM
        value = f"{value[:-2]}:{value[-2:]}"
    try:
        moment = datetime.fromisoformat(value).astimezone(timezone.utc)
    except (ValueError, OverflowError):  # OverflowError: an offset that moves 0001-01-01 before year 1
        return published
    # not strftime: "%Y" writes year 950 as "950" on glibc, which no longer sorts (or tokenises) as a date
    return (f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
            f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}")


def _day(bound: str, end: bool) -> Optional[datetime]:
    """The first (or, ``end``, last) day a YYYY[-MM[-DD…]] bound covers; None when it does not read as one."""
    try:
        if len(bound) == 4:
            return datetime(int(bound), 12 if end else 1, 31 if end else 1)
        if len(bound) == 7:
            year, month = int(bound[:4]), int(bound[5:7])
            if not end:
                return datetime(year, month, 1)
            return datetime.fromordinal(datetime(year + month // 12, month % 12 + 1, 1).toordinal() - 1)
        return datetime.fromisoformat(bound[:10])
    except ValueError:
        return None


def local_range(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Bounds on the text as written that hold every value whose UTC form passes ``since``/``until``: a day wider on
    each side (no zone is more than 14 hours from UTC), so an index on the written text can still narrow a filter
    before the exact UTC test. A bound that does not read as a date is returned as it is."""
    low = high = None
    if since:
        day = _day(since, end=False)
        low = since if day is None else datetime.fromordinal(day.toordinal() - 1).strftime("%Y-%m-%d")
    if until:
        day = _day(until, end=True)
        high = until if day is None else datetime.fromordinal(day.toordinal() + 1).strftime("%Y-%m-%d")
    return low, high
