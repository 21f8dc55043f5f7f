"""Entities: spaCy's named entities, cleaned, merged within the article, typed by vote, with roles.

``find_entities(doc)`` is pure: it returns Entity records in order of first mention. Merging rules, in order:

1. the same normalised name is the same entity;
2. a PERSON name that is a run of tokens of a longer PERSON name joins it ("Lavrov" → "Sergey Lavrov"), preferring
   the nearest full name so two people who share a surname stay apart when each is named in full;
3. an all-capitals token whose letters are the initials of a multi-word name joins it ("SNC" → "Syrian National
   Coalition");
4. after merging, later unlabelled occurrences of an entity's distinctive forms (its full name, a PERSON's surname,
   an acronym) become mentions too, since the statistical NER misses repeats.

Each entity gets one type by a vote over its mentions, weighted by the cues of :mod:`.labels` (head
nouns, model numbers, titles, person syntax); titles written before a person ("Foreign Minister Sergey
Lavrov") and appositions ("Sergey Lavrov, Russia's foreign minister") are kept as ``roles``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

from ...model import Article, Entity, Mention
from ...text import fold_case as _norm
from ..base import doc_text
from .labels import head_type, is_portfolio, model_after, org_context, person_context, winner

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT",
                        "WORK_OF_ART", "LANGUAGE"})
# Leading words spaCy sometimes includes in a name span that are not part of the name.
_LEAD_DROP = frozenset({"the", "a", "an", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof."})
_INITIAL_SKIP = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "des", "to"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Caption and credit labels of page furniture ("Image: Nick Moreau"), which the tagger takes into names.
_CAPTION_LABELS = frozenset("image images photo photos video audio picture pictures photograph credit source file".split())
_WORD = re.compile(r"[\w.'’-]+")


@dataclass(slots=True)
class _Cluster:
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    types: Counter = field(default_factory=Counter)
    forms: set[str] = field(default_factory=set)
    first: int = 0
    person_cues: int = 0
    norm: list[str] = field(default_factory=list)  # the name's words, normalised (the name never changes)

    def __post_init__(self) -> None:
        self.norm = [_norm(t) for t in self.name.split()]

    @property
    def type(self) -> str:
        return winner(self.types)

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


def clean_span(span: "SpacySpan") -> Optional[tuple[int, int, str]]:
    """Trim determiners, honorifics, possessive endings and stray punctuation; None when nothing is left."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in _LEAD_DROP or tokens[0].is_punct or tokens[0].is_space
                      or _is_caption_label(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].lower_ in {"'s", "’s", "'"}
                      or _is_caption_label(tokens[-1])):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(span.doc)[start:end]
    stripped = _POSSESSIVE.sub("", text)
    end -= len(text) - len(stripped)
    text = stripped.strip()
    if not any(ch.isalpha() for ch in text) or "\n" in text:
        return None
    return start, end, text


def _is_caption_label(tok: "Token") -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in _CAPTION_LABELS and nxt is not None and nxt.text == ":"


def initials(name: str) -> str:
    """Initials of the capitalised words of a multi-word name: 'Syrian National Coalition' -> 'SNC'."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _INITIAL_SKIP]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""


def _is_subname(short: list[str], full: list[str]) -> bool:
    """True when ``short`` is a contiguous run of ``full`` that includes its first or last token."""
    n = len(short)
    if n >= len(full):
        return False
    return full[:n] == short or full[-n:] == short


def _pick_target(clusters: list[_Cluster], candidates: list[int], position: int) -> int:
    """The nearest candidate named before ``position``, else the first named after it."""
    before = [i for i in candidates if clusters[i].first <= position]
    if before:
        return max(before, key=lambda i: clusters[i].first)
    return min(candidates, key=lambda i: clusters[i].first)


# Words written right before a person's name. Generic titles and occupations, not names: evidence for the type
# vote when the statistical tagger calls a person an organisation ("Spokeswoman Sandy Angers").
PERSON_TITLES = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr. sen sen. rep rep. gov gov. gen gen.
col col. capt capt. lt lt. sgt sgt. president vice minister premier secretary senator congressman congresswoman
governor mayor chancellor ceo cfo coo cto chairman chairwoman chairperson spokesman spokeswoman spokesperson
director judge justice general colonel captain officer professor coach king queen prince princess pope bishop
pastor actor actress singer author writer novelist founder co-founder executive analyst manager leader candidate
lawmaker mp sheriff detective inspector economist researcher scientist dean ambassador commissioner chief
player striker goalkeeper artist photographer editor reporter journalist councillor councilor attorney lawyer
""".split())


