"""The full-text index (FTS5, external content) in its two layouts, and the rebuild that moves a store to the new one.

Store schema 2 indexes ``title``, ``text`` and ``facets`` and reads its content through the ``current_doc`` view;
``facets`` are the facet tokens of :mod:`.facet_tokens` (date, outlet, story, entities), kept per current revision
in ``search_tokens`` so that a revision is taken out of the index with exactly the tokens it went in with. Schema 1
stores (made before facet tokens) index ``title`` and ``text`` through ``current_text``; they keep working, with
filters applied by walking the matches, until ``newsgraph reindex`` rebuilds their index in the new layout.
"""
from __future__ import annotations

import sqlite3
from itertools import groupby
from typing import Callable, Optional

from .facet_tokens import article_tokens
from .tx import write_tx

TOKENIZE = "porter unicode61 remove_diacritics 2"
TOKENS_DDL = "CREATE TABLE IF NOT EXISTS search_tokens (pk INTEGER PRIMARY KEY, fts TEXT NOT NULL)"
DOC_VIEW = ("CREATE VIEW IF NOT EXISTS current_doc AS SELECT a.pk AS pk, a.title AS title, a.text AS text,"
            " t.fts AS facets FROM articles a JOIN search_tokens t ON t.pk = a.pk WHERE a.current = 1")
FTS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5 (title, text, facets, content = 'current_doc',"
           f" content_rowid = 'pk', tokenize = '{TOKENIZE}')")
LEGACY_DDL = ("CREATE VIEW IF NOT EXISTS current_text AS SELECT pk, title, text FROM articles WHERE current = 1",
              "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content = 'current_text',"
              f" content_rowid = 'pk', tokenize = '{TOKENIZE}')")
# Distinct linked entities of a name without reading every entity row of it (the entity filter's tokens).
NAME_GLOBAL_INDEX = ("CREATE INDEX IF NOT EXISTS entities_name_global ON entities (name_key, global_id)"
                     " WHERE global_id IS NOT NULL")
FACETS_VERSION = 2  # the store schema version from which the index has the facets column
_BATCH = 2_000


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def ensure_fts(conn: sqlite3.Connection) -> bool:
    """Create the index of a new store (in the facets layout); True when the store's index has facet tokens."""
    if not _exists(conn, "articles_fts"):
        with write_tx(conn, "the full-text index"):
            conn.execute(TOKENS_DDL)
            conn.execute(NAME_GLOBAL_INDEX)
            conn.execute(DOC_VIEW)
            conn.execute(FTS_DDL.format(name="articles_fts"))
    return has_facets(conn)


def has_facets(conn: sqlite3.Connection) -> bool:
    """Whether the index has the facets column now: another process may have run ``reindex`` since this connection
    opened, so writers ask again inside their transaction (one lookup in SQLite's cached schema)."""
    return _exists(conn, "current_doc")


def add(conn: sqlite3.Connection, facet_index: bool, pk: int, title: Optional[str], text: str, tokens: str) -> None:
    """Index a just-stored current revision (``tokens`` are left out of a schema 1 index)."""
    if facet_index:
        conn.execute("INSERT INTO search_tokens (pk, fts) VALUES (?, ?)", (pk, tokens))
        conn.execute("INSERT INTO articles_fts (rowid, title, text, facets) VALUES (?, ?, ?, ?)",
                     (pk, title, text, tokens))
    else:
        conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, title, text))


def remove(conn: sqlite3.Connection, facet_index: bool, pk: int) -> None:
    """Take a revision out of the index while it is still current: the delete must name what was indexed."""
    if facet_index:
        conn.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text, facets)"
                     " SELECT 'delete', pk, title, text, facets FROM current_doc WHERE pk = ?", (pk,))
        conn.execute("DELETE FROM search_tokens WHERE pk = ?", (pk,))
    else:
        conn.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text)"
                     " SELECT 'delete', pk, title, text FROM articles WHERE pk = ?", (pk,))


def create_legacy(conn: sqlite3.Connection) -> None:
    """The schema 1 layout (tests use it to stand for a store written by an older newsgraph)."""
    for statement in LEGACY_DDL:
        conn.execute(statement)


def _fill_tokens(conn: sqlite3.Connection) -> None:
    """Facet tokens of every current revision, from its facets row and its entities, streamed in pk order (memory
    stays flat however many articles the store holds)."""
    conn.execute("DELETE FROM search_tokens")
    rows = conn.execute(
        "SELECT f.pk, f.published, f.source, coalesce(f.story, f.id), e.name_key, e.global_id FROM search_facets f"
        " LEFT JOIN entities e ON e.article = f.id AND e.revision = f.revision ORDER BY f.pk")
    batch: list[tuple[int, str]] = []
    for pk, group in groupby(rows, key=lambda row: row[0]):
        group = list(group)
        _, published, source, story = group[0][:4]
        keys = [row[4] for row in group if row[4] is not None]
        batch.append((pk, article_tokens(published, source, story, keys, [row[5] for row in group])))
        if len(batch) >= _BATCH:
            conn.executemany("INSERT INTO search_tokens (pk, fts) VALUES (?, ?)", batch)
            batch = []
    conn.executemany("INSERT INTO search_tokens (pk, fts) VALUES (?, ?)", batch)


def rebuild(conn: sqlite3.Connection, progress: Optional[Callable[[int], None]] = None) -> int:
    """Rebuild the index in the facets layout (from either layout) in ONE transaction: a kill midway leaves the old
    index as it was. ``progress(n)`` is called after each batch of ``n`` articles; returns the articles indexed."""
    with write_tx(conn, "the rebuilt full-text index"):
        conn.execute(TOKENS_DDL)
        conn.execute(NAME_GLOBAL_INDEX)
        _fill_tokens(conn)
        conn.execute("DROP TABLE IF EXISTS articles_fts_new")
        conn.execute(DOC_VIEW)
        conn.execute(FTS_DDL.format(name="articles_fts_new"))
        done, last = 0, -1
        while True:
            pks = [r[0] for r in conn.execute("SELECT pk FROM search_tokens WHERE pk > ? ORDER BY pk LIMIT ?",
                                              (last, _BATCH))]
            if not pks:
                break
            conn.execute("INSERT INTO articles_fts_new (rowid, title, text, facets) SELECT pk, title, text, facets"
                         " FROM current_doc WHERE pk BETWEEN ? AND ?", (pks[0], pks[-1]))
            done, last = done + len(pks), pks[-1]
            if progress:
                progress(len(pks))
        conn.execute("INSERT INTO articles_fts_new (articles_fts_new) VALUES ('optimize')")
        conn.execute("DROP TABLE articles_fts")
        conn.execute("DROP VIEW IF EXISTS current_text")
        conn.execute("ALTER TABLE articles_fts_new RENAME TO articles_fts")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                     (str(FACETS_VERSION), FACETS_VERSION))
    return done
