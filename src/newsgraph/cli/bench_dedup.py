"""``newsgraph bench dedup``: duplicate-pair quality and MinHash speed beside datasketch, in one run.

Registered by the ``bench`` group: ``bench_group.add_command(bench_dedup.dedup)``.
"""
from __future__ import annotations

import click

from .common import count, dump_json, echo_lines
from .evaluate import _data_dir


@click.command("dedup")
@click.option("--data", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder with meantime-dev/, gum/, extraction-dev/ and warc/ (default: ../shared/data).")
@click.option("-n", "--records", "n", default=10_000, show_default=True, type=count(),
              help="Synthetic pre-annotated records for the dedup + storage rate (0 skips it).")
@click.option("--repeat", default=3, show_default=True, type=count(), help="Timed rounds per side for signatures; best kept.")
@click.option("--threshold", default=0.8, show_default=True, help="Jaccard similarity that makes a duplicate.")
@click.option("--only", type=click.Choice(["quality", "speed", "ingest"]), multiple=True,
              help="Run only these parts (repeatable; default: all).")
@click.option("--no-store-baseline", is_flag=True, help="Skip timing store.put alone on the same records.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def dedup(data, n, repeat, threshold, only, no_store_baseline, fmt) -> None:
    """Near-duplicate detection: precision/recall of duplicate pairs on real texts with programmatic copies,
    signatures/s against datasketch MinHash(num_perm=128), and dedup + storage rate with resident memory."""
    from ..bench.dedup import run
    parts = tuple(only) or ("quality", "speed", "ingest")
    data_dir = _data_dir(data) if {"quality", "speed"} & set(parts) else None
    result = run(data_dir, n=n, repeat=repeat, threshold=threshold, parts=parts,
                 store_baseline=not no_store_baseline)
    if fmt == "json":
        click.echo(dump_json(result.as_dict(), pretty=True))
    else:
        echo_lines(result.lines())
