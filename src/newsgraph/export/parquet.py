"""Parquet: the CSV's columns with their real types (authors a list, counts integers), plus ``record``, the full
output record as JSON text, so nothing the store holds is lost. Needs the ``parquet`` extra (pyarrow).

Articles are written in row groups of :data:`BATCH`, so memory holds one batch, whatever the store's size.
:func:`write_parts` shards a big store into a folder of part files of at most N rows each, all with one schema, which
DuckDB, pyarrow.dataset or Spark read as one table (``SELECT … FROM 'DIR/*.parquet'``).
"""
from __future__ import annotations

import json
from itertools import chain, islice
from os import PathLike
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Optional, Union

from ..errors import MissingExtra
from ..model import Article
from ..record import to_record

BATCH = 1_000
_STRINGS = ("id", "title", "published", "source", "url", "canonical_url", "language")
_AFTER = ("agency", "story", "duplicate_of", "content_hash")
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


def write_parts(articles: Iterable[Article], folder: Union[str, PathLike], rows: int) -> int:
    """``part-00000.parquet``, ``part-00001.parquet``, … in ``folder`` (created), each of at most ``rows`` articles
    and the same schema; an empty store still gets one part. Refuses a folder that already holds parts (a rerun
    must not mix two exports). Returns the articles written."""
    if rows < 1:
        from ..errors import ConfigError
        raise ConfigError(f"rows per part must be at least 1, not {rows}")
    pa, pq = _pyarrow()
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    if any(target.glob("part-*.parquet")):
        from ..errors import ConfigError
        raise ConfigError(f"{target} already holds part files; export into an empty folder")
    shape = schema(pa)
    n, part = 0, 0
    it = iter(articles)
    while True:  # one part at a time, BATCH articles in memory at a time
        with pq.ParquetWriter(target / f"part-{part:05d}.parquet", shape) as writer:
            left = rows
            while left and (batch := list(islice(it, min(BATCH, left)))):
                writer.write_table(pa.Table.from_pydict(_columns(batch), schema=shape))
                left -= len(batch)
        n, part = n + rows - left, part + 1
        if left:  # the input ended inside this part
            return n
        nxt = next(it, None)
        if nxt is None:
            return n
        it = chain([nxt], it)


def shard_name(unit: str) -> str:
    """``news-2024.warc.gz`` → ``news-2024.warc.gz-1a2b3c4d.parquet``: the input's file name, readable, plus a
    digest of its whole path, so two inputs of the same name in different folders never share a shard."""
    import hashlib
    import re
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(unit).name or "stdin")[:80] or "input"
    return f"{base}-{hashlib.sha1(unit.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}.parquet"


class ShardWriter:
    """``extract``/``analyze --format parquet -o DIR``: one shard per input file (the export's article schema),
    so a folder of WARCs becomes a folder of Parquet files that DuckDB or pyarrow.dataset read as one table.

    Articles arrive grouped by input; a shard is closed when its input's articles end. Should an input's articles
    come back later (never in the order the pipeline yields them), they go to a second shard (``…-1.parquet``)
    rather than being lost. An input with no article gets no shard."""

    def __init__(self, folder: Union[str, PathLike]):
        self.pa, self.pq = _pyarrow()
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shape = schema(self.pa)
        self._unit: Optional[str] = None
        self._writer = None
        self._batch: list[Article] = []
        self._seen: dict[str, int] = {}
        self.shards: list[Path] = []

    def add(self, article: Article) -> None:
        unit = (article.origin or "-").split("#", 1)[0]
        if unit != self._unit:
            self._close()
            self._open(unit)
        self._batch.append(article)
        if len(self._batch) >= BATCH:
            self._flush()

    def _open(self, unit: str) -> None:
        again = self._seen.get(unit, 0)
        self._seen[unit] = again + 1
        name = shard_name(unit)
        path = self.folder / (name if not again else name.replace(".parquet", f"-{again}.parquet"))
        self._unit, self._writer = unit, self.pq.ParquetWriter(path, self.shape)
        self.shards.append(path)

    def _flush(self) -> None:
        if self._batch:
            self._writer.write_table(self.pa.Table.from_pydict(_columns(self._batch), schema=self.shape))
            self._batch = []

    def _close(self) -> None:
        if self._writer is not None:
            self._flush()
            self._writer.close()
            self._writer, self._unit = None, None

    def close(self) -> None:
        self._close()
