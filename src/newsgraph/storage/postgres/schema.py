"""The PostgreSQL schema, created and upgraded by newsgraph itself.

``newsgraph_schema`` holds the store's schema version; :data:`MIGRATIONS` lists what each version adds. Opening a
store applies the missing steps in ONE transaction, under an advisory lock, so two processes opening an old (or an
empty) database at once upgrade it exactly once, and a failed upgrade leaves the store as it was.

Text columns use the "C" collation whatever the database's default: comparisons and sort order are then by code
point, as in SQLite and Python, so ``published >= '2014-04'`` and word-prefix ranges (``term < key || U+10FFFF``)
mean the same in both backends (a linguistic collation ignores punctuation and would read dates wrongly).
Every revision keeps its full output record (``articles.record``); the other tables are derived from it.
"""
from __future__ import annotations

import psycopg

from ...errors import StoreError
from ..dates import SQL_FUNCTION as UTC_FUNCTION, ZONED
from .facets import fill as fill_facets
from .spans import DDL as KEYS_DDL, EXPRESSION as KEYS_EXPRESSION
from .entity_stats import DDL as ENTITY_STATS_DDL, build as build_entity_stats
from .quote_clusters import DDL as QUOTE_CLUSTERS_DDL
from .tx import in_transaction

#: Lock key for schema changes (different from the write lock: upgrading must not wait on a writer's turn).
SCHEMA_LOCK = 0x6E6702
TEXT = 'TEXT COLLATE "C"'
#: Title weighs A, text B; search ranks A at 5x B, as the SQLite store's bm25 column weights do.
TSV = ("setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
       "setweight(to_tsvector('english', text), 'B')")

#: Columns and rows of the full-text index (the bulk loader builds it too): from schema version 7 on with the facet
#: lexemes, from version 8 on with the pk's spans and the UTC year and month (storage/postgres/spans.py).
SEARCH_INDEX = f"(tsv, facets, {KEYS_EXPRESSION}) WHERE current"
_SEARCH_INDEX_7 = "(tsv, facets) WHERE current"

