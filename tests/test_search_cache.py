"""Search rankings shared by the stores of one process (``newsgraph serve``): the same answers as ranking afresh,
and never an answer from before the file changed, whichever connection asks."""
from __future__ import annotations

import dataclasses

import pytest

from newsgraph.storage import SearchFilters, open_store
from newsgraph.storage.sqlite.rank_cache import DEFAULT_ENTRIES, RankCache

from storage_contract.corpus import BODY, harbour, ingest


@pytest.fixture
def path(tmp_path):
    db = str(tmp_path / "cache.db")
    with open_store(db) as store:
        ingest(store, [harbour("a"), harbour("b", text=BODY.replace("Monday", "Tuesday"), published="2014-04-02"),
                       harbour("c", text=BODY.replace("nine", "ten"), published="2014-03-12", source="other.example")])
    return db


def readers(path: str, cache: RankCache, n: int = 2):
    stores = [open_store(path, create=False, readonly=True) for _ in range(n)]
    for store in stores:
        store.share_rankings(cache)
    return stores


def test_shared_rankings_answer_what_ranking_afresh_answers(path):
    cache = RankCache()
    one, two = readers(path, cache)
    plain = open_store(path, create=False, readonly=True)
    try:
        for filters in (None, SearchFilters(source="port.example"), SearchFilters(since="2014-04")):
            for limit, offset in ((1, 0), (2, 1), (20, 0), (5, 3)):
                expected = plain.search("strike", limit, offset, filters=filters)
                assert one.search("strike", limit, offset, filters=filters) == expected
                assert two.search("strike", limit, offset, filters=filters) == expected
                assert two.search_ids("strike", limit, offset, filters=filters) == [h.id for h in expected]
            assert two.search_count("strike", filters=filters) == plain.search_count("strike", filters=filters)
        assert one.search_with_top("strike", 1, 1, top=2) == plain.search_with_top("strike", 1, 1, top=2)
        for store in (one, two, one):  # the reader's first page: hits, ids and facet rows, kept together
            assert store.search_with_facet_rows("strike", 2, 0, top=3) == plain.search_with_facet_rows(
                "strike", 2, 0, top=3)
        assert cache.hits > 0  # the second store was answered from the first's rankings
        assert two.search("strike", window=50) == plain.search("strike", window=50)  # a narrow window: not kept
    finally:
        for store in (one, two, plain):
            store.close()


def test_no_connection_answers_a_ranking_from_before_a_write(path):
    """A write by another process (here another connection) moves the generation at the next question of any
    reader, so neither the reader that ranked nor one that joins later answers the old ranking or count."""
    cache = RankCache()
    one, two = readers(path, cache)
    try:
        assert [h.id for h in one.search("strike")] and two.search_count("strike") == 3
        assert one.search("overtime") == [] and two.search("overtime") == []
        assert one.search_with_facet_rows("overtime", 20, 0) == ([], [], [])
        with open_store(path) as writer:
            later = harbour("d", text=BODY.replace("strike", "overtime strike"), published="2014-05-01")
            ingest(writer, [later])
        assert [h.id for h in two.search("overtime")] == ["d"]
        assert [h.id for h in one.search("overtime")] == ["d"]
        assert one.search_count("strike") == 4
        assert "d" in one.search_with_facet_rows("overtime", 20, 0)[1]
        three = readers(path, cache, 1)[0]  # joins after the write: its first question moves the generation too
        assert [h.id for h in three.search("overtime")] == ["d"]
        three.close()
    finally:
        one.close()
        two.close()


def test_a_connections_own_write_is_seen_by_its_next_search(tmp_path):
    db = str(tmp_path / "own.db")
    cache = RankCache()
    with open_store(db) as store:
        store.share_rankings(cache)
        ingest(store, [harbour("a")])
        assert [h.id for h in store.search("strike")] == ["a"]
        ingest(store, [harbour("b", text=BODY.replace("Monday", "Friday"))])
        assert sorted(h.id for h in store.search("strike")) == ["a", "b"]
        assert store.search_count("strike") == 2


def test_the_cache_keeps_its_most_recent_entries_only(path):
    cache = RankCache(entries=2)
    generation = cache.generation(path)
    for key in ("a", "b", "c"):
        cache.put(key, generation, key.upper())
    assert cache.get("a", generation) is None and cache.get("c", generation) == "C"
    assert cache.generation(path) == generation  # nothing written since
    stale = generation
    with open_store(path) as writer:
        ingest(writer, [harbour("z", text=BODY.replace("Monday", "Sunday"))])
    generation = cache.generation(path)
    assert generation != stale and cache.get("c", generation) is None
    cache.put("d", stale, "D")  # ranked before the change: not kept
    assert cache.get("d", generation) is None
    assert cache.generation(path + "-other") is None  # one file per cache
    cache.close()
    assert RankCache(entries=0).get("x", 0) is None


def test_serve_keeps_rankings_by_default_and_the_default_is_the_caches():
    from newsgraph.cli.serve import CACHE
    assert CACHE == DEFAULT_ENTRIES


def test_serve_takes_cache_0(tmp_path):
    """0 turns the cache off (a bench of ranking itself passes it); a negative size is a usage error."""
    from click.testing import CliRunner

    from newsgraph.cli.main import cli
    from newsgraph.cli.serve import serve
    param = next(p for p in serve.params if p.name == "cache")
    assert param.type.convert("0", param, None) == 0
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db"), "--cache", "-1"])
    assert result.exit_code == 2


def test_kept_answers_are_read_again_once_the_store_changed(path):
    cache = RankCache()
    one, two = readers(path, cache)
    calls = []

    def read(store):
        calls.append(store)
        return store.count()
    try:
        assert one.kept(("n",), lambda: read(one)) == 3 and two.kept(("n",), lambda: read(two)) == 3
        assert len(calls) == 1  # the second store was answered from the first's read
        assert one.kept(("none",), lambda: None) is None and one.kept(("none",), lambda: 5) == 5  # None not kept
        with open_store(path) as writer:
            ingest(writer, [harbour("e", text=BODY.replace("nine", "eleven"))])
        assert two.kept(("n",), lambda: read(two)) == 4 and len(calls) == 2
        with one.snapshot():  # inside a transaction: read afresh, nothing kept
            assert one.kept(("n",), lambda: read(one)) == 4 and len(calls) == 3
    finally:
        one.close()
        two.close()


def test_the_served_entity_page_is_kept_until_an_ingest(path, tmp_path):
    """The reader's entity page from a cache-sharing app, then again after an article naming the person is written
    by another process: the new article's quote is on the page."""
    from fastapi.testclient import TestClient

    from newsgraph.serve import create_app
    app = create_app(path, hosts=["testserver"], cache=64)
    try:
        with TestClient(app) as client:
            first = client.get("/entities/Maria Costa").text
            assert "Maria Costa" in first and client.get("/entities/Maria Costa").text == first
            assert "Strike over (f)" not in first
            with open_store(path) as writer:  # a new article quoting her, written by another connection
                ingest(writer, [harbour("f", text="The late-night shifts ended at the harbour authority. Union"
                                        " leader Maria Costa told reporters the new contract was a fair deal for"
                                        " everyone at the port.", published="2015-01-05")])
            assert "Strike over (f)" in client.get("/entities/Maria Costa").text
    finally:
        app.state.pool.close()
