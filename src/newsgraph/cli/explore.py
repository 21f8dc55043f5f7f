"""Commands that explore the knowledge base: ``entity NAME``, ``story ID``, ``timeline ENTITY``."""
from __future__ import annotations

import click

from .common import db_option, dump_json, echo_lines, echo_text, open_store_or_fail
from .render import echo_jsonl, quote_lines

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
COPIES = click.option("--include-copies", is_flag=True, default=False,
                      help="Count syndicated copies (articles with duplicate_of set) too.")


def _entity_lines(page) -> list[str]:
    out = [f"{page.name}  ({page.global_id or 'not linked'}; {page.articles} articles)",
           "aliases: " + ", ".join(page.aliases),
           "types: " + ", ".join(f"{t} {n}" for t, n in page.types),
           "roles: " + (", ".join(f"{r} ({n})" for r, n in page.roles) or "-"),
           "mentions per month: " + ", ".join(f"{m} {n}" for m, n in page.mentions_by_month),
           "named with: " + (", ".join(f"{c.name} ({c.articles})" for c in page.cooccurring) or "-"),
           "quoted about them by: " + (", ".join(f"{s.speaker} ({s.quotes})" for s in page.quoted_by) or "-"),
           f"quotes by them ({len(page.quotes)} shown):"]
    out += ["  " + line for q in page.quotes for line in quote_lines(q, with_speaker=False)]
    out += [f"also matching: {c.name} ({c.global_id or 'not linked'}, {c.articles} articles)" for c in page.also]
    return out


@click.command("entity")
@click.argument("name")
@db_option
@COPIES
@FORMAT
def entity(name, db, include_copies, fmt) -> None:
    """One entity across articles: aliases, roles, types, mentions per month, who they appear with and quotes."""
    from .. import query
    with open_store_or_fail(db) as store:
        page = query.entity(store, name, include_copies=include_copies)
    if page is None:
        raise click.ClickException(f"no stored entity matches {name!r}")
    click.echo(dump_json(page.as_dict())) if fmt == "jsonl" else echo_lines(_entity_lines(page))


@click.command("story")
@click.argument("story_id", metavar="ID")
@db_option
@FORMAT
def story(story_id, db, fmt) -> None:
    """The articles folded into one story, and the fullest of them in full."""
    from .. import query
    with open_store_or_fail(db) as store:
        found = query.story(store, story_id)
    if found is None:
        raise click.ClickException(f"no story with id {story_id!r}")
    if fmt == "jsonl":
        click.echo(dump_json(found.as_dict()))
        return
    echo_lines([f"{'*' if found.fullest and m.id == found.fullest.id else ' '} {m.id}  {m.published or 'undated':<19}"
                f"  {m.source or '-'}  {m.length} chars  {m.title or ''}" for m in found.members])
    if found.fullest is not None:
        echo_lines(["", found.fullest.title or "", ""])
        echo_text(found.fullest.text)


@click.command("timeline")
@click.argument("name", metavar="ENTITY")
@db_option
@click.option("--by", type=click.Choice(["day", "week"]), default="day", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False), default=None, help="Also write a PNG chart here.")
@COPIES
@FORMAT
def timeline(name, db, by, plot, include_copies, fmt) -> None:
    """Mentions of and quotes by an entity per day or ISO week (a table; a PNG chart with --plot)."""
    from .. import query
    from ..errors import MissingExtra
    with open_store_or_fail(db) as store:
        rows = query.timeline(store, name, by=by, include_copies=include_copies)
    if fmt == "jsonl":
        echo_jsonl(rows)
    else:
        echo_lines([f"{'period':<10}  articles  mentions  quotes"]
                   + [f"{r.period:<10}  {r.articles:>8}  {r.mentions:>8}  {r.quotes:>6}" for r in rows])
    if plot:
        try:
            query.plot_timeline(rows, plot, title=f"{name} per {by}")
        except MissingExtra as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"chart written to {plot}", err=True)
