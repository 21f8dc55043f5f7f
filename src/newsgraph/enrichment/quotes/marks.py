"""Finding quoted stretches from quotation marks alone (no parse needed).

Marks come in two families, double (" “ ” « » „) and single (' ‘ ’ ‹ ›), which may nest. Each mark is classified
from its neighbours as an opener, a closer or either; a single mark between letters or after a plural ``s`` with no
single quote open is an apostrophe (``don't``, ``farmers' union``, ``'90s``). A quote running over paragraphs has an
opening mark at the start of each paragraph and one closing mark at its end. A mark that finds no partner is dropped
on its own, so one stray mark never costs the article its other quotes. Two straight apostrophes (``''It is,''
he said``), as archives of newspapers typed on keyboards without curly quotes write a double mark, count as one
double mark standing where the pair's inner character is. An opening ``“`` typed right after a word or a
comma, before a space or punctuation, while a double quote is open, closes it (``“abhorrent“ in a post``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ...model import Span

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[“«\"‘'])")
_APOSTROPHE_PAIR = re.compile(r"(?<!['’‘])(''|’’|‘‘)(?!['’‘])")
_PAIRS = ("''", "’’", "‘‘")
_OPEN_CONTEXT = " \t\n([{—–-/:;,"  # what may stand before an opening mark
_CLOSE_CONTEXT = " \t\n)]}—–-/:;,.!?…"  # what may follow a closing mark


@dataclass(slots=True)
class QuoteStretch:
    """One quotation, possibly over several paragraphs: ``parts`` exclude the marks, ``outer`` includes them."""

    parts: list[Span]
    outer: Span
    family: str  # "double" | "single"
    nested: list[Span] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(slots=True)
class _Mark:
    pos: int
    family: str
    role: str  # "open" | "close" | "either" | "apostrophe"


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def classify(text: str, i: int) -> _Mark:
    """Family and role of the mark at ``text[i]`` judged from its neighbours only."""
    ch, prev, nxt = text[i], _before(text, i), _after(text, i)
    family = "single" if ch in SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE else "double"
    if family == "single" and prev.isalnum() and nxt.isalnum():
        return _Mark(i, family, "apostrophe")  # don't, it’s, O'Neil
    if family == "single" and ch in "'’‘" and nxt.isdigit() and (prev.isspace() or i == 0):
        return _Mark(i, family, "apostrophe")  # '90s
    if ch in DOUBLE_OPEN + SINGLE_OPEN:
        return _Mark(i, family, "open")
    if ch in DOUBLE_CLOSE + SINGLE_CLOSE:
        role = "close"
        if family == "single" and prev in "sS" and nxt.isspace():
            role = "close_or_apostrophe"  # farmers’ union: only a closer when a single quote is open
        return _Mark(i, family, role)
    opens = prev in _OPEN_CONTEXT and not nxt.isspace()
    closes = nxt in _CLOSE_CONTEXT and not prev.isspace()
    if family == "single" and prev in "sS" and nxt.isspace():
        return _Mark(i, family, "close_or_apostrophe")
    if opens and not closes:
        return _Mark(i, family, "open")
    if closes and not opens:
        return _Mark(i, family, "close")
    return _Mark(i, family, "either")


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blank-line separated (a single newline before an opening mark also starts one)."""
    out, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _pair_in_paragraph(text: str, span: Span) -> tuple[list[tuple[int, int, str]], dict[str, int]]:
    """Matched (open, close, family) mark positions in one paragraph, plus openers left pending at its end."""
    pending: dict[str, int] = {}
    pairs: list[tuple[int, int, str]] = []
    for i in range(span[0], span[1]):
        if text[i] not in ALL_MARKS:
            continue
        mark = classify(text, i)
        fam, role = mark.family, mark.role
        if fam in pending and text[pending[fam]] in "„‚" and text[i] in "“‘":
            role = "close"  # German „…“ closes with the English opening mark
        elif text[i] == "“" and fam in pending and (_before(text, i).isalnum() or _before(text, i) == ",") \
                and _after(text, i) in _CLOSE_CONTEXT:
            # "called it “abhorrent“ in a tweet": an opening mark typed where a closer belongs (after a sentence's
            # end it might as well open the next sentence's quotation, a space slipped in: left alone)
            role = "close"
        if role == "apostrophe" or (role == "close_or_apostrophe" and fam not in pending):
            continue
        if role in ("close", "close_or_apostrophe") or (role == "either" and fam in pending):
            if fam in pending:
                pairs.append((pending.pop(fam), i, fam))
                if fam == "double":
                    pending.pop("single", None)  # a single opened inside and never closed was an apostrophe
            continue
        pending[fam] = i  # a second opener replaces a stray first one
    return pairs, pending


