"""Streaming without timing: the WARC reader holds one page at a time, and a pool keeps a bounded window in flight.

Nothing here is timed. Memory is measured with tracemalloc (Python allocations: the pages' bytes are Python objects);
the window is measured by counting how many pages were pulled from the source against how many came back.
"""
from __future__ import annotations

import gzip
import random
import tracemalloc
from pathlib import Path

import pytest

import newsgraph.sources as sources
from newsgraph.executors import InProcess, ProcessPool
from newsgraph.model import Page
from newsgraph.pipeline import Options, extract_only

pytest.importorskip("fastwarc")

WORDS = ("minister said budget port strike council river election hospital railway prices rose fell week "
         "report city union bank energy water school court police storm").split()


def _page_html(rng: random.Random, n: int, words: int) -> bytes:
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    return (f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
            f"<p>{body}.</p><p>{body[::-1]}.</p></article></body></html>").encode("utf-8")


def _record(n: int, html: bytes) -> bytes:
    block = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(html)}\r\n\r\n"
             .encode("latin-1") + html)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/{n}\r\n"
            f"WARC-Date: 2024-04-25T16:27:48Z\r\nWARC-Record-ID: <urn:uuid:{n:08x}-0000-4000-8000-000000000000>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode("latin-1") + block + b"\r\n\r\n"


def write_crawl(path: Path, pages: int, words: int) -> int:
    """A WARC of ``pages`` HTML responses, one gzip member each; returns the total bytes of the HTML bodies."""
    rng = random.Random(pages)
    total = 0
    with open(path, "wb") as out:
        for n in range(pages):
            html = _page_html(rng, n, words)
            total += len(html)
            out.write(gzip.compress(_record(n, html), compresslevel=1))
    return total


@pytest.fixture(scope="module")
def big_crawl(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("stream") / "crawl.warc.gz"
    return path, write_crawl(path, pages=3000, words=600)  # ~24 MB of HTML, a few MB on disk


def _traced_peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_a_warc_holds_one_page_at_a_time(big_crawl):
    path, html_bytes = big_crawl
    seen = {"pages": 0, "bytes": 0}

    def stream() -> None:
        for item in sources.read([path]):
            assert isinstance(item, Page)
            seen["pages"] += 1
            seen["bytes"] += len(item.content)

    peak = _traced_peak(stream)
    assert seen == {"pages": 3000, "bytes": html_bytes}
    assert html_bytes > 20_000_000
    # One page (~8 KB) plus the reader's 1 MB scan chunk (the end-of-file gzip check): a constant, not the file.
    assert peak < 3_000_000, f"peak {peak:,} B while streaming {html_bytes:,} B of pages"


def test_the_measure_would_see_pages_held(big_crawl):
    """The same measure over a list of the pages: the bodies all count, so the test above can fail."""
    path, html_bytes = big_crawl
    assert _traced_peak(lambda: list(sources.read([path]))) > html_bytes


class CountingSource:
    """Wraps ``sources.read``: counts the pages pulled out of it."""

    def __init__(self, real):
        self.real, self.pulled = real, 0

    def __call__(self, inputs, **kwargs):
        for item in self.real(inputs, **kwargs):
            self.pulled += 1
            yield item


def _in_flight(monkeypatch, path: Path, options: Options, executor) -> tuple[int, int, int]:
    """Run extract_only; return pages pulled before the first result, the most ahead ever, and the items seen."""
    source = CountingSource(sources.read)
    monkeypatch.setattr(sources, "read", source)
    first, ahead, seen = None, 0, 0
    for _ in extract_only([str(path)], options, executor):
        seen += 1
        first = source.pulled if first is None else first
        ahead = max(ahead, source.pulled - seen)
    return first, ahead, seen


@pytest.fixture(scope="module")
def small_crawl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("window") / "crawl.warc.gz"
    write_crawl(path, pages=120, words=150)
    return path


def test_process_pool_keeps_at_most_window_batches_in_flight(monkeypatch, small_crawl):
    options = Options(batch_size=4, workers=2)
    with ProcessPool(2, window=3) as pool:
        first, ahead, seen = _in_flight(monkeypatch, small_crawl, options, pool)
    assert seen == 120
    assert first == 3 * 4  # the window filled, not the whole file read ahead
    assert ahead <= 3 * 4


def test_in_process_runs_one_batch_at_a_time(monkeypatch, small_crawl):
    first, ahead, seen = _in_flight(monkeypatch, small_crawl, Options(batch_size=4), InProcess())
    assert (first, seen) == (4, 120)
    assert ahead <= 4


def test_bench_crawl_counts_match_what_the_reader_finds(tmp_path):
    from newsgraph.bench.memory import write_warc
    crawl, head = write_warc(tmp_path / "c.warc.gz", 600_000, seed=3, prefix=tmp_path / "h.warc.gz",
                             prefix_bytes=150_000)
    items = list(sources.read([crawl.path]))
    assert crawl.bytes == (tmp_path / "c.warc.gz").stat().st_size >= 600_000
    assert len(items) == crawl.expected_items
    assert sum(isinstance(i, Page) for i in items) == crawl.html_pages
    assert crawl.resources and crawl.redirects and crawl.recrawls
    assert len(list(sources.read([head.path]))) == head.expected_items < crawl.expected_items
    assert (tmp_path / "c.warc.gz").read_bytes().startswith((tmp_path / "h.warc.gz").read_bytes())


def test_bench_measure_samples_three_points_in_a_child(tmp_path):
    from newsgraph.bench.memory import measure, write_warc
    crawl, _ = write_warc(tmp_path / "c.warc.gz", 200_000, seed=1)
    run = measure(crawl.path, crawl.expected_items, Options(workers=1))
    assert [s["items"] for s in run.samples][-1] == crawl.expected_items
    assert len(run.samples) == 3 and all(s["main"]["VmRSS"] > 10 for s in run.samples)
    assert run.samples[-1]["workers"] == []
    assert run.as_dict()["points"][0]["at"] == "10%"
