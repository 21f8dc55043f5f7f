"""Reporting cues in a dependency parse: the verb (or ``according to``), its complement clause and its subject.

A cue is a reporting verb from a generic English lexicon ("say", "add", "warn", …) or the phrase ``according to``.
Its complement is the ``ccomp`` clause (also through ``vowed to guarantee that …``) or, for a parenthetical
``…, he said, …``, the clause it interrupts; failing those, a to-infinitive (``urged them to leave``), a raised
subject (``X is said to be …``) or, for announcement verbs, the noun-phrase object (``announced 10,000 job cuts``
reports content as a noun phrase: an indirect quote spanning the object). Its speaker is the verb's subject, found
through participles (``…, warning that``), coordination and relative clauses when the verb has none of its own; a
common-noun subject takes its apposed name along (``Brightfield's director, Owen Carver``).

Beyond verbs of saying (PARC-style attribution, as political news reports it): speech acts and public stances
report their object (``accused X of Y``, ``endorsed X``, ``called for X``, ``called on X to Y``; ``object``
cues), a poll or study that shows or finds something its predicate, phrasal verbs of saying (``pointed out
that``) their clause, and claim nouns (``Trump's claim that …``, ``his decision not to run``; ``noun`` cues)
theirs. A request keeps who is asked in its content (``urged the government to speed up the work``).
Also: adjectives of belief (``is confident that``, ``skeptical of``, ``made it clear that``), a refusal or silence
(``declined to comment``, ``did not respond to a request for comment``), an as-aside (``As The Times reported,
CLAUSE``), a question (``asked X if …``, ``asked X about Y``) and a reported act as a gerund (``denied taking``).
A stance inside another report's content is part of that report, not a report of its own.
Verbs of speaking and of judging in words report the thing they name even with no verb in it (``mentioned the
wall``, ``criticized the ruling``; a stance on a thing, ``opposed the plan``, does not), an owned noun of a speech
act its preposition's object (``Ortiz's attacks on the mayor``), and a poll a main clause is measured in is that
clause's source (``In a poll released Monday, Ortiz led``), as ``according to`` is.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from ... import lang
from ...model import Span
from ..base import doc_text, lemma_of
from .agents import agent_of, can_speak, controller, fronted_subject, issuer, parenthetical_name, \
    participle_speaker
from .speakers import ORG_NOUNS, PERSON_ROLES, loose_appositive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = lang.get("en").quotes
_AUTHORED = _WORDS.FINDING_NOUNS | _WORDS.SPEECH_NOUNS  # texts that speak in their author's voice
REPORTING_VERBS = _WORDS.REPORTING_VERBS
QUOTE_ONLY_VERBS = _WORDS.QUOTE_ONLY_VERBS
CONTENT_OBJECT_VERBS = _WORDS.CONTENT_OBJECT_VERBS
INFINITIVE_VERBS = _WORDS.INFINITIVE_VERBS
NAMING_VERBS = _WORDS.NAMING_VERBS
SPEECH_NOUNS = _WORDS.SPEECH_NOUNS
ATTITUDE_VERBS = _WORDS.ATTITUDE_VERBS
INTENTION_VERBS = _WORDS.INTENTION_VERBS
EVALUATION_VERBS = _WORDS.EVALUATION_VERBS
ACT_VERBS = _WORDS.ACT_VERBS
# verbs of emphasis report the point they stress ("stressed the importance of sleep"), but not when what they
# take is people: "stressed the players" is a strain put on them
_EMPHASIS_VERBS = frozenset({"stress", "emphasize", "emphasise", "underline", "underscore"})
_PEOPLE = (PERSON_ROLES | _WORDS.GROUP_NOUNS | _WORDS.PEOPLE_NOUNS | _WORDS.SPEAKING_PEOPLE
           | lang.get("en").entities.PERSON_NOUNS | {"staff", "team", "crowd", "fan", "squad", "pupil", "animal"})
PREP_ACT_VERBS = _WORDS.PREP_ACT_VERBS
# Prepositions that carry on what an act verb's object is accused of, praised for or called ("accused X of Y",
# "criticized X for Y", "blamed X on Y", "criticized X over Y").
_ACT_PREPS = frozenset({"of", "for", "as", "over", "on", "about"})
_LIKENED = frozenset({"compare", "liken"})  # "compared the plan to a blank cheque": what it is likened to goes with it
_LIKENING = frozenset({"to", "with"})
# Prepositions whose phrase, right after an object the parser left it beside, completes what the object says
# ("proposed tax cuts to large companies", "announced a concert in support of the senator").
_OBJECT_PREPS = frozenset({"to", "in", "for", "against", "into"})
# Objects of such a phrase that name where, to whom or through what the words went, not what they were.
_SETTING_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})
CONDITION_MARKS = _WORDS.CONDITION_MARKS
_NOT_CONTENT = _WORDS.NOT_CONTENT_NOUNS
_E_LEMMAS = frozenset(w for w in REPORTING_VERBS | ATTITUDE_VERBS | INTENTION_VERBS | EVALUATION_VERBS
                      | _WORDS.ACT_VERBS if w.endswith("e"))
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# A subject of these types is when or how much, never who ("Saturday at the convention Ortiz said").
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME"})
_NP_CUT = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "prep"})
_KEEP_PREP_HEADS = frozenset({"of"})
_QUESTION_VERBS = frozenset({"ask", "wonder", "question"})  # an "if" clause on one is the question, no condition
_QUANTIFIER_SUBJECTS = frozenset({"several", "many", "most", "some", "few", "both", "all", "others", "each"})


@dataclass(slots=True)
class Cue:
    """A reporting cue: its word(s), the clause it reports (token range, end exclusive) and its speaker token."""

    tokens: tuple[int, ...]  # token indices making up the cue ("vowed", "guarantee"; "According", "to")
    verb: int  # the token whose subject is the speaker
    complement: Optional[tuple[int, int]] = None
    speaker: Optional[int] = None  # head token of the speaker noun phrase
    kind: str = "verb"  # "verb" | "object" | "according" | "parataxis" | "quote_only" | "colon" | "naming" | "noun"
    governed: bool = False  # the speaker is the subject of a verb higher up, or a relative pronoun's antecedent

    def span(self, doc: "Doc") -> Span:
        first, last = doc[min(self.tokens)], doc[max(self.tokens)]
        return first.idx, last.idx + len(last.text)

    def text(self, doc: "Doc") -> str:
        s, e = self.span(doc)
        return doc_text(doc)[s:e]


def verb_lemma(token: "Token") -> str:
    """A verb's lemma, lower case, mended where the lemmatizer drops a silent e (``hoping``, ``hopes``, ``hoped``
    → "hop") or keeps it in a doubled form: "hope" when "hop" + "ing"/"es"/"ed" is the word and the e-form is a
    cue word."""
    lemma = lemma_of(token).lower()
    if token.lower_ in (lemma + "ing", lemma + "es", lemma + "ed") and lemma + "e" in _E_LEMMAS:
        return lemma + "e"
    return lemma


def is_reporting(token: "Token", verbs: frozenset = REPORTING_VERBS) -> bool:
    return token.pos_ in ("VERB", "AUX") and verb_lemma(token) in verbs


def subtree_range(token: "Token", skip: tuple["Token", ...] = ()) -> tuple[int, int]:
    """Token range [start, end) of ``token``'s subtree, minus leading/trailing tokens in ``skip`` subtrees."""
    left, right = token.left_edge.i, token.right_edge.i + 1
    doc = token.doc
    for s in skip:
        if s.left_edge.i == left:
            left = s.right_edge.i + 1
        elif all(t.is_punct or t.is_space for t in doc[s.right_edge.i + 1:right]):
            right = s.left_edge.i  # "…, Cruz explained, recalling …." : the full stop after it is the sentence's
    return left, right


CLOSERS = "”’»\"'"  # closing quotation marks, which stay at the end of a reported clause
_CLOSERS_NO_GUILLEMET = "\"”’'"


def _trim_end(doc: "Doc", left: int, right: int, keep: str = CLOSERS) -> int:
    """``right`` moved back past punctuation and spaces, down to ``left`` at most, but for the marks in ``keep``."""
    while right > left and (doc[right - 1].is_punct and doc[right - 1].text not in keep or doc[right - 1].is_space):
        right -= 1
    return right


def _clause_bounds(doc: "Doc", clauses: list["Token"]) -> tuple[int, int]:
    """Complement clause range (several ccomps when the parse split one) without the complementizer "that" and
    punctuation; a question keeps its "whether"/"if" ("asked whether the plant would close" reports a question,
    and without its word it would read as the claim that the plant would close)."""
    left = min(c.left_edge.i for c in clauses)
    right = max(c.right_edge.i for c in clauses) + 1
    while left < right and (doc[left].dep_ == "mark" and doc[left].lower_ == "that"
                            or doc[left].is_punct or doc[left].is_space):
        left += 1
    return left, _trim_end(doc, left, right)


