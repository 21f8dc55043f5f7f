"""The quotation clusters contract (``storage.base.QuoteClusters``), through the interface and the cluster step
only: every backend must pass this."""
from __future__ import annotations

import dataclasses

from newsgraph.model import QuoteOccurrence
from newsgraph.quotebank.step import cluster, register
from newsgraph.storage import open_store

from .corpus import BODY, LATER, harbour, ingest


def _ingest(store, articles):
    """The write path a run takes, with the cluster step between linking and the put."""
    from newsgraph.dedup import dedup
    from newsgraph.linking import link
    chain = cluster(link(dedup(articles, store.dedup_index()), store.entity_registry()), store.quote_clusters())
    return [store.put(a) for a in chain]


def _occ(article: str, words: str, speaker: str = "g1", published: str = "2014-03-10") -> QuoteOccurrence:
    return QuoteOccurrence(article, 0, (0, len(words)), words, words, "Maria Costa", speaker, False, published,
                           "port.example", article)


def test_the_same_quotation_in_two_stories_is_one_cluster_with_both_occurrences(store):
    _ingest(store, [harbour("a"), harbour("b", LATER, published="2014-04-12", source="news.example")])
    clusters = store.quote_clusters()
    rows = clusters.clusters()
    assert len(rows) == 1
    row = rows[0]
    assert (row.occurrences, row.stories, row.outlets) == (2, 2, 2)
    assert (row.first_article, row.first_published, row.speaker_name) == ("a", "2014-03-10", "Maria Costa")
    assert [o.article for o in clusters.occurrences(row.id)] == ["a", "b"]
    assert clusters.complete()


def test_occurrences_are_committed_by_the_put_and_survive_a_reopen(store_url):
    with open_store(store_url) as store:
        _ingest(store, [harbour("a")])
    with open_store(store_url) as store:
        clusters = store.quote_clusters()
        assert clusters.indexed("a") == harbour("a").content_hash
        assert len(clusters.clusters()) == 1


def test_an_exact_copy_counts_once_and_the_same_text_again_adds_nothing(store):
    _ingest(store, [harbour("a"), harbour("b", source="copy.example")])
    _ingest(store, [harbour("a")])  # same id, same text: skipped by the store, so not clustered again
    row = store.quote_clusters().clusters()[0]
    assert (row.occurrences, row.stories) == (2, 1)


def test_a_revision_replaces_its_occurrences(store):
    _ingest(store, [harbour("a")])
    revised = dataclasses.replace(harbour("a", BODY + "Ships were moving again by noon."), quotes=[])
    _ingest(store, [revised])
    clusters = store.quote_clusters()
    assert clusters.clusters() == [] and clusters.indexed("a") == revised.content_hash


def test_candidates_rank_by_shared_keys_and_drop_forgets_a_cluster(store):
    clusters = store.quote_clusters()
    with clusters.transaction():
        one = clusters.add(_occ("x", "one two three"), None, [1, 2, 3])
        two = clusters.add(_occ("y", "four five"), None, [3, 4])
    assert [c for c, _ in clusters.candidates([1, 2, 3, 4])] == [one, two]
    assert clusters.candidates([3], limit=1)[0][0] == one  # ties: the older cluster
    assert clusters.candidates([99]) == [] and clusters.candidates([]) == []
    with clusters.transaction():
        clusters.drop(one)
    assert [c for c, _ in clusters.candidates([1, 2, 3, 4])] == [two]
    assert clusters.cluster(one) is None


def test_lists_order_by_reach_or_first_seen_and_filter_conflicts(store):
    clusters = store.quote_clusters()
    with clusters.transaction():
        early = clusters.add(_occ("x", "early words", published="2010-01-01"), None, [1])
        wide = clusters.add(_occ("y", "wide words", published="2012-01-01"), None, [2])
        clusters.add(_occ("z", "wide words", published="2012-01-02"), wide, [2])
        for cid in (early, wide):
            occs = clusters.occurrences(cid)
            row = clusters.cluster(cid)
            clusters.save(dataclasses.replace(row, occurrences=len(occs), first_published=occs[0].published,
                                              conflict=cid == early))
    assert [c.id for c in clusters.clusters()] == [wide, early]
    assert [c.id for c in clusters.clusters(order="first_seen")] == [early, wide]
    assert [c.id for c in clusters.clusters(conflicts=True)] == [early]
    assert clusters.cluster(early).conflict is True


def test_clear_in_a_transaction_forgets_everything_and_an_unregistered_store_is_incomplete(store):
    ingest(store, [harbour("a")])  # put without the cluster step: a store made before clusters
    clusters = store.quote_clusters()
    assert not clusters.complete() and clusters.clusters() == []
    with clusters.transaction():
        register(store.get("a"), clusters)
    assert clusters.complete() and len(clusters.clusters()) == 1
    with clusters.transaction():
        clusters.clear()
    assert clusters.clusters() == [] and clusters.indexed("a") is None
