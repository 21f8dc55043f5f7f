"""What the gold readers give: :class:`GoldDoc` and its spans, and the text assembly both readers share.

The MEANTIME reader (:mod:`.gold`) and the GUM reader (:mod:`.gold_gum`) both import from here and never from each
other, so neither is loaded half-way through the other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

Span = tuple[int, int]


@dataclass(slots=True)
class GoldMention:
    start: int
    end: int
    type: str
    syntactic_type: Optional[str]
    chain: Optional[str]
    head: Optional[Span] = None
    ref: Optional[str] = None  # cross-document identity: the entity's DBpedia resource (MEANTIME external_ref)
    instance: Optional[str] = None  # MEANTIME's cross-document instance_id of the entity


@dataclass(slots=True)
class GoldSpeech:
    cue: Span
    cue_text: str
    lemma: Optional[str]
    speaker: Optional[GoldMention]
    speaker_chain: Optional[str]


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: Optional[str]
    function: Optional[str]


@dataclass(slots=True)
class GoldValue:
    start: int
    end: int
    type: Optional[str]
    value: Optional[str]


@dataclass(slots=True)
class GoldQuote:
    start: int
    end: int
    tag: str = "quote"


@dataclass(slots=True)
class GoldDate:
    start: int
    end: int
    when: Optional[str]
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class GoldDoc:
    id: str
    path: str
    text: str
    title: Optional[str]
    dct: Optional[str]
    topic: Optional[str]
    mentions: list[GoldMention] = field(default_factory=list)
    speech: list[GoldSpeech] = field(default_factory=list)
    timexes: list[GoldTimex] = field(default_factory=list)
    values: list[GoldValue] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)


# --------------------------------------------------------------------------- text assembly

class TextBuilder:
    """Appends token surfaces with separators and remembers each token's character span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []

    def add(self, surface: str, sep: str) -> Span:
        if self.spans and sep:
            self.parts.append(sep)
            self.length += len(sep)
        start = self.length
        self.parts.append(surface)
        self.length += len(surface)
        self.spans.append((start, self.length))
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def cover(spans: list[Span], indices: Iterable[int]) -> Optional[Span]:
    """The span from the first to the last of the tokens ``indices`` (None for none)."""
    idx = sorted(set(indices))
    if not idx:
        return None
    return spans[idx[0]][0], spans[idx[-1]][1]


def sentence_spans(spans: list[Span], sentence_of: list[int]) -> list[Span]:
    """Each sentence's span, in sentence order, from its tokens' spans and sentence numbers."""
    out: dict[int, Span] = {}
    for (start, end), sent in zip(spans, sentence_of):
        first = out.get(sent)
        out[sent] = (first[0] if first else start, end)
    return [out[k] for k in sorted(out)]
