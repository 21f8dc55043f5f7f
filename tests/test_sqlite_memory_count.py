"""``storage.stop_memory_count``: a server turns off SQLite's process-wide count of its memory before it opens a
store (every allocation of every thread's connection updated it under one lock). Each case runs in a process of its
own: the setting is per process and needs SQLite shut down, so it must never happen with a connection open."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the call is made through the Linux loader")


def _run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


COUNTED = """
    import ctypes, importlib
    from newsgraph.storage.sqlite.engine import sqlite3
    module = "pysqlite3._sqlite3" if "pysqlite3" in sqlite3.__name__ else "_sqlite3"
    used = ctypes.CDLL(importlib.import_module(module).__file__).sqlite3_memory_used
    used.restype = ctypes.c_int64
"""


def test_before_any_connection_the_count_stops_and_stores_work_as_before(tmp_path):
    db = tmp_path / "s.db"
    words = _run(COUNTED + f"""
    from newsgraph.storage import open_store, stop_memory_count
    from newsgraph.model import Article
    from newsgraph.ids import content_hash
    print(stop_memory_count(), stop_memory_count())  # done, then said done without doing it again
    with open_store({str(db)!r}) as store:
        text = "The harbour reopened on Monday after the storm."
        store.put(Article("a", text, content_hash(text), title="Harbour reopens"))
        print(used(), [h.id for h in store.search("harbour")])
    """)
    assert words == ["True", "True", "0", "['a']"]  # nothing counted while a store is open, and it still works


def test_with_a_connection_open_nothing_is_changed(tmp_path):
    words = _run(COUNTED + f"""
    from newsgraph.storage import open_store, stop_memory_count
    store = open_store({str(tmp_path / "s.db")!r})
    print(stop_memory_count(), used() > 0, store.count())
    store.close()
    """)
    assert words == ["False", "True", "0"]  # refused: SQLite keeps counting, the open store keeps working
