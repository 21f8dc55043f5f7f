"""The near-duplicate index inside the SQLite store file (``dedup_docs`` and ``dedup_bands``, see schema.py).

It satisfies the ``newsgraph.dedup.DedupIndex`` protocol with plain values (ids, ints, bytes): the hashing lives in
the dedup stage, the SQL here. Lookups go through indexes, so the cost of matching one article does not grow with
the number stored, and nothing is held in memory between calls. An :meth:`add` opens the store's write transaction
and leaves it open: the ``put`` of the article commits the row with it (see :mod:`.tx`).
"""
from __future__ import annotations

from typing import Optional, Sequence

from .engine import sqlite3
from ...errors import ConfigError
from ...model import IndexEntry
from .tx import begin, write_tx

_COLUMNS = "seq, id, content_hash, story, duplicate_of, shingles"
_PARAMS_KEY = "dedup_params"
_MAX_VARS = 400  # band pairs per query: 2 variables each, well under SQLite's default limit of 32766


def _entry(row) -> IndexEntry:
    return IndexEntry(int(row[0]), row[1], row[2], row[3], row[4], bytes(row[5]))


class SQLiteDedupIndex:
    """Band table and document table in the store's own connection (same file, same locking)."""

    def __init__(self, conn: sqlite3.Connection, path: str = ""):
        self._conn = conn
        self._path = path

    def bind(self, params_label: str) -> None:
        """Record the hashing parameters on first use; refuse a different set later (stored keys would not match)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (_PARAMS_KEY,)).fetchone()
        if row is None:
            self._conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (_PARAMS_KEY, params_label))
        elif row[0] != params_label:
            raise ConfigError(f"{self._path or 'this store'} was deduplicated with MinHash parameters {row[0]}, "
                              f"not {params_label}; use the same parameters or a new store")

    def entry(self, article_id: str) -> Optional[IndexEntry]:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM dedup_docs WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else _entry(row)

    def exact(self, content_hash: str, exclude_id: str, before: Optional[int] = None) -> Optional[IndexEntry]:
        """The earliest other article with this content hash (indexed before ``before`` when given)."""
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM dedup_docs WHERE content_hash = ? AND id != ? AND seq < ? ORDER BY seq LIMIT 1",
            (content_hash, exclude_id, _upper(before))).fetchone()
        return None if row is None else _entry(row)

    def candidates(self, keys: Sequence[tuple[int, int]], exclude_id: str, before: Optional[int] = None
                   ) -> list[IndexEntry]:
        """Articles sharing at least one ``(band, key)`` with ``keys``, earliest first."""
        found: dict[int, IndexEntry] = {}
        for start in range(0, len(keys), _MAX_VARS):
            chunk = keys[start:start + _MAX_VARS]
            values = ", ".join("(?, ?)" for _ in chunk)
            # Join with a VALUES list: SQLite then searches the primary key once per band (a row-value IN scans).
            sql = (f"SELECT {_COLUMNS} FROM dedup_docs WHERE seq IN (SELECT b.doc FROM (VALUES {values}) AS k"
                   " JOIN dedup_bands b ON b.band = k.column1 AND b.hash = k.column2) AND id != ? AND seq < ?")
            params = [v for pair in chunk for v in pair] + [exclude_id, _upper(before)]
            for row in self._conn.execute(sql, params):
                found[int(row[0])] = _entry(row)
        return [found[seq] for seq in sorted(found)]

    def add(self, article_id: str, content_hash: str, story: str, duplicate_of: Optional[str], shingles: bytes,
            keys: Sequence[tuple[int, int]], old_keys: Sequence[tuple[int, int]] = ()) -> int:
        """Index an article (or re-index a revised one in place, keeping its place in time); returns its seq."""
        conn = self._conn
        begin(conn, f"the dedup index of {self._path}")  # committed by the article's put
        with write_tx(conn, f"the dedup index of {self._path} (article {article_id!r})"):
            seq = self._upsert(article_id, content_hash, story, duplicate_of, shingles)
            conn.executemany("DELETE FROM dedup_bands WHERE band = ? AND hash = ? AND doc = ?",
                             [(band, key, seq) for band, key in old_keys])
            conn.executemany("INSERT OR IGNORE INTO dedup_bands (band, hash, doc) VALUES (?, ?, ?)",
                             [(band, key, seq) for band, key in keys])
        return seq

    def _upsert(self, article_id: str, content_hash: str, story: str, duplicate_of: Optional[str],
                shingles: bytes) -> int:
        row = self._conn.execute("SELECT seq FROM dedup_docs WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            self._conn.execute(
                "UPDATE dedup_docs SET content_hash = ?, story = ?, duplicate_of = ?, shingles = ? WHERE seq = ?",
                (content_hash, story, duplicate_of, shingles, row[0]))
            return int(row[0])
        cur = self._conn.execute(
            "INSERT INTO dedup_docs (id, content_hash, story, duplicate_of, shingles) VALUES (?, ?, ?, ?, ?)",
            (article_id, content_hash, story, duplicate_of, shingles))
        return int(cur.lastrowid)

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM dedup_docs").fetchone()[0])


def _upper(before: Optional[int]) -> int:
    return (1 << 62) if before is None else before
