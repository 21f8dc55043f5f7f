"""The tense that governs a time expression, read from the dependency parse and the verb's morphology.

"said on Friday" -> past, "will meet on Friday" -> future, "meets on Friday" -> present. Used to choose which
occurrence of a year-less month or weekday is meant. ``None`` when no verb governs the expression.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ... import lang
from ..base import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_EN = lang.get("en").times
_FUTURE_AUX, _UNCERTAIN_AUX = _EN.FUTURE_AUXILIARIES, _EN.UNCERTAIN_AUXILIARIES
_MAX_HOPS = 6
_CONDITION_MARKS = _EN.CONDITION_MARKS
# Verbs whose time expression names something still ahead of the moment they describe.
_PROSPECTIVE = _EN.PROSPECTIVE_VERBS
_RESCHEDULING = _EN.RESCHEDULING_VERBS


def tense_and_clause(doc: "Doc", start: int, end: int) -> tuple[Optional[str], Optional[int]]:
    """The tense of the expression at ``[start, end)`` of ``doc`` ("past", "present", "future" or None) and the
    token index of the verb whose clause it sits in (two expressions with the same one share a clause); None where
    no verb governs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    verb = _governing_verb(span.root)
    if verb is None:
        return None, None
    tense = _tense(verb)
    if tense == "past" and span.start > 0 and doc[span.start - 1].lower_ in ("to", "until", "till") \
            and lemma_of(verb) in _RESCHEDULING:
        tense = None  # "the hearing was moved to April 15": a new date, ahead of the move, on either side of now
    return tense, _clause(verb)


def _tense(verb: "Token") -> Optional[str]:
    if _conditional_ahead(verb):
        return "future"
    tense = _verb_tense(verb)
    if lemma_of(verb) in _PROSPECTIVE:
        # "the vote is expected on Thursday" looks ahead; "was set for June 30" looked ahead from a past moment
        return "future" if tense in ("present", "future", None) else None
    return tense


def _clause(verb: Optional["Token"]) -> Optional[int]:
    # "fell compared with the previous year": the comparison belongs to the clause "compared" hangs on
    for _ in range(_MAX_HOPS):
        if verb is None or lemma_of(verb) != "compare" or verb.head.i == verb.i:
            break
        verb = _governing_verb(verb.head)
    return None if verb is None else verb.i


def _governing_verb(token: "Token") -> Optional["Token"]:
    tok = token
    for _ in range(_MAX_HOPS):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _conditional_ahead(verb: "Token") -> bool:
    """"would be diverted if the dispute lasted beyond Friday": a past form in a condition on a "would"/"will"
    clause is a hypothetical ahead of the moment, not a past event."""
    if verb.tag_ != "VBD" or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children):
        return False
    return bool({a.lower_ for a in _auxiliaries(verb.head)} & (_FUTURE_AUX | {"would", "'d"}))


def _auxiliaries(verb: "Token") -> list["Token"]:
    """The verb's auxiliaries, also those the parser hung on another auxiliary ("would remain banned" after a
    parenthetical ", however," is parsed would -> remain -> banned)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return auxes + [g for a in auxes for g in a.children if g.dep_ in ("aux", "auxpass")]


def _verb_tense(verb: "Token", depth: int = 0) -> Optional[str]:
    auxes = _auxiliaries(verb)
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.lower_ == "going" for a in auxes) or _is_going_to(verb):
        return "future"
    if words & _UNCERTAIN_AUX:
        return None
    if "to" in words and verb.tag_ in ("VB", "VBN"):
        return _infinitive_tense(verb, depth)  # "to launch", "to be held"
    if any("Past" in a.morph.get("Tense") for a in auxes):
        return "past"
    if any(lemma_of(a) == "have" for a in auxes):
        return "past"  # present perfect points back in time
    if verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        # present passive or linking verb: "talks are scheduled for Friday", "lorries remain banned until April"
        return "present"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acomp", "xcomp", "oprd") and verb.head.i != verb.i \
            and depth < 2:
        return _verb_tense(verb.head, depth + 1)  # "would remain banned": the linking verb carries the tense
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ == "VBG" and any(lemma_of(a) == "be" for a in auxes):
        return "future" if not _aux_past(auxes) else "past"  # "is meeting on Friday": an arrangement ahead
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def _infinitive_tense(verb: "Token", depth: int) -> Optional[str]:
    """"plans to launch in June" looks ahead; "was to launch in June" is unclear, so no choice is forced."""
    head = verb.head
    if head.i == verb.i or depth > 2 or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return "future"
    done = lemma_of(head) in _EN.IMPLICATIVE_VERBS  # "tried to board on Friday": the boarding was then
    if head.pos_ == "ADJ":  # "was willing to skip class Thursday": the linking verb carries the tense
        done = head.lower_ not in _EN.PROSPECTIVE_ADJECTIVES  # "was due to be released in September" looks ahead
        head = head.head if head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i else head
    governing = _verb_tense(head, depth + 1) if head.pos_ in ("VERB", "AUX") else "present"
    if governing == "past" and head.pos_ in ("VERB", "AUX") and done:
        return "past"
    return "future" if governing in ("present", "future") else None


def _aux_past(auxes: list["Token"]) -> bool:
    return any("Past" in a.morph.get("Tense") for a in auxes)


def _is_going_to(verb: "Token") -> bool:
    head = verb.head
    return head.i != verb.i and head.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)
