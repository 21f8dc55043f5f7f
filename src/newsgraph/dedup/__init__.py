"""Dedup: exact and near-duplicate articles folded into stories (DESIGN.md ``duplicate_of`` and ``story``).

    with open_store("news.db") as store:
        for article in dedup(articles, store.dedup_index()):
            store.put(article)

:mod:`.minhash` is the pure half (text -> shingles -> MinHash signature -> LSH band keys, with the S-curve in its
docstring); :mod:`.step` decides ``duplicate_of``/``story``; :mod:`.index` defines the index protocol.
"""
from __future__ import annotations

from .index import DedupIndex, MemoryDedupIndex
from .minhash import DEFAULT_PARAMS, MinHashParams, band_keys, estimated_jaccard, find, jaccard, shingles, signatures
from .step import Decision, DedupConfig, Deduplicator, Match, dedup

__all__ = ["dedup", "Deduplicator", "DedupConfig", "Decision", "Match", "DedupIndex", "MemoryDedupIndex",
           "MinHashParams", "DEFAULT_PARAMS", "find", "signatures", "shingles", "band_keys", "jaccard",
           "estimated_jaccard"]
