"""The full-text index (FTS5, external content) in its three layouts, and the rebuild that moves a store to the newest.

Store schema 3 keeps the index in **segments**: one FTS5 table per range of :data:`SEGMENT_ROWS` article pks
(``articles_fts_s<k>`` for pks ``k * rows`` to ``(k + 1) * rows - 1``, listed in ``fts_segments``), each reading its
content through its own view of ``current_doc``. Articles get rising pks, so a segment holds articles stored at about
the same time and the newest segment the newest articles. Why: bm25 weighs each query word by the number of articles
that have it, and FTS5 counts them by walking the word's whole list of matches in every statement that ranks (5-9 ms
for a common word at 10^6 articles, the largest part of a search that no SQL around it can skip). A search ranks
within the newest ``SEARCH_WINDOW`` matches (see :mod:`.search`), which for any word common enough to make that walk
long lie in the newest segment or two: ranked there, the walk is bounded by the segment, whatever the store's size.
Each segment weighs words by its own articles, as a search engine's shards do (a segment is a sample of over
10^5 articles; one just begun also indexes the :data:`SEGMENT_CONTEXT` articles before its range, which its searches
leave out by rowid, so that its word weights are a sample too); every other answer (matches, counts, snippets,
filters) is the same as one table's.

Schema 2 stores (one table ``articles_fts`` over ``current_doc``, with ``facets``) and schema 1 stores (``title``
and ``text`` through ``current_text``, no facet tokens) keep working as one segment until ``newsgraph reindex``
rebuilds their index in segments. ``facets`` are the facet tokens of :mod:`.facet_tokens` (date, outlet, story,
entities), kept per current revision in ``search_tokens`` so that a revision is taken out of the index with exactly
the tokens it went in with.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Optional

from .engine import refuse_whole_store_work, sqlite3
from .facet_tokens import article_tokens
from .tx import write_tx

TOKENIZE = "porter unicode61 remove_diacritics 2"
TOKENS_DDL = "CREATE TABLE IF NOT EXISTS search_tokens (pk INTEGER PRIMARY KEY, fts TEXT NOT NULL)"
DOC_VIEW = ("CREATE VIEW IF NOT EXISTS current_doc AS SELECT a.pk AS pk, a.title AS title, a.text AS text,"
            " t.fts AS facets FROM articles a JOIN search_tokens t ON t.pk = a.pk WHERE a.current = 1")
SEGMENTS_DDL = ("CREATE TABLE IF NOT EXISTS fts_segments (k INTEGER PRIMARY KEY, first INTEGER NOT NULL,"
                " last INTEGER NOT NULL)")
SEGMENT_VIEW = ("CREATE VIEW IF NOT EXISTS current_doc_s{k} AS SELECT pk, title, text, facets FROM current_doc"
                " WHERE pk BETWEEN {lo} AND {last}")
SEGMENT_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts_s{k} USING fts5 (title, text, facets,"
               f" content = 'current_doc_s{{k}}', content_rowid = 'pk', tokenize = '{TOKENIZE}')")
ONE_TABLE = "articles_fts"  # schema 1 and 2: the whole index in one table
FTS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, facets, content = 'current_doc',"
           f" content_rowid = 'pk', tokenize = '{TOKENIZE}')")
LEGACY_DDL = ("CREATE VIEW IF NOT EXISTS current_text AS SELECT pk, title, text FROM articles WHERE current = 1",
              "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (title, text, content = 'current_text',"
              f" content_rowid = 'pk', tokenize = '{TOKENIZE}')")
# Distinct linked entities of a name without reading every entity row of it (the entity filter's tokens).
NAME_GLOBAL_INDEX = ("CREATE INDEX IF NOT EXISTS entities_name_global ON entities (name_key, global_id)"
                     " WHERE global_id IS NOT NULL")
FACETS_VERSION = 2  # the store schema version from which the index has the facets column
SEGMENTS_VERSION = 3  # ... and from which it is kept in segments
#: Article pks per segment of a new store (kept per store in ``meta``, so a store keeps the size it was made with).
#: 2^17: a word in 4% of the articles fills the search window within one segment, and its weight walk reads 1/8 of
#: what one table's does at 10^6.
SEGMENT_ROWS = 1 << 17
ROWS_KEY = "fts_segment_rows"
#: A segment after the first also indexes the CONTEXT pks before its own range, and every search of it is limited to
#: its own range (a rowid constraint, which FTS5 applies while it walks): those articles only count in its word
#: weights. A segment just begun holds a handful of articles, and bm25 gives a word in more than half of a table's
#: articles no weight at all, so without them the newest articles of all ranked last for most words until their
#: segment filled up. Kept per store in ``meta`` (a store made without it reads 0).
SEGMENT_CONTEXT = 4096
CONTEXT_KEY = "fts_segment_context"
_BATCH = 2_000


@dataclass(frozen=True)
class Index:
    """The layout of a store's full-text index: whether it has the facet tokens column, its tables newest first,
    the pks per segment (None: one table for every pk) and how many pks before its own range a segment also holds
    for its word weights."""

    facets: bool
    tables: tuple[str, ...]
    rows: Optional[int] = None
    context: int = 0

    def table_of(self, pk: int) -> str:
        return ONE_TABLE if self.rows is None else segment_table(pk // self.rows)

    def own(self, table: str) -> str:
        """The SQL condition keeping a search of ``table`` to its own articles ("" where it holds no others)."""
        if self.rows is None or not self.context:
            return ""
        k = int(table.rsplit("_s", 1)[1])
        return f" AND {table}.rowid >= {k * self.rows}" if k else ""


def _context_of(rows: int) -> int:
    return min(SEGMENT_CONTEXT, rows)


def segment_table(k: int) -> str:
    return f"articles_fts_s{int(k)}"


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def ensure_fts(conn: sqlite3.Connection) -> Index:
    """Create the index of a new store (segments, none yet: each is made with its first article); the layout."""
    if not _exists(conn, ONE_TABLE) and not _exists(conn, "fts_segments"):
        with write_tx(conn, "the full-text index"):
            conn.execute(TOKENS_DDL)
            conn.execute(NAME_GLOBAL_INDEX)
            conn.execute(DOC_VIEW)
            _make_segmented(conn, SEGMENT_ROWS)
    return index_of(conn)


def _make_segmented(conn: sqlite3.Connection, rows: int) -> None:
    conn.execute(SEGMENTS_DDL)
    for key, value in ((ROWS_KEY, int(rows)), (CONTEXT_KEY, _context_of(int(rows)))):
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     (key, str(value)))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                 (str(SEGMENTS_VERSION), SEGMENTS_VERSION))


def index_of(conn: sqlite3.Connection) -> Index:
    """The index's layout now: another process may have run ``reindex`` or begun a segment since this connection
    opened, so readers and writers ask again for each search or write (two small lookups)."""
    segments = conn.execute("SELECT k FROM fts_segments ORDER BY k DESC").fetchall() \
        if _exists(conn, "fts_segments") else None
    if segments is None:
        return Index(has_facets(conn), (ONE_TABLE,))
    rows, context = _settings(conn)
    return Index(True, tuple(segment_table(k) for (k,) in segments), rows, context)


def _settings(conn: sqlite3.Connection) -> tuple[int, int]:
    """The store's pks per segment (:data:`SEGMENT_ROWS` for a store that has none yet) and its context (0 for a
    store made without one), from ``meta``."""
    kept = dict(conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", (ROWS_KEY, CONTEXT_KEY)).fetchall())
    return int(kept.get(ROWS_KEY, SEGMENT_ROWS)), int(kept.get(CONTEXT_KEY, 0))


def segment_rows(conn: sqlite3.Connection) -> int:
    """The pks per segment a rebuild of this store's index keeps."""
    return _settings(conn)[0]