def _complement_children(verb: "Token") -> list["Token"]:
    direct = [c for c in verb.children if c.dep_ == "ccomp"]
    if direct:
        direct = [c for c in direct if not _line_between(verb, c)]
        before, after = [c for c in direct if c.i < verb.i], [c for c in direct if c.i > verb.i]
        if before and after and not _quote_opens_in(verb.doc, min(c.left_edge.i for c in before),
                                                    max(c.right_edge.i for c in after) + 1):
            # "X had a voice in decisions, said Y, who …": one side is what was said (a split quotation is
            # read from its marks)
            inverted = any(c.dep_ in _SUBJECTS and c.i > verb.i for c in verb.children)
            direct = before if inverted else after
        if direct:  # "told the paper that A and that B": the parse hangs the second that-clause on the verb
            last = max(c.i for c in direct)
            direct += [c for c in verb.children if c.dep_ == "conj" and c.i > last
                       and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)]
        return direct
    lost = _clause_on_setting(verb)
    if lost is not None:
        return [lost]
    if lemma_of(verb).lower() in _QUESTION_VERBS:  # "asked the mayor if she would resign": the question
        return [c for c in verb.rights if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)][:1]
    for child in verb.children:  # "vowed to guarantee that …", "promised to ensure that …"
        if child.dep_ == "xcomp":
            inner = [c for c in child.children if c.dep_ == "ccomp"]
            if inner:
                return inner
    return []


def _clause_on_setting(verb: "Token") -> Optional["Token"]:
    """``telling her in a debate that she should …``, ``said for the first time that some emails …``: a
    that-clause after a phrase of time, place or medium, which the parser hung on that phrase's noun as a
    relative clause. A relative clause lacks its subject or object (``the debate that she won``), so one that
    opens with ``that`` as a mark and has a subject of its own is the verb's reported clause."""
    if verb_lemma(verb) not in REPORTING_VERBS:
        return None
    for prep in verb.rights:
        if prep.dep_ not in ("prep", "npadvmod") or prep.i > verb.i + 8:
            continue
        noun = prep if prep.dep_ == "npadvmod" else next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None:
            continue
        for clause in noun.rights:
            first = clause.doc[clause.left_edge.i]
            if clause.dep_ in ("relcl", "acl") and first.lower_ == "that" and first.dep_ == "mark" \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children):
                return clause
    return None


def _line_between(verb: "Token", clause: "Token") -> bool:
    """Whether a line break stands between a verb and a clause the parser hung on it: a reported clause never
    runs over a paragraph, so a clause there is the sentence before or after, joined by the parse (``… soon.
    ⏎ ''We're taking …,'' Mr. Pruzan said``: the first sentence is no part of what Pruzan said)."""
    doc = verb.doc
    lo, hi = (clause.i + 1, verb.i) if clause.i < verb.i else (verb.i + 1, clause.i)
    return any(t.is_space and "\n" in t.text or t.text == ";" for t in doc[lo:hi])


def subject_of(verb: "Token", hops: Optional[list] = None) -> Optional["Token"]:
    """The speaker token of a reporting verb, climbing to the governing verb when it has no subject; each step up
    (and a relative pronoun's antecedent) is appended to ``hops``. A participle on a noun of speech climbs through
    the noun to the verb that governs it (``His office issued a statement saying …``: the office speaks)."""
    hops = [] if hops is None else hops
    seen = 0
    tok = verb
    came_from = None
    while tok is not None and seen < 4:
        subjects = [c for c in tok.children if c.dep_ in _SUBJECTS
                    and (c.ent_type_ not in _NOT_SPEAKER_ENTS or _aged(c))]
        # Two subjects happen when a quote before the verb is misparsed: the nearest one is the speaker.
        subj = min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None
        # ... or when the parser closed a relative clause too early ("A spokesperson who did not wish to be named
        # because of agency policy said"): the noun the clause hangs on is the subject, not the clause's last noun
        # (with no punctuation between: past a quotation or a comma, the nearer subject is the speaker)
        subj = next((c for c in subjects if subj is not None and c.i < subj.i < tok.i
                     and any(r.dep_ == "relcl" and c.i < r.i < subj.i for r in c.children)
                     and not any(t.is_punct for t in tok.doc[c.i:tok.i])), subj)
        if subj is not None:
            if subj.dep_ == "nsubjpass" and _perfect_not_passive(tok):
                return subj  # "He's said he gets …": "has said"; a passive verb of saying reports no clause
            if subj.dep_ == "nsubjpass" and verb.dep_ == "conj" and verb.head.i == tok.i and verb.tag_ != "VBN":
                hops.append(tok)  # "Ortiz was joined on stage by Reyes and joked, …": the shared subject
                return subj
            if subj.dep_ == "nsubjpass" and came_from in ("xcomp", "conj", "pcomp") \
                    and lemma_of(tok).lower() not in _FORESEEN:
                return subj  # "X was prompted to say", "X was forced into … and said": X says it
            if subj.dep_ == "nsubjpass":  # "X was told …": the hearer; look for the agent
                return agent_of(tok)
            if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                hops.append(tok.head)
                return tok.head  # "…, which said …": the relative's antecedent
            if tok is verb:  # "Ortiz, a top aide said, "is confident"": the aide speaks
                return fronted_subject(subj, verb) or _second_clause_subject(subj, verb)
            return _second_clause_subject(subj, tok)
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX") \
                and tok.head.lower_ != "as":  # "quoted X as saying": X speaks (see _quoted_as_saying)
            # "X was suspended after slamming …": X slammed; "X is justified by arguing": someone unnamed argues
            came_from = "pcomp" if tok.head.lower_ != "by" else "by"
            tok = _past_report(tok.head.head, hops)  # "before claiming that", "pivoted to arguing that"
            hops.append(tok)
            seen += 1
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN" \
                and tok.head.head.dep_ == "dobj" and tok.head.head.head.pos_ == "VERB":
            tok = tok.head.head.head  # "made a point of saying", "took the opportunity of saying": who made it
            hops.append(tok)
            came_from = "pcomp"
            seen += 1
            continue
        if tok.dep_ in ("advcl", "xcomp", "acomp", "conj", "relcl", "acl") and tok.head.i != tok.i:
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                return None  # "a statement issued …": no speaker
            came_from, participle = tok.dep_, tok.tag_ == "VBG"
            if came_from == "xcomp" and (told := controller(tok)) is not None:
                hops.append(tok.head)  # "That prompted Rubio to … call Trump "…"": the one prompted speaks
                return told
            tok = _past_report(tok.head, hops) if came_from in ("advcl", "conj") else tok.head
            if tok.pos_ == "NOUN" and lemma_of(tok).lower() in SPEECH_NOUNS:
                tok = _governor_of_noun(tok)  # "put out a statement saying", "in a tweet saying"
                if tok.pos_ == "NOUN" and came_from == "acl":  # "in the form of a letter claiming": no verb
                    hops.append(tok)  # issued it, so the letter itself is what the text says claims it
                    return tok
            elif came_from == "acl" and participle and tok.dep_ == "pobj" and tok.head.lower_ == "to" \
                    and tok.head.head.pos_ == "VERB" and any(c.dep_ == "dobj" and lemma_of(c).lower() in SPEECH_NOUNS
                                                             for c in tok.head.head.children):
                hops.append(tok)  # "sent an email to supporters saying …": the sender speaks, not the readers
                tok = tok.head.head
            elif came_from == "acl" and participle and tok.dep_ == "dobj" and tok.pos_ == "NOUN" \
                    and tok.head.pos_ == "VERB" and (is_reporting(tok.head) or _after_comma(verb)):
                # "emailed supporters saying …", "told reporters saying …": the sender speaks; "rejected the
                # notion that …, saying …": a participle set off by a comma is the act of the verb's subject
                hops.append(tok)
                tok = tok.head
            elif came_from in ("advcl", "acl") and tok.dep_ == "ROOT" and tok.pos_ in ("PROPN", "NOUN"):
                hops.append(tok)  # "Trump defended X, calling …" parsed as a noun phrase: its head acts
                return tok
            hops.append(tok)
            seen += 1
            continue
        if tok is not verb and tok.pos_ in ("ADV", "ADJ") and tok.dep_ in ("advmod", "acomp") \
                and tok.head.i != tok.i and tok.head.pos_ == "VERB":
            tok = tok.head  # "went so far as to say": the verb the degree word hangs on
            hops.append(tok)
            seen += 1
            continue
        break
    return left_neighbour(verb) if tok is verb and verb.dep_ in ("ROOT", "conj") else None


# "X is expected to announce", "they were meant to show": what someone may do, not what they said
_FORESEEN = frozenset({"expect", "mean", "schedule", "suppose", "slate", "set", "plan", "poise", "due", "tip",
                       "predict", "project", "anticipate", "rumor", "rumour", "think", "believe", "say", "report",
                       "know", "see", "consider", "require", "oblige", "allow", "permit", "urge", "encourage"})


def _stance_holder(clause: "Token") -> Optional["Token"]:
    """The verb "be" of ``X was adamant that CLAUSE`` (the clause hung on the adjective or on "be"), else None."""
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    head = clause.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
        return head.head
    if lemma_of(head).lower() == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children):
        return head
    return None


def _second_clause_subject(subj: "Token", verb: "Token") -> "Token":
    """``A group of rabbis called for a boycott, and the league denounced the remarks and said …``: two clauses
    joined by "and" that the parse reads as one subject (the group and the league) whose first noun carries the
    first clause's past-tense verb as a modifier. A finite past verb never modifies a noun so (a participle
    does), so the verb belongs to the last noun joined: it speaks."""
    if subj.dep_ != "nsubj" or not any(c.dep_ == "acl" and c.tag_ == "VBD" and c.i < verb.i for c in subj.children):
        return subj
    joined = [c for c in subj.children if c.dep_ == "conj" and c.i < verb.i]
    return joined[-1] if joined else subj


