"""Stored text as HTML: every character escaped first, then only our own tags added around annotation spans.

Annotations nest and overlap (a quote holds entities and figures; a speaker may sit inside a quote), so the text is
cut at every span boundary and each piece is wrapped once, with the classes of every span covering it. Nothing
from the article ever becomes a tag, an attribute name or a URL.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from markupsafe import Markup, escape

from ..query.articles import Span

SPEAKER_COLOURS = 8  # distinct quote colours (CSS classes spk-0 … spk-7); more speakers reuse them
_MARKED = re.compile(r"\[([^\[\]]{1,200})\]")
_CLASS = {"quote": "q", "cue": "cue", "speaker": "who", "entity": "ent", "figure": "fig", "time": "tim"}


def snippet_html(snippet: str) -> Markup:
    """A search snippet (matched terms in ``[brackets]``) with the matches in ``<mark>``, all else escaped."""
    return Markup(_MARKED.sub(r"<mark>\1</mark>", str(escape(snippet))))


def speaker_colours(spans: Iterable[Span]) -> dict[str, int]:
    """Colour index per speaker, in order of first quote, so one speaker keeps one colour on the page."""
    colours: dict[str, int] = {}
    for span in spans:
        if span.type == "quote":
            colours.setdefault(span.speaker or "", len(colours) % SPEAKER_COLOURS)
    return colours


def _classes(active: list[Span], colours: dict[str, int]) -> str:
    names = []
    for span in active:
        names.append(_CLASS[span.type])
        if span.type in ("quote", "speaker"):
            names.append(f"spk-{colours.get(span.speaker or '', 0)}")
    return " ".join(dict.fromkeys(names))


def article_html(text: str, spans: list[Span], colours: Optional[dict[str, int]] = None) -> Markup:
    """The text with each piece inside annotations wrapped in a ``<span>`` saying what covers it (``title`` for a
    hover without JavaScript, ``data-tip`` for the side panel); each quote starts at an anchor ``q<start>``."""
    colours = speaker_colours(spans) if colours is None else colours
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    starts = {s.start for s in valid if s.type == "quote"}
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        if left in starts:
            out.append(f'<span class="anchor" id="q{left}"></span>')
        piece = str(escape(text[left:right]))
        active = [s for s in valid if s.start <= left and right <= s.end]
        if not active:
            out.append(piece)
            continue
        tip = str(escape("\n".join(dict.fromkeys(s.label for s in active))))
        quoted = [s.start for s in active if s.type == "quote"]
        mark = f' data-q="{quoted[0]}"' if quoted else ""  # every piece of one quote names the quote's start
        out.append(f'<span class="{_classes(active, colours)}"{mark} title="{tip}" data-tip="{tip}">{piece}</span>')
    return Markup("".join(out))
