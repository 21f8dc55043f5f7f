"""Commands over the store: ``show``, ``search``, ``quotes``, ``export``, ``reindex``."""
from __future__ import annotations

import sys

import click

from ..storage.base import SEARCH_WINDOW
from .common import close_out, count, date_options, db_option, dump_json, open_store_or_fail, out_stream, progress_bar
from .common import criteria, echo_lines, none_found, not_found, offset_option, showing
from .render import bracketed, echo_jsonl, quote_lines, write_csv

#: The quotes CSV: the flat fields of ``QuoteHit.as_dict()`` (the whole quote record stays in jsonl).
QUOTE_CSV_COLUMNS = ["speaker", "kind", "text", "cue", "article", "title", "published"]


@click.command()
@click.argument("article_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "pretty"]), default="text", show_default=True,
              help="text: the article laid out for reading; json: its output record on one line; pretty: the "
                   "record indented.")
def show(article_id, db, fmt) -> None:
    """Show one stored article by its ID: title, metadata, the text with its quotations marked, then the quotes
    (speaker, kind, how the speaker was found), entities, figures and dates.

    On a colour terminal each quotation is drawn in its speaker's colour (their own words in bold, a reported quote
    in italics); in a pipe, a file or with NO_COLOR it is bracketed with its number, [q1 …], matching the list
    below the text. --format json prints the output record (DESIGN.md) instead."""
    from .. import query
    from ..record import to_record
    with open_store_or_fail(db) as store:
        article = query.show(store, article_id)
    if article is None:
        raise not_found("article", f"id {article_id!r}")
    record = to_record(article)
    if fmt != "text":
        click.echo(dump_json(record, pretty=fmt == "pretty"))
        return
    from rich.console import Console
    from .article import render
    console = Console(highlight=False, soft_wrap=not sys.stdout.isatty())
    render(record, console)


@click.command(help="Full-text search over stored titles and texts (FTS5), best match first, with optional filters."
               "\n\nSyntax: words all occur; \"a phrase\"; Syria OR Iran; -word or NOT word leaves out; Syri* is a"
               " prefix. Anything else is taken as plain words."
               f"\n\nA query matching more than {SEARCH_WINDOW:,} articles is ranked among its {SEARCH_WINDOW:,} most"
               " recently stored matches (see --window); narrow older searches with --until/--since.")
@click.argument("query_text", metavar="QUERY")
@db_option
@click.option("-n", "--limit", default=20, show_default=True, type=count(), help="Most hits to show.")
@date_options
@click.option("--source", default=None, help="Only articles from this outlet (case-insensitive).")
@click.option("--entity", default=None, metavar="NAME", help="Only articles naming this entity (or its aliases).")
@click.option("--speaker", default=None, metavar="NAME",
              help="Only articles quoting this speaker, found by any of their names as in `quotes --speaker`; a "
                   "name that means several people is noted on stderr.")
@click.option("--story", default=None, metavar="ID", help="Only articles of this story.")
@click.option("--window", default=None, type=count(min=0), metavar="N",
              help=f"Rank a broad query among its N newest matches instead of {SEARCH_WINDOW:,}; 0 ranks every"
                   " match (exact, but slow on common words in a large store).")
@offset_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def search(query_text, db, limit, since, until, source, entity, speaker, story, window, offset, fmt) -> None:
    from .. import query
    from ..linking import describe
    filters = query.SearchFilters(since=since, until=until, source=source, entity=entity, story=story,
                                  speaker=speaker)
    with open_store_or_fail(db) as store:
        page = query.search_page(store, query_text, filters, limit=limit, offset=offset, window=window)
        several = describe(query.speakers_named(store, speaker), speaker) if speaker else None
    if several:  # a surname two people share: the articles quoting any of them are found
        click.echo(f"note: {several}", err=True)
    if fmt == "jsonl":
        echo_jsonl(page.hits)
    else:
        for hit in page.hits:
            echo_lines([f"{hit.id}  {hit.published or '':<19}  {hit.title or ''}", f"    {bracketed(hit.snippet)}"])
    if not page.total:
        none_found("articles", criteria(query=query_text, since=since, until=until, source=source, entity=entity,
                                        speaker=speaker, story=story))
    elif fmt == "table":
        click.echo(showing(offset, len(page.hits), page.total if page.total_exact else None, "articles",
                           query.COUNT_CAP)
                   + (f"; the best among the {page.ranked_among_newest:,} stored last (--window ranks deeper, "
                      f"--since/--until reach older matches)" if page.ranked_among_newest else ""), err=True)


@click.command()
@db_option
@click.option("--speaker", default=None,
              help="Speaker name, case-insensitive: names with a word starting with it ('kerr', 'john k'); only "
                   "when no name has one, any part of a name ('erry'). A linked person is found by any of their "
                   "names ('Karl Brenner' also lists the quotes of articles naming him 'Brenner'); a name that "
                   "means several people is noted on stderr.")
@click.option("--about", default=None, help="An entity the quote speaks of.")
@date_options
@click.option("--include-copies", is_flag=True, default=False,
              help="Also list quotes again from syndicated copies (articles with duplicate_of set).")
@click.option("--unique", is_flag=True, default=False,
              help="One line per quotation cluster (the same words across articles), with its counts.")
@click.option("--conflicts", is_flag=True, default=False,
              help="Only quotation clusters attributed to different people (implies --unique).")
@click.option("--first-seen", is_flag=True, default=False,
              help="Clusters in order of first appearance, earliest first (implies --unique).")
