"""What a quote is about: the entities its reported content speaks of (DESIGN.md's ``about``), never its speaker.

Read from the content the record gives (a direct quote's parts, a mixed or indirect quote's complement clause) and
from the reporting clause's own "of"/"about" phrase, in three ways:

- a name written inside the content ("ships would be diverted to Eastbrook");
- a definite description inside the content that takes up a body or place the article named before the quote by
  its kind word: "the union" after "the Harbour Workers Union", "the port" after "Port Alder", "the council" after
  "Riverton Council" (only when exactly one such entity carries that word, and only kind words: "the news" never
  points at a newspaper);
- the reporting clause's topic phrase: "said of Ortiz", "asked about the Environment Agency", "speaking about
  Brightfield".

A pronoun inside the content is left alone: "it had offered" is nearly always the speaker itself, which ``about``
leaves out.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence

from ... import lang
from ...model import Entity, Span
from ...text import fold_case

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .cues import Cue

_EN = lang.get("en").entities
_REFERENCE_NOUNS = _EN.DEFINITE_REFERENCE_NOUNS
_DEFINITE = frozenset({"the", "this", "that"})
_TOPIC_PREPS = frozenset({"of", "about", "regarding", "concerning"})


def find_about(doc: "Doc", areas: Sequence[Span], cue: Optional["Cue"], entities: Sequence[Entity],
               speaker_entity: Optional[str]) -> list[str]:
    """Entity ids the quote speaks of, in the order of ``entities``; ``areas`` is the quote's content."""
    found: set[str] = set()
    for ent in entities:
        if any(a[0] <= m.start and m.end <= a[1] for m in ent.mentions for a in areas):
            found.add(ent.id)
    if areas:
        found.update(_descriptions(doc, areas, entities))
    if cue is not None:
        found.update(_topic(doc, cue, entities))
    found.discard(speaker_entity)
    return [e.id for e in entities if e.id in found]


def _descriptions(doc: "Doc", areas: Sequence[Span], entities: Sequence[Entity]) -> set[str]:
    """'the union' → the one entity named earlier whose name begins or ends with the kind word 'union'."""
    by_word: dict[str, list[Entity]] = {}
    for ent in entities:
        words = [fold_case(w) for w in ent.name.split()]
        if ent.type == "PERSON" or len(words) < 2:
            continue
        for word in {words[0], words[-1]} & _REFERENCE_NOUNS:
            by_word.setdefault(word, []).append(ent)
    if not by_word:
        return set()
    out = set()
    start = min(a[0] for a in areas)
    for a, b in areas:
        span = doc.char_span(a, b, alignment_mode="contract")
        if span is None:
            continue
        for tok in span:
            if tok.lower_ not in by_word or not tok.text.islower() or not _definite(tok):
                continue
            earlier = [e for e in by_word[tok.lower_] if e.mentions and e.mentions[0].start < start]
            if len(earlier) == 1:
                out.add(earlier[0].id)
    return out


def _definite(tok: "Token") -> bool:
    """'the port', 'the regional council': a definite noun phrase headed by ``tok``, not a compound ('union
    leaders') and not a phrase naming its own owner ('the port of Port Alder' is found by its name)."""
    if tok.dep_ == "compound":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        return False
    left = [t for t in tok.lefts if t.dep_ == "det"]
    return bool(left) and left[0].lower_ in _DEFINITE


def _topic(doc: "Doc", cue: "Cue", entities: Sequence[Entity]) -> set[str]:
    """'said of Ortiz', 'asked about the agency': entities named in the cue verb's topic phrase."""
    verb = doc[cue.verb]
    out = set()
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _TOPIC_PREPS:
            continue
        a, b = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text)
        for ent in entities:
            if any(a <= m.start and m.end <= b for m in ent.mentions):
                out.add(ent.id)
    return out