def _after_comma(verb: "Token") -> bool:
    """Whether a participle is set off by a comma right before it (``…, saying``)."""
    return verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _perfect_not_passive(verb: "Token") -> bool:
    """``He's said he …``: a clitic ``'s`` before a verb of saying with a reported clause of its own is ``has``."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    return aux is not None and aux.lower_ in ("'s", "’s") and any(c.dep_ == "ccomp" for c in verb.children)


def parenthesised_subject(verb: "Token") -> Optional["Token"]:
    """``Levine, who has given money to Rubio, said``, ``Sanders, meanwhile, …, said``: the name before a
    parenthetical that the parser tore from its verb. The nearest noun before the verb that is followed by a comma
    and by a stretch opening like an aside (a relative pronoun, an adverb, a preposition, a participle, an age),
    which itself ends on a comma right before the verb."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for i in range(verb.i - 3, verb.sent.start - 1, -1):
        tok, comma, opener = doc[i], doc[i + 1], doc[i + 2]
        if comma.text != ",":
            continue
        if tok.pos_ in ("PROPN", "NOUN") and tok.ent_type_ not in _NOT_SPEAKER_ENTS \
                and (opener.tag_ in ("WP", "WDT", "RB", "VBG", "VBN", "CD") or opener.pos_ == "ADP"):
            return tok
        if tok.pos_ in ("PROPN", "NOUN", "PRON", "VERB", "AUX"):
            return None  # "Of Carson, Levine, …": only the nearest comma-closed noun may be the speaker
    return None


def _aged(tok: "Token") -> bool:
    """"the 46-year-old": an age the tagger calls a date, standing for the person of that age."""
    return tok.lower_ == "old" and any(c.dep_ == "det" for c in tok.children)


def _past_report(tok: "Token", hops: list) -> "Token":
    """A participle or conjunct of saying hung on a clause that is itself reported (``Trump argued that a database
    would keep them out, saying …``, ``Hollande said Trump was sickening, noting …``) is the reporter's second
    verb of saying, not the reported clause's: climb past the report to the verb of saying whose subject speaks."""
    while True:
        top = tok
        while top.dep_ == "xcomp" and top.head.i != top.i:  # "said Ortiz will have to choose …, saying"
            top = top.head
        stance = _stance_holder(top)
        if stance is not None:
            hops.append(top)  # "She was adamant that they keep the upper hand, telling him …": her stance's
            tok = stance  # clause, and she goes on telling
            continue
        if not (top.dep_ == "ccomp" and top.head.i != top.i and is_reporting(top.head)
                and not _attribution_after(top)):
            return tok
        hops.append(top)
        tok = top.head


def _attribution_after(verb: "Token") -> bool:
    """``Comey cannot say that "from his perspective," Lewandowski added, saying …``: a verb of saying whose
    subject stands right after a closing quotation mark attributes that quotation, whatever clause the parser
    hung it in; a participle after it goes on with its subject."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or not is_reporting(verb):
        return False
    first = subj.left_edge.i
    return first > 0 and (verb.doc[first - 1].text in ("”", "\"", "''", "’") or verb.doc[first - 1].tag_ == "''")


def _governor_of_noun(noun: "Token") -> "Token":
    """The verb a noun hangs on: its head as object, or the preposition's head as prepositional object."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else noun


def left_neighbour(verb: "Token") -> Optional["Token"]:
    """A subjectless main verb's speaker when the parser hung it elsewhere (``…, the candidate stated that``,
    ``Sen. Ortiz (D-MA) said``): the noun standing right before the verb, past a parenthesis or a comma-free
    adverb."""
    i = verb.i - 1
    doc = verb.doc
    past_comma = False
    while i >= verb.sent.start:
        t = doc[i]
        if t.text == ")":
            while i > verb.sent.start and doc[i].text != "(":
                i -= 1
            i -= 1
            continue
        if t.pos_ in ("ADV", "AUX", "PART") and t.dep_ in ("advmod", "aux", "neg"):
            i -= 1
            continue
        if t.text == "," and i > verb.sent.start and doc[i - 1].dep_ == "appos":
            i -= 1  # "her adviser, Jake Sullivan, said"
            past_comma = True
            continue
        break
    if i < verb.sent.start:
        return None
    t = doc[i]
    if past_comma and t.dep_ == "appos" and t.pos_ == "NOUN" and t.head.pos_ in ("PROPN", "NOUN") \
            and t.head.i < t.i and t.head.ent_type_ not in _NOT_SPEAKER_ENTS:
        # "Karl Brenner, a lawyer, said", "a study by the Institute for Trade, a think tank, concluded": a
        # description set off by commas is of the phrase it is apposed to, which is who speaks
        return t.head
    if t.pos_ == "NUM" and t.dep_ in ("nummod", "quantmod", "npadvmod", "pobj"):  # "About 4 in 10 say"
        return t
    if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("appos", "conj", "pobj", "npadvmod", "dobj", "compound") \
            and t.ent_type_ not in _NOT_SPEAKER_ENTS:
        return t
    return None


def speaker_range(doc: "Doc", head: "Token") -> tuple[int, int]:
    """The speaker noun phrase as written: the head with its modifiers, without clauses and appositions."""
    left, right = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ not in _NP_CUT and not _opening_verb(child):  # "Continued Stone:": no modifier
            left = min(left, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _NP_CUT and not (child.dep_ == "prep" and child.lower_ in _KEEP_PREP_HEADS) \
                and not _author(head, child):
            break
        right = max(right, child.right_edge.i + 1)
    name = appositive_name(head)
    if name is not None:  # "Brightfield's director, Owen Carver": the name belongs to the phrase as written
        right = max(right, name.right_edge.i + 1 if name.dep_ == "appos" else name.i + 1)
    for other in joint_with(head):  # "Dale Ford and Martha Fry said": the speaker is both of them
        right = max(right, speaker_range(doc, other)[1])
    # A phrase as written never runs over a line break: the parser may join a dateline or a timestamp line
    # ("Updated 10:10 a.m. ET") to the sentence below it. The head's line is kept.
    breaks = [i for i in range(left, right) if doc[i].is_space and "\n" in doc[i].text]
    left = max([i + 1 for i in breaks if i < head.i], default=left)
    right = min([i for i in breaks if i > head.i], default=right)
    while left < right - 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    return left, right


def _author(head: "Token", prep: "Token") -> bool:
    """``a study by the Housing Institute``, ``a letter from Ana Ortiz``: a text that speaks is its author's
    voice, so the phrase keeps the author, a name, and the speaker is that body or person, not the word "study"."""
    if prep.dep_ != "prep" or prep.lower_ not in ("by", "from") or lemma_of(head).lower() not in _AUTHORED:
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG")
                                or appositive_name(obj) is not None)


