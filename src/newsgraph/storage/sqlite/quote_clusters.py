"""Quotation clusters inside the SQLite store file (``quote_clusters``, ``quote_occurrences``, ``quote_keys``,
``quote_articles``), satisfying ``storage.base.QuoteClusters`` with plain values: matching and summarising live in
``newsgraph.quotebank``, the SQL here. Lookups go through indexes and nothing is held between calls, so memory does
not grow with the corpus. Writes open the store's write transaction and leave it open for the article's ``put``
to commit (see :mod:`.tx`), as the dedup index does.

A store made before these tables existed gets them empty on open; ``complete()`` then says False until
``newsgraph reindex --clusters`` registers the stored articles.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .engine import sqlite3
from ...model import QuoteCluster, QuoteOccurrence
from .tx import article_tx, begin, write_tx

DDL = (
    # AUTOINCREMENT: a dropped cluster's id is never given again, so its index keys (left in place: deleting them
    # would need a second index on quote_keys, written on every add) can never point at another cluster.
    """CREATE TABLE IF NOT EXISTS quote_clusters (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    text            TEXT NOT NULL,
    words           TEXT NOT NULL,
    speaker_id      TEXT,
    speaker_name    TEXT,
    speaker_votes   INTEGER NOT NULL DEFAULT 0,
    votes           INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    first_article   TEXT,
    first_source    TEXT,
    occurrences     INTEGER NOT NULL DEFAULT 0,
    stories         INTEGER NOT NULL DEFAULT 0,
    outlets         INTEGER NOT NULL DEFAULT 0,
    conflict        INTEGER NOT NULL DEFAULT 0,
    drifted         INTEGER NOT NULL DEFAULT 0
)""",
    "CREATE INDEX IF NOT EXISTS quote_clusters_reach ON quote_clusters (occurrences DESC, id)",
    "CREATE INDEX IF NOT EXISTS quote_clusters_first ON quote_clusters (first_published, id)",
    "CREATE INDEX IF NOT EXISTS quote_clusters_conflict ON quote_clusters (conflict, occurrences DESC)",
    """CREATE TABLE IF NOT EXISTS quote_occurrences (
    seq          INTEGER PRIMARY KEY,
    cluster      INTEGER NOT NULL,
    article      TEXT NOT NULL,
    pos          INTEGER NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    words        TEXT NOT NULL,
    speaker_name TEXT,
    speaker_id   TEXT,
    speaker_weak INTEGER NOT NULL DEFAULT 0,
    published    TEXT,
    source       TEXT,
    story        TEXT,
    duplicate_of TEXT
)""",
    "CREATE INDEX IF NOT EXISTS quote_occurrences_cluster ON quote_occurrences (cluster, seq)",
    "CREATE INDEX IF NOT EXISTS quote_occurrences_article ON quote_occurrences (article)",
    # Word n-gram key -> cluster: the primary key is the lookup index (as dedup_bands).
    """CREATE TABLE IF NOT EXISTS quote_keys (
    key     INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    PRIMARY KEY (key, cluster)
) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS quote_articles (
    article      TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL
)""",
)
_OCC = ("seq, cluster, article, pos, span_start, span_end, text, words, speaker_name, speaker_id, speaker_weak,"
        " published, source, story, duplicate_of")
_CLU = ("id, text, words, speaker_id, speaker_name, speaker_votes, votes, first_published, first_article,"
        " first_source, occurrences, stories, outlets, conflict, drifted")
_MAX_VARS = 500
_ORDERS = {"occurrences": "occurrences DESC, id", "first_seen": "first_published IS NULL, first_published, id"}


def has_clusters(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'quote_articles'").fetchone() is not None


def ensure_quote_clusters(conn: sqlite3.Connection, readonly: bool = False) -> None:
    """Create the tables when missing (empty: a store with articles needs ``reindex --clusters`` to fill them).
    A reader's connection leaves an older store as it is: it reads as holding no clusters, not as damaged."""
    if readonly or has_clusters(conn):
        return
    with write_tx(conn, "the quotation clusters"):
        for statement in DDL:
            conn.execute(statement)


def _occurrence(row) -> QuoteOccurrence:
    return QuoteOccurrence(row[2], row[3], (row[4], row[5]), row[6], row[7], row[8], row[9], bool(row[10]),
                           row[11], row[12], row[13], row[14], row[1], row[0])


def _cluster(row) -> QuoteCluster:
    return QuoteCluster(*row[:13], bool(row[13]), row[14])


