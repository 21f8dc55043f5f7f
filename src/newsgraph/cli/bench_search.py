"""``newsgraph bench search``: FTS search and ``quotes --speaker`` latency over N synthetic annotated records.

Registered by the ``bench`` group: ``bench_group.add_command(bench_search.search)``.
"""
from __future__ import annotations

import click

from .common import count, dump_json, echo_lines


@click.command("search")
@click.option("-n", "--records", "n", default=100_000, show_default=True, type=count(), help="Synthetic articles in the store.")
@click.option("--rounds", default=5, show_default=True, type=count(), help="Times each fixed query is run.")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Keep the store in this file or postgresql://… database (reused when it already holds N"
                   " records); default: a temp file.")
@click.option("--window", default=None, type=count(min=0), metavar="N",
              help="Rank broad queries among their N newest matches (default: the store's; 0: every match).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def search(n, rounds, db, window, fmt) -> None:
    """Search p50/p95 latency over realistic queries and speaker-lookup latency, on a store of N records."""
    from ..bench.search import run
    result = run(n=n, rounds=rounds, db=db, window=window)
    if fmt == "json":
        click.echo(dump_json(result.as_dict(), pretty=True))
    else:
        echo_lines(result.lines())
