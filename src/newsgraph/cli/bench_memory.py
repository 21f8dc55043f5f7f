"""``newsgraph bench memory``: resident memory at 10 %, 50 % and 100 % of a large synthetic WARC.

Registered by the ``bench`` group: ``bench_group.add_command(bench_memory.memory)``.
"""
from __future__ import annotations

import click

from .common import dump_json, echo_lines


@click.command("memory")
@click.option("--size-mb", default=1000.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Size on disk of the synthetic WARC (gzip per record) to write and read.")
@click.option("--workers", "workers", multiple=True, type=click.IntRange(1, 64), default=(1, 2),
              show_default=True, help="Worker counts to measure; repeat the flag for several.")
@click.option("--nlp-mb", "stages_mb", default=0.0, show_default=True, type=click.FloatRange(min=0),
              metavar="MB", help="Also run the full ingest (all NLP stages) over the first MB megabytes.")
@click.option("--extractor", default="fast", show_default=True, help="HTML extractor to use.")
@click.option("--tmp", "folder", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder for the temporary WARC (default: the system temp folder); removed afterwards.")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic crawl.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def memory(size_mb, workers, stages_mb, extractor, folder, seed, fmt) -> None:
    """Memory stays flat: extraction over a synthetic WARC, RSS of the process and each worker at 10/50/100 %.

    Exits 1 when RSS at 100 % is over 1.5x RSS at 10 % (for --nlp-mb runs: the peak so far, since spaCy's memory
    swings within each batch) or a process peaks over 700 MB. Needs the WARC's size free on disk, and Linux (/proc).
    """
    from ..bench.memory import run
    result = run(size_mb, tuple(workers), stages_mb=stages_mb, extractor=extractor, seed=seed, folder=folder)
    if fmt == "json":
        click.echo(dump_json(result.as_dict(), pretty=True))
    else:
        echo_lines(result.lines())
    raise SystemExit(0 if result.as_dict()["ok"] else 1)
