"""The SQLite library the store runs on (storage/sqlite/engine.py): one for the whole process, Python's own unless
NEWSGRAPH_SQLITE=pysqlite3 asks for the fast-read extra's, and a store written by either works on the other."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.ids import content_hash
from newsgraph.model import Article
from newsgraph.storage import open_store
from newsgraph.storage.sqlite import engine

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"


def _run(script: str, choice: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != engine.CHOICE_VAR}
    env.update({"PYTHONPATH": str(SRC.parent), **({engine.CHOICE_VAR: choice} if choice else {})})
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)


def _fast_read_installed() -> bool:
    return _run("import pysqlite3.dbapi2", "").returncode == 0


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
    out = CliRunner().invoke(cli, ["--version"])
    assert out.exit_code == 0 and out.output.strip().endswith(engine.LIBRARY)


def test_pythons_own_module_unless_asked():
    done = _run("import sqlite3\nfrom newsgraph.storage.sqlite import engine\nassert engine.sqlite3 is sqlite3\n"
                "print(engine.LIBRARY)", "")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("sqlite3 (SQLite ")


def test_an_unknown_choice_is_a_clear_error_not_a_traceback(tmp_path):
    open_store(tmp_path / "x.db").close()
    env = {k: v for k, v in os.environ.items() if k != engine.CHOICE_VAR}
    env.update({"PYTHONPATH": str(SRC.parent), engine.CHOICE_VAR: "oracle"})
    done = subprocess.run([sys.executable, "-c", "from newsgraph.cli.main import cli; cli()", "search", "harbour",
                           "--db", str(tmp_path / "x.db")], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2 and "NEWSGRAPH_SQLITE must be pysqlite3 or sqlite3" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not _fast_read_installed(), reason="the fast-read extra (pysqlite3-binary) is not installed")
def test_a_store_written_by_either_library_works_on_the_other(tmp_path):
    path = tmp_path / "s.db"
    write = f"""
from newsgraph.storage import check_store, open_store
from newsgraph.model import Article
from newsgraph.ids import content_hash
from newsgraph.storage.sqlite import engine
with open_store({str(path)!r}) as store:
    n = store.search_count("harbour")
    text = f"The harbour board met, session {{n}}."
    store.put(Article(f"m{{n}}", text, content_hash(text)))
    assert store.search_count("harbour") == n + 1
    assert [h.id for h in store.search("harbour", limit=50)][0].startswith("m")
assert check_store({str(path)!r}) == []
print(engine.LIBRARY)
"""
    for round_ in range(2):
        for choice in ("pysqlite3", ""):
            done = _run(write, choice)
            assert done.returncode == 0, done.stderr
            assert done.stdout.startswith("pysqlite3 (SQLite " if choice else "sqlite3 (SQLite ")
    with open_store(path, readonly=True) as store:
        assert store.search_count("harbour") == 4


@pytest.mark.skipif(not _fast_read_installed(), reason="the fast-read extra (pysqlite3-binary) is not installed")
def test_the_fast_read_build_refuses_whole_store_rebuilds_and_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "r.db"
    with open_store(path) as store:
        for i in range(3):
            text = f"The harbour board met, session {i}."
            store.put(Article(f"r{i}", text, content_hash(text)))
    env = {k: v for k, v in os.environ.items() if k != engine.CHOICE_VAR}
    env.update({"PYTHONPATH": str(SRC.parent), engine.CHOICE_VAR: "pysqlite3"})
    cli_argv = [sys.executable, "-c", "from newsgraph.cli.main import cli; cli()"]
    done = subprocess.run(cli_argv + ["reindex", "--db", str(path)], capture_output=True, text=True, timeout=120,
                          env=env)
    assert done.returncode == 2 and "run it without NEWSGRAPH_SQLITE" in done.stderr, done.stderr
    searched = subprocess.run(cli_argv + ["search", "harbour", "--db", str(path)], capture_output=True, text=True,
                              timeout=120, env=env)
    assert searched.returncode == 0 and searched.stdout.count("board met") == 3  # reading is what it is for
    bulk = _run(f"""
from newsgraph.storage import open_store
from newsgraph.bench.search import load
with open_store({str(tmp_path / "bulk.db")!r}) as store:
    load(store, 5, 1)
""", "pysqlite3")
    assert bulk.returncode != 0 and "a bulk load rebuilds the whole store" in bulk.stderr
    with open_store(path, readonly=True) as store:
        assert store.search_count("harbour") == 3
