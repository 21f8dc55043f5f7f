"""Export: every current article of a store written out by one writer per format.

    with open_store("news.db") as store, open("all.jsonl", "w", encoding="utf-8") as out:
        export(store, "jsonl", out)

``jsonl`` and ``csv`` write to a text stream; ``parquet`` (the ``parquet`` extra, pyarrow) to a file path or a
binary stream. Each writer reads the store once, in storage order, holding one batch of articles at a time.
"""
from __future__ import annotations

from typing import BinaryIO, TextIO, Union
from os import PathLike

from ..errors import ConfigError
from ..storage.base import Store
from . import csv, jsonl, parquet, tables

__all__ = ["export", "export_parts", "export_tables", "FORMATS", "CSV_COLUMNS"]

FORMATS = ("jsonl", "csv", "parquet")
CSV_COLUMNS = csv.COLUMNS


def export(store: Store, fmt: str = "jsonl", out: Union[TextIO, BinaryIO, str, PathLike, None] = None) -> int:
    """Write every current article of ``store`` to ``out`` in ``fmt``; returns the number written.

    For CSV open ``out`` with ``newline=""``. Parquet needs pyarrow (``pip install 'newsgraph[parquet]'``,
    else ``MissingExtra``) and a path or a binary stream.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out is None:
        raise ConfigError("export needs an output stream or path")
    if fmt == "parquet":
        return parquet.write(store.iter_articles(), out)
    return (jsonl.write if fmt == "jsonl" else csv.write)(store.iter_articles(), out)


def export_parts(store: Store, folder: Union[str, PathLike], rows: int) -> int:
    """Every current article of ``store`` as Parquet part files of at most ``rows`` articles in ``folder``
    (``part-00000.parquet``, …; one schema); returns the number written."""
    return parquet.write_parts(store.iter_articles(), folder, rows)


def export_tables(store: Store, folder: Union[str, PathLike]) -> int:
    """Every current article of ``store`` as five Parquet tables linked by article id in ``folder``
    (articles, quotes, entities, figures, times; :mod:`newsgraph.export.tables`); returns the articles written."""
    return tables.write_tables(store.iter_articles(), folder)
