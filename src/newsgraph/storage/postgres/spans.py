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
"""
from __future__ import annotations

#: The SQL function of the index expression (IMMUTABLE: a pure function of the pk).
FUNCTION = "newsgraph_span"
#: (lexeme prefix, bits) per level, each 16x the span of the one below: a range is covered by at most 15 spans of
#: each level at either end, so the OR stays short at any store size.
LEVELS = (("a", 12), ("b", 16), ("c", 20), ("d", 24))
_STEP = 4  # bits between levels
DDL = (f"CREATE OR REPLACE FUNCTION {FUNCTION}(pk bigint) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE"
       " RETURN array_to_tsvector(ARRAY[" + ", ".join(f"'{p}' || (pk >> {b})" for p, b in LEVELS) + "])")


def lexemes(pk: int) -> list[str]:
    """The span lexemes of one pk, as the SQL function gives them (for tests)."""
    return [f"{p}{pk >> b}" for p, b in LEVELS]


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
