"""The search box syntax, read safely into FTS5: what a reader types is never FTS5 syntax that can fail.

- words must all occur (``chemical weapons``);
- ``"chemical weapons"``: a phrase (an unclosed quote runs to the end);
- ``Syria OR Iran``: either (``OR`` in capitals, between two terms; ``a b OR c`` is a AND (b OR c));
- ``-Iran`` or ``NOT Iran``: leave out articles with it (only beside at least one wanted term);
- ``Syri*``: any word starting so.

Anything else is a plain word: brackets, ``AND``, ``NEAR``, colons and stray quotes are quoted away, and ``OR``,
``NOT`` or ``-`` where they cannot act are words too (or dropped when they hold no word character).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

_TOKEN = re.compile(r'"[^"]*"?|\S+')
_WORDISH = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    prefix: bool = False


def _term(token: str) -> Term | None:
    if token.startswith('"'):
        inner = token[1:-1] if len(token) > 1 and token.endswith('"') else token[1:]
        return Term(inner) if _WORDISH.search(inner) else None
    if token.endswith("*") and _WORDISH.search(token.rstrip("*")):
        return Term(token.rstrip("*"), prefix=True)
    return Term(token) if _WORDISH.search(token) else None


def parse(text: str) -> tuple[list[list[Term]], list[Term]]:
    """(groups ANDed together, each a list of terms ORed; terms to leave out)."""
    tokens = _TOKEN.findall(text.replace("\x00", " "))  # FTS5 reads a NUL as the end of the query
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = _term(tokens[i + 1]) if i + 1 < len(tokens) else None
        if token == "NOT" and following is not None:
            excluded.append(following)
            i += 2
            continue
        if token == "OR" and groups and following is not None:
            groups[-1].append(following)
            i += 2
            continue
        if token.startswith("-") and not token.startswith("--") and _term(token[1:]) is not None:
            excluded.append(_term(token[1:]))
        elif (term := _term(token)) is not None:
            groups.append([term])
        i += 1
    return groups, excluded


def to_fts(text: str, guard: Callable[[str], bool]) -> str:
    """The FTS5 expression for ``text``; ``guard(term)`` says a term must be looked for in the article's words only
    (a column filter), as for terms that could spell an index-only token. Empty when nothing can match."""
    groups, excluded = parse(text)

    def one(term: Term) -> str:
        column = "{title text} : " if guard(term.text) else ""
        return column + '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")

    def either(terms: list[Term]) -> str:
        return one(terms[0]) if len(terms) == 1 else "(" + " OR ".join(one(t) for t in terms) + ")"

    wanted = " AND ".join(either(g) for g in groups)
    if not wanted or not excluded:
        return wanted
    return f"({wanted}) NOT {either(excluded)}"
