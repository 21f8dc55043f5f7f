"""Run every batch in the calling process, one after another."""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator


class InProcess:
    workers = 1

    def map_batches(self, fn: Callable[..., Any], batches: Iterable[Any], *args: Any) -> Iterator[Any]:
        for batch in batches:
            yield fn(batch, *args)

    def close(self) -> None:
        pass
