"""Who a participle of saying belongs to when the parse hangs it on the wrong clause.

News writes a participle of saying after a comma for the subject of the sentence's main report (``Bennett denied
the notion that a shakeup is coming, explaining that …``; ``Hannity said so on his show after the senator won his
primary, remarking that …``), while a parser hangs it on the nearest verb. Climbing from the participle then lands
on a subject that cannot speak (``a shakeup``, ``the episode``, ``It`` of ``It was a potent punch``) or on the
subject of a subordinate clause that only times the report. :func:`participle_speaker` moves the speaker to the
subject that can: up the clauses the participle's verb is part of, else a clause between that subject and the
participle (``The first incident came …, when protesters interrupted her, shouting …``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ... import lang
from ..base import lemma_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = lang.get("en").quotes
_ENTS = lang.get("en").entities
# Nouns that name people, bodies or what they put out: such a subject can say something.
_SPEAKING_NOUNS = (_WORDS.PERSON_ROLES | _WORDS.GROUP_NOUNS | _WORDS.ORG_NOUNS | _WORDS.PEOPLE_NOUNS
                   | _WORDS.AUDIENCE_NOUNS | _WORDS.SPEECH_NOUNS | _WORDS.FINDING_NOUNS | _ENTS.PERSON_NOUNS
                   | _ENTS.ORG_NOUNS | _WORDS.SPEAKING_PEOPLE)
# People named by what they do ("protesters", "strategists", "immigrants", "historians").
_AGENT_ENDING = re.compile(r"(er|or|ist|ant|ian)s?$")
_NAMED = ("PERSON", "ORG", "GPE", "NORP")
_DEMONSTRATIVES = frozenset({"this", "that", "what", "which"})
# Subordinators of a clause that times or explains the main report ("… after the senator won, remarking …").
_ADVERBIAL_MARKS = frozenset("""after before since because though although""".split())
_CLIMB = 4
# Verbs whose name right after them is the one spoken to, and the labels a parse gives such a name.
_HEARER_VERBS = frozenset("""tell ask inform remind warn urge assure brief""".split())
_HEARER_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
# Things put out that say something, and the verbs of putting them out: their issuer speaks through them.
_DOCUMENTS = _WORDS.SPEECH_NOUNS | _WORDS.DOCUMENT_NOUNS
_ISSUING = _WORDS.ISSUING_VERBS
# Verbs with an object whose own subject does what the to-infinitive says ("promised voters to fight").
_SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge"})


def can_speak(tok: "Token") -> bool:
    """Whether a subject may say something: a name, a personal pronoun, a noun of people, of a body or of a
    document; not a thing or an event (``the episode``, ``a campaign shakeup``), a demonstrative, or the ``it``
    of ``it was …``."""
    if tok.ent_type_ in _NAMED or tok.pos_ == "PROPN":
        return True
    word = tok.lower_
    if tok.pos_ == "PRON":
        if word in _DEMONSTRATIVES:
            return False
        return not (word == "it" and lemma_of(tok.head).lower() == "be")
    if tok.pos_ != "NOUN":
        return True  # "the 46-year-old", "Several", "4 in 10": left as they are
    return lemma_of(tok).lower() in _SPEAKING_NOUNS or word in _SPEAKING_NOUNS \
        or bool(_AGENT_ENDING.search(word))


def _named(tok: "Token") -> bool:
    """A subject that names its speaker outright: a name or a personal pronoun."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in _DEMONSTRATIVES and tok.lower_ != "it"
    # a capitalised word inside the sentence is a name the tagger took for a noun ('"…," Hannity said')
    return tok.ent_type_ in ("PERSON", "ORG") or tok.pos_ == "PROPN" \
        or tok.pos_ == "NOUN" and tok.is_title and tok.i > tok.sent.start