class SQLiteQuoteClusters:
    def __init__(self, conn: sqlite3.Connection, path: str = "", present: bool = True):
        self._conn = conn
        self._what = f"the quotation clusters of {path}"
        self._present = present  # False: a store made before clusters, opened read-only (reads find nothing)

    def transaction(self):
        return article_tx(self._conn, self._what)

    def _write(self):
        begin(self._conn, self._what)  # committed by the article's put
        return write_tx(self._conn, self._what)

    def indexed(self, article_id: str) -> Optional[str]:
        if not self._present:
            return None
        row = self._conn.execute("SELECT content_hash FROM quote_articles WHERE article = ?",
                                 (article_id,)).fetchone()
        return None if row is None else row[0]

    def remove_article(self, article_id: str) -> list[int]:
        rows = self._conn.execute("SELECT DISTINCT cluster FROM quote_occurrences WHERE article = ?",
                                  (article_id,)).fetchall()
        if rows:
            with self._write():
                self._conn.execute("DELETE FROM quote_occurrences WHERE article = ?", (article_id,))
        return [int(r[0]) for r in rows]

    def candidates(self, keys: Sequence[int], limit: int = 8) -> list[tuple[int, str]]:
        if not keys or not self._present:
            return []
        keys = list(keys)[:_MAX_VARS]
        values = ", ".join("(?)" for _ in keys)
        rows = self._conn.execute(
            f"SELECT c.id, c.words FROM (SELECT k.cluster AS cluster, count(*) AS shared FROM (VALUES {values}) AS v"
            " JOIN quote_keys k ON k.key = v.column1 GROUP BY k.cluster ORDER BY shared DESC, k.cluster LIMIT ?) AS t"
            " JOIN quote_clusters c ON c.id = t.cluster ORDER BY t.shared DESC, c.id", [*keys, limit]).fetchall()
        return [(int(r[0]), r[1]) for r in rows]

    def add(self, occurrence: QuoteOccurrence, cluster: Optional[int], keys: Sequence[int]) -> int:
        o = occurrence
        with self._write():
            if cluster is None:
                cluster = int(self._conn.execute("INSERT INTO quote_clusters (text, words) VALUES (?, ?)",
                                                 (o.text, o.words)).lastrowid)
            self._conn.execute(
                f"INSERT INTO quote_occurrences ({_OCC.split(', ', 1)[1]}) VALUES ({', '.join('?' * 14)})",
                (cluster, o.article, o.pos, o.span[0], o.span[1], o.text, o.words, o.speaker_name, o.speaker_id,
                 int(o.speaker_weak), o.published, o.source, o.story, o.duplicate_of))
            self._conn.executemany("INSERT OR IGNORE INTO quote_keys (key, cluster) VALUES (?, ?)",
                                   [(k, cluster) for k in keys])
        return cluster

    def mark_indexed(self, article_id: str, content_hash: str) -> None:
        with self._write():
            self._conn.execute("INSERT INTO quote_articles (article, content_hash) VALUES (?, ?) ON CONFLICT"
                               " (article) DO UPDATE SET content_hash = excluded.content_hash",
                               (article_id, content_hash))

    def occurrences(self, cluster: int) -> list[QuoteOccurrence]:
        if not self._present:
            return []
        rows = self._conn.execute(f"SELECT {_OCC} FROM quote_occurrences WHERE cluster = ? ORDER BY seq",
                                  (cluster,)).fetchall()
        return [_occurrence(r) for r in rows]

    def save(self, cluster: QuoteCluster) -> None:
        c = cluster
        with self._write():
            self._conn.execute(
                "UPDATE quote_clusters SET text = ?, words = ?, speaker_id = ?, speaker_name = ?, speaker_votes = ?,"
                " votes = ?, first_published = ?, first_article = ?, first_source = ?, occurrences = ?, stories = ?,"
                " outlets = ?, conflict = ?, drifted = ? WHERE id = ?",
                (c.text, c.words, c.speaker_id, c.speaker_name, c.speaker_votes, c.votes, c.first_published,
                 c.first_article, c.first_source, c.occurrences, c.stories, c.outlets, int(c.conflict), c.drifted,
                 c.id))

    def drop(self, cluster: int) -> None:
        """Delete the cluster row; its keys stay and are ignored (candidates join the cluster rows)."""
        with self._write():
            self._conn.execute("DELETE FROM quote_clusters WHERE id = ?", (cluster,))

    def cluster(self, cluster: int) -> Optional[QuoteCluster]:
        if not self._present:
            return None
        row = self._conn.execute(f"SELECT {_CLU} FROM quote_clusters WHERE id = ?", (cluster,)).fetchone()
        return None if row is None else _cluster(row)

    def clusters(self, conflicts: bool = False, order: str = "occurrences", limit: int = 100,
                 offset: int = 0) -> list[QuoteCluster]:
        if not self._present:
            return []
        where = "WHERE conflict = 1" if conflicts else ""
        rows = self._conn.execute(f"SELECT {_CLU} FROM quote_clusters {where} ORDER BY {_ORDERS[order]}"
                                  " LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        return [_cluster(r) for r in rows]

    def complete(self) -> bool:
        if not self._present:
            return self._conn.execute("SELECT 1 FROM articles WHERE current = 1 LIMIT 1").fetchone() is None
        registered = self._conn.execute("SELECT count(*) FROM quote_articles").fetchone()[0]
        current = self._conn.execute("SELECT count(*) FROM articles WHERE current = 1").fetchone()[0]
        return registered >= current

    def clear(self) -> None:
        with self._write():
            for table in ("quote_keys", "quote_occurrences", "quote_clusters", "quote_articles"):
                self._conn.execute(f"DELETE FROM {table}")