def _type_cue(doc: "Doc", start: int) -> Optional[str]:
    """PERSON after a title word. (A determiner before a name as evidence against PERSON was tried: it lost more
    people than it saved organisations on GUM news, so it is not used.)"""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    prev = doc[span.start - 1]
    return "PERSON" if prev.lower_ in PERSON_TITLES else None


# Title words that are also given names: "Dean Kamen" is a name, "Dean Smith" of a faculty is rarer in news.
_TITLE_OR_GIVEN_NAME = frozenset({"dean", "earl"})
RawMention = tuple[int, int, str, str, Optional[str]]


def _name_spans(doc: "Doc") -> Iterable["SpacySpan"]:
    """``doc.ents`` with one-word names the tagger split in two joined again: 'Valeska' + 'Paris' (both GPE),
    "Michael O'" + 'Leary'."""
    from spacy.tokens import Span

    ents = [e for e in doc.ents if e.label_ in NAME_TYPES]
    i = 0
    while i < len(ents):
        a = ents[i]
        b = ents[i + 1] if i + 1 < len(ents) else None
        if b is not None and b.start == a.end and len(b) == 1 and doc[a.end - 1].whitespace_ == " " and (
                (len(a) == 1 and a.label_ == b.label_ and a.label_ in {"PERSON", "GPE"} and a.text.isalpha())
                or a.label_ == "PERSON" and a.text.endswith(("'", "’"))):
            yield Span(doc, a.start, b.end, label=a.label_)
            i += 2
            continue
        yield a
        i += 1


def _raw_mentions(doc: "Doc") -> list[RawMention]:
    out = []
    for ent in _name_spans(doc):
        if ent.label_ == "ORG" and is_portfolio(ent) or _in_hyphen_compound(ent):
            continue
        ent = _drop_adjective(ent)
        cleaned = clean_span(ent) if ent is not None else None
        if cleaned:
            out.append(_typed_mention(ent, *cleaned))
    return out


_ADJECTIVE_PREFIXES = frozenset("pro anti non all ex post pre".split())


def _in_hyphen_compound(ent: "SpacySpan") -> bool:
    """'anti-Pyongyang', 'all-Airbus': the name is part of an adjective, not a mention."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "-" and not doc[ent.start - 2].whitespace_ \
        and not doc[ent.start - 1].whitespace_ and doc[ent.start - 2].lower_ in _ADJECTIVE_PREFIXES


def _drop_adjective(ent: "SpacySpan") -> Optional["SpacySpan"]:
    """'pro-Beijing' as the first token of a name is an adjective: 'Pro-Beijing DAB' -> 'DAB'."""
    from spacy.tokens import Span

    first = ent[0].text
    if "-" in first and first.split("-", 1)[0].casefold() in _ADJECTIVE_PREFIXES:
        skip = 1  # one token: 'pro-Beijing'
    elif len(ent) > 2 and ent[0].lower_ in _ADJECTIVE_PREFIXES and ent[1].text == "-" and not ent[0].whitespace_:
        skip = 2 if len(ent) > 3 else len(ent)  # 'anti' '-' 'Beijing': the whole name is the adjective
    else:
        return ent
    return Span(ent.doc, ent.start + skip, ent.end, label=ent.label_) if len(ent) > skip else None


def _typed_mention(ent: "SpacySpan", start: int, end: int, text: str) -> RawMention:
    """One mention with its label and a cue: PERSON from a title or person syntax, a type from the name's head
    noun, or PRODUCT for a maker's name before a model number (the span then takes the model in)."""
    doc, label = ent.doc, ent.label_
    first, _, rest = text.partition(" ")
    title = first.casefold()
    if rest and title in PERSON_TITLES and (" " in rest or title not in _TITLE_OR_GIVEN_NAME):
        # The tagger took the title into the name ("Spokeswoman Sandy Angers"): the title is a person cue.
        return end - len(rest), end, rest, label, "PERSON"
    if rest and title in _TITLE_OR_GIVEN_NAME:
        return start, end, text, label, "PERSON"
    model = model_after(doc, ent.end) if label in {"ORG", "PERSON"} and end == ent.end_char else None
    if model is not None and not text.casefold().endswith("flight"):
        end = model.idx + len(model.text)
        return start, end, doc_text(doc)[start:end], "PRODUCT", "PRODUCT"
    cue = _type_cue(doc, start)
    if cue is None and person_context(ent):
        cue = "PERSON"
    elif cue is None and org_context(ent):
        cue = "ORG"
    return start, end, text, label, cue or head_type(text.split())


