"""``ingest --executor ray``: one input file (a WARC, a JSONL, a page) per Ray task, the way corpus pipelines scale.

A file is the unit because it is what a crawl is made of and what a rerun skips: when a file's articles are all
stored, its completion marker (the store's ``mark_done``, keyed by path, size and mtime) is written, and a rerun
skips it. At most one file per actor is in flight, and each file's results come back in pieces of
``options.batch_size`` items (the NLP's batch) as they are made (a Ray streaming generator, at most
``STREAM_AHEAD`` pieces ahead), so memory holds a few pieces per actor however large the file.

- **PostgreSQL store**: each actor opens its own connection (once, kept between files), runs the store steps
  (dedup, link, store) itself piece by piece and writes the file's marker; each piece sends back its counts and
  rejections only, which drive the progress bar. The store's own transactions and constraints keep several writers
  from storing anything twice.
- **SQLite store** (one writer): the actor sends the analysed items piece by piece and this process stores each
  piece as it comes, then writes the marker.

A file whose actor dies is rerun on a fresh actor (``retries`` times; the pieces already handled are skipped), then
counted as ``worker_lost`` and marked failed, so a rerun tries it again. A file whose own code raises is not rerun
(it would raise again): it is counted as ``worker_error``, naming the error, and marked failed.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..model import Rejected
from .ray import END, RETRIES, RayExecutor

_STORES: dict[str, Any] = {}  # per actor process: the store it opened, kept between files


def analyse_chunks(unit: str, options) -> Iterator[list[Any]]:
    """The file's analysed items (articles and rejections) in pieces of ``options.batch_size``, in this actor's
    process."""
    from ..pipeline import analyze
    from .local import InProcess
    piece: list[Any] = []
    for item in analyze([unit], options, InProcess()):
        piece.append(item)
        if len(piece) >= max(1, options.batch_size):
            yield piece
            piece = []
    if piece:
        yield piece


def store_chunks(unit: str, options, db: str, run) -> Iterator[tuple[Any, int, list[Rejected]]]:
    """Analyse ``unit`` and store its articles into the store ``db`` from this actor, a piece at a time; mark the
    file done (or failed, if a fatal rejection came from it). Yields per piece (its RunSummary, its number of items,
    its rejections)."""
    from ..storage import open_store
    RunSummary, store_items, input_key = run.RunSummary, run.store_items, run.input_key
    store = _STORES.get(db)
    if store is None:
        store = _STORES[db] = open_store(db)
    failed = False
    for piece in analyse_chunks(unit, options):
        part = RunSummary()
        store_items(piece, store, options, part)
        failed = failed or bool(part.failed)
        yield part, len(piece), [item for item in piece if isinstance(item, Rejected)]
    key = input_key(unit)
    if key:
        store.mark_done(key, "failed" if failed else "done")


def ingest_files(units: Iterable[str], store, options, run, progress=None, retries: int = RETRIES):
    """Every file of ``units`` (already filtered of finished ones) as one task each; returns the RunSummary.
    ``run`` is :mod:`newsgraph.run`, handed in (it calls this module, so importing it here would be a circle).
    ``progress`` gets each item stored here; for pieces stored by a worker, each rejection and then
    ``progress(None, n)`` for its other ``n`` items."""
    RunSummary, store_items, input_key, merge_summary = (run.RunSummary, run.store_items, run.input_key,
                                                         run.merge_summary)
    remote = getattr(store, "url", None)  # a PostgreSQL store: the workers write themselves
    summary = RunSummary()
    failed: set[str] = set()
    with RayExecutor(options.workers or 1, options.address, retries=retries) as ray_exec:
        for unit, piece in ray_exec.map_streams(store_chunks if remote else analyse_chunks, units, options,
                                                *([remote, run] if remote else [])):
            if isinstance(piece, Rejected):  # the file kept killing its actor, or its code raised
                summary.count(piece)
                if progress:
                    progress(piece)
                key = input_key(unit)
                if key:
                    store.mark_done(key, "failed")
            elif piece == END:
                key = input_key(unit)
                if key and not remote:  # a worker writing to PostgreSQL has marked it
                    store.mark_done(key, "failed" if unit in failed else "done")
                failed.discard(unit)
            elif remote:
                part, n, rejected = piece
                merge_summary(summary, part)
                if progress:
                    for item in rejected:
                        progress(item)
                    if n > len(rejected):
                        progress(None, n - len(rejected))
            else:
                part = RunSummary()
                store_items(piece, store, options, part, progress)
                merge_summary(summary, part)
                if part.failed:
                    failed.add(unit)
    return summary
