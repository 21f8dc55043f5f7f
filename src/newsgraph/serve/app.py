"""The ASGI app: one store connection per worker thread, security headers, and errors that never leak a traceback.

Why a connection per thread: FastAPI runs plain (non-async) endpoints in a thread pool, and an SQLite connection
belongs to the thread that opened it. Concurrent readers then read in parallel (WAL lets them).
"""
from __future__ import annotations

import os
import threading
import weakref
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Iterable, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ConfigError, NewsgraphError
from ..storage import Store, open_store
from . import api, ingest, quotations, web

HERE = Path(__file__).parent
#: No inline script, no other origin: stored article text can never run as code even if escaping failed somewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}


#: SQLite's page cache per connection when none is asked for (``PRAGMA cache_size = -2000``).
SQLITE_DEFAULT_CACHE_KIB = 2000


class StorePool:
    """A store per thread, opened read-only on first use (never created, its schema never written). With
    ``cache`` entries (a store that can share them: SQLite), the stores keep search rankings, counts and pages
    and entity pages in one cache for the process, answered again until the file changes
    (``storage.sqlite.rank_cache``)."""

    def __init__(self, db: str, cache: int = 0, window: Optional[int] = None, page_cache_kib: Optional[int] = None):
        self.db = db
        self.window = window  # None: the store's own search window
        self.page_cache_kib = page_cache_kib  # per store (connection); None: SQLite's default
        self.cache = None
        if cache > 0:
            from ..storage import answer_cache
            self.cache = answer_cache(cache)
        self._local = threading.local()
        self._lock = threading.Lock()
        # Weakly: AnyIO ends a worker thread idle for 10 s and starts another for the next burst, so a list kept
        # every store a thread had opened (its connection and page cache) until the process ended; a thread's own
        # reference dies with it, and so does its store, closing its connection.
        self._opened: "weakref.WeakSet[Store]" = weakref.WeakSet()
        self.get()  # fail at start, not at the first request, when the database is missing or not ours

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, create=False, readonly=True)
            if self.window is not None:
                store.search_window = self.window or None  # 0: every match ranked
            if self.page_cache_kib is not None and hasattr(store, "page_cache"):
                store.page_cache(self.page_cache_kib)
            if self.cache is not None and hasattr(store, "share_rankings"):
                store.share_rankings(self.cache)
            self._local.store = store
            with self._lock:
                self._opened.add(store)
        return store

    def open_stores(self) -> int:
        """How many stores (connections) the pool's threads hold now."""
        with self._lock:
            return len(self._opened)

    def close(self) -> None:
        with self._lock:
            opened = list(self._opened)
            self._opened.clear()
        for store in opened:
            try:
                store.close()
            except Exception:  # a connection owned by another thread: the process is ending anyway
                pass
        if self.cache is not None:
            self.cache.close()


DESCRIPTION = ("Read-only access to a newsgraph knowledge base: who said what, about whom, and when. Responses are "
               "the query layer's results as JSON; errors are {\"error\": {\"code\", \"message\"}}.")
ERROR_CODES = {400: "bad_request", 403: "read_only", 404: "not_found", 405: "method_not_allowed",
               413: "too_large", 415: "unsupported_media_type"}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


#: What a parameter's pattern asks for, said for a person (the pattern itself is what the validator would print).
_DATE_SAID = "a date is written YYYY, YYYY-MM or YYYY-MM-DD (a time may follow a T)"
_PATTERNS = {api.DATE: _DATE_SAID, web.FORM_DATE: f"{_DATE_SAID}, or left empty"}


