"""Memory stays flat however large the input: a synthetic WARC of a chosen size, read in a child process.

:func:`write_warc` writes a crawl-like WARC (one gzip member per record): a ``warcinfo`` record, then request and
response pairs for news pages made from templates with varied text, a few non-HTML resources (images, scripts,
stylesheets, ``robots.txt``), redirects, ``Content-Encoding: gzip`` bodies, re-crawls of a page already fetched and
syndicated copies of an article under another outlet. The size asked for is the size of the file on disk.

:func:`run` then runs the extraction path (:func:`newsgraph.pipeline.extract_only`, what ``newsgraph extract``
runs) over it in a fresh child process for each worker count, and samples the resident memory (``VmRSS``; the peak
so far, ``VmHWM``) of that process and of each of its pool workers from ``/proc`` when 10 %, 50 % and 100 % of the
records have come back. With ``stages_mb`` it also runs the full ingest (all NLP stages, into a fresh SQLite store)
over a WARC holding the first ``stages_mb`` MB of the same crawl. Linux only (``/proc``); nothing to install.
"""
from __future__ import annotations

import gzip
import multiprocessing
import os
import platform
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from ..pipeline import Options

MILESTONES = (0.10, 0.50, 1.00)
TARGET_GROWTH = 1.5  # RSS at 100 % over RSS at 10 %
TARGET_PEAK_MB = 700.0  # per process

# --- the synthetic crawl -------------------------------------------------------------------------------------

_FIRST = ("Anna Maria John Sergey Li Wei Fatima Carlos Ingrid Kwame Priya Tomasz Elena Hiroshi Amara Lucas Olga "
          "Rahul Chloe Omar Sofia Daniel Yusuf Marta Pierre").split()
_LAST = ("Keller Okafor Lavrov Chen Haddad Moreno Lindqvist Mensah Sharma Nowak Petrova Tanaka Diallo Silva "
         "Ivanova Gupta Martin Farouk Rossi Cohen Bauer Kowalski Dubois Nakamura").split()
_ORGS = ("the Ministry of Finance|the central bank|the World Health Organization|Acme Logistics|the city council|"
         "the European Commission|Northwind Energy|the Red Cross|the national railway|Globex Pharma|"
         "the university hospital|the port authority").split("|")
_PLACES = ("Berlin|Lagos|Moscow|Shanghai|Beirut|Madrid|Stockholm|Accra|Mumbai|Warsaw|Kyiv|Osaka|Dakar|"
           "Sao Paulo|Geneva|Toronto|Nairobi|Lima").split("|")
_ROLES = "minister|spokesperson|chief executive|mayor|director|senior economist|union leader|professor".split("|")
_CUES = "said|told reporters|added|warned|argued|insisted|noted|wrote in a statement".split("|")
_DAYS = "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|last week|in June|earlier this month".split("|")
_TOPICS = ("fuel prices|the new rail line|flood defences|the budget deficit|hospital waiting times|the trade deal|"
           "youth unemployment|the election timetable|water shortages|the vaccine rollout|housing costs|"
           "the strike at the port").split("|")
