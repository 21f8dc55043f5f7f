"""Where signatures live between articles: an in-memory :class:`DedupIndex` (the protocol is in ``storage.base``).

The SQLite implementation lives with the store (``store.dedup_index()``, tables ``dedup_docs`` and
``dedup_bands`` in the same file) so that matching one article costs a few index lookups whatever the corpus size
and holds nothing in memory. :class:`MemoryDedupIndex` is for tests and for runs without a store (it grows with
what it has seen).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Optional, Sequence

from ..errors import ConfigError
from ..model import IndexEntry
from ..storage.base import DedupIndex  # the protocol: part of the store contract

__all__ = ["DedupIndex", "MemoryDedupIndex", "IndexedArticle", "Keys"]

Keys = Sequence[tuple[int, int]]


# What an index returns per article: one record type shared with the SQLite index in storage.
IndexedArticle = IndexEntry


class MemoryDedupIndex:
    """A :class:`DedupIndex` in dictionaries: for tests and store-less runs."""

    def __init__(self) -> None:
        self._by_id: dict[str, IndexEntry] = {}
        self._by_seq: list[IndexEntry] = []
        self._by_hash: dict[str, list[int]] = defaultdict(list)
        self._bands: dict[tuple[int, int], set[int]] = defaultdict(set)
        self.params_label: Optional[str] = None

    def bind(self, params_label: str) -> None:
        if self.params_label is None:
            self.params_label = params_label
        elif self.params_label != params_label:
            raise ConfigError(f"index built with MinHash parameters {self.params_label}, not {params_label}")

    def entry(self, article_id: str) -> Optional[IndexEntry]:
        return self._by_id.get(article_id)

    def exact(self, content_hash: str, exclude_id: str, before: Optional[int] = None) -> Optional[IndexEntry]:
        for seq in self._by_hash.get(content_hash, ()):
            entry = self._by_seq[seq - 1]
            if entry.id != exclude_id and entry.content_hash == content_hash and (before is None or seq < before):
                return entry
        return None

    def candidates(self, keys: Keys, exclude_id: str, before: Optional[int] = None) -> list[IndexEntry]:
        seqs = set().union(*(self._bands.get(key, ()) for key in keys)) if keys else set()
        found = (self._by_seq[seq - 1] for seq in sorted(seqs) if before is None or seq < before)
        return [entry for entry in found if entry.id != exclude_id]

    def add(self, article_id: str, content_hash: str, story: str, duplicate_of: Optional[str], shingles: bytes,
            keys: Keys, old_keys: Keys = ()) -> int:
        entry = self._by_id.get(article_id)
        if entry is None:
            entry = IndexEntry(len(self._by_seq) + 1, article_id, content_hash, story, duplicate_of, shingles)
            self._by_seq.append(entry)
            self._by_id[article_id] = entry
        else:
            entry.content_hash, entry.story, entry.duplicate_of, entry.shingles = (
                content_hash, story, duplicate_of, shingles)
        if entry.seq not in self._by_hash[content_hash]:
            self._by_hash[content_hash].append(entry.seq)
            self._by_hash[content_hash].sort()
        for key in old_keys:
            self._bands.get(tuple(key), set()).discard(entry.seq)
        for key in keys:
            self._bands[tuple(key)].add(entry.seq)
        return entry.seq

    def __len__(self) -> int:
        return len(self._by_seq)
