"""``newsgraph bench serve``: latency of the main endpoints of ``newsgraph serve`` on loopback, as clients see it.

The store is the synthetic one of ``bench search`` (:mod:`.search_corpus`; the same seed gives the same store). The
server is a real ``newsgraph serve`` process; ``clients`` keep-alive connections (one asyncio thread: see
:func:`_fetch_all`) send the requests of each endpoint kind in turn; every URL is fetched once first (its pages come
from disk), then ``repeat`` passes each send every kind's URLs ``rounds`` times. Reported: time to start serving, p50/p95 per kind over all passes' requests, the
p95 of each pass (on a shared 2-core machine one pass's p95 moves by a fifth from one pass to the next, so a bar is
judged on many), the server's CPU per request of each kind, its peak RSS, and the load generator's own CPU per
request (it runs on the same cores as the server).
"""
from __future__ import annotations

import asyncio
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlencode

from .search import _percentiles, load
from .search_corpus import queries

__all__ = ["ServeBench", "run"]


@dataclass(slots=True)
class ServeBench:
    n: int
    clients: int
    start_seconds: float
    rss_mb: float
    ms: dict[str, dict[str, float]] = field(default_factory=dict)
    requests: int = 0
    #: Server CPU (user + system, all its threads) per timed request of each kind: unlike the latencies, it hardly
    #: moves with what else the machine runs, so runs on a shared machine compare by it.
    cpu_ms: dict[str, float] = field(default_factory=dict)
    #: The server's ``--cache`` (None: serve's default). With one, the timed rounds' searches and entity pages (the
    #: cold pass's URLs again) are answered from it: what a server does for repeated requests, not their reads.
    cache: Optional[int] = None
    #: The server's ``--threads`` (None: serve's default, one per CPU plus one).
    threads: Optional[int] = None
    #: The p95 (ms) of each pass's requests of each kind, in the order the passes ran.
    pass_p95: dict[str, list[float]] = field(default_factory=dict)
    #: The SQLite library the server ran on (:data:`~newsgraph.storage.sqlite.engine.LIBRARY`).
    sqlite: str = ""
    #: The bench process's own CPU (the load generator: sending, reading, timing) per timed request, in ms.
    client_cpu_ms: Optional[float] = None
    #: With ``browser``: the first search page in that Chromium, one reader, the requests' navigation timing (ms
    #: from sending the request): "html" when the page's HTML is complete (responseEnd), "dom" when it is parsed
    #: with its style sheet and script (domContentLoadedEventEnd); each as p50/p95.
    browser_ms: dict[str, dict[str, float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        out = [f"{self.n:,} synthetic articles; {self.clients} concurrent clients; {self.requests} timed requests",
               f"server ready {self.start_seconds:.2f} s after start; peak RSS {self.rss_mb:.0f} MB",
               "server cache: " + ("serve's default" if self.cache is None else
                                   "off (every request read afresh)" if self.cache == 0 else
                                   f"{self.cache} entries")
               + ("; the timed rounds repeat the cold pass's searches and entity pages" if self.cache != 0 else ""),
               "server threads: " + ("serve's default" if self.threads is None else str(self.threads))
               + (f"; store on {self.sqlite}" if self.sqlite else "")]
        if self.client_cpu_ms is not None:
            out.append(f"load generator (this process, same cores): {self.client_cpu_ms:.2f} ms CPU/request")
        if self.browser_ms:
            html, dom = self.browser_ms["html"], self.browser_ms["dom"]
            out.append(f"first search page in Chromium, one reader: HTML complete p50 {html['p50']:.1f} ms  p95 "
                       f"{html['p95']:.1f} ms; parsed with its style and script (DOMContentLoaded) p50 "
                       f"{dom['p50']:.1f} ms  p95 {dom['p95']:.1f} ms")
        out += [f"  {kind}: p50 {v['p50']:.1f} ms  p95 {v['p95']:.1f} ms"
                + (f"  server CPU {self.cpu_ms[kind]:.2f} ms/request" if kind in self.cpu_ms else "")
                + self._spread(kind)
                for kind, v in self.ms.items()]
        return out

    def _spread(self, kind: str) -> str:
        """The p95 of the passes, lowest, median and highest (nothing for one pass: it is the p95 above)."""
        passes = sorted(self.pass_p95.get(kind, ()))
        if len(passes) < 2:
            return ""
        return (f"  p95 of {len(passes)} passes: {passes[0]:.1f} / {statistics.median(passes):.1f} / "
                f"{passes[-1]:.1f} (lowest / median / highest)")


def _urls(store, n: int, seed: int) -> dict[str, list[str]]:
    """Fixed URLs per kind: the search bench's queries, random stored articles, and the people they name (so an
    entity page is always found; frequent people come up most, as they do in reading)."""
    rng = random.Random(seed)
    words = [q for _, q in queries(seed)]
    ids = [f"s{rng.randrange(n)}" for _ in range(12)]
    names = list(dict.fromkeys(e.name for i in ids for e in store.get(i).entities if e.type == "PERSON"))[:12]
    return {"api search": [f"/api/v1/search?{urlencode({'q': q})}" for q in words],
            "api article": [f"/api/v1/articles/{i}" for i in ids],
            "article page": [f"/articles/{i}" for i in ids],
            "entity page": [f"/entities/{quote(name)}" for name in names],
            # every kind of query, as the API's: the names alone (the first six) left out the costly common words
            "search page (first page, facets)": [f"/?{urlencode({'q': q})}" for q in words]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(db: str, port: int, cache: Optional[int] = None,
           threads: Optional[int] = None) -> tuple[subprocess.Popen, float]:
    argv = [sys.executable, "-c", "from newsgraph.cli.main import cli; cli()", "serve", "--db", db]
    if cache is not None:
        argv += ["--cache", str(cache)]
    if threads is not None:
        argv += ["--threads", str(threads)]
    argv += ["--port", str(port)]
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/v1/openapi.json")
            if conn.getresponse().status == 200:
                return proc, time.perf_counter() - started
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("newsgraph serve exited before serving")
            time.sleep(0.05)


def _peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int) -> Optional[float]:
    """User + system CPU the process has used (Linux ``/proc``; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


#: Seconds a request may take before the bench gives up on the server (the threaded client's socket timeout).
TIMEOUT = 60.0


class _Client:
    """One keep-alive HTTP/1.1 connection of the load generator: sends a GET and reads the whole response (by its
    Content-Length, chunk by chunk, or to the end of a connection the server closes). A connection the server
    closed, said so or not, is opened again; a GET is sent again only when nothing of its answer came back."""

    def __init__(self, port: int):
        self.port = port
        self.reader: Optional[asyncio.StreamReader] = None
        self.writer: Optional[asyncio.StreamWriter] = None

    async def get(self, url: str) -> tuple[int, bytes]:
        fresh = self.writer is None
        if fresh:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None and self.writer is not None
        self.writer.write(f"GET {url} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode("ascii"))
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            self.close()
            if fresh or getattr(exc, "partial", b""):
                raise
            return await self.get(url)  # a kept-alive connection the server had closed in silence
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        closing = "close" in {token.strip().lower() for token in headers.get("connection", "").split(",")}
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                if size == 0:
                    while await self.reader.readuntil(b"\r\n") != b"\r\n":  # trailer fields, then the end
                        pass
                    break
                body += (await self.reader.readexactly(size + 2))[:-2]  # the chunk, less its CRLF
        elif "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif closing or status not in (204, 304):
            body = await self.reader.read()  # no length: the body ends with the connection
            closing = True
        else:
            body = b""
        if closing:
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _fetch_all(port: int, urls: list[str], clients: int) -> list[float]:
    """The latency (seconds, each URL's own, in the order of ``urls``) of every URL, ``clients`` of them in flight
    at once, each on its own keep-alive connection that takes the next URL as soon as its last answer is read.

    One thread with asyncio, not a thread per client: a client thread that has its answer waits for the
    interpreter's lock before it can stop its clock (up to the 5 ms switch interval per thread ahead of it), which
    put milliseconds of the load generator into the servers' tails; and this one costs a third of the CPU per
    request, which on a machine the server shares is the server's."""
    latencies = [0.0] * len(urls)
    queue = iter(enumerate(urls))

    async def client() -> None:
        connection = _Client(port)
        try:
            for i, url in queue:
                start = time.perf_counter()
                try:
                    status, _ = await asyncio.wait_for(connection.get(url), TIMEOUT)
                except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
                    raise RuntimeError(f"{url}: {type(exc).__name__}: {exc}") from exc
                latencies[i] = time.perf_counter() - start
                if status != 200:
                    raise RuntimeError(f"{url}: HTTP {status}")
        finally:
            connection.close()

    async def main() -> None:
        await asyncio.gather(*(client() for _ in range(max(1, clients))))

    asyncio.run(main())
    return latencies


def _in_browser(port: int, urls: list[str], rounds: int, chromium: str) -> dict[str, dict[str, float]]:
    """Open each of ``urls`` in a headless ``chromium`` (Playwright drives it), one at a time, once cold and then
    ``rounds`` times; the percentiles of the navigation timing of the timed visits (see ``ServeBench.browser_ms``)."""
    from playwright.sync_api import sync_playwright  # checked before the passes (run)
    base = f"http://127.0.0.1:{port}"
    html: list[float] = []
    dom: list[float] = []
    timing = "() => JSON.stringify(performance.getEntriesByType('navigation')[0])"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = browser.new_page()
            # Only the server under test: nothing else may be fetched.
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base + "/")
                       else route.abort())
            for visit in range(rounds + 1):
                for url in urls:
                    response = page.goto(base + url)
                    if response is None or not response.ok:  # an error page is not the page to time
                        raise RuntimeError(f"{url}: HTTP {response.status if response else 'no response'} in Chromium")
                    entry = json.loads(page.evaluate(timing))
                    if visit:
                        html.append((entry["responseEnd"] - entry["requestStart"]) / 1000)
                        dom.append((entry["domContentLoadedEventEnd"] - entry["requestStart"]) / 1000)
        finally:
            browser.close()
    return {"html": _percentiles(html), "dom": _percentiles(dom)}


def run(n: int = 100_000, rounds: int = 5, clients: int = 8, db: Optional[str] = None, seed: int = 13,
        cache: Optional[int] = None, threads: Optional[int] = None, repeat: int = 1,
        browser: Optional[str] = None) -> ServeBench:
    """Build (or reuse) the synthetic store of ``n`` articles, serve it, and time each endpoint kind in ``repeat``
    passes of ``rounds`` rounds; with ``browser`` (a Chromium executable), then the first search pages in it."""
    from ..storage import open_store
    if repeat < 1 or rounds < 1:
        raise ValueError(f"rounds and repeat must be 1 or more, not {rounds} and {repeat}")
    if browser:  # before minutes of passes, not after them
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError as exc:
            raise RuntimeError("bench serve --browser needs playwright (the test extra)") from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(db) if db else Path(tmp) / "bench.db")
        with open_store(path) as store:
            if store.count() < n:
                load(store, n, seed)
                store.optimize()
            kinds = _urls(store, n, seed)
        proc, ready = _start(path, _free_port(), cache, threads)
        port = int(proc.args[-1])
        try:
            samples: dict[str, list[float]] = {kind: [] for kind in kinds}
            passes: dict[str, list[float]] = {kind: [] for kind in kinds}
            cpu_s: dict[str, Optional[float]] = {kind: 0.0 for kind in kinds}
            for urls in kinds.values():
                _fetch_all(port, urls, clients)  # cold pass
            own_cpu = time.process_time()
            for _ in range(repeat):
                for kind, urls in kinds.items():
                    before = _cpu_seconds(proc.pid)
                    timed = _fetch_all(port, urls * rounds, clients)
                    after = _cpu_seconds(proc.pid)
                    samples[kind] += timed
                    passes[kind].append(_percentiles(timed)["p95"])
                    spent = cpu_s[kind]
                    cpu_s[kind] = None if spent is None or before is None or after is None else spent + after - before
            own_cpu = time.process_time() - own_cpu
            rss = _peak_rss_mb(proc.pid)
            in_browser = (_in_browser(port, kinds["search page (first page, facets)"], rounds, browser)
                          if browser else {})
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    ms = {kind: _percentiles(timed) for kind, timed in samples.items()}
    cpu = {kind: round(1000 * spent / len(samples[kind]), 2) for kind, spent in cpu_s.items() if spent is not None}
    from ..storage import sqlite_library  # the server's too: the same interpreter and packages
    timed = sum(map(len, samples.values()))
    return ServeBench(n, clients, round(ready, 3), round(rss, 1), ms, timed, cpu, cache, threads, passes,
                      sqlite_library(), round(1000 * own_cpu / timed, 3), in_browser)