_VERBS = "rose|fell|doubled|stalled|recovered|slipped|surged|held steady".split("|")
_SECTIONS = "World|Politics|Business|Science|Health|Sport|Culture|Opinion|Climate|Technology".split("|")
_OUTLETS = (("The Daily Ledger", "dailyledger.example"), ("Metro Courier", "metrocourier.example"),
            ("Global Wire", "globalwire.example"), ("The Evening Post", "eveningpost.example"),
            ("Harbour Times", "harbourtimes.example"), ("Northern Star", "northernstar.example"))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _sentence(rng: random.Random) -> str:
    """One sentence of news prose: a quote, an indirect quote, a figure or plain narration."""
    who, org, place, topic = _person(rng), rng.choice(_ORGS), rng.choice(_PLACES), rng.choice(_TOPICS)
    n = rng.randint(2, 90_000)
    kind = rng.randrange(6)
    if kind == 0:
        return (f"“We will not accept any delay on {topic},” {who}, the {rng.choice(_ROLES)} of {org}, "
                f"{rng.choice(_CUES)} {rng.choice(_DAYS)}.")
    if kind == 1:
        return f"{who} {rng.choice(_CUES)} that {org} would review {topic} in {place} before the end of the year."
    if kind == 2:
        return (f"More than {n:,} people in {place} were affected, and {org} set aside ${rng.randint(2, 900)} "
                f"million for {topic}.")
    if kind == 3:
        return f"Prices {rng.choice(_VERBS)} by {rng.randint(1, 40)} percent {rng.choice(_DAYS)} in {place}."
    if kind == 4:
        return (f"Critics in {place} say {topic} has been neglected for {rng.randint(2, 20)} years, while "
                f"supporters of {org} point to {n:,} new jobs.")
    return f"The debate over {topic} is expected to continue {rng.choice(_DAYS).replace('on ', 'next ')}."


@dataclass(slots=True)
class _Story:
    """What a page is made of, kept small so re-crawls and syndicated copies can be rebuilt without the HTML."""

    seed: int
    outlet: int
    slug: str
    published: str


@dataclass(slots=True)
class CrawlStats:
    """What :func:`write_warc` wrote: the counts a reader must find again."""

    path: str
    bytes: int = 0
    records: int = 0
    html_pages: int = 0
    redirects: int = 0
    resources: int = 0
    recrawls: int = 0
    syndicated: int = 0

    @property
    def expected_items(self) -> int:
        """Items ``sources.read`` yields: a Page per 2xx HTML response, a Rejected (http_status) per redirect."""
        return self.html_pages + self.redirects


def _article_html(story: _Story, outlet: int) -> bytes:
    """A whole news page: head with metadata, styles and scripts, navigation, the article, related links, footer."""
    rng = random.Random(story.seed)
    name, host = _OUTLETS[outlet]
    title = f"{_person(rng)} {rng.choice(_CUES)} {rng.choice(_ORGS)} must act on {rng.choice(_TOPICS)}"
    author = _person(rng)
    paras = "\n".join(f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(2, 5)))}</p>"
                      for _ in range(rng.randint(6, 22)))
    site = random.Random(outlet)  # the outlet's boilerplate is the same on each of its pages
    nav = "".join(f'<li><a href="https://{host}/{s.lower()}">{s}</a></li>' for s in _SECTIONS)
    style = "".join(f".c{site.randrange(10**6)}{{margin:{site.randint(0, 20)}px;color:#{site.randrange(16**6):06x}}}"
                    for _ in range(120))
    script = ",".join(f'"k{rng.randrange(10**9)}":{rng.random():.6f}' for _ in range(rng.randint(150, 600)))
    related = "".join(f'<li><a href="https://{host}/{rng.randrange(10**7)}">{_sentence(rng)[:80]}</a></li>'
                      for _ in range(10))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {name}</title>'
            f'<meta property="og:title" content="{title}"><meta name="author" content="{author}">'
            f'<meta property="article:published_time" content="{story.published}">'
            f'<link rel="canonical" href="https://{host}/{story.slug}"><style>{style}</style>'
            f'<script>window.__CONFIG__={{{script}}};</script></head><body>'
            f'<header><a class="logo" href="https://{host}/">{name}</a><nav><ul>{nav}</ul></nav></header>'
            f'<main><article><h1>{title}</h1><div class="byline">By {author}</div>'
            f'<time datetime="{story.published}">{story.published[:10]}</time>{paras}</article>'
            f'<aside><h2>Most read</h2><ul>{related}</ul></aside></main>'
            f'<footer><p>© {name}. All rights reserved.</p><ul>{nav}</ul></footer></body></html>').encode("utf-8")


def _warc_record(wtype: str, uri: str, block: bytes, date: str, n: int, ctype: str) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:{n:08x}-0000-4000-8000-{n:012x}>\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode("latin-1") + block + b"\r\n\r\n"


