"""Executors: *where* the pipeline runs (this process, a process pool; a Ray cluster), never *what* it does.

Every executor implements :class:`~.base.Executor`: ``map_batches(fn, batches, *args) -> Iterator[result]`` (the
results in input order) and ``close()``. Steps never know which executor runs them.
"""
from __future__ import annotations

from typing import Optional

from .base import Executor
from .local import InProcess
from .pool import ProcessPool

__all__ = ["Executor", "InProcess", "ProcessPool", "make_executor"]


def make_executor(workers: Optional[int] = None, kind: str = "local",
                  address: Optional[str] = None) -> Executor:
    """``kind="local"``: ``workers`` ≤ 1 runs in this process, more starts a process pool of that size.
    ``kind="ray"``: ``workers`` Ray actors, on a local Ray or the cluster at ``address`` (extra ``distributed``)."""
    if kind == "ray":
        from .ray import RayExecutor  # Ray is an extra: import it only when asked for
        return RayExecutor(workers or 1, address)
    if kind != "local":
        from ..errors import ConfigError
        raise ConfigError(f"unknown executor {kind!r}; choose local or ray")
    return ProcessPool(workers) if workers and workers > 1 else InProcess()
