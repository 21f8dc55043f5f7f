"""``newsgraph bench serve`` end to end on a small store: a real server, every endpoint kind timed in each pass, the
percentiles over all passes and each pass's p95 kept."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from newsgraph.bench.serve import ServeBench, run  # noqa: E402
from newsgraph.cli.main import cli  # noqa: E402

KINDS = {"api search", "api article", "article page", "entity page", "search page (first page, facets)"}


def test_each_pass_times_every_kind_and_the_percentiles_pool_them(tmp_path):
    result = run(n=200, rounds=1, clients=2, db=str(tmp_path / "b.db"), cache=0, threads=2, repeat=3)
    assert set(result.ms) == KINDS and set(result.pass_p95) == KINDS
    assert all(len(p95s) == 3 for p95s in result.pass_p95.values())
    for kind, ms in result.ms.items():
        assert 0 < ms["p50"] <= ms["p95"] and all(p95 > 0 for p95 in result.pass_p95[kind])
    # 12 URLs of each kind (the entity pages: the people of 12 stored articles, 1 to 12), once per round and pass
    assert result.requests % 3 == 0 and 3 * (4 * 12 + 1) <= result.requests <= 3 * 5 * 12
    assert result.rss_mb > 0 and result.start_seconds > 0 and set(result.cpu_ms) == KINDS
    lines = "\n".join(result.lines())
    assert "p95 of 3 passes" in lines and "server threads: 2" in lines
    assert result.client_cpu_ms is not None and result.client_cpu_ms > 0 and "load generator" in lines


def test_one_pass_lists_no_spread_and_the_cli_refuses_zero_rounds(tmp_path):
    bench = ServeBench(10, 1, 0.5, 60.0, {"api search": {"p50": 1.0, "p95": 2.0}}, 12, {"api search": 0.5},
                       pass_p95={"api search": [2.0]})
    assert "passes" not in "\n".join(bench.lines())
    out = CliRunner().invoke(cli, ["bench", "serve", "-n", "10", "--rounds", "0"])
    assert out.exit_code == 2 and "--rounds" in out.output
    with pytest.raises(ValueError):
        run(n=10, rounds=1, repeat=0, db=str(tmp_path / "x.db"))


def _http_server(replies):
    """A loopback HTTP server in a thread, answering each request on a connection with the next of ``replies`` (or
    what ``replies(request_line)`` returns): raw bytes, or (bytes, then) where ``then`` is "close" (drop the connection after it, saying nothing) or a
    number of seconds to wait before answering. Returns (port, request lines seen, stop)."""
    import socket
    import threading
    import time

    seen: list[str] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    answers = None if callable(replies) else iter(replies)
    lock = threading.Lock()

    def serve_one(conn):
        with conn:
            buffer = b""
            while True:
                while b"\r\n\r\n" not in buffer:
                    data = conn.recv(4096)
                    if not data:
                        return
                    buffer += data
                head, buffer = buffer.split(b"\r\n\r\n", 1)
                with lock:
                    line = head.split(b"\r\n")[0].decode()
                    seen.append(line)
                    reply = replies(line) if callable(replies) else next(answers)
                reply, then = reply if isinstance(reply, tuple) else (reply, None)
                if isinstance(then, float):
                    time.sleep(then)
                conn.sendall(reply)
                if then == "close" or b"Connection: close" in reply or b"Content-Length" not in reply \
                        and b"chunked" not in reply and b" 204 " not in reply:
                    return

    def accept():
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return sock.getsockname()[1], seen, sock.close


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"


def test_the_load_generator_reads_whole_answers_of_every_framing_and_keeps_the_urls_order():
    from newsgraph.bench.serve import _fetch_all

    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\nX-Sum: 1\r\n\r\n"
    closing = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive, close\r\n\r\nok"
    to_the_end = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nthe body ends with the connection"
    empty = b"HTTP/1.1 204 No Content\r\n\r\n"
    port, seen, stop = _http_server([OK, chunked, closing, to_the_end, (OK, "close"), OK, chunked, OK, empty])
    try:
        # one client: every answer must be read to its end, or the next request's answer would be misread; after
        # the answer dropped in silence the next request goes out on a new connection
        latencies = _fetch_all(port, [f"/u{i}" for i in range(8)], clients=1)
        with pytest.raises(RuntimeError, match="/u8: HTTP 204"):  # read (no body), and not what a bench expects
            _fetch_all(port, ["/u8"], clients=1)
    finally:
        stop()
    assert seen == [f"GET /u{i} HTTP/1.1" for i in range(9)]
    assert len(latencies) == 8 and all(t > 0 for t in latencies)


def test_each_latency_is_its_own_urls_with_clients_in_parallel():
    from newsgraph.bench.serve import _fetch_all

    port, _, stop = _http_server(lambda line: (OK, 0.3) if line.startswith("GET /u5 ") else OK)
    try:
        latencies = _fetch_all(port, [f"/u{i}" for i in range(12)], clients=4)
    finally:
        stop()
    assert latencies[5] >= 0.3 and max(latencies) == latencies[5]
    assert all(t < 0.3 for i, t in enumerate(latencies) if i != 5)


def test_the_load_generator_stops_on_an_answer_that_is_not_200_or_never_comes(monkeypatch):
    from newsgraph.bench import serve

    port, _, stop = _http_server([b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                                  b"HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno!"])
    try:
        with pytest.raises(RuntimeError, match="/b: HTTP 404"):
            serve._fetch_all(port, ["/a", "/b"], clients=1)
    finally:
        stop()
    monkeypatch.setattr(serve, "TIMEOUT", 0.2)
    port, _, stop = _http_server([(OK, 1.0)])
    try:
        with pytest.raises(RuntimeError, match="/slow: TimeoutError"):
            serve._fetch_all(port, ["/slow"], clients=1)
    finally:
        stop()


def test_the_client_returns_each_answers_whole_body():
    import asyncio

    from newsgraph.bench.serve import _Client

    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\nX-Sum: 1\r\n\r\n"
    to_the_end = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nthe body ends with the connection"
    port, _, stop = _http_server([OK, chunked, to_the_end, (OK, "close"), OK,
                                  b"HTTP/1.1 204 No Content\r\n\r\n", OK])

    async def run():
        client = _Client(port)
        try:
            return [await client.get(f"/u{i}") for i in range(7)]
        finally:
            client.close()
    try:
        answers = asyncio.run(run())
    finally:
        stop()
    assert answers == [(200, b"hello"), (200, b"abcde"), (200, b"the body ends with the connection"),
                       (200, b"hello"), (200, b"hello"), (204, b""), (200, b"hello")]


@pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/chromium").exists(),
                    reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)")
def test_the_first_search_pages_are_timed_in_a_real_browser(tmp_path):
    pytest.importorskip("playwright.sync_api", reason="needs playwright (the test extra)")
    result = run(n=200, rounds=1, clients=2, db=str(tmp_path / "b.db"), cache=0, threads=2,
                 browser="/usr/bin/chromium")
    html, dom = result.browser_ms["html"], result.browser_ms["dom"]
    assert 0 < html["p50"] <= html["p95"] and 0 < dom["p50"] <= dom["p95"]
    assert html["p50"] <= dom["p50"]  # the HTML is complete before it is parsed with its style and script
    assert "first search page in Chromium" in "\n".join(result.lines())



@pytest.mark.skipif(not __import__("pathlib").Path("/usr/bin/chromium").exists(),
                    reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)")
def test_the_browser_refuses_to_time_an_error_page():
    pytest.importorskip("playwright.sync_api", reason="needs playwright (the test extra)")
    from newsgraph.bench.serve import _in_browser

    page = b"<!doctype html><title>x</title><p>hello"
    port, _, stop = _http_server(lambda line: (b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: "
                                               + str(len(page)).encode() + b"\r\n\r\n" + page))
    try:
        with pytest.raises(RuntimeError, match="/gone: HTTP 404 in Chromium"):
            _in_browser(port, ["/gone"], 1, "/usr/bin/chromium")
    finally:
        stop()