def _http(status: str, ctype: str, body: bytes, extra: str = "") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}Content-Length: {len(body)}\r\n\r\n"
            .encode("latin-1") + body)


class _CrawlWriter:
    """Writes records as gzip members to one file, or to two (the second stops at its own size: a prefix)."""

    def __init__(self, path: Path, size: int, prefix: Optional[Path], prefix_size: int, seed: int):
        self.rng = random.Random(seed)
        self.size, self.prefix_size = size, prefix_size
        self.out = open(path, "wb")
        self.prefix_out = open(prefix, "wb") if prefix else None
        self.stats = CrawlStats(str(path))
        self.prefix_stats = CrawlStats(str(prefix)) if prefix else None
        self.recent: list[_Story] = []  # the last stories, bounded, for re-crawls and syndicated copies
        self.n = 0

    def close(self) -> None:
        self.out.close()
        if self.prefix_out:
            self.prefix_out.close()

    def emit(self, wtype: str, uri: str, block: bytes, ctype: str, kind: Optional[str] = None) -> None:
        self.n += 1
        date = f"2024-04-{1 + self.n % 28:02d}T{self.n % 24:02d}:{self.n % 60:02d}:00Z"
        member = gzip.compress(_warc_record(wtype, uri, block, date, self.n, ctype), compresslevel=6)
        self.out.write(member)
        self._count(self.stats, len(member), kind)
        if self.prefix_out and self.prefix_stats.bytes < self.prefix_size:
            self.prefix_out.write(member)
            self._count(self.prefix_stats, len(member), kind)

    @staticmethod
    def _count(stats: CrawlStats, size: int, kind: Optional[str]) -> None:
        stats.bytes += size
        stats.records += 1
        if kind:
            setattr(stats, kind, getattr(stats, kind) + 1)

    def request(self, uri: str) -> None:
        host = uri.split("/")[2]
        block = f"GET /{uri.split('/', 3)[-1]} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: newsgraph-bench\r\n\r\n"
        self.emit("request", uri, block.encode("latin-1"), "application/http; msgtype=request")

    def page(self, story: _Story, outlet: int, kind: Optional[str] = None) -> None:
        uri = f"https://{_OUTLETS[outlet][1]}/{story.slug}"
        body = _article_html(story, outlet)
        extra = ""
        if self.rng.random() < 0.1:  # some servers compress; the reader undoes it
            body, extra = gzip.compress(body, compresslevel=1), "Content-Encoding: gzip\r\n"
        self.request(uri)
        self.emit("response", uri, _http("200 OK", "text/html; charset=utf-8", body, extra),
                  "application/http; msgtype=response", "html_pages")
        if kind:
            self._count_only(kind)

    def _count_only(self, kind: str) -> None:
        setattr(self.stats, kind, getattr(self.stats, kind) + 1)
        if self.prefix_stats and self.prefix_stats.bytes < self.prefix_size:
            setattr(self.prefix_stats, kind, getattr(self.prefix_stats, kind) + 1)

    def resource(self) -> None:
        host = self.rng.choice(_OUTLETS)[1]
        pick = self.rng.randrange(4)
        if pick == 0:
            body = self.rng.randbytes(self.rng.randint(4, 40) * 1024)
            uri, ctype = f"https://{host}/img/{self.n}.jpg", "image/jpeg"
        elif pick == 1:
            uri, ctype, body = f"https://{host}/app.{self.n}.js", "application/javascript", b"var a=1;" * 900
        elif pick == 2:
            uri, ctype, body = f"https://{host}/site.css", "text/css", b".a{color:red}" * 400
        else:
            uri, ctype, body = f"https://{host}/robots.txt", "text/plain", b"User-agent: *\nDisallow: /admin\n"
        self.request(uri)
        self.emit("response", uri, _http("200 OK", ctype, body), "application/http; msgtype=response", "resources")

    def redirect(self) -> None:
        host = self.rng.choice(_OUTLETS)[1]
        uri = f"https://{host}/r/{self.n}"
        self.request(uri)
        self.emit("response", uri, _http("301 Moved Permanently", "text/html", b"<html>moved</html>",
                                         f"Location: https://{host}/\r\n"),
                  "application/http; msgtype=response", "redirects")

    def step(self) -> None:
        """One crawl event, drawn: mostly a fresh article; now and then a resource, a redirect or a copy."""
        roll = self.rng.random()
        if roll < 0.10:
            self.resource()
        elif roll < 0.12:
            self.redirect()
        elif roll < 0.16 and self.recent:
            story = self.rng.choice(self.recent)
            self.page(story, story.outlet, "recrawls")
        elif roll < 0.19 and self.recent:
            story = self.rng.choice(self.recent)
            self.page(story, (story.outlet + 1) % len(_OUTLETS), "syndicated")
        else:
            story = _Story(self.rng.randrange(2**32), self.rng.randrange(len(_OUTLETS)),
                           f"2024/04/{self.n:09d}-story",
                           f"2024-04-{self.rng.randint(1, 28):02d}T{self.rng.randint(0, 23):02d}:15:00+00:00")
            self.page(story, story.outlet)
            self.recent = (self.recent + [story])[-200:]


