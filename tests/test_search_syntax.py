"""The search box syntax (phrases, OR, -word / NOT word, prefix*) on a real store: each form finds what it says,
and nothing a user types is an FTS5 error."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from newsgraph.ids import content_hash
from newsgraph.model import Article
from newsgraph.storage import open_store
from newsgraph.storage.syntax import parse

TEXTS = {"a": "Inspectors found chemical weapons near Damascus, Syria, on Monday.",
         "b": "Weapons talks with Iran resumed; chemical plants were not discussed.",
         "c": "Syrian refugees crossed into Turkey as Iran and Russia met.",
         "d": "A chemical spill closed the river; no weapons were involved."}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(str(tmp_path_factory.mktemp("syntax") / "s.db")) as opened:
        opened.put_many([Article(i, t, content_hash(t), title=f"Story {i}") for i, t in TEXTS.items()])
        yield opened


def ids(store, query: str) -> list[str]:
    return sorted(h.id for h in store.search(query))


def test_words_all_occur_and_phrases_keep_their_order(store):
    assert ids(store, "chemical weapons") == ["a", "b", "d"]
    assert ids(store, '"chemical weapons"') == ["a"]
    assert ids(store, '"chemical weapons') == ["a"]  # an unclosed quote runs to the end
    assert store.search_count('"chemical weapons"') == 1


def test_or_not_minus_and_prefix(store):
    assert ids(store, "Damascus OR Turkey") == ["a", "c"]
    assert ids(store, "chemical Damascus OR river") == ["a", "d"]  # chemical AND (Damascus OR river)
    assert ids(store, "chemical -weapons") == []
    assert ids(store, "Iran -Russia") == ["b"] and ids(store, "Iran NOT Russia") == ["b"]
    assert ids(store, "Syri*") == ["a", "c"] and ids(store, "syria") == ["a"]
    assert ids(store, "-Iran") == []  # nothing wanted: nothing found
    assert ids(store, "NOT") == ["b"]  # an operator with nothing to act on is a word ("not discussed")
    assert ids(store, "discussed NOT") == ["b"]


def test_operators_where_they_cannot_act_are_words():
    assert parse("a OR") == ([[parse("a")[0][0][0]], [parse("OR")[0][0][0]]], [])
    groups, excluded = parse('x OR "y z" -w NOT v p*')
    assert [[t.text for t in g] for g in groups] == [["x", "y z"], ["p"]] and groups[1][0].prefix
    assert [t.text for t in excluded] == ["w", "v"]


@settings(max_examples=200, deadline=None)
@given(query=st.text(alphabet=st.sampled_from(list('ab "*-()ORNOTAND:{}^\x00')), max_size=30))
def test_no_query_is_an_error(store, query):
    assert isinstance(store.search(query), list) and store.search_count(query) >= 0
