"""Guards around opening the SQLite store: readers read only, writers refuse a damaged file, and a full check.

* :func:`connect_readonly` — a reader's connection (``mode=ro``): it needs neither write access nor the write lock,
  so a store on read-only media, a 0444 file, or one another process is re-indexing can be searched. A reader never
  writes the schema, and an empty (0-byte) file is refused rather than silently made into a store.
* :func:`quick_check` — run by a writer at open (``PRAGMA quick_check``): a store with damaged pages is refused
  before anything is written into it. The check reads every page (minutes for a store of 10^6 articles), so a
  writer that closes a store cleanly leaves a seal beside it (``PATH-sealed``: the file's size, modification time
  and inode once its write-ahead log is merged) and the next writer skips the check while the file is exactly as
  that close left it; it removes the seal before writing anything, so a killed writer leaves none and the next open
  checks again.
* :func:`check_store` — ``newsgraph check``: the full ``PRAGMA integrity_check`` and the full-text index's own
  ``integrity-check``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .engine import sqlite3
from ...errors import StoreError
from . import fts

CHECK_HINT = "run `newsgraph check --db {path}` for the details; restore a backup or re-ingest into a new store"


def _uri(path: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(os.path.abspath(path))}?{query}"


def connect_readonly(path: str, timeout: float) -> sqlite3.Connection:
    """A read-only connection to an existing store file; :class:`StoreError` for an empty or unopenable one."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise StoreError(f"cannot open database {path}: {exc.strerror or exc}") from exc
    if size == 0:
        raise StoreError(f"{path} is an empty file, not a newsgraph store (ingest into it to make one)")
    try:
        return _probe(sqlite3.connect(_uri(path, mode="ro"), uri=True, isolation_level=None, timeout=timeout))
    except sqlite3.Error as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise StoreError(f"{path} is not a usable newsgraph database: {exc}") from exc
    # A WAL store in a read-only folder: SQLite cannot create the shared-memory file or the log beside it ("unable
    # to open", or "attempt to write a readonly database" when neither is there). Nobody can write
    # there either, so the file is read as immutable (no locking, no WAL to merge).
    try:
        return _probe(sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True, isolation_level=None))
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {path} read-only: {exc}") from exc


def _probe(conn: sqlite3.Connection) -> sqlite3.Connection:
    """The connection, once its first read worked (a file that is not a database fails here, closed)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def wrote_readonly(exc: BaseException) -> bool:
    """Whether opening failed only because a set-up step had to write through a read-only connection."""
    while exc is not None:
        if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc).replace("read-only", "readonly"):
            return True
        exc = exc.__cause__
    return False


def quick_check(conn: sqlite3.Connection, path: str) -> None:
    """Refuse to write into a store whose pages are damaged (``PRAGMA quick_check``: every page read once)."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is damaged ({exc}); nothing was written. "
                         + CHECK_HINT.format(path=path)) from exc
    if rows != ["ok"]:
        raise StoreError(f"{path} is damaged ({rows[0]}); nothing was written. " + CHECK_HINT.format(path=path))


SEAL = "-sealed"


def _fingerprint(path: str) -> dict[str, int]:
    st = os.stat(path)
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino}


def _log_empty(path: str) -> bool:
    """No write-ahead log beside the file, or an empty one: the file alone holds every committed write."""
    try:
        return os.path.getsize(path + "-wal") == 0
    except OSError:
        return True


def take_seal(path: str) -> bool:
    """Whether the file is exactly as a writer's clean close left it (see :func:`seal`). The seal is removed either
    way, before the writer asking writes anything: the file will differ from it, and a writer killed from here on
    leaves none."""
    try:
        with open(path + SEAL, encoding="utf-8") as f:
            exact = json.load(f) == _fingerprint(path) and _log_empty(path)
    except (OSError, ValueError):
        exact = False
    try:
        os.remove(path + SEAL)
    except FileNotFoundError:
        pass
    except OSError:  # a folder nobody here may write: this open cannot write the file either, and says so
        return False
    return exact


def seal(path: str) -> None:
    """After a writer's clean close: record the file as it is, so the next writer need not read every page again.
    Nothing when another connection still holds writes in the log, or the folder cannot be written."""
    if not _log_empty(path):
        return
    tmp = path + SEAL + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(_fingerprint(path), f)
        os.replace(tmp, path + SEAL)
    except OSError:
        return


def check_store(path: str) -> list[str]:
    """Every problem the full checks find (empty: the store is sound). Reads only; the FTS check runs inside a
    transaction that is rolled back."""
    if not Path(path).is_file():
        return [f"no database at {path}"]
    if os.path.getsize(path) == 0:
        return [f"{path} is an empty file, not a newsgraph store"]
    problems: list[str] = []
    writable = os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)
    try:
        conn = sqlite3.connect(_uri(path, mode="rw" if writable else "ro"), uri=True, isolation_level=None,
                               timeout=30.0)
    except sqlite3.Error as exc:
        return [f"cannot open {path}: {exc}"]
    try:
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(100)").fetchall()]
        except sqlite3.DatabaseError as exc:
            return [f"integrity_check could not finish: {exc}"]
        problems += [r for r in rows if r != "ok"]
        problems += _fts_check(conn, writable)
    finally:
        conn.close()
    return problems


def _fts_check(conn: sqlite3.Connection, writable: bool) -> list[str]:
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name IN ('articles_fts', 'fts_segments')").fetchone():
            return ["no full-text index (articles_fts or fts_segments): not a newsgraph store, or never opened by a"
                    " writer"]
        index = fts.index_of(conn)
    except sqlite3.DatabaseError as exc:
        return [f"the schema cannot be read: {exc}"]
    if not writable:
        return []  # FTS5's check is issued as a write statement; a read-only file cannot run it
    try:
        conn.execute("BEGIN")
        fts.integrity_check(conn, index)
    except sqlite3.DatabaseError as exc:
        return [f"full-text index: {exc}"]
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    return []
