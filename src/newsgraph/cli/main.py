"""``newsgraph`` command group. Commands live in sibling modules and are registered here explicitly."""
from __future__ import annotations

import click

from .. import __version__
from . import analyze, bench, bench_extract, bench_search, evaluate, explore, store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def cli() -> None:
    """newsgraph: who said what, about whom, and when — from raw captures of news pages.

    Exit codes: 0 every input processed (skipped pages are counted, not failures); 1 some inputs could not be read
    or parsed (each named on stderr with its reason); 2 usage error.
    """


for command in (analyze.analyze, analyze.extract, analyze.ingest, store.show, store.search, store.quotes, store.export,
                explore.entity, explore.story, explore.timeline, evaluate.eval_group, bench.bench_group):
    cli.add_command(command)
bench.bench_group.add_command(bench_extract.bench_extract)
bench.bench_group.add_command(bench_search.search)


def main() -> None:  # pragma: no cover - console entry point
    cli()
