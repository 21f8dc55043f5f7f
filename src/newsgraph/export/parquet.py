"""Parquet: the CSV's columns with their real types (authors a list, counts integers), plus ``record``, the full
output record as JSON text, so nothing the store holds is lost. Needs the ``parquet`` extra (pyarrow).

Articles are written in row groups of :data:`BATCH`, so memory holds one batch, whatever the store's size.
"""
from __future__ import annotations

import json
from itertools import islice
from os import PathLike
from typing import Any, BinaryIO, Iterable, Iterator, Union

from ..errors import MissingExtra
from ..model import Article
from ..record import to_record

BATCH = 1_000
_STRINGS = ("id", "title", "published", "source", "url", "canonical_url", "language")
_AFTER = ("story", "duplicate_of", "content_hash")
_COUNTS = ("entities", "quotes", "figures", "times")


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingExtra("pyarrow", "parquet") from exc
    return pyarrow, pyarrow.parquet


def schema(pa) -> Any:
    """Column order as in the CSV export, then ``record``."""
    fields = [pa.field(name, pa.string()) for name in _STRINGS]
    fields.append(pa.field("authors", pa.list_(pa.string())))
    fields += [pa.field(name, pa.string()) for name in _AFTER]
    fields += [pa.field(name, pa.int64()) for name in _COUNTS]
    fields += [pa.field("text", pa.string()), pa.field("record", pa.string())]
    return pa.schema(fields)


def _columns(batch: list[Article]) -> dict[str, list[Any]]:
    columns: dict[str, list[Any]] = {name: [getattr(a, name) for a in batch] for name in _STRINGS + _AFTER}
    columns["authors"] = [list(a.authors) for a in batch]
    columns.update({name: [len(getattr(a, name)) for a in batch] for name in _COUNTS})
    columns["text"] = [a.text for a in batch]
    columns["record"] = [json.dumps(to_record(a), ensure_ascii=False) for a in batch]
    return columns


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, BATCH)):
        yield batch


def write(articles: Iterable[Article], out: Union[str, PathLike, BinaryIO]) -> int:
    pa, pq = _pyarrow()
    shape = schema(pa)
    n = 0
    with pq.ParquetWriter(out, shape) as writer:  # an empty store still gets a file with the schema
        for batch in _batches(articles):
            writer.write_table(pa.Table.from_pydict(_columns(batch), schema=shape))
            n += len(batch)
    return n