@click.option("-n", "--limit", default=100, show_default=True, type=count())
@offset_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def quotes(db, speaker, about, since, until, include_copies, unique, conflicts, first_seen, limit, offset,
           fmt) -> None:
    """Stored quotations: speaker, date, kind, article and the words, filtered by speaker, subject and date.

    Only direct quotes (the speaker's own words) are shown in quotation marks; a reported (indirect) or partly
    reported (mixed) one is shown as written. The id in brackets opens the article with `newsgraph show`.

    --format csv is spreadsheet-safe as export's is (formula-like cells get a leading apostrophe); the table escapes
    control characters, so nothing an article says can act on the terminal."""
    if unique or conflicts or first_seen:
        if speaker or about or since or until or include_copies:
            raise click.UsageError("--unique/--conflicts/--first-seen list quotation clusters; --speaker, --about, "
                                   "--since, --until and --include-copies filter single quotes")
        from .quotations import list_clusters
        list_clusters(db, conflicts, first_seen, limit, offset, fmt)
        return
    from .. import query
    from ..linking import describe
    with open_store_or_fail(db) as store:
        page = query.quotes_page(store, speaker=speaker, about=about, since=since, until=until, limit=limit,
                                 offset=offset, include_copies=include_copies)
        total = offset + len(page.quotes) if page.next_offset is None else None
        # The table says how many: past this page (or past the end), they are counted, up to COUNT_CAP.
        if fmt == "table" and (total is None or (not page.quotes and offset)):
            total = query.count_quotes(store, speaker=speaker, about=about, since=since, until=until,
                                       include_copies=include_copies)
        several = describe(query.speakers_named(store, speaker), speaker) if speaker else None
    if several:  # a surname two people share: say whose quotes these are
        click.echo(f"note: {several}", err=True)
    hits = page.quotes
    if fmt == "jsonl":
        echo_jsonl(hits)
    elif fmt == "csv":
        write_csv([h.as_dict() for h in hits], sys.stdout, QUOTE_CSV_COLUMNS)
    else:
        echo_lines(line for h in hits for line in quote_lines(h))
    if total == 0:
        none_found("quotes", criteria(speaker=speaker, about=about, since=since, until=until))
    elif fmt == "table":
        click.echo(showing(offset, len(hits), total, "quotes", query.COUNT_CAP), err=True)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write here instead of stdout (with --part-rows: a folder).")
@click.option("--part-rows", type=click.IntRange(1), default=None, metavar="N",
              help="Parquet only: write -o DIR/part-00000.parquet, … of at most N articles each (one schema).")
@click.option("--tables", is_flag=True,
              help="Parquet only: write -o DIR/articles.parquet, quotes, entities, figures, times.parquet, "
                   "linked by article id, for analytics.")
def export(db, fmt, output, part_rows, tables) -> None:
    """Export every current article: jsonl (full records), csv (one row per article) or parquet (the csv's
    columns, typed, plus each full record; needs the parquet extra).

    CSV is spreadsheet-safe: a cell that starts like a formula (=, +, -, @, a tab or a carriage return) is written
    with a leading apostrophe, so a spreadsheet shows it as text and never runs it."""
    from .. import export as writers
    from ..errors import ConfigError, MissingExtra
    if tables:
        if fmt != "parquet" or not output or output == "-" or part_rows is not None:
            raise click.UsageError("--tables needs --format parquet and -o DIR (and no --part-rows)")
        try:
            with open_store_or_fail(db) as store:
                count = writers.export_tables(store, output)
        except (MissingExtra, ConfigError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"exported {count} articles as five tables to {output}", err=True)
        return
    if part_rows is not None:
        if fmt != "parquet" or not output or output == "-":
            raise click.UsageError("--part-rows needs --format parquet and -o DIR")
        try:
            with open_store_or_fail(db) as store:
                count = writers.export_parts(store, output, part_rows)
        except (MissingExtra, ConfigError) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"exported {count} articles to {output}", err=True)
        return
    to_stdout = not output or output == "-"
    if fmt == "parquet":
        out = sys.stdout.buffer if to_stdout else output
    else:
        out = out_stream(output)
    try:
        with open_store_or_fail(db) as store:
            count = writers.export(store, fmt=fmt, out=out)
    except MissingExtra as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if fmt != "parquet":
            close_out(out, output)
    click.echo(f"exported {count} articles", err=True)


@click.command()
@db_option
@click.option("--clusters", is_flag=True, default=False,
              help="Rebuild the quotation clusters instead (a store made before them, or new matching rules).")
def reindex(db, clusters) -> None:
    """Rebuild the full-text index in segments of stored order, each merged.

    A store made before version 3 of the store schema has its index split into segments of 131,072 articles, so
    that ranking a common word weighs it within the newest segments instead of the whole store; one made before
    version 2 also gains the facet tokens that let date, outlet and story filters narrow a search inside the index
    (until then they are applied match by match, slower on large stores).
    One transaction: interrupted, the store keeps its old index. It holds the store's write lock throughout (about a
    minute per 50,000 articles on 2 cores; 19 minutes for 10^6), so run it while nothing else writes to the store:
    readers are not blocked. Date tokens are written from each article's UTC date, and the per-entity counts of
    entity pages are recounted from the stored rows (a store made before them gets them on any writer's open).

    With --clusters, re-cluster the quotations of every current article from empty instead (one transaction too);
    ingest keeps clusters current by itself, so this is only for older stores or changed matching rules.
    """
    if clusters:
        from ..query import rebuild_clusters
        with open_store_or_fail(db, write=True) as store:
            with progress_bar("clusters", total=store.count()) as advance:
                done = rebuild_clusters(store, progress=lambda n: advance(None, n))
        click.echo(f"clustered the quotations of {done:,} articles", err=True)
        return
    with open_store_or_fail(db, write=True) as store:
        total = store.count()
        with progress_bar("reindex", total=total) as advance:
            done = store.reindex(progress=lambda n: advance(None, n))
    click.echo(f"indexed {done:,} articles", err=True)
