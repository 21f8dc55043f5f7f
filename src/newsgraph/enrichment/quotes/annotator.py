"""Quotations: direct, mixed and indirect, each with its cue and its speaker resolved to an entity.

``find_quotes(doc, entities)`` is pure and returns :class:`~newsgraph.model.Quote` records in text order;
:class:`QuoteAnnotator` attaches them to ``article.quotes``. The steps live in their own modules:

- ``marks``: quoted stretches from quotation marks (text only);
- ``cues``: reporting cues, their complement clauses and subjects (dependency parse);
- ``agents``: who says a participle of saying the parse hung on a clause that cannot speak for it;
- ``find``: stretches + cues → draft quotes (direct / mixed / indirect, split quotes joined);
- ``tidy``: attribution cut out of reported content, overlapping reports resolved;
- ``speakers``: the speaker phrase → entity id (replaceable by a coreference model);
- ``about``: the entities a quote's content speaks of.

Record shapes. A direct quote's ``parts`` are its stretches inside quotation marks (marks excluded). For a quote
split by its attribution (``"We must act," he said, "and we must act now."``) the ``parts`` are authoritative:
``text`` is the parts joined by one space (``We must act and we must act now.``), marks and attribution
excluded, while ``span`` runs from the first part's start to the last part's end (and so covers the attribution
between them). A mixed quote's ``span`` is the complement clause as written, with both marks of every quoted
fragment inside it; an indirect quote's ``span`` is its complement clause. No quote's content (a direct quote's
parts, another quote's span) contains a cue or a speaker phrase, and no two quotes' contents overlap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Protocol, Sequence

from ... import lang
from ...model import Article, Entity, Quote, Span, Speaker
from ..base import doc_text
from .about import find_about
from .cues import find_cues, joint_with, speaker_range
from .find import Draft, build_layout, classify_cues, direct_drafts, headline_drafts, transcript_drafts
from .hidden import speaker_by_surname, speaker_unparsed
from .marks import find_stretches
from .tidy import tidy
from .speakers import ResolverContext, SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuoteAnnotator", "find_quotes", "Resolver"]


class Resolver(Protocol):
    def resolve(self, doc: "Doc", span: Span, entities: Sequence[Entity],
                context: Optional[ResolverContext] = None) -> Optional[str]: ...


def find_drafts(doc: "Doc", language: str = "en") -> list[Draft]:
    """All draft quotations of a parsed document, in text order, speakers not yet resolved. ``language`` picks
    the word lists (``newsgraph.lang.get(language).quotes``); ``LookupError`` for a language with none."""
    text = doc_text(doc)
    layout = build_layout(text, find_stretches(text))
    cues = find_cues(doc, lang.get(language).quotes)
    drafts, attributed, consumed = classify_cues(doc, cues, layout)
    headline, taken = headline_drafts(doc, layout)
    drafts.extend(headline)
    consumed |= taken
    drafts.extend(direct_drafts(doc, cues, layout, attributed, consumed, tuple(drafts)))
    drafts.extend(d for d in transcript_drafts(doc, layout)
                  if not any(h.span[0] < d.span[1] and d.span[0] < h.span[1] for h in headline))
    drafts.sort(key=lambda d: (d.span[0], d.span[1]))
    return tidy(doc, drafts)


def find_quotes(doc: "Doc", entities: Sequence[Entity] = (),
                resolver: Optional[Resolver] = None, language: str = "en") -> list[Quote]:
    """Quote records for ``doc`` (``doc.text`` is the article text), speakers resolved against ``entities``."""
    resolver = resolver or SpeakerResolver()
    context = ResolverContext(quoted=[s.outer for s in find_stretches(doc_text(doc))])
    names = {e.id: e.name for e in entities}
    resolved: dict[int, Speaker] = {}
    quotes: list[Quote] = []
    for draft in find_drafts(doc, language):
        speaker = _speaker(doc, draft, entities, resolver, context, names, resolved)
        resolved[id(draft)] = speaker
        quotes.append(_record(doc, draft, speaker, entities))
    return quotes


def _speaker(doc: "Doc", draft: Draft, entities: Sequence[Entity], resolver: Resolver,
             context: ResolverContext, names: dict[str, str], resolved: dict[int, Speaker]) -> Optional[Speaker]:
    if draft.inherited_from is not None and id(draft.inherited_from) in resolved:
        source = resolved[id(draft.inherited_from)]
        if source is None:
            return None
        return Speaker(source.text, source.span, source.entity, source.name, "continuation")
    if draft.speaker is None and draft.cue is not None:  # the parse gave the cue no subject: read the sentence
        found = speaker_unparsed(doc, draft.cue, context.in_quote, draft.span) \
            or speaker_by_surname(doc, draft.cue, _surnames(entities, doc_text(doc)), context.in_quote)
        if found is None:
            return None
        draft.speaker = found
        if doc[draft.cue.verb].tag_ == "VBG" and draft.via is None:  # "…, noting": the clause's subject, governed
            draft.via = "governed"
    if draft.speaker is None:
        return None
    s, e = draft.speaker
    written = doc_text(doc)[s:e]
    joint = _joint(doc, (s, e), entities, resolver, context, names)
    if joint is not None:  # "Dale Ford and Martha Fry said": both speak; the record names both, no one entity
        context.remember(s, None, written)
        return Speaker(written, (s, e), None, joint, _via(doc, draft))
    entity = resolver.resolve(doc, (s, e), entities, context)
    context.remember(s, entity, written)
    return Speaker(written, (s, e), entity, names.get(entity) if entity else None, _via(doc, draft))


def _joint(doc: "Doc", span: Span, entities: Sequence[Entity], resolver: Resolver, context: ResolverContext,
           names: dict[str, str]) -> Optional[str]:
    """The names of a joint speaker's members (``Dale Ford and Martha Fry``), each resolved on its own, joined
    as written; None when the phrase is one speaker."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return None
    head = toks.root
    others = [t for t in joint_with(head) if t.i < toks.end]
    if others:
        members = [head] + others
        pieces = []
        for k, member in enumerate(members):
            left, right = speaker_range(doc, member)
            if k + 1 < len(members):  # each member ends where the next one's words begin
                right = min(right, members[k + 1].left_edge.i)
            pieces.append((left, right))
    else:
        pieces = _names_either_side(toks, entities)
        if not pieces:
            return None
    out: list[str] = []
    seen: set = set()
    for left, right in pieces:
        while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].lower_ == "and"):
            right -= 1
        piece = doc[left:right]
        entity = resolver.resolve(doc, (piece.start_char, piece.end_char), entities, context)
        if entity in seen:  # "Ortiz and the council president": a role beside a name is someone else
            entity = None
        seen.add(entity)
        out.append(names.get(entity) if entity else piece.text)
    return ", ".join(out[:-1]) + " and " + out[-1]


