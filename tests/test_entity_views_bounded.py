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
    from newsgraph.storage.sqlite.engine import sqlite3

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


def _tops_without_the_index(store, ekey: str) -> dict:
    """Co-occurring, who speaks about and whom it speaks about, cut by the grouped statements (every row of the
    entity summed, what the page read before the top index): the reference for the index's reads."""
    views = store.entity_views()
    sql = views.sql
    out = {}
    for facet in ("cooc", "heard", "said"):
        for limit in (1, 3, 10):
            out[facet, limit, "cut"] = sorted(views._all(sql.stats_cut, (ekey, facet, 0, limit - 1)))
            out[facet, limit, "top"] = views._all(sql.stats_top, (ekey, facet, 0, limit))
    return out


def _tops_from_the_index(store, ekey: str) -> dict:
    views = store.entity_views()
    sql = views.sql
    out = {}
    for facet in ("cooc", "heard", "said"):
        for limit in (1, 3, 10):
            out[facet, limit, "cut"] = sorted(views._all(sql.stats_cut_own, (ekey, facet, ekey, facet, limit - 1)))
            out[facet, limit, "top"] = views._all(sql.stats_top_own, (ekey, facet, limit))
    return out


def test_the_top_index_gives_what_summing_every_row_gives(tmp_path):
    """The entity page's top co-occurring entities and speakers, read from the ``entity_stats_top`` index, equal the
    grouped sums of every row, after a bulk of puts, after revisions that take counts away, and for copies
    (``is_copy = 1`` rows are outside the index and must not leak into a page without copies)."""
    import dataclasses

    from newsgraph.storage.sqlite import entity_stats
    with open_store(str(tmp_path / "top.db")) as store:
        load(store, 300, seed=9)
        conn = store._conn
        plan = " ".join(r[-1] for r in conn.execute(
            "EXPLAIN QUERY PLAN " + store.entity_views().sql.stats_cut_own, ("k", "cooc", "k", "cooc", 2)))
        assert entity_stats.TOP_INDEX in plan  # the cut is read from the index, not sorted from every row
        for article in list(store.iter_articles())[:40:4]:  # syndicated copies: the same text under another id
            store.put(dataclasses.replace(article, id=article.id + "-copy"))
        keys = [r[0] for r in conn.execute("SELECT ekey FROM entity_stats WHERE facet = 'articles'"
                                           " ORDER BY n DESC LIMIT 8")]
        assert conn.execute("SELECT count(*) FROM entity_stats WHERE is_copy = 1").fetchone()[0] > 0
        for ekey in keys:
            assert _tops_from_the_index(store, ekey) == _tops_without_the_index(store, ekey)
        # Revise the articles naming the most frequent entity: their counts are taken away and the new ones added.
        name = keys[0][2:]
        revised = 0
        for article in list(store.iter_articles()):
            if any(e.name.casefold() == name for e in article.entities) and revised < 5:
                kept = [q for q in article.quotes][1:]
                store.put(dataclasses.replace(article, text=article.text + "\n\nUpdated.", quotes=kept))
                revised += 1
        assert revised == 5
        for ekey in keys:
            assert _tops_from_the_index(store, ekey) == _tops_without_the_index(store, ekey)


def test_a_store_without_the_top_index_gets_it_on_open(tmp_path):
    """A store whose counts predate ``entity_stats_top`` gains it at the next open, a reader's included (through a
    writer's open), and the entity page answers as before."""
    from newsgraph.storage.sqlite.engine import sqlite3

    from newsgraph import query
    from newsgraph.storage.sqlite import entity_stats
    path = str(tmp_path / "old.db")
    with open_store(path) as fresh:
        load(fresh, 120, seed=4)
        name = max((e.name for a in fresh.iter_articles() for e in a.entities),
                   key=lambda n: len(fresh.entity_views().rows(EntityRef(None, n.casefold()))))
        before = query.entity(fresh, name).as_dict()
    with sqlite3.connect(path) as conn:
        conn.execute(f"DROP INDEX {entity_stats.TOP_INDEX}")
    with open_store(path, readonly=True) as reader:
        assert query.entity(reader, name).as_dict() == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (entity_stats.TOP_INDEX,)).fetchone()


def test_a_large_store_says_it_is_making_the_top_index_before_it_starts(tmp_path, caplog, monkeypatch):
    """Making the index takes a minute at 10^6 articles with writers locked out: a reader's open (through a writer's)
    says so once, before, and not for a small store."""
    from newsgraph.storage.sqlite.engine import sqlite3

    from newsgraph.storage.sqlite import entity_stats
    path = str(tmp_path / "old.db")
    with open_store(path) as fresh:
        load(fresh, 30, seed=5)
    for threshold, said in ((10**9, 0), (10, 1)):
        with sqlite3.connect(path) as conn:
            conn.execute(f"DROP INDEX {entity_stats.TOP_INDEX}")
        monkeypatch.setattr(entity_stats, "ANNOUNCE_FROM", threshold)
        caplog.clear()
        with caplog.at_level("WARNING", logger="newsgraph.storage"):
            open_store(path, readonly=True).close()
        assert caplog.text.count("indexing the per-entity counts of about") == said, caplog.text


def _by_from_records(store, key: str, include_copies: bool) -> list[tuple[str, str]]:
    found = []
    for order, article in enumerate(store.iter_articles()):
        if article.duplicate_of and not include_copies:
            continue
        ids = {e.id for e in article.entities if e.name.casefold() == key}
        found += [((article.published is None, _desc(article.published), order, pos), (article.id, q.text))
                  for pos, q in enumerate(article.quotes) if q.speaker and q.speaker.entity in ids]
    return [hit for _, hit in sorted(found)]


@pytest.mark.parametrize("include_copies", [False, True])
def test_quotes_by_and_about_share_one_walk_in_a_snapshot(store, include_copies, monkeypatch):
    """Inside a snapshot the second of quotes by and quotes about goes on from the first's walk of the date index
    (kept articles, then further steps): both equal the orderings from the records, whichever comes first, at any
    limit."""
    from collections import Counter

    from newsgraph.storage import entity_views
    monkeypatch.setattr(entity_views, "WALK_RATIO", 1)  # every name walks at 1,500 articles
    speakers = Counter(q.speaker.name.casefold() for a in store.iter_articles() for q in a.quotes
                       if q.speaker and q.speaker.name)
    for key, _ in speakers.most_common(3):
        ref = EntityRef(None, key)
        by_all, about_all = _by_from_records(store, key, include_copies), _about_from_records(store, key, include_copies)
        assert len(by_all) > 20 and about_all
        for by_limit, about_limit in ((20, 20), (1, 60), (60, 1), (3, 500)):
            for by_first in (True, False):
                with store.snapshot():
                    shared = store.entity_views()
                    if by_first:
                        by = shared.quotes_by(ref, include_copies, by_limit)
                    about = shared.quotes_about(ref, include_copies, about_limit)
                    if not by_first:
                        by = shared.quotes_by(ref, include_copies, by_limit)
                    assert any(k[0] == "walk" for k in shared._memo)  # the walk is kept for the second read
                assert [(q.article_id, q.quote["text"]) for q in by] == by_all[:by_limit]
                assert [(q.article_id, q.quote["text"]) for q in about] == about_all[:about_limit]
