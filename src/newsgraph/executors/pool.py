"""A process pool that keeps only a bounded window of batches in flight.

``multiprocessing.Pool.imap`` drains its whole input into a queue, which for a large WARC means the whole file in
memory; here at most ``window`` batches are submitted ahead of the one being yielded, so memory stays flat however
large the input. Each worker process loads the spaCy model once (the loader is cached per process) and keeps it.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Optional

from ..enrichment.nlp.ops import one_thread_per_worker


class ProcessPool:
    """An :class:`~.base.Executor` over spawned worker processes, with a bounded window of batches in flight."""

    def __init__(self, workers: int, window: Optional[int] = None):
        self.workers = workers
        self.window = window or workers * 2
        # spawn, not fork: a forked child would inherit the parent's threads and open database handles.
        one_thread_per_worker()  # the pool is the parallelism: one BLAS thread per worker
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def map_batches(self, fn: Callable[..., Any], batches: Iterable[Any], *args: Any) -> Iterator[Any]:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(self._pool.submit(fn, batch, *args))
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "ProcessPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
