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


def test_with_another_thread_running_nothing_is_changed(tmp_path):
    words = _run(COUNTED + f"""
    import threading
    from newsgraph.storage import open_store, stop_memory_count
    started, done = threading.Event(), threading.Event()
    worker = threading.Thread(target=lambda: (started.set(), done.wait()))
    worker.start(); started.wait()
    print(stop_memory_count())  # the other thread could open a connection while SQLite is down: refused
    done.set(); worker.join()
    with open_store({str(tmp_path / "s.db")!r}) as store:
        print(used() > 0)  # still counted
    """)
    assert words == ["False", "True"]


def test_a_count_already_off_is_left_alone_under_an_open_store(tmp_path):
    """Off already (here by hand, as a library built without it would be), every read is 0, so 0 cannot tell that
    nothing is open: the function must not shut SQLite down under the open store."""
    words = _run(COUNTED + f"""
    lib = ctypes.CDLL(importlib.import_module(module).__file__)
    assert lib.sqlite3_shutdown() == 0 and lib.sqlite3_config(9, ctypes.c_int(0)) == 0 and lib.sqlite3_initialize() == 0
    from newsgraph.storage import open_store, stop_memory_count
    store = open_store({str(tmp_path / "s.db")!r})
    print(stop_memory_count(), store.count())
    store.close()
    """)
    assert words == ["True", "0"]


@pytest.mark.parametrize("counting, in_use, threads, step", [
    (False, 0, 1, "off already"),  # 0 in use means nothing when nothing is counted: never a restart
    (False, 0, 3, "off already"),
    (True, 0, 1, "restart"),
    (True, 4096, 1, "refuse"),  # a connection open
    (True, 0, 2, "refuse"),  # another thread could open one while SQLite is down
])
def test_the_restart_happens_only_when_sqlite_counts_holds_nothing_and_runs_one_thread(counting, in_use, threads,
                                                                                         step):
    from newsgraph.storage.sqlite.engine import _memory_count_step
    assert _memory_count_step(counting, in_use, threads) == step
