"""Storage: where analysed articles live. One interface (``base.Store``), chosen by URL; SQLite by default.

    with open_store("news.db") as store:
        store.put(article)
        hits = store.search("red line")

``base`` is the whole contract (the store, its dedup index, entity registry and entity views, and the records they
return); each backend lives in its own package (``sqlite/``, ``postgres/``) and is imported only here.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Mapping, Union

from ..errors import ConfigError, StoreError
from .base import (SEARCH_WINDOW, DedupIndex, EntityRegistry, EntityViews, PutResult, PutStatus, QuoteHit,
                   SearchFilters, SearchHit, Store, StoryMember)

__all__ = ["Store", "DedupIndex", "EntityRegistry", "EntityViews", "PutResult", "PutStatus", "SearchHit",
           "SearchFilters", "QuoteHit", "StoryMember", "SEARCH_WINDOW", "open_store", "default_db_path",
           "DEFAULT_DB", "POSTGRES_SCHEMES", "check_store", "answer_cache", "sqlite_library", "is_store_damage",
           "is_store_busy", "stop_memory_count"]

DEFAULT_DB = "newsgraph.db"
ENV_VAR = "NEWSGRAPH_DB"
POSTGRES_SCHEMES = ("postgres://", "postgresql://")


def default_db_path(env: Mapping[str, str] = os.environ) -> str:
    """The store to use when none is named: ``$NEWSGRAPH_DB``, else ``./newsgraph.db``.

    A string, not a Path: the setting may hold a PostgreSQL URL, which Path would mangle.
    """
    return env.get(ENV_VAR) or DEFAULT_DB


def open_store(url: Union[str, Path, None] = None, *, create: bool = True, readonly: bool = False) -> Store:
    """Open the store ``url`` names: a file path (or ``:memory:``) is an SQLite store, ``postgresql://…`` a
    PostgreSQL one. Writers create a missing SQLite file; readers pass ``create=False`` so a typo in ``--db`` is an
    error instead of a new empty database. Raises ``StoreError`` for a file that is not a store (or, for a writer,
    one that is damaged). ``readonly``: a reader's store, opened read-only; its schema is never written, so it
    needs no write access and waits for no writer's lock."""
    target = default_db_path() if url is None else str(url)
    if target.startswith(POSTGRES_SCHEMES):
        try:
            from .postgres import PostgresStore  # psycopg is an extra: load it only when a URL asks for it
        except ImportError as exc:
            raise ConfigError(f"a {target.split('://')[0]}:// store needs the 'postgres' extra"
                              f" (pip install 'newsgraph[postgres]'): {exc}") from exc
        return PostgresStore(target, create=create, readonly=readonly)
    if not create and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"no database at {target} (ingest something first, or pass --db)")
    from .sqlite import SQLiteStore  # the backend loads only when chosen
    return SQLiteStore(target, readonly=readonly)


def sqlite_library() -> str:
    """The library the SQLite store runs on, module and SQLite release (``storage/sqlite/engine.py``): for
    ``newsgraph --version`` and the benches' reports."""
    try:
        from .sqlite.engine import LIBRARY
    except ConfigError as exc:  # NEWSGRAPH_SQLITE names a library that cannot be used
        return f"no SQLite library: {exc}"
    return LIBRARY


def stop_memory_count() -> bool:
    """For a process about to serve from several threads, before it opens a store: SQLite stops counting its
    memory under a process-wide lock (``storage/sqlite/engine.py``). Whether it was done."""
    try:
        from .sqlite.engine import stop_memory_count as stop
    except ConfigError:  # NEWSGRAPH_SQLITE names a library that cannot be used: the store's open says so
        return False
    return stop()


def is_store_damage(exc: BaseException) -> bool:
    """Whether ``exc`` is the SQLite library's report of a store page it could not read (damage, not a bug), not a
    lock another process held too long. Only the engine's own class: a store raises nothing else, and it is loaded
    whenever a store was opened."""
    engine = sys.modules.get("newsgraph.storage.sqlite.engine")
    return engine is not None and isinstance(exc, engine.sqlite3.DatabaseError) and not engine.busy(exc)


def is_store_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is the SQLite library giving up on another process's write lock ("database is locked")."""
    engine = sys.modules.get("newsgraph.storage.sqlite.engine")
    return engine is not None and engine.busy(exc)


def check_store(url: Union[str, Path, None] = None) -> list[str]:
    """The store's full checks (for SQLite: ``integrity_check`` and the full-text index's own check); the problems
    found, an empty list for a sound store. Reads only."""
    target = default_db_path() if url is None else str(url)
    if target.startswith(POSTGRES_SCHEMES):
        raise ConfigError("newsgraph check reads SQLite files; a PostgreSQL store is checked by the server's own"
                          " tools (pg_amcheck)")
    from .sqlite.guard import check_store as check_sqlite
    return check_sqlite(target)


def answer_cache(entries: int):
    """A cache of answers (search rankings and pages, entity pages) for the stores of one process to share through
    ``share_rankings`` (``newsgraph serve``: a store per worker thread); only SQLite stores take it, each answer
    kept until the file changes (``storage.sqlite.rank_cache``)."""
    from .sqlite.rank_cache import RankCache  # the backend loads only when asked for
    return RankCache(entries)