_V1 = [
    f"CREATE TABLE meta (key {TEXT} PRIMARY KEY, value {TEXT} NOT NULL)",
    f"""CREATE TABLE articles (
        pk BIGSERIAL PRIMARY KEY, id {TEXT} NOT NULL, revision INTEGER NOT NULL, current BOOLEAN NOT NULL,
        content_hash {TEXT} NOT NULL, title {TEXT}, published {TEXT}, fetched {TEXT}, url {TEXT},
        canonical_url {TEXT}, source {TEXT}, language {TEXT}, text {TEXT} NOT NULL, story {TEXT},
        duplicate_of {TEXT}, pipeline {TEXT} NOT NULL, problems {TEXT} NOT NULL, record {TEXT} NOT NULL,
        stored_at {TEXT} NOT NULL, UNIQUE (id, revision))""",
    # At most one current revision per id: a second one would be a bug (or a lost race), so the database refuses it.
    "CREATE UNIQUE INDEX articles_current ON articles (id) WHERE current",
    "CREATE INDEX articles_hash ON articles (content_hash, pk) WHERE current",
    "CREATE INDEX articles_published ON articles (published) WHERE current",
    "CREATE INDEX articles_story ON articles (story, pk) WHERE current",
    f"""CREATE TABLE entities (
        pk BIGSERIAL PRIMARY KEY, article {TEXT} NOT NULL, revision INTEGER NOT NULL, pos INTEGER NOT NULL,
        local_id {TEXT} NOT NULL, name {TEXT} NOT NULL, name_key {TEXT} NOT NULL, type {TEXT} NOT NULL,
        roles {TEXT} NOT NULL, global_id {TEXT},
        FOREIGN KEY (article, revision) REFERENCES articles (id, revision) ON DELETE CASCADE)""",
    "CREATE INDEX entities_article ON entities (article, revision)",
    "CREATE INDEX entities_name ON entities (name_key, global_id)",
    "CREATE INDEX entities_global ON entities (global_id) WHERE global_id IS NOT NULL",
    """CREATE TABLE mentions (entity BIGINT NOT NULL REFERENCES entities (pk) ON DELETE CASCADE,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL)""",
    "CREATE INDEX mentions_entity ON mentions (entity)",
    f"""CREATE TABLE quotes (
        pk BIGSERIAL PRIMARY KEY, article {TEXT} NOT NULL, revision INTEGER NOT NULL, pos INTEGER NOT NULL,
        speaker_name {TEXT}, speaker_key {TEXT}, speaker_entity {TEXT}, kind {TEXT} NOT NULL, text {TEXT} NOT NULL,
        cue {TEXT}, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, record {TEXT} NOT NULL,
        FOREIGN KEY (article, revision) REFERENCES articles (id, revision) ON DELETE CASCADE)""",
    "CREATE INDEX quotes_article ON quotes (article, revision)",
    f"""CREATE TABLE about (quote BIGINT NOT NULL REFERENCES quotes (pk) ON DELETE CASCADE,
        entity {TEXT} NOT NULL, name {TEXT} NOT NULL, name_key {TEXT} NOT NULL)""",
    "CREATE INDEX about_quote ON about (quote)",
    f"CREATE TABLE inputs (origin {TEXT} PRIMARY KEY, status {TEXT} NOT NULL, updated_at {TEXT} NOT NULL)",
    f"""CREATE TABLE dedup_docs (seq BIGSERIAL PRIMARY KEY, id {TEXT} NOT NULL UNIQUE,
        content_hash {TEXT} NOT NULL, story {TEXT} NOT NULL, duplicate_of {TEXT}, shingles BYTEA NOT NULL)""",
    "CREATE INDEX dedup_docs_hash ON dedup_docs (content_hash, seq)",
    """CREATE TABLE dedup_bands (band INTEGER NOT NULL, hash BIGINT NOT NULL, doc BIGINT NOT NULL,
        PRIMARY KEY (band, hash, doc))""",
    f"""CREATE TABLE global_entities (seq BIGINT PRIMARY KEY, id {TEXT} NOT NULL UNIQUE, name {TEXT} NOT NULL,
        type {TEXT} NOT NULL, kind {TEXT} NOT NULL CHECK (kind IN ('person', 'other')))""",
    f"""CREATE TABLE global_aliases (alias_norm {TEXT} NOT NULL, kind {TEXT} NOT NULL,
        global_id {TEXT} NOT NULL REFERENCES global_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (alias_norm, kind, global_id))""",
    "CREATE INDEX global_aliases_entity ON global_aliases (global_id, kind)",
    f"""CREATE TABLE global_roles (global_id {TEXT} NOT NULL REFERENCES global_entities (id) ON DELETE CASCADE,
        role_norm {TEXT} NOT NULL, PRIMARY KEY (global_id, role_norm))""",
    # Word-start terms of entity names (per current article pk) and of speaker names (per quote of a current
    # revision): "lavrov" finds "Sergey Lavrov" by one index range, as in the SQLite store.
    f"CREATE TABLE entity_terms (term {TEXT} NOT NULL, pk BIGINT NOT NULL, PRIMARY KEY (term, pk))",
    f"CREATE TABLE quote_terms (term {TEXT} NOT NULL, quote BIGINT NOT NULL, PRIMARY KEY (term, quote))",
]
# Version 2: full-text search. A generated column, so the upgrade fills it for every stored revision by itself.
_V2 = [
    f"ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({TSV}) STORED",
    "CREATE INDEX articles_tsv ON articles USING gin (tsv) WHERE current",
]
# Version 3: quotation clusters (issue 18), empty: `newsgraph reindex --clusters` fills them for stored articles.
_V3 = QUOTE_CLUSTERS_DDL
# Version 4: per-entity counts kept at ingest (storage/entity_stats.py); a store with articles has them counted
# once, in the upgrade's transaction (a step may be a function of the connection as well as a statement).
_V4: list = [# Date filters and the counts' months are in UTC (storage.dates): the same rule as dates.utc, a bad
             # value left as it is; made first, as the count of a store's articles reads it.
             f"""CREATE OR REPLACE FUNCTION {UTC_FUNCTION}(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE
             AS $fn$ BEGIN
                 IF value IS NULL OR value !~ '{ZONED}' THEN RETURN value; END IF;
                 RETURN to_char((value::timestamptz) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS');
             EXCEPTION WHEN others THEN RETURN value;
             END $fn$""",
             *ENTITY_STATS_DDL, build_entity_stats]
