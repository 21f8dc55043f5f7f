"""The ``cluster`` store step: each article's direct and mixed quotations matched against the clusters stored
before, at ingest, one article at a time, through the store's ``QuoteClusters`` (``storage.base``) — this module
imports no storage. Runs after ``dedup`` and ``link`` (it needs ``duplicate_of``, ``story`` and the speakers'
global ids) and before ``store``, whose ``put`` commits the article and its occurrences in one transaction.

A quotation joins the first candidate cluster (most index keys shared) whose canonical words it matches
(:func:`.match.same_quotation`), else starts a cluster; clusters are never merged afterwards. Every cluster an
article touched has its summary recomputed from its occurrences (:func:`.summary.summarize`).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from ..model import Article, Quote, QuoteCluster, QuoteOccurrence
from ..text import outlet_of
from .match import MatchParams, same_quotation
from .summary import Summary, summarize
from .words import decode, keys, quoted_text, words_of

#: Clusters verified per quotation, best first: a quote that matches shares most of its keys with its cluster.
CANDIDATES = 8
#: Speaker words that name nobody: a vote found through them is weak (see :mod:`.summary`).
PRONOUNS = frozenset("he she they him her them i we you it his hers their".split())


def cluster_step(articles: Iterable[Article], store, summary=None) -> Iterator[Article]:
    """The registry's store step (``steps.py``): a pass-through where the store keeps no clusters."""
    clusters = store.quote_clusters() if hasattr(store, "quote_clusters") else None
    if clusters is None:
        return iter(articles)
    return cluster(articles, clusters)


def cluster(articles: Iterable[Article], clusters, params: MatchParams = MatchParams()) -> Iterator[Article]:
    for article in articles:
        register(article, clusters, params)
        yield article


def register(article: Article, clusters, params: MatchParams = MatchParams()) -> None:
    """Put the article's quotations into clusters (replacing an earlier revision's); nothing when this very text
    is registered already (the store will skip it too)."""
    registered = clusters.indexed(article.id)
    if registered == article.content_hash:
        return
    touched = set(clusters.remove_article(article.id)) if registered is not None else set()
    for pos, quote in enumerate(article.quotes):
        occurrence = _occurrence(article, pos, quote, params)
        if occurrence is None:
            continue
        words = decode(occurrence.words)
        index_keys = keys(words)
        match: Optional[int] = None
        for cluster_id, canonical in clusters.candidates(index_keys, CANDIDATES):
            if same_quotation(words, decode(canonical), params):
                match = cluster_id
                break
        touched.add(clusters.add(occurrence, match, index_keys))
    clusters.mark_indexed(article.id, article.content_hash)
    for cluster_id in sorted(touched):
        refresh(clusters, cluster_id)


def refresh(clusters, cluster_id: int) -> None:
    """Recompute and save a cluster's summary, or drop the cluster when no occurrence is left."""
    occurrences = clusters.occurrences(cluster_id)
    if not occurrences:
        clusters.drop(cluster_id)
        return
    clusters.save(to_cluster(cluster_id, summarize(occurrences)))


def to_cluster(cluster_id: int, s: Summary) -> QuoteCluster:
    canon, first, top = s.canonical, s.first, s.speaker
    assert canon is not None and first is not None  # a cluster with occurrences has both
    return QuoteCluster(cluster_id, canon.text, canon.words, top.speaker_id if top else None,
                        top.name if top else None, top.votes if top else 0, sum(side.votes for side in s.sides),
                        first.published, first.article, first.source, s.occurrences, s.stories, s.outlets,
                        s.conflict, s.drifted)


def _occurrence(article: Article, pos: int, quote: Quote, params: MatchParams) -> Optional[QuoteOccurrence]:
    if quote.kind not in ("direct", "mixed"):
        return None  # an indirect quote is the reporter's words, not the speaker's
    text = quoted_text(article.text, quote)
    words = words_of(text)
    if len(words) < params.min_words:
        return None
    name, speaker_id, weak = _speaker(article, quote)
    return QuoteOccurrence(article.id, pos, quote.span, text.strip(), words.encode(), name, speaker_id, weak,
                           article.published, outlet(article), article.story or article.id, article.duplicate_of)


def outlet(article: Article) -> Optional[str]:
    """The outlet: the article's ``source``, else the host of its URL (clean-text JSONL inputs carry no source)."""
    return outlet_of(article.source, article.canonical_url or article.url)


def _speaker(article: Article, quote: Quote) -> tuple[Optional[str], Optional[str], bool]:
    """(name, id, weak): the resolved entity's global id, else its name key; unresolved speakers do not vote."""
    s = quote.speaker
    if s is None or s.entity is None:
        return (s.text if s else None), None, False
    entity = article.entity(s.entity)
    name = s.name or (entity.name if entity else s.text)
    speaker_id = entity.global_id if entity and entity.global_id else f"name:{name.casefold()}"
    weak = getattr(s, "via", None) == "pronoun" or s.text.casefold() in PRONOUNS
    return name, speaker_id, weak


def rebuild(store, progress=None) -> int:
    """Register every current article again, from empty (a store made before clusters, or after a change of the
    matching rules), in one transaction: interrupted, the store keeps its old clusters. ``progress(n)`` after each
    batch; returns the articles registered."""
    clusters = store.quote_clusters()
    if clusters is None:
        return 0
    done = 0
    with clusters.transaction():
        clusters.clear()
        for article in store.iter_articles():
            register(article, clusters)
            done += 1
            if progress and done % 256 == 0:
                progress(256)
    if progress and done % 256:
        progress(done % 256)
    return done
