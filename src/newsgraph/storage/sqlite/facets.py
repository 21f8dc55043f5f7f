"""Search facets: what search filters read, in narrow rows for current revisions, keyed like the FTS index.

Why a copy: a filtered search checks every full-text match against its article. In ``articles`` each row also holds
the text and the whole record (kilobytes), so a lookup by pk touches pages of a multi-gigabyte table: ~3 us per
match at 10^5 articles, more than ranking it. ``search_facets`` rows are ~60 bytes, so the same lookups stay in a
small, cached B-tree. Rows exist for current revisions only (added with the revision, removed when it is retired).

``entity_terms(term, pk)`` does the same for the ``entity`` filter: the word-start suffixes of every entity name of
a current revision (:func:`newsgraph.storage.speakers.terms`), so "lavrov" selects its articles by one index range
instead of a substring test on every entity of every match. As for speakers, a name part that starts no word
("avrov") falls back to the substring test.

In stores of schema 2 the full-text index also holds these facets as tokens (:mod:`.fts`), which is how most
filters are applied; the conditions here then check what the tokens let through.
"""
from __future__ import annotations

from typing import Any, Optional

from .engine import sqlite3
from .facet_tokens import entity_token, global_token
from ..words import TOP, terms
from .tx import write_tx

FACETS_DDL = """CREATE TABLE IF NOT EXISTS search_facets (
    pk        INTEGER PRIMARY KEY,
    id        TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    published TEXT,
    source    TEXT,
    story     TEXT
)"""
ENTITY_TERMS_DDL = """CREATE TABLE IF NOT EXISTS entity_terms (
    term TEXT NOT NULL,
    pk   INTEGER NOT NULL,
    PRIMARY KEY (term, pk)
) WITHOUT ROWID"""
_COLUMNS = "pk, id, revision, published, source, story"
_NAMES = "SELECT f.pk, e.name_key FROM entities e JOIN {src} f ON f.id = e.article AND f.revision = e.revision"


def ensure_facets(conn: sqlite3.Connection) -> None:
    """Create the tables when missing and fill them from the current revisions of a store made before they existed."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'entity_terms'").fetchone():
        return
    with write_tx(conn, "the search facets"):
        conn.execute(FACETS_DDL)
        conn.execute(ENTITY_TERMS_DDL)
        conn.execute("DELETE FROM search_facets")
        conn.execute(f"INSERT INTO search_facets ({_COLUMNS}) SELECT {_COLUMNS} FROM articles WHERE current = 1")
        rows = conn.execute(_NAMES.format(src="search_facets")).fetchall()
        conn.executemany("INSERT OR IGNORE INTO entity_terms (term, pk) VALUES (?, ?)",
                         [(t, pk) for pk, key in rows for t in terms(key)])


def add(conn: sqlite3.Connection, pk: int, entity_keys: list[str]) -> None:
    """Copy the facets of a just-inserted current revision; ``entity_keys`` are its entities' name keys."""
    conn.execute(f"INSERT INTO search_facets ({_COLUMNS}) SELECT {_COLUMNS} FROM articles WHERE pk = ?", (pk,))
    conn.executemany("INSERT OR IGNORE INTO entity_terms (term, pk) VALUES (?, ?)",
                     [(t, pk) for t in {t for key in entity_keys for t in terms(key)}])


def remove(conn: sqlite3.Connection, pk: int) -> None:
    """Drop the rows of a revision that stops being current (entity terms by exact primary key: no scan)."""
    keys = conn.execute(_NAMES.format(src="articles") + " WHERE f.pk = ?", (pk,)).fetchall()
    conn.executemany("DELETE FROM entity_terms WHERE term = ? AND pk = ?",
                     [(t, pk) for t in {t for _, key in keys for t in terms(key)}])
    conn.execute("DELETE FROM search_facets WHERE pk = ?", (pk,))


def entity_filter(conn: sqlite3.Connection, name_key: str) -> tuple[str, list[Any]]:
    """SQL condition on ``a`` (a ``search_facets`` row): the article names an entity matching ``name_key`` (a word
    of it starts so; else, when no name has such a word, a substring) or one linked to the same global entity as
    an entity of exactly that name. The candidate set is read from indexes once per query."""
    linked = ("SELECT f.pk FROM entities e JOIN search_facets f ON f.id = e.article AND f.revision = e.revision"
              " WHERE e.global_id IN (SELECT x.global_id FROM entities x WHERE x.name_key = ?"
              " AND x.global_id IS NOT NULL AND x.global_id != '')")
    if _has_term(conn, name_key):
        return (f"a.pk IN (SELECT pk FROM entity_terms WHERE term >= ? AND term < ? UNION {linked})",
                [name_key, name_key + TOP, name_key])
    return ("EXISTS (SELECT 1 FROM entities e WHERE e.article = a.id AND e.revision = a.revision AND"
            " (instr(e.name_key, ?) > 0 OR e.global_id IN (SELECT x.global_id FROM entities x"
            " WHERE x.name_key = ? AND x.global_id IS NOT NULL AND x.global_id != '')))", [name_key, name_key])


def _has_term(conn: sqlite3.Connection, key: Optional[str]) -> bool:
    return bool(key) and conn.execute("SELECT 1 FROM entity_terms WHERE term >= ? AND term < ? LIMIT 1",
                                      (key, key + TOP)).fetchone() is not None


#: An entity filter matching more distinct name terms or linked entities than this is left to the walk.
MAX_ENTITY_TOKENS = 32


def entity_tokens(conn: sqlite3.Connection, name_key: str) -> Optional[list[str]]:
    """Facet tokens covering every article :func:`entity_filter` passes: the name terms starting with ``name_key``
    and the cross-article entities an entity of exactly that name is linked to. None when the filter needs the
    substring test or the tokens would be too many (both left to the walk)."""
    if not name_key:
        return None
    names = _distinct(conn, "SELECT term FROM entity_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT 1",
                      (name_key + TOP,), name_key)
    linked = _distinct(conn, "SELECT global_id FROM entities WHERE global_id >= ? AND name_key = ?"
                       " AND global_id IS NOT NULL AND global_id != '' ORDER BY global_id LIMIT 1", (name_key,), "")
    if not names or linked is None or len(names) + len(linked) > MAX_ENTITY_TOKENS:
        return None  # no name has a word starting so (substring test), or too many
    return [entity_token(t) for t in names] + [global_token(g) for g in linked]


def _distinct(conn: sqlite3.Connection, step: str, params: tuple, start: str) -> Optional[list[str]]:
    """Distinct values of an indexed column by jumping from one to the next (``step`` finds the first value at or
    after its first parameter): a name in 50,000 articles costs a few lookups, not 50,000 rows. None past the
    limit."""
    found: list[str] = []
    value = start
    while len(found) <= MAX_ENTITY_TOKENS:
        row = conn.execute(step, (value, *params)).fetchone()
        if row is None:
            return found
        found.append(row[0])
        value = row[0] + "\x00"  # the next string after it: nothing sorts between the two
    return None