def _subject(verb: "Token") -> Optional["Token"]:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def agent_of(verb: "Token") -> Optional["Token"]:
    """The one named in a passive verb's ``by`` phrase (``was told by the mayor``: the mayor), else None."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _timing_clause(verb: "Token") -> bool:
    """A subordinate clause after its main clause that says when or why (``…, after X won his primary``)."""
    return verb.dep_ == "advcl" and verb.i > verb.head.i \
        and any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in verb.children)


def participle_speaker(participle: "Token", subject: "Token", host: "Token") -> "Token":
    """The speaker of a participle of saying (``…, saying …``) that the parse hung on ``host``, whose subject is
    ``subject``: a subject that can speak stays, unless ``host`` is a clause of time or cause after the main one
    (the main clause's named subject speaks); one that cannot gives way to a named or speaking subject up the
    clauses ``host`` belongs to, else to one of a clause between it and the participle; else it stays."""
    timing = _timing_clause(host)
    if can_speak(subject) and not timing:
        return subject
    tok, steps = host, 0
    while tok.head.i != tok.i and steps < _CLIMB:
        tok, steps = tok.head, steps + 1
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = _subject(tok)
        if subj is not None and subj.i < participle.i and (_named(subj) if timing else can_speak(subj)):
            return subj
    if timing:
        return subject
    doc = participle.doc
    for i in range(participle.i - 1, subject.i, -1):
        verb = doc[i]
        if verb.i == host.i or verb.pos_ not in ("VERB", "AUX") \
                or verb.dep_ not in ("advcl", "relcl", "conj", "acl"):
            continue
        subj = _subject(verb)
        if subj is not None and subject.i < subj.i and can_speak(subj):
            return subj
    return subject


def parenthetical_name(verb: "Token") -> Optional["Token"]:
    """``Any reading of the deal, said Dana Marsh, an analyst at the institute, would …``: a verb of saying set off
    by commas with a name right after it speaks for that name, whatever the parse made the verb's subject; the
    name's last word."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or verb.i + 1 >= len(doc) or doc[verb.i + 1].pos_ != "PROPN":
        return None
    end = verb.i + 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
        end += 1
    if end + 1 >= len(doc) or doc[end + 1].text != "," or doc[end].ent_type_ not in ("PERSON", "ORG", ""):
        return None
    if doc[end].dep_ in _HEARER_DEPS or lemma_of(verb).lower() in _HEARER_VERBS:
        return None  # "…, telling Reuters, …", "told POLITICO, …": the one told, not the one telling
    return doc[end]


def issuer(noun: "Token") -> Optional["Token"]:
    """Who put out a document that speaks: ``Ortiz released a video that said …`` (the subject of a verb of issuing
    whose object is the document), ``a fundraising email sent out by Ortiz warned …`` (the agent of a participle
    of issuing on it). None when no one is named so, or the verb only handles the document (``obtained a letter
    that said``: the letter is not the reader's)."""
    if lemma_of(noun).lower() not in _DOCUMENTS:
        return None
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       and lemma_of(c).lower() in _ISSUING), None)
    if participle is not None:
        named = agent_of(participle)
        return named if named is not None and can_speak(named) else None
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or lemma_of(verb).lower() not in _ISSUING:
        return None
    subject = _subject(verb)
    if subject is None:  # "is releasing an ad that urges …" hung on "releasing" as a participle of the subject
        holder = verb
        while holder.dep_ in ("xcomp", "conj") and holder.head.i != holder.i and subject is None:
            holder = holder.head
            subject = _subject(holder)
    if subject is None or subject.tag_ in ("WP", "WDT") or not (_named(subject) or can_speak(subject)) \
            or lemma_of(subject).lower() in _DOCUMENTS:
        return None
    return subject


def controller(xcomp: "Token") -> Optional["Token"]:
    """``That prompted Rubio to call Trump "very flexible"``, ``a win that led her to declare …``, ``forced him to
    admit that …``: the subject of a to-infinitive after a verb's object is that object (the one prompted, led or
    forced speaks), when it can speak; verbs whose own subject acts (``promised voters to …``) keep it."""
    head = xcomp.head
    if head.pos_ not in ("VERB", "AUX") or lemma_of(head).lower() in _SUBJECT_CONTROL:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
    if obj is None or obj.tag_ in ("WP", "WDT") or not (_named(obj) or obj.pos_ == "NOUN" and can_speak(obj)):
        return None
    return obj


def fronted_subject(subject: Optional["Token"], verb: "Token") -> Optional["Token"]:
    """``Clinton, a top aide said, "is very confident"``, ``Or maybe Bush, consultant Dana Reyes says.``: a phrase
    set off by a comma and run straight into the verb of saying, with no comma closing it as an apposition would
    be closed (``Ortiz, a top aide, said``), is the verb's subject; the words before the comma are what was said
    about. The parse takes the first for the subject and the second for its apposition: the apposition speaks.
    None when the sentence is not so."""
    if subject is None or subject.i > verb.i or verb.tag_ not in ("VBD", "VBZ"):
        return None
    appos = next((c for c in subject.rights if c.dep_ == "appos" and c.i < verb.i), None)
    if appos is None or appos.pos_ not in ("NOUN", "PROPN") or appos.right_edge.i + 1 != verb.i:
        return None
    doc = verb.doc
    if doc[appos.left_edge.i - 1].text != "," or any(t.pos_ in ("VERB", "AUX") for t in appos.subtree):
        return None  # "Ortiz, a lawyer who represents them said": a description with a clause is hers
    if appos.right_edge.is_punct:
        return None  # "Ortiz, a scientist at Westbrook University in Dover, Del., said": the parser hung the
        # closing comma on the last place name; the apposition is closed, so it describes the subject
    return appos if can_speak(appos) else None
