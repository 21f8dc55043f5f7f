"""The cross-article entity registry in the PostgreSQL store (same tables and rules as the SQLite registry).

The linker reads and writes the registry inside :meth:`PostgresEntityRegistry.transaction`, which holds the store's
write lock (:mod:`.tx`): two writers meeting the same new name in the same minute create one global entity, not two,
because the second one's lookup runs after the first one's commit.
"""
from __future__ import annotations

from typing import Iterable, Optional

import psycopg

from .tx import write_tx


class PostgresEntityRegistry:
    def __init__(self, conn: psycopg.Connection, where: str = ""):
        self._conn = conn
        self.where = where

    def transaction(self):
        return write_tx(self._conn, f"entity links to {self.where}")

    def _all(self, sql: str, params) -> list:
        return self._conn.execute(sql, params).fetchall()

    def lookup(self, alias: str, kind: str) -> list[str]:
        rows = self._all("SELECT a.global_id FROM global_aliases a JOIN global_entities g ON g.id = a.global_id"
                         " WHERE a.alias_norm = %s AND a.kind = %s ORDER BY g.seq", (alias, kind))
        return [r[0] for r in rows]

    def aliases(self, global_id: str, kind: str) -> list[str]:
        rows = self._all("SELECT alias_norm FROM global_aliases WHERE global_id = %s AND kind = %s"
                         " ORDER BY alias_norm", (global_id, kind))
        return [r[0] for r in rows]

    def roles(self, global_id: str) -> set[str]:
        return {r[0] for r in self._all("SELECT role_norm FROM global_roles WHERE global_id = %s", (global_id,))}

    def cooccurring(self, global_id: str, limit: int = 2000) -> set[str]:
        rows = self._all("SELECT DISTINCT o.global_id FROM entities e JOIN entities o"
                         " ON o.article = e.article AND o.revision = e.revision"
                         " WHERE e.global_id = %s AND o.global_id IS NOT NULL AND o.global_id != %s LIMIT %s",
                         (global_id, global_id, limit))
        return {r[0] for r in rows}

    def entity(self, global_id: str) -> Optional[tuple[str, str, str]]:
        rows = self._all("SELECT name, type, kind FROM global_entities WHERE id = %s", (global_id,))
        return tuple(rows[0]) if rows else None

    def stored_links(self, article_id: str, content_hash: str) -> Optional[dict[str, Optional[str]]]:
        rows = self._all("SELECT revision FROM articles WHERE id = %s AND current AND content_hash = %s",
                         (article_id, content_hash))
        if not rows:
            return None
        links = self._all("SELECT local_id, global_id FROM entities WHERE article = %s AND revision = %s",
                          (article_id, rows[0][0]))
        return {r[0]: r[1] for r in links}

    # -- writes (inside transaction, under the write lock) --------------------------------------------------------

    def create(self, name: str, type_: str, kind: str) -> str:
        # max + 1 under the write lock: the same ids as the SQLite store gives, and no gaps left by rollbacks.
        seq = int(self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM global_entities").fetchone()[0])
        global_id = f"g{seq}"
        self._conn.execute("INSERT INTO global_entities (seq, id, name, type, kind) VALUES (%s, %s, %s, %s, %s)",
                           (seq, global_id, name, type_, kind))
        return global_id

    def rename(self, global_id: str, name: str) -> None:
        self._conn.execute("UPDATE global_entities SET name = %s WHERE id = %s", (name, global_id))

    def add_aliases(self, global_id: str, aliases: Iterable[tuple[str, str]]) -> None:
        pairs = [(alias, kind) for alias, kind in aliases if alias]
        if pairs:
            self._conn.execute("INSERT INTO global_aliases (alias_norm, kind, global_id) SELECT a, k, %s"
                               " FROM unnest(%s::text[], %s::text[]) AS x (a, k) ON CONFLICT DO NOTHING",
                               (global_id, [a for a, _ in pairs], [k for _, k in pairs]))

    def add_roles(self, global_id: str, roles: Iterable[str]) -> None:
        kept = [r for r in roles if r]
        if kept:
            self._conn.execute("INSERT INTO global_roles (global_id, role_norm) SELECT %s, r"
                               " FROM unnest(%s::text[]) AS x (r) ON CONFLICT DO NOTHING", (global_id, kept))
