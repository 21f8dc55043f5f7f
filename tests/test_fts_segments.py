"""The full-text index kept in segments of article pks (store schema 3, storage/sqlite/fts.py).

A store whose segments hold 4 articles each is held against one whose single segment holds them all: every answer
that does not depend on bm25's word weights (which matches, how many, which are the newest ``window``, snippets,
filters) must be the same, and a search whose window the newest segment fills must read no other segment.
"""
from __future__ import annotations

from newsgraph.storage.sqlite.engine import sqlite3

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.ids import content_hash
from newsgraph.model import Article
from newsgraph.storage import open_store
from newsgraph.storage.base import SearchFilters
from newsgraph.storage.sqlite import fts
from tests.test_search_facets import FILTERS, _corpus
from tests.test_storage import check_rows_match

QUERIES = ["flood", "bridge OR strike", '"the council"', "minister -flood", "elect*", "item", "story", "nothing"]


def _store(path, articles, rows, monkeypatch):
    monkeypatch.setattr(fts, "SEGMENT_ROWS", rows)
    with open_store(path) as store:
        store.put_many(articles[:25])
        for a in articles[25:]:
            store.put(a)
    return path


@pytest.fixture
def pair(tmp_path, monkeypatch):
    articles = _corpus(60)
    small = _store(tmp_path / "small.db", articles, 4, monkeypatch)
    whole = _store(tmp_path / "whole.db", articles, 1 << 20, monkeypatch)
    return small, whole


def _answers(path, window):
    with open_store(path) as store:
        out = {}
        for q in QUERIES:
            hits = store.search(q, limit=100, window=window)
            out[q] = (store.search_count(q), {h.id: h.snippet for h in hits})
        for f in FILTERS:
            hits = store.search("the", limit=100, window=window, filters=f)
            out[repr(f)] = (store.search_count("the", filters=f), {h.id for h in hits})
        return out


def test_segments_answer_what_one_table_answers(pair):
    small, whole = pair
    with open_store(small) as store:
        index = fts.index_of(store._conn)
        assert index.rows == 4 and len(index.tables) == 16  # pks 1-60: segments 0 (pks 1-3) to 15 (pk 60)
        assert index.tables[0] == "articles_fts_s15"  # newest first
        fts.integrity_check(store._conn, index, content=True)
    with open_store(whole) as store:
        assert len(fts.index_of(store._conn).tables) == 1
    assert _answers(small, 0) == _answers(whole, 0)  # every match ranked
    assert _answers(small, 7) == _answers(whole, 7)  # the 7 newest matches: across several segments
    assert _answers(small, None) == _answers(whole, None)


def test_a_window_the_newest_segment_fills_reads_no_other(tmp_path, monkeypatch):
    articles = [Article(f"b{i}", f"Number {i}: the harbour board met again.", content_hash(f"harbour {i}"))
                for i in range(39)]  # pks 1-39: the newest segment, 4, holds pks 32-39 (b31-b38)
    path = _store(tmp_path / "s.db", articles, 8, monkeypatch)
    with open_store(path) as store:
        seen: list[str] = []
        store._conn.set_trace_callback(seen.append)
        hits = store.search("harbour", limit=3, window=5)
        store._conn.set_trace_callback(None)
        newest = fts.index_of(store._conn).tables[0]
        assert [h.id for h in hits] and {h.id for h in hits} <= {"b38", "b37", "b36", "b35", "b34"}
        ranked = [s for s in seen if "bm25(" in s]
        assert ranked and all(newest in s for s in ranked)
        assert not any("articles_fts_s" in s and newest not in s for s in seen if "MATCH" in s)
        # A window deeper than the newest segment's 8 matches reaches into the next one (its newest 2), no further.
        seen.clear()
        store._conn.set_trace_callback(seen.append)
        hits = store.search("harbour", limit=10, window=10)
        store._conn.set_trace_callback(None)
        assert {h.id for h in hits} == {f"b{i}" for i in range(29, 39)}
        tables = {t for s in seen if "bm25(" in s for t in fts.index_of(store._conn).tables[:3] if f"{t} " in s}
        assert tables == set(fts.index_of(store._conn).tables[:2])


def test_a_revision_leaves_its_old_segment(tmp_path, monkeypatch):
    articles = _corpus(30)
    path = _store(tmp_path / "s.db", articles, 4, monkeypatch)
    with open_store(path) as store:
        first = articles[0]
        store.put(Article(first.id, "A lighthouse keeper retired.", content_hash("A lighthouse keeper retired.")))
        assert [h.id for h in store.search("lighthouse")] == [first.id]
        assert first.id not in {h.id for h in store.search("item", limit=100, window=0)}
        assert store.search_count("item") == 29
        fts.integrity_check(store._conn, fts.index_of(store._conn), content=True)
        check_rows_match(store._conn)


