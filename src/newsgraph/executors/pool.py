"""A process pool that keeps only a bounded window of batches in flight.

``multiprocessing.Pool.imap`` drains its whole input into a queue, which for a large WARC means the whole file in
memory; here at most ``window`` batches are submitted ahead of the one being yielded, so memory stays flat however
large the input. Each worker process loads the spaCy model once (the loader is cached per process) and keeps it.

A worker that dies (the OOM killer) costs only the batch it was running, named input by input (``worker_lost``);
a worker whose parent is killed exits within a second (:func:`watch_parent`).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, Optional

from ..enrichment.nlp.ops import one_thread_per_worker

PARENT_POLL_S = 1.0


def watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the process that started it is gone (``kill -9`` of the main process leaves
    workers blocked on their task queue forever, each holding a loaded model, and the resource tracker with them).
    And leave Ctrl-C to the main process: a terminal sends it to the whole process group, and a worker waiting for
    its next batch would die of it with a traceback on the user's screen, while the main process is already
    stopping the run cleanly (what was stored stays; it lets the batches in flight end, then exits)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)  # nothing of the worker's is worth saving: its results had nowhere to go

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def lost_batch(batch: Any) -> list:
    """What a batch whose worker died twice becomes: one fatal ``worker_lost`` per page, so the run names every
    input that was lost, counts them as failures (exit 1) and goes on with the next batch."""
    from ..model import Rejected
    items = batch if isinstance(batch, list) else [batch]
    origins = [getattr(item, "origin", None) or "?" for item in items]
    why = (f"the worker process running this batch of {len(items)} ({origins[0]} … {origins[-1]}) died twice "
           f"(killed, perhaps for memory); the pool was restarted and the run went on")
    return [item if isinstance(item, Rejected) else Rejected(origin, "worker_lost", why, fatal=True)
            for item, origin in zip(items, origins)]


class ProcessPool:
    """An :class:`~.base.Executor` over spawned worker processes, with a bounded window of batches in flight."""

    def __init__(self, workers: int, window: Optional[int] = None):
        self.workers = workers
        self.window = window or workers * 2
        # spawn, not fork: a forked child would inherit the parent's threads and open database handles.
        one_thread_per_worker()  # the pool is the parallelism: one BLAS thread per worker
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # Each worker watches its parent: after a kill -9 of the main process nothing else would ever stop it.
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=watch_parent, initargs=(os.getpid(),))

    def map_batches(self, fn: Callable[..., Any], batches: Iterable[Any], *args: Any) -> Iterator[Any]:
        pending: deque[tuple[Any, Future]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(fn, batch, args)))
            if len(pending) >= self.window:
                yield self._result(pending, fn, args)
        while pending:
            yield self._result(pending, fn, args)

    def _result(self, pending: deque, fn: Callable[..., Any], args: tuple) -> Any:
        """The first pending batch's result. A dead worker (the OOM killer, a crash in native code) breaks the
        whole pool and every batch in flight with it: the pool is restarted and this batch run again alone; if it
        kills its worker again it is the cause, and comes back as :func:`lost_batch`. The others are resubmitted."""
        batch, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
        try:
            result = self._pool.submit(fn, batch, *args).result()
        except BrokenProcessPool:
            self._restart()
            result = lost_batch(batch)
        for n, (other, done) in enumerate(pending):
            if not _succeeded(done):  # batches that finished before the break keep their results
                pending[n] = (other, self._submit(fn, other, args))
        return result

    def _submit(self, fn: Callable[..., Any], batch: Any, args: tuple) -> Future:
        """Submit ``batch``; on a pool a worker's death has already broken (submit raises at once then), a future
        holding that error, so the batch is handled in its turn like every other batch the break caught."""
        try:
            return self._pool.submit(fn, batch, *args)
        except BrokenProcessPool as exc:
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _restart(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "ProcessPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
