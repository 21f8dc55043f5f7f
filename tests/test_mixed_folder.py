"""A folder of good pages beside every kind of bad input: all good pages stored, each bad one named once, exit 1.

Peak memory and time for this folder are measured by hand (docs/PROMISES.md gives the command), not asserted here.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from newsgraph.storage.sqlite.engine import sqlite3
import sys
from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.sources.bounds import MAX_INPUT_BYTES

sys.path.insert(0, str(Path(__file__).parent))
from test_hostile_inputs import gzip_bomb  # noqa: E402
from test_warc import http, record  # noqa: E402

PROSE = ("The harbour authority said on Monday that the new crane would be working by the spring, and the union "
         "said its members had agreed to the new shifts after a long vote. ")


def build(folder: Path, examples: Path) -> dict[str, str]:
    """Good pages and every bad input; returns bad file name -> the reason code it must be named with."""
    shutil.copytree(examples, folder)
    bad = {}
    (folder / "bomb.html.gz").write_bytes(gzip_bomb(64 << 20))
    bad["bomb.html.gz"] = "too_large"
    if os.path.exists("/dev/zero"):
        (folder / "zero.html").symlink_to("/dev/zero")
        bad["zero.html"] = "too_large"
    (folder / "again").symlink_to(".")  # a loop: must be walked once, named nowhere
    (folder / "junk.txt").write_bytes(bytes((b % 128) + 128 for b in range(64 * 1024)))
    bad["junk.txt"] = "binary_input"
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 200_000 + "<p>" + PROSE + "</p></body></html>")
    bad["deep.html"] = "too_complex"
    (folder / "huge.html").write_bytes(b"<p>" + b"word " * (MAX_INPUT_BYTES // 5 + 1) + b"</p>")
    bad["huge.html"] = "too_large"
    recs = [record(http(f"<html><body><article><p>{PROSE * (n + 2)}</p><p>Crawl page {n} of four.</p></article>"
                        f"</body></html>".encode()), uri=f"<https://example.org/news/{n}>") for n in range(4)]
    recs[1] = recs[1][:-60]  # cut short: record 2 follows at once
    (folder / "crawl.warc").write_bytes(b"".join(recs))
    bad["crawl.warc"] = "warc_truncated"
    lines = [{"id": "feed-1", "text": PROSE * 3}, {"title": ["not", "a", "string"], "text": PROSE},
             {"id": "feed-2", "text": PROSE * 2 + "The port reopened."}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    bad["feed.jsonl"] = "bad_field"
    long_text = "\n".join(f"Part {n}. {PROSE * 6}" for n in range(140))  # over the NLP cap, kept whole
    (folder / "long.jsonl").write_text(json.dumps({"id": "long-1", "text": long_text}) + "\n")
    locked = folder / "locked"
    locked.mkdir()
    (locked / "x.html").write_text("<p>" + PROSE + "</p>")
    bad["locked"] = "read_error"
    return bad


def test_good_pages_survive_every_bad_input_beside_them(tmp_path, examples_dir, monkeypatch):
    folder = tmp_path / "in"
    bad = build(folder, examples_dir)
    locked = folder / "locked"
    locked.chmod(0)
    if os.geteuid() == 0:  # root lists any folder: have the operating system refuse as it would anyone else
        from newsgraph.sources import bounds
        real = os.scandir
        monkeypatch.setattr(bounds.os, "scandir", lambda p: real(p) if Path(p) != locked else
                            (_ for _ in ()).throw(PermissionError(13, "Permission denied", str(p))))
    db = tmp_path / "mixed.db"
    try:
        result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--stages", "entities,quotes"],
                                    catch_exceptions=False)
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    for name, code in bad.items():
        named = [line for line in errors if re.search(rf"/{re.escape(name)}(#\d+)?: {code}\b", line)]
        assert len(named) == 1, (name, code, errors)
    assert len(errors) == len(bad), errors
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("select id, problems from articles where current = 1").fetchall())
    # 8 examples, the 3 WARC records around the cut one, 2 good JSONL lines, the long text: 14.
    assert len(stored) == 14, sorted(stored)
    assert {"feed-1", "feed-2"} <= set(stored)
    assert sum("text_truncated" in (p or "") for p in stored.values()) == 1
