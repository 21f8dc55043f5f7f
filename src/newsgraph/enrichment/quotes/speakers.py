"""Resolving a speaker noun phrase to one of the article's entities.

``SpeakerResolver.resolve(doc, span, entities, context)`` is the whole interface, so a coreference model can replace
it. Without one, it works in this order:

1. a name: the entity with a mention over the phrase's head word (or any mention inside the phrase); a person
   bearing the name before a place the tagger typed it as ("Jordan said" after "Ana Jordan");
2. an acronym or a head noun found in an entity's name ("the SNC", "the coalition");
3. a pronoun: none for the narration's "we"/"you", a determiner ("those") or an antecedent that names nobody (a
   bare plural before "they", a thing before "it", "a woman" before "she"); the named person who reports the clause
   it is subject of ("Ruiz said she would …", "Ruiz condemned what she called …") or whose clause a when/as clause
   hangs on; else earlier entities of the right kind ("they": a people or body named in the plural; "it": an
   organisation, or a place that was a subject), filtered by gender evidence (honorifics, gendered role nouns, a
   possessive in the mention's own clause, pronouns already resolved to them, each one vote; a common first name
   only where there is none) and ranked by recency, subject role (a name apposed to the subject counts) and having
   spoken before;
4. a role noun ("the foreign minister", "the US president"): an entity whose roles share the noun, else none when
   the narration brought the person in unnamed ("A senior official said …"), else the most recent person who
   spoke or was a subject; "a spokesman", "one official", "neither man" are someone new;
5. an organisation noun ("the company", "the ministry"): none in the plural or brought in as new ("companies", "a
   company"); an organisation the text calls so (a state's body may be its country, never a people's adjective);
   "the company" also a business-like name or an organisation named as an actor, never a place or a modifier;
   else no entity.

A name whose honorific contradicts the first name of the entity it belongs to ("Mr. Quill" and Maria Quill) is
another member of the family, or no entity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional, Sequence

from ... import lang
from ...model import Entity, Span
from ..base import doc_text, lemma_of
from ..entities.roles import possessor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = lang.get("en").quotes
_PERSON_NOUNS = lang.get("en").entities.PERSON_NOUNS
_TITLES = lang.get("en").entities.PERSON_TITLES
# a title written before a name, as the noun the text later calls that person by ("Gov. Eric Holcomb" … "the
# governor said")
_TITLE_WORDS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "col": "colonel",
                "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "cmdr": "commander", "adm": "admiral",
                "prof": "professor", "dr": "doctor", "supt": "superintendent", "atty": "attorney", "pres": "president",
                "sec": "secretary", "amb": "ambassador", "det": "detective", "insp": "inspector"}
# people a named person has as sources or company ("the reporter's source", "Holt's colleague"): someone of theirs
_CONTACTS = frozenset("source insider confidant associate colleague acquaintance neighbor neighbour".split())
MALE_GIVEN_NAMES = lang.get("en").given_names.MALE_GIVEN_NAMES
FEMALE_GIVEN_NAMES = lang.get("en").given_names.FEMALE_GIVEN_NAMES
MALE_PRONOUNS = _WORDS.MALE_PRONOUNS
FEMALE_PRONOUNS = _WORDS.FEMALE_PRONOUNS
PLURAL_PRONOUNS = _WORDS.PLURAL_PRONOUNS
NEUTER_PRONOUNS = _WORDS.NEUTER_PRONOUNS
FIRST_PERSON = _WORDS.FIRST_PERSON
INDEFINITE_PRONOUNS = _WORDS.INDEFINITE_PRONOUNS
MALE_WORDS = _WORDS.MALE_WORDS
FEMALE_WORDS = _WORDS.FEMALE_WORDS
PERSON_ROLES = _WORDS.PERSON_ROLES
OCCUPATION_ROLES = _WORDS.OCCUPATION_ROLES
ORG_PRONOUN_TYPES = _WORDS.ORG_PRONOUN_TYPES
ORG_NOUNS = _WORDS.ORG_NOUNS
GENERIC_ORG_NOUNS = _WORDS.GENERIC_ORG_NOUNS
STATE_NOUNS = _WORDS.STATE_NOUNS
REPORTING_VERBS = _WORDS.REPORTING_VERBS
ATTITUDE_VERBS = _WORDS.ATTITUDE_VERBS
BUSINESS_NOUNS = _WORDS.BUSINESS_NOUNS
BUSINESS_NAME_WORDS = _WORDS.BUSINESS_NAME_WORDS
SECOND_PERSON = _WORDS.SECOND_PERSON
DEMONSTRATIVES = _WORDS.DEMONSTRATIVE_PRONOUNS
UNNAMED_PEOPLE = _WORDS.PEOPLE_NOUNS | _WORDS.GROUP_NOUNS | _WORDS.SPEAKING_PEOPLE
# Subordinators of a clause whose he/she subject is the subject of the clause it hangs on.
_BINDING_MARKS = frozenset("as while when after before because since although though until once".split())
# Names' last words that end in -s without being plurals of a people.
_SINGULAR_IN_S = frozenset("news times press congress appeals affairs services industries".split())
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
_NEW_DETERMINERS = frozenset("a an one another neither no each any either some".split())
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})  # "the Northfield line": the name is no actor
TOPIC_BONUS = 2.0  # the main subject of the narration's previous sentence, against the last speaker's 2
NEW_TOPIC_BONUS = 2.0  # a person brought in by name, as a subject, in a paragraph after the last speaker was named
EMBEDDED_SUBJECT = 0.5  # weight of a subject inside another clause, against a main clause's 1
_DESCRIBED_WINDOW = 4  # tokens either side of a mention where "the maker X" / "X, the maker" puts the noun


@dataclass(slots=True)
class ResolverContext:
    """What earlier quotes told us: who spoke (entity ids in order) and the gender each pronoun revealed."""

    speakers: list[tuple[int, Optional[str]]] = field(default_factory=list)  # (char offset, entity id or None)
    gender: dict[str, str] = field(default_factory=dict)  # entity id -> "m" | "f"
    quoted: list[Span] = field(default_factory=list)  # quoted stretches, marks included, in text order

    def in_quotes(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.quoted)

    def in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    def remember(self, offset: int, entity_id: Optional[str], pronoun: Optional[str] = None) -> None:
        """Who spoke at ``offset``; None for a speaker the text names without an entity ("a spokesman"), who is
        then the last speaker, so that the one before does not keep that place."""
        self.speakers.append((offset, entity_id))
        g = gender_of_word(pronoun or "")
        if g and entity_id is not None and entity_id not in self.gender:
            self.gender[entity_id] = g


def gender_of_word(word: str) -> Optional[str]:
    w = word.lower()
    if w in MALE_PRONOUNS or w in MALE_WORDS:
        return "m"
    if w in FEMALE_PRONOUNS or w in FEMALE_WORDS:
        return "f"
    return None


def initials(name: str) -> str:
    skip = {"of", "for", "and", "the", "on", "in", "de", "to"}
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in skip and w[:1].isalpha()).upper()


class SpeakerResolver:
    """Rule-based resolver: the default until a coreference model is available."""

    window_chars: int = 3000  # how far back a pronoun or role noun looks for its antecedent

    def resolve(self, doc: "Doc", span: Span, entities: Sequence[Entity],
                context: Optional[ResolverContext] = None) -> Optional[str]:
        context = context or ResolverContext()
        toks = doc.char_span(span[0], span[1], alignment_mode="expand")
        if toks is None or len(toks) == 0:
            return None
        head = toks.root
        role = _is_role(head)
        if _indefinite_person(head, role):
            # "a spokesman said", "a person close to the family": news brings in someone new and unnamed with "a";
            # only a name apposed inside the phrase ("a spokesman, Dana Ortiz,") is who speaks
            named = _apposed_names(toks, head)
            return _entity_in(entities, named, ("PERSON",)) if named else None
        if role:  # "Brightfield's director, Owen Carver": only an apposed name is the person; "X's spokesman"
            # or "a Microsoft spokesman" names the employer, not the speaker
            named = _apposed_names(toks, head)
            by_mention = _entity_in(entities, named, ("PERSON",)) if named else None
        else:
            by_mention = _entity_at(entities, span, head)
            by_mention = _person_over_place(entities, by_mention, head)
            by_mention = _honorific_fits(toks, head, entities, by_mention)
            if by_mention == "":
                return None
        if by_mention is not None:
            return by_mention
        word = head.lower_
        if word in INDEFINITE_PRONOUNS and head.pos_ in ("PRON", "DET", "NUM", "ADJ"):
            return None  # "some call it …", "another warned": nobody named before is meant
        if head.pos_ == "PRON" or word in MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            return self._pronoun(doc, span, head, entities, context)
        by_name = _entity_by_name_word(entities, head, span)
        if by_name is not None:
            return by_name
        if role:
            # "officials", "experts": several unnamed people, never the last single person who spoke
            # "his boss", "her spokesman": someone of the possessor's, never the possessor, so not whoever spoke last
            owned = any(t.dep_ == "poss" and t.head.i == head.i for t in toks)
            # "the staff member who took the call": a role told apart by a clause of its own is someone the
            # text describes there, not the last person it named
            described = any(c.dep_ in ("relcl", "acl") for c in head.children)
            fallback = head.tag_ not in ("NNS", "NNPS") and not _affiliated(toks, head) and not owned \
                and not described
            return self._role(doc, span, toks, entities, context, fallback=fallback)
        lemma = lemma_of(head).lower()
        if lemma in STATE_NOUNS:  # "the Syrian government", "the French foreign ministry": the country's
            country = _country_in(toks, head, entities)
            if country is not None:
                return country
        if lemma in ORG_NOUNS and (head.tag_ == "NNS" or _indefinite(head)):
            return None  # "the groups", "companies", "a company", "neither company": no one body named before
        if lemma in ORG_NOUNS and len(toks) == 3 and toks[1].dep_ == "compound" and toks[1].pos_ == "NOUN" \
                and head.tag_ == "NN":
            # "the production company" after "Brightline Productions denied …": the body whose name holds the
            # modifier; "the port authority" is not whatever body was named last
            return _named_with(entities, lemma_of(toks[1]).lower(), span[0])
        if lemma in ORG_NOUNS and len(toks) <= 2:  # "the company"; not "the Syrian government"
            # a body is an organisation; only a state's body ("the government") may be the country itself, and a
            # people's adjective ("German") is never a body
            types = ("ORG", "GPE") if lemma in STATE_NOUNS else ("ORG",)
            described = _described_as(doc, entities, lemma, span[0], types)
            if described is not None or lemma not in GENERIC_ORG_NOUNS or lemma in STATE_NOUNS:
                return described  # "the administration" the text does not name: not the last body named
            if lemma in BUSINESS_NOUNS:  # "the company" is a business: never a place, a people or a modifier
                return _business(doc, span[0], entities, context, self.window_chars)
            return _most_recent(doc, span[0], entities, types, context, self.window_chars, heads_only=True)
        return None

    def _pronoun(self, doc: "Doc", span: Span, head: "Token", entities: Sequence[Entity],
                 context: ResolverContext) -> Optional[str]:
        word = head.lower_
        quoted = context.in_quotes(head.idx, head.idx + len(head.text))
        if word in FIRST_PERSON and (word not in ("we",) or not quoted):
            return None  # the narration's "we" is the writer's newsroom or its readers, never a place or a party
        if word in SECOND_PERSON and not quoted or word in DEMONSTRATIVES and head.tag_ == "DT":
            return None  # "if you live in …", "those around him": nobody named
        plural = word in PLURAL_PRONOUNS
        if plural or word in NEUTER_PRONOUNS:
            if word == "it" and (head.dep_ == "nsubjpass" or lemma_of(head.head).lower() == "be"):
                return None  # "It's been reported that …", "It is early to …": an "it" that stands for nothing
            if _unnamed_topic(doc, head, entities, context, plural):
                return None  # "Prosecutors said … They cited", "The lawsuit contends … It goes on"
            last = context.speakers[-1][1] if context.speakers else None
            # a possessive may take a body named earlier in its own sentence, as object or not ("blasted the
            # bureau for its decision")
            own = head.sent.start_char if head.dep_ == "poss" else None
            candidates = [e for e in entities if _pronoun_fits(doc, e, plural, span[0], last, own)]
            return _most_recent(doc, span[0], candidates, ORG_PRONOUN_TYPES, context, self.window_chars)
        if _unnamed_topic(doc, head, entities, context, False):
            return None  # "One voter brought up immigration. She asked …": someone the text does not name
        want = gender_of_word(word)
        genders = entity_genders(doc, entities, context)
        people = [e for e in entities if e.type == "PERSON" and genders.get(e.id) in (want, None)]
        reporter = _reporter(doc, head, people, context) or _main_subject(doc, head, people, context)
        if reporter is not None:
            return reporter
        attested = {e.id for e in people if genders.get(e.id) == want}
        return _most_recent(doc, span[0], people, ("PERSON",), context, self.window_chars, attested,
                            topic=_previous_narration(doc, head, context))

    def _role(self, doc: "Doc", span: Span, toks, entities: Sequence[Entity],
              context: ResolverContext, fallback: bool = True) -> Optional[str]:
        words = {t.lower_ for t in toks if not t.is_stop and not t.is_punct}
        scored = []
        for e in entities:
            if e.type != "PERSON":
                continue
            role_words = {w.lower() for r in e.roles for w in r.split()} | _titles_before(doc, e, span[0])
            role_words |= {_TITLE_WORDS[w.strip(".")] for w in role_words if w.strip(".") in _TITLE_WORDS}
            overlap = len(words & role_words)
            if overlap:
                scored.append((overlap, -_distance(e, span[0]), e.id))
        if scored:
            return max(scored)[2]
        if not fallback:  # "Acme's spokesman" is someone of Acme's, not whoever spoke last
            return None
        if _introduced_unnamed(doc, toks.root, context, self.window_chars):
            return None  # "A senior official said …. '…,' the official said": the same unnamed official
        noun = lemma_of(toks.root).lower()
        if noun in OCCUPATION_ROLES:
            return _by_occupation(doc, span[0], entities, noun, context, self.window_chars)
        return _most_recent(doc, span[0], entities, ("PERSON",), context, self.window_chars)


def _titles_before(doc: "Doc", e: Entity, offset: int) -> set[str]:
    """The titles written right before the person's mentions up to ``offset`` ("Det. Karl Brenner", "Dr. Ortiz"),
    lower-cased without the dot: the tagger often leaves the title out of the name (or types it apart), and news
    later calls the person by the noun the title abbreviates ("the detective said")."""
    text = doc_text(doc)
    out = set()
    for m in e.mentions:
        if m.end > offset:
            continue
        word = text[max(0, m.start - 16):m.start].rstrip().rstrip(".").split()[-1:]
        w = word[0].lower() if word else ""
        if w in _TITLE_WORDS or w in PERSON_ROLES:
            out.add(w)
    return out


def _unrecognised_name(doc: "Doc", start: int, end: int, entities: Sequence[Entity], context: ResolverContext) -> bool:
    """Whether the narration between ``start`` and ``end`` names someone the tagger did not recognise: a title
    written before a capitalised name word ("Det. Karl Brenner") or two capitalised name words in a row, none of
    them inside an entity's mention. A noun such as "the detective" may then be that person."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    covered = [(m.start, m.end) for e in entities for m in e.mentions]

    def bare_name(t) -> bool:
        return t.pos_ == "PROPN" and t.text[:1].isupper() and not context.in_quote(t.idx) \
            and not any(a <= t.idx < b for a, b in covered)

    for t in span:
        if not bare_name(t):
            continue
        before = doc[t.i - 1] if t.i > 0 else None
        if before is not None and before.text == "." and t.i > 1:
            before = doc[t.i - 2]
        titled = before is not None and before.text.rstrip(".").lower() in _TITLE_WORDS.keys() | _TITLES
        if titled or t.i + 1 < len(doc) and bare_name(doc[t.i + 1]):
            return True
    return False