def joint_with(head: "Token") -> list["Token"]:
    """The other heads of a joint speaker joined to ``head`` by "and" (``Dale Ford and Martha Fry``, ``Ortiz,
    Lee and their lawyer``): names or nouns, never a verb the parser coordinated with the subject."""
    out: list["Token"] = []
    tok = head
    while True:
        conj = next((c for c in tok.rights if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")), None)
        if conj is None:
            return out
        joined = any(c.dep_ == "cc" and c.lower_ == "and" for c in list(tok.rights) + list(conj.lefts)) \
            or bool(joint_with(conj))  # "Ford, Fry and Lee": the "and" sits before the last one
        if not joined:
            return out
        out.append(conj)
        tok = conj


def _opening_verb(tok: "Token") -> bool:
    """A verb the parser hung on the name after it when it opens the sentence (``Continued Stone:``)."""
    return tok.pos_ == "VERB" and all(t.is_space or t.is_punct for t in tok.doc[tok.sent.start:tok.i])


def appositive_name(head: "Token") -> Optional["Token"]:
    """The proper-name apposition of a common-noun speaker ("the director, Owen Carver"), also when the parser
    hangs it on a prepositional object ("the spokesman for Google, John Smith"); None for a name head."""
    if head.pos_ == "PROPN" and not head.text.islower():  # "the minister" tagged a name is still a noun
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                appos = next((c for c in obj.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                if appos is not None and appos.ent_type_ == "PERSON":
                    return appos
    return loose_appositive(head)


def _according_to(doc: "Doc", tok: "Token") -> Optional[Cue]:
    """``according to X, CLAUSE`` or ``CLAUSE, according to X``."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    clause = tok.head
    while clause.dep_ not in ("ROOT", "ccomp", "relcl", "conj", "advcl") and clause.head.i != clause.i:
        clause = clause.head
    if source is None:
        return None
    left, right = subtree_range(clause)
    after = [t for t in doc[source.right_edge.i + 1:right] if not (t.is_punct or t.is_space)]
    if tok.i > clause.i and (not after or after[0].dep_ == "cc"):
        # "He returned and said little, according to an attendee", "Ortiz leads by 27 delegates according to a
        # count, but …": the phrase closes what it attributes, which runs from the clause's start up to it (a
        # verb sharing its subject with the one before is part of the same report)
        while clause.dep_ == "conj" and clause.head.i < clause.i \
                and not any(c.dep_ in _SUBJECTS for c in clause.children):
            clause = clause.head
        left, right = subtree_range(clause)[0], tok.i
    if clause.dep_ == "ccomp" and clause.head.dep_ == "ROOT" and clause.head.i < clause.i \
            and not any(c.dep_ in _SUBJECTS for c in clause.children) and doc[tok.i - 1].text == ",":
        # "Young voters with no credit might not be so lucky, according to X" with the subject's noun taken for
        # the root verb: a clause with no subject of its own, so the words before it are its subject
        left = subtree_range(clause.head)[0]
    name = loose_appositive(source)  # "according to his aunt, Jane Starner, "…"": the name is the source's
    end = name.i + 1 if name is not None else source.right_edge.i + 1
    left, right = _strip_range(doc, left, right, exclude=(tok.i, end), verb=clause.i)
    return Cue((tok.i, to.i), tok.i, (left, right), source.i, "according")


def _in_poll(doc: "Doc", tok: "Token", words=_WORDS) -> Optional[Cue]:
    """``In a poll released Monday, 50 percent chose Ortiz``, ``Ortiz leads in the polls``, ``Reyes came second in
    a survey by the college``: a poll or survey that a clause is measured in is its source, as ``according to the
    poll`` would say (news reports a poll's finding so); the clause without the phrase is what it reports."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX", "ADJ", "ADV"):
        return None
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    if lemma_of(source).lower() not in words.POLL_NOUNS:  # "in the average of polls": the average of polls is one
        of = next((c for c in source.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is None or lemma_of(inner).lower() not in words.POLL_NOUNS:
            return None
    clause = tok.head
    # "Cruz, leading in Iowa polls, questioned …": a participle on a noun is a detail of it, like a relative clause
    while clause.dep_ not in ("ROOT", "ccomp", "relcl", "conj", "advcl", "acl") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in ("ROOT", "ccomp") or not any(c.dep_ in _SUBJECTS for c in clause.children):
        return None  # "to lead in the polls": no clause of its own; a relative or adverbial clause is a detail
    left, right = _strip_range(doc, *subtree_range(clause), exclude=(tok.i, tok.right_edge.i + 1))
    while left < right and doc[left].dep_ in ("cc", "mark", "prep", "advmod", "npadvmod") and doc[left].i != clause.i:
        left = doc[left].right_edge.i + 1  # "and she leads", "although he trails", "Nationally, …": not reported
        left = _strip_parenthetical(doc, left, right)[0]
    if right - left < 3 or not left <= clause.i < right:
        return None
    return Cue((tok.i,), tok.i, (left, right), source.i, "according")


def _strip_range(doc: "Doc", left: int, right: int, exclude: tuple[int, int],
                 verb: Optional[int] = None) -> tuple[int, int]:
    """Clause range without the ``according to X`` phrase (X's relative clause included): the phrase is cut off at
    either edge (the sentence's full stop does not hide the right edge); in the middle the side holding the
    clause's ``verb`` stays (``But the next day, according to Ortiz, Reyes made demands``), else the longer one, so
    the content never holds its own attribution."""
    a, b = exclude
    while left < right and (doc[left].is_punct or doc[left].is_space or doc[left].tag_ in ("WDT", "WP")):
        left += 1
    left, right = _strip_parenthetical(doc, left, right)
    if a <= left < b:
        left = b
    elif a < right <= b:
        right = a
    elif left < a and b < right and verb is not None and not a <= verb < b:
        left, right = (left, a) if verb < a else (b, right)
    elif left < a and b < right:  # "The toll, according to the UN, has risen": keep the longer side
        left, right = (left, a) if a - left >= right - b else (b, right)
    return _strip_parenthetical(doc, left, right)


def find_cues(doc: "Doc", words=_WORDS) -> list[Cue]:
    """Every reporting cue in ``doc``, with complement and speaker token where the parse gives them; ``words`` is
    a language's quotes data (``lang.get(code).quotes``), whose verb lists say what a cue is."""
    cues: list[Cue] = []
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") and _no_report(tok, words):
            continue
        acc = _according_to(doc, tok) or _in_poll(doc, tok, words) or _hearsay(doc, tok, words)
        if acc is not None:
            cues.append(acc)
            continue
        if (silence := _no_comment(doc, tok, words)) is not None:
            cues.append(silence)
        elif tok.pos_ == "ADJ" and (belief := _stance_adjective(doc, tok, words)) is not None:
            cues.append(belief)
        elif is_reporting(tok, words.REPORTING_VERBS):
            cues.append(_verb_cue(doc, tok))
        elif is_reporting(tok, words.EVALUATION_VERBS | words.ACT_VERBS) and not (
                verb_lemma(tok) in words.INTENTION_VERBS and any(c.dep_ == "xcomp" for c in tok.children)):
            predicate = _naming_range(doc, tok)  # ("sought to run" is an intention, "sought asylum" an act)
            speaker = _speaker_token(subject_of(tok))
            if speaker is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i < tok.i:
                speaker = _speaker_token(tok.head)  # "groups backing Cruz", "a pastor supporting him"
            if predicate is not None and _quote_opens_in(doc, *predicate):
                cues.append(Cue((tok.i,), tok.i, predicate, speaker, "naming"))
            elif (act := _act_range(doc, tok, words)) is not None and _can_act(doc, speaker):
                cues.append(Cue((tok.i,), tok.i, act, speaker, "object"))
        elif tok.pos_ == "VERB" and (act := _act_range(doc, tok, words)) is not None \
                and verb_lemma(tok) not in words.REPORTING_VERBS:
            speaker = _speaker_token(subject_of(tok))  # "called for a ban", "pointed to the polls"
            if _can_act(doc, speaker):
                cues.append(Cue((tok.i,), tok.i, act, speaker, "object"))
        elif tok.pos_ == "VERB" and any((verb_lemma(tok), c.lower_) in words.PHRASAL_REPORTING
                                        for c in tok.children if c.dep_ == "prt"):
            cue = _verb_cue(doc, tok)  # "pointed out that …"
            if cue.complement is None:  # "laid out his plan": the object
                obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
                if obj is not None and _can_act(doc, cue.speaker):
                    cue.complement, cue.kind = _strip_parenthetical(doc, *subtree_range(obj)), "object"
            if cue.complement is not None:
                cues.append(cue)
        elif tok.pos_ == "NOUN" and ((claim := _claim_noun(doc, tok, words)) is not None
                                     or (claim := _speech_act_noun(doc, tok, words)) is not None
                                     or (claim := _view_is(doc, tok, words)) is not None):
            cues.append(claim)
        elif (finding := _finding(doc, tok, words)) is not None:
            cues.append(finding)
        elif is_reporting(tok, words.ATTITUDE_VERBS | words.INTENTION_VERBS):
            cue = _verb_cue(doc, tok)
            question = tok.sent.text.rstrip(" \"”’'\n").endswith("?")  # "Who do you think will win?" asks
            if cue.complement is not None and not question and (cue.speaker is not None or _raised(tok)) \
                    and not _knowing_how(doc, tok, cue.complement):
                cues.append(cue)  # a holder and a content, or a stance with its holder unnamed
        elif tok.pos_ == "VERB" and verb_lemma(tok) in words.QUOTE_ONLY_VERBS:
            naming = _naming_range(doc, tok)
            kind = "quote_only" if naming is None else "naming"
            subject = subject_of(tok)
            if subject is not None and subject.pos_ == "NOUN" and (by := issuer(subject)) is not None:
                subject = by  # "hoisted a sign that read …", "added the caption which reads …"
            speaker = _speaker_token(subject)
            speaker = _inverted_name(doc, tok) if speaker is None else speaker
            if naming is not None and not _quote_opens_in(doc, *naming):  # "called the plan a disaster"
                kind = "object" if _can_act(doc, speaker) and tok.tag_ != "VBN" else "quote_only"
                naming = naming if kind == "object" else None
            cues.append(Cue((tok.i,), tok.i, naming, speaker, kind))
    for cue in cues:
        if cue.complement is not None and cue.kind in ("verb", "object"):
            cue.complement = _without_name_aside(doc, *cue.complement)
    return _outside_reports(doc, cues, words)


def _hearsay(doc: "Doc", tok: "Token", words=_WORDS) -> Optional[Cue]:
    """``The club is reportedly spending $1.5 million on ads``: an adverb of hearsay on a verb marks its clause as
    reported by sources the writer leaves unnamed; the clause is the report and nobody is its speaker."""
    if tok.lower_ not in words.HEARSAY_ADVERBS or tok.dep_ != "advmod" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    clause = tok.head
    if clause.dep_ in ("ccomp", "xcomp", "relcl", "acl") and not any(c.dep_ in _SUBJECTS for c in clause.children):
        return None  # no clause of its own to report
    left, right = subtree_range(clause)
    return Cue((tok.i,), tok.i, (left, _trim_end(doc, left, right, _CLOSERS_NO_GUILLEMET)), None, "object")


def _knowing_how(doc: "Doc", verb: "Token", complement: tuple[int, int]) -> bool:
    """``knows how the system works``, ``knew what that meant``, ``you know, we …``: "know" states a fact held as
    true only with a clause of its own (``Reporters know they are being spun``); knowing what, how or whether is
    familiarity, not a stance, and a bare "you know" is a filler. What someone knows is never their quotation
    (``let them know that "this is not who we are"``: the words are whoever let them know)."""
    if verb_lemma(verb) != "know":
        return False
    if any(t.is_quote for t in doc[max(0, complement[0] - 1):complement[1] + 1]):
        return True
    first = doc[complement[0]]
    return first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ in ("whether", "if") \
        or verb.i + 1 < len(doc) and doc[verb.i + 1].text in (",", ":", "—")


def _raised(verb: "Token") -> bool:
    """``The court is expected to rule soon``, ``She is believed to have left``, ``It is widely expected that
    rates will rise``: a passive verb of belief or expectation with no agent states what people at large expect
    or believe, and news writes it so to attribute the outcome to unnamed observers. The stance is reported with
    no speaker: the raised subject with its to-infinitive, or the clause after an empty "it"."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children) \
            or any(c.dep_ == "agent" for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return False
    if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children):
        return True  # "X is expected to …"
    return subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children)  # "it is expected that …"


def _without_name_aside(doc: "Doc", left: int, right: int) -> tuple[int, int]:
    """A reported clause or object less the aside the writer hangs on a name at its end (``suggested it would be
    Ortiz, who leads the polls``, ``question the wisdom of backing Ortiz, who has never run``): a relative
    clause set off by a comma after a proper name and running to the end says who the person
    is, in the writer's words, not what the speaker said. Kept when it holds a quotation mark."""
    for tok in doc[left:right]:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        for child in tok.rights:
            start = child.left_edge.i
            if child.dep_ == "relcl" and start > left + 1 and doc[start - 1].text == "," \
                    and child.right_edge.i + 1 >= right - 1 \
                    and not any(t.is_quote for t in doc[start:right]):
                return left, start - 1
    return left, right


def _no_report(verb: "Token", words=_WORDS) -> bool:
    """A cue verb used in another sense reports nobody's words: ``claim`` as winning or taking (``claiming 41
    percent of the vote``, ``claimed his third victory``, ``the crash claimed six lives``), ``question`` as
    interrogating people (``police questioned two witnesses``, ``trying to question her aides``: no topic
    named)."""
    if _connective(verb):
        return True
    lemma = verb_lemma(verb)
    if lemma not in ("claim", "question") or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if lemma == "claim":
        return lemma_of(obj).lower() in words.WON_NOUNS
    part = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)
    obj = part if part is not None and obj.pos_ in ("NUM", "PRON", "ADJ", "DET") else obj  # "two of her aides"
    person = obj.ent_type_ == "PERSON" or obj.pos_ == "PRON" and obj.lower_ not in ("it", "this", "that") \
        or lemma_of(obj).lower() in words.PEOPLE_NOUNS | words.GROUP_NOUNS
    topic = any(c.dep_ == "prep" and c.lower_ in ("about", "over", "on") for c in verb.rights)
    return person and not topic


def _connective(verb: "Token") -> bool:
    """``That said,``, ``That being said,``, ``Having said that,``: a linking phrase that opens a clause and
    stands for 'nevertheless'. The verb of saying has only a demonstrative for subject or object, and the phrase
    ends at a comma, so it reports nobody's words and the demonstrative is never a speaker."""
    doc = verb.doc
    if verb_lemma(verb) != "say" or verb.tag_ not in ("VBD", "VBN", "VBG"):
        return False
    comma = next((t.i for t in doc[verb.i + 1:verb.i + 3] if t.text == ","), None)
    if comma is None:
        return False
    kids = [c for c in verb.children if c.i < comma]  # what the parser hung after the comma is the sentence
    if not any(c.lower_ in ("that", "this") and c.tag_ == "DT" for c in kids) \
            or any(c.dep_ not in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in kids) \
            or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ not in ("that", "this") for c in kids):
        return False
    start = min([verb.i] + [c.i for c in kids])
    if max([verb.i] + [c.i for c in kids]) + 1 != comma:
        return False
    before = doc[start - 1] if start > verb.sent.start else None
    return before is None or before.is_punct and before.text not in ('"', "“", "'", "‘") \
        or before.lower_ in ("but", "and", "yet", "still")


def _outside_reports(doc: "Doc", cues: list[Cue], words) -> list[Cue]:
    """Stances and judgements that lie inside what another cue reports ("stated that he expected sales to rise",
    "accused the mayor of supporting the developers") belong to that report: they are no report of their own."""
    stance = words.ATTITUDE_VERBS | words.INTENTION_VERBS | words.EVALUATION_VERBS | words.ACT_VERBS \
        | frozenset(words.PREP_ACT_VERBS) | words.FINDING_VERBS | words.CLAIM_NOUNS | words.STANCE_ADJECTIVES \
        | {"clear"}
    every = [(o, o.complement) for o in cues if o.complement is not None and o.kind != "noun"]
    speech = [(o, span) for o, span in every if verb_lemma(doc[o.verb]) not in stance]
    only_stance = stance - words.REPORTING_VERBS  # "warning that …" stays a report wherever it stands

    def inside(c: Cue, spans) -> bool:  # a cue's own content may hold it ("Such efforts, they believe, will …")
        return any(o is not c and a <= c.verb < b for o, (a, b) in spans)

    # a claim noun inside any report's content ("rejected the claim that …") is what that report is about
    # a verb of saying inside a report is a report of its own ("said the founders insisted that …")
    return [c for c in cues if not (verb_lemma(doc[c.verb]) in stance and inside(c, speech))
            and not (verb_lemma(doc[c.verb]) in only_stance and inside(c, every))
            and not (c.kind == "noun" and inside(c, every))]


def _naming_range(doc: "Doc", verb: "Token") -> Optional[tuple[int, int]]:
    """``called the plan "a blow to commuters"``, ``described the decision as "deeply disappointing"``: the object
    with what it is called, for a naming verb that has both; None otherwise."""
    lemma = verb_lemma(verb)
    if lemma in EVALUATION_VERBS:  # the whole predicate: "blamed the law on "…"", "referred to her as "…""
        if not any(c.dep_ in ("dobj", "prep") for c in verb.rights):
            return None
        return _strip_parenthetical(doc, verb.i + 1, verb.right_edge.i + 1)
    if lemma not in NAMING_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    preds = [c for c in verb.children if c.dep_ in _PREDICATE_DEPS and c.i > obj.i]
    preds += [c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "as"
              or c.dep_ == "advcl" and c.i > obj.i and _as_clause(c)]  # "described it as Washington celebrating"
    if not preds and obj.i > verb.i and _quote_opens_in(doc, obj.right_edge.i + 1, verb.right_edge.i + 1):
        # "called Clinton, his challenger, an ISIS "co-founder"": the parser lost what she is called, but a
        # quotation in the rest of the predicate is it
        return _strip_parenthetical(doc, obj.left_edge.i, verb.right_edge.i + 1)
    if not preds and obj.i > verb.i and _quote_opens_in(doc, obj.i + 1, obj.right_edge.i + 1):
        # "called his executive actions "a crucial step forward"", "called the system "rigged"": the parser hung
        # what it is called on the object itself (an apposition, a participle)
        return _strip_parenthetical(doc, obj.left_edge.i, obj.right_edge.i + 1)
    if not preds:
        return None
    right = max(p.right_edge.i for p in preds) + 1
    # "what the makers call "interference"": the object comes first; what it is called follows the verb
    left = obj.left_edge.i if obj.i > verb.i else verb.i + 1
    return _strip_parenthetical(doc, left, max(right, obj.right_edge.i + 1))


def _quote_opens_in(doc: "Doc", start: int, end: int) -> bool:
    return any(t.text in "\"“‘«" or t.tag_ == "``" for t in doc[start:end])


def _verb_cue(doc: "Doc", verb: "Token") -> Cue:
    tokens: tuple[int, ...] = (verb.i,)
    complement = None
    kind = "verb"
    clauses = _complement_children(verb)
    if clauses:
        if clauses[0].head is not verb:  # through an xcomp: the cue is the whole "vowed to guarantee"
            tokens = tuple(range(verb.i, clauses[0].head.i + 1))
        complement = _before_second_report(doc, clauses, _with_condition(doc, verb, _clause_bounds(doc, clauses)))
        complement = _lost_subject(doc, verb, clauses, complement)
        complement = _before_answer(doc, verb, clauses, complement)
    elif verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        host = verb.head  # "The economy, he said, is fine."
        left, right = subtree_range(host, skip=(verb,))
        complement = _strip_parenthetical(doc, left, right)
        kind = "parataxis"
    elif (naming := _naming_range(doc, verb)) is not None:
        # "called the plan "a blow"" is mixed; "accused the agency of covering up", "described it as a
        # disaster" with no quotation report what was said through the object
        complement, kind = naming, "naming" if _quote_opens_in(doc, *naming) else "object"
    elif (content := _content_range(doc, verb)) is not None:
        complement, kind = content
    elif (act := _act_range(doc, verb, participle=True)) is not None:  # "asked about the plan", "warned of"
        complement, kind = act, "object"
    elif verb_lemma(verb) == "say" and (answer := next((c for c in verb.rights if c.lower_ in ("yes", "no")
                                                         and c.dep_ in ("dobj", "intj", "ccomp", "npadvmod")
                                                         and c.i == verb.i + 1), None)) is not None:
        complement, kind = (answer.i, answer.i + 1), "object"  # "48 percent of Democrats said yes": an answer
    elif verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") or c.lower_ == "if" for c in verb.children):
        # "As The Times reported on Saturday, he has emerged as an adviser": the clause the aside hangs on (not
        # "left as the crowd said goodbye", a time, nor "as if to say")
        left, right = subtree_range(verb.head)
        if verb.left_edge.i > verb.head.i:
            right = verb.left_edge.i  # "…, as BuzzFeed first reported."
        elif verb.right_edge.i < verb.head.i:
            left = verb.right_edge.i + 1  # "As The Times reported, …"
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
            right -= 1
        complement, kind = _strip_parenthetical(doc, left, right), "parataxis"
    elif (unparsed := _unparsed_report(doc, verb)) is not None:
        complement, kind = unparsed, "parataxis"
    hops: list = []
    subject = subject_of(verb, hops)
    if subject is None and verb.tag_ == "VBD" and verb.dep_ == "acl" and verb.head.i == verb.i - 1 \
            and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a man yelled "Stay there!"": a verb the tagger reads as finite, which the parser hung on the noun
        # right before it as a participle; that noun is its subject
        subject, hops = verb.head, []
    if subject is not None and hops and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") \
            and subject.dep_ == "nsubj":
        # "…, explaining that": the main report's; "as the meeting began vowing to …": not the meeting's
        subject = participle_speaker(verb, subject, subject.head)
    if subject is not None and hops and subject.pos_ == "PRON" and not can_speak(subject):
        subject = None  # "This was the senator …, claims that …": a demonstrative climbed to says nothing
    if subject is not None and subject.pos_ == "NOUN" and (hops or subject.head.i == verb.i) \
            and (by := issuer(subject)) is not None:
        subject, hops = by, hops or [subject]  # "released a video that said …": who released it speaks
    aside = parenthetical_name(verb)  # "Any reading of it, said Dana Marsh, an analyst, would …"
    if aside is not None and (subject is None or subject.i < verb.i):
        subject, hops = aside, []
    speaker = _speaker_token(subject)
    governed = speaker is not None and bool(hops)
    if _bare_participle(verb):  # "Asked about the delay, Ortiz said …": Ortiz was asked; the asker is the agent
        pobj = agent_of(verb)
        speaker, governed = (pobj.i if pobj is not None else None), False
        if kind == "object" and speaker is None:
            return Cue(tokens, verb.i, complement, None, kind, False)  # a question nobody named put
    if speaker is None:
        speaker = _quoted_as_saying(verb)  # token 0 is a speaker too: no "or" between token indices
        speaker = _inverted_speaker(doc, verb) if speaker is None else speaker
    if speaker is None and verb.dep_ == "ROOT":
        aside = parenthesised_subject(verb)
        speaker = aside.i if aside is not None else None
    if kind == "object" and not (_can_announce(doc, speaker) or _can_act(doc, speaker)
                                 and "\n" not in doc[min(speaker, verb.i):max(speaker, verb.i)].text):
        # an untyped name acts only within its paragraph (a headline run into the dateline is no subject)
        complement = None  # "the plane promises better fuel efficiency": a thing, not a speaker
    return Cue(tokens, verb.i, complement, speaker, kind, governed)


def _unparsed_report(doc: "Doc", verb: "Token") -> Optional[tuple[int, int]]:
    """What was said, set off from a verb of saying by a comma alone, where the parser found no clause:
    ``Those who borrow most struggle, even with a "good" job, he said.`` (the report, then its subject and verb
    closing the sentence) and ``In both cases, Ortiz said, the donations paid for "sponsorships".`` (the verb with
    its subject, a comma, then the rest of the sentence, which the parser hung on the verb as its object). News
    attributes so; the words on the other side of the comma make a clause with a verb of its own."""
    if verb_lemma(verb) not in _SAY_VERBS or verb.dep_ != "ROOT" \
            or any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.right_edge.i != verb.i - 1 or subj.left_edge.i == 0:
        return None
    sent = verb.sent
    end = _trim_end(doc, verb.i + 1, sent.end, _CLOSERS_NO_GUILLEMET)
    before = subj.left_edge.i - 1
    after = [c for c in verb.rights if not c.is_punct]
    if doc[before].text == "," and not after:  # "…, he said."
        left, right = sent.start, before
        while left < right and (doc[left].is_punct and doc[left].text not in "\"“‘'" or doc[left].is_space):
            left += 1
        if doc[left].lower_ in _TIME_MARKS_CUE or any(c.dep_ in ("dobj", "attr") for c in verb.children):
            return None
    elif verb.i + 1 < end and doc[verb.i + 1].text == "," and after and after[0].dep_ in ("dobj", "npadvmod") \
            and after[0].left_edge.i == verb.i + 2 and after[-1].right_edge.i + 1 >= end:
        left, right = verb.i + 2, end  # "Ortiz said, the donations paid for …"
        if doc[sent.start:subj.left_edge.i].text.strip(" ,") and not doc[subj.left_edge.i - 1].text == ",":
            return None
    else:
        return None
    words = [t for t in doc[left:right] if t.is_alpha]
    if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[left:right]) \
            or "\n" in doc[left:right].text:
        return None
    return left, right


_SAY_VERBS = frozenset({"say", "tell", "add", "write", "note", "explain", "argue", "insist", "contend", "claim",
                        "assert", "warn", "predict", "acknowledge", "admit", "caution", "concede", "suggest"})
# Subordinators of a clause that says when or why: its verb attributes no quotation before it (find.py; "as" may:
# '"…," as Ortiz put it'); a sentence opening with one, or with "as", "if" or a conjunction, is no report that a
# sentence-final "…, he said." closes
TIME_MARKS = frozenset("after before when while because since until although though unless once".split())
_TIME_MARKS_CUE = TIME_MARKS | frozenset("as if so but and or".split())


def _before_answer(doc: "Doc", verb: "Token", clauses: list["Token"],
                   complement: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """``When asked why, Ortiz responded: "…"``: the parser may hang the main clause, a verb of saying with its
    own subject, on the bare participle of asking as its reported clause. The question ends before that subject
    (here only "why", no question of its own: nothing); the answer is the main clause's report."""
    if complement is None or not _bare_participle(verb) or len(clauses) != 1:
        return complement
    answer = clauses[0]
    subj = next((c for c in answer.children if c.dep_ == "nsubj" and c.i < answer.i), None)
    if not is_reporting(answer) or subj is None or subj.left_edge.i <= complement[0]:
        return complement
    left, right = complement[0], subj.left_edge.i
    while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    return (left, right) if sum(t.is_alpha for t in doc[left:right]) >= 3 else None


def _lost_subject(doc: "Doc", verb: "Token", clauses: list["Token"],
                  complement: tuple[int, int]) -> tuple[int, int]:
    """``said the days when the town had one story are gone``: a reported clause needs a subject; when the parser
    left it none and hung the noun phrase standing between the verb of saying and the clause on the verb itself
    (as a time, an object), that phrase is the clause's subject, and what was said starts with it. Not a hearer
    (``told reporters …``) nor a phrase behind a preposition (``said on Monday …``)."""
    left, right = complement
    clause = clauses[0]
    if len(clauses) != 1 or clause.i < verb.i or verb_lemma(verb) in _HEARER_VERBS \
            or any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in clause.children) \
            or clause.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "MD") and not any(
                c.dep_ in ("aux", "auxpass") for c in clause.children):
        return complement
    lost = [c for c in verb.rights if c.i < left and c.dep_ in ("npadvmod", "dobj", "attr", "oprd")
            and c.pos_ in ("NOUN", "PROPN", "PRON") and c.left_edge.i == verb.i + 1]
    if len(lost) != 1 or any(t.is_punct and t.text not in "\"“”'‘’" for t in doc[lost[0].left_edge.i:left]):
        return complement
    return lost[0].left_edge.i, right


_HEARER_VERBS = frozenset({"tell", "inform", "assure", "remind", "warn", "notify", "advise", "promise", "ask"})


def _before_second_report(doc: "Doc", clauses: list["Token"], complement: tuple[int, int]) -> tuple[int, int]:
    """``told ABC that he agrees … and said "…"``, ``said he found it "charming" and called the field "…"``: a verb
    of saying or naming the parser coordinated with the reported
    clause is a second report (the reporter's, or with its own subject another's: ``… and one in four said …``),
    so the first one ends before it; so does a participle of saying or judging after a comma (``said he saw no
    need to change, telling reporters that …``, ``…, calling him a liar``), the reporter's next act."""
    left, right = complement
    acts = REPORTING_VERBS | EVALUATION_VERBS | ACT_VERBS
    for clause in clauses:
        for child in clause.children:
            if child.i <= clause.i:
                continue
            own_subject = any(c.dep_ in _SUBJECTS for c in child.children)
            if child.dep_ == "conj" and is_reporting(child, REPORTING_VERBS | NAMING_VERBS if not own_subject
                                                     else acts) and (
                    not own_subject or not _quote_opens_in(doc, left, child.i)):  # a quotation may report a report
                right = min(right, child.left_edge.i)
            elif child.dep_ == "advcl" and child.tag_ == "VBG" and is_reporting(child, acts) \
                    and ("," in (doc[child.left_edge.i].text, doc[max(0, child.left_edge.i - 1)].text)
                         or doc[max(0, child.left_edge.i - 1)].is_quote  # '"…maniacal," adding, "…"'
                         and doc[max(0, child.left_edge.i - 2)].text == ","):
                right = min(right, child.left_edge.i)
    while right > left and (doc[right - 1].dep_ == "cc" or doc[right - 1].is_punct
                            and doc[right - 1].text not in "”’»\"'" or doc[right - 1].is_space):
        right -= 1
    return left, right


def _with_condition(doc: "Doc", verb: "Token", complement: tuple[int, int]) -> tuple[int, int]:
    """The complement with a condition the parser hung on the reporting verb instead ("said ships would be
    diverted if the dispute lasted"): a condition is part of what was said, not of the saying."""
    left, right = complement
    for child in verb.rights:
        if child.dep_ != "advcl" or child.i < right:
            continue
        mark = next((c for c in child.children if c.dep_ == "mark"), None)
        gap = doc[right:child.left_edge.i]
        if mark is not None and mark.lower_ in CONDITION_MARKS and all(t.is_punct for t in gap):
            right = _strip_parenthetical(doc, left, child.right_edge.i + 1)[1]
    return left, right


def _can_announce(doc: "Doc", speaker: Optional[int]) -> bool:
    """Whether a subject can make an announcement: a person or organisation name, a pronoun, a role or a body."""
    if speaker is None:
        return False
    tok = doc[speaker]
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PRON" \
        or lemma_of(tok).lower() in PERSON_ROLES | ORG_NOUNS


def _can_act(doc: "Doc", speaker: Optional[int]) -> bool:
    """Whether a subject can accuse, endorse or call for something: one that can announce, or a name the model
    left untyped (a surname alone: "Ortiz accused …")."""
    if speaker is None:
        return False
    tok = doc[speaker]
    return _can_announce(doc, speaker) or tok.pos_ == "PROPN" and not tok.ent_type_ \
        or lemma_of(tok).lower() in _WORDS.GROUP_NOUNS | _QUANTIFIER_SUBJECTS  # "most voters oppose …"


def _content_range(doc: "Doc", verb: "Token") -> Optional[tuple[tuple[int, int], str]]:
    """Reported content that is not a ``that``-clause: a to-infinitive ("urged them to leave"), a raised subject
    ("X is said to be faster") or a noun-phrase object ("announced 10,000 job cuts")."""
    lemma = verb_lemma(verb)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    perfect = any(c.dep_ == "aux" and lemma_of(c).lower() == "have" for c in verb.children)  # "has agreed to"
    if xcomp is not None and (lemma in INFINITIVE_VERBS or lemma in INTENTION_VERBS) \
            and (verb.tag_ != "VBN" or perfect):
        left, right = subtree_range(xcomp)
        hearer = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < xcomp.i), None)
        if hearer is not None:  # "urged the government to speed up the work": the request names who must act
            left = hearer.left_edge.i
        return _strip_parenthetical(doc, left, right), "verb"
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if xcomp is not None and subj is not None and verb.tag_ == "VBN":  # "are said to be up to four times faster"
        return _strip_parenthetical(doc, subj.left_edge.i, xcomp.right_edge.i + 1), "verb"
    if lemma not in CONTENT_OBJECT_VERBS:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subj is not None and agent is not None and subj.i < verb.i and subj.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "pobj" for c in agent.children):
        # "News of the move was first reported by the Herald": what was reported is the subject, its source the
        # agent (read by subject_of)
        return _strip_parenthetical(doc, *subtree_range(subj)), "object"
    gerund = next((c for c in verb.rights if c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG"
                   and not any(d.dep_ in _SUBJECTS for d in c.children)), None)
    if gerund is not None:  # "reported raising $9 million", "denied taking the money": the act is the content
        return _strip_parenthetical(doc, *subtree_range(gerund)), "object"
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and lemma == "say" and any(t.is_quote for t in doc[verb.i + 1:obj.right_edge.i + 1]):
        return None  # 'said "anti-Semitic images, they have no place …"': the quotation is what was said
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "NUM") or obj.ent_type_ in ("PERSON", "TIME") \
            or obj.lower_ in _NOT_CONTENT:  # "Posted 9:05 PM": a clock time is no content
        return None
    if lemma in _EMPHASIS_VERBS and (lemma_of(obj).lower() in _PEOPLE or obj.lower_ in _PEOPLE):
        return None  # "stressed the players", "stressed staff": strain put on people, nothing said
    left, right = subtree_range(obj)
    return _strip_parenthetical(doc, left, _object_phrases(doc, verb, right)), "object"


