"""Whole runs: ``analyze`` (records out, no database) and ``ingest`` (into a store), with a run summary.

The library reports progress through an optional callback and never prints; the CLI draws the bar.
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from . import steps
from .linking import link
from .model import Article, Rejected
from .pipeline import Item, Options, analyze, extract_only
from .sources import iter_inputs

#: Called with each item as it is counted; ``progress(None, n)`` when ``n`` items were analysed and stored elsewhere
#: (Ray workers writing to PostgreSQL send back counts, not items).
Progress = Callable[..., None]


@dataclass(slots=True)
class RunSummary:
    """What happened to every input: the CLI prints it and derives the exit code from ``failed``."""

    articles: int = 0
    stored: int = 0
    revised: int = 0
    unchanged: int = 0
    resumed: int = 0
    duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)
    failed: list[Rejected] = field(default_factory=list)
    problems: Counter = field(default_factory=Counter)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def count(self, item: Item) -> None:
        if isinstance(item, Rejected):
            if item.fatal:
                self.failed.append(item)
            else:
                self.skipped[item.code] += 1
            return
        self.articles += 1
        for problem in item.problems:
            self.problems[problem.code] += 1

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles}"]
        if self.resumed:
            out.append(f"inputs already done (resumed past): {self.resumed}")
        if self.stored or self.revised or self.unchanged or self.duplicates:
            out.append(f"stored: {self.stored}  revised: {self.revised}  unchanged (skipped): {self.unchanged}  "
                       f"near/exact duplicates: {self.duplicates}")
        if self.skipped:
            out.append("skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())))
        if self.problems:
            out.append("problems: " + ", ".join(f"{k} {v}" for k, v in sorted(self.problems.items())))
        if self.failed:
            out.append(f"failed: {len(self.failed)}")
        return out


def analyze_inputs(inputs: Iterable[str], options: Options = Options(), summary: Optional[RunSummary] = None,
                   progress: Optional[Progress] = None, enrich: bool = True) -> Iterator[Article]:
    """Annotated articles of ``inputs`` (only extracted with ``enrich=False``); rejections are counted in
    ``summary`` instead of raised."""
    summary = summary if summary is not None else RunSummary()
    for item in (analyze if enrich else extract_only)(inputs, options):
        summary.count(item)
        if progress:
            progress(item)
        if isinstance(item, Article):
            yield item


def input_key(unit: str) -> Optional[str]:
    """What a finished input is remembered by: path, size and modification time (a changed file is redone)."""
    if unit == "-":
        return None
    try:
        stat = os.stat(unit)
    except OSError:
        return None
    return f"{os.path.abspath(unit)}|{stat.st_size}|{stat.st_mtime_ns}"


def _unit_of(item: Item) -> str:
    return item.origin.split("#", 1)[0] if item.origin else ""


def ingest(inputs: Iterable[str], store, options: Options = Options(),
           progress: Optional[Progress] = None) -> RunSummary:
    """Analyse ``inputs`` and put every article into ``store``; each article is its own transaction.

    The chain is the registry's (:mod:`newsgraph.steps`): the batch steps run through the executor, then the store
    steps (dedup, link, store) here, in registry order. Inputs are walked once and streamed: a file is read when
    the run reaches it, so the first articles are stored before later inputs are even listed.

    Each input file is marked done in the store once all its articles are stored, and a rerun skips files marked
    done (unless changed). Inside a file cut short by a kill, the store skips articles whose id and content hash it
    already holds, so nothing is stored twice and nothing stored is lost.
    """
    chain = steps.plan(options.stages, end="store")  # checked before anything is read or written
    if options.executor == "ray":  # one file per Ray task (executors/ray_files.py)
        from .executors.ray_files import ingest_files
        summary = RunSummary()
        merge_summary(summary, ingest_files(_pending(inputs, store, summary), store, options,
                                            sys.modules[__name__], progress))
        return summary
    summary = RunSummary()
    failed_in: set[str] = set()
    current: Optional[str] = None

    def close(unit: Optional[str]) -> None:
        key = input_key(unit) if unit else None
        if key:
            store.mark_done(key, "failed" if unit in failed_in else "done")

    def counting(item: Item) -> None:
        nonlocal current
        unit = _unit_of(item)
        if unit != current:
            close(current)
            current = unit
        if isinstance(item, Rejected) and item.fatal:
            failed_in.add(unit)
        if progress:
            progress(item)

    articles: Iterable[Article] = analyze_inputs(_pending(inputs, store, summary), options, summary, counting)
    for step in chain:
        if step.kind == "store":
            articles = steps.load(step)(articles, store, summary)
    for _ in articles:  # pulling the last step drives the whole chain, one article at a time
        pass
    close(current)
    return summary


def store_items(items: Iterable[Item], store, options: Options, summary: RunSummary,
                progress: Optional[Progress] = None) -> None:
    """Analysed items (one file's, say) through the plan's store steps (dedup, link, store), counted in
    ``summary``."""
    def articles() -> Iterator[Article]:
        for item in items:
            summary.count(item)
            if progress:
                progress(item)
            if isinstance(item, Article):
                yield item
    flow: Iterable[Article] = articles()
    for step in steps.plan(options.stages, end="store"):
        if step.kind == "store":
            flow = steps.load(step)(flow, store, summary)
    for _ in flow:
        pass


def merge_summary(into: RunSummary, part: RunSummary) -> None:
    """Add ``part``'s counts (a file's, from a worker) to ``into``."""
    for name in ("articles", "stored", "revised", "unchanged", "resumed", "duplicates"):
        setattr(into, name, getattr(into, name) + getattr(part, name))
    into.skipped.update(part.skipped)
    into.problems.update(part.problems)
    into.failed.extend(part.failed)


def _pending(inputs: Iterable[str], store, summary: RunSummary) -> Iterator[str]:
    """The inputs not finished by an earlier run, one at a time as the walk finds them (resumed ones counted)."""
    for unit in iter_inputs(inputs):
        key = input_key(unit)
        if key and store.is_done(key):
            summary.resumed += 1
        else:
            yield unit


# The store steps of the registry: articles in, articles out, each handed the part of the store it needs.

def dedup_step(articles: Iterable[Article], store, summary: RunSummary) -> Iterator[Article]:
    """``duplicate_of`` and ``story`` against the store's dedup index (:mod:`newsgraph.dedup`)."""
    from .dedup import dedup  # numpy: analyze and extract runs, which import this module too, never load it
    return dedup(articles, store.dedup_index())


def link_step(articles: Iterable[Article], store, summary: RunSummary) -> Iterator[Article]:
    """``global_id`` on every entity, against the store's entity registry (:mod:`newsgraph.linking`)."""
    return link(articles, store.entity_registry())


def store_step(articles: Iterable[Article], store, summary: RunSummary) -> Iterator[Article]:
    """Each article put in its own transaction and counted in ``summary``."""
    for article in articles:
        _put(store, article, summary)
        yield article


def _put(store, article: Article, summary: RunSummary) -> None:
    result = store.put(article)
    status = str(getattr(result, "status", result))
    if status == "stored":
        summary.stored += 1
    elif status == "revised":
        summary.revised += 1
    else:
        summary.unchanged += 1
    if status in ("stored", "revised") and (getattr(result, "duplicate_of", None) or article.duplicate_of):
        summary.duplicates += 1
