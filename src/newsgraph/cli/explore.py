"""Commands that explore the knowledge base: ``entity NAME``, ``story ID``, ``timeline ENTITY``."""
from __future__ import annotations

import click

from .common import count, db_option, dump_json, echo_lines, echo_text, not_found, offset_option, open_store_or_fail
from .common import counted, showing
from .render import echo_jsonl, quote_lines

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
COPIES = click.option("--include-copies", is_flag=True, default=False,
                      help="Count syndicated copies (articles with duplicate_of set) too.")


def _entity_lines(page, offset: int = 0, total: int = 0) -> list[str]:
    out = [f"{page.name}  ({page.global_id or 'not linked'}; {counted(page.articles, 'article', 'articles')})",
           "aliases: " + ", ".join(page.aliases),
           "types: " + ", ".join(f"{t} {n}" for t, n in page.types),
           "roles: " + (", ".join(f"{r} ({n})" for r, n in page.roles) or "-"),
           "mentions per month: " + ", ".join(f"{m} {n}" for m, n in page.mentions_by_month),
           "named with: " + (", ".join(f"{c.name} ({c.articles})" for c in page.cooccurring) or "-"),
           "quoted about them by: " + (", ".join(f"{s.speaker} ({s.quotes})" for s in page.quoted_by) or "-"),
           f"quotes by them ({showing(offset, len(page.quotes), total, 'quotes') if total else 'none'}):"]
    out += ["  " + line for q in page.quotes for line in quote_lines(q, with_speaker=False)]
    out += [f"also matching: {c.name} ({c.global_id or 'not linked'}, {counted(c.articles, 'article', 'articles')})" for c in page.also]
    return out


@click.command("entity")
@click.argument("name")
@db_option
@COPIES
@click.option("-n", "--limit", default=20, show_default=True, type=count(), help="Most quotes by them to list.")
@offset_option
@FORMAT
def entity(name, db, include_copies, limit, offset, fmt) -> None:
    """One entity across articles: aliases, roles, types, mentions per month, who they appear with and quotes by
    them (--limit and --offset page through those, newest first)."""
    from .. import query
    with open_store_or_fail(db) as store:
        page = query.entity(store, name, include_copies=include_copies, quotes=limit, quotes_offset=offset)
        total = query.quotes_by_count(store, name, include_copies=include_copies) if fmt == "table" and page else 0
    if page is None:
        raise not_found("entity", f"name {name!r}")
    click.echo(dump_json(page.as_dict())) if fmt == "jsonl" else echo_lines(_entity_lines(page, offset, total))


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
        raise not_found("story", f"id {story_id!r}")
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
    """Mentions of and quotes by an entity per day or ISO week (a table; a PNG chart with --plot). A name that
    matches no stored entity is an error (exit 1), as with `newsgraph entity`."""
    from .. import query
    from ..errors import MissingExtra
    with open_store_or_fail(db) as store:
        rows = query.timeline(store, name, by=by, include_copies=include_copies)
    if not rows:  # a known entity has at least one article, so a timeline is empty only for an unknown name
        raise not_found("entity", f"name {name!r}")
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
