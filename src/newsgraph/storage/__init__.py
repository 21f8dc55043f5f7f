"""Storage: where analysed articles live. One interface (:class:`Store`), SQLite by default.

    with open_store("news.db") as store:
        store.put(article)
        hits = store.search("red line")
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Union

from ..errors import ConfigError, StoreError
from .base import PutResult, PutStatus, QuoteHit, SearchHit, Store, StoryMember
from .sqlite import SQLiteStore

__all__ = ["Store", "PutResult", "PutStatus", "SearchHit", "QuoteHit", "StoryMember", "SQLiteStore", "open_store",
           "default_db_path", "DEFAULT_DB"]

DEFAULT_DB = "newsgraph.db"
ENV_VAR = "NEWSGRAPH_DB"


def default_db_path(env: Mapping[str, str] = os.environ) -> str:
    """The store to use when none is named: ``$NEWSGRAPH_DB``, else ``./newsgraph.db``.

    A string, not a Path: the setting may later hold a PostgreSQL URL, which Path would mangle.
    """
    return env.get(ENV_VAR) or DEFAULT_DB


def open_store(path: Union[str, Path, None] = None, *, create: bool = True) -> Store:
    """Open the store at ``path``, creating it when ``create`` (writers); readers pass ``create=False`` so a typo
    in ``--db`` is an error instead of a new empty database. Raises ``StoreError`` for a file that is not one."""
    target = default_db_path() if path is None else str(path)
    if target.startswith(("postgres://", "postgresql://")):
        raise ConfigError("the PostgreSQL store is not available yet; use an SQLite file path")
    if not create and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"no database at {target} (ingest something first, or pass --db)")
    return SQLiteStore(target)
