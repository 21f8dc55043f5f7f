"""What a figure counts (``object``) and what gives it meaning (``event``), read from the dependency parse.

- object: the noun the number modifies ("25 people" → people, with its compounds: "job cuts"), or the noun after
  "of" ("thousands of pages", "20 of its 777 planes");
- event: the first verb above the counted noun (or above the figure when nothing is counted) — given as its past
  participle so "killing 25 people" and "25 people were killed" both read ``killed`` — or, for a figure that
  modifies a noun ("$123 million defense aid package"), that noun with its compounds.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ... import lang
from ..base import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODIFIER_DEPS = {"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"}
_EN = lang.get("en").figures
IRREGULAR = _EN.IRREGULAR
_VOWELS = set("aeiou")
UNIT_MARKS = {"%", "percent", "$", "€", "£", "¥"}


def past_participle(verb: "Token") -> str:
    """``killing`` → ``killed``; a verb already in past form keeps its surface."""
    if verb.tag_ in ("VBD", "VBN"):
        return verb.lower_
    lemma = lemma_of(verb).lower()
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ied"
    vowel_groups = sum(1 for k, c in enumerate(lemma) if c in _VOWELS and (k == 0 or lemma[k - 1] not in _VOWELS))
    if (vowel_groups == 1 and len(lemma) >= 3 and lemma[-1] not in _VOWELS | set("wxy")
            and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS):
        return lemma + lemma[-1] + "ed"  # stop → stopped
    return lemma + "ed"


def noun_phrase(noun: "Token", floor: int = 0, adjectives: bool = False) -> str:
    """The noun with the compound words written right before it ("defense aid package"), never reaching back
    before token ``floor`` (the figure's own unit is not what it counts); with ``adjectives`` also the adjectives
    between a figure and the noun it modifies ("50-megawatt solar farm")."""
    deps = ("compound", "amod") if adjectives else ("compound",)
    start = noun.i
    doc = noun.doc
    while start > floor and doc[start - 1].dep_ in deps and doc[start - 1].head.i in range(start, noun.i + 1) \
            and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ") and not doc[start - 1].like_num:
        start -= 1
    words = [t.text if t.pos_ == "PROPN" else t.lower_ for t in doc[start: noun.i + 1]]
    return " ".join(words)


def anchor(doc: "Doc", start: int, end: int) -> "Token":
    """The token of the figure's tokens ``[start, end)`` whose head lies outside them (the last such)."""
    outside = [t for t in doc[start:end] if (not (start <= t.head.i < end) or t.head.i == t.i)
               and not t.is_punct]  # an inch mark hangs on the noun as punctuation: "a 13.3” display"
    return outside[-1] if outside else doc[end - 1]


def counted_noun(doc: "Doc", start: int, end: int) -> Optional["Token"]:
    """The noun the figure counts, or None."""
    top = anchor(doc, start, end)
    head = top.head
    if top.dep_ in MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i >= end and head.i != top.i:
        if not head.like_num:
            return head
    for tok in doc[start:end]:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= end:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.head.i == top.i and nxt.dep_ in ("pobj", "dobj"):
        return nxt
    return None


def event_of(doc: "Doc", start: int, end: int, noun: Optional["Token"], stop: Optional[int] = None) \
        -> Optional[str]:
    """The verb (past participle) or the modified noun phrase that gives the figure its meaning; none is looked for
    at or past token ``stop`` (the sentence ended there though the parser did not see it)."""
    x = noun if noun is not None else anchor(doc, start, end)
    for _ in range(6):
        head = x.head
        if head.i == x.i or (stop is not None and head.i >= stop):
            return None
        if head.pos_ == "VERB":
            return past_participle(head)
        if head.pos_ == "AUX":
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != x.i), None)
            return noun_phrase(subject) if subject is not None and subject.pos_ == "NOUN" else None
        if head.pos_ in ("NOUN", "PROPN") and not (start <= head.i < end) and x.dep_ not in ("conj", "appos") \
                and (noun is None or head.i != noun.i) and not (head.like_num or head.text in UNIT_MARKS):
            if x.dep_ in MODIFIER_DEPS or x.dep_ == "prep":
                return noun_phrase(head)
        x = head
    return None
