"""``SQLiteStore.snapshot()``: the reads of one page see one state of the file, and what an entity page reads twice
(the entity's head and article order, for its quotes by and about it) is read once, with the same answers."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from newsgraph import query
from newsgraph.bench.search_corpus import synthetic_article
from newsgraph.storage import open_store


@pytest.fixture()
def stored(tmp_path):
    rng = random.Random(3)
    articles = [synthetic_article(i, rng) for i in range(60)]
    path = str(tmp_path / "s.db")
    with open_store(path) as store:
        store.put_many(articles)
    names = Counter(e.name for a in articles for e in a.entities if e.type == "PERSON")
    return path, [name for name, _ in names.most_common(4)]


def _page(store, name):
    page = query.entity(store, name)
    about = query.quotes_about(store, name, limit=20)
    edges = query.talks_about(store, entity=name, limit=20)
    return page.as_dict(), [q.as_dict() for q in about], [e.as_dict() for e in edges]


def test_an_entity_page_in_a_snapshot_reads_its_article_order_once_and_answers_the_same(stored):
    path, names = stored
    with open_store(path, create=False, readonly=True) as store:
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        for name in names:
            plain = _page(store, name)
            orders = sum("ORDER BY a.published IS NULL" in s and "GROUP BY a.pk" in s for s in statements)
            statements.clear()
            with store.snapshot():
                kept = _page(store, name)
            again = sum("ORDER BY a.published IS NULL" in s and "GROUP BY a.pk" in s for s in statements)
            statements.clear()
            assert kept == plain and plain[0]["articles"] > 0
            assert orders == 2 and again == 1  # quotes by and quotes about, then once for both
            assert not store._conn.in_transaction


def test_a_snapshot_sees_one_state_and_ends_on_an_error(stored):
    path, names = stored
    rng = random.Random(9)
    with open_store(path, create=False, readonly=True) as reader, open_store(path) as writer:
        before = reader.count()
        with pytest.raises(KeyError):
            with reader.snapshot():
                assert reader.search_count("the") >= 0
                writer.put_many([synthetic_article(1000 + i, rng) for i in range(3)])
                assert reader.count() == before  # the other connection's commit is not seen inside
                raise KeyError("the page failed")
        assert not reader._conn.in_transaction
        assert reader.count() == before + 3