def _names_either_side(toks, entities: Sequence[Entity]) -> list[tuple[int, int]]:
    """A joint speaker the parser folded into one name's modifiers (``Treasurer Jim Holt and Finance Minister
    Kate Lee said``): an "and" with a person's whole name ending right before it and another person's name after
    it splits the phrase in two. A coordination of modifiers (``Finance and Trade Minister Kate Lee``) has no
    name before its "and" and stays one speaker."""
    people = [m for e in entities if e.type == "PERSON" for m in e.mentions
              if toks.start_char <= m.start and m.end <= toks.end_char]
    for t in toks:
        if t.lower_ != "and" or t.i == toks.start:
            continue
        before = t.nbor(-1)
        ends = any(m.end == before.idx + len(before.text) for m in people)
        root = toks.root  # the phrase's head is the second person's name ("… and Dale Ford and Martha Fry's
        # lawyer, Tom Ruiz" is the lawyer alone)
        after = root.pos_ == "PROPN" and any(m.start > t.idx and m.start <= root.idx < m.end for m in people)
        if ends and after and before.pos_ == "PROPN":
            return [(toks.start, t.i), (t.i + 1, toks.end)]
    return []


def _surnames(entities: Sequence[Entity], text: str) -> dict[str, int]:
    """The last word of every person's full name, with where the article first names them in full."""
    out: dict[str, int] = {}
    for e in entities:
        words = e.name.split()
        if e.type != "PERSON" or len(words) < 2 or not words[-1][:1].isupper():
            continue
        full = [m.start for m in e.mentions if len(text[m.start:m.end].split()) >= 2]
        if full:
            out[words[-1]] = min(out.get(words[-1], full[0]), min(full))
    return out


def _via(doc: "Doc", draft: Draft) -> str:
    """How the speaker phrase was found: the draft's own account, else read off the phrase's head word."""
    if draft.via is not None:
        return draft.via
    text = doc_text(doc)
    if "\n" in text[min(draft.speaker[1], draft.span[0]):max(draft.speaker[0], draft.span[0])]:
        return "paragraph"  # named in a neighbouring paragraph ("Ortiz put it this way:")
    if draft.cue is not None and draft.cue.governed:
        return "governed"
    toks = doc.char_span(draft.speaker[0], draft.speaker[1], alignment_mode="expand")
    head = toks.root if toks is not None and len(toks) else None
    if head is None or head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
            and head.tag_ != "NNS":  # "Campaigners said" is a plural common noun, whatever the tagger's name label
        return "explicit"
    return "pronoun" if head.pos_ == "PRON" else "nominal"


def _record(doc: "Doc", draft: Draft, speaker: Optional[Speaker], entities: Sequence[Entity]) -> Quote:
    whole = doc_text(doc)
    cue_text = cue_span = None
    if draft.cue is not None:
        cue_span = draft.cue.span(doc)
        cue_text = whole[cue_span[0]:cue_span[1]]
    areas = draft.parts if draft.kind == "direct" else [draft.span]
    about = find_about(doc, areas, draft.cue, entities, speaker.entity if speaker is not None else None)
    s, e = draft.span
    text = whole[s:e]
    if draft.kind == "direct" and len(draft.parts) > 1:
        text = " ".join(whole[a:b] for a, b in draft.parts)
    return Quote(text, (s, e), draft.kind, [tuple(p) for p in draft.parts], cue_text, cue_span,
                 speaker, about)


class QuoteAnnotator:
    """Fills ``article.quotes`` from the parse and ``article.entities`` (set by the entities stage)."""

    name = "quotes"

    def __init__(self, resolver: Optional[Resolver] = None, language: str = "en") -> None:
        self.resolver = resolver
        self.language = language

    def annotate(self, article: Article, doc: "Doc") -> None:
        # the article's own language when we have words for it, else the annotator's default
        code = article.language if article.language in lang.supported() else self.language
        article.quotes = find_quotes(doc, article.entities, self.resolver, code)