def has_facets(conn: sqlite3.Connection) -> bool:
    """Whether the index has the facets column (schema 2 and 3)."""
    return _exists(conn, "current_doc")


def _segment(conn: sqlite3.Connection, index: Index, pk: int) -> str:
    """The segment table of ``pk``, made (with its content view, and filled with the articles of its context) if
    this is its first article."""
    k = pk // index.rows
    if conn.execute("SELECT 1 FROM fts_segments WHERE k = ?", (k,)).fetchone() is None:
        first, last = k * index.rows, (k + 1) * index.rows - 1
        lo = max(0, first - index.context) if k else first
        conn.execute(SEGMENT_VIEW.format(k=k, lo=lo, last=last))
        conn.execute(SEGMENT_DDL.format(k=k))
        conn.execute("INSERT INTO fts_segments (k, first, last) VALUES (?, ?, ?)", (k, first, last))
        if lo < first:
            _index_range(conn, segment_table(k), lo, first - 1)
    return segment_table(k)


def _index_range(conn: sqlite3.Connection, table: str, first: int, last: int) -> None:
    """Index the stored current revisions with pks ``first`` to ``last`` in ``table``."""
    conn.execute(f"INSERT INTO {table} (rowid, title, text, facets) SELECT pk, title, text, facets FROM current_doc"
                 " WHERE pk BETWEEN ? AND ?", (first, last))


