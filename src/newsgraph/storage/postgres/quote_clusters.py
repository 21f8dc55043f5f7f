"""Quotation clusters in the PostgreSQL store (schema version 3: ``quote_clusters``, ``quote_occurrences``,
``quote_keys``, ``quote_articles``), the same contract and rules as the SQLite store's (``sqlite/quote_clusters.py``).

The cluster step's lookups run inside the writer's transaction (:func:`.tx.begin` takes the write lock), as the
dedup index's do: the candidates one article is matched against cannot change before its ``put`` commits.
"""
from __future__ import annotations

from typing import Optional, Sequence

import psycopg

from ...model import QuoteCluster, QuoteOccurrence
from .tx import article_tx, begin, write_tx

_T = 'TEXT COLLATE "C"'
#: The schema version 3 migration (schema.MIGRATIONS): the tables, empty; ``reindex --clusters`` fills them.
DDL = [
    f"""CREATE TABLE quote_clusters (id BIGSERIAL PRIMARY KEY, text {_T} NOT NULL, words {_T} NOT NULL,
    speaker_id {_T}, speaker_name {_T}, speaker_votes INTEGER NOT NULL DEFAULT 0, votes INTEGER NOT NULL DEFAULT 0,
    first_published {_T}, first_article {_T}, first_source {_T}, occurrences INTEGER NOT NULL DEFAULT 0,
    stories INTEGER NOT NULL DEFAULT 0, outlets INTEGER NOT NULL DEFAULT 0, conflict BOOLEAN NOT NULL DEFAULT false,
    drifted INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX quote_clusters_reach ON quote_clusters (occurrences DESC, id)",
    "CREATE INDEX quote_clusters_first ON quote_clusters (first_published, id)",
    "CREATE INDEX quote_clusters_conflict ON quote_clusters (conflict, occurrences DESC)",
    f"""CREATE TABLE quote_occurrences (seq BIGSERIAL PRIMARY KEY, cluster BIGINT NOT NULL, article {_T} NOT NULL,
    pos INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text {_T} NOT NULL,
    words {_T} NOT NULL, speaker_name {_T}, speaker_id {_T}, speaker_weak BOOLEAN NOT NULL DEFAULT false,
    published {_T}, source {_T}, story {_T}, duplicate_of {_T})""",
    "CREATE INDEX quote_occurrences_cluster ON quote_occurrences (cluster, seq)",
    "CREATE INDEX quote_occurrences_article ON quote_occurrences (article)",
    "CREATE TABLE quote_keys (key BIGINT NOT NULL, cluster BIGINT NOT NULL, PRIMARY KEY (key, cluster))",
    f"CREATE TABLE quote_articles (article {_T} PRIMARY KEY, content_hash {_T} NOT NULL)",
]
_OCC = ("seq, cluster, article, pos, span_start, span_end, text, words, speaker_name, speaker_id, speaker_weak,"
        " published, source, story, duplicate_of")
_CLU = ("id, text, words, speaker_id, speaker_name, speaker_votes, votes, first_published, first_article,"
        " first_source, occurrences, stories, outlets, conflict, drifted")
_ORDERS = {"occurrences": "occurrences DESC, id", "first_seen": "first_published IS NULL, first_published, id"}


def _occurrence(row) -> QuoteOccurrence:
    return QuoteOccurrence(row[2], row[3], (row[4], row[5]), row[6], row[7], row[8], row[9], bool(row[10]),
                           row[11], row[12], row[13], row[14], int(row[1]), int(row[0]))


def _cluster(row) -> QuoteCluster:
    return QuoteCluster(int(row[0]), *row[1:13], bool(row[13]), row[14])


class PostgresQuoteClusters:
    def __init__(self, conn: psycopg.Connection, where: str = ""):
        self._conn = conn
        self._what = f"the quotation clusters of {where}"

    def transaction(self):
        return article_tx(self._conn, self._what)

    def _write(self):
        begin(self._conn, self._what)  # committed by the article's put
        return write_tx(self._conn, self._what)

    def _locked(self, sql: str, params=()) -> list:
        begin(self._conn, self._what)
        return self._conn.execute(sql, params).fetchall()

    def _all(self, sql: str, params=()) -> list:
        return self._conn.execute(sql, params).fetchall()

    def indexed(self, article_id: str) -> Optional[str]:
        rows = self._locked("SELECT content_hash FROM quote_articles WHERE article = %s", (article_id,))
        return rows[0][0] if rows else None

    def remove_article(self, article_id: str) -> list[int]:
        rows = self._locked("SELECT DISTINCT cluster FROM quote_occurrences WHERE article = %s", (article_id,))
        if rows:
            with self._write():
                self._conn.execute("DELETE FROM quote_occurrences WHERE article = %s", (article_id,))
        return [int(r[0]) for r in rows]

    def candidates(self, keys: Sequence[int], limit: int = 8) -> list[tuple[int, str]]:
        if not keys:
            return []
        rows = self._locked(
            "SELECT c.id, c.words FROM (SELECT k.cluster, count(*) AS shared FROM unnest(%s::bigint[]) AS v (key)"
            " JOIN quote_keys k ON k.key = v.key GROUP BY k.cluster ORDER BY shared DESC, k.cluster LIMIT %s) AS t"
            " JOIN quote_clusters c ON c.id = t.cluster ORDER BY t.shared DESC, c.id",
            ([int(k) for k in dict.fromkeys(keys)], limit))
        return [(int(r[0]), r[1]) for r in rows]

    def add(self, occurrence: QuoteOccurrence, cluster: Optional[int], keys: Sequence[int]) -> int:
        o = occurrence
        with self._write():
            if cluster is None:
                cluster = int(self._conn.execute("INSERT INTO quote_clusters (text, words) VALUES (%s, %s)"
                                                 " RETURNING id", (o.text, o.words)).fetchone()[0])
            self._conn.execute(
                f"INSERT INTO quote_occurrences ({_OCC.split(', ', 1)[1]}) VALUES ({', '.join(['%s'] * 14)})",
                (cluster, o.article, o.pos, o.span[0], o.span[1], o.text, o.words, o.speaker_name, o.speaker_id,
                 bool(o.speaker_weak), o.published, o.source, o.story, o.duplicate_of))
            if keys:
                self._conn.execute("INSERT INTO quote_keys (key, cluster) SELECT k, %s FROM unnest(%s::bigint[]) AS k"
                                   " ON CONFLICT DO NOTHING", (cluster, [int(k) for k in dict.fromkeys(keys)]))
        return cluster

    def mark_indexed(self, article_id: str, content_hash: str) -> None:
        with self._write():
            self._conn.execute("INSERT INTO quote_articles (article, content_hash) VALUES (%s, %s) ON CONFLICT"
                               " (article) DO UPDATE SET content_hash = excluded.content_hash",
                               (article_id, content_hash))

    def occurrences(self, cluster: int) -> list[QuoteOccurrence]:
        return [_occurrence(r) for r in self._all(
            f"SELECT {_OCC} FROM quote_occurrences WHERE cluster = %s ORDER BY seq", (cluster,))]

    def save(self, cluster: QuoteCluster) -> None:
        c = cluster
        with self._write():
            self._conn.execute(
                "UPDATE quote_clusters SET text = %s, words = %s, speaker_id = %s, speaker_name = %s,"
                " speaker_votes = %s, votes = %s, first_published = %s, first_article = %s, first_source = %s,"
                " occurrences = %s, stories = %s, outlets = %s, conflict = %s, drifted = %s WHERE id = %s",
                (c.text, c.words, c.speaker_id, c.speaker_name, c.speaker_votes, c.votes, c.first_published,
                 c.first_article, c.first_source, c.occurrences, c.stories, c.outlets, bool(c.conflict), c.drifted,
                 c.id))

    def drop(self, cluster: int) -> None:
        """Delete the cluster row; its keys stay and are ignored (ids come from a sequence, never reused)."""
        with self._write():
            self._conn.execute("DELETE FROM quote_clusters WHERE id = %s", (cluster,))

    def cluster(self, cluster: int) -> Optional[QuoteCluster]:
        rows = self._all(f"SELECT {_CLU} FROM quote_clusters WHERE id = %s", (cluster,))
        return _cluster(rows[0]) if rows else None

    def clusters(self, conflicts: bool = False, order: str = "occurrences", limit: int = 100,
                 offset: int = 0) -> list[QuoteCluster]:
        where = "WHERE conflict" if conflicts else ""
        return [_cluster(r) for r in self._all(
            f"SELECT {_CLU} FROM quote_clusters {where} ORDER BY {_ORDERS[order]} LIMIT %s OFFSET %s",
            (limit, offset))]

    def complete(self) -> bool:
        registered = self._all("SELECT count(*) FROM quote_articles")[0][0]
        current = self._all("SELECT count(*) FROM articles WHERE current")[0][0]
        return registered >= current

    def clear(self) -> None:
        with self._write():
            for table in ("quote_keys", "quote_occurrences", "quote_clusters", "quote_articles"):
                self._conn.execute(f"DELETE FROM {table}")
