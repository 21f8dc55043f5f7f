"""Run every batch in the calling process, one after another."""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator


class InProcess:
    """The default :class:`~.base.Executor`: no processes to start, nothing to close."""

    workers = 1

    def map_batches(self, fn: Callable[..., Any], batches: Iterable[Any], *args: Any) -> Iterator[Any]:
        for batch in batches:
            yield fn(batch, *args)

    def close(self) -> None:
        pass

    def __enter__(self) -> "InProcess":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
