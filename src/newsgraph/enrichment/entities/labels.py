"""Type evidence for the entity vote: what a name's own words and its syntax say about its type.

The statistical tagger labels each mention on its own, and often inconsistently; these cues are generic lexicons
and syntax, never lists of particular names:

- the head noun of a multi-word name ("Johnson Space Center", "Museum of Flight", "Municipality of Livorno",
  "Qatar Airways") names its kind: a facility, a natural place, an organisation, a state;
- a maker's name right before a model number is a product ("Boeing 737-800", "Airbus A380");
- ministry portfolio words written as part of a title ("Home Secretary", "Minister of Education") are not an
  organisation;
- a person is signalled by apposition to a person noun ("their child, Gloria"), an age ("Montalvo, 19,") or a
  list of full names it belongs to ("Ansel Adams, Chuck Close, Walker Evans").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ... import lang

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

_EN = lang.get("en").entities
ORG_HEADS, FAC_HEADS, LOC_HEADS, GPE_HEADS = _EN.ORG_HEADS, _EN.FAC_HEADS, _EN.LOC_HEADS, _EN.GPE_HEADS
_LEADING_PLACE = _EN.LEADING_PLACE  # a place word written first: "Lake Michigan", "Mount Kenya", "Fort Worth"
_HEAD_DELIMITERS = _EN.HEAD_DELIMITERS
_INSTITUTION_DELIMITERS = _EN.INSTITUTION_DELIMITERS  # "Center for Disease Control" is an institution


def head_type(words: list[str]) -> Optional[str]:
    """The type a multi-word name's head noun names, or None: 'Museum of Flight' -> FAC, 'Bank of X' -> ORG."""
    lowered = [w.casefold().strip(",") for w in words]
    if len(lowered) < 2:
        return None
    if lowered[0] in _LEADING_PLACE:
        return _LEADING_PLACE[lowered[0]]
    split = next((i for i, w in enumerate(lowered) if w in _HEAD_DELIMITERS and i > 0), None)
    head = lowered[split - 1] if split else lowered[-1]
    if head in ORG_HEADS:
        return "ORG"
    if head in FAC_HEADS:
        return "ORG" if split and lowered[split] in _INSTITUTION_DELIMITERS else "FAC"
    if head in LOC_HEADS:
        return "LOC"
    return "GPE" if head in GPE_HEADS else None


_MODEL = re.compile(r"[A-Z]{0,3}-?\d{2,4}[A-Za-z]{0,3}(?:-\d{1,4}[A-Za-z]{0,3})?s?")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def model_after(doc: "Doc", span_end_token: int) -> Optional["Token"]:
    """The last token of a model designation right after a maker's name ('Boeing' 737-800, 'Airbus' A380), or
    None. Years are not models ('Apple 2008 results')."""
    if span_end_token >= len(doc):
        return None
    tok = doc[span_end_token]
    if not _MODEL.fullmatch(tok.text) or _YEAR.fullmatch(tok.text):
        return None
    i = tok.i
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_ and not doc[i + 1].whitespace_ \
            and doc[i + 2].text[:1].isdigit():
        return doc[i + 2]  # '737' '-' '800'
    return tok


PORTFOLIOS, _PORTFOLIO_TITLES = _EN.PORTFOLIOS, _EN.PORTFOLIO_TITLES


def is_portfolio(span: "SpacySpan") -> bool:
    """'Home' in 'Home Secretary', 'Education' in 'Minister of Education': part of a title, not an organisation."""
    if not all(t.lower_ in PORTFOLIOS or t.lower_ in {"of", "and", "&"} for t in span):
        return False
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
    return after in _PORTFOLIO_TITLES or (len(before) == 2 and before[0] in _PORTFOLIO_TITLES
                                          and before[1] in {"of", "for"})


# Nouns for people a name can stand in apposition to ("their child, Gloria"), and company nouns written before
# or beside a company's name ("retailer Best Buy", "Cisco, a networking company").
PERSON_NOUNS, ORG_NOUNS = _EN.PERSON_NOUNS, _EN.ORG_NOUNS


def org_context(span: "SpacySpan") -> bool:
    """A company noun right before the name or as its appositive."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in ORG_NOUNS:
        return True
    return any(child.dep_ == "appos" and child.lower_ in ORG_NOUNS for child in span.root.children)


def _is_age(tok: "Token") -> bool:
    return tok.like_num and tok.text.isdigit() and 0 < int(tok.text) < 120


_APPOS_PERSON = PERSON_NOUNS | _EN.PERSON_APPOSITION_HEADS


def person_context(span: "SpacySpan") -> bool:
    """Syntax that marks a person: apposition to a person noun, a person's title or an age ("Lin He, a professor
    at …"), or a list of full names."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in PERSON_NOUNS:
        return True
    for child in root.children:
        if child.dep_ == "appos" and (child.lower_ in _APPOS_PERSON and child.pos_ == "NOUN" or _is_age(child)):
            return True
    if span.label_ in {"GPE", "LOC", "FAC"}:
        return False  # places are listed beside people often enough ("Saratoga Springs, New York and …")
    full_names = [c for c in root.conjuncts if c.ent_type_ == "PERSON" and c.ent_iob_ == "I"]
    return len(full_names) >= 2


