"""Primary-key spans: a search's range of newest articles as lexemes of the full-text index (schema version 8).

A search with a window looks for its matches among the newest articles first (``search.search``): ``pk`` above a
floor. As a btree range ANDed with the GIN bitmap, that range still had the GIN scan decode and test every match
of the query's words in the whole store (3.3x10^5 for a common word at 10^6 articles: most of such a search's time),
whatever the range kept. Here each article's pk is also a few lexemes of a third column of the GIN index, an
expression of the pk (nothing is stored in the row, and no writer computes it): for each level L of
:data:`LEVELS`, the number of the span of ``2**bits`` pks holding it. A range of pks is then the OR of the few
spans that cover it (:func:`cover`), a condition of the same GIN scan, which intersects the words' posting lists
with the spans' and so tests only the matches inside the range. The spans may reach below the floor; the exact
bound stays a condition on the row.

The same expression holds the year and month of the article's UTC date (``y2019``, ``m201906``; ``m201900`` for a
year alone), read as the SQLite store's date tokens are, so a date filter at year or month precision is the OR of
its lexemes (:func:`dates`), exact, and a condition of the same GIN scan rather than a btree bitmap of every
article in its range.
"""
from __future__ import annotations

from typing import Optional

from ..dates import SQL_FUNCTION as UTC_FUNCTION
from ..sqlite.facet_tokens import PREFIX

#: The SQL function of the index expression, ``newsgraph_keys(pk, published)`` (IMMUTABLE: a pure function of
#: its arguments, as ``newsgraph_utc`` is).
FUNCTION = "newsgraph_keys"
#: (lexeme prefix, bits) per level, each 16x the span of the one below: a range is covered by at most 15 spans of
#: each level at either end, so the OR stays short at any store size.
LEVELS = (("a", 12), ("b", 16), ("c", 20), ("d", 24))
_STEP = 4  # bits between levels
#: A dated UTC value (exactly YYYY, or YYYY-MM with month 01-12 then anything), as the SQLite store's date tokens
#: read it (storage/sqlite/facet_tokens.py): its year and month, "00" for a year alone.
_DATED_UTC = "^([0-9]{4})(?:-(0[1-9]|1[0-2])|$)"
DDL = (f"CREATE OR REPLACE FUNCTION {FUNCTION}(pk bigint, published text) RETURNS tsvector LANGUAGE sql IMMUTABLE"
       " PARALLEL SAFE AS $fn$ SELECT array_to_tsvector(ARRAY["
       + ", ".join(f"'{p}' || (pk >> {b})" for p, b in LEVELS) + "] || coalesce((SELECT CASE WHEN d IS NULL THEN"
       " NULL ELSE ARRAY['y' || d[1], 'm' || d[1] || coalesce(d[2], '00')] END"
       f" FROM regexp_match({UTC_FUNCTION}(published), '{_DATED_UTC}') AS d), '{{}}'::text[])) $fn$")


def expression(col: str = "") -> str:
    """The expression the GIN index holds, on the ``articles`` row ``col`` (none: the index's own columns)."""
    prefix = f"{col}." if col else ""
    return f"{FUNCTION}({prefix}pk, {prefix}published)"


EXPRESSION = expression()


def lexemes(pk: int, published: Optional[str] = None) -> list[str]:
    """The lexemes of one article, as the SQL function gives them (for tests)."""
    from ..sqlite.facet_tokens import article_tokens
    dates = [t[len(PREFIX):] for t in article_tokens(published, None, "x").split() if t.startswith(PREFIX + "y")
             or t.startswith(PREFIX + "m")]
    return [f"{p}{pk >> b}" for p, b in LEVELS] + dates


def dates(since: Optional[str], until: Optional[str], first_year: int, last_year: int) -> Optional[str]:
    """A tsquery (text) of the year and month lexemes holding exactly the articles a ``since``/``until`` filter
    passes, given the years of the store's dates as written (:func:`date_phrases` reaches a year beyond them for
    their UTC dates); None when these bounds are not exact at year or month precision, or the range is too wide or
    too long a list to be worth it (the SQLite store's rules: :func:`newsgraph.storage.sqlite.facet_tokens
    .date_phrases`). "" when nothing can pass."""
    from ..sqlite.facet_tokens import date_phrases, exact_dates
    if not exact_dates(since, until):
        return None
    phrases = date_phrases(since, until, first_year, last_year)
    if phrases is None:
        return None
    return " | ".join(f"'{p[len(PREFIX):]}'" for p in phrases)


def cover(low: int, high: int) -> str:
    """A tsquery (text) of spans that together hold every pk from ``low`` to ``high`` (inclusive, low >= 0), and
    pks below ``low`` or above ``high`` only within the first and last span of the lowest level."""
    first, last = low >> LEVELS[0][1], high >> LEVELS[0][1]  # in spans of the lowest level
    parts: list[str] = []
    while first <= last:
        level = 0
        while level + 1 < len(LEVELS):  # the largest span starting here that ends within the range
            size = 1 << (_STEP * (level + 1))
            if first % size or first + size - 1 > last:
                break
            level += 1
        parts.append(f"'{LEVELS[level][0]}{first >> (_STEP * level)}'")
        first += 1 << (_STEP * level)
    return " | ".join(parts)
