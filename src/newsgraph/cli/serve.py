"""``newsgraph serve``: the JSON API and web reader over a store (read-only; needs the ``web`` extra)."""
from __future__ import annotations

import ipaddress

import click

from .common import db_option, open_store_or_fail


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback by default, so nothing outside this machine can connect.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve(db, host, port) -> None:
    """Serve the JSON API (/api/v1/…) and the web reader (/) over a store, read-only, until interrupted."""
    from ..serve import run
    from ..storage import default_db_path
    open_store_or_fail(db).close()  # a missing or foreign database is a clear error before anything listens
    if not _loopback(host):
        click.echo(f"warning: listening on {host}: other machines can read this knowledge base", err=True)
    click.echo(f"newsgraph serving {db or default_db_path()} at http://{host}:{port}/ (Ctrl+C stops)", err=True)
    run(db or default_db_path(), host=host, port=port)