def _by_occupation(doc: "Doc", offset: int, entities: Sequence[Entity], noun: str, context: ResolverContext,
                   window: int) -> Optional[str]:
    """Who "the actor", "the chef", "the superintendent" is: the latest person the text calls one next to a
    mention ("Chef Maria Lopez", "Ames, the actor"), else the one person named in the window before; None when
    several are and none is called so (in "The film stars Bale and Penn. '…,' said the actor" either may speak,
    and a director or a critic named last is not the actor)."""
    best: Optional[tuple[int, str]] = None
    people = set()
    for e in entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            if m.end > offset or offset - m.end > window or context.in_quotes(m.start, m.end):
                continue
            people.add(e.id)
            if (best is None or m.end > best[0]) and _noun_near(doc, m.start, m.end, noun):
                best = (m.end, e.id)
    if best is not None:
        return best[1]
    if len(people) != 1 or _unrecognised_name(doc, max(0, offset - window), offset, entities, context):
        return None  # several may be meant; or someone the tagger missed ("Det. Karl Brenner") may be
    return next(iter(people))


def _reporter(doc: "Doc", pronoun: "Token", people: Sequence[Entity], context: ResolverContext) -> Optional[str]:
    """``Ortiz said he would …``, ``Ortiz condemned what she called …``: a pronoun subject of a clause that a named
    person reports, or of a "what" clause that is the object of a named person's verb, is that person (news names
    someone else in that slot, not a pronoun), when the person may be a he/she of that kind."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or context.in_quotes(pronoun.idx, pronoun.idx + 1):
        return None
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "said he was tired and he would leave"
        clause = clause.head
    verb = clause.head
    # "Ortiz condemned what she called a breach": a clause of "what" someone called or described is the object of
    # the subject's own verb, whatever the verb
    free_relative = any(c.lower_ == "what" and c.i < pronoun.i for c in clause.children)
    if clause.dep_ != "ccomp" or verb.i == clause.i \
            or not (free_relative or lemma_of(verb).lower() in REPORTING_VERBS | ATTITUDE_VERBS):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > pronoun.i or subj.pos_ != "PROPN":
        return None
    s0, s1 = subj.idx, subj.idx + len(subj.text)
    return next((e.id for e in people for m in e.mentions if m.start <= s0 and s1 <= m.end), None)


def _main_subject(doc: "Doc", pronoun: "Token", people: Sequence[Entity],
                  context: ResolverContext) -> Optional[str]:
    """``Ana Ortiz was honoured as she took the stage``, ``Ortiz left early because she …``: a he/she subject of a
    clause of time, manner or cause is the named person who is the subject of the clause it hangs on (news would
    repeat the name for anyone else), when that person may be a he/she of that kind."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or context.in_quotes(pronoun.idx, pronoun.idx + 1):
        return None
    if clause.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in _BINDING_MARKS
                                             for c in clause.children):
        return None
    verb = clause.head
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
        return None  # "…, with Weaver standing behind him as he urged …": a participle's subject binds nothing
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > pronoun.i or subj.pos_ != "PROPN":
        return None
    s0, s1 = subj.idx, subj.idx + len(subj.text)
    return next((e.id for e in people for m in e.mentions if m.start <= s0 and s1 <= m.end), None)


