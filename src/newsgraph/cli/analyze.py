"""``analyze`` (records to stdout, no database) and ``ingest`` (into the store)."""
from __future__ import annotations

import click

from .common import (db_option, dump_json, echo_lines, model_option, open_store_or_fail, options_from,
                     out_stream, progress_bar, workers_option)

_inputs = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
_as_text = click.option("--as-text", is_flag=True,
                        help="Take .txt files as already-clean text (kept exactly) instead of page captures.")


@click.command()
@_inputs
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "pretty"]), default="jsonl",
              show_default=True, help="jsonl: one record per line; json: one array; pretty: indented records.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here instead of stdout.")
@_as_text
@model_option
@workers_option
def analyze(inputs, fmt, output, as_text, model, stages, workers) -> None:
    """Analyse INPUT... (files, directories, or - for JSONL on stdin) and write output records; no database.

    Inputs: .txt page captures, .html/.htm (optionally .gz), .jsonl lines with "text" or "html".
    """
    from ..record import to_record
    from ..run import RunSummary, analyze_inputs
    options = options_from(model, stages, as_text, workers)
    summary = RunSummary()
    out = out_stream(output)
    first = True
    try:
        if fmt == "json":
            out.write("[")
        with progress_bar("analyze") as advance:
            for article in analyze_inputs(inputs, options, summary, advance):
                record = to_record(article)
                if fmt == "json":
                    out.write(("" if first else ",\n") + dump_json(record))
                else:
                    out.write(dump_json(record, pretty=fmt == "pretty") + "\n")
                first = False
        if fmt == "json":
            out.write("]\n")
        out.flush()
    finally:
        if output and output != "-":
            out.close()
    echo_lines(summary.lines(), err=True)
    raise SystemExit(summary.exit_code)


@click.command()
@_inputs
@db_option
@_as_text
@model_option
@workers_option
def ingest(inputs, db, as_text, model, stages, workers) -> None:
    """Analyse INPUT... and store the articles (resumable: what is stored already is skipped)."""
    from ..run import ingest as run_ingest
    options = options_from(model, stages, as_text, workers)
    with open_store_or_fail(db) as store:
        with progress_bar("ingest") as advance:
            summary = run_ingest(inputs, store, options, progress=advance)
    echo_lines(summary.lines(), err=True)
    raise SystemExit(summary.exit_code)
