"""``newsgraph bench search``: search and speaker-lookup latency over a store of N synthetic annotated articles.

Records are generated, not analysed (the point is the store, not the NLP), by :mod:`.search_corpus`: 300-1000
words of Zipfian news-like text, thousands of people and organisations drawn Zipf-wise, one to four quotes each.
The same seed gives the same store. They are loaded in batches of :data:`BATCH` (one transaction each) by the
store's bulk path, which writes the rows ``put_many`` would (into SQLite: :mod:`newsgraph.storage.sqlite.bulk`, its
indexes built once at the end of a load that makes most of the store; into PostgreSQL by COPY from several
processes, :func:`load_bulk`), then the full-text index is optimised. Latency is the wall time of one library call (``query.search`` over
a fixed set of realistic queries: rare names, frequent names, two-word queries, common words;
``query.quotes(speaker=…)`` by surname and by full name; searches narrowed by date, outlet or entity), reported as
p50/p95 over every call and per query kind. Each query runs once first, timed apart as its cold call (its pages
come from disk); the percentiles are of the ``rounds`` calls after that.
"""
from __future__ import annotations

import contextlib
import os
import random
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from .. import query
from ..storage import POSTGRES_SCHEMES, open_store
from .search_corpus import filtered_queries, queries, speaker_queries, synthetic_article, vocabulary

__all__ = ["SearchBench", "run", "synthetic_article", "BATCH"]

BATCH = 1000  # articles per put_many transaction


@dataclass(slots=True)
class SearchBench:
    n: int
    load_seconds: float
    search_ms: dict[str, float] = field(default_factory=dict)
    quotes_ms: dict[str, float] = field(default_factory=dict)
    filtered_ms: dict[str, float] = field(default_factory=dict)
    calls: int = 0
    by_kind: dict[str, dict[str, float]] = field(default_factory=dict)
    db_bytes: int = 0
    optimized: bool = False
    cold_ms: dict[str, float] = field(default_factory=dict)  # the first call of each query, pages read from disk
    window: Optional[int] = None  # ranking window of the searches (None: every match)
    facet_index: bool = False  # filters narrow inside the full-text index (store schema 2) rather than by walking
    engine: str = "FTS5"  # the full-text engine searched: SQLite's FTS5, or PostgreSQL's tsvector under GIN

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        out = [f"store of {self.n:,} synthetic articles loaded in {self.load_seconds:.1f} s "
               f"({self.n / self.load_seconds:,.0f} articles/s)" if self.load_seconds else f"{self.n:,} articles",
               f"database {self.db_bytes / 2**20:,.0f} MiB; full-text index optimised: {self.optimized}; ranking "
               + (f"among the newest {self.window:,} matches" if self.window else "every match")
               + ("; filters as index tokens" if self.facet_index else "; filters by walking the matches"),
               f"search ({self.engine}), {self.calls} calls: p50 {self.search_ms['p50']:.2f} ms  "
               f"p95 {self.search_ms['p95']:.2f} ms",
               f"quotes --speaker, {self.calls} calls: p50 {self.quotes_ms['p50']:.2f} ms  "
               f"p95 {self.quotes_ms['p95']:.2f} ms",
               f"search with filters: p50 {self.filtered_ms['p50']:.2f} ms  p95 {self.filtered_ms['p95']:.2f} ms",
               f"first call of each query (cold, not in the figures above): p50 {self.cold_ms['p50']:.2f} ms  "
               f"max {self.cold_ms['max']:.2f} ms"]
        out += [f"  {kind}: p50 {ms['p50']:.2f} ms  p95 {ms['p95']:.2f} ms" for kind, ms in self.by_kind.items()]
        return out


def _percentiles(samples: list[float]) -> dict[str, float]:
    if len(samples) == 1:
        samples = samples * 2  # quantiles needs two points; one call is its own p50 and p95
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": round(cuts[49] * 1000, 3), "p95": round(cuts[94] * 1000, 3)}


def _timed(calls: list[tuple[str, Callable[[], Any]]]) -> list[tuple[str, float]]:
    out = []
    for kind, call in calls:
        start = time.perf_counter()
        call()
        out.append((kind, time.perf_counter() - start))
    return out


def _batch(first: int, end: int, seed: int) -> list:
    """The articles first..end-1 of the batch starting at ``first``: its own seeded generator, so a batch is the
    same whoever makes it and wherever a store stopped."""
    rng = random.Random(seed * 1_000_003 + first)
    return [synthetic_article(i, rng, seed) for i in range(first, end)]


