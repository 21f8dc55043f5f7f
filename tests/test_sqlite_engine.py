"""The SQLite library the store runs on (storage/sqlite/engine.py): one for the whole project, the newer one where
its wheel is installed, Python's own otherwise, and the store works the same on either."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from newsgraph.ids import content_hash
from newsgraph.model import Article
from newsgraph.storage import open_store
from newsgraph.storage.sqlite import engine

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"


def test_no_module_but_the_engine_imports_sqlite_itself():
    # Two copies of SQLite in one process must never open the same file, and an error is caught only as the class
    # of the library that raised it: every module takes sqlite3 from the engine.
    direct = re.compile(r"^\s*(import sqlite3|from sqlite3 import|import pysqlite3|from pysqlite3)", re.M)
    offenders = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                 if p.name != "engine.py" and direct.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_store_connects_with_the_engines_library(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        assert isinstance(store._conn, engine.sqlite3.Connection)
    assert engine.sqlite3.sqlite_version in engine.LIBRARY


def test_without_the_newer_library_the_store_runs_on_pythons_own(tmp_path):
    hide = tmp_path / "hide"
    (hide / "pysqlite3").mkdir(parents=True)
    (hide / "pysqlite3" / "__init__.py").write_text("raise ImportError('not on this platform')\n")
    script = f"""
import sqlite3 as stdlib
from newsgraph.storage.sqlite import engine
from newsgraph.storage import open_store
from newsgraph.model import Article
from newsgraph.ids import content_hash
assert engine.sqlite3 is stdlib, engine.sqlite3
with open_store({str(tmp_path / "fallback.db")!r}) as store:
    text = "The harbour board met on Tuesday."
    store.put(Article("h1", text, content_hash(text)))
    assert [h.id for h in store.search("harbour")] == ["h1"]
print(engine.LIBRARY)
"""
    env_path = f"{hide}:{SRC.parent}"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("sqlite3 (SQLite ")
    # The file the fallback wrote opens with whichever library this process runs on.
    with open_store(tmp_path / "fallback.db", readonly=True) as store:
        assert store.search_count("harbour") == 1
    text = "A second harbour story."
    with open_store(tmp_path / "fallback.db") as store:
        store.put(Article("h2", text, content_hash(text)))
        assert store.search_count("harbour") == 2


def test_version_names_the_sqlite_the_store_runs_on():
    from click.testing import CliRunner

    from newsgraph.cli.main import cli
    out = CliRunner().invoke(cli, ["--version"])
    assert out.exit_code == 0 and out.output.strip().endswith(engine.LIBRARY)


def test_a_store_the_newer_library_wrote_opens_on_pythons_own(tmp_path):
    # A store made on Linux x86_64 (the newer SQLite) opened where only Python's own serves (another platform).
    path = tmp_path / "made_here.db"
    with open_store(path) as store:
        for i in range(3):
            text = f"The harbour board met, session {i}."
            store.put(Article(f"m{i}", text, content_hash(text)))
    hide = tmp_path / "hide"
    (hide / "pysqlite3").mkdir(parents=True)
    (hide / "pysqlite3" / "__init__.py").write_text("raise ImportError('not on this platform')\n")
    script = f"""
from newsgraph.storage import check_store, open_store
from newsgraph.model import Article
from newsgraph.ids import content_hash
with open_store({str(path)!r}) as store:
    assert store.search_count("harbour") == 3
    store.put(Article("m9", "A late harbour note.", content_hash("A late harbour note.")))
    assert store.search_count("harbour") == 4
assert check_store({str(path)!r}) == []
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": f"{hide}:{SRC.parent}", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
