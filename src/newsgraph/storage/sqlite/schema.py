"""The SQLite schema of the one-file store, and the check that an opened file is (or can become) one.

Every revision keeps its full output record (``articles.record``) so ``get`` round-trips exactly; the other
tables are derived from it and exist only to make lookups fast. The full-text index covers current revisions only:
it reads its content through the ``current_doc`` view (``current_text`` in schema 1, see ``fts.py``), and the
store removes a revision from it before the revision stops being current.
"""
from __future__ import annotations


from .engine import sqlite3
from ...errors import StoreError
from .tx import write_tx

SCHEMA_VERSION = 3  # 3: the full-text index in segments; 2: one table with facet tokens; 1 (no tokens): still read

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    current       INTEGER NOT NULL CHECK (current IN (0, 1)),
    content_hash  TEXT NOT NULL,
    title         TEXT,
    published     TEXT,
    fetched       TEXT,
    url           TEXT,
    canonical_url TEXT,
    source        TEXT,
    language      TEXT,
    text          TEXT NOT NULL,
    story         TEXT,
    duplicate_of  TEXT,
    pipeline      TEXT NOT NULL,
    problems      TEXT NOT NULL,
    record        TEXT NOT NULL,
    stored_at     TEXT NOT NULL,
    UNIQUE (id, revision)
);
-- At most one current revision per id: a second one would be a bug, so let the database refuse it.
CREATE UNIQUE INDEX IF NOT EXISTS articles_current ON articles (id) WHERE current = 1;
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash, pk) WHERE current = 1;
CREATE INDEX IF NOT EXISTS articles_published ON articles (published) WHERE current = 1;
CREATE INDEX IF NOT EXISTS articles_story ON articles (story, pk) WHERE current = 1;
-- What the entity views read of an article, covered by one narrow index: joining an entity's thousands of rows to
-- their articles then never touches the wide rows (text and record), which cost a page read each.
CREATE INDEX IF NOT EXISTS articles_cover ON articles (id, revision, current, published, duplicate_of);

CREATE TABLE IF NOT EXISTS entities (
    pk        INTEGER PRIMARY KEY,
    article   TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    pos       INTEGER NOT NULL,
    local_id  TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_key  TEXT NOT NULL,
    type      TEXT NOT NULL,
    roles     TEXT NOT NULL,
    global_id TEXT,
    FOREIGN KEY (article, revision) REFERENCES articles (id, revision) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS entities_article ON entities (article, revision);
CREATE INDEX IF NOT EXISTS entities_name ON entities (name_key);
CREATE INDEX IF NOT EXISTS entities_global ON entities (global_id) WHERE global_id IS NOT NULL;
-- Covering forms of the three lookups above for the entity page and its co-occurring entities: a person named in
-- thousands of articles is found, joined and grouped from index pages only.
CREATE INDEX IF NOT EXISTS entities_name_cover ON entities (name_key, article, revision, local_id);
CREATE INDEX IF NOT EXISTS entities_global_cover ON entities (global_id, article, revision, local_id)
    WHERE global_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_article_cover ON entities (article, revision, name_key, global_id);
-- The global ids a name was linked to (resolving a name on the entity page), without reading the name's rows.
CREATE INDEX IF NOT EXISTS entities_name_global ON entities (name_key, global_id) WHERE global_id IS NOT NULL;
-- A never-linked name's rows, covered: the entity page of a name no article linked orders its articles (and tests
-- its rows) from index pages only. global_id is a column too so that the query's own test of it is covered; with
-- entities_name alone each row cost a table page (a third of a mid-frequency name's entity page at 10^5).
CREATE INDEX IF NOT EXISTS entities_name_unlinked ON entities (name_key, article, revision, local_id, global_id)
    WHERE coalesce(global_id, '') = '';

CREATE TABLE IF NOT EXISTS mentions (
    entity     INTEGER NOT NULL REFERENCES entities (pk) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity);

CREATE TABLE IF NOT EXISTS quotes (
    pk             INTEGER PRIMARY KEY,
    article        TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    pos            INTEGER NOT NULL,
    speaker_name   TEXT,
    speaker_key    TEXT,
    speaker_entity TEXT,
    kind           TEXT NOT NULL,
    text           TEXT NOT NULL,
    cue            TEXT,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    record         TEXT NOT NULL,
    FOREIGN KEY (article, revision) REFERENCES articles (id, revision) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article, revision);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_key);
CREATE INDEX IF NOT EXISTS quotes_speaker_entity ON quotes (article, speaker_entity);
-- Covering: who speaks in each of an entity's articles, read from index pages only (entity page, quoted-by).
CREATE INDEX IF NOT EXISTS quotes_article_speaker ON quotes (article, revision, speaker_entity, speaker_name);

CREATE TABLE IF NOT EXISTS about (
    quote    INTEGER NOT NULL REFERENCES quotes (pk) ON DELETE CASCADE,
    entity   TEXT NOT NULL,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS about_quote ON about (quote);
-- Covering: "is this quote about that entity" answered from the index (quotes about an entity, talks-about edges).
CREATE INDEX IF NOT EXISTS about_quote_entity ON about (quote, entity);
CREATE INDEX IF NOT EXISTS about_name ON about (name_key);

CREATE TABLE IF NOT EXISTS inputs (
    origin     TEXT PRIMARY KEY,
    status     TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Near-duplicate index (newsgraph.dedup): one row per article id in the order first indexed, its exact-duplicate
-- key, its story and duplicate target, and its shingle hashes (4 bytes each) for exact Jaccard verification.
CREATE TABLE IF NOT EXISTS dedup_docs (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    story        TEXT NOT NULL,
    duplicate_of TEXT,
    shingles     BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS dedup_docs_hash ON dedup_docs (content_hash, seq);
-- LSH bands: (band number, key of the band's MinHash values) -> dedup_docs.seq. The primary key is the lookup index.
CREATE TABLE IF NOT EXISTS dedup_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    doc  INTEGER NOT NULL,
    PRIMARY KEY (band, hash, doc)
) WITHOUT ROWID;
"""
# The full-text index is made by fts.ensure_fts, once the search_facets table its content view reads exists.


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def ensure_schema(conn: sqlite3.Connection, path: str) -> None:
    """Create the schema in an empty database, accept ours, refuse anything else with a clear message."""
    check_schema(conn, path)
    # One transaction, statement by statement (executescript would commit on its own): two processes opening a
    # fresh file at once then cannot interleave half-made schemas.
    with write_tx(conn, f"the schema of {path}"):
        for statement in _statements(DDL):
            conn.execute(statement)
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def check_schema(conn: sqlite3.Connection, path: str, empty_ok: bool = True) -> None:
    """Accept our schema (or, for a writer, an empty database); refuse anything else with a clear message.

    Reads only: a reader's read-only connection runs this and nothing of :func:`ensure_schema`'s writing."""
    tables = _tables(conn)  # the first read: a file that is not a database fails here
    if not tables and not empty_ok:
        raise StoreError(f"{path} is an empty database, not a newsgraph store (ingest into it to make one)")
    if tables and "meta" not in tables:
        raise StoreError(f"{path} is an SQLite database but not a newsgraph store (it has other tables)")
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise StoreError(f"{path} is not a newsgraph store (no schema version)")
        if int(row[0]) > SCHEMA_VERSION:
            raise StoreError(f"{path} has store schema {row[0]}; this newsgraph reads up to {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    """Split the DDL on statement ends; ``sqlite3.complete_statement`` keeps trigger bodies etc. whole."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]
