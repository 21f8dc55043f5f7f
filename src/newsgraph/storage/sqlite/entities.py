"""The cross-article entity registry in the SQLite store (``newsgraph.linking`` decides, this module remembers).

Tables (created on first use, additive to store schema 1):

- ``global_entities(seq, id, name, type, kind)``: one row per canonical entity; ``id`` is ``g<seq>``, ``kind`` is
  ``person`` or ``other``.
- ``global_aliases(alias_norm, kind, global_id)``: lookup keys. Person keys: ``person`` (full folded name) and
  ``surname`` (surname skeleton); other keys: ``name``, ``acronym``, ``prefix``.
- ``global_roles(global_id, role_norm)``: roles seen with the entity, context for telling namesakes apart.

Per-article ``entities.global_id`` (store schema 1) points into ``global_entities.id``.
"""
from __future__ import annotations

from typing import Iterable, Optional

from .engine import sqlite3
from .tx import write_tx

ENTITY_DDL = (
    """CREATE TABLE IF NOT EXISTS global_entities (
        seq  INTEGER PRIMARY KEY,
        id   TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'other'))
    )""",
    """CREATE TABLE IF NOT EXISTS global_aliases (
        alias_norm TEXT NOT NULL,
        kind       TEXT NOT NULL,
        global_id  TEXT NOT NULL REFERENCES global_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (alias_norm, kind, global_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS global_aliases_entity ON global_aliases (global_id, kind)",
    """CREATE TABLE IF NOT EXISTS global_roles (
        global_id TEXT NOT NULL REFERENCES global_entities (id) ON DELETE CASCADE,
        role_norm TEXT NOT NULL,
        PRIMARY KEY (global_id, role_norm)
    ) WITHOUT ROWID""",
)


def ensure_entity_schema(conn: sqlite3.Connection) -> None:
    """Create the registry tables when missing (idempotent; outside any open transaction)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'global_roles'").fetchone():
        return
    with write_tx(conn, "the entity registry's tables"):
        for statement in ENTITY_DDL:
            conn.execute(statement)


class SQLiteEntityRegistry:
    """The registry over a store's connection. Writes happen inside :meth:`transaction` (one per article)."""

    def __init__(self, conn: sqlite3.Connection, path: str = ""):
        self._conn = conn
        self.path = path
        ensure_entity_schema(conn)

    def transaction(self):
        return write_tx(self._conn, f"entity links to {self.path}")

    # -- lookups -------------------------------------------------------------------------------------------------

    def lookup(self, alias: str, kind: str) -> list[str]:
        """Global ids with this alias key, oldest entity first."""
        rows = self._conn.execute(
            "SELECT a.global_id FROM global_aliases a JOIN global_entities g ON g.id = a.global_id"
            " WHERE a.alias_norm = ? AND a.kind = ? ORDER BY g.seq", (alias, kind)).fetchall()
        return [r[0] for r in rows]

    def aliases(self, global_id: str, kind: str) -> list[str]:
        rows = self._conn.execute("SELECT alias_norm FROM global_aliases WHERE global_id = ? AND kind = ?"
                                  " ORDER BY alias_norm", (global_id, kind)).fetchall()
        return [r[0] for r in rows]

    def roles(self, global_id: str) -> set[str]:
        rows = self._conn.execute("SELECT role_norm FROM global_roles WHERE global_id = ?", (global_id,))
        return {r[0] for r in rows}

    def cooccurring(self, global_id: str, limit: int = 2000) -> set[str]:
        """Global ids named in stored articles that also name ``global_id``."""
        rows = self._conn.execute(
            "SELECT DISTINCT o.global_id FROM entities e JOIN entities o"
            " ON o.article = e.article AND o.revision = e.revision"
            " WHERE e.global_id = ? AND o.global_id IS NOT NULL AND o.global_id != ? LIMIT ?",
            (global_id, global_id, limit))
        return {r[0] for r in rows}

    def entity(self, global_id: str) -> Optional[tuple[str, str, str]]:
        """(name, type, kind) of a global entity, or None."""
        row = self._conn.execute("SELECT name, type, kind FROM global_entities WHERE id = ?",
                                 (global_id,)).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def stored_links(self, article_id: str, content_hash: str) -> Optional[dict[str, Optional[str]]]:
        """local entity id -> global id of the current stored revision with this text, or None when not stored."""
        row = self._conn.execute("SELECT revision FROM articles WHERE id = ? AND current = 1 AND content_hash = ?",
                                 (article_id, content_hash)).fetchone()
        if row is None:
            return None
        rows = self._conn.execute("SELECT local_id, global_id FROM entities WHERE article = ? AND revision = ?",
                                  (article_id, row[0]))
        return {r[0]: r[1] for r in rows}

    # -- writes (inside transaction) -----------------------------------------------------------------------------

    def create(self, name: str, type_: str, kind: str) -> str:
        seq = int(self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM global_entities").fetchone()[0])
        global_id = f"g{seq}"
        self._conn.execute("INSERT INTO global_entities (seq, id, name, type, kind) VALUES (?, ?, ?, ?, ?)",
                           (seq, global_id, name, type_, kind))
        return global_id

    def rename(self, global_id: str, name: str) -> None:
        self._conn.execute("UPDATE global_entities SET name = ? WHERE id = ?", (name, global_id))

    def add_aliases(self, global_id: str, aliases: Iterable[tuple[str, str]]) -> None:
        self._conn.executemany("INSERT OR IGNORE INTO global_aliases (alias_norm, kind, global_id) VALUES (?, ?, ?)",
                               [(alias, kind, global_id) for alias, kind in aliases if alias])

    def add_roles(self, global_id: str, roles: Iterable[str]) -> None:
        self._conn.executemany("INSERT OR IGNORE INTO global_roles (global_id, role_norm) VALUES (?, ?)",
                               [(global_id, r) for r in roles if r])
