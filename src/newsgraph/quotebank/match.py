"""Are two quotations the same words? And where do they differ?

Outlets trim a quotation to a fragment, splice two stretches with an ellipsis, fix a typo, or change a word. The
rule: the shorter version's words must (almost all) appear, in order, in the longer one.

- **exact**: the same words after normalising (:mod:`.words`).
- **contained / edited**: the shorter version has at least ``min_words`` words, and at least ``min_share`` of them
  are found in the longer one in runs of two or more words in order (``difflib``'s matching blocks). Runs of one
  word are not counted: a short quote's words scattered singly through a long one ("the", "we", "not") are chance,
  while a changed word leaves runs on both sides of it.

Why ``min_words = 6``: shorter quoted fragments ("very concerned", "a great day for America") are stock phrases
that many people say; sharing them is no evidence of one statement. Six words in the same order rarely recur by
chance in news prose, and a reporter's excerpt of a statement is nearly always longer. Why ``min_share = 0.8``: one
changed word in five still matches (a changed word breaks one run into two); two in six does not.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal, Optional

from .words import Words

Kind = Literal["exact", "contained", "edited"]


@dataclass(frozen=True, slots=True)
class MatchParams:
    min_words: int = 6
    min_share: float = 0.8


def _blocks(a: tuple[str, ...], b: tuple[str, ...]):
    return SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()


def same_quotation(a: Words, b: Words, params: MatchParams = MatchParams()) -> Optional[Kind]:
    """How ``a`` and ``b`` are the same quotation, or None when they are not (see the module docstring)."""
    if min(len(a), len(b)) < params.min_words:
        return None  # too short to be evidence, even when identical (a stock phrase)
    if a.words == b.words:
        return "exact"
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(block.size for block in _blocks(short.words, long_.words) if block.size >= 2)
    if shared < params.min_share * len(short):
        return None
    return "contained" if shared == len(short) else "edited"


@dataclass(frozen=True, slots=True)
class Drift:
    """How an occurrence's words differ from the canonical text. ``changed``: words replaced or added;
    ``dropped``: canonical words left out inside the occurrence with no ellipsis shown; ``excerpt``: the occurrence
    starts or ends inside the canonical text (a fragment of it). ``diff`` is word-level: ``(op, words)`` with op
    ``=`` (same), ``-`` (canonical words missing), ``+`` (occurrence words not in the canonical), ``…`` (a cut
    shown with an ellipsis)."""

    changed: int
    dropped: int
    excerpt: bool
    diff: tuple[tuple[str, str], ...]

    @property
    def drifted(self) -> bool:
        """Words differ beyond marks and shown cuts: something was changed, added, or silently left out."""
        return bool(self.changed or self.dropped)

    def text(self) -> str:
        """The diff inline: ``[-gone-]``, ``{+new+}``, ``[…]`` for a cut shown to the reader."""
        out = []
        for op, words in self.diff:
            out.append(words if op == "=" else f"[-{words}-]" if op == "-" else f"{{+{words}+}}" if op == "+"
                       else f"[…{words}…]")
        return " ".join(out)

    def as_dict(self) -> dict[str, Any]:
        return {"drifted": self.drifted, "changed": self.changed, "dropped": self.dropped, "excerpt": self.excerpt,
                "diff": [list(pair) for pair in self.diff], "inline": self.text()}


def drift(canonical: Words, occurrence: Words) -> Drift:
    """The word-level difference of ``occurrence`` from ``canonical``, trimmed to the stretch the occurrence
    covers: what lies before its first or after its last matched word is an excerpt boundary, not drift."""
    c, o = canonical.words, occurrence.words
    ops = SequenceMatcher(None, c, o, autojunk=False).get_opcodes()
    equal = [i for i, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return Drift(len(o), 0, False, (("-", " ".join(c)), ("+", " ".join(o))) if c or o else ())
    first, last = equal[0], equal[-1]
    changed = dropped = 0
    diff: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in ops[first:last + 1]:
        if tag == "equal":
            diff.append(("=", " ".join(c[i1:i2])))
        elif tag == "delete" and j1 in occurrence.gaps:
            diff.append(("…", " ".join(c[i1:i2])))
        else:
            if i2 > i1:
                diff.append(("-", " ".join(c[i1:i2])))
            if j2 > j1:
                diff.append(("+", " ".join(o[j1:j2])))
            if tag == "delete":
                dropped += i2 - i1
            else:
                changed += max(i2 - i1, j2 - j1)
    # Occurrence words outside the matched stretch are additions too (a word tacked on at either end).
    head, tail = ops[first][3], len(o) - ops[last][4]
    if head:
        diff.insert(0, ("+", " ".join(o[:head])))
    if tail:
        diff.append(("+", " ".join(o[len(o) - tail:])))
    changed += head + tail
    excerpt = ops[first][1] > 0 or ops[last][2] < len(c)
    return Drift(changed, dropped, excerpt, tuple(diff))