def _bare_participle(verb: "Token") -> bool:
    """A past participle with no auxiliary heading a clause of its own (``Asked about X, …``, ``… when asked
    whether …``): its subject is the one spoken to, not the speaker."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "ROOT", "conj") \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and not any(c.dep_ in _SUBJECTS for c in verb.children)


def _act_range(doc: "Doc", verb: "Token", words=_WORDS, participle: bool = False) -> Optional[tuple[int, int]]:
    """What a speech act reports through its object (``accused the agency of covering up``: the object with its
    ``of``/``for``/``as`` phrase) or through a preposition (``called for a ban``, ``called on the mayor to
    resign``, ``talked about jobs``); None when the verb has neither. A time or a date is no content."""
    lemma = verb_lemma(verb)
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children) and not participle:
        return None  # "Asked about the delay, Ortiz …": the one asked is no speaker of the question
    preps = words.PREP_ACT_VERBS.get(lemma, ())
    if not preps and verb.dep_ != "relcl" and not any(c.dep_ == "mark" for c in verb.children):
        # "the things he said about Latinos", "as they say about …": what was said is the noun, or a saying
        preps = words.SAYING_PREPS.get(lemma, ())
    for child in verb.rights:
        if child.dep_ == "prt" and child.lower_ in preps:  # "called on Sanders to ...", parsed as a particle
            obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
            then = next((c for c in verb.rights if c.dep_ in ("xcomp", "ccomp")), None)
            if obj is None or _when(obj):
                return None
            right = max(obj.right_edge.i, then.right_edge.i if then is not None else 0) + 1
            return _strip_parenthetical(doc, obj.left_edge.i, right)
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in preps and m.i == child.left_edge.i
                                         for m in child.children):
            # "called for the president to resign", parsed as a clause with "for" as its mark: the request
            return _strip_parenthetical(doc, child.left_edge.i + 1, child.right_edge.i + 1)
        if child.dep_ == "dobj" and lemma != "ask":  # "asked the senator about the vote": the one asked
            break  # "called Clinton a liar on Monday": the object comes first, no prepositional content
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None or _when(obj):
                return None
            right = _np_end(obj)
            then = next((c for c in verb.rights if c.dep_ in ("xcomp", "ccomp") and c.i > obj.i), None)
            if then is not None and child.lower_ == "on":  # "called on Congress to act": the whole request
                right = then.right_edge.i + 1
            named = next((c for c in (*verb.rights, *obj.rights) if c.dep_ == "prep" and c.lower_ == "as"
                          and c.i >= right), None)
            if named is not None and all(t.is_punct or t.is_space for t in doc[right:named.i]):
                right = named.right_edge.i + 1  # "referred to her as a bright leader": what she was called too
            elif right == obj.right_edge.i + 1:
                right = _object_phrases(doc, verb, right)
            return _strip_parenthetical(doc, obj.left_edge.i, right)
    if lemma not in words.ACT_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i < verb.i or _when(obj):
        return None
    right = _np_end(obj)
    for child in verb.rights:  # "accused X of Y", "criticized X over Y": the charge goes with the one charged
        if child.i <= obj.i:
            continue
        pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        if child.dep_ == "prep" and child.lower_ == "as" and pobj is None:
            pobj = next(iter(child.children), None)  # "slammed his proposal as too vague": no noun after it
        if child.dep_ == "advcl" and _as_clause(child) and child.left_edge.i <= right + 1:
            right = child.right_edge.i + 1  # "described the dinner as Washington celebrating itself"
            continue
        if child.dep_ != "prep" or child.lower_ not in (_ACT_PREPS | _LIKENING if lemma in _LIKENED else _ACT_PREPS) \
                or child.left_edge.i > right + 1 \
                or pobj is None or _when(pobj):
            break
        right = child.right_edge.i + 1
    topic = lemma in words.TOPIC_VERBS and not (lemma == "question" and obj.tag_ != "NN"
                                                and not any(c.dep_ == "poss" for c in obj.children)) \
        or lemma_of(obj).lower() in words.SPEECH_OBJECT_NOUNS \
        or lemma in words.VIEW_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" and obj.i < c.i < right
                                             for c in (*verb.children, *obj.children))
    if lemma in words.VIEW_VERBS and not topic:
        return None  # "saw the crowd waiting", "viewed the site": a sight, no judgement without "as"
    if not topic and not any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in doc[obj.left_edge.i:right]):
        return None  # "opposed the plan", "welcomed the visitors": a stance on a thing, no words reported
    if right == obj.right_edge.i + 1:  # not cut before a writer's aside
        right = _object_phrases(doc, verb, right)
    return _strip_parenthetical(doc, obj.left_edge.i, right)


def _as_clause(clause: "Token") -> bool:
    """A clause opened by ``as`` as its mark (``… as Washington celebrating itself``)."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ == "as" and first.dep_ == "mark" and first.head.i == clause.i