def _unnamed_topic(doc: "Doc", pronoun: "Token", entities: Sequence[Entity], context: ResolverContext,
                   plural: bool) -> bool:
    """Whether the pronoun's antecedent is a noun phrase that names nobody: the subject of the pronoun's own
    sentence before it, else of the narration's previous sentence, is a common noun of the pronoun's number that
    no entity mention covers: a bare or possessed plural for "they" ("Prosecutors said …. They cited",
    "Sanders supporters …"), a thing for "it" ("The lawsuit contends …. It goes on"; not a body such as "the
    company", which may be a named organisation), someone brought in with "a"/"one" for "he"/"she" ("One voter
    brought up immigration. She asked …"). News writes a name again rather than a pronoun past such a phrase."""
    if context.in_quotes(pronoun.idx, pronoun.idx + 1):
        return False
    subj = _subject_before(pronoun)
    if subj is None:
        prev = _previous_narration(doc, pronoun, context)
        sent = doc.char_span(*prev, alignment_mode="expand") if prev is not None else None
        subj = _root_subject(sent[0].sent) if sent is not None and len(sent) else None
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    if any(c.dep_ in ("appos", "conj") for c in subj.children):
        return False  # "the group's leader, Dana Ortiz," names someone; "X and Y" is not one of them
    s0, s1 = subj.idx, subj.idx + len(subj.text)
    if any(m.start <= s0 and s1 <= m.end for e in entities for m in e.mentions):
        return False
    lemma = lemma_of(subj).lower()
    if plural:
        return subj.tag_ == "NNS" and not any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in subj.children)
    if subj.tag_ != "NN":
        return False
    if pronoun.lower_ in NEUTER_PRONOUNS:
        # an "it" that says something is a body or a text; after a thing that is no body ("the lawsuit", "the
        # post", "the next test"), a named body further back is rarely meant
        return lemma not in ORG_NOUNS and lemma not in STATE_NOUNS and lemma not in PERSON_ROLES \
            and lemma not in _PERSON_NOUNS
    person = lemma in _PERSON_NOUNS or lemma in UNNAMED_PEOPLE or lemma in PERSON_ROLES  # "a spokesman"
    return person and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
                          for c in subj.children)


