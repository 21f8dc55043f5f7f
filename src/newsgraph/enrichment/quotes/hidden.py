"""Speaker phrases a cue's parse does not give: the parser took a word inside the quotation for the verb's
subject, or hung the cue on a verb inside the quoted words. Read the text around the quotation instead."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ...model import Span
from .cues import Cue, left_neighbour, speaker_range
from .marks import QuoteStretch

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def char_range(doc: "Doc", tokens: tuple[int, int]) -> Span:
    left, right = tokens
    last = doc[right - 1]
    return doc[left].idx, last.idx + len(last.text)


def speaker_after(doc: "Doc", stretch: QuoteStretch, cue: Cue) -> Optional[Span]:
    """The speaker of a cue right after a quotation when the parser took a word inside the quotation for the
    verb's subject: the first name or pronoun between the closing mark and the verb."""
    verb = doc[cue.verb]
    between = doc.char_span(stretch.outer[1], verb.idx, alignment_mode="contract")
    if between is None:  # nothing but spaces between the closing mark and the verb: '"…," said Ortiz'
        return _phrase_after(doc, verb) if not doc.text[stretch.outer[1]:verb.idx].strip() else None
    head = next((t for t in between if t.pos_ in ("PROPN", "PRON", "NOUN")), None) or _word_name(between, verb)
    if head is None and all(t.is_punct or t.is_space for t in between):
        return _phrase_after(doc, verb)
    while head is not None and head.dep_ == "compound" and head.i < head.head.i < verb.i:
        head = head.head  # "Gene Sperling": the name's head, so the phrase is the whole name
    if head is None:
        return None
    left, right = speaker_range(doc, head)
    return char_range(doc, (max(left, between.start), right))  # never words of the quotation itself


_AFTER_NAME_TOKENS = 8
_PHRASE_STOPS = frozenset({",", "(", ".", ";", ":", "—", "–", "-", "\"", "“", "”"})


def _phrase_after(doc: "Doc", verb: "Token") -> Optional[Span]:
    """``"…," said Oversight ranking Democrat Elijah Cummings (D-Md.).``, ``"…," said David Brock, a confidant
    who …``: an inverted attribution whose name the parser hung elsewhere (an object, a clause of its own). The
    words right after the verb up to the first comma, bracket, stop, verb or preposition, ending on a name (or on
    a noun after a determiner: ``"…," said the woman, who …``, ``"…," read the email.``)."""
    words: list["Token"] = []
    for tok in doc[verb.i + 1:min(len(doc), verb.i + 2 + _AFTER_NAME_TOKENS)]:
        # a participle inside a title goes on ("Oversight ranking Democrat"); a finite verb ends the phrase
        if tok.text in _PHRASE_STOPS or tok.is_space or tok.pos_ in ("AUX", "ADP", "SCONJ", "CCONJ") \
                or tok.pos_ == "VERB" and tok.tag_ not in ("VBG", "VBN"):
            break
        words.append(tok)
    else:
        return None  # no end within reach: a clause, not a name with its title
    if not words or words[0].pos_ == "PRON" or words[-1].pos_ not in ("PROPN", "NOUN"):
        return None  # "said that …", "said in a statement", "said he": no inverted name
    if words[-1].pos_ == "NOUN" and not (words[0].pos_ == "DET" or any(t.pos_ == "PROPN" for t in words)):
        return None  # "…," read the statement / said the woman, who …: a described speaker, not a bare noun
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _word_name(between, verb) -> Optional["Token"]:
    """``"…," From said.``, ``"…," Early said``: a surname that is also a word, tagged as that word, alone and
    capitalised between the quotation and its verb, is the speaker's name."""
    words = [t for t in between if not t.is_punct and not t.is_space]
    if verb.tag_ not in ("VBD", "VBZ"):  # "said", "says"; not a headline's "'…' To Ask For …"
        return None
    if len(words) == 1 and words[0].i == verb.i - 1 and words[0].is_title and words[0].is_alpha:
        return words[0]
    return None


def speaker_outside(doc: "Doc", cue: Cue, layout) -> Optional[Span]:
    """The speaker of a cue before a quotation when the parser hung the cue on a verb inside the quoted words
    (``Clinton seemed ready, telling the crowd, "Some people get carried away"``): the subject of the nearest verb
    above the cue that stands outside the quotation, itself outside it and before the cue."""
    verb = doc[cue.verb]
    for up in verb.ancestors:
        if layout.inside_quote(up.idx):
            continue
        subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is not None and not layout.inside_quote(subj.idx) and speaker_ok(subj) \
                and subj.dep_ == "nsubj":
            return char_range(doc, speaker_range(doc, subj))
        if subj is not None:
            return None
    near = left_neighbour(verb) or _name_before(verb)  # "Rep. Paul Ryan (R-WI) said "…"": the name before it
    if near is None or layout.inside_quote(near.idx):
        return None
    return char_range(doc, speaker_range(doc, near))


def _name_before(verb) -> Optional["Token"]:
    """The proper name right before a verb, past a parenthesis (``Dana Marsh (D-OH) said``), whatever the parse
    made of it."""
    i = verb.i - 1
    doc = verb.doc
    if i >= 0 and doc[i].text == ")":
        while i > 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ == "PROPN" else None


def speaker_ok(tok) -> bool:
    # a question word or a relative pronoun names nobody by itself ('"…," who proceeded to sing', 'for what happened:')
    return tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.lower_ not in ("it", "there", "that", "this", "which") \
        and tok.tag_ not in ("WP", "WDT")


_PARTICIPLE_TAGS = ("VBG",)


def speaker_unparsed(doc: "Doc", cue: Cue, quoted) -> Optional[Span]:
    """A speaker for a cue the parse left without one, read off the sentence as news writes it; ``quoted(offset)``
    tells whether an offset lies inside quotation marks. Two shapes:

    - a participle of saying after a comma (``Ortiz spoke in Paris on Tuesday, noting …``, ``X shared the news,
      writing "…"``): its understood subject is the subject of the clause it follows, the nearest verb before it
      in the sentence with a subject of its own;
    - a verb of saying right after a name and its description (``…, Col. Dana Reyes, a spokeswoman in Kabul,
      said``) that the parser hung on a noun before it: that name."""
    verb = doc[cue.verb]
    if cue.kind not in ("verb", "parataxis") or quoted(verb.idx):
        return None
    sent = verb.sent
    if verb.tag_ in _PARTICIPLE_TAGS and verb.i > sent.start and doc[verb.i - 1].text in (",", "—", "–"):
        for tok in reversed(doc[sent.start:verb.i - 1]):
            if tok.pos_ not in ("VERB", "AUX") or quoted(tok.idx) or tok.tag_ in ("VBG", "VBN"):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if speaker_ok(subj) and not quoted(subj.idx) and subj.tag_ not in ("WDT", "WP"):
                return char_range(doc, speaker_range(doc, subj))
            return None
        return None
    i = verb.i - 1
    if i <= sent.start or doc[i].text != ",":
        return None
    for tok in reversed(doc[sent.start:i]):
        # the name heads the phrase that ends at the comma: not a place or date inside it ("in Kabul", "on Dec. 2")
        # or the parser hung the verb on the name as a modifier ("Ortiz, the 2012 nominee, tweeted …": acl)
        ends_there = tok.right_edge.i == i - 1 or verb.dep_ == "acl" and verb.head.i == tok.i
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", "") and ends_there \
                and tok.dep_ not in ("compound", "pobj", "dobj", "poss") and not quoted(tok.idx):
            return char_range(doc, speaker_range(doc, tok))
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":") or quoted(tok.idx):
            return None
    return None
