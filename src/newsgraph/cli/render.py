"""How query results are printed: one-line tables, JSON lines and CSV rows from each result's ``as_dict()``.

The results shape the data (``newsgraph.query``); this module only lays it out, so the CLI and the JSON API show
the same fields.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, TextIO

import click

from ..safe import csv_writer
from ..storage.base import QuoteHit, marked_parts
from .common import dump_json


def bracketed(snippet: str) -> str:
    """A search snippet for a terminal: each matched term in [brackets] (the store marks them with characters no
    text holds; a reader of plain text needs visible ones). A snippet is one line: the text's line and paragraph
    breaks inside it become spaces (a terminal line would show them as ``\x0a``)."""
    flat = " ".join(snippet.split("\n"))
    return "".join(f"[{text}]" if matched else text for text, matched in marked_parts(flat))


def quoted(hit: QuoteHit) -> str:
    """The quote's text, in quotation marks only when it is the speaker's own words (``direct``): a reported
    (``indirect``) or partly reported (``mixed``) quote is not what they said word for word."""
    text = hit.text or ""
    return f"“{text}”" if hit.kind == "direct" else text


def quote_lines(hit: QuoteHit, with_speaker: bool = True) -> list[str]:
    """Two lines per quote: who, when, which kind and which article (an id ``newsgraph show`` takes), then the
    words."""
    head = [hit.speaker or "(unknown)"] if with_speaker else []
    head += [hit.published or "undated", hit.kind or "quote", f"{hit.title or '(untitled)'} [{hit.article_id}]"]
    return [" — ".join(head), "    " + quoted(hit)]


def echo_jsonl(results: Iterable[Any]) -> None:
    for result in results:
        click.echo(dump_json(result.as_dict()))


def write_csv(rows: list[dict[str, Any]], out: TextIO, columns: Optional[list[str]] = None) -> None:
    """``rows`` under a header of ``columns`` (default: the first row's keys); nested values as JSON text."""
    fields = columns or (list(rows[0]) if rows else [])
    writer = csv_writer(out)  # formula-like cells get a leading apostrophe: see newsgraph.safe
    writer.writerow(fields)
    for row in rows:
        writer.writerow([dump_json(v) if isinstance(v, (dict, list)) else v for v in (row.get(k) for k in fields)])
