"""``ingest --executor ray``: one input file (a WARC, a JSONL, a page) per Ray task, the way corpus pipelines scale.

A file is the unit because it is what a crawl is made of and what a rerun skips: when a file's articles are all
stored, its completion marker (the store's ``mark_done``, keyed by path, size and mtime) is written, and a rerun
skips it. At most one file per actor is in flight, so memory holds ``workers`` files' results at most.

- **PostgreSQL store**: each actor opens its own connection (once, kept between files), runs the store steps
  (dedup, link, store) itself and writes the file's marker; only the file's counts come back. The store's own
  transactions and constraints keep several writers from storing anything twice.
- **SQLite store** (one writer): the actor returns the file's analysed items and this process stores them, then
  writes the marker.

A file whose actor dies is retried on a fresh actor (``retries`` times), then counted as ``worker_lost`` and marked
failed, so a rerun tries it again; a file whose task raises raises here (a bug to see, not data to drop).
"""
from __future__ import annotations

from typing import Any, Iterable

from ..model import Rejected
from .ray import RETRIES, RayExecutor

_STORES: dict[str, Any] = {}  # per actor process: the store it opened, kept between files


def analyse_file(unit: str, options) -> list[Any]:
    """The file's analysed items (articles and rejections), in this actor's process."""
    from ..pipeline import analyze
    from .local import InProcess
    return list(analyze([unit], options, InProcess()))


def store_file(unit: str, options, db: str, run):
    """Analyse ``unit`` and store its articles into the store ``db`` from this actor; mark the file done (or
    failed, if a fatal rejection came from it). Returns the file's RunSummary."""
    from ..storage import open_store
    RunSummary, store_items, input_key = run.RunSummary, run.store_items, run.input_key
    store = _STORES.get(db)
    if store is None:
        store = _STORES[db] = open_store(db)
    summary = RunSummary()
    store_items(analyse_file(unit, options), store, options, summary)
    key = input_key(unit)
    if key:
        store.mark_done(key, "failed" if summary.failed else "done")
    return summary


def ingest_files(units: Iterable[str], store, options, run, progress=None, retries: int = RETRIES):
    """Every file of ``units`` (already filtered of finished ones) as one task each; returns the RunSummary.
    ``run`` is :mod:`newsgraph.run`, handed in (it calls this module, so importing it here would be a circle)."""
    RunSummary, store_items, input_key, merge_summary = (run.RunSummary, run.store_items, run.input_key,
                                                         run.merge_summary)
    remote = getattr(store, "url", None)  # a PostgreSQL store: the workers write themselves
    summary = RunSummary()
    with RayExecutor(options.workers or 1, options.address, retries=retries) as ray_exec:
        for unit, result in ray_exec.map_files(store_file if remote else analyse_file, units, options,
                                               *([remote, run] if remote else [])):
            if isinstance(result, Rejected):  # the file kept killing its actor
                summary.count(result)
                key = input_key(unit)
                if key:
                    store.mark_done(key, "failed")
            elif remote:
                merge_summary(summary, result)
            else:
                part = RunSummary()
                store_items(result, store, options, part, progress)
                merge_summary(summary, part)
                key = input_key(unit)
                if key:
                    store.mark_done(key, "failed" if part.failed else "done")
    return summary
