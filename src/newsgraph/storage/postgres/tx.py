"""How the PostgreSQL store writes: one transaction per article, serialised across writers by an advisory lock.

Every write transaction starts by taking one transaction-level advisory lock (:data:`WRITE_LOCK`), so the writers of
one database take turns exactly as SQLite's ``BEGIN IMMEDIATE`` makes them: an article's dedup lookups, its index
row, its entity links and its rows are read and written by one writer at a time, and two ``ingest`` processes can
neither store an article twice nor both create the same story, entity or dedup row. The lock is released by COMMIT
or ROLLBACK, or by the server when a writer's connection dies (a killed process leaves nothing half-written).
Readers never take it. As in the SQLite store, the dedup index opens the transaction early (:func:`begin`) and the
article's ``put`` commits it (:func:`article_tx`); writes made while it is open join it as savepoints.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import psycopg
from psycopg.pq import TransactionStatus

from ...errors import StoreError
from ..tx import savepoint

#: The advisory lock key every writer takes ("ng" + 1: any constant no other application of the database uses).
WRITE_LOCK = 0x6E6701


def in_transaction(conn: psycopg.Connection) -> bool:
    return conn.info.transaction_status != TransactionStatus.IDLE


def begin(conn: psycopg.Connection, what: str) -> None:
    """Open a write transaction holding the write lock, unless one is open."""
    if in_transaction(conn):
        return
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    except psycopg.Error as exc:
        _rollback(conn)
        raise StoreError(f"cannot write {what}: {exc}") from exc


def _rollback(conn: psycopg.Connection) -> None:
    if not conn.closed and in_transaction(conn):
        conn.execute("ROLLBACK")


@contextmanager
def article_tx(conn: psycopg.Connection, what: str) -> Iterator[None]:
    """The transaction that ends in COMMIT: it joins one :func:`begin` opened or opens its own; on any error
    everything since that begin is rolled back."""
    begin(conn, what)
    try:
        yield
        conn.execute("COMMIT")
    except BaseException as exc:
        _rollback(conn)
        if isinstance(exc, psycopg.Error):
            raise StoreError(f"writing {what} failed: {exc}") from exc
        raise


@contextmanager
def write_tx(conn: psycopg.Connection, what: str) -> Iterator[None]:
    """:func:`article_tx` outside a transaction; inside one, a savepoint released (or rolled back to) instead, so
    the open transaction's commit decides. Database errors become :class:`StoreError` naming ``what``."""
    if not in_transaction(conn):
        with article_tx(conn, what):
            yield
        return
    with savepoint(conn, what, psycopg.Error):
        yield
