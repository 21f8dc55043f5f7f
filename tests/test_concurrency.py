"""Concurrent writers store each article once; Ctrl-C stops an ingest cleanly, with what was stored kept."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from newsgraph.storage import open_store

WRITER = textwrap.dedent("""
    import sys
    from newsgraph.ids import content_hash
    from newsgraph.model import Article
    from newsgraph.storage import open_store

    with open_store(sys.argv[1]) as store:
        for n in range(40):
            text = f"Article {n}: the council said on Tuesday that plan {n} would go ahead."
            store.put(Article(f"a{n}", text, content_hash(text), title=f"Plan {n}"))
""")


def test_concurrent_writers_store_every_article_once(tmp_path):
    db = tmp_path / "shared.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    procs = [subprocess.Popen([sys.executable, str(script), str(db)], stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    with open_store(db, create=False, readonly=True) as store:
        assert store.count() == 40 and store.count(current_only=False) == 40


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_an_ingest_cleanly_and_keeps_what_was_stored(tmp_path, workers):
    feed = tmp_path / "feed.jsonl"
    prose = "The union said on Friday that the strike at the harbour would end next week, the mayor said. "
    feed.write_text("".join(json.dumps({"id": f"s{n}", "text": f"Story {n}. " + prose * 3}) + "\n"
                            for n in range(20000)))  # more than a run can finish before the Ctrl-C comes
    db = tmp_path / "stopped.db"
    command = [sys.executable, "-c", "from newsgraph.cli.main import cli; cli()"]
    proc = subprocess.Popen(command + ["ingest", str(feed), "--db", str(db),
                             "--stages", "entities", "--workers", str(workers)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_default_sigint)
    try:
        # Wait until articles are being stored, or a minute at most: 20,000 articles take several minutes, so the
        # signal lands mid-run either way (one CI-like run never saw the count move and the ingest ran to its end).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists() and _stored(db) >= 5:
                break
            time.sleep(0.5)
        assert proc.poll() is None, "the ingest ended before the Ctrl-C could be sent"
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the whole process group
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0 and "Traceback" not in err, err
    with open_store(db) as store:  # a writer's open: the quick check passes, nothing half-written
        assert store.count() < 20000


def _default_sigint() -> None:
    # A shell starts a background job ('&', as a CI script may run the suite) with SIGINT ignored, and an ignored
    # signal stays ignored across exec: the ingest would never see the Ctrl-C this test sends. A terminal's
    # foreground ingest has the default disposition; give the child that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stored(db) -> int:
    from newsgraph.storage.sqlite.engine import sqlite3
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
