"""Executors: *where* the pipeline runs (this process, a process pool; a Ray cluster later), never *what* it does.

An executor maps a function over batches and yields the results in input order:
``map_batches(fn, batches, *args) -> Iterator[result]``. Steps never know which executor runs them.
"""
from __future__ import annotations

from typing import Optional

from .local import InProcess
from .pool import ProcessPool

__all__ = ["InProcess", "ProcessPool", "make_executor"]


def make_executor(workers: Optional[int] = None):
    """``workers`` ≤ 1 runs in this process; more starts a process pool of that size."""
    return ProcessPool(workers) if workers and workers > 1 else InProcess()