def write_warc(path: Path, size_bytes: int, *, seed: int = 0, prefix: Optional[Path] = None,
               prefix_bytes: int = 0) -> tuple[CrawlStats, Optional[CrawlStats]]:
    """Write a synthetic crawl of about ``size_bytes`` on disk; with ``prefix``, its first ``prefix_bytes`` too."""
    writer = _CrawlWriter(Path(path), size_bytes, prefix, prefix_bytes, seed)
    try:
        info = b"software: newsgraph bench memory\r\nformat: WARC File Format 1.0\r\n"
        writer.emit("warcinfo", "urn:newsgraph:bench", info, "application/warc-fields")
        while writer.stats.bytes < size_bytes:
            writer.step()
    finally:
        writer.close()
    return writer.stats, writer.prefix_stats


# --- measuring ------------------------------------------------------------------------------------------------

def _proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of ``pid`` in MB (empty when the process is gone)."""
    out: dict[str, float] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return out


def _workers_of(pid: int) -> list[int]:
    """Child processes of ``pid`` that are pool workers (multiprocessing's resource tracker left out)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            if ppid != pid:
                continue
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                if b"resource_tracker" in fh.read():
                    continue
        except (OSError, ValueError, IndexError):
            continue
        found.append(int(entry))
    return sorted(found)


def _sample(count: int, started: float) -> dict[str, Any]:
    me = os.getpid()
    return {"items": count, "seconds": time.perf_counter() - started, "main": _proc_status(me),
            "workers": [_proc_status(pid) for pid in _workers_of(me)]}


class _Milestones:
    """Calls back with a memory sample when the count of items crosses 10 %, 50 % and 100 % of ``total``."""

    def __init__(self, total: int, conn) -> None:
        self.marks = sorted({max(1, round(total * m)) for m in MILESTONES})
        self.conn, self.count, self.started = conn, 0, time.perf_counter()

    def __call__(self, _item: Any = None) -> None:
        self.count += 1
        if self.marks and self.count >= self.marks[0]:
            self.marks.pop(0)
            self.conn.send(_sample(self.count, self.started))

    def finish(self) -> None:
        if self.marks:  # fewer items than expected: still report the end, workers still up
            self.marks.clear()
            self.conn.send(_sample(self.count, self.started))


def _probe(conn, path: str, options: Options, total: int, full: bool) -> None:
    """In the child: run the extraction path (or the full ingest) over ``path``, sampling at the milestones.

    The extraction run gets its executor from here so the last sample is taken while the workers are still up;
    ``run.ingest`` makes its own from ``options.workers``. Imports are made here, in the child, and only for the
    path it runs, so the memory measured is that path's own (not the store and dedup modules of the other).
    """
    from ..executors import make_executor
    executor = None if full else make_executor(options.workers)
    marks = _Milestones(total, conn)
    try:
        if full:
            from ..run import ingest
            from ..storage import open_store
            with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
                ingest([path], store, options, progress=marks)
        else:
            from ..pipeline import extract_only
            for item in extract_only([path], options, executor):
                marks(item)
        marks.finish()
        conn.send({"done": True, "items": marks.count})
    except Exception as exc:  # reported to the parent, which raises it there
        conn.send({"error": f"{type(exc).__name__}: {exc}"})
    finally:
        if executor is not None:
            executor.close()
        conn.close()


@dataclass(slots=True)
class Run:
    """One measured run: the samples at 10 %, 50 % and 100 % of the records."""

    label: str
    workers: int
    full: bool = False
    samples: list[dict[str, Any]] = field(default_factory=list)

    def peaks(self) -> dict[str, float]:
        last = self.samples[-1]
        workers = [w.get("VmHWM", 0.0) for w in last["workers"]]
        return {"main": last["main"].get("VmHWM", 0.0), "worker": max(workers, default=0.0)}

    def growth(self, key: str = "VmRSS") -> float:
        """``key`` (VmRSS, or the peak so far VmHWM) at 100 % over at 10 %: the largest ratio of all processes."""
        first, last = self.samples[0], self.samples[-1]
        ratios = [_ratio(last["main"], first["main"], key)]
        ratios += [_ratio(b, a, key) for a, b in zip(first["workers"], last["workers"])]
        return max(ratios)

    def judged_growth(self) -> float:
        """The full pipeline's RSS swings by ~250 MB within each spaCy batch, so a point sample is noise there:
        its growth is judged on the peak so far (which rises only if memory grows); extraction's on RSS."""
        return self.growth("VmHWM") if self.full else self.growth()

    def ok(self) -> bool:
        peaks = self.peaks()
        return self.judged_growth() <= TARGET_GROWTH and max(peaks.values()) <= TARGET_PEAK_MB

    def as_dict(self) -> dict[str, Any]:
        points, before = [], {"items": 0, "seconds": 0.0}
        for mark, s in zip(MILESTONES, self.samples):
            span = s["seconds"] - before["seconds"]
            points.append({"at": f"{round(mark * 100)}%", "items": s["items"], "seconds": round(s["seconds"], 1),
                           "items_per_s": round(s["items"] / s["seconds"], 1) if s["seconds"] else None,
                           "items_per_s_since_last": round((s["items"] - before["items"]) / span, 1) if span else None,
                           "rss_main_mb": round(s["main"].get("VmRSS", 0.0)),
                           "rss_workers_mb": [round(w.get("VmRSS", 0.0)) for w in s["workers"]],
                           "peak_main_mb": round(s["main"].get("VmHWM", 0.0)),
                           "peak_workers_mb": [round(w.get("VmHWM", 0.0)) for w in s["workers"]]})
            before = s
        return {"run": self.label, "workers": self.workers, "points": points,
                "peak_main_mb": round(self.peaks()["main"]), "peak_worker_mb": round(self.peaks()["worker"]),
                "growth_100_over_10": round(self.growth(), 2), "peak_growth_100_over_10":
                    round(self.growth("VmHWM"), 2), "judged_on": "VmHWM" if self.full else "VmRSS",
                "ok": self.ok()}


def _ratio(after: dict[str, float], before: dict[str, float], key: str = "VmRSS") -> float:
    return after.get(key, 0.0) / before[key] if before.get(key) else 0.0


@dataclass(slots=True)
class MemoryBench:
    crawl: CrawlStats
    write_seconds: float
    runs: list[Run]
    extractor: str
    stages_crawl: Optional[CrawlStats] = None

    def as_dict(self) -> dict[str, Any]:
        def crawl(c: Optional[CrawlStats]) -> Optional[dict[str, Any]]:
            return None if c is None else {"mb": round(c.bytes / 1e6, 1), "records": c.records,
                                           "html_pages": c.html_pages, "redirects": c.redirects,
                                           "resources": c.resources, "recrawls": c.recrawls,
                                           "syndicated": c.syndicated}
        return {"crawl": crawl(self.crawl), "stages_crawl": crawl(self.stages_crawl), "extractor": self.extractor,
                "write_seconds": round(self.write_seconds, 1), "runs": [r.as_dict() for r in self.runs],
                "targets": {"growth_100_over_10": TARGET_GROWTH, "peak_per_process_mb": TARGET_PEAK_MB},
                "ok": all(r.ok() for r in self.runs), "machine": platform.platform(), "cpus": os.cpu_count()}

    def lines(self) -> list[str]:
        d = self.as_dict()
        c = d["crawl"]
        out = [f"synthetic WARC {c['mb']} MB: {c['records']} records, {c['html_pages']} HTML pages "
               f"({c['recrawls']} re-crawls, {c['syndicated']} syndicated), {c['redirects']} redirects, "
               f"{c['resources']} other resources; written in {d['write_seconds']} s; extractor {self.extractor}"]
        for run in d["runs"]:
            out.append(f"{run['run']}, {run['workers']} worker(s):")
            for p in run["points"]:
                workers = ", ".join(f"{w}" for w in p["rss_workers_mb"]) or "-"
                out.append(f"  {p['at']:>4}  {p['items']:>8} items  {p['items_per_s']:>6} items/s "
                           f"({p['items_per_s_since_last']} since last)  RSS main {p['rss_main_mb']} MB  "
                           f"workers [{workers}] MB")
            out.append(f"  peak main {run['peak_main_mb']} MB, peak worker {run['peak_worker_mb']} MB, "
                       f"100%/10%: RSS {run['growth_100_over_10']}, peak {run['peak_growth_100_over_10']} "
                       f"(judged on {run['judged_on']})  {'ok' if run['ok'] else 'OVER TARGET'}")
        out.append(f"targets: RSS 100%/10% <= {TARGET_GROWTH}, peak per process <= {TARGET_PEAK_MB:.0f} MB: "
                   f"{'met' if d['ok'] else 'NOT met'}")
        return out


def measure(path: str, total: int, options: Options, *, full: bool = False, label: str = "extract") -> Run:
    """Run the extraction path (``full``: the whole ingest) over ``path`` in a fresh child process."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_probe, args=(send, path, options, total, full), name=f"newsgraph-{label}")
    child.start()
    send.close()
    run = Run(label, options.workers, full)
    try:
        for message in _messages(receive):
            if "error" in message:
                raise RuntimeError(f"{label} run failed in the child process: {message['error']}")
            if message.get("done"):
                break
            run.samples.append(message)
    finally:
        child.join()
    if not run.samples:
        raise RuntimeError(f"{label} run ended without a sample (exit code {child.exitcode})")
    return run


def _messages(conn) -> Iterator[dict[str, Any]]:
    while True:
        try:
            yield conn.recv()
        except EOFError:
            return


def run(size_mb: float = 1000, workers: tuple[int, ...] = (1, 2), *, stages_mb: float = 0,
        extractor: str = "fast", seed: int = 0, folder: Optional[str] = None) -> MemoryBench:
    """Write the synthetic WARC in a temp folder (under ``folder`` if given), measure each worker count, clean up."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-memory-", dir=folder) as tmp:
        big, small = Path(tmp) / "crawl.warc.gz", Path(tmp) / "crawl-head.warc.gz"
        start = time.perf_counter()
        crawl, head = write_warc(big, int(size_mb * 1e6), seed=seed, prefix=small if stages_mb else None,
                                 prefix_bytes=int(stages_mb * 1e6))
        written = time.perf_counter() - start
        runs = [measure(str(big), crawl.expected_items, Options(workers=n, html_extractor=extractor))
                for n in workers]
        if head is not None:
            runs += [measure(str(small), head.expected_items, Options(workers=n, html_extractor=extractor),
                             full=True, label="ingest (all stages)") for n in workers]
    return MemoryBench(crawl, written, runs, extractor, head)
