"""The dedup step: articles in, articles out with ``duplicate_of`` and ``story`` set (DESIGN.md output record).

For each article, in arrival order, against everything indexed before it:

1. the same ``id`` with the same ``content_hash`` already indexed: its earlier answer is returned, nothing is
   written (re-ingest is stable);
2. the earliest other article with the same ``content_hash`` (an exact duplicate), else
3. the earliest LSH candidate whose shingle Jaccard with this article is at least ``threshold`` (exact Jaccard of
   the stored shingles by default; ``verify="estimate"`` uses the MinHash estimate instead);
4. ``duplicate_of`` = that article, ``story`` = its story; with no match the article starts its own story
   (``story`` = its id). Story ids are never renumbered: a later article joins an existing story, stories are not
   merged, so a story id is always the id of its first stored member.

A revised article (same id, new text) is re-indexed in place and keeps its place in time: it is matched only
against articles indexed before it, so duplicate links always point back in time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Literal, Optional, TypeVar

import numpy as np

from ..model import Article
from . import minhash
from .index import DedupIndex, IndexedArticle
from .minhash import DEFAULT_PARAMS, MinHashParams

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """``threshold``: the Jaccard similarity of word 5-gram sets from which two texts are the same article."""

    threshold: float = 0.8
    params: MinHashParams = DEFAULT_PARAMS
    verify: Literal["exact", "estimate"] = "exact"

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.verify not in ("exact", "estimate"):
            raise ValueError("verify must be 'exact' or 'estimate'")


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    jaccard: float


@dataclass(slots=True)
class Decision:
    """What the step decided for one article; ``matches`` lists every verified earlier near-duplicate."""

    duplicate_of: Optional[str]
    story: str
    exact: bool = False
    matches: list[Match] = field(default_factory=list)
    reused: bool = False


class Deduplicator:
    """Assigns ``duplicate_of``/``story`` against a :class:`DedupIndex`; call :meth:`run` as a pipeline step."""

    def __init__(self, index: DedupIndex, config: DedupConfig = DedupConfig()):
        self.index = index
        self.config = config
        index.bind(config.params.label())

    def run(self, items: Iterable[T]) -> Iterator[T]:
        """The step: Articles get ``duplicate_of``/``story`` set; anything else (a Rejected) passes through."""
        for item in items:
            if isinstance(item, Article):
                decision = self.decide(item)
                item.duplicate_of, item.story = decision.duplicate_of, decision.story
            yield item

    def decide(self, article: Article, all_matches: bool = False) -> Decision:
        """Match ``article`` against the index and index it. ``all_matches`` verifies every candidate."""
        own = self.index.entry(article.id)
        if own is not None and own.content_hash == article.content_hash:
            return Decision(own.duplicate_of, own.story, reused=True)
        params = self.config.params
        shingles = minhash.shingles(article.text, params.k)
        signature = minhash.signature_of_shingles(shingles, params)
        keys = minhash.band_keys(signature, params)
        before = None if own is None else own.seq
        decision = self._match(article, shingles, signature, keys, before, all_matches)
        old_keys = () if own is None else self._keys_of(own)
        self.index.add(article.id, article.content_hash, decision.story, decision.duplicate_of,
                       minhash.pack(shingles), keys, old_keys)
        return decision

    def _match(self, article: Article, shingles: np.ndarray, signature: np.ndarray, keys, before: Optional[int],
               all_matches: bool) -> Decision:
        exact = self.index.exact(article.content_hash, article.id, before)
        if exact is not None and not all_matches:
            return Decision(exact.id, exact.story, exact=True, matches=[Match(exact.id, 1.0)])
        matches, first = [], exact
        for candidate in self.index.candidates(keys, article.id, before):
            similarity = self._similarity(shingles, signature, candidate)
            if similarity >= self.config.threshold:
                matches.append(Match(candidate.id, similarity))
                if first is None or candidate.seq < first.seq:
                    first = candidate
                if not all_matches:
                    break  # candidates come earliest first: the first verified one is the answer
        if first is None:
            return Decision(None, article.id, matches=matches)
        return Decision(first.id, first.story, exact=exact is not None and first.id == exact.id, matches=matches)

    def _similarity(self, shingles: np.ndarray, signature: np.ndarray, candidate: IndexedArticle) -> float:
        other = minhash.unpack(candidate.shingles)
        if self.config.verify == "exact":
            return minhash.jaccard(shingles, other)
        return minhash.estimated_jaccard(signature, minhash.signature_of_shingles(other, self.config.params))

    def _keys_of(self, entry: IndexedArticle):
        params = self.config.params
        return minhash.band_keys(minhash.signature_of_shingles(minhash.unpack(entry.shingles), params), params)


def dedup(items: Iterable[T], index: DedupIndex, config: DedupConfig = DedupConfig()) -> Iterator[T]:
    """Pipeline step: ``for article in dedup(articles, store.dedup_index()): store.put(article)``."""
    return Deduplicator(index, config).run(items)
