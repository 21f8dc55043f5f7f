"""Quotations across the corpus: ``newsgraph quote CLUSTER_ID`` and the cluster lists of ``newsgraph quotes``
(``--unique``, ``--conflicts``, ``--first-seen``)."""
from __future__ import annotations

import sys
from typing import Optional

import click

from .common import db_option, dump_json, echo_lines, none_found, not_found, open_store_or_fail, showing
from .common import counted
from .render import echo_jsonl, write_csv

#: The cluster list's CSV: the flat fields of ``QuoteCluster.as_dict()``.
CLUSTER_CSV_COLUMNS = ["id", "text", "speaker", "speaker_votes", "votes", "occurrences", "stories", "outlets",
                       "conflict", "drifted"]
_STALE = ("quotation clusters do not cover every stored article (a store made before clusters): run "
          "`newsgraph reindex --clusters`")


def _spread(c) -> str:
    """'3 reports, 2 stories, 2 outlets'; an article with no known outlet is not '0 outlets' but says so."""
    outlets = counted(c.outlets, "outlet", "outlets") if c.outlets else "outlet unknown"
    return f"{counted(c.occurrences, 'report', 'reports')}, {counted(c.stories, 'story', 'stories')}, {outlets}"


def cluster_lines(c) -> list[str]:
    """Two lines per cluster: id, counts, first seen, speaker with its votes, a conflict mark; then the words."""
    speaker = f"{c.speaker_name} ({c.speaker_votes}/{c.votes})" if c.speaker_name else "(unknown)"
    flags = (" CONFLICT" if c.conflict else "") + (f" drift {c.drifted}" if c.drifted else "")
    return [f"#{c.id}  {_spread(c)}  first "
            f"{c.first_published or 'undated'}  {speaker}{flags}", f"    “{c.text}”"]


def list_clusters(db, conflicts: bool, first_seen: bool, limit: int, offset: int, fmt: str) -> None:
    from .. import query
    order = "first_seen" if first_seen else "occurrences"
    with open_store_or_fail(db) as store:
        rows = query.quotations(store, conflicts=conflicts, order=order, limit=limit + 1, offset=offset)
        more, rows = len(rows) > limit, rows[:limit]
        total: Optional[int] = offset + len(rows)
        if fmt == "table" and (more or (not rows and offset)):  # the table's count, up to a cap (read to count)
            counted = query.quotations(store, conflicts=conflicts, order=order, limit=query.COUNT_CAP + 1)
            total = len(counted) if len(counted) <= query.COUNT_CAP else None
        complete = query.clusters_complete(store)
    if not complete:
        click.echo(_STALE, err=True)
    if fmt == "jsonl":
        echo_jsonl(rows)
    elif fmt == "csv":
        write_csv([r.as_dict() for r in rows], sys.stdout, CLUSTER_CSV_COLUMNS)
    else:
        echo_lines(line for r in rows for line in cluster_lines(r))
    if total == 0:
        none_found("conflicting quotations" if conflicts else "quotations")
    elif fmt == "table":
        click.echo(showing(offset, len(rows), total, "quotations", query.COUNT_CAP), err=True)


def page_lines(q) -> list[str]:
    c = q.cluster
    out = [f"quotation #{c.id}", f"    “{c.text}”",
           f"speaker: {c.speaker_name or '(unknown)'} ({c.speaker_votes} of {c.votes} story votes)",
           f"first seen: {c.first_published or 'undated'} in {c.first_source or '(unknown outlet)'} [{c.first_article}]",
           f"spread: {_spread(c)}"]
    out += [f"    {day}  {n}" for day, n in q.by_day]
    if q.conflicts:
        out.append("CONFLICT: attributed to different people")
        out += [f"    {s.name} ({s.votes} stories, {s.strong} named): {', '.join(s.articles)}" for s in q.conflicts]
    out.append("occurrences:")
    for o in q.occurrences:
        occ = o.occurrence
        mark = " (copy)" if o.copy else ""
        out.append(f"    {occ.published or 'undated'}  {occ.source or '?'}  [{occ.article}]  "
                   f"{occ.speaker_name or '(unknown)'}{mark}")
        if o.drift.drifted:
            out.append(f"        DRIFT: {o.drift.text()}")
    return out


@click.command()
@click.argument("cluster_id", type=int)
@db_option
@click.option("--format", "fmt", type=click.Choice(["pretty", "json"]), default="pretty", show_default=True)
def quote(cluster_id, db, fmt) -> None:
    """One quotation across the corpus: canonical text, voted speaker, first seen, reports over time, conflicting
    attributions (with the articles on each side) and drifted wordings (word-level diff). CLUSTER_ID is the #
    number `newsgraph quotes --unique` shows."""
    from .. import query
    with open_store_or_fail(db) as store:
        found = query.quotation(store, cluster_id)
    if found is None:
        raise not_found("quotation", f"cluster #{cluster_id}")
    if not found.complete:
        click.echo(_STALE, err=True)
    if fmt == "json":
        click.echo(dump_json(found.as_dict(), pretty=True))
    else:
        echo_lines(page_lines(found))
