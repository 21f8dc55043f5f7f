"""``newsgraph eval TASK``: scores against the public gold sets in their native formats."""
from __future__ import annotations

import importlib
from pathlib import Path

import click

from ..evaluate.gold import shared_data_dir
from .common import count, dump_json, echo_lines

TASKS = ("entities", "quotes", "times", "figures", "linking")


def _data_dir(data) -> Path:
    found = Path(data) if data else shared_data_dir()
    if found is None or not found.is_dir():
        raise click.UsageError("no gold data found: pass --data DIR (the folder holding meantime-dev/ and gum/) "
                               "or set NEWSGRAPH_SHARED_DATA")
    return found


@click.command("eval")
@click.argument("task", type=click.Choice(TASKS))
@click.option("--data", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder with the gold sets (default: ../shared/data beside the checkout).")
@click.option("--limit", type=count(), default=None, help="Score only the first N documents of each set.")
@click.option("--set", "sets", multiple=True,
              help="Score only these gold sets (repeatable; quotes: meantime, gum, polnear-dev, polnear-train).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_group(task, data, limit, sets, fmt) -> None:
    """Score TASK (entities, quotes, times, figures, linking) on public gold: MEANTIME-dev and GUM news.

    Every figure is printed with the number of gold cases behind it.
    """
    module = importlib.import_module(f"newsgraph.evaluate.{task}")
    choices = getattr(module, "SETS", ())
    unknown = [s for s in sets if s not in choices]
    if unknown:
        raise click.UsageError(f"no set {', '.join(unknown)} for {task} (have: {', '.join(choices) or 'none'})")
    extra = {"datasets": tuple(sets)} if sets else {}
    reports = module.evaluate(_data_dir(data), limit=limit, **extra)
    if fmt == "json":
        click.echo(dump_json([r.as_dict() for r in reports], pretty=True))
        return
    for report in reports:
        echo_lines(report.lines())
