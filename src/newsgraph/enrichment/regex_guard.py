"""A cheap first-character test in front of a regular expression, so that scanning skips where it cannot match.

Python's ``re`` tries a pattern at every position of the text. Our time rules open with a word boundary and long
alternations (qualifiers, number words, month names), so most of their cost is failing those alternations at
positions whose first character could never start a match. :func:`first_char_guard` reads the pattern's syntax
tree (the standard library's own parser) and returns a lookahead ``(?=[…])`` of every character a match can start
with, case-insensitive where the pattern is. Put after a leading lookbehind, it changes no match: it only rejects
positions the pattern would reject anyway. Patterns it cannot bound (one that can match empty, a negated class,
``.``, a back-reference) get no guard.
"""
from __future__ import annotations

import re
try:  # the standard library's regex parser (``sre_parse`` before Python 3.11)
    import re._constants as _C
    import re._parser as _P
except ImportError:  # pragma: no cover - another Python: no guards, same results
    _C = _P = None  # type: ignore[assignment]


class _Unbounded(Exception):
    pass


def _class_item(op, av) -> str:
    if op is _C.LITERAL:
        return re.escape(chr(av))
    if op is _C.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    categories = {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_WORD: r"\w",
                  _C.CATEGORY_NOT_WORD: r"\W", _C.CATEGORY_SPACE: r"\s", _C.CATEGORY_NOT_SPACE: r"\S"}
    if op is _C.CATEGORY and av in categories:
        return categories[av]
    raise _Unbounded(op)


def _first(items, ignore_case: bool, found: dict[bool, set[str]]) -> bool:
    """Add what ``items`` (a parsed sequence) can start with to ``found[ignore_case]``; whether it can match
    empty (then what follows it can start a match too)."""
    repeats = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())
    for op, av in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width: the next item gives the first character
        if op is _C.LITERAL:
            found[ignore_case].add(_class_item(op, av))
            return False
        if op is _C.IN:
            if any(o is _C.NEGATE for o, _ in av):
                raise _Unbounded("negated class")
            found[ignore_case].update(_class_item(o, a) for o, a in av)
            return False
        if op is _C.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            scoped = (ignore_case or bool(add_flags & _C.SRE_FLAG_IGNORECASE)) \
                and not del_flags & _C.SRE_FLAG_IGNORECASE
            if not _first(sub, scoped, found):
                return False
            continue
        if op is _C.BRANCH:
            empty = False
            for branch in av[1]:
                empty |= _first(branch, ignore_case, found)
            if not empty:
                return False
            continue
        if op in repeats:
            low, _, sub = av
            if not _first(sub, ignore_case, found) and low > 0:
                return False
            continue
        raise _Unbounded(op)
    return True


def first_char_guard(pattern: str) -> str:
    """``(?=[…])`` listing the characters a match of ``pattern`` can start with; "" when they cannot be bounded."""
    if _P is None:
        return ""
    found: dict[bool, set[str]] = {False: set(), True: set()}
    try:
        if _first(_P.parse(pattern).data, False, found):
            return ""  # the pattern can match the empty string: any position may start a match
    except _Unbounded:
        return ""
    parts = [f"[{''.join(sorted(found[False]))}]"] if found[False] else []
    if found[True]:
        parts.append(f"(?i:[{''.join(sorted(found[True]))}])")
    return f"(?={'|'.join(parts)})"


def guarded(rx: "re.Pattern[str]") -> "re.Pattern[str]":
    """``rx`` with :func:`first_char_guard` in front: the same matches, found without trying its look-behinds and
    alternatives at positions no match can start at."""
    return re.compile(first_char_guard(rx.pattern) + rx.pattern, rx.flags)
