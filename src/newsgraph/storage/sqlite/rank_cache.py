"""Rankings (and other answers: counts, result pages, entity pages, through ``SQLiteStore.kept``) shared by the
connections of one process (``newsgraph serve``: a store per worker thread), valid for one state of the file.

Ranking a query is most of a search's cost in a large store (FTS5's bm25 walks every match of each word for its
weight: 6-16 ms at 10^6 articles), and a server ranks the same query again and again: the API's next pages, the
reader's page after the API's, the same popular word from many readers. A ranking is kept under a *generation*,
which moves whenever the file has changed: before each read of a kept ranking the cache asks its own read-only
connection for ``PRAGMA data_version``, which moves when any other connection (this process's or another's) has
committed since it last asked. So once a commit has happened, the next question sees it, the generation moves and
nothing ranked before is answered again; a ranking is stored under the generation seen before its read began, so a
ranking read while a commit landed is dropped too. One watching connection, not each store's own: a worker thread
that opens its store after a commit would otherwise take the file as it finds it for unchanged.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Hashable, Optional

from .engine import sqlite3
from .guard import _uri

__all__ = ["RankCache", "DEFAULT_ENTRIES", "DEEPEST"]

DEFAULT_ENTRIES = 256  # answers: a ranking of up to DEEPEST (pk, score) pairs is ~0.1 MB, so ~30 MB or more
#: Rankings deeper than this (offset + limit) are not kept: a reader paging that far is rare, and each would hold
#: thousands of pairs.
DEEPEST = 1_000


class RankCache:
    """Up to ``entries`` rankings (least recently used dropped first), all of one generation."""

    def __init__(self, entries: int = DEFAULT_ENTRIES):
        self.entries = entries
        self._lock = threading.Lock()
        self._generation = 0
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._path: Optional[str] = None
        self._watch: Optional[sqlite3.Connection] = None
        self._version: Optional[int] = None
        self.hits = self.misses = 0

    def generation(self, path: str) -> Optional[int]:
        """The generation for a read of ``path`` now, moved first (every ranking dropped) when the file changed
        since the last question; None for another file than the cache's (it watches the first one asked about)."""
        with self._lock:
            if self._path is None:
                self._path = path
                try:  # used by every worker thread, one at a time under the lock
                    self._watch = sqlite3.connect(_uri(path, mode="ro"), uri=True, isolation_level=None,
                                                  check_same_thread=False, timeout=30.0)
                except sqlite3.Error:  # e.g. a store in a read-only folder: nothing kept, every search ranked
                    self._watch = None
            if path != self._path or self._watch is None:
                return None
            try:
                version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:  # e.g. a WAL store in a read-only folder, which the store reads as immutable
                self._watch.close()
                self._watch = None
                return None
            if version != self._version:
                if self._version is not None:
                    self._generation += 1
                    self._kept.clear()
                self._version = version
            return self._generation

    def close(self) -> None:
        with self._lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None

    def get(self, key: Hashable, generation: int) -> Optional[Any]:
        with self._lock:
            if generation != self._generation or key not in self._kept:
                self.misses += 1
                return None
            self._kept.move_to_end(key)
            self.hits += 1
            return self._kept[key]

    def put(self, key: Hashable, generation: int, value: Any) -> None:
        with self._lock:
            if generation != self._generation or self.entries <= 0:
                return  # ranked from a state of the file that another connection has since seen change
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)
