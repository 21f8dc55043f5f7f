"""The one way the SQLite store writes: a transaction that takes the write lock first and leaves all or nothing.

A store's dedup index opens the article's transaction early (:func:`begin`): its row is written when the dedup
step decides, visible to the next lookups on this connection, and committed only by the ``put`` of that article
(:func:`article_tx`), so the index row and the article are stored together or not at all. Writes made while that
transaction is open (the entity registry's links) join it as savepoints.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from .engine import busy, sqlite3
from ...errors import StoreError
from ..tx import savepoint


#: What a writer is told when another process kept the store's write lock longer than it waited.
BUSY_MESSAGE = ("another process is writing to this store (its lock was held past the wait); try again when it has "
                "finished")


def begin(conn: sqlite3.Connection, what: str) -> None:
    """Open a write transaction unless one is open. IMMEDIATE takes the write lock before the first read, so what
    is read inside (a duplicate lookup, an index row) cannot go stale before the write."""
    if conn.in_transaction:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        if busy(exc):
            raise StoreError(f"cannot write {what}: {BUSY_MESSAGE}") from exc
        raise StoreError(f"cannot write {what}: {exc}") from exc


@contextmanager
def article_tx(conn: sqlite3.Connection, what: str) -> Iterator[None]:
    """The transaction that ends in COMMIT: it joins one :func:`begin` opened (the dedup row written for this
    article) or opens its own; on any error everything since that begin is rolled back."""
    begin(conn, what)
    try:
        yield
        conn.execute("COMMIT")
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"writing {what} failed: {exc}") from exc
        raise


@contextmanager
def write_tx(conn: sqlite3.Connection, what: str) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any error; inside an open transaction a savepoint that
    is released (or rolled back to) instead, and the open transaction's commit decides.
    SQLite errors become :class:`StoreError` naming ``what`` was being written; other exceptions pass unchanged.
    The connection must be in autocommit mode (``isolation_level=None``)."""
    if not conn.in_transaction:
        with article_tx(conn, what):
            yield
        return
    with savepoint(conn, what, sqlite3.Error):
        yield
