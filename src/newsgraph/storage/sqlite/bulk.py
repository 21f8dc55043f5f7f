"""Bulk loading of new articles into the SQLite store, for building large benchmark stores.

``put_many`` stores each article with a dozen statements, each maintaining a dozen B-tree indexes and the full-text
index as it goes; once the file outgrows the page cache every index insert is a random page read, and a 10^6-article
store took hours (about 50 articles/s). This module writes the same rows ``put_many`` writes for articles it has
never seen (revision 1, its own story unless the article names one, no exact duplicate): one ``executemany`` per
table per batch, with primary keys assigned here. It does no duplicate lookup and no revision check: the caller
guarantees the articles are new and distinct (the search benchmark's synthetic corpus is).

:func:`deferred` goes further for a load that makes most of a store: the secondary indexes of the article tables are
dropped and made again at its end (one sort each instead of a random insert per row), the full-text index is built
once at the end from the stored rows, and the per-entity counts are recounted in SQL at the end, each a committed
step of its own that a killed load leaves recorded for the next open to finish
(:func:`.entity_stats.rebuild`, which the contract tests hold equal to the counts ``put`` keeps). A test
(tests/test_sqlite_bulk.py) checks that a bulk-loaded store holds exactly the rows, and answers exactly the queries,
of one filled by ``put_many``.
"""
from __future__ import annotations

import dataclasses
import json as json_module
import os
import sys
import time
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator, Optional, Sequence

try:  # the lock that tells other processes a load is running (POSIX); elsewhere a load is never seen running
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

from .engine import refuse_whole_store_work, sqlite3
from .. import entity_stats as stats
from ...model import Article
from ...record import quote_to_dict
from ..words import key, terms
from . import entity_stats, fts
from .facet_tokens import article_tokens
from .tx import write_tx

#: The tables whose secondary indexes :func:`deferred` drops and makes again.
_TABLES = ("articles", "entities", "mentions", "quotes", "about")
_INSERT = {
    "articles": "INSERT INTO articles (pk, id, revision, current, content_hash, title, published, fetched, url,"
                " canonical_url, source, language, text, story, duplicate_of, pipeline, problems, record, stored_at)"
                " VALUES (?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "search_facets": "INSERT INTO search_facets (pk, id, revision, published, source, story) VALUES (?, ?, 1, ?, ?, ?)",
    "entity_terms": "INSERT OR IGNORE INTO entity_terms (term, pk) VALUES (?, ?)",
    "search_tokens": "INSERT INTO search_tokens (pk, fts) VALUES (?, ?)",
    "entities": "INSERT INTO entities (pk, article, revision, pos, local_id, name, name_key, type, roles, global_id)"
                " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
    "mentions": "INSERT INTO mentions (entity, span_start, span_end) VALUES (?, ?, ?)",
    "quotes": "INSERT INTO quotes (pk, article, revision, pos, speaker_name, speaker_key, speaker_entity, kind, text,"
              " cue, span_start, span_end, record) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "about": "INSERT INTO about (quote, entity, name, name_key) VALUES (?, ?, ?, ?)",
    "quote_speakers": "INSERT OR IGNORE INTO quote_speakers (term, pub, quote, copy) VALUES (?, ?, ?, ?)",
}


class _State:
    """What a load in progress on one connection knows: whether the indexes are deferred."""

    def __init__(self) -> None:
        self.deferred = False


_STATES: dict[int, _State] = {}


def _state(conn: sqlite3.Connection) -> _State:
    return _STATES.setdefault(id(conn), _State())


@lru_cache(maxsize=1 << 16)
def _terms(name_key):
    """:func:`terms`, remembered: names recur across articles, and working out a name's terms is a third of the
    time of writing an article's rows in Python."""
    return tuple(terms(name_key))


def _next(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(pk), 0) + 1 FROM {table}").fetchone()[0])