def _plural_mention(doc: "Doc", start: int, end: int) -> bool:
    """A mention whose head the tagger reads as a plural ("Republicans", "the Kurds"; not "Fox News")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return bool(span is not None and len(span) and span.root.tag_ in ("NNS", "NNPS")
                and span.root.lower_ not in _SINGULAR_IN_S)


def _subject_before(pronoun: "Token") -> Optional["Token"]:
    """The main-clause subject of the pronoun's sentence, when it comes before the pronoun and is not it."""
    subj = _root_subject(pronoun.sent)
    return subj if subj is not None and subj.i < pronoun.i and subj.i != pronoun.i else None


def _root_subject(sent) -> Optional["Token"]:
    root = sent.root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _pronoun_fits(doc: "Doc", e: Entity, plural: bool, offset: int, last_speaker: Optional[str] = None,
                  sentence_start: Optional[int] = None) -> bool:
    """Whether a named body may be a "they" or an "it" that says something. "They" is a people or a body named in
    the plural ("Republicans", "the Kurds"): news calls a company, a committee or a paper "it", and a "they" next
    to one is about people the text describes (aides, researchers, protesters). "It" is an organisation or a
    place; a people's adjective ("Cuban", "Republican") is neither. Either way the body spoke last or was the
    subject of its latest mention ("Cleveland has raised $57 million of the $64 million it pledged", "Twitter
    said …. It added"), not named in passing as an object or a modifier ("a company called Cambridge Analytica,
    which builds what it calls …" is not about "Ted Cruz's GOP campaign")."""
    if e.type not in ORG_PRONOUN_TYPES or e.type == "NORP" and not plural:
        return False
    before = [m for m in e.mentions if m.end <= offset]
    if not before or plural and not (e.type in ("NORP", "ORG")
                                     and any(_plural_mention(doc, m.start, m.end) for m in before)):
        return False
    latest = max((m.start, m.end) for m in before)
    if sentence_start is not None and e.type == "ORG" and latest[0] >= sentence_start \
            and not _modifier(doc, *latest):
        return True
    if not plural and e.type == "ORG" and _in_sentence_before(doc, latest[0], offset) \
            and not _modifier(doc, *latest):
        return True  # "Shares in Tesco rose 5%. "We are pleased," it said.": a wire's company, named just before
    return e.id == last_speaker or _is_subject(doc, *latest) > 0


