"""``POST /api/v1/ingest``: the one endpoint that writes, and only when ``newsgraph serve --allow-ingest`` says so.

The body is JSONL (one ``{"text": …}`` or ``{"html": …}`` object a line, as ``newsgraph ingest`` reads a .jsonl
file) or one HTML page. It is written to a temporary file of that kind and handed to :func:`newsgraph.run.ingest`,
the code path of ``newsgraph ingest`` itself (extraction, enrichment, dedup, linking, clustering, storing), into the
served store. One request writes at a time (a lock; SQLite would serialise writers anyway, but one at a time keeps
a waiting request from timing out on the store's lock). Bodies over ``--max-ingest-bytes`` get 413 before they are
read in full.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from ..model import Article, Rejected

router = APIRouter(prefix="/api/v1")

#: The default of ``serve --max-ingest-bytes``: a few hundred articles of JSONL, or any real page.
MAX_INGEST_BYTES = 10_000_000
#: What a request's origins are called in the answer, instead of the server's temporary file.
ORIGIN = "request"


@dataclass
class IngestSettings:
    """How the served store takes writes: its location, the body size limit, and the lock writers take."""

    db: str
    max_bytes: int = MAX_INGEST_BYTES
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ingest(self, body: bytes, suffix: str) -> dict[str, Any]:
        """Run the normal ingest over ``body`` (a .jsonl or .html file's bytes) into the store, one writer at a
        time; the answer names each article stored and each input rejected."""
        from ..pipeline import Options
        from ..run import ingest
        from ..storage import open_store
        seen: list[Article] = []
        rejected: list[Rejected] = []

        def progress(item) -> None:
            (seen if isinstance(item, Article) else rejected).append(item)

        # Named by the body's hash: an article with neither id nor url gets its id from its input's path and
        # position (newsgraph.ids), so the same body posted again gets the same ids and is stored once.
        with self.lock:
            path = _private_folder() / f"{hashlib.sha256(body).hexdigest()[:32]}{suffix}"
            path.unlink(missing_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(body)
            try:
                with open_store(self.db, create=False, readonly=False) as store:
                    summary = ingest([str(path)], store, Options(), progress=progress)
            finally:
                path.unlink(missing_ok=True)
        hidden = str(path)
        return {
            "articles": [{"id": a.id, "title": a.title, "duplicate_of": a.duplicate_of,
                          "problems": [p.code for p in a.problems]} for a in seen],
            "rejected": [{"origin": _origin(r.origin, hidden), "code": r.code, "detail": r.detail,
                          "fatal": r.fatal} for r in rejected],
            "stored": summary.stored, "revised": summary.revised, "unchanged": summary.unchanged,
            "duplicates": summary.duplicates, "problems": dict(sorted(summary.problems.items())),
        }


def _private_folder() -> Path:
    """This user's folder for posted bodies under the temporary directory: made 0700, and refused when it is a link
    or another user's (a shared /tmp must not let anyone plant or redirect the file a body is written to)."""
    folder = Path(tempfile.gettempdir()) / f"newsgraph-ingest-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise RuntimeError(f"{folder} is not a private folder of this user")
    return folder


def _origin(origin: Optional[str], path: str) -> str:
    """An input's origin as the client knows it: ``request`` (``request#3`` for a JSONL line), never the server's
    temporary path."""
    origin = origin or ""
    return ORIGIN + origin[len(path):] if origin.startswith(path) else origin.replace(path, ORIGIN)


def _suffix(content_type: str) -> str:
    kind = content_type.split(";", 1)[0].strip().lower()
    if "html" in kind:
        return ".html"
    if "json" in kind:  # application/x-ndjson, application/jsonl, application/json-lines, application/json
        return ".jsonl"
    raise HTTPException(415, f"content type {kind or '(none)'!r} is neither JSONL (application/x-ndjson, one "
                             "{\"text\": …} or {\"html\": …} object a line) nor one HTML page (text/html)")


async def _body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to pass ``limit`` bytes (by its Content-Length, or while
    it streams in)."""
    too_big = HTTPException(413, f"the body is over the server's ingest limit of {limit:,} bytes "
                                 "(newsgraph serve --max-ingest-bytes)")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_big
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_big
    return bytes(body)


@router.post("/ingest", summary="Ingest JSONL lines (each {\"text\": …} or {\"html\": …}) or one HTML page "
             "into the served store, as `newsgraph ingest` does (403 unless started with `serve --allow-ingest`; "
             "413 over --max-ingest-bytes)")
async def ingest(request: Request) -> dict[str, Any]:
    settings: Optional[IngestSettings] = request.app.state.ingest
    if settings is None:
        raise HTTPException(403, "this server is read-only: start it with `newsgraph serve --allow-ingest` to "
                                 "accept POST /api/v1/ingest")
    suffix = _suffix(request.headers.get("content-type", ""))
    body = await _body(request, settings.max_bytes)
    if not body.strip():
        raise HTTPException(400, "the body is empty: send JSONL lines or one HTML page")
    return await run_in_threadpool(settings.ingest, body, suffix)
