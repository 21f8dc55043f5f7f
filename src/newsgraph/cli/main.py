"""``newsgraph`` command group. Commands live in sibling modules and are registered here explicitly."""
from __future__ import annotations

import os
import sys

import click

from .. import __version__
from ..errors import ConfigError, ModelError, NewsgraphError
from ..safe import terminal_line
from ..storage import is_store_busy, is_store_damage, sqlite_library
from . import analyze, bench, check, evaluate, explore, quotations, serve, store


class _Group(click.Group):
    """Library errors become clear messages with the documented exit codes, never tracebacks."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader went away ("newsgraph quotes | head"): that is not an error. Point stdout at devnull so
            # the interpreter's final flush does not complain again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except (ConfigError, ModelError) as exc:
            raise click.UsageError(str(exc), ctx) from exc  # a setting the user chose: exit 2
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:  # e.g. -o into a folder that does not exist
            raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from exc
        except Exception as exc:
            if is_store_busy(exc):
                raise click.ClickException(f"the store is busy ({terminal_line(str(exc))}): another process is "
                                           "writing to it; try again when it has finished") from exc
            if not is_store_damage(exc):
                raise
            # A page of the store that cannot be read. The message may quote the damaged bytes themselves:
            # shortened, and escaped for the terminal.
            said = terminal_line(str(exc))
            said = said if len(said) <= 160 else said[:160] + "…"
            raise click.ClickException(f"the store could not be read ({said}); it is damaged: "
                                       f"`newsgraph check --db PATH` checks it in full") from exc


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"newsgraph {__version__}, on {sqlite_library()}")
        ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and the SQLite library the store runs on, and exit.")
def cli() -> None:
    """newsgraph: who said what, about whom, and when — from raw captures of news pages.

    Exit codes: 0 every input processed (skipped pages are counted, not failures); 1 some inputs could not be read
    or parsed (each named on stderr with its reason); 2 usage error.
    """


for command in (analyze.analyze, analyze.extract, analyze.ingest, store.show, store.search, store.quotes, store.export,
                store.reindex, check.check, explore.entity, explore.story, explore.timeline, serve.serve,
                evaluate.eval_group, bench.bench_group, quotations.quote):
    cli.add_command(command)
