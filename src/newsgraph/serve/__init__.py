"""``newsgraph serve``: the knowledge base over HTTP, read-only (unless ``--allow-ingest``), on loopback by default.

- ``/api/v1/…``: a JSON API whose responses are the query layer's typed results ``as_dict()`` (the same shapes the
  CLI prints); the OpenAPI schema is at ``/api/v1/openapi.json``; errors are ``{"error": {"code", "message"}}``.
- ``/``: the web reader, server-rendered HTML that works without JavaScript (search, article audit view, entity,
  quotes and story pages).

The server reads through ``newsgraph.query`` and the store interface only; it needs the ``web`` extra.
"""
from __future__ import annotations

import gc
import ipaddress
from typing import Iterable, Optional

from ..errors import MissingExtra

__all__ = ["create_app", "run"]


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(db: str, allow_ingest: bool = False, max_ingest_bytes: Optional[int] = None,
               hosts: Optional[Iterable[str]] = None, cache: int = 0, threads: Optional[int] = None,
               window: Optional[int] = None, page_cache_mib: Optional[int] = None):
    """The ASGI app over the store at ``db`` (opened read-only per worker thread, never created); with
    ``allow_ingest``, ``POST /api/v1/ingest`` writes to it (bodies up to ``max_ingest_bytes``); ``hosts``: the only
    ``Host`` names it answers (None: any); ``cache``: answers (search rankings and pages, entity pages) kept for
    the process until the store changes (0: none); ``threads``: requests served at once (None: AnyIO's default);
    ``window``: how many of a broad search's newest matches are ranked (None: the store's default, 0: all);
    ``page_cache_mib``: SQLite's page cache for the server, shared among its threads (None: SQLite's default)."""
    try:
        from .app import build
        from .ingest import MAX_INGEST_BYTES
    except ImportError as exc:  # fastapi / jinja2 absent
        raise MissingExtra(exc.name or "fastapi", "web") from exc
    return build(db, allow_ingest, max_ingest_bytes or MAX_INGEST_BYTES, hosts, cache, threads, window,
                 page_cache_mib)


def run(db: str, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
        max_ingest_bytes: Optional[int] = None, cache: int = 0, threads: Optional[int] = None,
        window: Optional[int] = None, page_cache_mib: Optional[int] = None) -> None:
    """Serve until interrupted. On a loopback address only loopback host names are answered, so a web page whose
    name was pointed at this machine (DNS rebinding) gets a 400, not the knowledge base."""
    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtra("uvicorn", "web") from exc
    from ..storage import stop_memory_count
    from .app import LOOPBACK_HOSTS, default_threads
    stop_memory_count()  # before the first connection: see there
    hosts = LOOPBACK_HOSTS | {host} if loopback(host) else None
    app = create_app(db, allow_ingest, max_ingest_bytes, hosts, cache, threads or default_threads(), window,
                     page_cache_mib)
    # What the program loaded (FastAPI, pydantic, Jinja2, the store; some 70,000 objects) lives as long as the
    # process: out of the collector's reach, its full collections scan only what requests leave behind (at 10^6
    # articles they stopped every request for up to 55 ms, six times in 4,000 requests; BENCHMARKS serve Run 12).
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=host, port=port,
                log_level="warning", access_log=False)