def _vote(c: "_Cluster", label: str, cue: Optional[str], weight: int = 1) -> None:
    c.types[label] += weight
    if cue == "PERSON" and label in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"}:
        c.types["PERSON"] += 3  # outweighs one two-word mention tagged otherwise
        c.person_cues += 1
    elif cue is not None and cue != "PERSON":
        c.types[cue] += 3  # the name's own head noun ("… Airlines", "Museum of …") outweighs the tagger


def _cluster(mentions: list[RawMention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_form: dict[str, int] = {}
    short_names: set[str] = set()  # forms that joined a person as a short name
    # Longest names first, so short forms find their full names whichever comes first in the text.
    order = sorted(range(len(mentions)), key=lambda i: (-len(mentions[i][2].split()), mentions[i][0]))
    for i in order:
        start, end, text, label, cue = mentions[i]
        key = _norm(text)
        target = by_form.get(key)
        if target is None:
            target, as_person = _find_parent(clusters, text, "PERSON" if cue == "PERSON" else label, start)
            if as_person:
                short_names.add(key)
        if key in short_names:
            label = "PERSON"  # a person's short name, every time it is written: the merge is the type evidence
        if target is None:
            clusters.append(_Cluster(name=text, first=start))
            target = len(clusters) - 1
        c = clusters[target]
        c.spans.append((start, end))
        _vote(c, label, cue, weight=2 if len(text.split()) > 1 else 1)
        c.forms.add(key)
        c.first = min(c.first, start)
        by_form.setdefault(key, target)
    return clusters


def _find_parent(clusters: list[_Cluster], text: str, label: str, start: int) -> tuple[Optional[int], bool]:
    """The cluster a shorter name belongs to, and whether it joined as a person's short name."""
    tokens = [_norm(t) for t in text.split()]
    if text.isupper() and 2 <= len(text) <= 6 and text.isalpha():
        found = [i for i, c in enumerate(clusters) if initials(c.name) == text]
        if found:
            return _pick_target(clusters, found, start), False
    # Any label for a one-word name: the tagger calls a lone surname many things ("Farouk" WORK_OF_ART).
    if label in {"PERSON", "ORG", "GPE", "NORP"} or len(tokens) == 1:
        people = [(i, c.norm) for i, c in enumerate(clusters) if c.person_cues or c.type == "PERSON"]
        # A surname is the usual short form ("Wilkins" for "Kristen Wilkins"); a leading run only when no
        # full name ends with it, so "Warhol" does not join "Warhol Polaroid" while "Andy Warhol" exists.
        for found in ([i for i, full in people if _is_subname(tokens, full) and full[-len(tokens):] == tokens],
                      [i for i, full in people if _is_subname(tokens, full)]):
            if found:
                return _pick_target(clusters, found, start), True
    return None, False


def _extra_forms(c: _Cluster) -> set[str]:
    """Forms worth finding again in unlabelled text: never a lone common word."""
    forms = {f for f in c.forms if len(f) > 2}
    if c.type == "PERSON" and len(c.tokens) > 1:
        forms.add(_norm(c.tokens[-1]))
    acronym = initials(c.name)
    if len(acronym) >= 2:
        forms.add(acronym.casefold())
    return forms


def _add_repeats(doc: "Doc", clusters: list[_Cluster]) -> None:
    covered = {i for c in clusters for s, e in c.spans for i in range(s, e)}
    owners: dict[str, Optional[int]] = {}
    for idx, c in enumerate(clusters):
        for form in _extra_forms(c):
            owners[form] = idx if owners.get(form, idx) == idx else None  # ambiguous forms are dropped
    if not owners:
        return
    max_len = max(len(f.split()) for f in owners)
    tokens = list(doc)
    for i, tok in enumerate(tokens):
        if tok.idx in covered or not tok.text[:1].isupper() or tok.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            continue
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            form = _norm(doc_text(doc)[tok.idx:last.idx + len(last.text)])
            owner = owners.get(form)
            window = tokens[i:i + n]
            if owner is not None and all(t.idx not in covered and not t.is_space for t in window):
                span = (tok.idx, last.idx + len(last.text))
                clusters[owner].spans.append(span)
                covered.update(range(*span))
                break


def _canonical(c: _Cluster, doc: "Doc") -> str:
    forms = Counter(_POSSESSIVE.sub("", doc_text(doc)[s:e]) for s, e in c.spans)
    return max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))


