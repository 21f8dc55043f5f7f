"""The SQLite backend: the whole store in one file. Every SQL string of the SQLite store lives in this package.

Only ``newsgraph.storage`` imports it (``open_store`` picks it for a file path); everything else uses the
interface in ``newsgraph.storage.base``.
"""
from __future__ import annotations

from .search import fts_query
from .store import SQLiteStore

__all__ = ["SQLiteStore", "fts_query"]
