"""A Ray executor: the same batches as the process pool, run by Ray actors on this machine or a cluster.
``ingest --executor ray`` gives each actor whole input files instead (:meth:`RayExecutor.map_streams`,
:mod:`newsgraph.executors.ray_files`).

``newsgraph ingest INPUTS --executor ray [--address auto|ray://host:port]`` (extra ``distributed``). One actor per
worker: each is a long-lived process, so the spaCy model is loaded once per actor (the loader is cached per
process) and reused for every batch it gets. At most ``window`` batches are in flight, so memory stays flat however
large the input; results come back in input order, to the one writer in this process (the store's resume markers
then record each finished input file, and a rerun skips it). A batch whose actor dies is
retried on a fresh actor up to ``retries`` times; then a batch that keeps killing its actor comes back as
``worker_lost`` rejections, as in the process pool. A batch whose own code raises (a Python exception, not a lost
actor) is not retried, since it would raise again: its pages come back as fatal ``worker_error`` rejections naming
the error, so the run names them, exits 1 and goes on.

Ray never starts its dashboard here and never sends usage statistics; a local Ray binds to 127.0.0.1 and is told
it runs on the local provider, so nothing in it asks cloud-metadata addresses which cloud it is on
(:func:`_local_provider`; a cluster started with ``ray start`` needs the same ``~/ray_bootstrap_config.yaml``).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections import deque
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from ..enrichment.nlp.ops import one_thread_per_worker
from ..errors import ConfigError
from .pool import lost_batch

RETRIES = 2
#: Pieces of a unit an actor may produce ahead of the driver taking them (:meth:`RayExecutor.map_streams`).
STREAM_AHEAD = 4
#: What :meth:`RayExecutor.map_streams` yields after a unit's last piece.
END = "newsgraph:end-of-unit"


def _ray():
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # before the import: Ray reads it when it starts
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("--executor ray needs the 'distributed' extra (pip install 'newsgraph[distributed]')") \
            from exc
    return ray


@contextlib.contextmanager
def _local_provider(home: str) -> Iterator[None]:
    """While a local Ray starts: HOME is ``home``, whose ``ray_bootstrap_config.yaml`` names the local provider.

    Even with the dashboard off, Ray starts a head process that, finding no cluster config in ``~``, asks cloud
    metadata addresses (169.254.169.254, metadata.google.internal) which cloud it runs on. Told that the provider
    is ``local`` it asks nothing. Ray's processes started now inherit this HOME (so it must outlive them: the
    executor deletes it on close); this process gets its own back.
    """
    Path(home, "ray_bootstrap_config.yaml").write_text("provider:\n  type: local\n", encoding="utf-8")
    old = os.environ.get("HOME")
    os.environ["HOME"] = home
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("HOME", None)
        else:
            os.environ["HOME"] = old


def _run(fn: Callable[..., Any], batch: Any, *args: Any) -> Any:
    return fn(batch, *args)


class RayExecutor:
    """An :class:`~newsgraph.executors.base.Executor` over ``workers`` Ray actors (see the module docstring)."""

    def __init__(self, workers: int = 2, address: Optional[str] = None, window: Optional[int] = None,
                 retries: int = RETRIES):
        self.workers = max(1, workers)
        self.window = window or self.workers * 2
        self.retries = retries
        ray = self._ray = _ray()
        one_thread_per_worker()  # the actors are the parallelism: one BLAS thread each
        self._started = not ray.is_initialized()
        if self._started:
            local = address is None
            self._home = tempfile.mkdtemp(prefix="newsgraph-ray-") if local else None
            with _local_provider(self._home) if local else contextlib.nullcontext():
                ray.init(address=address, num_cpus=self.workers if local else None, include_dashboard=False,
                         _node_ip_address="127.0.0.1" if local else None, configure_logging=False,
                         log_to_driver=False)  # a local Ray's workers inherit this environment (one BLAS thread)
        self._actor_class = ray.remote(num_cpus=1, max_restarts=0)(_Worker)
        self._actors = [self._actor_class.remote() for _ in range(self.workers)]
        self._next = 0

    def _actor(self):
        actor = self._actors[self._next % len(self._actors)]
        self._next += 1
        return actor

    def map_batches(self, fn: Callable[..., Any], batches: Iterable[Any], *args: Any) -> Iterator[Any]:
        ray = self._ray
        fn_ref = ray.put(fn)
        args_ref = ray.put(args)
        pending: deque = deque()  # (batch, actor, result ref, tries left)

        def submit(batch, tries):
            actor = self._actor()
            pending.append([batch, actor, actor.run.remote(fn_ref, batch, args_ref), tries])

        def collect():
            batch, actor, ref, tries = pending[0]
            while True:
                try:
                    value = ray.get(ref)
                    pending.popleft()
                    return value
                except ray.exceptions.RayTaskError as exc:  # the batch's own code raised: the same every time
                    pending.popleft()
                    return failed_batch(batch, exc)
                except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError):
                    if tries <= 0:
                        pending.popleft()  # it keeps killing its actor: its pages are named, the run goes on
                        return lost_batch(batch)
                    tries -= 1
                    self._replace(actor)
                    actor = self._actor()
                    ref = actor.run.remote(fn_ref, batch, args_ref)

        for batch in batches:
            submit(batch, self.retries)
            if len(pending) >= self.window:
                yield collect()
        while pending:
            yield collect()

    def map_streams(self, fn: Callable[..., Any], units: Iterable[str], *args: Any,
                    ahead: int = STREAM_AHEAD) -> Iterator[tuple[str, Any]]:
        """``fn(unit, *args)`` is a generator run on an actor, one unit per actor at a time (so at most
        ``workers`` units in flight). Yields ``(unit, piece)`` for each piece it yields, as they come (a unit's
        pieces in order; the actor runs at most ``ahead`` pieces ahead of this process), then ``(unit, END)``.

        A unit whose actor dies is rerun on a fresh actor ``retries`` times, its pieces already yielded skipped, then
        ends with a ``worker_lost`` :class:`~newsgraph.model.Rejected`; one whose code raises is not rerun (it would
        raise again) and ends with a ``worker_error`` rejection naming the error. Either ends the unit: no END."""
        ray = self._ray
        fn_ref, args_ref = ray.put(fn), ray.put(args)
        todo = iter(units)
        running: dict = {}  # streaming generator -> [unit, actor, tries left, pieces yielded, pieces to skip]

        def submit(unit, actor, tries, done=0):
            stream = actor.stream.options(num_returns="streaming", _generator_backpressure_num_objects=ahead)
            running[stream.remote(fn_ref, unit, args_ref)] = [unit, actor, tries, done, done]

        for actor in list(self._actors):
            unit = next(todo, None)
            if unit is None:
                break
            submit(unit, actor, self.retries)
        while running:
            [stream], _ = ray.wait(list(running), num_returns=1)
            state = running[stream]
            unit, actor, tries, done, skip = state
            ended = True  # the unit's last word: END, or the rejection that ends it
            try:
                piece = ray.get(next(stream))
                ended = False
            except StopIteration:
                piece = END
            except ray.exceptions.RayTaskError as exc:
                piece = _failed_file(unit, exc)
            except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError):
                del running[stream]
                actor = self._replaced(actor)
                if tries > 0:
                    submit(unit, actor, tries - 1, done)
                    continue
                piece = _lost_file(unit)
            if not ended:
                if skip:  # yielded by an earlier try of this unit
                    state[4] -= 1
                else:
                    state[3] += 1
                    yield unit, piece
                continue
            running.pop(stream, None)
            yield unit, piece
            nxt = next(todo, None)
            if nxt is not None:
                submit(nxt, actor, self.retries)

    def _replaced(self, actor):
        """The actor to use in place of one whose call failed: itself if alive, else its fresh replacement."""
        index = self._actors.index(actor) if actor in self._actors else None
        self._replace(actor)
        return self._actors[index] if index is not None else self._actor()

    def _replace(self, actor) -> None:
        """A fresh actor in place of one that failed (a dead one cannot take work; a live one is kept)."""
        ray = self._ray
        try:
            ray.get(actor.ping.remote(), timeout=30)
        except Exception:  # noqa: BLE001 - any failure to answer means the actor is gone
            if actor in self._actors:  # not yet replaced by another of its failed batches
                self._actors[self._actors.index(actor)] = self._actor_class.remote()

    def close(self) -> None:
        ray = self._ray
        for actor in getattr(self, "_actors", []):
            try:
                ray.kill(actor)
            except Exception:  # noqa: BLE001 - already gone
                pass
        self._actors = []
        if self._started and ray.is_initialized():
            ray.shutdown()
            self._started = False
        if getattr(self, "_home", None):
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    def __enter__(self) -> "RayExecutor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _error_text(exc: BaseException) -> str:
    """The error a task raised, as ``Type: message`` (Ray wraps it; its cause is the original)."""
    cause = getattr(exc, "cause", None) or exc
    return f"{type(cause).__name__}: {cause}"


def failed_batch(batch: Any, exc: BaseException) -> list:
    """What a batch whose own code raised becomes: one fatal ``worker_error`` per page, naming the error. Not
    retried: the same code on the same pages raises again; the run names the inputs and goes on (exit 1)."""
    from ..model import Rejected
    items = batch if isinstance(batch, list) else [batch]
    why = f"analysing this batch of {len(items)} raised {_error_text(exc)}"
    return [item if isinstance(item, Rejected) else Rejected(getattr(item, "origin", None) or "?", "worker_error",
                                                             why, fatal=True) for item in items]


def _failed_file(unit: str, exc: BaseException):
    from ..model import Rejected
    return Rejected(unit, "worker_error", f"analysing this file raised {_error_text(exc)}; the file is marked failed"
                    " (not retried: it would raise again) and a rerun tries it again", fatal=True)


def _lost_file(unit: str):
    from ..model import Rejected
    return Rejected(unit, "worker_lost", "the worker analysing this file died on every try (out of memory, or a "
                    "crash in a native library); the file is marked failed and a rerun tries it again", fatal=True)


class _Worker:
    """One actor: a process that keeps what its batches load (the spaCy model) between calls."""

    def run(self, fn_ref, batch, args):
        return _run(fn_ref, batch, *args)

    def stream(self, fn_ref, unit, args):
        yield from fn_ref(unit, *args)

    def ping(self) -> bool:
        return True
