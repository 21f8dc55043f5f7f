"""Roles: titles written before a person's name ("Foreign Minister Sergey Lavrov") and appositions ("Sergey Lavrov,
Russia's foreign minister"). Forms of address ("Mr.") are evidence of a person, never a role."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from ... import lang
from ..base import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_EN = lang.get("en").entities
PERSON_TITLES = _EN.PERSON_TITLES

_ROLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_ROLE_JOIN = _EN.ROLE_JOIN


def title_before(doc: "Doc", start_char: int) -> Optional[str]:
    """A title written right before a name: 'German Foreign Minister' -> 'Foreign Minister',
    'Opposition councillor' -> 'Opposition councillor'. Nationality and employer are context, not the role."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None:
        return None
    i = span.start - 1
    words: list["Token"] = []
    while i >= 0:
        tok = doc[i]
        if tok.ent_type_ in {"PERSON", "DATE", "TIME", "CARDINAL"} or tok.is_punct and tok.text != "-":
            break
        titled = tok.pos_ in _ROLE_POS and tok.text[:1].isupper() and not tok.is_sent_start
        if titled and any(w.text[:1].islower() for w in words):
            break  # "Rail Connect chief executive": capitals before a lowercase title name the employer
        if _common_opener(tok) and words and all(w.text.islower() for w in words):
            words.insert(0, tok)  # "Council leader", "Harbour master": a common noun capitalised by position
            break
        if titled or tok.lower_ in PERSON_TITLES or (tok.lower_ in _ROLE_JOIN and words):
            words.insert(0, tok)
            i -= 1
            continue
        break
    while words and (words[0].ent_type_ in {"GPE", "NORP", "ORG"} and not _common_opener(words[0])
                     or words[0].lower_ in _ROLE_JOIN):
        words.pop(0)
    if not words or not (words[-1].lower_ in PERSON_TITLES or words[-1].text[:1].isupper()):
        return None
    return doc_text(doc)[words[0].idx:words[-1].idx + len(words[-1].text)]


_KIND_NOUNS = _EN.ORG_HEADS | _EN.FAC_HEADS | _EN.LOC_HEADS


def _common_opener(tok: "Token") -> bool:
    """A sentence's first word, capitalised by its position only, that belongs to the title after it: a kind of
    body or place ("Council leader", "Harbour master") or a word the tagger finds no name in ("City engineer",
    "Opposition councillor"); not an employer's name ("Apple spokeswoman")."""
    return tok.is_sent_start and tok.text[:1].isupper() and tok.text[1:].islower() and (
        tok.lower_ in _KIND_NOUNS or tok.pos_ in _ROLE_POS and not tok.ent_type_)


def _apposition(doc: "Doc", start_char: int, end_char: int) -> Optional[str]:
    """'Sergey Lavrov, Russia's foreign minister,' -> 'foreign minister' (the appositive's head phrase)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    if possessor(span):  # "Sanders’ son, Tywanza": the noun after a possessive is someone else
        return None
    root = span.root
    heads = [tok for tok in root.children if tok.dep_ == "appos" and tok.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i \
            and root.head.lower_ in _APPOSITION_TITLES:
        heads.append(root.head)  # the title first: "Brightfield's director, Owen Carver"
    for tok in heads:
        mods = [t for t in tok.lefts if t.dep_ in {"compound", "amod"} and t.ent_type_ == ""]
        first = mods[0] if mods else tok
        return doc_text(doc)[first.idx:tok.idx + len(tok.text)]
    return None


def possessor(span) -> bool:
    """Whether a mention is followed by a possessive marker (``Sanders’ son``, ``Ortiz's aide``), however the
    parser labelled the noun after it."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and (nxt.tag_ == "POS" or nxt.lower_ in ("'s", "’s", "’", "'"))


_APPOSITION_TITLES = PERSON_TITLES | _EN.PERSON_APPOSITION_HEADS


# Forms of address: evidence of a person (and of gender, for the quote resolver), but not a role.
HONORIFICS = _EN.HONORIFICS


def find_roles(doc: "Doc", spans: Iterable[tuple[int, int]]) -> list[str]:
    roles: list[str] = []
    for start, end in spans:
        for role in (title_before(doc, start), _apposition(doc, start, end)):
            if role and role.casefold() not in HONORIFICS and role.casefold() not in {r.casefold() for r in roles}:
                roles.append(role)
    return roles