def load(store, n: int, seed: int = 13, batch: int = BATCH, ahead: bool = True, bulk: bool = True) -> float:
    """Add synthetic articles until the store holds ``n``; seconds taken. Batch ``b`` always gets the same
    articles (its own seeded generator), so a store grown in steps equals one built at once. ``ahead``: a second
    process writes the next batch while this one stores the last (about a third of the time is writing them).
    ``bulk`` (a store with ``bulk_load``): the batches are written by the bulk path, which stores the same rows
    as ``put_many`` without its per-article lookups (the synthetic articles are new and distinct); when the load
    makes most of the store its indexes are built once at the end."""
    start = time.perf_counter()
    have = store.count()
    if have >= n:
        return 0.0
    first = have - have % batch
    starts = list(range(first, n, batch))
    bulk = bulk and hasattr(store, "bulk_load")
    put = store.bulk_load if bulk else store.put_many
    deferred = store.search_index_deferred() if bulk and n - have > have else contextlib.nullcontext()
    with deferred:
        if not ahead or len(starts) < 2:
            for b in starts:
                put(_batch(b, min(b + batch, n), seed)[max(have - b, 0):])
            return time.perf_counter() - start
        from concurrent.futures import ProcessPoolExecutor
        vocabulary(seed)  # built once here; the forked writing process inherits it
        with ProcessPoolExecutor(1) as pool:
            pending = pool.submit(_batch, starts[0], min(starts[0] + batch, n), seed)
            for i, b in enumerate(starts):
                articles = pending.result()
                if i + 1 < len(starts):
                    nxt = starts[i + 1]
                    pending = pool.submit(_batch, nxt, min(nxt + batch, n), seed)
                put(articles[max(have - b, 0):])
    return time.perf_counter() - start


def _bulk_batch(url: str, first: int, last: int, seed: int) -> int:
    """One batch of the synthetic corpus COPYed into the PostgreSQL store at ``url`` (in a loading process)."""
    rng = random.Random(seed * 1_000_003 + first)
    articles = [synthetic_article(i, rng, seed) for i in range(first, last)]
    with open_store(url) as store:
        return store.bulk_load(articles)


def load_bulk(store, n: int, seed: int = 13, batch: int = BATCH, processes: Optional[int] = None) -> float:
    """:func:`load` for a PostgreSQL store, by COPY (:mod:`newsgraph.storage.postgres.bulk`) from ``processes``
    loading processes at once: the same articles as :func:`load`, every batch of it not yet stored, each batch one
    transaction. The full-text index is built once at the end when most of the store is loaded now."""
    from concurrent.futures import ProcessPoolExecutor
    start = time.perf_counter()
    have = store.current_ids()
    todo = [(first, min(first + batch, n)) for first in range(0, n, batch) if f"s{first}" not in have]
    if not todo:
        return 0.0
    vocabulary(seed)  # built once here; forked loading processes inherit it
    deferred = store.search_index_deferred() if len(todo) * batch > len(have) else contextlib.nullcontext()
    with deferred, ProcessPoolExecutor(processes or os.cpu_count() or 1) as pool:
        for done in pool.map(_bulk_batch, [store.url] * len(todo), *zip(*todo), [seed] * len(todo)):
            assert done > 0
    return time.perf_counter() - start


def run(n: int = 100_000, rounds: int = 5, db: Optional[str] = None, seed: int = 13,
        optimize: bool = True, window: Optional[int] = None) -> SearchBench:
    """Build (or reuse, when ``db`` exists with ``n`` articles) a store of ``n`` records and time the queries;
    ``window`` as in :func:`newsgraph.query.search` (None: the store's default)."""
    remote = bool(db) and str(db).startswith(POSTGRES_SCHEMES)  # a server store: no file to measure
    with tempfile.TemporaryDirectory() as tmp:
        path = db if remote else Path(db) if db else Path(tmp) / "bench.db"
        with open_store(path) as store:
            loader = load_bulk if remote else load
            seconds = loader(store, n, seed) if store.count() < n else 0.0
            if optimize:
                store.optimize()
            search_calls = [(f"search {kind}", lambda q=q: query.search(store, q, limit=20, window=window))
                            for kind, q in queries(seed)]
            speaker_calls = [(f"speaker {kind}", lambda s=s: query.quotes(store, speaker=s, limit=100))
                             for kind, s in speaker_queries(seed)]
            filter_calls = [(f"search {kind}", lambda q=q, f=f: query.search(store, q, limit=20, window=window,
                                                                              **f))
                            for kind, q, f in filtered_queries(seed)]
            depth = store.ranking_depth(window)
            facet_index = bool(getattr(store, "facet_index", False))
            # One untimed-for-the-percentiles pass first: a query's first call reads its pages from disk
            # (reported apart as "cold"); the percentiles are of the calls after it, as a serving process sees.
            cold = _timed(search_calls + speaker_calls + filter_calls)
            searches = _timed(search_calls * rounds)
            speakers = _timed(speaker_calls * rounds)
            filtered = _timed(filter_calls * rounds)
            size = store.size_bytes() if remote else 0
        size = size if remote else os.path.getsize(path)
    kinds: dict[str, list[float]] = {}
    for kind, t in searches + speakers + filtered:
        kinds.setdefault(kind, []).append(t)
    return SearchBench(n, seconds, _percentiles([t for _, t in searches]), _percentiles([t for _, t in speakers]),
                       _percentiles([t for _, t in filtered]), len(searches),
                       {k: _percentiles(v) for k, v in kinds.items()}, size, optimize,
                       {**_percentiles([t for _, t in cold]), "max": round(max(t for _, t in cold) * 1000, 3)},
                       depth, facet_index, "PostgreSQL tsvector + GIN" if remote else "FTS5")
