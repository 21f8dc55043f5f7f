"""``newsgraph bench``: speed beside the reference tools, measured in the same run."""
from __future__ import annotations

import click

from . import bench_dedup, bench_extract, bench_memory, bench_quotes, bench_search, bench_serve
from ..pipeline import Options
from .common import count, dump_json, echo_lines
from .evaluate import _data_dir


@click.group("bench")
def bench_group() -> None:
    """Benchmarks: newsgraph beside the reference tool, same machine, same run."""


@bench_group.command("nlp")
@click.option("--data", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder with the gold sets whose texts are used (default: ../shared/data).")
@click.option("--repeat", default=4, show_default=True, type=count(), help="Timed rounds per side; the best is kept.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def nlp(data, repeat, fmt) -> None:
    """Entity stage words/s against a bare nlp.pipe of the same spaCy model over the same texts."""
    from ..bench.nlp import run
    result = run(_data_dir(data), repeat=repeat)
    if fmt == "json":
        click.echo(dump_json(result.as_dict(), pretty=True))
    else:
        echo_lines(result.lines())


@bench_group.command("pipeline")
@click.option("--data", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder holding extraction-dev/ (default: ../shared/data).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes for the ingest.")
@click.option("--limit", type=count(), default=None, help="Use only the first N pages.")
@click.option("--extractor", default="fast", show_default=True, help="HTML extractor to use.")
@click.option("--batch-size", default=Options().batch_size, show_default=True, type=click.IntRange(1, 10_000),
              help="Pages per batch handed to a worker (ingest uses the same).")
@click.option("--repeat", default=4, show_default=True, type=click.IntRange(1, 100),
              help="Feed every page this many times (under other names), for a steady second half.")
@click.option("--db", default=None, metavar="URL",
              help="Ingest into this EMPTY store (a postgresql://… URL) instead of a fresh SQLite file.")
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where batches run: a local process pool or Ray actors (extra 'distributed').")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def pipeline(data, workers, limit, extractor, batch_size, repeat, db, executor, fmt) -> None:
    """End to end HTML → stored articles (all stages): articles/s and peak memory per worker."""
    from ..bench.pipeline import run
    result = run(_data_dir(data), workers=workers, limit=limit, extractor=extractor, batch_size=batch_size,
                 repeat=repeat, db=db, executor=executor)
    if fmt == "json":
        click.echo(dump_json(result.as_dict(), pretty=True))
    else:
        echo_lines(result.lines())


for _command in (bench_dedup.dedup, bench_extract.bench_extract, bench_memory.memory, bench_quotes.quotes,
                 bench_search.search, bench_serve.serve):
    bench_group.add_command(_command)