def find_stretches(text: str) -> list[QuoteStretch]:
    """All quoted stretches of ``text``; a double quote left open at a paragraph's end runs on into the next
    paragraph when that one opens with a quotation mark or closes the quote without reopening it."""
    raw, text = text, _paired_apostrophes(text)
    stretches: list[QuoteStretch] = []
    carried: Optional[QuoteStretch] = None
    skipped = 0
    for p_start, p_end in paragraphs(text):
        scan_from = p_start
        if carried is not None and skipped < _MAX_CAPTIONS and _caption(text, p_start, p_end):
            skipped += 1  # a photo caption or a subhead set between a quotation's paragraphs: read past it
            continue
        skipped = 0
        if carried is not None:
            carried, scan_from = _continue(text, carried, (p_start, p_end), stretches)
        pairs, pending = _pair_in_paragraph(text, (scan_from, p_end))
        if carried is not None:  # the paragraph continues the quote and leaves it open again
            opener = pending.pop("double", None)
            if opener is None or opener != _trim(text, p_start, p_end)[0]:
                carried = None
            else:
                carried.parts.append(_trim(text, opener + 1, p_end))
                _add_pairs(text, pairs, stretches)
                continue
        _add_pairs(text, pairs, stretches)
        if "double" in pending:
            o = pending["double"]
            carried = QuoteStretch([_trim(text, o + 1, p_end)], (o, p_end), "double")
    for q in stretches:  # "…," he said: the comma belongs to the attribution, not to the words quoted
        q.parts = [(a, b - 1) if b - a > 1 and text[b - 1] == "," else (a, b) for a, b in q.parts]
        a, b = q.outer  # both apostrophes of a pair belong to the mark
        q.outer = (a - 1 if raw[a - 1:a + 1] in _PAIRS else a, b + 1 if raw[b - 1:b + 1] in _PAIRS else b)
    return _nest(stretches)


_MAX_CAPTIONS = 3
_CAPTION_WORDS = 25


def _caption(text: str, start: int, end: int) -> bool:
    """A short line with no quotation mark and no closing stop (``Protesters have worn masks to protect their
    identities``): a caption or subhead that page layouts set between the paragraphs of a long quotation."""
    body = text[start:end].strip()
    doubles = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE
    return 0 < len(body.split()) <= _CAPTION_WORDS and not any(c in doubles for c in body) and body[-1:].isalnum()


def _paired_apostrophes(text: str) -> str:
    """``''`` written for a double quotation mark, as one straight double mark on the side of the quoted words
    (the other apostrophe becomes a space): ``''Yes,'' he said`` reads as ``" Yes," he said`` would, offsets
    unchanged. Two curly single marks are one double mark too (``“It was wrong,’’ Moy said``, as some wire copy
    closes a quotation). Three apostrophes or a pair inside a word are left alone."""
    if not any(p in text for p in _PAIRS):
        return text
    def mark(m: re.Match) -> str:
        prev = text[m.start() - 1] if m.start() else " "
        nxt = text[m.end()] if m.end() < len(text) else " "
        opens = prev in _OPEN_CONTEXT and not nxt.isspace()
        closes = nxt in _CLOSE_CONTEXT and not prev.isspace()
        if opens == closes:
            return m.group()  # no side to read: left as two apostrophes
        return ' "' if opens else '" '
    return _APOSTROPHE_PAIR.sub(mark, text)


def _continue(text: str, carried: QuoteStretch, para: Span,
              out: list[QuoteStretch]) -> tuple[Optional[QuoteStretch], int]:
    """Extend an open quote into paragraph ``para``; returns the quote if still open and where scanning resumes."""
    first = _trim(text, para[0], para[1])[0]
    if first < para[1] and text[first] in DOUBLE_OPEN + STRAIGHT_DOUBLE:
        pairs, _ = _pair_in_paragraph(text, para)
        closing = next((pr for pr in pairs if pr[0] == first), None)
        if closing is None:
            return carried, para[0]  # opens again and stays open: the caller appends the paragraph
        carried.parts.append(_trim(text, first + 1, closing[1]))
        _finish(carried, closing[1], out)
        return None, closing[1] + 1
    closer = _first_double_closer(text, para)
    if closer is None:
        return None, para[0]  # never closed: the opening mark was a stray one
    carried.parts.append(_trim(text, para[0], closer))
    _finish(carried, closer, out)
    return None, closer + 1


def _finish(carried: QuoteStretch, close_pos: int, out: list[QuoteStretch]) -> None:
    carried.outer = (carried.outer[0], close_pos + 1)
    carried.parts = [p for p in carried.parts if p[1] > p[0]]
    if carried.parts:
        out.append(carried)


def _first_double_closer(text: str, para: Span) -> Optional[int]:
    """Position of the paragraph's first double mark when it can only close (no opener before it)."""
    for i in range(para[0], para[1]):
        if text[i] in DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE:
            role = classify(text, i).role
            return i if role in ("close", "either") else None
    return None


def _add_pairs(text: str, pairs: list[tuple[int, int, str]], out: list[QuoteStretch]) -> None:
    for o, c, fam in pairs:
        inner = _trim(text, o + 1, c)
        if inner[1] > inner[0]:
            out.append(QuoteStretch([inner], (o, c + 1), fam))


def _nest(stretches: list[QuoteStretch]) -> list[QuoteStretch]:
    """Keep outermost stretches; a stretch inside another is recorded as its ``nested`` span."""
    stretches.sort(key=lambda q: (q.outer[0], -q.outer[1]))
    out: list[QuoteStretch] = []
    for q in stretches:
        host = next((h for h in out if h.outer[0] <= q.outer[0] and q.outer[1] <= h.outer[1]), None)
        if host is not None:
            host.nested.append(q.parts[0])
        else:
            out.append(q)
    return out
