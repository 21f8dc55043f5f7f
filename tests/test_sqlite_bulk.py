"""The SQLite bulk loader (storage/sqlite/bulk.py, used by ``newsgraph bench search/serve`` to build large stores)
must build exactly the store ``put_many`` builds: every row of every table, the same indexes, and the same answers
to searches, speaker lookups and entity pages."""
from __future__ import annotations

import dataclasses
import json
import random
from newsgraph.storage.sqlite.engine import sqlite3

import pytest

from newsgraph import query
from newsgraph.bench.search import load
from newsgraph.bench.search_corpus import speaker_queries, synthetic_article
from newsgraph.model import Problem, Speaker
from newsgraph.storage import open_store
from newsgraph.storage.base import SearchFilters
from newsgraph.storage.sqlite import fts


def _articles(n: int = 40) -> list:
    """Synthetic articles, some changed so that every column the loader writes has values of each kind: roles,
    linked entities, a quote with no speaker and one with an unnamed speaker, a story, problems and a pipeline."""
    rng = random.Random(5)
    out = [synthetic_article(i, rng) for i in range(n)]
    a = out[3]
    a.entities[0] = dataclasses.replace(a.entities[0], roles=["minister"], global_id="Q1")
    a.entities[1] = dataclasses.replace(a.entities[1], global_id="Q2")
    out[4].entities[0] = dataclasses.replace(out[4].entities[0], global_id="Q1")
    q = out[5].quotes[0]
    out[5].quotes[0] = dataclasses.replace(q, speaker=None)
    if len(out[6].quotes):
        q = out[6].quotes[0]
        out[6].quotes[0] = dataclasses.replace(q, speaker=Speaker("a spokesman", q.speaker.span))
    out[7] = dataclasses.replace(out[7], story="s6", problems=[Problem("no_date", "undated page")],
                                 pipeline={"extract": "test"}, published=None)
    return out