#: Characters of the text that the ranking vector keeps: the lead, about the first 150 words.
LEAD_CHARS = 1000
#: The ranking vector: the title (A) and the lead of the text (B). Small enough to stay in the row (``tsv`` is
#: 5 KiB at 600 words, stored out of line: reading it back is most of what ranking it costs).
RANK_TSV = ("setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            f"setweight(to_tsvector('english', left(text, {LEAD_CHARS})), 'B')")
# Version 5: search ranks the newest matches by title and lead (storage/postgres/search.py), not the whole text.
# The outlet filter (search.filter_sql compares lower(source)) gets an index the planner ANDs with the GIN bitmap.
_V5 = [f"ALTER TABLE articles ADD COLUMN rank_tsv tsvector GENERATED ALWAYS AS ({RANK_TSV}) STORED",
       "CREATE INDEX articles_source ON articles (lower(source)) WHERE current"]
# Version 6: the date filters' ranges on the UTC value (search.filter_sql) read an index the planner ANDs with the
# GIN bitmap, instead of testing the date of every article that has the query's words. The function is IMMUTABLE
# (an explicit offset fixes the moment, whatever the session's time zone), so it may index an expression. Not a
# partial index: the planner reads an expression's statistics only from a whole-table index, and without them it
# guesses a third of the store for any date range and never ANDs this index with the GIN bitmap.
# The outlet's index of version 5 is remade whole-table for the same reason (its 500-row guess for every outlet
# made a large outlet's search test the tsvector of each of its articles).
_V6 = [f"CREATE INDEX articles_utc ON articles ({UTC_FUNCTION}(published))",
       "DROP INDEX articles_source", "CREATE INDEX articles_source ON articles (lower(source))"]


def _raise_build_memory(conn: psycopg.Connection) -> None:
    """maintenance_work_mem of the upgrade's transaction at least 512MB (never lowered), for a GIN build."""
    conn.execute("SELECT set_config('maintenance_work_mem', '512MB', true) WHERE (SELECT setting::bigint * 1024"
                 " FROM pg_settings WHERE name = 'maintenance_work_mem') < pg_size_bytes('512MB')")


# Version 7: the entities an article names as lexemes of a second tsvector, ``facets`` (storage/postgres/facets.py),
# indexed with ``tsv`` in one two-column GIN index, so an entity-filtered search is one GIN scan. The full-text index
# is dropped before the column is filled and built again after (updating every row with it in place would insert
# each row's 5 KiB tsvector into it once more, row by row), in the upgrade's one transaction.
_V7 = ["DROP INDEX IF EXISTS articles_tsv",
       "ALTER TABLE articles ADD COLUMN facets tsvector",
       fill_facets,
       _raise_build_memory,
       f"CREATE INDEX articles_tsv ON articles USING gin {_SEARCH_INDEX_7}"]
# Version 8: the pk's spans and the UTC year and month as a third column of the GIN index, an expression
# (storage/postgres/spans.py), so the newest-articles range of a search and a date filter are conditions of the GIN
# scan, and a common word's matches outside them are skipped, not decoded and tested. Nothing is written to the
# rows: the index is built anew beside the old one (a build locks out writers only; dropping an index locks out
# readers too, until the upgrade commits, so the old one goes last), then the table is analysed so that the planner
# has the expression's statistics (a sample: seconds).
_V8 = [KEYS_DDL, _raise_build_memory,
       f"CREATE INDEX articles_search ON articles USING gin {SEARCH_INDEX}", "ANALYZE articles",
       "DROP INDEX IF EXISTS articles_tsv", "ALTER INDEX articles_search RENAME TO articles_tsv"]
MIGRATIONS: list[list] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8]
SCHEMA_VERSION = len(MIGRATIONS)
#: The first version with the facet lexemes (``articles.facets``).
FACETS_VERSION = 7
#: The first version with the pk's spans in the full-text index.
SPANS_VERSION = 8


def _has_table(conn: psycopg.Connection, name: str) -> bool:
    # A catalog query, not to_regclass: to_regclass reads the backend's catalog cache, which waiting on an advisory
    # lock does not refresh, so a process that waited while another created the schema would still see none.
    return conn.execute("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = %s",
                        (name,)).fetchone() is not None


def version(conn: psycopg.Connection) -> int:
    """The schema version of the database (0: empty)."""
    if not _has_table(conn, "newsgraph_schema"):
        return 0
    row = conn.execute("SELECT max(version) FROM newsgraph_schema").fetchone()
    return int(row[0] or 0)


def migrate(conn: psycopg.Connection, where: str, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema to ``target`` in one transaction; refuse a database of a newer newsgraph or another
    application's. Returns the version found before."""
    if in_transaction(conn):
        raise StoreError(f"cannot upgrade {where} inside an open transaction")
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            found = version(conn)
            if found > SCHEMA_VERSION:
                raise StoreError(f"{where} has store schema {found}; this newsgraph reads up to {SCHEMA_VERSION}")
            if found == 0 and _has_table(conn, "articles"):
                raise StoreError(f"{where} has an 'articles' table but is not a newsgraph store")
            if found == 0:
                conn.execute("CREATE TABLE newsgraph_schema (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ"
                             " NOT NULL DEFAULT now())")
            for number in range(found + 1, target + 1):
                for statement in MIGRATIONS[number - 1]:
                    if callable(statement):
                        statement(conn)
                    else:
                        conn.execute(statement)
                conn.execute("INSERT INTO newsgraph_schema (version) VALUES (%s)", (number,))
    except psycopg.Error as exc:
        raise StoreError(f"cannot create or upgrade the schema of {where}: {exc}") from exc
    return found