def test_a_one_table_store_keeps_working_and_reindex_splits_it(tmp_path, monkeypatch):
    articles = _corpus(40)
    path = tmp_path / "old.db"
    monkeypatch.setattr(fts, "SEGMENT_ROWS", 8)
    with open_store(path) as store:
        store.put_many(articles[:30])
    conn = sqlite3.connect(path, isolation_level=None)
    fts.create_one_table(conn)  # as newsgraph wrote stores before segments (schema 2)
    conn.close()
    with open_store(path) as store:
        index = fts.index_of(store._conn)
        assert index.tables == ("articles_fts",) and index.rows is None and store.facet_index
        store.put_many(articles[30:])
        store.put(Article("a1", "A revised flood story.", content_hash("A revised flood story."), source="Wire"))
        before = {h.id for h in store.search("flood", limit=100, window=0)}
        filtered = {h.id for h in store.search("the", limit=100, filters=SearchFilters(source="wire"))}
        check_rows_match(store._conn)
    result = CliRunner().invoke(cli, ["reindex", "--db", str(path)])
    assert result.exit_code == 0, result.output
    with open_store(path) as store:
        index = fts.index_of(store._conn)
        assert index.rows == 8 and len(index.tables) == 6 and not store._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
        assert store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "3"
        assert {h.id for h in store.search("flood", limit=100, window=0)} == before
        assert {h.id for h in store.search("the", limit=100, filters=SearchFilters(source="wire"))} == filtered
        fts.integrity_check(store._conn, index, content=True)


def test_a_store_keeps_the_segment_size_it_was_made_with(tmp_path, monkeypatch):
    path = _store(tmp_path / "s.db", _corpus(12), 4, monkeypatch)
    monkeypatch.setattr(fts, "SEGMENT_ROWS", 1 << 17)
    with open_store(path) as store:
        store.put(Article("late", "A late flood report.", content_hash("A late flood report.")))
        index = fts.index_of(store._conn)
        assert index.rows == 4 and index.tables[0] == "articles_fts_s3"  # pk 13
        assert [h.id for h in store.search("late")] == ["late"]
        store.reindex()
        assert fts.index_of(store._conn).rows == 4


def test_counts_kept_between_a_ranking_and_its_count_follow_the_file(tmp_path, monkeypatch):
    articles = _corpus(40)
    path = _store(tmp_path / "s.db", articles, 4, monkeypatch)
    flood = sum("flood" in a.text for a in articles)
    with open_store(path) as writer, open_store(path, readonly=True) as reader:
        assert reader.search("flood", limit=2, window=3) and reader.search_count("flood") == flood
        assert reader.search_count("flood", most=1) == 2  # a shorter walk answered from the longer one
        assert reader.search_count("flood", most=flood + 5) == flood
        writer.put(Article("late", "A late flood.", content_hash("A late flood.")))
        assert writer.search_count("flood") == flood + 1  # this connection's own write
        assert reader.search_count("flood") == flood + 1  # another connection's commit
        assert reader.search_count("flood", most=1) == 2


@pytest.mark.parametrize("rows", [64, 1 << 20])
def test_the_first_articles_of_a_new_segment_rank_as_in_one_table(tmp_path, monkeypatch, rows):
    # A segment just begun holds one article: bm25 gives a word in more than half of a table's articles no weight,
    # so without the context of the articles before it the newest match ranked below every older one.
    monkeypatch.setattr(fts, "SEGMENT_ROWS", rows)
    articles = _corpus(63)
    text = "Harbour strike: the harbour strike closed the harbour."
    new = Article("new", text, content_hash(text), title="Harbour strike")
    old = Article("old", "A harbour strike was mentioned once in passing among other things.",
                  content_hash("A harbour strike was mentioned once"))
    with open_store(tmp_path / "s.db") as store:
        store.put_many(articles[:40])
        store.put(old)
        store.put_many(articles[40:62])
        store.put(new)  # pk 64: the first article of segment 1 when it holds 64
        assert [h.id for h in store.search("harbour strike", limit=10)] == ["new", "old"]
        assert store.search_count("harbour strike") == 2
        fts.integrity_check(store._conn, fts.index_of(store._conn), content=True)
        store.put(Article("old", "Nothing about ports.", content_hash("Nothing about ports.")))  # in a context
        assert [h.id for h in store.search("harbour strike", limit=10)] == ["new"]
        fts.integrity_check(store._conn, fts.index_of(store._conn), content=True)


def test_more_segments_than_one_compound_select_takes(tmp_path, monkeypatch):
    monkeypatch.setattr(fts, "SEGMENT_ROWS", 1)
    with open_store(tmp_path / "s.db") as store:
        store.put_many([Article(f"a{i}", f"harbour {i}", content_hash(f"harbour {i}")) for i in range(520)])
        assert store.search_count("harbour") == 520
        assert len(store.search("harbour", limit=5, window=0)) == 5
        assert {h.id for h in store.search("harbour", limit=600, window=0)} == {f"a{i}" for i in range(520)}
        assert len(store.search("harbour", limit=5)) == 5


def test_a_reader_reads_the_layout_again_only_when_the_file_changed(tmp_path, monkeypatch):
    path = _store(tmp_path / "s.db", _corpus(12), 4, monkeypatch)  # pks 1-12: segments 0-3
    reads = []
    index_of = fts.index_of
    monkeypatch.setattr(fts, "index_of", lambda conn: reads.append(1) or index_of(conn))
    with open_store(path) as writer, open_store(path, readonly=True) as reader:
        assert reader.search("zeppelin") == []
        reads.clear()
        assert reader.search("zeppelin") == [] and reader.search_count("zeppelin") == 0
        assert reads == []  # nothing committed since: the layout read before serves
        for i in range(5):  # pks 13-17: the last begins segment 4
            text = f"A zeppelin sighting, report {i}."
            writer.put(Article(f"z{i}", text, content_hash(text)))
        assert {h.id for h in reader.search("zeppelin", limit=10)} == {f"z{i}" for i in range(5)}  # z4: segment 4
        assert reads and reader._index.tables[0] == "articles_fts_s4"
        assert reader.search_count("zeppelin") == 5