def _in_sentence_before(doc: "Doc", start: int, offset: int) -> bool:
    """Whether the character ``start`` lies in the sentence right before the one holding ``offset``, and that
    sentence's subject is no body itself: "The agency hired Acme to audit the budget. It said …" is the agency's,
    "Acme hired Brixton Ltd. It said …" Acme's."""
    here = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if here is None or not len(here) or here[0].sent.start == 0:
        return False
    before = doc[here[0].sent.start - 1].sent
    if not before.start_char <= start < before.end_char:
        return False
    subj = _root_subject(before)
    return subj is None or subj.pos_ not in ("PROPN",) and lemma_of(subj).lower() not in ORG_NOUNS \
        and lemma_of(subj).lower() not in STATE_NOUNS


def _indefinite_person(head: "Token", role: bool) -> bool:
    """A common noun for a person brought in as new ("a spokesman", "an official", "a member of the family",
    "neither man", "another aide")."""
    if head.pos_ not in ("NOUN",) or not _indefinite(head):
        return False
    return role or lemma_of(head).lower() in _PERSON_NOUNS


def _honorific_fits(toks, head: "Token", entities: Sequence[Entity], found: Optional[str]) -> Optional[str]:
    """``Mr. Khan`` is not the person whose first name is a woman's (``Ghazala Khan``), nor ``Mrs. Clinton`` a
    man: a family shares a surname and news tells its members apart by the honorific. The person of that surname
    whose first name does not contradict the honorific; "" (no entity) when there is none; else ``found``."""
    if found is None:
        return None
    honorific = next((t.lower_ for t in toks if t.i < head.i and t.lower_ in _HONORIFIC_GENDER), None)
    person = next((e for e in entities if e.id == found), None)
    if honorific is None or person is None or person.type != "PERSON":
        return found
    want = _HONORIFIC_GENDER[honorific]
    if gender_of_given_name(person.name) in (want, None):
        return found
    kin = [e for e in entities if e.type == "PERSON" and e.id != found and e.name.split()[-1:] == [head.text]
           and gender_of_given_name(e.name) in (want, None)]
    return kin[0].id if len(kin) == 1 else ""


def _is_role(head: "Token") -> bool:
    """A common noun naming a person by role ("director", "spokesman"), not a name or a pronoun."""
    # a lower-case word the tagger calls a name ("said the minister, Karim Haddad") is still a common noun
    return (head.pos_ != "PROPN" or head.text.islower()) \
        and (lemma_of(head).lower() in PERSON_ROLES or head.lower_ in PERSON_ROLES)


def _country_in(toks, head: "Token", entities: Sequence[Entity]) -> Optional[str]:
    """The country a state body belongs to: a GPE named in the phrase ("the US government"), or the GPE whose
    name the nationality adjective is made from ("Syrian" → Syria, "German" → Germany)."""
    for t in toks:
        if t.i == head.i or t.ent_type_ not in ("GPE", "NORP"):
            continue
        word = t.lower_
        for e in entities:
            if e.type != "GPE":
                continue
            if any(m.start <= t.idx < m.end for m in e.mentions):
                return e.id
            name = e.name.lower()
            if t.ent_type_ == "NORP" and " " not in name and _shared_prefix(word, name) >= max(4, len(name) - 2):
                return e.id
    return None


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _affiliated(toks, head: "Token") -> bool:
    """Whether a role phrase is qualified by whom the person works for: a possessor ("Acme's spokesman"), a name
    compound ("a Microsoft spokesman") or a prepositional name ("the spokesman for Google"). A country's office
    ("the US president") is one known person and stays resolvable."""
    for t in toks:
        if t.head.i != head.i and not (t.dep_ == "pobj" and t.head.head.i == head.i):
            continue
        if t.ent_type_ in ("GPE", "NORP"):
            continue
        if t.dep_ == "poss" and t.pos_ != "PRON" or t.dep_ in ("compound", "pobj") and t.pos_ == "PROPN":
            return True
    return False


def loose_appositive(head: "Token") -> Optional["Token"]:
    """A person's name set off by commas right after a common-noun phrase that the parser did not hang on it as
    an apposition (``According to his aunt, Jane Starner, "…"``): the name's last word, when the words between
    the commas are all one name the tagger typed a person; None otherwise. News writes a name right after a role
    so only to say who holds it."""
    if head.pos_ != "NOUN":
        return None
    doc = head.doc
    i = head.right_edge.i + 1
    if i >= len(doc) or doc[i].text != "," or head.right_edge.i != head.i and doc[head.right_edge.i].is_punct:
        return None
    j = i + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].ent_type_ == "PERSON":
        j += 1
    if j == i + 1 or j >= len(doc) or doc[j].text not in (",", ":") or any(doc[k].head.i == head.i or
                                                                          doc[k].dep_ == "appos"
                                                                          for k in range(i + 1, j)):
        return None
    return doc[j - 1]