def _object_phrases(doc: "Doc", verb: "Token", right: int) -> int:
    """The end of an object report with the prepositional phrases that follow it directly and that the parser hung
    on the verb ("announced a benefit concert in support of the senator", "proposed tax cuts to large
    companies"): news writes what was announced or proposed with its complement, and PARC-style gold takes it.
    A phrase naming the setting of the act is no part of it: a time or a place ("in March", "in Ohio"), a
    hearer ("to reporters", "to him"), the medium ("in a statement")."""
    for child in verb.rights:
        if child.i < right and child.left_edge.i != right:
            continue
        if child.dep_ in ("advcl", "xcomp") and child.left_edge.i == right and doc[right].lower_ == "to" \
                and doc[right].dep_ == "aux":
            right = child.right_edge.i + 1  # "called for a special prosecutor to oversee the inquiry": its aim
            continue
        if child.i != right or child.dep_ != "prep" or child.lower_ not in _OBJECT_PREPS:
            break
        pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None or pobj.pos_ in ("PRON", "PROPN") or pobj.ent_type_ in _SETTING_ENTS \
                or lemma_of(pobj).lower() in _WORDS.SPEECH_NOUNS | _WORDS.GROUP_NOUNS | _WORDS.AUDIENCE_NOUNS \
                or any(t.is_quote or t.is_punct and t.text in ",;:()" for t in doc[child.i:child.right_edge.i + 1]):
            break
        right = child.right_edge.i + 1
    return right


