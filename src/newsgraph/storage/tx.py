"""The one way the SQLite store writes: a transaction that takes the write lock first and leaves all or nothing."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator

from ..errors import StoreError


@contextmanager
def write_tx(conn: sqlite3.Connection, what: str) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any error. IMMEDIATE takes the write lock before the
    first read, so what is read inside (a duplicate lookup, an index row) cannot go stale before the write.
    SQLite errors become :class:`StoreError` naming ``what`` was being written; other exceptions pass unchanged.
    The connection must be in autocommit mode (``isolation_level=None``) and outside a transaction."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot write {what}: {exc}") from exc
    try:
        yield
        conn.execute("COMMIT")
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"writing {what} failed: {exc}") from exc
        raise
