"""Keeping quotations apart once they are drafted: what a quote reports never holds attribution material (a cue or
a speaker phrase, its own or another quote's), and no two quotes report the same stretch of text.

A quote's *content* is its ``parts`` when direct (a split quote's ``span`` runs over its own
``"…," he said, "…"`` attribution by design, so the parts are what counts) and its ``span`` when mixed or
indirect.

0. An ``according to`` inside another report's content names that speaker's source and is no quote of its own.
   A report the outer verb reports through its clauses (``Bolton said he would advise Trump on the "…"``) is part
   of what was said: it cuts nothing out of the outer report, keeps its own record when indirect, and a quotation
   both could claim is the outer speaker's, unless another named person told the speaker (``Ortiz said Reyes told
   him the budget was "a fiction"``: Reyes's words, passed on). A report in a relative clause (``confirmed the deal, which analysts
   said …``), or a named speaker's in an adverbial clause (``…, while Cruz said that …``), is not reported by the
   outer verb and cuts as any attribution does.
1. Attribution material and other quotes' content inside a mixed or indirect span cut it into pieces (a quote cut
   to nothing cuts nothing else). A mixed quote keeps the piece that
   holds most of its quoted fragments; an indirect one the first piece of at least three words (the reported
   content ends before an attribution: ``Each dose costs $3, according to the maker, which said …``), else the
   longest; the longest too when its own attribution stands inside it (``The problem, she said, is that …``). A quote left with fewer than two words is dropped.
2. A quote whose cue or speaker lies inside a direct quote's quoted words is dropped (words quoted are not an
   attribution of the text).
3. Of two quotes whose contents still overlap, the lower ranked is dropped: direct over mixed over indirect, then
   an uncut span over a cut one, then the longer content.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ...model import Span
from ..base import doc_text
from .find import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KIND_RANK = {"direct": 2, "mixed": 1, "indirect": 0}
_CLAUSE_WORDS = 3
_MIN_WORDS = 2
_EDGE = " \t\n,;:—–-("


def attribution(doc: "Doc", draft: Draft) -> list[Span]:
    """The character spans of a draft's cue and speaker phrase."""
    out = []
    if draft.cue is not None:
        out.append(draft.cue.span(doc))
    if draft.speaker is not None:
        out.append(draft.speaker)
    return out


def content(draft: Draft) -> list[Span]:
    return list(draft.parts) if draft.kind == "direct" else [draft.span]


