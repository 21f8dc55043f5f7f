"""Rankings shared by the connections of one process (``newsgraph serve``: a store per worker thread), valid for one
state of the file.

Ranking a query is most of a search's cost in a large store (FTS5's bm25 walks every match of each word for its
weight: 6-16 ms at 10^6 articles), and a server ranks the same query again and again: the API's next pages, the
reader's page after the API's, the same popular word from many readers. A ranking is kept under a *generation* that
moves whenever any connection of the process sees the file changed (``PRAGMA data_version``, which moves when another
connection commits, and the connection's own ``total_changes``): every connection asks before it reads a kept
ranking, so once a commit has happened, the first connection to ask moves the generation and nothing ranked before
it is answered again. A connection's first question moves it too (its view of the file may be newer than what the
others ranked). A ranking is stored under the generation its connection saw before it read, never a later one.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Hashable, Optional

__all__ = ["RankCache", "DEFAULT_ENTRIES", "DEEPEST"]

DEFAULT_ENTRIES = 256  # rankings of up to DEEPEST (pk, score) pairs each: ~10 MB at most
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
        self.hits = self.misses = 0

    def generation(self, changed: bool) -> int:
        """The current generation, moved first (dropping every ranking) when the asking connection saw a change."""
        with self._lock:
            if changed:
                self._generation += 1
                self._kept.clear()
            return self._generation

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
