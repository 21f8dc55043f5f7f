"""The speaker index: quotes of current revisions found by the words of their speaker's name, newest first.

``quote_speakers(term, pub, quote, copy)`` holds, for every quote of a current revision, one row per word start of
its speaker key (the case-folded speaker name): "sergey lavrov" gives the terms "sergey lavrov" and "lavrov". Its
primary key ``(term, pub DESC, quote)`` is also the order ``quotes`` returns (newest article first, undated last,
then storage order), so a lookup reads one short index range and stops after ``limit`` rows instead of scanning
every quote. ``pub`` is ``published`` with ``''`` for undated (sorts last in DESC order, like NULL did); ``copy``
is 1 for articles with ``duplicate_of`` set.

Matching: a query matches a speaker when it is a prefix of one of these terms, i.e. when it starts at the start of
a word of the name ("lavrov", "kerr", "john k"). Only when no indexed name matches that way does the caller fall
back to the old case-insensitive substring scan (so "avrov" still finds "Sergey Lavrov", slowly).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Optional

from .engine import sqlite3
from .facet_tokens import DATED_SQL
from .tx import write_tx
from ..dates import SQL_FUNCTION, local_range
from ..words import TOP, terms

SPEAKER_DDL = (
    """CREATE TABLE IF NOT EXISTS quote_speakers (
        term  TEXT NOT NULL,
        pub   TEXT NOT NULL,
        quote INTEGER NOT NULL,
        copy  INTEGER NOT NULL,
        PRIMARY KEY (term, pub DESC, quote)
    ) WITHOUT ROWID""",
)
#: A prefix covering more distinct terms than this is read as one range and sorted (still indexed, not a scan).
MAX_TERMS = 16


def ensure_speaker_index(conn: sqlite3.Connection) -> None:
    """Create the index when missing and fill it from the current quotes of a store made before it existed."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'quote_speakers'").fetchone():
        return
    with write_tx(conn, "the speaker index"):
        for statement in SPEAKER_DDL:
            conn.execute(statement)
        rows = conn.execute(
            "SELECT q.pk, q.speaker_key, coalesce(a.published, ''), a.duplicate_of IS NOT NULL FROM quotes q"
            " JOIN articles a ON a.id = q.article AND a.revision = q.revision"
            " WHERE a.current = 1 AND q.speaker_key IS NOT NULL").fetchall()
        conn.executemany("INSERT OR IGNORE INTO quote_speakers (term, pub, quote, copy) VALUES (?, ?, ?, ?)",
                         [(t, pub, pk, int(copy)) for pk, key, pub, copy in rows for t in terms(key)])


def index_rows(quote_pk: int, speaker_key: Optional[str], published: Optional[str],
               copy: bool) -> list[tuple[str, str, int, int]]:
    """The ``quote_speakers`` rows of one quote (none without a speaker)."""
    return [(t, published or "", quote_pk, int(copy)) for t in terms(speaker_key)]


def add(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, int, int]]) -> None:
    conn.executemany("INSERT OR IGNORE INTO quote_speakers (term, pub, quote, copy) VALUES (?, ?, ?, ?)", rows)


def remove_revision(conn: sqlite3.Connection, article_pk: int) -> None:
    """Drop the rows of a revision that stops being current (by exact primary key: no scan)."""
    rows = conn.execute(
        "SELECT q.pk, q.speaker_key, a.published, a.duplicate_of IS NOT NULL FROM articles a"
        " JOIN quotes q ON q.article = a.id AND q.revision = a.revision WHERE a.pk = ?", (article_pk,)).fetchall()
    conn.executemany("DELETE FROM quote_speakers WHERE term = ? AND pub = ? AND quote = ?",
                     [(t, pub, pk) for pk, key, published, copy in rows
                      for t, pub, _, _ in index_rows(pk, key, published, copy)])


@dataclass(frozen=True, slots=True)
class SpeakerQuery:
    """One speaker lookup: the case-folded ``key`` and the other filters of ``Store.quotes``."""

    key: str
    about_key: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    include_copies: bool = True

    def filters(self) -> tuple[str, list[Any]]:
        where, params = [], []
        if not self.include_copies:
            where.append("copy = 0")
        if self.since or self.until:  # only dated values take part, as in search ("unknown" >= "2019" as text)
            where.append(DATED_SQL.format(col="pub"))
        # Dates compare in UTC (storage.dates); ``pub`` is the text as written, so the index range is a day wider
        # on each side and the UTC test, at the precision of the bound, decides.
        low, high = local_range(self.since, self.until)
        if self.since:
            where.append(f"pub >= ? AND substr({SQL_FUNCTION}(pub), 1, length(?)) >= ?")
            params += [low, self.since, self.since]
        if self.until:
            where.append(f"pub != '' AND pub < ? AND substr({SQL_FUNCTION}(pub), 1, length(?)) <= ?")
            params += [high + TOP, self.until, self.until]
        if self.about_key:
            where.append("EXISTS (SELECT 1 FROM about b WHERE b.quote = s.quote AND instr(b.name_key, ?) > 0)")
            params.append(self.about_key)
        return "".join(" AND " + w for w in where), params


def matching_terms(conn: sqlite3.Connection, key: str, most: int = MAX_TERMS + 1) -> list[str]:
    """Distinct indexed terms starting with ``key``, up to ``most``: one index seek each, however many rows."""
    found: list[str] = []
    row = conn.execute("SELECT min(term) FROM quote_speakers WHERE term >= ? AND term < ?", (key, key + TOP))
    term = row.fetchone()[0]
    while term is not None and len(found) < most:
        found.append(term)
        term = conn.execute("SELECT min(term) FROM quote_speakers WHERE term > ? AND term < ?",
                            (term, key + TOP)).fetchone()[0]
    return found


def lookup(conn: sqlite3.Connection, q: SpeakerQuery, n: int) -> Optional[list[int]]:
    """The first ``n`` quote pks in ``quotes`` order whose speaker has a word starting with ``q.key``, or None when
    no indexed speaker name has one (the caller then falls back to a substring scan)."""
    found = matching_terms(conn, q.key)
    if not found:
        return None
    where, params = q.filters()
    if len(found) > MAX_TERMS:
        sql = (f"SELECT DISTINCT pub, quote FROM quote_speakers s WHERE term >= ? AND term < ?{where}"
               " ORDER BY pub DESC, quote LIMIT ?")
        rows = conn.execute(sql, [q.key, q.key + TOP, *params, n]).fetchall()
        return [r[1] for r in rows]
    # Per term the primary key order is already the answer's order: read n rows of each, then merge.
    sql = f"SELECT pub, quote FROM quote_speakers s WHERE term = ?{where} ORDER BY pub DESC, quote LIMIT ?"
    merged: set[tuple[str, int]] = set()
    for term in found:
        merged.update(conn.execute(sql, [term, *params, n]).fetchall())
    rows = sorted(merged, key=lambda r: r[1])
    rows.sort(key=lambda r: r[0], reverse=True)  # stable: equal dates keep storage order
    return [r[1] for r in rows[:n]]
