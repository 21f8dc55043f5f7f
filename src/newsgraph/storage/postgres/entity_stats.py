"""The per-entity counts (:mod:`newsgraph.storage.entity_stats`) in the PostgreSQL store: the upsert run in each
article's transaction, the read of a stored revision's rows (to take its counts away when it is replaced), and the
count of every stored article that schema version 4 runs once for a store made before it (see :mod:`.schema`)."""
from __future__ import annotations

import json
import logging
from typing import Any, Iterable

import psycopg

from .. import entity_stats as stats
from ..dates import SQL_FUNCTION

log = logging.getLogger("newsgraph.storage")

TEXT = 'TEXT COLLATE "C"'
DDL = [f"""CREATE TABLE entity_stats (ekey {TEXT} NOT NULL, facet {TEXT} NOT NULL, value {TEXT} NOT NULL,
        is_copy SMALLINT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (ekey, facet, value, is_copy))"""]
# One statement per batch: the deltas as arrays, summed per row first (ON CONFLICT may touch a row once only).
_UPSERT = ("INSERT INTO entity_stats (ekey, facet, value, is_copy, n)"
           " SELECT k, f, v, c, sum(d) FROM unnest(%s::text[], %s::text[], %s::text[], %s::smallint[], %s::bigint[])"
           " AS x (k, f, v, c, d) GROUP BY k, f, v, c"
           " ON CONFLICT (ekey, facet, value, is_copy) DO UPDATE SET n = entity_stats.n + excluded.n")
_DROP_ZERO = ("DELETE FROM entity_stats s USING unnest(%s::text[], %s::text[], %s::text[], %s::smallint[])"
              " AS x (k, f, v, c) WHERE s.ekey = x.k AND s.facet = x.f AND s.value = x.v AND s.is_copy = x.c"
              " AND s.n = 0")
_BUILD_BATCH = 2000


def _nul(value: str) -> str:
    return value.replace("\x00", "\ufffd")  # as the store's searchable columns hold text


def apply(conn: psycopg.Connection, counts: stats.Counts) -> None:
    """Add the deltas (inside the caller's transaction); rows that reach zero are removed."""
    # in one order everywhere, so that loaders upserting at once lock shared rows in the same order (no deadlock)
    rows = sorted(stats.changed(counts), key=lambda r: (r[0] or "", r[1], r[2] or "", r[3]))
    if not rows:
        return
    cols = [list(c) for c in zip(*[(_nul(k), f, _nul(v), c, n) for k, f, v, c, n in rows])]
    conn.execute(_UPSERT, cols)
    gone = [r for r in rows if r[4] < 0]
    if gone:
        conn.execute(_DROP_ZERO, [list(c) for c in zip(*[(_nul(k), f, _nul(v), c) for k, f, v, c, _ in gone])])


def stored(conn: psycopg.Connection, pks: Iterable[int]) -> list[stats.StatArticle]:
    """The counts' view of stored revisions (by article pk)."""
    pks = list(pks)
    if not pks:
        return []
    heads = conn.execute("SELECT pk, id, revision, published, duplicate_of IS NOT NULL FROM articles"
                         " WHERE pk = ANY(%s) ORDER BY pk", (pks,)).fetchall()
    out = {(r[1], r[2]): stats.StatArticle(r[3], bool(r[4])) for r in heads}
    if not out:
        return []
    join = " JOIN articles a ON a.id = x.article AND a.revision = x.revision WHERE a.pk = ANY(%s)"
    for article, revision, local_id, name, name_key, type_, roles, global_id, mentions in conn.execute(
            "SELECT x.article, x.revision, x.local_id, x.name, x.name_key, x.type, x.roles, x.global_id,"
            " (SELECT count(*) FROM mentions m WHERE m.entity = x.pk) FROM entities x" + join + " ORDER BY x.pk",
            (pks,)):
        out[(article, revision)].entities.append(stats.StatEntity(
            local_id, name, name_key, type_, tuple(json.loads(roles)), global_id, int(mentions)))
    quotes = conn.execute(
        "SELECT x.pk, x.article, x.revision, x.speaker_entity, x.speaker_name,"
        " coalesce((SELECT array_agg(b.entity) FROM about b WHERE b.quote = x.pk), '{}')"
        " FROM quotes x" + join + " ORDER BY x.pk", (pks,)).fetchall()
    for _, article, revision, speaker_entity, speaker_name, about in quotes:
        out[(article, revision)].quotes.append(stats.StatQuote(speaker_entity, speaker_name, tuple(about)))
    return list(out.values())


def retire(conn: psycopg.Connection, pk: int) -> list[stats.StatArticle]:
    """Take away the counts of the stored revision ``pk`` (about to stop being current); the revision as read, for
    the caller's other clean-up (its entity names)."""
    counts: stats.Counts = stats.Counter()
    retired = stored(conn, [pk])
    for article in retired:
        stats.contributions(article, counts, sign=-1)
    apply(conn, counts)
    return retired


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


def rebuild(conn: psycopg.Connection) -> int:
    """Recount every current article into an empty table (inside the caller's transaction), in SQL
    (:func:`recount_sql`); returns the articles counted."""
    conn.execute("DELETE FROM entity_stats")
    for statement in RECOUNT_DROP:
        conn.execute(statement)
    roles = " CROSS JOIN LATERAL json_array_elements_text(e.roles::json) AS r (value)"
    for statement, params in recount_sql("a.current", roles, "%s::text"):
        conn.execute(statement, params)
    for statement in RECOUNT_DROP:
        conn.execute(statement)
    return int(conn.execute("SELECT count(*) FROM articles a WHERE a.current").fetchone()[0])


def recount_in_python(conn: psycopg.Connection) -> int:
    """The same recount article by article through :func:`stored`, rows read into Python (slow: 373 s at
    10^5; kept as the reference the contract tests hold :func:`rebuild` to). Memory is one batch's counts."""
    conn.execute("DELETE FROM entity_stats")
    last, done = 0, 0
    while True:
        pks = [r[0] for r in conn.execute("SELECT pk FROM articles WHERE current AND pk > %s ORDER BY pk LIMIT %s",
                                          (last, _BUILD_BATCH)).fetchall()]
        if not pks:
            return done
        counts: stats.Counts = stats.Counter()
        for article in stored(conn, pks):
            stats.contributions(article, counts)
        apply(conn, counts)
        last, done = pks[-1], done + len(pks)


def build(conn: psycopg.Connection) -> None:
    """Schema version 4's step after its DDL: count the articles a store made before it holds, saying so."""
    articles = int(conn.execute("SELECT count(*) FROM articles WHERE current").fetchone()[0])
    if articles:
        log.warning("newsgraph: counting the entities of %s stored articles for entity pages (once, for a store"
                    " made before per-entity counts)", f"{articles:,}")
        rebuild(conn)
