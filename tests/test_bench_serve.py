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
    """A loopback HTTP server in a thread: answers each request line on a connection with the next of ``replies``
    (raw bytes), closing the connection after a reply that says so. Returns (port, requests seen, stop)."""
    import socket
    import threading

    seen: list[str] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    answers = iter(replies)

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
                seen.append(head.split(b"\r\n")[0].decode())
                reply = next(answers)
                conn.sendall(reply)
                if b"Connection: close" in reply:
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


def test_the_load_generator_reads_whole_answers_of_every_framing_and_keeps_the_urls_order():
    from newsgraph.bench.serve import _fetch_all

    fixed = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
    chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n"
    closing = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
    port, seen, stop = _http_server([fixed, chunked, closing, fixed, chunked])
    try:
        # one client: every answer must be read to its end, or the next request's answer would be misread
        latencies = _fetch_all(port, [f"/u{i}" for i in range(5)], clients=1)
    finally:
        stop()
    assert seen == [f"GET /u{i} HTTP/1.1" for i in range(5)]
    assert len(latencies) == 5 and all(t > 0 for t in latencies)


def test_the_load_generator_stops_on_an_answer_that_is_not_200():
    from newsgraph.bench.serve import _fetch_all

    port, _, stop = _http_server([b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                                  b"HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno!"])
    try:
        with pytest.raises(RuntimeError, match="/b: HTTP 404"):
            _fetch_all(port, ["/a", "/b"], clients=1)
    finally:
        stop()
