"""A real server for the serve tests: the bundled examples plus a hostile article, ingested by the real CLI into
a fresh store, served by ``newsgraph serve`` on a free 127.0.0.1 port (a separate process, as a user starts it)."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

pytest.importorskip("fastapi", reason="newsgraph serve needs the web extra (fastapi, uvicorn, jinja2)")

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "examples"
BIN = Path(sys.executable).parent / "newsgraph"

#: Stored text that would run as code if any page failed to escape it.
HOSTILE = {
    "id": "hostile-1",
    "title": "Mayor <script>window.__pwned = 'title'</script> <img src=x onerror=\"window.__pwned='img'\">",
    "published": "2024-03-20",
    "url": "javascript:window.__pwned='url'",
    "text": ("The mayor of Eastbrook, Ana Ruiz, spoke on Tuesday about the <script>window.__pwned='text'</script> "
             "budget and posted <a href=\"javascript:window.__pwned='link'\">a link</a> to the plan.\n\n"
             "\"We will not <b>back down</b> on the 3% rise,\" said Ana Ruiz, the mayor of Eastbrook.\n\n"
             "Council members said the vote would take place on 28 March."),
}
# Literal brackets (and the look of a search mark) in stored text: a snippet must mark only real matches.
BRACKETS = {
    "id": "brackets-1",
    "title": "Harbour ledger published",
    "published": "2024-03-21",
    "text": ("The port authority published its [draft] ledger on Monday, and the [ledger] notes list every "
             "berth fee for the coming season along with the fees charged by the harbour pilots."),
}


def newsgraph(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def served_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("serve")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n" + json.dumps(BRACKETS) + "\n", encoding="utf-8")
    db = folder / "served.db"
    result = newsgraph("ingest", str(EXAMPLES), str(hostile), "--db", str(db))
    assert db.exists(), result.stderr
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db: Path, *flags: str) -> Iterator[str]:
    """The base URL of a ``newsgraph serve`` over ``db`` (with ``flags``) on a free 127.0.0.1 port, once it answers;
    stopped on leaving."""
    port = free_port()
    proc = subprocess.Popen([str(BIN), "serve", "--db", str(db), "--port", str(port), *flags],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    pytest.fail(f"newsgraph serve did not start: {proc.stdout.read() if proc.stdout else ''}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(served_db) -> Iterator[str]:
    """The base URL of a running ``newsgraph serve``; stopped after the session."""
    with serving(served_db) as base:
        yield base


def get(url: str) -> tuple[int, dict, str]:
    """(status, headers, body) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def get_json(url: str) -> tuple[int, dict]:
    status, _, body = get(url)
    return status, json.loads(body)