def _rows(path: str) -> dict[str, list]:
    """Every row of every table but the full-text index's own (its segments depend on how it was written: its
    contents are compared through its answers), ``stored_at`` left out."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                             " AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'sqlite_%'")]
        out = {}
        for table in tables:
            cur = conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cur.description]
            rows = [tuple(v for c, v in zip(columns, row) if c != "stored_at") for row in cur]
            out[table] = sorted(rows, key=repr)
        out["schema"] = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"
                                            " WHERE name NOT LIKE 'sqlite_%'").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def _fts_ok(path: str) -> None:
    conn = sqlite3.connect(path)
    try:  # raises when the index does not hold exactly what its content view reads
        fts.integrity_check(conn, fts.index_of(conn), content=True)
    finally:
        conn.close()


def _answers(store, articles) -> list:
    names = [e.name for a in articles[:10] for e in a.entities]
    out = [[(h.id, h.title) for h in store.search(name, limit=50)] for name in names]
    out += [[(h.id, h.title) for h in store.search(w, limit=50)] for w in ("government", "said", "police")]
    out += [[h.id for h in store.search(w, filters=SearchFilters(**f))]
            for w, f in (("government", {"source": articles[0].source}), ("said", {"entity": names[0]}),
                         ("police", {"since": "2015", "until": "2016-06"}), ("said", {"story": "s6"}))]
    out += [[(h.article_id, h.quote) for h in store.quotes(speaker=s, limit=50)] for _, s in speaker_queries()]
    out += [[(h.article_id, h.quote) for h in store.quotes(speaker=n, limit=50)] for n in names[:6]]
    pages = [query.entity(store, n) for n in names[:6] + [articles[3].entities[0].name]]
    out += [page.as_dict() if page is not None else None for page in pages]
    return out


@pytest.mark.parametrize("deferred", [False, True], ids=["indexes kept", "indexes deferred"])
def test_a_bulk_loaded_store_equals_a_put_many_store(tmp_path, deferred):
    articles = _articles()
    put_path, bulk_path = str(tmp_path / "put.db"), str(tmp_path / "bulk.db")
    with open_store(put_path) as store:
        store.put_many(articles[:15])
        store.put_many(articles[15:])
    with open_store(bulk_path) as store:
        if deferred:
            with store.search_index_deferred():
                assert store.bulk_load(articles[:15]) == 15 and store.bulk_load(articles[15:]) == 25
        else:
            assert store.bulk_load(articles[:15]) == 15 and store.bulk_load(articles[15:]) == 25
    put_rows, bulk_rows = _rows(put_path), _rows(bulk_path)
    assert len(put_rows["articles"]) == 40 and put_rows["entity_stats"] and put_rows["quote_speakers"]
    assert any(r[-1] == "Q1" for r in put_rows["entities"])  # the changed articles took part
    assert bulk_rows == put_rows
    _fts_ok(bulk_path)
    with open_store(put_path) as put, open_store(bulk_path) as bulk:
        answers = _answers(put, articles)
        assert any(answers) and _answers(bulk, articles) == answers


def test_a_bulk_load_adds_to_a_store_that_has_articles(tmp_path):
    """A store grown by put_many then by the bulk loader (indexes deferred: the full-text index is rebuilt over
    the old articles too) equals one filled by put_many alone."""
    articles = _articles(30)
    put_path, mixed_path = str(tmp_path / "put.db"), str(tmp_path / "mixed.db")
    with open_store(put_path) as store:
        store.put_many(articles)
    with open_store(mixed_path) as store:
        store.put_many(articles[:10])
        with store.search_index_deferred():
            store.bulk_load(articles[10:])
    assert _rows(mixed_path) == _rows(put_path)
    _fts_ok(mixed_path)


def test_the_bench_loader_builds_the_same_store_by_either_path(tmp_path):
    """``bench.search.load`` with and without the bulk path, grown in two steps each."""
    paths = {bulk: str(tmp_path / f"{bulk}.db") for bulk in (False, True)}
    for bulk, path in paths.items():
        with open_store(path) as store:
            load(store, 25, seed=3, batch=10, ahead=False, bulk=bulk)
            load(store, 45, seed=3, batch=10, ahead=False, bulk=bulk)
            assert store.count() == 45
    assert _rows(paths[True]) == _rows(paths[False])


def _pending(path: str):
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'bulk_pending'").fetchone()
        return None if row is None else json.loads(row[0])
    finally:
        conn.close()


class _Killed(BaseException):
    """Stands for the process dying inside a step (not an Exception: nothing on the way catches it)."""


@pytest.mark.parametrize("step, reopen", [("stats", "writer"), ("fts", "reader"), ("index", "writer")])
def test_a_load_killed_inside_its_end_steps_is_finished_by_the_next_open(tmp_path, monkeypatch, step, reopen):
    """The end of a deferred load is several committed steps; one that dies leaves what is left recorded in the
    store, and the next open (a writer's, or a reader's through a writer) finishes it: the store then equals one
    filled by put_many, and the record of unfinished steps is gone."""
    from newsgraph.storage.sqlite import bulk
    articles = _articles(30)
    put_path, bulk_path = str(tmp_path / "put.db"), str(tmp_path / "bulk.db")
    with open_store(put_path) as store:
        store.put_many(articles)
    lines: list[str] = []
    monkeypatch.setattr(bulk, "_say", lines.append)
    real_rebuild, real_tx = bulk.entity_stats.rebuild, bulk.write_tx
    made: list[str] = []

    def dying_rebuild(conn, say=None):
        raise _Killed()

    def dying_tx(conn, what):
        if step == "fts" and what.startswith("the full-text index"):
            raise _Killed()
        if step == "index" and what.startswith("index "):
            made.append(what)
            if len(made) == 3:
                raise _Killed()
        return real_tx(conn, what)

    if step == "stats":
        monkeypatch.setattr(bulk.entity_stats, "rebuild", dying_rebuild)
    else:
        monkeypatch.setattr(bulk, "write_tx", dying_tx)
    store = open_store(bulk_path)
    with pytest.raises(_Killed):
        with store.search_index_deferred():
            store.bulk_load(articles)
    store._conn.close()  # the process died: no close, no commit of anything open
    left = _pending(bulk_path)
    assert left is not None and left["stats"]
    assert left["fts"] == (step != "stats")
    assert (len(left["indexes"]) > 0) == (step == "index")
    monkeypatch.setattr(bulk.entity_stats, "rebuild", real_rebuild)
    monkeypatch.setattr(bulk, "write_tx", real_tx)
    if reopen == "reader":
        with open_store(bulk_path, create=False, readonly=True) as reader:
            assert reader.count() == 30 and reader.search(articles[0].title.split()[0])
    else:
        open_store(bulk_path).close()
    assert _pending(bulk_path) is None
    assert any("bulk load finished" in line for line in lines)
    assert _rows(bulk_path) == _rows(put_path)
    _fts_ok(bulk_path)


def test_a_running_load_is_left_its_end_steps(tmp_path):
    """While a deferred load runs (its lock held), another writer opening the store leaves the end steps to it."""
    from newsgraph.storage.sqlite import bulk
    articles = _articles(20)
    put_path, bulk_path = str(tmp_path / "put.db"), str(tmp_path / "bulk.db")
    with open_store(put_path) as store:
        store.put_many(articles)
    with open_store(bulk_path) as store:
        with store.search_index_deferred():
            store.bulk_load(articles[:10])
            assert bulk.load_running(bulk_path)
            with open_store(bulk_path) as other:
                assert other.count() == 10
            assert _pending(bulk_path) is not None  # not done by the other writer
            store.bulk_load(articles[10:])
    assert not bulk.load_running(bulk_path) and _pending(bulk_path) is None
    assert _rows(bulk_path) == _rows(put_path)
    _fts_ok(bulk_path)