def _holding(conn: sqlite3.Connection, index: Index, pk: int) -> list[str]:
    """The tables that index ``pk``: its own segment and, where ``pk`` is in its context, the next one if made."""
    out = [index.table_of(pk)]
    if index.rows is not None and index.context:
        k = pk // index.rows + 1
        if pk >= k * index.rows - index.context and conn.execute(
                "SELECT 1 FROM fts_segments WHERE k = ?", (k,)).fetchone() is not None:
            out.append(segment_table(k))
    return out


def add(conn: sqlite3.Connection, index: Index, pk: int, title: Optional[str], text: str, tokens: str) -> None:
    """Index a just-stored current revision (``tokens`` are left out of a schema 1 index)."""
    if index.rows is not None:
        conn.execute("INSERT INTO search_tokens (pk, fts) VALUES (?, ?)", (pk, tokens))
        _segment(conn, index, pk)
        for table in _holding(conn, index, pk):
            conn.execute(f"INSERT INTO {table} (rowid, title, text, facets) VALUES (?, ?, ?, ?)",
                         (pk, title, text, tokens))
    elif index.facets:
        conn.execute("INSERT INTO search_tokens (pk, fts) VALUES (?, ?)", (pk, tokens))
        conn.execute("INSERT INTO articles_fts (rowid, title, text, facets) VALUES (?, ?, ?, ?)",
                     (pk, title, text, tokens))
    else:
        conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, title, text))


