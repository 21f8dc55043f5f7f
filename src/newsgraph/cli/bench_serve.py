"""``newsgraph bench serve``: p50/p95 of the main endpoints of a loopback ``newsgraph serve`` under concurrent
clients, over N synthetic articles. Registered by the ``bench`` group."""
from __future__ import annotations

import click

from .common import dump_json, echo_lines


@click.command("serve")
@click.option("-n", "--records", "n", default=100_000, show_default=True, help="Synthetic articles in the store.")
@click.option("--rounds", default=5, show_default=True, type=click.IntRange(1),
              help="Times each URL is fetched in a pass, after its cold call.")
@click.option("--clients", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Concurrent clients: keep-alive connections, each sending its next request once its last answer "
                   "is read (one asyncio thread drives them all, so the bench's own CPU stays small).")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Keep the store in this file (reused when it already holds N records); default: a temp file.")
@click.option("--cache", type=click.IntRange(0), default=None, metavar="N",
              help="The server's --cache (default: serve's). The timed rounds repeat the cold pass's URLs, so with "
                   "a cache their searches and entity pages are answered from it; 0 times reading them afresh.")
@click.option("--threads", type=click.IntRange(1, 1024), default=None, metavar="N",
              help="The server's --threads (default: serve's, one per CPU plus one).")
@click.option("--repeat", default=1, show_default=True, type=click.IntRange(1, 100), metavar="R",
              help="Passes of the timed rounds (after one cold pass); percentiles are over all of them, and each "
                   "pass's p95 is listed (lowest / median / highest).")
@click.option("--browser", type=click.Path(exists=True, dir_okay=False), default=None, metavar="CHROMIUM",
              help="Then open each first search page in this Chromium (e.g. /usr/bin/chromium; needs playwright), "
                   "one reader, and report when its HTML was complete and parsed (navigation timing).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def serve(n, rounds, clients, db, cache, threads, repeat, browser, fmt) -> None:
    """Latency of API search, article, entity and search pages on a loopback server (needs the web extra)."""
    from ..bench.serve import run
    result = run(n=n, rounds=rounds, clients=clients, db=db, cache=cache, threads=threads, repeat=repeat,
                 browser=browser)
    if fmt == "json":
        click.echo(dump_json(result.as_dict(), pretty=True))
    else:
        echo_lines(result.lines())
