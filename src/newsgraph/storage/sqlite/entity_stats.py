"""The per-entity counts (:mod:`newsgraph.storage.entity_stats`) in the SQLite store: the table, the upsert run in
each article's transaction, the read of a stored revision's rows (to take its counts away when it is replaced), and
the one-time build for a store made before the counts existed."""
from __future__ import annotations

import json
import logging
import time
from typing import Any, Callable, Iterable, Optional

from .engine import refuse_whole_store_work, sqlite3
from .. import entity_stats as stats
from ..dates import SQL_FUNCTION
from .tx import write_tx

log = logging.getLogger("newsgraph.storage")

DDL = ("""CREATE TABLE IF NOT EXISTS entity_stats (
    ekey    TEXT NOT NULL,
    facet   TEXT NOT NULL,
    value   TEXT NOT NULL,
    is_copy INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (ekey, facet, value, is_copy)
) WITHOUT ROWID""", """CREATE INDEX IF NOT EXISTS entity_stats_top ON entity_stats (ekey, facet, n)
    WHERE is_copy = 0 AND n > 0""")
#: An entity's values of one facet by count, own articles only (``is_copy = 0``): the entity page's top co-occurring
#: entities, who speaks about it and whom it speaks about are then the first rows of an index range, not a sort of
#: every value (a person in 4 % of 10^6 synthetic articles has ~40,000 co-occurring entities). Made by the next
#: writer's open of a store that lacks it (one CREATE INDEX in one transaction: a killed open leaves no half index).
TOP_INDEX = "entity_stats_top"
_UPSERT = ("INSERT INTO entity_stats (ekey, facet, value, is_copy, n) VALUES (?, ?, ?, ?, ?)"
           " ON CONFLICT (ekey, facet, value, is_copy) DO UPDATE SET n = n + excluded.n")
_DROP_ZERO = "DELETE FROM entity_stats WHERE ekey = ? AND facet = ? AND value = ? AND is_copy = ? AND n = 0"
_BUILD_BATCH = 2000  # articles read per step of the one-time build