def insert_new(conn: sqlite3.Connection, articles: Sequence[Article], encode, json, now: str) -> int:
    """Store ``articles`` (new ids, distinct texts, none an exact copy of a stored one) in one transaction; the
    number stored. ``encode`` and ``json`` are the store's record and JSON encoders, ``now`` its ``stored_at``."""
    if not articles:
        return 0
    deferred = _state(conn).deferred
    with write_tx(conn, "a bulk load"):
        index = fts.index_of(conn)
        indexed: list[tuple[int, Optional[str], str, str]] = []
        pk, epk, qpk = _next(conn, "articles"), _next(conn, "entities"), _next(conn, "quotes")
        rows: dict[str, list[tuple]] = {table: [] for table in _INSERT}
        counts: stats.Counts = stats.Counter()
        for article in articles:
            a = dataclasses.replace(article, story=article.story or article.id)
            rows["articles"].append((pk, a.id, a.content_hash, a.title, a.published, a.fetched, a.url,
                                     a.canonical_url, a.source, a.language, a.text, a.story, a.duplicate_of,
                                     json(a.pipeline), json([{"code": p.code, "detail": p.detail} for p in a.problems]),
                                     encode(a), now))
            rows["search_facets"].append((pk, a.id, a.published, a.source, a.story))
            keys = [key(e.name) for e in a.entities]
            rows["entity_terms"] += [(t, pk) for t in {t for k in keys for t in _terms(k)}]
            tokens = article_tokens(a.published, a.source, a.story, keys, [e.global_id for e in a.entities])
            if index.facets:
                rows["search_tokens"].append((pk, tokens))
                if not deferred:
                    indexed.append((pk, a.title, a.text, tokens))
            else:
                conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (pk, a.title, a.text))
            for pos, e in enumerate(a.entities):
                rows["entities"].append((epk, a.id, pos, e.id, e.name, key(e.name), e.type, json(list(e.roles)),
                                         e.global_id))
                rows["mentions"] += [(epk, m.start, m.end) for m in e.mentions]
                epk += 1
            names = {e.id: e.name for e in a.entities}
            copy = int(a.duplicate_of is not None)
            for pos, q in enumerate(a.quotes):
                speaker = None if q.speaker is None else (q.speaker.name or q.speaker.text)
                rows["quotes"].append((qpk, a.id, pos, speaker, key(speaker), q.speaker.entity if q.speaker else None,
                                       q.kind, q.text, q.cue, q.span[0], q.span[1], json(quote_to_dict(q))))
                rows["about"] += [(qpk, ent, names.get(ent, ent), key(names.get(ent, ent))) for ent in q.about]
                rows["quote_speakers"] += [(t, a.published or "", qpk, copy) for t in _terms(key(speaker))]
                qpk += 1
            if not deferred:
                stats.contributions(stats.from_article(a), counts)
            pk += 1
        for table, statement in _INSERT.items():
            if rows[table]:
                conn.executemany(statement, rows[table])
        fts.add_many(conn, index, indexed)
        if not deferred:
            entity_stats.apply(conn, counts)
    return len(articles)


#: The ``meta`` row that says which end steps of a deferred load are still to run: JSON ``{"indexes": [[name, sql],
#: …], "fts": true, "stats": true}``, written with the index drops and emptied step by step, each step's removal
#: committed with its work. A store holding it was left by a killed load; :func:`resume` finishes the job.
PENDING_KEY = "bulk_pending"
_FTS_BATCH = 20_000  # articles per progress line of the full-text index


def _say(message: str) -> None:
    print(f"newsgraph: {message}", file=sys.stderr, flush=True)


def _lock_path(path: str) -> Optional[str]:
    return None if path in ("", ":memory:") or path.startswith("file:") else f"{path}-bulk"


def _hold(path: str):
    """Hold an exclusive lock on the sidecar file ``PATH-bulk`` while a deferred load runs, so that a writer
    opening the store meanwhile (another process) sees the load is alive and leaves its steps to it."""
    lock = _lock_path(path)
    if lock is None or fcntl is None:
        return None
    handle = open(lock, "w")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def _release(handle, path: str) -> None:
    if handle is None:
        return
    try:
        os.unlink(_lock_path(path))
    except OSError:
        pass
    handle.close()  # the lock goes with the descriptor


