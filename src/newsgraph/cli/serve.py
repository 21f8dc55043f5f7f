"""``newsgraph serve``: the JSON API and web reader over a store (read-only; needs the ``web`` extra)."""
from __future__ import annotations

import click

from ..storage.base import SEARCH_WINDOW
from .common import count, db_option, open_store_or_fail

#: ``serve --max-ingest-bytes``' default: newsgraph.serve.ingest.MAX_INGEST_BYTES, not imported (that needs fastapi).
MAX_INGEST_BYTES = 10_000_000
#: ``serve --cache``' default: newsgraph.storage.sqlite.rank_cache.DEFAULT_ENTRIES (checked by a test).
CACHE = 256
#: ``serve --page-cache``' default, MiB for all the threads' connections together (32 MiB each for 3 threads: at
#: 10^6 articles a first search page cost 15.0 ms of server CPU with SQLite's default of 2 MB, 13.9 with 64 MiB
#: each; peak RSS 74 -> 168 MB with 32 MiB each; BENCHMARKS serve Run 12).
PAGE_CACHE = 96


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback by default, so nothing outside this machine can connect.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True, default=False,
              help="Accept POST /api/v1/ingest (JSONL lines or one HTML page), run through the normal ingest into "
                   "this store, one request at a time. Without it no endpoint writes.")
@click.option("--max-ingest-bytes", type=count(), default=MAX_INGEST_BYTES, show_default=True,
              metavar="N",
              help="With --allow-ingest: the largest body accepted (413 beyond it).")
@click.option("--cache", type=count(min=0), default=CACHE, show_default=True, metavar="N",
              help="Keep up to N answers in memory (search rankings, counts and result pages, entity pages), each "
                   "answered again until the store changes: ranking a search and reading a person's page are most "
                   "of a large store's cost. 0 reads every request afresh.")
@click.option("--threads", type=click.IntRange(0, 1024), default=0, metavar="N",
              help="Requests served at once, each in a worker thread with its own store connection; the rest wait "
                   "their turn. 0 (the default): one per CPU plus one, which keeps the cores busy (SQLite reads "
                   "outside Python's lock) without threads taking turns for it.")
@click.option("--window", default=None, type=count(min=0), metavar="N",
              help=f"Rank every broad search among its N newest matches instead of {SEARCH_WINDOW:,} (pages and API "
                   "answers say when they did); 0 ranks every match (exact, but slow on common words in a large "
                   "store). Ranking costs 1-2 microseconds of CPU per match at 10^6 articles.")
@click.option("--page-cache", "page_cache", type=count(), default=PAGE_CACHE, show_default=True, metavar="MIB",
              help="Memory for an SQLite store's pages, shared among the worker threads (each reads through its "
                   "own connection; never less than SQLite's 2 MB each): a page read again is copied from it "
                   "instead of asked of the operating system. A first search page at 10^6 articles reads about "
                   "1,000 pages (4 KiB each). A PostgreSQL store uses the server's own shared_buffers instead.")
def serve(db, host, port, allow_ingest, max_ingest_bytes, cache, threads, window, page_cache) -> None:
    """Serve the JSON API (/api/v1/…) and the web reader (/) over a store until interrupted; read-only unless
    --allow-ingest."""
    from ..serve import loopback, run
    from ..storage import default_db_path
    open_store_or_fail(db).close()  # a missing or foreign database is a clear error before anything listens
    if not loopback(host):
        click.echo(f"warning: listening on {host}: other machines can read this knowledge base", err=True)
    if allow_ingest and not loopback(host):
        click.echo(f"warning: --allow-ingest on {host}: other machines can write to this knowledge base", err=True)
    mode = f"accepting ingest up to {max_ingest_bytes:,} bytes" if allow_ingest else "read-only"
    click.echo(f"newsgraph serving {db or default_db_path()} at http://{host}:{port}/, {mode} (Ctrl+C stops)",
               err=True)
    run(db or default_db_path(), host=host, port=port, allow_ingest=allow_ingest,
        max_ingest_bytes=max_ingest_bytes, cache=cache, threads=threads or None, window=window,
        page_cache_mib=page_cache)
