"""``analyze`` (records to stdout, no database) and ``ingest`` (into the store)."""
from __future__ import annotations

import dataclasses

import click

from ..record import to_record
from .common import (db_option, dump_json, echo_lines, model_option, open_store_or_fail, options_from,
                     out_stream, progress_bar, workers_option)

_inputs = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
_as_text = click.option("--as-text", is_flag=True,
                        help="Take .txt files as already-clean text (kept exactly) instead of page captures.")


_format = click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "pretty", "parquet"]), default="jsonl",
                       show_default=True, help="jsonl: one record per line; json: one array; pretty: indented; "
                                               "parquet: -o DIR gets one shard per input file (the parquet extra).")
_output = click.option("-o", "--output", type=click.Path(), default=None,
                       help="Write here instead of stdout (with --format parquet: a folder).")
_extractor = click.option("--extractor", type=click.Choice(["fast", "trafilatura"]), default="fast",
                          show_default=True,
                          help="HTML extractor: fast (selectolax + block scoring) or trafilatura (the reference).")

_keep_non_articles = click.option(
    "--keep-non-articles", is_flag=True,
    help="Keep pages that hold many items rather than one story (listings, galleries, live blogs, result "
         "tables, police blotters), flagged with their kind as a problem; skipped by default.")


def _stacked(*decorators):
    """Several click decorators as one, applied in the order written (top first, as when stacked)."""
    def apply(fn):
        for decorator in reversed(decorators):
            fn = decorator(fn)
        return fn
    return apply


# What analyze and extract share: inputs in, records out.
_record_options = _stacked(_inputs, _format, _output, _as_text, _extractor, _keep_non_articles)


def _write_shards(inputs, options, output, enrich: bool, label: str) -> None:
    """One Parquet shard per input file in the folder ``output``."""
    from ..errors import MissingExtra
    from ..export.parquet import ShardWriter
    from ..run import RunSummary, analyze_inputs
    if not output or output == "-":
        raise click.UsageError("--format parquet needs -o DIR (one shard per input file goes there)")
    try:
        shards = ShardWriter(output)
    except MissingExtra as exc:
        raise click.ClickException(str(exc)) from exc
    summary = RunSummary()
    try:
        with progress_bar(label) as advance:
            for article in analyze_inputs(inputs, options, summary, advance, enrich=enrich):
                shards.add(article)
    finally:
        shards.close()
    echo_lines(summary.lines(), err=True)
    click.echo(f"wrote {len(shards.shards)} Parquet shards to {output}", err=True)
    raise SystemExit(summary.exit_code)


def _write_records(inputs, options, fmt, output, enrich: bool, label: str) -> None:
    from ..run import RunSummary, analyze_inputs
    if fmt == "parquet":
        return _write_shards(inputs, options, output, enrich, label)
    summary = RunSummary()
    out = out_stream(output)
    first = True
    try:
        if fmt == "json":
            out.write("[")
        with progress_bar(label) as advance:
            for article in analyze_inputs(inputs, options, summary, advance, enrich=enrich):
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
@_record_options
@model_option
@workers_option
def analyze(inputs, fmt, output, as_text, extractor, keep_non_articles, model, stages, workers) -> None:
    """Analyse INPUT... (files, directories, or - for JSONL on stdin) and write output records; no database.

    Inputs: .txt page captures, .html/.htm (optionally .gz), .warc/.warc.gz, .jsonl lines with "text" or
    "html".
    """
    options = options_from(model, stages, as_text, workers, extractor, keep_non_articles)
    _write_records(inputs, options, fmt, output, enrich=True, label="analyze")


@click.command()
@_record_options
@workers_option
def extract(inputs, fmt, output, as_text, extractor, keep_non_articles, workers) -> None:
    """Extract clean articles (text, title, date, authors, outlet) from INPUT... without NLP.

    The same records as analyze, with entities, quotes, figures and times left empty.
    """
    options = options_from(None, None, as_text, workers, extractor, keep_non_articles)
    _write_records(inputs, options, fmt, output, enrich=False, label="extract")


@click.command()
@_inputs
@db_option
@_as_text
@_extractor
@_keep_non_articles
@model_option
@workers_option
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where batches run: this machine (a process pool of --workers) or Ray actors (extra"
                   " 'distributed').")
@click.option("--address", default=None, metavar="ADDR",
              help="With --executor ray: the cluster to join (auto, ray://host:port); default a local Ray.")
def ingest(inputs, db, as_text, extractor, keep_non_articles, model, stages, workers, executor, address) -> None:
    """Analyse INPUT... and store the articles (resumable: what is stored already is skipped)."""
    from ..run import ingest as run_ingest
    options = dataclasses.replace(options_from(model, stages, as_text, workers, extractor, keep_non_articles),
                                  executor=executor, address=address)
    with open_store_or_fail(db, create=True) as store:
        with progress_bar("ingest") as advance:
            summary = run_ingest(inputs, store, options, progress=advance)
    echo_lines(summary.lines(), err=True)
    raise SystemExit(summary.exit_code)
