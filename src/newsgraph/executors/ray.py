"""A Ray executor: the same batches as the process pool, run by Ray actors on this machine or a cluster.
``ingest --executor ray`` gives each actor whole input files instead (:meth:`RayExecutor.map_files`,
:mod:`newsgraph.executors.ray_files`).

``newsgraph ingest INPUTS --executor ray [--address auto|ray://host:port]`` (extra ``distributed``). One actor per
worker: each is a long-lived process, so the spaCy model is loaded once per actor (the loader is cached per
process) and reused for every batch it gets. At most ``window`` batches are in flight, so memory stays flat however
large the input; results come back in input order, to the one writer in this process (the store's resume markers
then record each finished input file, and a rerun skips it). A batch whose actor dies or whose call fails is
retried on a fresh actor up to ``retries`` times; then a batch that keeps killing its actor comes back as
``worker_lost`` rejections, as in the process pool, and one whose call keeps failing raises its error.

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
                except (ray.exceptions.RayActorError, ray.exceptions.RayTaskError,
                        ray.exceptions.WorkerCrashedError) as exc:
                    if tries <= 0:
                        if isinstance(exc, ray.exceptions.RayTaskError):
                            raise  # the batch's own error, every time: a bug to see, not data to drop
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

    def map_files(self, fn: Callable[..., Any], units: Iterable[str], *args: Any) -> Iterator[tuple[str, Any]]:
        """``(unit, fn(unit, *args))`` for every unit, in the order they finish; one unit per actor at a time
        (so at most ``workers`` in flight). A unit whose actor dies is retried on a fresh actor ``retries`` times,
        then comes back as a ``worker_lost`` rejection; a unit whose call raises raises here."""
        ray = self._ray
        fn_ref, args_ref = ray.put(fn), ray.put(args)
        todo = iter(units)
        running: dict = {}  # result ref -> (unit, actor, tries left)

        def submit(unit, actor, tries):
            running[actor.run.remote(fn_ref, unit, args_ref)] = (unit, actor, tries)

        for actor in list(self._actors):
            unit = next(todo, None)
            if unit is None:
                break
            submit(unit, actor, self.retries)
        while running:
            [ref], _ = ray.wait(list(running), num_returns=1)
            unit, actor, tries = running.pop(ref)
            try:
                result = ray.get(ref)
            except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError):
                actor = self._replaced(actor)
                if tries > 0:
                    submit(unit, actor, tries - 1)
                    continue
                result = _lost_file(unit)
            yield unit, result
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


def _lost_file(unit: str):
    from ..model import Rejected
    return Rejected(unit, "worker_lost", "the worker analysing this file died on every try (out of memory, or a "
                    "crash in a native library); the file is marked failed and a rerun tries it again", fatal=True)


class _Worker:
    """One actor: a process that keeps what its batches load (the spaCy model) between calls."""

    def run(self, fn_ref, batch, args):
        return _run(fn_ref, batch, *args)

    def ping(self) -> bool:
        return True
