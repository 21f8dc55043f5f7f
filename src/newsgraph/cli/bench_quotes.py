"""``newsgraph bench quotes``: quotation cluster quality on a generated set of reports, and clustering's cost.

Registered by the ``bench`` group: ``bench_group.add_command(bench_quotes.quotes)``.
"""
from __future__ import annotations

import click

from .common import dump_json, echo_lines
from .evaluate import _data_dir

_RECIPES = ("verbatim", "marks", "trim", "ellipsis", "splice", "word", "drop")


@click.command("quotes")
@click.option("--data", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder with gum/, meantime-dev/ and extraction-dev/ (default: ../shared/data).")
@click.option("--recipes", default=",".join(_RECIPES), show_default=True,
              help="Comma-separated ways outlets report a statement, drawn in turn.")
@click.option("--seed", default=7, show_default=True, help="Seed of the generator.")
@click.option("--per-statement", default=4, show_default=True, help="Reports per statement.")
@click.option("--rounds", default=3, show_default=True, help="Timed rounds of the store steps per side; best kept.")
@click.option("--pipeline", "pipeline_pages", default=0, show_default=True,
              help="Also time whole ingests of this many extraction-dev pages without and with clustering.")
@click.option("--scale", "scale_n", default=0, show_default=True,
              help="Instead: peak memory while clustering this many synthetic quotations (at 1/10 and at the end).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def quotes(data, recipes, seed, per_statement, rounds, pipeline_pages, scale_n, fmt) -> None:
    """Quotation clusters: pair precision/recall, conflict and drift precision/recall on reports generated from
    real quotations by recipes, and store-step articles/s with and without clustering."""
    from ..bench.quotebank import pipeline_seconds, run, scale
    if scale_n:
        found = scale(scale_n)
        if fmt == "json":
            click.echo(dump_json(found, pretty=True))
        else:
            echo_lines([f"{found['quotes']:,} quotations clustered in {found['seconds']} s: peak RSS "
                        f"{found['rss_mb_at_tenth']} MB at a tenth, {found['rss_mb_at_end']} MB at the end "
                        f"(ratio {found['ratio']})"])
        return
    data_dir = _data_dir(data)
    chosen = tuple(r.strip() for r in recipes.split(",") if r.strip())
    try:
        result = run(data_dir, chosen, seed=seed, per_statement=per_statement, rounds=rounds)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    whole = pipeline_seconds(data_dir, pipeline_pages) if pipeline_pages else None
    if fmt == "json":
        click.echo(dump_json({**result.as_dict(), "pipeline": whole}, pretty=True))
        return
    lines = result.lines()
    if whole:
        lines.append(f"  whole ingest of {whole['pages']} pages ({whole['articles']} articles, {whole['workers']} "
                     f"workers): {whole['without_s']} s without clustering, {whole['with_s']} s with "
                     f"(rate ratio {whole['rate_ratio']}, {whole['clusters']} clusters)")
    echo_lines(lines)