def add_many(conn: sqlite3.Connection, index: Index, rows: list[tuple[int, Optional[str], str, str]]) -> None:
    """Index many just-stored (pk, title, text, tokens) rows of a facets layout, one ``executemany`` per table
    (bulk loads; their ``search_tokens`` rows are the caller's)."""
    if index.rows is None:
        conn.executemany("INSERT INTO articles_fts (rowid, title, text, facets) VALUES (?, ?, ?, ?)", rows)
        return
    for k, group in groupby(sorted(rows), key=lambda row: row[0] // index.rows):
        table = _segment(conn, index, k * index.rows)  # a new one's context: stored rows before its range
        conn.executemany(f"INSERT INTO {table} (rowid, title, text, facets) VALUES (?, ?, ?, ?)", list(group))


def remove(conn: sqlite3.Connection, index: Index, pk: int) -> None:
    """Take a revision out of the index while it is still current: the delete must name what was indexed."""
    if index.facets:
        for table in _holding(conn, index, pk):
            conn.execute(f"INSERT INTO {table} ({table}, rowid, title, text, facets)"
                         " SELECT 'delete', pk, title, text, facets FROM current_doc WHERE pk = ?", (pk,))
        conn.execute("DELETE FROM search_tokens WHERE pk = ?", (pk,))
    else:
        conn.execute("INSERT INTO articles_fts (articles_fts, rowid, title, text)"
                     " SELECT 'delete', pk, title, text FROM articles WHERE pk = ?", (pk,))


def optimize(conn: sqlite3.Connection, index: Index) -> None:
    """Merge each table of the index into one b-tree segment of FTS5's own (fewer to read per query word)."""
    for table in index.tables:
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def integrity_check(conn: sqlite3.Connection, index: Index, content: bool = False) -> None:
    """FTS5's check of every table (raises ``sqlite3.DatabaseError``); ``content``: also against what it indexes."""
    for table in index.tables:
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', ?)", (int(content),))


def create_legacy(conn: sqlite3.Connection) -> None:
    """The schema 1 layout (tests use it to stand for a store written by an older newsgraph)."""
    for statement in LEGACY_DDL:
        conn.execute(statement)


def create_one_table(conn: sqlite3.Connection) -> None:
    """The schema 2 layout, one table, in place of the segments (tests use it to stand for an older store)."""
    drop(conn)
    conn.execute(FTS_DDL)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(FACETS_VERSION),))


def drop(conn: sqlite3.Connection) -> None:
    """Drop every table of the index, of whichever layout, with their content views (the caller's transaction)."""
    if _exists(conn, "fts_segments"):
        for (k,) in conn.execute("SELECT k FROM fts_segments").fetchall():
            conn.execute(f"DROP TABLE IF EXISTS {segment_table(k)}")
            conn.execute(f"DROP VIEW IF EXISTS current_doc_s{int(k)}")
        conn.execute("DROP TABLE fts_segments")
    conn.execute("DROP TABLE IF EXISTS articles_fts")
    conn.execute("DROP VIEW IF EXISTS current_text")
    conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (ROWS_KEY, CONTEXT_KEY))


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


def fill(conn: sqlite3.Connection, rows: int = SEGMENT_ROWS, progress: Optional[Callable[[int], None]] = None) -> int:
    """Drop the index and build it again in segments of ``rows`` pks from ``current_doc`` (``search_tokens`` must
    be filled), each segment merged once full; inside the caller's transaction. ``progress(n)`` after each batch
    of ``n`` articles; returns the articles indexed."""
    refuse_whole_store_work("the full-text index's rebuild")
    drop(conn)
    _make_segmented(conn, rows)
    index = index_of(conn)
    done, last = 0, -1
    while True:
        pks = [r[0] for r in conn.execute("SELECT pk FROM search_tokens WHERE pk > ? ORDER BY pk LIMIT ?",
                                          (last, _BATCH))]
        if not pks:
            break
        for k, group in groupby(pks, key=lambda pk: pk // rows):
            group = list(group)
            _index_range(conn, _segment(conn, index, group[0]), group[0], group[-1])
        done, last = done + len(pks), pks[-1]
        if progress:
            progress(len(pks))
    optimize(conn, index_of(conn))
    return done


def rebuild(conn: sqlite3.Connection, progress: Optional[Callable[[int], None]] = None) -> int:
    """Rebuild the index in segments (from any layout) in ONE transaction: a kill midway leaves the old index as it
    was. ``progress(n)`` is called after each batch of ``n`` articles; returns the articles indexed."""
    with write_tx(conn, "the rebuilt full-text index"):
        conn.execute(TOKENS_DDL)
        conn.execute(NAME_GLOBAL_INDEX)
        _fill_tokens(conn)
        conn.execute(DOC_VIEW)
        return fill(conn, segment_rows(conn), progress)
