"""Extraction quality and speed on the article-extraction benchmark, every extractor in the same run.

Rows: newsgraph's HTML extractors by name (``fast``; ``fast-pure``, the fast path without its trafilatura
fallback; ``trafilatura``, newsgraph's trafilatura extractor with metadata), then bare ``trafilatura.extract(html)``
and, when installed, resiliparse's main-content extraction. Pages are read and decoded before the clock starts; each
row's clock covers extraction of every page (a first page is run untimed to pay imports); the process's CPU
time is kept beside the wall clock, since on a shared machine the wall clock swings with other work. Scores use
the benchmark's own metric (:mod:`newsgraph.evaluate.extraction`), with each row's lowest page recall.
"""
from __future__ import annotations

import gzip
import json
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..evaluate.extraction import ExtractionScore, page_counts, page_recalls, score
from ..extraction import get_extractor
from ..extraction.fast import FastExtractor
from ..model import Article, Page

DATASET = "extraction-dev"
LOW_RECALL = 0.6  # a page under this lost most of its article (the bar: no such page)
Extract = Callable[[str, Optional[str]], str]  # (html, url) -> body text


@dataclass(slots=True)
class Row:
    name: str
    score: ExtractionScore
    seconds: float
    pages: int
    recalls: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0  # this process's CPU time: steadier than the wall clock on a shared machine

    @property
    def cpu_pages_per_s(self) -> float:
        return self.pages / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def min_recall(self) -> float:
        return min(self.recalls) if self.recalls else 0.0

    @property
    def low_recall_pages(self) -> int:
        return sum(1 for r in self.recalls if r < LOW_RECALL)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        s = self.score
        return {"extractor": self.name, "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                "f1": round(s.f1, 4), "precision_std": round(s.precision_std, 4),
                "recall_std": round(s.recall_std, 4), "f1_std": round(s.f1_std, 4),
                "pages": self.pages, "seconds": round(self.seconds, 3), "pages_per_s": round(self.pages_per_s, 1),
                "cpu_seconds": round(self.cpu_seconds, 3), "cpu_pages_per_s": round(self.cpu_pages_per_s, 1),
                "min_page_recall": round(self.min_recall, 4), "pages_below_0.6_recall": self.low_recall_pages}


@dataclass(slots=True)
class ExtractBench:
    rows: list[Row] = field(default_factory=list)
    pages: int = 0
    skipped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"dataset": DATASET, "pages": self.pages, "rows": [r.as_dict() for r in self.rows],
                "skipped": list(self.skipped), "machine": platform.platform(),
                "python": platform.python_version()}

    def lines(self) -> list[str]:
        out = [f"{DATASET}: {self.pages} pages; metric: 4-token shingles, per-page normalised, F1 of means "
               f"(± bootstrap std over pages)"]
        for r in self.rows:
            d = r.as_dict()
            out.append(f"  {r.name:<26} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f} "
                       f"± {d['f1_std']:.3f}  {d['pages_per_s']:>7.1f} pages/s ({d['cpu_pages_per_s']:.1f} per CPU s)"
                       f"  min page R {r.min_recall:.2f} "
                       f"({r.low_recall_pages} < {LOW_RECALL})")
        out.extend(f"  not run: {s}" for s in self.skipped)
        return out


def load_pages(data_dir: Path, limit: Optional[int] = None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold body) per page, in id order."""
    root = Path(data_dir) / DATASET if (Path(data_dir) / DATASET).is_dir() else Path(data_dir)
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(gold)[:limit]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        out.append((key, gold[key].get("url"), html, gold[key].get("articleBody") or ""))
    return out


def _newsgraph(name: str) -> Extract:

    extractor = FastExtractor(fallback=False) if name == "fast-pure" else get_extractor(name)

    def run(html: str, url: Optional[str]) -> str:
        result = extractor.extract(Page(content=html, kind="html", origin="bench", url=url))
        return result.text if isinstance(result, Article) else ""
    return run


def _bare_trafilatura() -> Extract:
    import trafilatura  # heavy to import: only when this reference is measured
    return lambda html, url: trafilatura.extract(html, url=url) or ""


def _resiliparse() -> Optional[Extract]:
    try:  # the optional bench extra
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree
    except ImportError:
        return None
    return lambda html, url: extract_plain_text(HTMLTree.parse(html), main_content=True)


def competitors(extractors: Iterable[str], bare: bool = True) -> tuple[list[tuple[str, Extract]], list[str]]:
    rows = [(f"newsgraph {name}", _newsgraph(name)) for name in extractors]
    skipped = []
    if bare:
        rows.append(("trafilatura (bare)", _bare_trafilatura()))
        resiliparse = _resiliparse()
        if resiliparse is None:
            skipped.append("resiliparse (not installed)")
        else:
            rows.append(("resiliparse (main content)", resiliparse))
    return rows, skipped


def measure(name: str, func: Extract, pages: list[tuple[str, str, str, str]], bootstrap: int = 1000,
            repeat: int = 2) -> Row:
    """Best of ``repeat`` timed passes: lazy imports inside a tool (a date parser first needed on page 40) would
    otherwise be charged to whichever extractor happens to run first."""
    seconds = cpu = float("inf")
    for _ in range(repeat):
        predicted = []
        start, start_cpu = time.perf_counter(), time.process_time()
        for _, url, html, _ in pages:
            predicted.append(func(html, url))
        seconds = min(seconds, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    counts = [page_counts(gold, text) for (_, _, _, gold), text in zip(pages, predicted)]
    return Row(name, score(counts, bootstrap=bootstrap), seconds, len(pages), page_recalls(counts), cpu)


def run(data_dir: Path, extractors: Iterable[str] = ("fast", "trafilatura"), limit: Optional[int] = None,
        bare: bool = True, bootstrap: int = 1000) -> ExtractBench:
    """Score and time each extractor over the benchmark pages under ``data_dir`` (or its ``extraction-dev``)."""
    pages = load_pages(data_dir, limit)
    rows, skipped = competitors(extractors, bare)
    bench = ExtractBench(pages=len(pages), skipped=skipped)
    for name, func in rows:
        bench.rows.append(measure(name, func, pages, bootstrap))
    return bench