def _apposed_names(toks, head: "Token") -> list[Span]:
    """The names apposed inside a speaker phrase: appositions the parser found, and a person's name set off by
    commas right after the role that it hung elsewhere ("his aunt, Jane Starner,")."""
    named = [_char_span(t) for t in toks if t.dep_ == "appos" and t.pos_ == "PROPN"]
    loose = loose_appositive(head)
    if loose is not None and toks.start <= loose.i < toks.end:
        first = head.right_edge.i + 2  # past the comma
        named.append((head.doc[first].idx, loose.idx + len(loose.text)))
    return named


def _char_span(tok: "Token") -> Span:
    last = tok.right_edge
    return tok.left_edge.idx, last.idx + len(last.text)


def _entity_in(entities: Sequence[Entity], areas: list[Span], types: tuple[str, ...]) -> Optional[str]:
    """The first entity of the given types with a mention inside one of ``areas``."""
    hits = [(m.start, e.id) for e in entities if e.type in types for m in e.mentions
            if any(a[0] <= m.start and m.end <= a[1] for a in areas)]
    return min(hits)[1] if hits else None


def _entity_at(entities: Sequence[Entity], span: Span, head: "Token") -> Optional[str]:
    """The entity with a mention over the head word, else the PERSON/ORG mention inside the phrase."""
    h0, h1 = head.idx, head.idx + len(head.text)
    inside: list[tuple[int, int, str]] = []
    # "Mr Brenner's wife said": a person of the possessor's speaks, never the possessor (a body's "Acme's board" is
    # Acme's voice, so only nouns for people are kept apart)
    owners = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in head.children
              if t.dep_ == "poss"] if head.pos_ == "NOUN" and lemma_of(head).lower() in _PERSON_NOUNS | _CONTACTS \
        else []
    for e in entities:
        for m in e.mentions:
            if m.start <= h0 and h1 <= m.end:
                return e.id
            if any(a <= m.start and m.end <= b for a, b in owners):
                continue
            if span[0] <= m.start and m.end <= span[1]:
                rank = 0 if e.type == "PERSON" else 1 if e.type == "ORG" else 2
                inside.append((rank, -m.start, e.id))
    if inside:
        best = min(inside)
        return best[2] if best[0] < 2 else None
    return None


def _person_over_place(entities: Sequence[Entity], found: Optional[str], head: "Token") -> Optional[str]:
    """A name that speaks is a person's before it is a place's: ``Jordan said`` after ``Ana Jordan`` was named is
    she, even where the tagger typed that mention a country; the capital or country speaks (a metonym, "Washington
    said") only when no person of the article bears the name."""
    place = next((e for e in entities if e.id == found), None)
    if place is None or place.type not in ("GPE", "LOC", "FAC") or head.pos_ != "PROPN":
        return found
    word = head.text
    people = [e for e in entities if e.type == "PERSON" and word in e.name.split()[1:]]
    return people[0].id if len(people) == 1 else found


def _entity_by_name_word(entities: Sequence[Entity], head: "Token", span: Span) -> Optional[str]:
    """An acronym or a name word as the head: "the SNC", "the coalition", "Lavrov" the NER missed."""
    word = head.text.strip(".")
    best: Optional[tuple[int, str]] = None
    for e in entities:
        if e.type not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        names = e.name.split()
        hit = (word.isupper() and len(word) > 1 and initials(e.name) == word.upper()) or \
              (head.pos_ == "PROPN" and word in names) or \
              (head.pos_ == "NOUN" and e.type == "ORG" and word.lower() in {n.lower() for n in names}
               and not _bare_plural(head))
        if hit:
            d = _distance(e, span[0])
            if best is None or d < best[0]:
                best = (d, e.id)
    return best[1] if best else None


def _bare_plural(head: "Token") -> bool:
    """A plural noun with no determiner ("Teachers chanted …"): people of that kind, not the body whose name
    holds the word (the teachers' association)."""
    return head.tag_ == "NNS" and not any(c.dep_ == "det" for c in head.children)


