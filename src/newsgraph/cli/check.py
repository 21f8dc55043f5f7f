"""``check``: the store's full integrity check (every page, every index, and the full-text index's own check)."""
from __future__ import annotations

import click

from .common import db_option, echo_lines


@click.command()
@db_option
def check(db) -> None:
    """Check the store in full: SQLite's integrity_check (every page and index) and the full-text index's own check.

    Prints "ok" and exits 0 for a sound store; names each problem found and exits 1 for a damaged one. Writers
    (ingest, reindex) run a quicker check at open and refuse to write into a damaged store; readers report the damage
    they meet. Reads only; on a large store it takes about as long as reading the file once.
    """
    from ..storage import check_store, default_db_path
    path = db or default_db_path()
    problems = check_store(path)
    if not problems:
        click.echo(f"ok: {path}")
        return
    echo_lines([f"damaged: {path}"] + [f"  {p}" for p in problems], err=True)
    raise SystemExit(1)