def has_stats(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'entity_stats'").fetchone() is not None


def apply(conn: sqlite3.Connection, counts: stats.Counts) -> None:
    """Add the deltas (inside the caller's transaction); rows that reach zero are removed."""
    rows = stats.changed(counts)
    conn.executemany(_UPSERT, rows)
    gone = [r[:4] for r in rows if r[4] < 0]
    if gone:
        conn.executemany(_DROP_ZERO, gone)


def stored(conn: sqlite3.Connection, pks: Iterable[int]) -> list[stats.StatArticle]:
    """The counts' view of stored revisions (by article pk)."""
    pks = list(pks)
    if not pks:
        return []
    marks = ",".join("?" * len(pks))
    heads = conn.execute(f"SELECT pk, id, revision, published, duplicate_of IS NOT NULL FROM articles"
                         f" WHERE pk IN ({marks}) ORDER BY pk", pks).fetchall()
    out: dict[tuple[str, int], stats.StatArticle] = {
        (r[1], r[2]): stats.StatArticle(r[3], bool(r[4])) for r in heads}
    if not out:
        return []
    join = f" JOIN articles a ON a.id = x.article AND a.revision = x.revision WHERE a.pk IN ({marks})"
    for article, revision, local_id, name, name_key, type_, roles, global_id, mentions in conn.execute(
            "SELECT x.article, x.revision, x.local_id, x.name, x.name_key, x.type, x.roles, x.global_id,"
            " (SELECT count(*) FROM mentions m WHERE m.entity = x.pk) FROM entities x" + join + " ORDER BY x.pk",
            pks):
        out[(article, revision)].entities.append(stats.StatEntity(
            local_id, name, name_key, type_, tuple(json.loads(roles)), global_id, int(mentions)))
    quotes: dict[int, tuple[str, int, Optional[str], Optional[str]]] = {}
    for pk, article, revision, speaker_entity, speaker_name in conn.execute(
            "SELECT x.pk, x.article, x.revision, x.speaker_entity, x.speaker_name FROM quotes x" + join
            + " ORDER BY x.pk", pks):
        quotes[pk] = (article, revision, speaker_entity, speaker_name)
    about: dict[int, list[str]] = {}
    qpks = list(quotes)
    for start in range(0, len(qpks), 500):
        part = qpks[start:start + 500]
        for quote, entity in conn.execute(f"SELECT quote, entity FROM about WHERE quote IN"
                                          f" ({','.join('?' * len(part))}) ORDER BY rowid", part):
            about.setdefault(quote, []).append(entity)
    for pk, (article, revision, speaker_entity, speaker_name) in quotes.items():
        out[(article, revision)].quotes.append(
            stats.StatQuote(speaker_entity, speaker_name, tuple(about.get(pk, ()))))
    return list(out.values())


def retire(conn: sqlite3.Connection, pk: int) -> None:
    """Take away the counts of the stored revision ``pk`` (about to stop being current)."""
    counts: stats.Counts = stats.Counter()
    for article in stored(conn, [pk]):
        stats.contributions(article, counts, sign=-1)
    apply(conn, counts)


# -- the recount in SQL (what an upgrade and `reindex` run) ---------------------------------------------------

def recount_sql(current: str, roles: str, mark: str) -> list[tuple[str, tuple[Any, ...]]]:
    """Statements (with their parameters) that count every current article into an empty ``entity_stats`` in the
    database itself, one ``INSERT … SELECT … GROUP BY`` per facet: what ``entity_stats.contributions`` adds up
    article by article, without reading a row into Python (an older store's upgrade took 373 s at 10^5 that way).
    The caller says how a current revision is tested (``current``, on ``a``), how a role list's elements are joined
    (``roles``, a FROM item over ``e.roles`` naming its element ``r.value``) and the parameter mark (``mark``).

    Three temporary tables carry what several facets share: ``stat_ent`` the current entity rows with their ekey,
    copy flag and month; ``stat_doc`` each article's distinct ekeys (articles, co-occurring); ``stat_loc`` which
    ekey a quote's local entity id means (the last row of an id, as ``contributions``' dict keeps it). The caller
    drops them (:data:`RECOUNT_DROP`) before and after. The other backend's module has the same statements in its
    own dialect (SQL stays inside a backend package)."""
    ekey = ("CASE WHEN x.global_id IS NOT NULL AND x.global_id <> '' THEN 'g:' || x.global_id"
            " ELSE 'n:' || x.name_key END")
    insert = "INSERT INTO entity_stats (ekey, facet, value, is_copy, n) "
    return [
        ("CREATE TEMP TABLE stat_ent AS SELECT x.pk AS pk, x.article AS article, x.revision AS revision,"
         f" x.local_id AS local_id, x.name AS name, x.type AS type, x.roles AS roles, {ekey} AS ekey,"
         " CASE WHEN a.duplicate_of IS NULL THEN 0 ELSE 1 END AS is_copy,"
         f" substr(coalesce(nullif({SQL_FUNCTION}(a.published), ''), 'undated'), 1, 7) AS month, a.pk AS apk"
         f" FROM entities x JOIN articles a ON a.id = x.article AND a.revision = x.revision WHERE {current}", ()),
        ("CREATE TEMP TABLE stat_doc AS SELECT DISTINCT apk, ekey, is_copy FROM stat_ent", ()),
        ("CREATE INDEX stat_doc_apk ON stat_doc (apk, ekey)", ()),
        ("CREATE TEMP TABLE stat_loc AS SELECT article, revision, local_id, ekey, is_copy FROM stat_ent"
         " WHERE pk IN (SELECT max(pk) FROM stat_ent GROUP BY article, revision, local_id)", ()),
        ("CREATE INDEX stat_loc_id ON stat_loc (article, revision, local_id)", ()),
        (insert + "SELECT ekey, 'articles', '', is_copy, count(*) FROM stat_doc GROUP BY ekey, is_copy", ()),
        (insert + "SELECT ekey, 'alias', name, is_copy, count(*) FROM stat_ent GROUP BY ekey, name, is_copy", ()),
        (insert + "SELECT ekey, 'type', type, is_copy, count(*) FROM stat_ent GROUP BY ekey, type, is_copy", ()),
        (insert + f"SELECT e.ekey, 'role', r.value, e.is_copy, count(*) FROM stat_ent e{roles}"
         " GROUP BY e.ekey, r.value, e.is_copy", ()),
        (insert + "SELECT e.ekey, 'month', e.month, e.is_copy, count(*) FROM stat_ent e"
         " JOIN mentions m ON m.entity = e.pk GROUP BY e.ekey, e.month, e.is_copy", ()),
        (insert + "SELECT d.ekey, 'cooc', o.ekey, d.is_copy, count(*) FROM stat_doc d"
         " JOIN stat_doc o ON o.apk = d.apk AND o.ekey <> d.ekey GROUP BY d.ekey, o.ekey, d.is_copy", ()),
        (insert + f"SELECT l.ekey, 'heard', coalesce(q.speaker_name, {mark}), l.is_copy, count(*) FROM quotes q"
         " JOIN about b ON b.quote = q.pk"
         " JOIN stat_loc l ON l.article = q.article AND l.revision = q.revision AND l.local_id = b.entity"
         " GROUP BY 1, 3, 4", (stats.UNKNOWN,)),
        (insert + f"SELECT s.ekey, 'said', coalesce(q.speaker_name, {mark}) || {mark} || l.ekey, s.is_copy, count(*)"
         " FROM quotes q"
         " JOIN stat_loc s ON s.article = q.article AND s.revision = q.revision AND s.local_id = q.speaker_entity"
         " JOIN about b ON b.quote = q.pk"
         " JOIN stat_loc l ON l.article = q.article AND l.revision = q.revision AND l.local_id = b.entity"
         " WHERE l.ekey <> s.ekey GROUP BY 1, 3, 4", (stats.UNKNOWN, stats.SEP)),
    ]


#: Statements that drop :func:`recount_sql`'s temporary tables.
RECOUNT_DROP = [f"DROP TABLE IF EXISTS {name}" for name in ("stat_loc", "stat_doc", "stat_ent")]


def rebuild(conn: sqlite3.Connection, say: Optional[Callable[[str], None]] = None) -> int:
    """Recount every current article into an empty table (inside the caller's transaction), in SQL
    (:func:`recount_sql`); returns the articles counted. ``say(what)`` after each statement (a long recount's
    progress)."""
    refuse_whole_store_work("the per-entity recount")
    conn.execute("DELETE FROM entity_stats")
    conn.execute(f"DROP INDEX IF EXISTS {TOP_INDEX}")  # made again below: one sort, not an insert per row
    for statement in RECOUNT_DROP:
        conn.execute(statement)
    statements = recount_sql("a.current = 1", ", json_each(e.roles) r", "?")
    for i, (statement, params) in enumerate(statements, 1):
        conn.execute(statement, params)
        if say is not None:
            say(f"statement {i}/{len(statements)} done ({' '.join(statement.split()[:4])} …)")
    for statement in RECOUNT_DROP:
        conn.execute(statement)
    conn.execute(DDL[1])
    return int(conn.execute("SELECT count(*) FROM articles a WHERE a.current = 1").fetchone()[0])


def recount_in_python(conn: sqlite3.Connection) -> int:
    """The same recount article by article through :func:`stored`, rows read into Python (slow: 373 s at
    10^5; kept as the reference the contract tests hold :func:`rebuild` to). Memory is one batch's counts."""
    conn.execute("DELETE FROM entity_stats")
    last, done = 0, 0
    while True:
        pks = [r[0] for r in conn.execute("SELECT pk FROM articles WHERE current = 1 AND pk > ? ORDER BY pk LIMIT ?",
                                          (last, _BUILD_BATCH))]
        if not pks:
            return done
        counts: stats.Counts = stats.Counter()
        for article in stored(conn, pks):
            stats.contributions(article, counts)
        apply(conn, counts)
        last, done = pks[-1], done + len(pks)


def ensure_entity_stats(conn: sqlite3.Connection, index: bool = True, writer: bool = True) -> None:
    """Create the table when missing and count the stored articles into it, once, saying so (a store made before
    the counts existed). On a reader's connection the CREATE fails as a write: the store's open then has a writer
    make the upgrade first (see ``_connect``). ``index=False`` leaves a missing :data:`TOP_INDEX` missing (a reader
    of a file nobody here may write: entity pages answer the same without it, more slowly). ``writer``: the
    connection can write (a reader's try fails at once, and says nothing before)."""
    if has_stats(conn):
        if index:
            ensure_top_index(conn, announce=writer)
        elif not has_top_index(conn):
            log.warning("newsgraph: this store lacks the index that makes entity pages fast and is not writable"
                        " here; a writer's open (newsgraph reindex) adds it")
        return
    with write_tx(conn, "the per-entity counts"):
        for statement in DDL:
            conn.execute(statement)
        articles = int(conn.execute("SELECT count(*) FROM articles WHERE current = 1").fetchone()[0])
        if articles:
            log.warning("newsgraph: counting the entities of %s stored articles for entity pages (once, for a store"
                        " made before per-entity counts)", f"{articles:,}")
            rebuild(conn)


def has_top_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (TOP_INDEX,)).fetchone() \
        is not None