def _said(error: dict[str, Any]) -> str:
    """The validator's message for one bad parameter, but a pattern named by what it asks for."""
    pattern = (error.get("ctx") or {}).get("pattern")
    if pattern in _PATTERNS:
        given = str(error.get("input"))
        return f"{_PATTERNS[pattern]}, not {given[:40] + '…' if len(given) > 40 else given!r}"
    return str(error.get("msg"))


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = ERROR_CODES.get(exc.status_code, f"http_{exc.status_code}")
        message = str(exc.detail)
        if _wants_html(request):
            return web.error_page(request, exc.status_code, message)
        return _error(exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {_said(e)}"
                             for e in exc.errors())
        if _wants_html(request):
            return web.error_page(request, 400, problems)
        return _error(422, "invalid_parameter", problems)

    @app.exception_handler(ConfigError)
    async def bad_setting(request: Request, exc: ConfigError):
        if _wants_html(request):
            return web.error_page(request, 400, str(exc))
        return _error(400, exc.code, str(exc))

    @app.exception_handler(NewsgraphError)
    async def library_error(request: Request, exc: NewsgraphError):
        return _error(500, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        # The message names the failure's type only: stored text or paths never reach the client in a traceback.
        return _error(500, "internal_error", f"internal error ({type(exc).__name__})")


#: The names a loopback server answers to: a request naming any other host reached it through a name someone
#: pointed at this machine (DNS rebinding), which would let a web page read and, with --allow-ingest, write.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _host_name(value: str) -> str:
    """``Host`` / ``Origin`` authority without its port and brackets: ``[::1]:8000`` -> ``::1``."""
    value = value.split("://", 1)[-1].split("/", 1)[0].strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value[1:]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _foreign(request: Request, hosts: Optional[frozenset]) -> Optional[JSONResponse]:
    """Refuse a request for another host name (when ``hosts`` is set) and a write sent from another origin."""
    host = request.headers.get("host", "")
    if hosts is not None and _host_name(host) not in hosts:
        return _error(400, "host_not_allowed", f"this server answers to {', '.join(sorted(hosts))} only")
    origin = request.headers.get("origin")
    if request.method not in ("GET", "HEAD", "OPTIONS") and origin and origin != "null" \
            and origin.split("://", 1)[-1].rstrip("/").lower() != host.lower():
        return _error(403, "cross_origin", "writes are accepted only from this server's own pages")
    return None


class Guard:
    """Refuses a foreign host or a cross-origin write (:func:`_foreign`) and puts the security headers on every
    response. Plain ASGI, not ``@app.middleware("http")``: Starlette's BaseHTTPMiddleware runs each request through
    an extra task and memory stream, a fixed cost on every page and API call."""

    def __init__(self, app: Any, allowed: Optional[frozenset]):
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        refused = _foreign(Request(scope), self.allowed)
        await (refused or self.app)(scope, receive, with_headers)


def default_threads() -> int:
    """Worker threads for the endpoints when ``serve --threads`` is not given: one per CPU this process may run on,
    plus one. SQLite releases the GIL while it reads, so that many keep every core busy; more only take turns for
    the GIL and open more connections, each with its own page cache (AnyIO's own default is 40: at 10^6 articles
    the web reader's first page cost 20.6 ms of server CPU per request with 8 clients, 17.8 with 3 threads, and
    peak RSS fell 85 -> 69 MB; BENCHMARKS.md, serve Run 8)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cpus = os.cpu_count() or 1
    return cpus + 1


def build(db: str, allow_ingest: bool = False,
          max_ingest_bytes: int = ingest.MAX_INGEST_BYTES, hosts: Optional[Iterable[str]] = None,
          cache: int = 0, threads: Optional[int] = None, window: Optional[int] = None,
          page_cache_mib: Optional[int] = None) -> FastAPI:
    """The app over ``db``; every endpoint reads, but for ``POST /api/v1/ingest`` with ``allow_ingest``.
    ``hosts``: the only ``Host`` names served (a loopback server passes :data:`LOOPBACK_HOSTS`); None serves any.
    ``cache``: answers kept for the process (:class:`StorePool`; 0: none). ``threads``: how many requests run at
    once in the worker threads (each with its own store connection); None leaves AnyIO's default (tests, other
    servers), :func:`default_threads` is what ``newsgraph serve`` passes when not told. ``window``: every search
    ranks a broad query among its ``window`` newest matches (None: the store's default; 0: every match).
    ``page_cache_mib``: SQLite page cache for the whole server, shared out among the worker threads' connections
    (None: SQLite's default of about 2 MB each)."""
    if threads is not None and threads < 1:
        raise ConfigError(f"threads must be 1 or more, not {threads}")
    if window is not None and window < 0:
        raise ConfigError(f"search window must be 0 (rank every match) or more, not {window}")
    if page_cache_mib is not None and (page_cache_mib < 1 or threads is None):
        raise ConfigError(f"the page cache must be 1 MiB or more, not {page_cache_mib}" if threads is not None else
                          "a page cache is shared among the worker threads: give their number too")
    # Each worker thread reads through its own connection; never less than SQLite's own default (2,000 KiB).
    per_store = None if page_cache_mib is None else max(SQLITE_DEFAULT_CACHE_KIB, page_cache_mib * 1024 // threads)
    pool = StorePool(db, cache, window, per_store)
    allowed = None if hosts is None else frozenset(_host_name(h) for h in hosts)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        if threads is not None:
            # The limiter of this event loop's worker threads: every plain endpoint runs in one of them.
            import anyio.to_thread
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        pool.close()

    app = FastAPI(lifespan=lifespan, title="newsgraph", version=__version__, openapi_url="/api/v1/openapi.json",
                  docs_url=None, redoc_url=None, description=DESCRIPTION)
    app.state.pool = pool
    app.state.ingest = ingest.IngestSettings(db, max_ingest_bytes) if allow_ingest else None

    app.add_middleware(Guard, allowed=allowed)

    _install_errors(app)
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.include_router(web.router)
    for router in quotations.routers:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