_SPEECH_VERBS, _HE_SHE, _HIS_HER = _EN.SPEECH_VERBS, _EN.PERSON_SUBJECT_PRONOUNS, _EN.PERSON_POSSESSIVES


def person_report(span: "SpacySpan") -> bool:
    """The name is the subject of a clause that refers back to it with he/she: "Symms said he has been …", "Tanden
    launched her campaign". An organisation is "it"; acronyms are left alone ("the FBI said he lied" is about
    someone else)."""
    root = span.root
    verb = root.head
    # The small parser often reads a surname before "said" as an adverb: the order is the evidence then.
    if span.text.isupper() or root.dep_ not in {"nsubj", "nsubjpass"} and not (
            verb.i == span.end and verb.lower_ in _SPEECH_VERBS):
        return False
    for child in verb.children:
        if child.i <= span.end - 1:
            continue
        if child.dep_ == "ccomp" and verb.lower_ in _SPEECH_VERBS:
            if any(t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in _HE_SHE for t in child.children):
                return True
        elif child.dep_ == "dobj" and any(t.dep_ == "poss" and t.lower_ in _HIS_HER for t in child.children):
            return True
    return False


_PLACE_PREPS, _MOTION_PREPS, _MOTION_VERBS = _EN.PLACE_PREPOSITIONS, _EN.MOTION_PREPOSITIONS, _EN.MOTION_VERBS
_PLACE_NOUNS, _ROUTE_MODIFIERS = _EN.PLACE_NOUNS_AFTER_NAME, _EN.ROUTE_MODIFIERS
_PLACE_OF = _EN.PLACE_OF_NOUNS


def place_evidence(span: "SpacySpan") -> Optional[str]:
    """A one-word name the sentence uses as a place: the name of a lowercase place noun it stands before ("the
    Northfield rail line", "the former Kestrel airfield", "the Wend valley"), or the object of a place
    preposition ("near Eastbrook", "outside Eastbrook") or of a motion verb's "to"/"from" ("diverted to
    Eastbrook"), or the "of" phrase of an office or part only a place has ("the mayor of Eastbrook"). Not "in", "at" or "from" alone: news writes "a stake in Twitter", "a debate in Congress", "a
    degree from Harvard". Returns the place type, or None."""
    if len(span) != 1 or not span[0].text[:1].isupper():
        return None
    doc, tok = span.doc, span[0]
    j = tok.i + 1
    while j < len(doc) and doc[j].lower_ in _ROUTE_MODIFIERS and doc[j].text.islower():
        j += 1
    if j < len(doc) and doc[j].text.islower() and doc[j].lower_ in _PLACE_NOUNS:
        return _PLACE_NOUNS[doc[j].lower_]
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    prep = tok.head.lower_
    office = tok.head.head
    if prep == "of" and office.lower_ in _PLACE_OF and (office.text.islower() or office.is_sent_start):
        return "GPE"  # "the mayor of Eastbrook", "residents of Kestrel"
    if prep in _PLACE_PREPS or prep in _MOTION_PREPS and tok.head.head.pos_ == "VERB" \
            and not _MOTION_VERBS.isdisjoint(_verb_bases(tok.head.head.lower_)):
        return "GPE"
    return None


def _verb_bases(word: str) -> set[str]:
    """The forms a regular English verb form may come from (the pipeline runs no lemmatizer): 'diverted' ->
    {'diverted', 'divert', 'diverte', …}, 'shipped' -> {…, 'ship'}, 'flew' stays 'flew' (irregular forms are listed
    in the lexicon)."""
    out = {word}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[:-len(suffix)]
            out.update({stem, stem + "e"})
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # 'shipped' -> 'ship'
    return out


def place_context(span: "SpacySpan") -> bool:
    """A one-word name listed among places only ("in Ghana, Kenya and Malawi"): a place, whatever the tagger said
    of it. Two places at least, so one misread neighbour decides nothing."""
    if len(span) != 1:
        return False
    others = [t for t in span.root.conjuncts if t.ent_type_]
    return len(others) >= 2 and all(t.ent_type_ == "GPE" for t in others)


# When votes tie, the more specific reading wins; spaCy's LOC (a non-state place) is its least reliable label.
_TIE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "FAC": 3, "NORP": 4, "LOC": 5}


def winner(votes) -> str:
    """The type with most votes; ties go by :data:`_TIE_ORDER`."""
    return max(votes.items(), key=lambda kv: (kv[1], -_TIE_ORDER.get(kv[0], 9)))[0]
