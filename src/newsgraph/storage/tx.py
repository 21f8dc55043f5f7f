"""What both backends' write transactions share: the savepoint a write opens inside an article's open transaction.

SQLite and PostgreSQL both speak ``SAVEPOINT`` / ``RELEASE SAVEPOINT`` / ``ROLLBACK TO SAVEPOINT``; what differs
between the backends (how a transaction begins and takes the write lock, which errors are the database's) stays in
``sqlite/tx.py`` and ``postgres/tx.py``.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from ..errors import StoreError


@contextmanager
def savepoint(conn: Any, what: str, db_error: type[BaseException]) -> Iterator[None]:
    """A savepoint released on success, or rolled back to (and released) on any error, so the open transaction's
    commit decides. A ``db_error`` becomes :class:`StoreError` naming ``what``; other exceptions pass unchanged."""
    conn.execute("SAVEPOINT write_tx")
    try:
        yield
        conn.execute("RELEASE SAVEPOINT write_tx")
    except BaseException as exc:
        conn.execute("ROLLBACK TO SAVEPOINT write_tx")
        conn.execute("RELEASE SAVEPOINT write_tx")
        if isinstance(exc, db_error):
            raise StoreError(f"writing {what} failed: {exc}") from exc
        raise