def _introduced_unnamed(doc: "Doc", head: "Token", context: ResolverContext, window: int) -> bool:
    """Whether the narration brought in someone with this noun as new and left them unnamed ("A senior official
    said …", "a spokesman for the agency"), so that "the official" later is that person, not a named one."""
    lemma = lemma_of(head).lower()
    for t in reversed(doc[max(0, head.i - window // 4):head.i]):
        if t.idx < head.idx - window:
            break
        if t.pos_ != "NOUN" or lemma_of(t).lower() != lemma or context.in_quote(t.idx):
            continue
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in t.children) or t.head.pos_ == "PROPN":
            return False  # "a spokesman, Karl Brenner," / "Karl Brenner, a spokesman": named
        if _named_by_copula(t):
            return False  # "Karl Brenner is a spokesman for …", "Brenner, who is a spokesman": named
        # "a spokesman said", "the staff member who took the call said": brought in by description, not by name
        return _indefinite(t) or any(c.dep_ in ("relcl", "acl") for c in t.children)
    return False


def _named_by_copula(noun: "Token") -> bool:
    """Whether a role noun is what a named person is said to be: the complement of "be" whose subject is a name
    (``Lucas Paganini is a planetary scientist at …``) or a "who" that stands for a name (``Paganini, who is a
    planetary scientist``); news introduces people so as often as with an apposition."""
    verb = noun.head
    if noun.dep_ != "attr" or lemma_of(verb).lower() != "be":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ == "WP" and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON")


def _indefinite(head: "Token") -> bool:
    """A noun brought in as new: "a company", "one organisation", "another group", "neither company"."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _NEW_DETERMINERS for c in head.children)


def _described_as(doc: "Doc", entities: Sequence[Entity], noun: str, offset: int,
                  types: tuple[str, ...] = ORG_PRONOUN_TYPES) -> Optional[str]:
    """The latest organisation before ``offset`` whose name holds ``noun`` or that the text calls one right next
    to a mention ("vaccine maker Bharat Biotech", "Airbus, the manufacturer"); None when no organisation is."""
    best: Optional[tuple[int, str]] = None
    for e in entities:
        if e.type not in types:
            continue
        named = noun in {w.lower() for w in e.name.split()}
        for m in e.mentions:
            if m.end > offset or (best is not None and m.end <= best[0]):
                continue
            if named or _noun_near(doc, m.start, m.end, noun):
                best = (m.end, e.id)
    return best[1] if best else None


def _named_with(entities: Sequence[Entity], word: str, offset: int) -> Optional[str]:
    """The body named last before ``offset`` whose name holds ``word`` or its plural ("Brightline Productions"
    for "the production company")."""
    best: Optional[tuple[int, str]] = None
    for e in entities:
        names = {w.lower() for w in e.name.split()}
        # whatever the tagger typed it ("Dick Clark Productions" is a company), but a place is no body ("the port
        # authority" is not the town of Port Alder)
        if e.type in ("GPE", "LOC", "FAC", "NORP") or not {word, word + "s"} & names:
            continue
        ends = [m.end for m in e.mentions if m.end <= offset]
        if ends and (best is None or max(ends) > best[0]):
            best = (max(ends), e.id)
    return best[1] if best else None


def _business(doc: "Doc", offset: int, entities: Sequence[Entity], context: ResolverContext,
              window: int) -> Optional[str]:
    """What "the company" refers to when the text calls no organisation a company: the latest organisation whose
    name ends like a business's ("Acme Holdings"), else the best-ranked organisation the text named as an actor (a
    noun phrase of its own, not a modifier: "the Northfield line" names a line). Places and peoples are no
    company; None when no organisation fits, so the phrase stays a nominal speaker without an entity."""
    orgs = [e for e in entities if e.type == "ORG"]
    named = [(max(m.end for m in e.mentions if m.end <= offset), e.id) for e in orgs
             if e.name.split() and e.name.split()[-1].lower() in BUSINESS_NAME_WORDS
             and any(m.end <= offset for m in e.mentions)]
    if named:
        return max(named)[1]
    return _most_recent(doc, offset, orgs, ("ORG",), context, window, heads_only=True)


def _noun_near(doc: "Doc", start: int, end: int, noun: str) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = span[0].sent
    lo, hi = max(sent.start, span.start - _DESCRIBED_WINDOW), min(sent.end, span.end + _DESCRIBED_WINDOW)
    around = [t for t in doc[lo:hi] if not span.start <= t.i < span.end]
    # tied to the name by the parse ("Airbus, the manufacturer", "drugmaker Pfizer"), not a neighbour's word:
    # in "Acme, the company that runs the Northfield line" the company is Acme, not Northfield
    return any((lemma_of(t).lower() == noun or t.lower_.endswith(noun))
               and (span.start <= t.head.i < span.end or span.root.head.i == t.i) for t in around)


def _distance(e: Entity, offset: int) -> int:
    before = [offset - m.end for m in e.mentions if m.end <= offset]
    if before:
        return min(before)
    after = [m.start - offset for m in e.mentions if m.start >= offset]
    return 10 ** 6 + (min(after) if after else 10 ** 6)


def _most_recent(doc: "Doc", offset: int, entities: Sequence[Entity], types: tuple[str, ...],
                 context: ResolverContext, window: int, attested: frozenset | set = frozenset(),
                 heads_only: bool = False, topic: Optional[Span] = None) -> Optional[str]:
    """The best-ranked earlier entity of the given types: recent, a subject, a previous speaker. ``heads_only``
    counts only mentions that head their noun phrase (an organisation named as an actor, not as a modifier);
    the main-clause subject of ``topic`` (the narration's sentence before the pronoun's) is what the text is
    about at that point and outranks whoever spoke last."""
    last_speaker = context.speakers[-1][1] if context.speakers else None
    spoken = {eid for _, eid in context.speakers if eid is not None}
    # where the last speaker was last named before the pronoun: a person the narration brings in after that, as
    # the subject of a sentence of its own, is who the text has turned to ("…," Ortiz said. ¶ Maria Lopez, a
    # nurse, has lived here ten years. … ¶ "…," she said.)
    last_seen = max((m.end for e in entities if e.id == last_speaker for m in e.mentions if m.end <= offset),
                    default=None) if "PERSON" in types else None
    text = doc_text(doc) if last_seen is not None else ""
    best: Optional[tuple[float, str]] = None
    for e in entities:
        if e.type not in types:
            continue
        # a name met only inside someone's quoted words is not whom the narration's "he" refers to
        before = [m for m in e.mentions if m.end <= offset and offset - m.end <= window
                  and not context.in_quotes(m.start, m.end)
                  and not (heads_only and _modifier(doc, m.start, m.end))]
        if not before and e.id != last_speaker:
            continue
        score = 0.0
        if before:
            m = max(before, key=lambda m: m.end)
            score -= (offset - m.end) / 200.0  # one point per ~200 characters back
            subject = _is_subject(doc, m.start, m.end)
            if subject < 1.0 and _opens_paragraph(text or doc_text(doc), m.start, m.end):
                subject = 1.0  # "Buckley, who …, worried …" parsed into the quotation's sentence before it
            score += 1.5 * subject
            if topic is not None and subject == 1.0 and topic[0] <= m.start and m.end <= topic[1]:
                score += TOPIC_BONUS
            first = min(e.mentions, key=lambda m: m.start)
            if last_seen is not None and e.id not in spoken and first.start > last_seen and first.end <= offset \
                    and _is_subject(doc, first.start, first.end) == 1.0 and not context.in_quotes(first.start, first.end) \
                    and "\n" in text[last_seen:first.start]:
                score += NEW_TOPIC_BONUS
        else:
            score -= window / 200.0
        score += 2.0 if e.id == last_speaker else 0.8 if e.id in spoken else 0.0
        score += 0.5 if e.id in attested else 0.0
        if best is None or score > best[0]:
            best = (score, e.id)
    return best[1] if best else None


def _previous_narration(doc: "Doc", pronoun: "Token", context: ResolverContext) -> Optional[Span]:
    """The last sentence before the pronoun's that the narration speaks in (not one inside quotation marks); of a
    sentence the parser ran on over a paragraph break, the part in the pronoun's paragraph."""
    sent = pronoun.sent
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        if not context.in_quote(sent.start_char) or not context.in_quote(max(sent.start_char, sent.end_char - 1)):
            start = sent.start_char
            cut = doc_text(doc).rfind("\n\n", start, min(sent.end_char, pronoun.idx))
            return (cut + 2 if cut >= 0 else start), sent.end_char
    return None


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    """Whether a name opens its paragraph as a phrase of its own (``Buckley, who …``, ``Buckley worried …``; not
    ``Buckley's song``): news opens a paragraph with its subject."""
    return (start == 0 or text[max(0, start - 2):start].endswith("\n")) and text[end:end + 1] in (",", " ") \
        and text[end:end + 3] not in (" 's", " ’s")


def _modifier(doc: "Doc", start: int, end: int) -> bool:
    """Whether a mention only modifies another noun ("the Northfield rail line", "Airbus-built jets")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return bool(span is not None and len(span) and span.root.dep_ in _MODIFIER_DEPS)


def _is_subject(doc: "Doc", start: int, end: int) -> float:
    """1 for the subject of its sentence's main clause (or of a verb joined to it), less for the subject of a
    clause inside another: "Carson turned the story back on the Post, pointing out that the paper's Robert Costa
    had reported …. He hoped" is about Carson."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0.0
    root = span.root
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head  # "Sanders's campaign manager, Jeff Weaver, appeared …": the name is the subject
    if not (root.dep_ in ("nsubj", "nsubjpass", "pobj") and (root.dep_ != "pobj" or root.head.lower_ == "by")):
        return 0.0
    verb = root.head if root.dep_ != "pobj" else root.head.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return 1.0 if verb.dep_ == "ROOT" else EMBEDDED_SUBJECT


def entity_genders(doc: "Doc", entities: Sequence[Entity], context: ResolverContext) -> dict[str, str]:
    """Gender evidence per person: earlier pronoun resolutions, honorifics and gendered words next to mentions."""
    out: dict[str, str] = {}
    for e in entities:
        if e.type != "PERSON":
            continue
        # an earlier resolution is one vote, not the verdict: one wrong "he" must not fix a woman's gender
        votes = [context.gender.get(e.id)] + [gender_of_word(w) for r in e.roles for w in r.split()]
        for m in e.mentions:
            votes.extend(_gender_near(doc, m.start, m.end))
        m_votes, f_votes = votes.count("m"), votes.count("f")
        if m_votes != f_votes:  # a tie is no evidence
            out[e.id] = "m" if m_votes > f_votes else "f"
        else:  # a common first name is the weakest evidence: only where the text says nothing either way
            given = gender_of_given_name(e.name)
            if given is not None and not (m_votes or f_votes):
                out[e.id] = given
    return out


def gender_of_given_name(name: str) -> Optional[str]:
    """The gender a full name's first word nearly always goes with in news (``Dana`` and other names borne by
    both are not listed); None for a single word, a title or an unlisted name."""
    words = [w.strip(".,").lower() for w in name.split()]
    while words and words[0] in _TITLES:
        words = words[1:]
    if len(words) < 2:
        return None
    if words[0] in MALE_GIVEN_NAMES:
        return "m"
    if words[0] in FEMALE_GIVEN_NAMES:
        return "f"
    return None


def _gender_near(doc: "Doc", start: int, end: int) -> list[Optional[str]]:
    """Honorific or gendered role word right before a mention, or in an apposition right after it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    out = []
    for i in range(max(0, span.start - 2), span.start):  # "Mr.", "Sen.", "congresswoman"; not "his wife X"
        if any(t.pos_ in ("VERB", "AUX") for t in doc[i + 1:span.start]):
            continue  # "her father told Ortiz": the word is someone else, the subject of a verb about her
        if doc[i].lower_ in MALE_WORDS or doc[i].lower_ in FEMALE_WORDS:
            out.append(gender_of_word(doc[i].text))
    # "Sanders’ son": a word after a possessive names someone else, whatever the parser labelled it
    for t in [] if possessor(span) else doc[span.end:min(len(doc), span.end + 6)]:
        if t.dep_ == "appos" and t.head.i in range(span.start, span.end):
            out.append(gender_of_word(t.text))
    out.extend(_reflexive_vote(doc, span))
    return out


def _reflexive_vote(doc: "Doc", span) -> list[Optional[str]]:
    """A possessive pronoun in the mention's own clause, when the mention is its subject ("Kerry said his …")."""
    root = span.root
    if root.dep_ != "nsubj":
        return []
    verb = root.head
    votes = []
    for t in verb.subtree:
        reflexive = t.lower_ in ("himself", "herself") or (t.lower_ in ("his", "her") and t.dep_ == "poss")
        if t.i >= span.end and reflexive and t.i - span.end < 12 and _same_clause(t, verb):
            votes.append(gender_of_word(t.lower_))
            break
    return votes


def _same_clause(tok: "Token", verb: "Token") -> bool:
    """Whether ``tok`` belongs to ``verb``'s own clause: no clause with a subject of its own lies between them
    ("Ortiz said Reyes lost her seat": "her" is Reyes's, not Ortiz's)."""
    t = tok.head
    while t.i != verb.i and t.head.i != t.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return False
        t = t.head
    return t.i == verb.i
