"""``newsgraph bench extract``: extraction quality and speed beside trafilatura (and resiliparse), same run."""
from __future__ import annotations

import click

from .common import count, dump_json, echo_lines
from .evaluate import _data_dir


@click.command("extract")
@click.option("--data", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder holding extraction-dev/ (default: ../shared/data).")
@click.option("--extractors", default="fast,fast-pure,trafilatura", show_default=True, metavar="LIST",
              help="newsgraph extractors to run (fast-pure: the fast path without its trafilatura fallback).")
@click.option("--limit", type=count(), default=None, help="Only the first N pages.")
@click.option("--no-bare", is_flag=True, help="Skip bare trafilatura and resiliparse.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def bench_extract(data, extractors, limit, no_bare, fmt) -> None:
    """P/R/F1 (± bootstrap std) and pages/s on the article-extraction benchmark, every extractor in one run."""
    from ..bench.extract import run
    names = tuple(n.strip() for n in extractors.split(",") if n.strip())
    result = run(_data_dir(data), extractors=names, limit=limit, bare=not no_bare)
    if fmt == "json":
        click.echo(dump_json(result.as_dict(), pretty=True))
    else:
        echo_lines(result.lines())
