"""``newsgraph show`` for a person: one article laid out for a terminal.

Title, one metadata line, the text with every quotation marked, then the quotations (speaker, kind, how the speaker
was found), the entities, the figures and the dates. On a colour terminal a quotation is drawn in its speaker's
colour (the speaker's own words in bold, a reported quote in italics); anywhere else (a pipe, a file, NO_COLOR) it is
put in brackets with its number, ``[q1 …]``, so the marks survive without colour. Every piece of stored text is
escaped for the terminal (:func:`newsgraph.safe.terminal_text`) and handed to rich as plain text, never as markup.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from rich.console import Console
from rich.text import Text

from ..query.articles import _figure_label
from ..safe import terminal_line, terminal_text
from ..text import outlet_of

#: Speaker colours, in order of each speaker's first quote in the article; more speakers than colours reuse them.
PALETTE = ("cyan", "magenta", "green", "yellow", "bright_blue", "red", "bright_cyan", "bright_magenta")


def speaker_of(quote: dict[str, Any]) -> Optional[str]:
    speaker = quote.get("speaker") or {}
    return speaker.get("name") or speaker.get("text")


def speaker_colours(quotes: list[dict[str, Any]]) -> dict[str, str]:
    """One colour per speaker, in order of their first quote in the text."""
    colours: dict[str, str] = {}
    for q in sorted(quotes, key=lambda q: tuple(q.get("span") or (0, 0))):
        colours.setdefault(speaker_of(q) or "", PALETTE[len(colours) % len(PALETTE)])
    return colours


def marked_text(record: dict[str, Any], colour: bool) -> Text:
    """The article text with each quotation marked: coloured by speaker, or ``[qN …]`` without colour. A quote
    whose span overlaps an earlier one is left unmarked (the list below still shows it)."""
    text = record.get("text") or ""
    quotes = record.get("quotes") or []
    colours = speaker_colours(quotes)
    order = sorted(range(len(quotes)), key=lambda i: tuple(quotes[i].get("span") or (0, 0)))
    out = Text()
    pos = 0
    for i in order:
        q = quotes[i]
        start, end = (q.get("span") or (0, 0))[:2]
        if not 0 <= pos <= start < end <= len(text):
            continue
        out.append(terminal_text(text[pos:start]))
        words = terminal_text(text[start:end])
        if colour:
            style = colours.get(speaker_of(q) or "", PALETTE[0])
            out.append(f"q{i + 1} ", style=f"dim {style}")
            out.append(words, style=f"{style} {'bold' if q.get('kind') == 'direct' else 'italic'}")
        else:
            out.append(f"[q{i + 1} {words}]")
        pos = end
    out.append(terminal_text(text[pos:]))
    return out


def _meta(record: dict[str, Any]) -> str:
    parts = [record.get("published") or "undated", outlet_of(record.get("source"), record.get("canonical_url") or record.get("url")) or "outlet unknown"]
    if record.get("authors"):
        parts.append("by " + ", ".join(str(a) for a in record["authors"]))
    if record.get("agency"):
        parts.append(str(record["agency"]))
    if record.get("language"):
        parts.append(str(record["language"]))
    parts.append(f"id {record.get('id')}")
    if record.get("duplicate_of"):
        parts.append(f"copy of {record['duplicate_of']}")
    elif record.get("story") and record.get("story") != record.get("id"):
        parts.append(f"story {record['story']}")
    if record.get("url"):
        parts.append(str(record["url"]))
    return " · ".join(parts)


def _quote_lines(record: dict[str, Any]) -> Iterator[str]:
    for i, q in enumerate(record.get("quotes") or []):
        speaker = q.get("speaker") or {}
        who = speaker_of(q) or "(unknown speaker)"
        via = f", found by {speaker['via']}" if speaker.get("via") else ""
        written = speaker.get("text")
        as_written = f" (written '{written}')" if written and written != who else ""
        cue = f", cue '{q['cue']}'" if q.get("cue") else ""
        yield f"q{i + 1}  {who}{as_written} — {q.get('kind') or 'quote'}{cue}{via}"
        words = q.get("text") or ""
        yield "    " + (f"“{words}”" if q.get("kind") == "direct" else words)


def _entity_lines(record: dict[str, Any]) -> Iterator[str]:
    for e in record.get("entities") or []:
        roles = f"; {', '.join(e['roles'])}" if e.get("roles") else ""
        linked = f"; {e['global_id']}" if e.get("global_id") else ""
        mentions = len(e.get("mentions") or [])
        yield f"{e.get('type') or '?':<8} {e.get('name')} ({mentions} mention{'s' if mentions != 1 else ''}" \
              f"{roles}{linked})"


def _figure_lines(record: dict[str, Any]) -> Iterator[str]:
    text = record.get("text") or ""
    for f in record.get("figures") or []:
        start, end = (f.get("span") or (0, 0))[:2]
        yield f"'{text[start:end]}' — {_figure_label(f)}"


def _time_lines(record: dict[str, Any]) -> Iterator[str]:
    text = record.get("text") or ""
    for t in record.get("times") or []:
        start, end = (t.get("span") or (0, 0))[:2]
        yield f"'{text[start:end]}' — {t.get('type') or 'time'}: {t.get('value') or 'unresolved'}"


def _section(console: Console, title: str, count: int, lines: list[str], heading_style: str) -> None:
    console.print()
    console.print(Text(f"{title} ({count})", style=heading_style))
    for line in lines:
        console.print(Text(terminal_line(line)))


def render(record: dict[str, Any], console: Console) -> None:
    """Print the article ``record`` (the output record, DESIGN.md) for a reader on ``console``."""
    colour = console.is_terminal and not console.no_color and console.color_system is not None
    heading = "bold" if colour else ""
    console.print(Text(terminal_line(record.get("title") or "(untitled)"), style=heading))
    console.print(Text(terminal_line(_meta(record)), style="dim" if colour else ""))
    console.print()
    console.print(marked_text(record, colour))
    for title, key, lines in (("Quotes", "quotes", _quote_lines), ("Entities", "entities", _entity_lines),
                              ("Figures", "figures", _figure_lines), ("Dates", "times", _time_lines)):
        _section(console, title, len(record.get(key) or []), list(lines(record)), heading)
