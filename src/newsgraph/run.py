"""Whole runs: ``analyze`` (records out, no database) and ``ingest`` (into a store), with a run summary.

The library reports progress through an optional callback and never prints; the CLI draws the bar.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional

from .model import Article, Rejected
from .pipeline import Item, Options, analyze

Progress = Callable[[Item], None]


@dataclass(slots=True)
class RunSummary:
    """What happened to every input: the CLI prints it and derives the exit code from ``failed``."""

    articles: int = 0
    stored: int = 0
    revised: int = 0
    unchanged: int = 0
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
                   progress: Optional[Progress] = None) -> Iterator[Article]:
    """Annotated articles of ``inputs``; rejections are counted in ``summary`` instead of raised."""
    summary = summary if summary is not None else RunSummary()
    for item in analyze(inputs, options):
        summary.count(item)
        if progress:
            progress(item)
        if isinstance(item, Article):
            yield item


def ingest(inputs: Iterable[str], store, options: Options = Options(),
           progress: Optional[Progress] = None) -> RunSummary:
    """Analyse ``inputs`` and put every article into ``store``; each article is its own transaction.

    A rerun after a kill redoes only what was not stored: the store skips an article whose id and content hash it
    already holds, so nothing is stored twice and nothing stored is lost.
    """
    summary = RunSummary()
    for article in analyze_inputs(inputs, options, summary, progress):
        result = store.put(article)
        status = getattr(result, "value", result)
        if status == "stored":
            summary.stored += 1
        elif status == "revised":
            summary.revised += 1
        else:
            summary.unchanged += 1
        if article.duplicate_of:
            summary.duplicates += 1
    return summary