def tidy(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """Drafts with attribution cut out of their content and overlapping reports resolved, in text order."""
    drafts = [d for d in drafts if not _cited_source(doc, d, drafts)]
    cut: set[int] = set()
    dropped: set[int] = set()  # a draft cut to nothing cuts nothing else
    kept: list[Draft] = []
    for draft in drafts:
        if draft.kind != "direct":
            # a report wholly inside this one's content ("Bolton said he would advise Trump on …") is part of
            # what was said: it cuts nothing, and the overlap step below keeps the outer report, whose speaker
            # is the one who said it all
            around = [d for d in drafts if d is not draft and id(d) not in dropped and not _nested(doc, d, draft)
                      and not _nested(doc, draft, d)]
            material = [s for d in [draft, *around] for s in attribution(doc, d)]
            others = [a for d in around for a in content(d)]
            inside = [s for s in material + others if _overlaps(s, draft.span) and not _in_parts(s, draft.parts)]
            if inside:
                new = _cut(doc_text(doc), draft, inside, attribution(doc, draft))
                if new is None:
                    dropped.add(id(draft))
                    continue
                if new != draft.span:
                    draft.span = new
                    cut.add(id(draft))
        kept.append(draft)
    kept = [d for d in kept if not _quoted_attribution(doc, d, kept)]
    return _resolve_overlaps(doc, kept, cut)


def _nested(doc: "Doc", inner: Draft, outer: Draft) -> bool:
    """Whether ``inner`` (not direct) lies wholly inside what ``outer`` reports: its cue, speaker and content."""
    if inner.kind == "direct" or inner.cue is None or inner is outer or outer.cue is None and not outer.whole:
        return False
    a, b = outer.span
    if not all(a <= s and e <= b for s, e in attribution(doc, inner) + content(inner)):
        return False
    if outer.whole or outer.cue.kind == "according":  # "FALLIN: I think he is …", "According to the paper,
        return True  # Apple has stated it will …": the line's speaker, the source, gives it all
    # reported by the outer verb through its clauses, not a relative clause on a noun of it ("confirmed the
    # deal, which analysts said would …": the analysts' words are no part of what was confirmed)
    tok, top = doc[inner.cue.verb], doc[outer.cue.verb]
    # a name, or a noun other than a pronoun ("… after a voter told him she worries he's "too nice"")
    named = inner.cue.speaker is not None and doc[inner.cue.speaker].pos_ in ("PROPN", "NOUN")
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl", "appos"):
            return False
        if tok.dep_ == "advcl" and named:  # "Rubio suggested that …, while Cruz said that …": Cruz's own words
            return False
        if tok.dep_ == "ccomp" and tok.head.i == top.i and inner.kind == "mixed" and _told(doc, inner, outer):
            return False  # "Ortiz said Reyes told him the budget was "a fiction"": Reyes's words, passed on
        tok = tok.head
    return tok.i == top.i


def _told(doc: "Doc", inner: Draft, outer: Draft) -> bool:
    """Whether an inner report is another named person's telling the outer speaker (``Ortiz said Reyes told him
    …``): a proper name as the inner speaker, other than the outer one, and a pronoun as the one told."""
    if inner.cue.speaker is None or outer.cue.speaker is None:
        return False
    who, by = doc[inner.cue.speaker], doc[outer.cue.speaker]
    told = any(c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" for c in doc[inner.cue.verb].children)
    return told and who.pos_ == "PROPN" and who.lower_ != by.lower_


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _in_parts(span: Span, parts: list[Span]) -> bool:
    return any(p[0] <= span[0] and span[1] <= p[1] for p in parts)


def _cited_source(doc: "Doc", draft: Draft, drafts: list[Draft]) -> bool:
    """``X said that, according to Y, Z``: an ``according to`` inside another report names that speaker's source;
    the report is X's, and the ``according to`` is no quote of its own."""
    if draft.cue is None or draft.cue.kind != "according":
        return False
    cue = draft.cue.span(doc)
    return any(o is not draft and o.kind != "direct" and (o.cue is None or o.cue.kind != "according")
               and o.span[0] <= cue[0] and cue[1] <= o.span[1] for o in drafts)


def _cut(text: str, draft: Draft, inside: list[Span], own: list[Span] = ()) -> Optional[Span]:
    """The piece of ``draft.span`` left once ``inside`` (attribution and other quotes' content) is taken out
    (None: nothing is). When the draft's own attribution interrupts its content (``The problem, she said, is that
    …``) the longest piece is the report."""
    pieces, start = [], draft.span[0]
    for s, e in sorted(inside):
        pieces.append((start, max(start, s)))
        start = max(start, e)
    pieces.append((start, draft.span[1]))
    pieces = [p for p in (_trim(text, p) for p in pieces) if _words(text, p) >= _MIN_WORDS]
    if not pieces:
        return None
    if draft.kind == "mixed":
        best = max(pieces, key=lambda p: sum(max(0, min(p[1], b) - max(p[0], a)) for a, b in draft.parts))
        draft.parts = [q for q in draft.parts if best[0] <= q[0] and q[1] <= best[1]]
        if not draft.parts:
            draft.kind = "indirect"
        return best
    interrupted = any(pieces[0][1] <= a and b <= pieces[-1][0] for a, b in own)
    clause = None if interrupted else next((p for p in pieces if _words(text, p) >= _CLAUSE_WORDS), None)
    return clause or max(pieces, key=lambda p: p[1] - p[0])


def _trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE + ".":
        e -= 1
    return s, e


def _words(text: str, span: Span) -> int:
    return sum(1 for w in text[span[0]:span[1]].split() if any(c.isalnum() for c in w))


def _quoted_attribution(doc: "Doc", draft: Draft, drafts: list[Draft]) -> bool:
    """Whether the draft's cue or speaker lies inside another, direct quote's quoted words."""
    spans = attribution(doc, draft)
    for other in drafts:
        if other is draft or other.kind != "direct":
            continue
        if any(_overlaps(s, p) for s in spans for p in other.parts):
            return True
    return False


def _according(draft: Draft) -> bool:
    return draft.kind == "indirect" and draft.cue is not None and draft.cue.kind == "according"


def _resolve_overlaps(doc: "Doc", drafts: list[Draft], cut: set[int]) -> list[Draft]:
    def rank(d: Draft) -> tuple[int, bool, bool, int]:
        # "X said that, according to Y, Z": X speaks, Y is X's source
        according = d.cue is not None and d.cue.kind == "according"
        return _KIND_RANK[d.kind], id(d) not in cut, not according, sum(e - s for s, e in content(d))

    out: list[Draft] = []
    for draft in sorted(drafts, key=rank, reverse=True):
        # an indirect report inside another's content is a report of its own too ("said the firm had warned
        # that …"): kept beside the outer one; a nested quotation's words belong to the outer quote alone
        if not any(_overlaps(a, b) for other in out for a in content(other) for b in content(draft)
                   if not (draft.kind == "indirect" and _nested(doc, draft, other))
                   and not (other.kind == "indirect" and _according(draft) and _nested(doc, other, draft))):
            out.append(draft)
    out.sort(key=lambda d: (d.span[0], d.span[1]))
    return out
