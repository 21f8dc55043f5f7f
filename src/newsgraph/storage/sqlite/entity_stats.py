"""The per-entity counts (:mod:`newsgraph.storage.entity_stats`) in the SQLite store: the table, the upsert run in
each article's transaction, the read of a stored revision's rows (to take its counts away when it is replaced), and
the one-time build for a store made before the counts existed."""
from __future__ import annotations

import json
import logging
import sqlite3
from typing import Iterable, Optional

from .. import entity_stats as stats
from .tx import write_tx

log = logging.getLogger("newsgraph.storage")

DDL = ("""CREATE TABLE IF NOT EXISTS entity_stats (
    ekey    TEXT NOT NULL,
    facet   TEXT NOT NULL,
    value   TEXT NOT NULL,
    is_copy INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (ekey, facet, value, is_copy)
) WITHOUT ROWID""",)
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


def rebuild(conn: sqlite3.Connection) -> int:
    """Recount every current article into an empty table (inside the caller's transaction), in SQL
    (:func:`~newsgraph.storage.entity_stats.recount_sql`); returns the articles counted."""
    conn.execute("DELETE FROM entity_stats")
    for statement in stats.RECOUNT_DROP:
        conn.execute(statement)
    for statement, params in stats.recount_sql("a.current = 1", ", json_each(e.roles) r", "?"):
        conn.execute(statement, params)
    for statement in stats.RECOUNT_DROP:
        conn.execute(statement)
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


def ensure_entity_stats(conn: sqlite3.Connection, readonly: bool = False) -> None:
    """Create the table when missing and count the stored articles into it, once, saying so (a store made before
    the counts existed). On a reader's connection the CREATE fails as a write: the store's open then has a writer
    make the upgrade first (see ``_connect``)."""
    if has_stats(conn):
        return
    with write_tx(conn, "the per-entity counts"):
        for statement in DDL:
            conn.execute(statement)
        articles = int(conn.execute("SELECT count(*) FROM articles WHERE current = 1").fetchone()[0])
        if articles:
            log.warning("newsgraph: counting the entities of %s stored articles for entity pages (once, for a store"
                        " made before per-entity counts)", f"{articles:,}")
            rebuild(conn)
