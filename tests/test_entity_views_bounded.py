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


@pytest.mark.parametrize("walk_ratio", [None, 1])
@pytest.mark.parametrize("include_copies", [False, True])
def test_quotes_about_a_frequent_name_equal_the_full_ordering(store, include_copies, walk_ratio, monkeypatch):
    if walk_ratio is not None:  # at 1,500 articles only a lower ratio makes the frequent names walk the date index
        from newsgraph.storage import entity_views
        monkeypatch.setattr(entity_views, "WALK_RATIO", walk_ratio)
    views = store.entity_views()
    counts: dict[str, int] = {}
    for article in store.iter_articles():
        for e in article.entities:
            counts[e.name.casefold()] = counts.get(e.name.casefold(), 0) + 1
    frequent = sorted(counts, key=lambda k: -counts[k])[:3]
    assert counts[frequent[0]] > 80  # more articles than the first two batches hold: the walk must go on
    # Also a rare name: its own rows are sorted instead of walking all articles.
    rare = [k for k in counts if 4 <= counts[k] < 15][:2]
    assert rare
    for key in frequent + rare:
        expected = _about_from_records(store, key, include_copies)
        for limit in (1, 20, len(expected) + 5):
            got = views.quotes_about(EntityRef(None, key), include_copies, limit)
            assert [(q.article_id, q.quote["text"]) for q in got] == expected[:limit]


def test_frequent_names_kept_counts_equal_their_rows(store):
    """At 1,500 synthetic articles: the page head from the kept counts equals the recount over the entity's rows."""
    from collections import Counter
    views = store.entity_views()
    counts = Counter(e.name.casefold() for a in store.iter_articles() for e in a.entities)
    for key, _ in counts.most_common(3):
        ref = EntityRef(None, key)
        rows = views.rows(ref)
        kept = [r for r in rows if not r.duplicate_of] or rows
        months = Counter()
        for r in kept:
            months[(r.published or "undated")[:7]] += r.mentions
        head = views.summary(ref)
        assert head.articles == len({r.article for r in kept}) > 50
        assert dict(head.mentions_by_month) == {m: n for m, n in months.items() if n}
        assert dict(head.types) == dict(Counter(r.type for r in kept))


def test_a_store_made_before_the_counts_gets_them_on_open(tmp_path, caplog):
    """An older store (no ``entity_stats`` table) is counted once by the next open, a reader's included (a writer's
    open upgrades it first), and says so."""
    import sqlite3

    from newsgraph import query
    path = str(tmp_path / "old.db")
    with open_store(path) as fresh:
        load(fresh, 120, seed=3)
        name = max((e.name for a in fresh.iter_articles() for e in a.entities),
                   key=lambda n: len(fresh.entity_views().rows(EntityRef(None, n.casefold()))))
        before = query.entity(fresh, name).as_dict()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE entity_stats")
    with caplog.at_level("WARNING", logger="newsgraph.storage"):
        with open_store(path, readonly=True) as reader:
            assert query.entity(reader, name).as_dict() == before
    assert "counting the entities of 120 stored articles" in caplog.text


def test_quotes_by_a_frequent_name_equal_the_full_ordering(store):
    """Quotes by a person, read a batch of newest articles at a time, equal the ordering from the records."""
    counts: dict[str, int] = {}
    for article in store.iter_articles():
        for q in article.quotes:
            if q.speaker and q.speaker.name:
                counts[q.speaker.name.casefold()] = counts.get(q.speaker.name.casefold(), 0) + 1
    key = max(counts, key=counts.get)
    assert counts[key] > 40
    found = []
    for order, article in enumerate(store.iter_articles()):
        if article.duplicate_of:
            continue
        ids = {e.id for e in article.entities if e.name.casefold() == key}
        found += [((article.published is None, _desc(article.published), order, pos), (article.id, q.text))
                  for pos, q in enumerate(article.quotes) if q.speaker and q.speaker.entity in ids]
    expected = [hit for _, hit in sorted(found)]
    for limit in (1, 20, len(expected) + 5):
        got = store.entity_views().quotes_by(EntityRef(None, key), False, limit)
        assert [(q.article_id, q.quote["text"]) for q in got] == expected[:limit]