def _np_end(obj: "Token") -> int:
    """Where an object noun phrase ends as what was said: before an aside the writer adds after a comma about the
    thing or person named (``cited the Head Start program, the federally funded pre-school …``, ``praised Mr.
    Bush, whom he attacked …``), which says who or what it is, not what the speaker said of it."""
    end = obj.right_edge.i + 1
    for child in obj.rights:
        if child.dep_ in ("appos", "relcl", "acl") and child.left_edge.i > obj.i \
                and obj.doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 1)
    return end


def _claim_noun(doc: "Doc", noun: "Token", words=_WORDS) -> Optional[Cue]:
    """``Trump's claim that the vote was rigged``, ``his decision not to run``: a noun of claiming or deciding
    with a that-clause or a to-infinitive (not a relative clause: ``the claim that he made``) reports that
    clause; the possessor is the speaker, when there is one."""
    if lemma_of(noun).lower() not in words.CLAIM_NOUNS:
        return None
    for clause in noun.rights:
        if clause.dep_ not in ("acl", "ccomp") or clause.pos_ not in ("VERB", "AUX"):
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}
        if not marks & {"that", "to"} or not any(c.dep_ in _SUBJECTS for c in clause.children) \
                and "to" not in marks:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None and lemma_of(noun).lower() in words.OWNED_CLAIM_NOUNS:
            return None
        left, right = _clause_bounds(doc, [clause])
        return Cue((noun.i,), noun.i, (left, right), owner.i if owner is not None else None, "noun")
    return None