#: Stored articles from which making :data:`TOP_INDEX` is said before it starts (~1 s per 10^4 at 10^6).
ANNOUNCE_FROM = 100_000


def ensure_top_index(conn: sqlite3.Connection, announce: bool = True) -> None:
    """Make :data:`TOP_INDEX` on a store whose counts predate it, saying so for a large one before it starts (a
    minute at 10^6 articles, the store locked for writers meanwhile) and once made. On a reader's connection
    (``announce`` False) the CREATE fails as a write, and the store's open has a writer make it."""
    if has_top_index(conn):
        return
    if announce:
        stored = conn.execute("SELECT max(pk) FROM articles").fetchone()[0] or 0  # one index lookup
        if stored >= ANNOUNCE_FROM:
            log.warning("newsgraph: indexing the per-entity counts of about %s articles for entity pages (once, for"
                        " a store made before that index; about a minute per 10^6 articles)", f"{stored:,}")
    started = time.perf_counter()
    with write_tx(conn, "the index of the per-entity counts"):
        conn.execute(DDL[1])
    seconds = time.perf_counter() - started
    if seconds >= 1:  # said once made (a reader's connection fails at the CREATE, before any word of it)
        log.warning("newsgraph: indexed the per-entity counts by count for entity pages in %.0f s (once, for a"
                    " store made before that index)", seconds)
