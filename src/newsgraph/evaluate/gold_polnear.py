"""Reading PolNeAR (attribution relations in 2016 US election news) from its brat standoff files.

A split folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; where an article has two
annotators the first file by name is the reference. Text-bound lines ``T`` carry a label and character offsets
(``s e`` or, discontinuous, ``s e;s e``); an event line ``E`` ties one attribution's ``Source:``, ``Cue:`` and
``Content:`` together (``Attribution-no-source`` events have no source). ``Discard``/``Discuss`` spans are not
attributions and are skipped.

The data stays in the shared folder: this module reads it for evaluation only and copies nothing into the package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..model import Span

# A content span that holds one of these is a direct or mixed quotation. The closing single mark is left out: in
# this data it is nearly always an apostrophe (Clinton’s); two straight apostrophes are the double mark of the
# New York Times texts (''Yes,'' he said).
QUOTE_MARKS = "“”\"«»‘"
PAIRED_APOSTROPHES = "''"
RELATIVE_SOURCES = frozenset({"who", "which", "that", "whom"})
_ANTECEDENT_WORDS = 6
_APPOSITION_WORDS = 16


@dataclass(slots=True)
class GoldAttribution:
    """One attribution relation: its content pieces, cue pieces and source pieces (none when unsourced)."""

    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return self.content[0][0], self.content[-1][1]

    def quoted(self, text: str) -> bool:
        """Whether the content holds a quotation mark (a direct or mixed quotation)."""
        return any(ch in QUOTE_MARKS for s, e in self.content for ch in text[s:e]) \
            or any(PAIRED_APOSTROPHES in text[s:e] for s, e in self.content)


@dataclass(slots=True)
class PolnearDoc:
    id: str
    text: str
    attributions: list[GoldAttribution]


def _pieces(offsets: str) -> list[Span]:
    out = []
    for piece in offsets.split(";"):
        s, e = piece.split()
        out.append((int(s), int(e)))
    return sorted(out)


def parse_ann(lines: list[str]) -> list[GoldAttribution]:
    """Attributions of one brat file, in content order; events without a content are skipped."""
    spans: dict[str, list[Span]] = {}
    events: list[dict[str, str]] = []
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            if label in ("Source", "Cue", "Content"):
                spans[cols[0]] = _pieces(offsets)
        elif line.startswith("E") and len(cols) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg))
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if not content:
            continue
        out.append(GoldAttribution(content, spans.get(ev.get("Cue", ""), []), spans.get(ev.get("Source", ""), [])))
    out.sort(key=lambda a: a.span)
    return out


def read_polnear(split_dir: Path, limit: Optional[int] = None) -> list[PolnearDoc]:
    """The documents of one split (``.../polnear/dev``), sorted by name; an article without annotation is
    skipped."""
    split_dir = Path(split_dir)
    files: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]+$", "", ann.stem)
        files.setdefault(name, ann)  # first annotator by file name is the reference
    docs = []
    for name, ann in sorted(files.items())[:limit]:
        text_path = split_dir / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append(PolnearDoc(name, text, parse_ann(ann.read_text(encoding="utf-8").splitlines())))
    return docs


def antecedent(text: str, source: Span) -> Optional[Span]:
    """For a relative pronoun source (``Sen. Ortiz, who told …``) the phrase it refers to: the words just before
    it, back to the previous clause boundary (at most a few words); None for any other source. The dot of an
    initial or of a name's last abbreviation is no boundary (``Donald Trump Jr., who``, ``James B. Comey, who``);
    a description apposed to a name is read by :func:`apposed_name`."""
    s, e = source
    if text[s:e].strip().lower() not in RELATIVE_SOURCES:
        return None
    return _phrase_before(text, s)


def apposed_name(text: str, source: Span) -> Optional[Span]:
    """For a relative pronoun after a description apposed to a name (``Dana Ruiz, a retired teacher who …``) the
    words before that description, ending on the name; None otherwise."""
    s, e = source
    if text[s:e].strip().lower() not in RELATIVE_SOURCES:
        return None
    clause = _phrase_before(text, s, _APPOSITION_WORDS)  # the whole description, however long
    if clause is None or not _DESCRIPTION.match(text[clause[0]:clause[1]]) \
            or not text[:clause[0]].rstrip().endswith(","):
        return None
    named = _phrase_before(text, clause[0])
    return named if named is not None and _NAME_END.search(text[named[0]:named[1]]) else None


# An abbreviation or an initial whose dot ends no clause: "Jr.", "Sen.", "Inc.", "B." in "James B. Comey".
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bJr|\bSr|\bInc|\bCo|\bCorp|\bLtd|U\.S)\.$")
_DESCRIPTION = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)
_NAME_END = re.compile(r"[A-Z][\w'’.-]*$")


def _phrase_before(text: str, offset: int, most: int = _ANTECEDENT_WORDS) -> Optional[Span]:
    """The words right before ``offset`` (past spaces and commas), back to a clause boundary or a few words."""
    end = offset
    while end > 0 and text[end - 1] in " ,\n\t":
        end -= 1
    start = end
    words = 0
    while start > 0 and words <= most:
        ch = text[start - 1]
        if ch in ".;:!?\n(,—" and not (ch == "." and _ABBREVIATION.search(text[max(0, start - 5):start])):
            break
        start -= 1
        if text[start] == " ":
            words += 1
    while start < end and text[start] == " ":
        start += 1
    return (start, end) if end > start else None
