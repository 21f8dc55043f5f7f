"""The SQLite library the store runs on: ``pysqlite3`` (the ``pysqlite3-binary`` wheel: Python's own ``sqlite3``
module built with a newer SQLite, 3.51) where it is installed, else Python's ``sqlite3`` (the system's SQLite: 3.40
on Debian 12).

Why: FTS5 got faster between those releases. At 10^6 articles bm25 scores the 5,000-match search window 25-30% faster
(4.7-5.0 -> 3.4 ms for a common word), an unfiltered API search 5-17%, and the served first search page used 15%
less CPU (BENCHMARKS.md, serve Run 11). The module is the same code, so the store behaves the same on either; the
project names the wheel for the platform it is built for (Linux x86_64) and every other platform runs on its own.

Every module of the project that opens or inspects a store imports ``sqlite3`` from here, never Python's directly:
two copies of SQLite in one process must not open the same file (closing a file in one drops the POSIX locks the
other holds on it), and an error is caught only as the class of the library that raised it.
"""
from __future__ import annotations

try:
    from pysqlite3 import dbapi2 as sqlite3
except ImportError:  # no wheel for this platform: Python's own module, the same API
    import sqlite3  # noqa: F401  (re-exported)

__all__ = ["sqlite3", "LIBRARY"]

#: Which module and SQLite release the store runs on (``newsgraph --version`` and ``bench serve`` print it).
LIBRARY = f"{sqlite3.__name__.split('.')[0]} (SQLite {sqlite3.sqlite_version})"