def _view_is(doc: "Doc", noun: "Token", words=_WORDS) -> Optional[Cue]:
    """``Ortiz's view is that the tax will fail``, ``her argument was that …``, ``the position of the mayor is that
    …``: an owned noun of a view or a statement, subject of "be", reports the clause "be" takes; its owner speaks.
    Unowned ("the problem is that …") it is the writer's own framing."""
    if noun.dep_ != "nsubj" or lemma_of(noun).lower() not in words.STATEMENT_NOUNS \
            or lemma_of(noun.head).lower() != "be":
        return None
    clause = next((c for c in noun.head.rights if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                   and any(s.dep_ in _SUBJECTS for s in c.children)), None)
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None or owner.tag_ == "WP$" or not _can_act(doc, owner.i):
        return None
    return Cue((noun.i,), noun.i, _clause_bounds(doc, [clause]), owner.i, "noun")


def _speech_act_noun(doc: "Doc", noun: "Token", words=_WORDS) -> Optional[Cue]:
    """``Ortiz's attacks on the mayor``, ``his criticism of the plan``, ``her call for a recount``, ``their
    comments about the strike``: a noun of a speech act owned by someone reports what its preposition names, the
    owner speaking. Without an owner it reports nothing (``the attacks on Paris`` were no words)."""
    preps = words.SPEECH_ACT_NOUNS.get(lemma_of(noun).lower())
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if not preps or owner is None or owner.pos_ not in ("PRON", "PROPN", "NOUN") or _when(owner):
        return None
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None or _when(obj):
        return None
    return Cue((noun.i,), noun.i, _strip_parenthetical(doc, obj.left_edge.i, _np_end(obj)), owner.i, "noun")


def _stance_adjective(doc: "Doc", adj: "Token", words=_WORDS) -> Optional[Cue]:
    """``Ortiz is confident that the bill will pass``, ``voters are skeptical of the plan``, ``the mayor made it
    clear that she would stay``: an adjective of belief predicated of someone reports its clause (or its
    ``of/about/in`` object) as the holder's stance; ``clear`` only with ``make``, and ``make sure`` is no belief."""
    lemma = adj.lower_
    head = adj.head
    making = lemma_of(head).lower() == "make"
    if adj.dep_ not in ("acomp", "oprd", "ccomp") or head.i == adj.i \
            or not (lemma in words.STANCE_ADJECTIVES and not making or lemma == "clear" and making):
        return None
    content = None
    clause = [c for c in adj.rights if c.dep_ == "ccomp" or c.dep_ == "advcl"
              and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if not clause and making:
        clause = [c for c in head.rights if c.i > adj.i and c.dep_ in ("ccomp", "advcl")
                  and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if clause:
        content = _clause_bounds(doc, clause[:1])
    elif lemma != "clear":
        prep = next((c for c in adj.rights if c.dep_ == "prep" and c.lower_ in words.STANCE_ADJECTIVE_PREPS), None)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is not None and not _when(obj) and obj.tag_ != "PRP" and len(obj.text) > 2:
            content = subtree_range(obj)  # not "confident of himself", nor a word the tokenizer split
    if content is None or content[1] - content[0] < 1:
        return None
    speaker = _speaker_token(subject_of(head))
    if not _can_act(doc, speaker):
        return None
    return Cue((adj.i,), adj.i, _strip_parenthetical(doc, *content), speaker, "object")


def _no_comment(doc: "Doc", verb: "Token", words=_WORDS) -> Optional[Cue]:
    """``declined to comment``, ``did not respond to a request for comment``, ``declined several requests for an
    interview``: news reports a source's refusal or silence as its response, and what was refused is its
    content (a to-infinitive of saying, or the request itself)."""
    if verb.pos_ != "VERB" or verb_lemma(verb) not in words.NO_COMMENT_VERBS:
        return None
    content = None
    for child in verb.rights:
        if child.dep_ == "xcomp" and verb_lemma(verb) in ("decline", "refuse") \
                and lemma_of(child).lower() in words.NO_COMMENT_ACTS:
            content = (child.left_edge.i, child.right_edge.i + 1)
        elif child.dep_ == "dobj" and lemma_of(child).lower() in words.REQUEST_NOUNS:
            content = subtree_range(child)
        elif child.dep_ == "prep" and child.lower_ == "to":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and lemma_of(obj).lower() in words.REQUEST_NOUNS:
                content = subtree_range(obj)
        if content is not None:
            break
    speaker = _speaker_token(subject_of(verb))
    if content is None or not _can_act(doc, speaker):
        return None
    return Cue((verb.i,), verb.i, _strip_parenthetical(doc, *content), speaker, "object")


def _finding(doc: "Doc", verb: "Token", words=_WORDS) -> Optional[Cue]:
    """``A new poll shows Clinton with a six-point lead``: a poll, study or report that shows or finds something
    reports the predicate from its object on; with a that-clause it is a stance as any other (left to
    :func:`_verb_cue`)."""
    if verb.pos_ != "VERB" or verb_lemma(verb) not in words.FINDING_VERBS \
            or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subj is None or obj is None or lemma_of(subj).lower() not in words.FINDING_NOUNS or _when(obj):
        return None
    left, right = _strip_parenthetical(doc, obj.left_edge.i, verb.right_edge.i + 1)
    return Cue((verb.i,), verb.i, (left, right), subj.i, "object")


def _when(tok: "Token") -> bool:
    """A date or time alone ("on Tuesday", "over the weekend"), not "on years of borrowing"."""
    return tok.ent_type_ in _NOT_SPEAKER_ENTS and not any(c.dep_ == "prep" for c in tok.children)


def _quoted_as_saying(verb: "Token") -> Optional[int]:
    """``X quoted Y as saying``: the speaker is the one quoted, not the outlet quoting."""
    host = verb.head
    if verb.dep_ not in ("pcomp", "advcl") or lemma_of(host).lower() not in ("as",) and host.dep_ != "prep":
        return None
    quoting = host.head if host.lower_ == "as" else host
    if lemma_of(quoting).lower() not in ("quote", "cite"):
        return None
    # "quoted Djamal as saying"; passive "Djamal was quoted as saying": the one quoted is the subject
    obj = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return _speaker_token(obj)


def _inverted_speaker(doc: "Doc", verb: "Token") -> Optional[int]:
    """``"…", added KCNA``: after a quote the parser may take the inverted subject for an object."""
    prev = verb.i - 1
    while prev >= 0 and doc[prev].is_punct and doc[prev].text not in "\"”»'’":
        prev -= 1
    if prev < 0 or doc[prev].text not in "\"”»'’":
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd") and child.pos_ in ("PROPN", "NOUN"):
            return child.i
    return None


def _inverted_name(doc: "Doc", verb: "Token") -> Optional[int]:
    """``Continued Stone: "…"``, ``Added Ortiz, "…"``: a verb opening its sentence right before a name and a colon
    or comma, which the parser reads as an adjective on the name: the name is the speaker."""
    head = verb.head
    if verb.dep_ != "amod" or head.pos_ != "PROPN" or head.i <= verb.i or head.i + 1 >= len(doc) \
            or doc[head.i + 1].text not in (":", ","):
        return None
    if any(not (t.is_space or t.is_punct) for t in doc[verb.sent.start:verb.i]):
        return None
    return head.i


def _strip_parenthetical(doc: "Doc", left: int, right: int) -> tuple[int, int]:
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left, _trim_end(doc, left, right)


def _speaker_token(tok: Optional["Token"]) -> Optional[int]:
    """A subject that can be a speaker: a name, a noun or a pronoun ("it added" is an organisation)."""
    if tok is None or tok.lower_ == "there":
        return None
    if tok.tag_ == "WP" and tok.head.dep_ != "relcl":
        clause = tok.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        # "Kingson, who is running and who worked the crowd, praising …": the relative's antecedent speaks;
        # "over who supported which bill": a question word is nobody
        return clause.head.i if clause.dep_ == "relcl" and clause.head.pos_ in ("PROPN", "NOUN") else None
    if tok.tag_ == "WDT":
        return None  # a "that" or "which" no relative clause ties to its noun names no one
    if tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children):
        return tok.i  # "said the 46-year-old", "the elder told": an adjective made a noun by its article
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return tok.i  # "Trump, in Kentucky, said": a name the tagger took for an adjective is still a name
    if tok.dep_ == "nsubj" and lemma_of(tok).lower() in _QUANTIFIER_SUBJECTS:
        return tok.i  # "Several said", "most said they were worried": some of the people just named
    if tok.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X"):
        return None
    return tok.i
