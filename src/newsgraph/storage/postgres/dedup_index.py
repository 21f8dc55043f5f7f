"""The near-duplicate index in the PostgreSQL store (``dedup_docs``, ``dedup_bands``), same contract as SQLite's.

Every call, lookups included, runs inside the writer's transaction (:func:`.tx.begin` takes the write lock): what
the dedup step reads about earlier articles cannot change under it before the article's ``put`` commits, so two
writers never both take the same article for the first of its story.
"""
from __future__ import annotations

from typing import Optional, Sequence

import psycopg

from ...errors import ConfigError
from ...model import IndexEntry
from .tx import begin, write_tx

_COLUMNS = "seq, id, content_hash, story, duplicate_of, shingles"
_PARAMS_KEY = "dedup_params"
_NO_LIMIT = 1 << 62


def _entry(row) -> IndexEntry:
    return IndexEntry(int(row[0]), row[1], row[2], row[3], row[4], bytes(row[5]))


class PostgresDedupIndex:
    def __init__(self, conn: psycopg.Connection, where: str = ""):
        self._conn = conn
        self._where = where

    def _read(self, sql: str, params) -> list:
        begin(self._conn, f"the dedup index of {self._where}")  # committed by the article's put
        return self._conn.execute(sql, params).fetchall()

    def bind(self, params_label: str) -> None:
        rows = self._read("SELECT value FROM meta WHERE key = %s", (_PARAMS_KEY,))
        if not rows:
            self._conn.execute("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                               (_PARAMS_KEY, params_label))
        elif rows[0][0] != params_label:
            raise ConfigError(f"{self._where or 'this store'} was deduplicated with MinHash parameters {rows[0][0]},"
                              f" not {params_label}; use the same parameters or a new store")

    def entry(self, article_id: str) -> Optional[IndexEntry]:
        rows = self._read(f"SELECT {_COLUMNS} FROM dedup_docs WHERE id = %s", (article_id,))
        return _entry(rows[0]) if rows else None

    def exact(self, content_hash: str, exclude_id: str, before: Optional[int] = None) -> Optional[IndexEntry]:
        rows = self._read(f"SELECT {_COLUMNS} FROM dedup_docs WHERE content_hash = %s AND id != %s AND seq < %s"
                          " ORDER BY seq LIMIT 1", (content_hash, exclude_id, _upper(before)))
        return _entry(rows[0]) if rows else None

    def candidates(self, keys: Sequence[tuple[int, int]], exclude_id: str, before: Optional[int] = None
                   ) -> list[IndexEntry]:
        if not keys:
            return []
        # Two parallel arrays unnested into (band, hash) pairs: one statement, one primary-key probe per pair.
        rows = self._read(
            f"SELECT {_COLUMNS} FROM dedup_docs WHERE seq IN (SELECT b.doc FROM unnest(%s::int[], %s::bigint[])"
            " AS k (band, hash) JOIN dedup_bands b ON b.band = k.band AND b.hash = k.hash)"
            " AND id != %s AND seq < %s ORDER BY seq",
            ([int(b) for b, _ in keys], [int(h) for _, h in keys], exclude_id, _upper(before)))
        return [_entry(row) for row in rows]

    def add(self, article_id: str, content_hash: str, story: str, duplicate_of: Optional[str], shingles: bytes,
            keys: Sequence[tuple[int, int]], old_keys: Sequence[tuple[int, int]] = ()) -> int:
        conn = self._conn
        begin(conn, f"the dedup index of {self._where}")
        with write_tx(conn, f"the dedup index of {self._where} (article {article_id!r})"):
            # An upsert: the unique id keeps one row per article whatever another writer did before our turn.
            seq = int(conn.execute(
                "INSERT INTO dedup_docs (id, content_hash, story, duplicate_of, shingles) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, story = excluded.story,"
                " duplicate_of = excluded.duplicate_of, shingles = excluded.shingles RETURNING seq",
                (article_id, content_hash, story, duplicate_of, bytes(shingles))).fetchone()[0])
            if old_keys:
                with conn.cursor() as cur:
                    cur.executemany("DELETE FROM dedup_bands WHERE band = %s AND hash = %s AND doc = %s",
                                    [(int(b), int(h), seq) for b, h in old_keys])
            if keys:
                conn.execute("INSERT INTO dedup_bands (band, hash, doc) SELECT band, hash, %s FROM"
                             " unnest(%s::int[], %s::bigint[]) AS k (band, hash) ON CONFLICT DO NOTHING",
                             (seq, [int(b) for b, _ in keys], [int(h) for _, h in keys]))
        return seq

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM dedup_docs").fetchone()[0])


def _upper(before: Optional[int]) -> int:
    return _NO_LIMIT if before is None else before
