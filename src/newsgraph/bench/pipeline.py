"""End to end: HTML pages → stored articles with entities, quotes, figures and times.

Measures articles/s of ``ingest`` into a fresh SQLite file with N workers and ingest's batch size (over the whole
run and over its second half, start-up left out), peak resident memory of the main process and of the largest
worker, beside the extraction-only rate of bare trafilatura on the same pages (the reference: what a user would
otherwise run just to get the text).
"""
from __future__ import annotations

import gzip
import platform
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..pipeline import Options
from ..run import ingest
from ..storage import open_store


@dataclass(slots=True)
class PipelineBench:
    pages: int
    articles: int
    seconds: float
    workers: int
    extractor: str
    reference_seconds: Optional[float]
    main_rss_mb: float
    worker_rss_mb: float
    first_seconds: float = 0.0  # until the first article is stored: worker start-up, model loading, one batch
    half_seconds: float = 0.0  # until half of the items were done
    repeat: int = 1

    @property
    def steady_rate(self) -> float:
        """Articles/s over the second half of the run: the rate a long ingest runs at, start-up and the first
        batches (which arrive all at once when a worker finishes its first batch) left out."""
        span = self.seconds - self.half_seconds
        done = self.articles - self.articles // 2
        return done / span if span > 0 and self.half_seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "repeat": self.repeat, "articles": self.articles, "workers": self.workers,
                "extractor": self.extractor, "seconds": round(self.seconds, 2),
                "articles_per_s": round(self.articles / self.seconds, 2),
                "steady_articles_per_s": round(self.steady_rate, 2),
                "startup_seconds": round(self.first_seconds, 2),
                "trafilatura_extract_only_pages_per_s":
                    round(self.pages / self.reference_seconds, 1) if self.reference_seconds else None,
                "peak_rss_main_mb": round(self.main_rss_mb), "peak_rss_worker_mb": round(self.worker_rss_mb),
                "machine": platform.platform()}

    def lines(self) -> list[str]:
        d = self.as_dict()
        copies = f" × {self.repeat} (each page under {self.repeat} names)" if self.repeat > 1 else ""
        out = [f"{self.pages} pages{copies} → {self.articles} stored articles, extractor {self.extractor}, "
               f"{self.workers} worker(s)",
               f"  newsgraph ingest (all stages)   {d['articles_per_s']:>7} articles/s  ({d['seconds']} s, "
               f"{d['startup_seconds']} s to the first stored article)",
               f"    second half of the run        {d['steady_articles_per_s']:>7} articles/s"]
        if self.reference_seconds:
            out.append(f"  trafilatura extract only        {d['trafilatura_extract_only_pages_per_s']:>7} pages/s")
        out.append(f"  peak RSS: main {d['peak_rss_main_mb']} MB, largest worker {d['peak_rss_worker_mb']} MB")
        return out


def _rss_mb(who: int) -> float:
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    return resource.getrusage(who).ru_maxrss / scale


def _reference(pages: list[Path]) -> float:
    import trafilatura  # heavy to import: only when this reference is measured
    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes())
    return time.perf_counter() - start


def run(data_dir: Path, workers: int = 2, limit: Optional[int] = None, extractor: str = "fast",
        reference: bool = True, batch_size: int = Options().batch_size, repeat: int = 1, db: Optional[str] = None,
        executor: str = "local") -> PipelineBench:
    """``repeat`` > 1 feeds every page that many times under different names (links in a temporary folder):
    a longer run, so its second half is steady; the copies go through every stage and are stored as copies.
    ``db``: the store to ingest into (an empty one: a PostgreSQL URL, say) instead of a fresh SQLite file;
    ``executor``: ``local`` (a process pool of ``workers``) or ``ray``."""
    pages = sorted((data_dir / "extraction-dev" / "html").glob("*.html*"))[:limit]
    options = Options(workers=workers, html_extractor=extractor, batch_size=batch_size, executor=executor)
    done: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = _copies(pages, repeat, Path(tmp) / "pages")
        with open_store(db or Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            # n > 1: items a Ray worker analysed and stored into PostgreSQL itself, counted when their piece ends.
            summary = ingest(inputs, store, options,
                             progress=lambda item, n=1: done.extend([time.perf_counter() - start] * n))
            seconds = time.perf_counter() - start
    ref = _reference(pages) if reference else None
    worker_rss = _rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else _rss_mb(resource.RUSAGE_SELF)
    return PipelineBench(len(pages), summary.stored + summary.unchanged, seconds, workers, extractor, ref,
                         _rss_mb(resource.RUSAGE_SELF), worker_rss, done[0] if done else 0.0,
                         done[len(done) // 2 - 1] if len(done) >= 2 else 0.0, repeat)


def _copies(pages: list[Path], repeat: int, folder: Path) -> list[str]:
    if repeat <= 1:
        return [str(p) for p in pages]
    folder.mkdir()
    out = []
    for k in range(repeat):
        for page in pages:
            link = folder / f"r{k}_{page.name}"
            link.symlink_to(page.resolve())
            out.append(str(link))
    return out