def load_running(path: str) -> bool:
    """Whether a deferred load holds ``path``'s lock now (in any process, this one included)."""
    lock = _lock_path(path)
    if lock is None or fcntl is None or not os.path.exists(lock):
        return False
    try:
        with open(lock, "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
    except OSError:
        return False
    return False


def pending(conn: sqlite3.Connection) -> Optional[dict]:
    """The end steps of a deferred load still to run on this store (None: none)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (PENDING_KEY,)).fetchone()
    return None if row is None else json_module.loads(row[0])


def _mark(conn: sqlite3.Connection, steps: dict) -> None:
    """Record what is left (inside the caller's transaction); nothing left removes the row."""
    if steps.get("indexes") or steps.get("fts") or steps.get("stats"):
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     (PENDING_KEY, json_module.dumps(steps)))
    else:
        conn.execute("DELETE FROM meta WHERE key = ?", (PENDING_KEY,))


#: A deferred load's end steps say what they do on stderr for stores of at least this many articles (the steps take
#: minutes there); a smaller load's end is over in seconds, and its command's own output stays clean.
LOUD_FROM = 50_000


def finish(conn: sqlite3.Connection, path: str, say: Optional[Callable[[str], None]] = None,
           quiet_under: int = LOUD_FROM) -> None:
    """Run the end steps :data:`PENDING_KEY` lists, each in its own transaction that also records it done, saying
    each on stderr: the secondary indexes (one transaction each), then the full-text index rebuilt from the stored
    rows and merged, then the per-entity counts recounted in SQL. A kill between or inside steps loses only the
    step under way; the next :func:`finish` (a writer's open, or a reader's, through a writer) goes on from there.
    Nothing is said for a store of fewer than ``quiet_under`` articles."""
    steps = pending(conn)
    if steps is None:
        return
    refuse_whole_store_work("a bulk load's end")
    started = time.perf_counter()
    loud = say or _say
    if quiet_under and int(conn.execute("SELECT max(pk) FROM articles").fetchone()[0] or 0) < quiet_under:
        def say(message: str) -> None:
            pass
    else:
        say = loud
    indexes = [tuple(pair) for pair in steps.get("indexes", [])]
    for i, (name, sql) in enumerate(indexes, 1):
        t = time.perf_counter()
        with write_tx(conn, f"index {name} of {path}"):
            if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone() is None:
                conn.execute(sql)
            steps["indexes"] = [list(pair) for pair in indexes[i:]]
            _mark(conn, steps)
        say(f"{path}: index {i}/{len(indexes)} {name} made in {time.perf_counter() - t:.1f} s")
    if steps.get("fts"):
        t = time.perf_counter()
        with write_tx(conn, f"the full-text index of {path}"):
            if fts.has_facets(conn):
                total = int(conn.execute("SELECT count(*) FROM search_tokens").fetchone()[0])
                done = 0

                def built(n: int) -> None:
                    nonlocal done
                    done += n
                    if done // _FTS_BATCH != (done - n) // _FTS_BATCH or done == total:
                        say(f"{path}: full-text index {done:,}/{total:,} articles ({time.perf_counter() - t:.0f} s)")
                fts.fill(conn, fts.segment_rows(conn), built)
            steps["fts"] = False
            _mark(conn, steps)
        say(f"{path}: full-text index built and merged in {time.perf_counter() - t:.1f} s")
    if steps.get("stats"):
        t = time.perf_counter()
        with write_tx(conn, f"the per-entity counts of {path}"):
            entity_stats.rebuild(conn, say=lambda what: say(f"{path}: entity counts: {what}"
                                                           f" ({time.perf_counter() - t:.0f} s)"))
            steps["stats"] = False
            _mark(conn, steps)
        say(f"{path}: entity counts recounted in {time.perf_counter() - t:.1f} s")
    say(f"{path}: bulk load finished ({time.perf_counter() - started:.1f} s for its end steps)")


def unfinished(conn: sqlite3.Connection, path: str) -> bool:
    """Whether a killed deferred load left end steps that no running load will do (a reader then has a writer's
    open run them before it reads: until then searches and entity pages would miss the loaded articles)."""
    return pending(conn) is not None and not load_running(path)


def resume(conn: sqlite3.Connection, path: str, say: Optional[Callable[[str], None]] = None) -> bool:
    """Finish what a killed deferred load left (a writer's open calls this); False when a load is still running
    on ``path`` (it finishes itself) or nothing is left."""
    if pending(conn) is None or load_running(path):
        return False
    say = say or _say
    say(f"{path}: finishing a bulk load that was interrupted (indexes, full-text index, entity counts)")
    finish(conn, path, say, quiet_under=0)
    return True


@contextmanager
def deferred(conn: sqlite3.Connection, path: str) -> Iterator[None]:
    """Within it, :func:`insert_new` maintains no secondary index of the article tables, no full-text index and no
    per-entity counts; at its end (whatever happens) :func:`finish` makes the indexes again, rebuilds the full-text
    index from the stored rows and recounts the counts, each step committed on its own with a line on stderr. The
    page cache is enlarged meanwhile.

    What is left to do is recorded in ``meta`` (:data:`PENDING_KEY`) in the transaction that drops the indexes, and
    each step takes itself off in its own transaction, so a process killed at any point leaves a store whose next
    writer's open (or a reader's, which has a writer's open do it) runs the steps left; while the load runs, a lock
    on the file ``PATH-bulk`` tells other processes to leave them to it."""
    refuse_whole_store_work("a bulk load")
    state = _state(conn)
    marks = ",".join("?" * len(_TABLES))
    lock = _hold(path)
    try:
        indexes = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                               f" AND tbl_name IN ({marks})", _TABLES).fetchall()
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute("PRAGMA cache_size = -1000000")  # about 1 GB: the WITHOUT ROWID tables still take random inserts
        with write_tx(conn, f"the bulk-load layout of {path}"):
            left = pending(conn) or {}
            known = {name for name, _ in left.get("indexes", [])}
            steps = {"indexes": left.get("indexes", []) + [[n, sql] for n, sql in indexes if n not in known],
                     "fts": True, "stats": True}
            _mark(conn, steps)
            for name, _ in indexes:
                conn.execute(f'DROP INDEX "{name}"')
        state.deferred = True
        try:
            yield
        finally:
            state.deferred = False
            _STATES.pop(id(conn), None)
            try:
                finish(conn, path)
            finally:
                conn.execute(f"PRAGMA cache_size = {int(cache)}")
    finally:
        _release(lock, path)