def find_entities(doc: "Doc") -> list[Entity]:
    """Named entities of ``doc`` with merged mentions, one type each, and roles; ids e1, e2, … by first mention."""
    clusters = _cluster(_raw_mentions(doc))
    _add_repeats(doc, clusters)
    clusters.sort(key=lambda c: min(s for s, _ in c.spans))
    entities = []
    for n, c in enumerate(clusters, 1):
        spans = sorted(set(c.spans))
        entity = Entity(id=f"e{n}", name=_canonical(c, doc), type=c.type,
                        mentions=[Mention(s, e) for s, e in spans])
        if entity.type == "PERSON":
            entity.roles = find_roles(doc, spans)
            entity.type = _person_or_not(c, entity, doc)
        entities.append(entity)
    return entities


def _person_or_not(c: _Cluster, entity: Entity, doc: "Doc") -> str:
    """News style names a person in full at least once or gives a title; a one-word "person" with neither is far
    more often a company, product or place the tagger got wrong ("Ryanair", "Firefox"). It takes its best
    other vote, else ORG. Measured on both gold sets: PERSON precision rises more than recall falls. A form of
    address ("Ms Bauchtman"), a title, or person syntax ("their child, Gloria") is evidence enough."""
    if entity.roles or c.person_cues or any(len(doc_text(doc)[m.start:m.end].split()) > 1 for m in entity.mentions):
        return "PERSON"
    others = [(label, n) for label, n in c.types.most_common() if label != "PERSON" and n > 0]
    return others[0][0] if others else "ORG"


_ROLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_ROLE_JOIN = frozenset({"of", "-", "for"})


def _title_before(doc: "Doc", start_char: int) -> Optional[str]:
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
        if titled or tok.lower_ in PERSON_TITLES or (tok.lower_ in _ROLE_JOIN and words):
            words.insert(0, tok)
            i -= 1
            continue
        break
    while words and (words[0].ent_type_ in {"GPE", "NORP", "ORG"} or words[0].lower_ in _ROLE_JOIN):
        words.pop(0)
    if not words or not (words[-1].lower_ in PERSON_TITLES or words[-1].text[:1].isupper()):
        return None
    return doc_text(doc)[words[0].idx:words[-1].idx + len(words[-1].text)]


def _apposition(doc: "Doc", start_char: int, end_char: int) -> Optional[str]:
    """'Sergey Lavrov, Russia's foreign minister,' -> 'foreign minister' (the appositive's head phrase)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None
    for tok in span.root.children:
        if tok.dep_ == "appos" and tok.pos_ == "NOUN":
            mods = [t for t in tok.lefts if t.dep_ in {"compound", "amod"} and t.ent_type_ == ""]
            first = mods[0] if mods else tok
            return doc_text(doc)[first.idx:tok.idx + len(tok.text)]
    return None


# Forms of address: evidence of a person (and of gender, for the quote resolver), but not a role.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev.".split())


def find_roles(doc: "Doc", spans: Iterable[tuple[int, int]]) -> list[str]:
    roles: list[str] = []
    for start, end in spans:
        for role in (_title_before(doc, start), _apposition(doc, start, end)):
            if role and role.casefold() not in HONORIFICS and role.casefold() not in {r.casefold() for r in roles}:
                roles.append(role)
    return roles


class EntityAnnotator:
    name = "entities"

    def annotate(self, article: Article, doc: "Doc") -> None:
        article.entities = find_entities(doc)
