"""The executor contract: the one thing the pipeline asks of the place its batches run.

A new backend (a Ray cluster, say) implements these two methods and nothing in the pipeline changes:

- ``map_batches(fn, batches, *args)`` calls ``fn(batch, *args)`` for every batch and yields the results **in the
  order of the batches**; ``fn`` and ``args`` must be picklable (module-level functions, plain data) because a
  backend may run them in another process or on another machine. A backend may run ahead, but should keep a
  bounded number of batches in flight so memory does not grow with the input.
- ``close()`` releases what the executor holds (processes, connections); calling it twice is harmless.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Protocol, runtime_checkable


@runtime_checkable
class Executor(Protocol):
    """Where batches run, never what they do (see the module docstring for the contract)."""

    workers: int

    def map_batches(self, fn: Callable[..., Any], batches: Iterable[Any], *args: Any) -> Iterator[Any]: ...

    def close(self) -> None: ...
