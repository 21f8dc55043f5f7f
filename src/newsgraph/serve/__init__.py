"""``newsgraph serve``: the knowledge base over HTTP, read-only (unless ``--allow-ingest``), on loopback by default.

- ``/api/v1/…``: a JSON API whose responses are the query layer's typed results ``as_dict()`` (the same shapes the
  CLI prints); the OpenAPI schema is at ``/api/v1/openapi.json``; errors are ``{"error": {"code", "message"}}``.
- ``/``: the web reader, server-rendered HTML that works without JavaScript (search, article audit view, entity,
  quotes and story pages).

The server reads through ``newsgraph.query`` and the store interface only; it needs the ``web`` extra.
"""
from __future__ import annotations

from typing import Optional

from ..errors import MissingExtra

__all__ = ["create_app", "run"]


def create_app(db: str, allow_ingest: bool = False, max_ingest_bytes: Optional[int] = None):
    """The ASGI app over the store at ``db`` (opened read-only per worker thread, never created); with
    ``allow_ingest``, ``POST /api/v1/ingest`` writes to it (bodies up to ``max_ingest_bytes``)."""
    try:
        from .app import build
        from .ingest import MAX_INGEST_BYTES
    except ImportError as exc:  # fastapi / jinja2 absent
        raise MissingExtra(exc.name or "fastapi", "web") from exc
    return build(db, allow_ingest, max_ingest_bytes or MAX_INGEST_BYTES)


def run(db: str, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
        max_ingest_bytes: Optional[int] = None) -> None:
    """Serve until interrupted."""
    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtra("uvicorn", "web") from exc
    uvicorn.run(create_app(db, allow_ingest, max_ingest_bytes), host=host, port=port, log_level="warning",
                access_log=False)
