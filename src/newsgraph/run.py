"""Whole runs: ``analyze`` (records out, no database) and ``ingest`` (into a store), with a run summary.

The library reports progress through an optional callback and never prints; the CLI draws the bar.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .model import Article, Rejected
from .pipeline import Item, Options, analyze, extract_only

Progress = Callable[[Item], None]


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

    Each input file is marked done in the store once all its articles are stored, and a rerun skips files marked
    done (unless changed). Inside a file cut short by a kill, the store skips articles whose id and content hash it
    already holds, so nothing is stored twice and nothing stored is lost.
    """
    from .sources import iter_inputs

    summary = RunSummary()
    units = []
    for unit in iter_inputs(inputs):
        key = input_key(unit)
        if key and store.is_done(key):
            summary.resumed += 1
        else:
            units.append(unit)
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

    from .dedup import dedup
    from .linking import link
    articles = dedup(analyze_inputs(units, options, summary, counting), store.dedup_index())
    for article in link(articles, store.entity_registry()):
        _put(store, article, summary)
    close(current)
    return summary


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
