"""The SQLite library the store runs on: Python's own ``sqlite3`` (the system's SQLite: 3.40 on Debian 12), or, when
``NEWSGRAPH_SQLITE=pysqlite3`` is set, ``pysqlite3`` (the ``pysqlite3-binary`` wheel of the ``fast-read`` extra:
the same module built with SQLite 3.51 and its own compile options; Linux x86_64 only).

Why the choice: bm25 over the 5,000-match search window runs 25-30% faster on that build, and a server answering
uncached searches at 10^6 articles spent 10-15% less CPU per request (BENCHMARKS.md, serve Run 11). Why not the
default: the wheel's SQLite is compiled with ``TEMP_STORE=3`` (temporary tables, sorts that spill and statement
journals always in memory, whatever ``PRAGMA temp_store`` says): ``reindex`` of a 60k-article store peaked at
295 MB against 39, growing ~4.3 MB per 1,000 articles (gigabytes at 10^6, by that rate), and the end of a bulk
load or an index build would grow alike; and without ``SECURE_DELETE`` the text of a retired revision stays in the
file's free pages. It is for read-only serving (``NEWSGRAPH_SQLITE=pysqlite3 newsgraph serve --db news.db``), and
the whole-store rebuilds refuse to start on it (:func:`refuse_whole_store_work`).

Every module of the project that opens or inspects a store imports ``sqlite3`` from here, never Python's directly:
two copies of SQLite in one process must not open the same file (closing a file in one drops the POSIX locks the
other holds on it), and an error is caught only as the class of the library that raised it. A store written by
either library opens on the other (tests/test_sqlite_engine.py).
"""
from __future__ import annotations

import ctypes
import importlib
import os
import sys
import threading

from ...errors import ConfigError

__all__ = ["sqlite3", "LIBRARY", "CHOICE_VAR", "busy", "refuse_whole_store_work", "stop_memory_count"]

CHOICE_VAR = "NEWSGRAPH_SQLITE"
_choice = os.environ.get(CHOICE_VAR, "").strip().lower()
if _choice in ("", "sqlite3", "python"):
    import sqlite3
elif _choice == "pysqlite3":
    try:
        from pysqlite3 import dbapi2 as sqlite3
    except ImportError as exc:
        raise ConfigError(f"{CHOICE_VAR}=pysqlite3 needs the 'fast-read' extra (pip install 'newsgraph[fast-read]'; "
                          f"Linux x86_64 only): {exc}") from exc
else:
    raise ConfigError(f"{CHOICE_VAR} must be pysqlite3 or sqlite3 (Python's own, the default), not {_choice!r}")

#: Which module and SQLite release the store runs on (``newsgraph --version`` and ``bench serve`` print it).
LIBRARY = f"{sqlite3.__name__.split('.')[0]} (SQLite {sqlite3.sqlite_version})"


_BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (the low byte of their extended codes too)


def busy(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite giving up on another connection's lock ("database is locked"): the store is being
    written by someone else, not damaged."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return "is locked" in str(exc)


def refuse_whole_store_work(what: str) -> None:
    """Stop ``what`` (a rebuild of the whole store: the per-entity recount, the full-text index, a bulk load's
    indexes) before it starts on the fast-read build, whose temporary data would stay in memory (``TEMP_STORE=3``:
    gigabytes at 10^6 articles); the store is left as it was."""
    if sqlite3.__name__.startswith("pysqlite3"):
        raise ConfigError(f"{what} rebuilds the whole store, and on {CHOICE_VAR}=pysqlite3 its temporary data would "
                          f"stay in memory (that build keeps it there); run it without {CHOICE_VAR}")


_CONFIG_MEMSTATUS = 9  # SQLITE_CONFIG_MEMSTATUS
_OK = 0
_memory_count_stopped = False
_memory_count_lock = threading.Lock()


def stop_memory_count() -> bool:
    """Stop SQLite's count of the memory it holds (``SQLITE_CONFIG_MEMSTATUS``), which every allocation of every
    connection of the process updates under one process-wide lock: a server's worker threads, each reading through
    its own connection, took turns for it (at 10^6 articles under 8 clients, server CPU per first search page fell
    16.3 -> 14.1 ms without it; BENCHMARKS serve Run 12; SQLite's documentation recommends building without it).

    Python's module has no call for ``sqlite3_config``, and the setting needs SQLite shut down and started again, so
    this is for a process's start (``newsgraph serve``, before its first connection): it is made through ctypes on
    the library the module runs on, and only on Linux (the call takes a variable argument list, which ctypes passes
    right there), with no other thread running and SQLite holding no memory. Whether SQLite counts at all is tried
    first (a library built without the count, or one already stopped, reads 0 for everything and is left alone: 0
    could not then tell that nothing is open). Returns whether the count is off; where it cannot be done nothing
    changes."""
    global _memory_count_stopped
    if not sys.platform.startswith("linux"):
        return False
    with _memory_count_lock:
        if _memory_count_stopped:
            return True
        try:
            module = "pysqlite3._sqlite3" if sqlite3.__name__.startswith("pysqlite3") else "_sqlite3"
            library = ctypes.CDLL(importlib.import_module(module).__file__)
            used, probe, free = library.sqlite3_memory_used, library.sqlite3_malloc, library.sqlite3_free
            shutdown, config, initialize = library.sqlite3_shutdown, library.sqlite3_config, library.sqlite3_initialize
        except (OSError, AttributeError, ImportError, TypeError):
            return False
        used.restype = ctypes.c_int64
        probe.restype, probe.argtypes = ctypes.c_void_p, [ctypes.c_int]
        free.argtypes = [ctypes.c_void_p]
        block = probe(64)
        counting = used() > 0
        free(block)
        step = _memory_count_step(counting, used(), threading.active_count())
        if step != "restart":
            _memory_count_stopped = step == "off already"
            return _memory_count_stopped
        if shutdown() != _OK:
            return False
        configured = config(_CONFIG_MEMSTATUS, ctypes.c_int(0)) == _OK
        _memory_count_stopped = initialize() == _OK and configured
        return _memory_count_stopped


def _memory_count_step(counting: bool, in_use: int, threads: int) -> str:
    """What :func:`stop_memory_count` may do: "off already" (SQLite does not count: nothing to stop, and 0 in use
    would not mean that nothing is open), "refuse" (memory in use, or another thread that may open a connection
    while SQLite is down), or "restart" (shut SQLite down, set the count off, start it again)."""
    if not counting:
        return "off already"
    if in_use or threads != 1:
        return "refuse"
    return "restart"
