"""The entity page's bounded reads give what reading every row would: quotes about a person named in many
articles are found a batch of newest articles at a time, and must equal the whole ordering computed from the
records themselves (newest first, undated last, storage order, then quote order; copies only when asked)."""
from __future__ import annotations

import pytest

from newsgraph.bench.search import load
from newsgraph.storage import open_store
from newsgraph.storage.base import EntityRef


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(str(tmp_path_factory.mktemp("bounded") / "s.db")) as opened:
        load(opened, 1500, seed=5)
        yield opened


def _about_from_records(store, key: str, include_copies: bool) -> list[tuple[str, str]]:
    found = []
    for order, article in enumerate(store.iter_articles()):
        if article.duplicate_of and not include_copies:
            continue
        ids = {e.id for e in article.entities if e.name.casefold() == key}
        for pos, q in enumerate(article.quotes):
            if ids & set(q.about):
                found.append(((article.published is None, _desc(article.published), order, pos),
                              (article.id, q.text)))
    return [hit for _, hit in sorted(found)]


def _desc(published):
    return tuple(-ord(c) for c in published or "")


@pytest.mark.parametrize("include_copies", [False, True])
def test_quotes_about_a_frequent_name_equal_the_full_ordering(store, include_copies):
    views = store.entity_views()
    counts: dict[str, int] = {}
    for article in store.iter_articles():
        for e in article.entities:
            counts[e.name.casefold()] = counts.get(e.name.casefold(), 0) + 1
    frequent = sorted(counts, key=lambda k: -counts[k])[:3]
    assert counts[frequent[0]] > 80  # more articles than the first two batches hold: the walk must go on
    for key in frequent:
        expected = _about_from_records(store, key, include_copies)
        for limit in (1, 20, len(expected) + 5):
            got = views.quotes_about(EntityRef(None, key), include_copies, limit)
            assert [(q.article_id, q.quote["text"]) for q in got] == expected[:limit]
