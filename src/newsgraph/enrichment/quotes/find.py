"""Turning quoted stretches and reporting cues into draft quotations (before speakers are resolved).

A cue whose complement clause holds a quoted stretch with other words around it makes a *mixed* quote; one whose
complement is all quotation attributes that *direct* quote; one whose complement has no quotation is *indirect*.
A naming verb with a quotation in its predicate (``called the plan "a blow to commuters"``, ``described it as
"deeply disappointing"``) makes a mixed quote too, unless the quotation is a single word (a label).
Stretches left over look for an attribution just after them (``"…," he said``), just before them (``He said: "…"``,
``Lavrov: "…"``), or continue the previous speaker's quote. A quoted sentence that stands alone (``"This is
unacceptable."`` as its own sentence or paragraph, or any quoted sentence of six words or more) is kept with no
speaker. Deliberately dropped: a short quoted phrase inside a clause with no speech verb (scare quotes around one
to four words, ``named their robot "Robogee"``, ``a "formal update"``), taken for a term or a title; so is a
short quoted phrase right after a preposition or a participle of naming (``to chants of "…,"``, ``the spot titled
"…,"``), which neither the clause after it attributes nor an earlier quotation continues. A
transcript line (``FALLIN: I think …``) reports the rest of its paragraph for the name before the colon, and a
headline ``Ortiz: Fares Will Rise`` (``Ortiz to Voters: …``) the rest of its line, mixed when it quotes.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from ...model import Span
from ..base import doc_text, lemma_of
from .agents import fronted_subject
from .cues import EVALUATION_VERBS, QUOTE_ONLY_VERBS, REPORTING_VERBS, SPEECH_NOUNS, TIME_MARKS, Cue, \
    is_reporting, speaker_range, subject_of
from .hidden import char_range, speaker_after, speaker_ok, speaker_outside
from .marks import QuoteStretch, paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc

_AFTER_MAX_TOKENS = 8  # "…," the Foreign Ministry spokesman said: the cue comes within a few words
_BEFORE_MAX_TOKENS = 8  # said, "…" / told the press on Friday, "…"
_MIN_UNATTRIBUTED_WORDS = 6
_NAMING_MIN_WORDS = 1  # called the sentence "dangerous": a word someone said, reported
_MIN_SENTENCE_WORDS = 2  # "This is unacceptable." alone is a quotation; "Why?" alone may be a title
_QUOTE_ONLY_REACH = 3  # "reads "…"", "continued: "…"": verbs that are cues only right next to the quote
_FRAGMENT_WORDS = 4
_SHORT_ATTRIBUTION = 5  # "Trump said." / "said Ana Ortiz." after a quotation closed by its own full stop  # a quoted phrase this short inside a clause is a term or a title, unless reported speech
_SENTENCE_END = ".!?"
_TITLES = frozenset("""mr mrs ms dr sen rep gov gen lt col sgt st jr sr rev prof pres sec capt adm maj cmdr sens reps
ft mt""".split())  # "Ft. Worth", "Mt. Vernon": no sentence ends there
_NAME_LEADS = (" - ", " — ", " – ", " from ")  # "… for Republicans - Philip Bump: "…"", "More from Pew: "…""
_OPEN_ENDINGS = (",", "?", "!", "—", "–")  # a quotation ending so inside its marks runs on into its attribution
_CLOSING_MARKS = "\"'”’»› "  # what may close a quotation: one mark or two ('' for ")


@dataclass(slots=True)
class Draft:
    kind: str
    span: Span
    parts: list[Span] = field(default_factory=list)
    cue: Optional[Cue] = None
    speaker: Optional[Span] = None  # speaker noun phrase, characters
    inherited_from: Optional["Draft"] = None
    via: Optional[str] = None  # how the speaker was found, when not read off the phrase ("paragraph", "governed")
    whole: bool = False  # a transcript line: every report inside it is part of what its speaker said


@dataclass(slots=True)
class _Layout:
    """Where paragraphs and stretches lie, for window searches."""

    text: str
    paragraphs: list[Span]
    stretches: list[QuoteStretch]

    def paragraph_of(self, offset: int) -> Span:
        starts = [p[0] for p in self.paragraphs]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.paragraphs[i] if self.paragraphs else (0, len(self.text))

    def inside_quote(self, offset: int) -> bool:
        return any(s.outer[0] <= offset < s.outer[1] for s in self.stretches)




def speaker_chars(doc: "Doc", cue: Optional[Cue]) -> Optional[Span]:
    if cue is None or cue.speaker is None:
        return None
    return char_range(doc, speaker_range(doc, doc[cue.speaker]))


def classify_cues(doc: "Doc", cues: list[Cue], layout: _Layout) -> tuple[list[Draft], dict[int, Cue], set[int]]:
    """Mixed and indirect drafts from cues with complements; also which stretches those cues attribute."""
    drafts: list[Draft] = []
    attributed: dict[int, Cue] = {}
    consumed: set[int] = set()
    for cue in cues:
        if cue.complement is None or layout.inside_quote(doc[cue.verb].idx):
            continue
        cue.complement = _within_paragraph(doc, cue, layout)
        if cue.complement is None:
            continue
        cs, ce = char_range(doc, cue.complement)
        if _inner_speaker(doc, cue, cues, layout, (cs, ce)):
            continue
        covering = [i for i, s in enumerate(layout.stretches)
                    if _overlap((cs, ce), s.outer) >= 0.8 * (ce - cs)
                    and not _words_before(doc, cue.complement, s.outer[0])]
        if covering:
            attributed.setdefault(covering[0], cue)
            continue
        # The parse often hangs the final full stop and closing mark on the main verb: allow for them.
        # the opening mark may be two characters wide (the '' of some papers), the parse's clause starting after it
        inside = [i for i, s in enumerate(layout.stretches) if cs <= s.start and s.end <= ce + 2]
        partial = [i for i, s in enumerate(layout.stretches) if _overlap((cs, ce), s.outer) > 0 and i not in inside]
        if partial and all(cs < layout.stretches[i].outer[0] for i in partial) \
                and (inside or _split_inside(doc, cue, layout.stretches[partial[-1]])
                     or cue.speaker is not None and all(
                         len(layout.stretches[i].parts) == 1
                         and layout.text[:layout.stretches[i].outer[0]].rstrip()[-1:] != ":" for i in partial)) \
                and not _sentence_ends(layout.text, ce, min(layout.stretches[i].outer[0] for i in partial)):
            # 'called Obama a "petulant child" who's acting "as if he is a king, as if …"': the parse ended the
            # clause inside a quotation that opened in it; the quotation runs on to its closing mark (so too
            # 'told the paper that she backs it because "we need a leader. We need one now."', where the parser
            # broke the sentence at a full stop inside the quotation)
            ce = max(ce, max(layout.stretches[i].outer[1] for i in partial))
            inside, partial = inside + partial, []
        last = inside[-1] if inside else None
        if last is not None and _attribution_follows(doc, cue, layout.stretches[last], layout.text):
            attributed.setdefault(last, cue)  # narration: "…: "Men, you will not …," she wrote."
            continue
        if inside and not partial and _denied(doc, cue) \
                and (after := _cue_after(doc, inside[-1], cues, layout)) is not None and after is not cue \
                and after.speaker is not None:
            continue  # 'Comey cannot say that "…," Lenz added': what Comey does not say is Lenz's quotation
        if inside and not partial and _with_absolute(doc, cue, cues, layout, inside):
            continue  # 'criticised the shift, with Holt warning of "…"': Holt's words, not the critics'
        if inside and not partial:
            outers = [layout.stretches[i].outer for i in inside]
            parts = [p for i in inside for p in layout.stretches[i].parts]
            if cue.kind == "naming" and all(len(doc_text(doc)[a:b].split()) < _NAMING_MIN_WORDS for a, b in parts):
                continue  # called the plan "dangerous": a one-word label, like a scare quote
            if cue.kind == "object" and _quoted_term(doc, cue.complement, outers, parts):
                continue  # promising a "formal update": the object is a quoted term, not words reported
            if cue.speaker is None and _only_words_after(doc, cue.complement, outers):
                for i in inside:  # '"…," Gene Sperling, an adviser, said': the parse put the speaker in the
                    attributed.setdefault(i, cue)  # clause; the quotation is direct, its speaker read after it
                continue
            if _words_outside(doc, cue.complement, outers, _aside(doc, cue)):
                # the clause as written: both marks of every quoted fragment inside it
                span = (min(cs, outers[0][0]), _before_aside(doc, outers[-1][1], max(ce, outers[-1][1])))
                drafts.append(Draft("mixed", span, parts, cue, speaker_chars(doc, cue)))
                consumed.update(inside)
            else:
                for i in inside:
                    attributed.setdefault(i, cue)
        elif not inside and not partial and cue.kind != "naming" \
                and (cue.kind in ("object", "noun") or _is_clause(doc, cue.complement)):
            drafts.append(Draft("indirect", (cs, ce), [], cue, speaker_chars(doc, cue)))
    return drafts, attributed, consumed


def _with_absolute(doc: "Doc", cue: Cue, cues: list[Cue], layout: _Layout, inside: list[int]) -> bool:
    """Whether another cue in an absolute ``with`` phrase inside this cue's complement, with a subject of its own,
    reports every quotation the complement holds (``…, with the minister warning of "grave consequences"``)."""
    lo, hi = cue.complement
    for other in cues:
        verb = doc[other.verb]
        if other is cue or other.complement is None or other.speaker is None or not lo <= other.verb < hi:
            continue
        if not (verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.head.head.i == cue.verb):
            continue
        cs, ce = char_range(doc, other.complement)
        if all(cs <= layout.stretches[i].start and layout.stretches[i].end <= ce for i in inside):
            return True
    return False


def _inner_speaker(doc: "Doc", cue: Cue, cues: list[Cue], layout: _Layout, span: Span) -> bool:
    """Whether a claim noun with no one behind it (``uttering charges that Ortiz, for one, called "liberal
    lingo"``, ``the accusation that Ortiz said "…"``) has inside its clause a verb of saying with a subject of its
    own next to a quotation: the quoted words are that subject's, whose report the inner cue makes; the noun
    says only what kind of words they are."""
    if cue.kind != "noun" or cue.speaker is not None:
        return False
    quoted = [s for s in layout.stretches if span[0] <= s.outer[0] < span[1]]
    return bool(quoted) and any(
        o is not cue and o.kind != "noun" and o.speaker is not None
        and cue.complement[0] <= o.speaker < o.verb < cue.complement[1]
        and any(0 <= s.outer[0] - doc[o.verb].idx <= 40 for s in quoted) for o in cues)


def _before_aside(doc: "Doc", start: int, end: int) -> int:
    """Where a mixed quote's clause ends when, after its last quotation, the writer sets off words of their own by
    a comma or a dash: a participle clause (``called him a "hypocrite," linking to a story …``), a relative
    clause (``would "take a look" at it, which would …``), an apposition judging the words (``called it
    "racist," an extraordinary rebuke``) or anything after a dash (``was "encouraged" - a modest boost …``). News
    appends such asides to a report; they are not part of what was said. ``start`` is the end of the last
    closing mark; a comma just inside it (``"…racist,"``) is the writer's too, and sets off what follows."""
    text = doc_text(doc)
    words = doc.char_span(start, end, alignment_mode="contract")
    if words is None or not len(words):
        return end
    inner_comma = text[max(0, start - 4):start].rstrip(_CLOSING_MARKS)[-1:] == ","
    marks = [(start, words[0])] if inner_comma else []
    for tok in words:
        if tok.text not in _ASIDE_MARKS or tok.i + 1 >= words.end:
            continue
        if tok.text in "-–" and not (doc[tok.i - 1].whitespace_ and tok.whitespace_):
            continue  # a hyphen or a range inside a word ("long-term", "2015–16"), no dash setting words off
        if tok.text != "," and sum(t.text == tok.text for t in words) > 1:
            continue  # "- including Cruz -": a pair of dashes sets off a part of the clause, which goes on
        marks.append((tok.idx if tok.text == "," else -tok.idx - 1, doc[tok.i + 1]))
    for at, nxt in marks:
        dash = at < 0
        if dash:
            head = nxt
        elif nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp", "conj", "acl"):
            head = nxt
        elif nxt.lower_ in ("which", "who", "whom", "whose"):
            head = nxt.head if nxt.head.i > nxt.i else nxt
        elif nxt.pos_ == "DET" and nxt.head.dep_ in ("appos", "npadvmod") and nxt.head.i > nxt.i:
            head = nxt.head
        else:
            continue
        last = doc[words.end - 1] if dash else head.right_edge
        if last.i >= words.end - 1 or all(t.is_punct for t in doc[last.i + 1:words.end]):
            # the aside runs to the end of the clause ("that Ortiz, who resigned, is to blame" goes on)
            cut = -at - 1 if dash else at
            while cut > start and text[cut - 1].isspace():
                cut -= 1
            return cut
    return end


_ASIDE_MARKS = frozenset({",", "—", "–", "-", "--", "―"})


def _split_inside(doc: "Doc", cue: Cue, stretch: QuoteStretch) -> bool:
    """Whether the parser's sentence holding the end of a cue's clause ends inside a quotation that opened in
    that clause: the clause goes on in the quotation, whose later sentences the parser cut off."""
    last = doc[cue.complement[1] - 1]
    end = last.sent.end
    return end < len(doc) and stretch.outer[0] < doc[end].idx < stretch.outer[1] - 1


def _denied(doc: "Doc", cue: Cue) -> bool:
    """Whether a verb of saying is negated (``cannot say``, ``did not claim``): it reports nothing said."""
    return any(c.dep_ == "neg" for c in doc[cue.verb].children)


def _within_paragraph(doc: "Doc", cue: Cue, layout: _Layout) -> Optional[tuple[int, int]]:
    """The cue's complement cut to the cue's own paragraph: a parse that runs a sentence over a paragraph break
    must not give one paragraph's quotation to the next paragraph's speaker."""
    para = layout.paragraph_of(doc[cue.verb].idx)
    left, right = cue.complement
    while left < right and doc[left].idx < para[0]:
        left += 1
    while right > left and doc[right - 1].idx >= para[1]:
        right -= 1
    return (left, right) if right > left else None








def _quoted_term(doc: "Doc", tokens: tuple[int, int], outers: list[Span], parts: list[Span]) -> bool:
    """Whether a noun-phrase object is a short quoted phrase: nothing but it and a determiner, or its head word
    inside the marks ("a "formal update" on the plans")."""
    text = doc_text(doc)
    quoted = sum(len(text[a:b].split()) for a, b in parts)
    outside = [t for t in doc[tokens[0]:tokens[1]] if t.is_alpha and not any(o[0] <= t.idx < o[1] for o in outers)]
    head = doc[tokens[0]:tokens[1]].root
    return quoted <= _FRAGMENT_WORDS and (all(t.pos_ == "DET" for t in outside)
                                          or any(o[0] <= head.idx < o[1] for o in outers))


def _attribution_follows(doc: "Doc", cue: Cue, stretch: QuoteStretch, text: str) -> bool:
    """Whether the cue and its speaker come right after a quotation left open by its comma (``"…," she wrote``):
    then the cue attributes that quotation, and the clause the parser took for its complement is narration."""
    start = min([doc[t].idx for t in cue.tokens] + ([doc[cue.speaker].idx] if cue.speaker is not None else []))
    gap = text[stretch.outer[1]:start]
    if start < stretch.outer[1] or _last_char(text, stretch) not in _OPEN_ENDINGS:
        return False
    if not gap.strip():
        return True
    # "…," another friend, Mariam Emara, told CNN: only the speaker's own description may come between
    words = doc.char_span(stretch.outer[1], start, alignment_mode="contract")
    return len(gap) <= 40 and words is not None and not any(t.pos_ in ("VERB", "AUX") or t.text in ".!?"
                                                            for t in words)


def _last_char(text: str, stretch: QuoteStretch) -> str:
    """The last character inside the closing mark, whatever its width (``,"`` and ``,''`` both end on a comma)."""
    return text[stretch.outer[0]:stretch.outer[1]].rstrip(_CLOSING_MARKS)[-1:]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words_outside(doc: "Doc", tokens: tuple[int, int], outers: list[Span], skip: Span = (0, 0)) -> bool:
    for t in doc[tokens[0]:tokens[1]]:
        if t.is_alpha and not any(o[0] <= t.idx < o[1] for o in outers) and not skip[0] <= t.i < skip[1]:
            return True
    return False


def _aside(doc: "Doc", cue: Cue) -> Span:
    """The tokens of a parenthetical attribution (``"When all is said," she said, "we lost."``): the cue's own
    words, which stand between a split quotation's parts and are no words of the content outside its marks."""
    if cue.kind != "parataxis" or doc[cue.verb].dep_ != "parataxis":
        return (0, 0)
    verb = doc[cue.verb]
    return verb.left_edge.i, verb.right_edge.i + 1


def _only_words_after(doc: "Doc", tokens: tuple[int, int], outers: list[Span]) -> bool:
    """Whether every word of a clause outside its quotations follows the last of them."""
    outside = [t for t in doc[tokens[0]:tokens[1]] if t.is_alpha and not any(o[0] <= t.idx < o[1] for o in outers)]
    return bool(outside) and all(t.idx >= outers[-1][1] for t in outside)


def _words_before(doc: "Doc", tokens: tuple[int, int], offset: int) -> bool:
    return any(t.is_alpha and t.idx < offset for t in doc[tokens[0]:tokens[1]])


def _is_clause(doc: "Doc", tokens: tuple[int, int]) -> bool:
    words = [t for t in doc[tokens[0]:tokens[1]] if not t.is_punct]
    return len(words) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in words)


def attribute_stretch(doc: "Doc", i: int, cues: list[Cue], layout: _Layout) -> tuple[Optional[Cue], Optional[Span]]:
    """Cue and speaker phrase for a stretch no complement claimed: after it, before it, or by a colon."""
    stretch = layout.stretches[i]
    if _named_by(doc, stretch):
        return None, None  # "the spot titled "…"": a title, no one's words
    dashed = _dash_speaker(doc, stretch, layout)
    if dashed is not None:  # "…" — Ana Ortiz: the quotation's own line names who said it
        return None, dashed
    after = _cue_after(doc, i, cues, layout)
    if after is not None:  # a headline's "Ortiz: … 'To Ask For …'" verb has no subject: the name before the colon
        return after, speaker_chars(doc, after) or _headline_speaker(doc, stretch, layout)
    inverted = _inverted_colon(doc, stretch, layout)
    if inverted is not None:  # the name alone: the parse may take the verb for a word of it
        name = doc[inverted.speaker]
        return inverted, (name.left_edge.idx if name.left_edge.i > inverted.verb else name.idx,
                          name.idx + len(name.text))
    before = _cue_before(doc, i, cues, layout) or _colon_paragraph_before(doc, i, layout) \
        or _verb_ending_before(doc, stretch, layout) or _speech_sentence_before(doc, stretch, layout) \
        or _named_clause_before(doc, stretch, layout) or _topic_sentence_before(doc, stretch, layout)
    if before is not None:
        return before, speaker_chars(doc, before) or _headline_speaker(doc, stretch, layout)
    return None, _colon_speaker(doc, stretch, layout) or _headline_speaker(doc, stretch, layout)


def _window_after(i: int, layout: _Layout) -> Span:
    stretch = layout.stretches[i]
    start = stretch.outer[1]
    # a quotation running over paragraphs (each opens with a mark, only the last closes) is attributed after its
    # last paragraph: the window lies in the paragraph where it closes
    end = layout.paragraph_of(stretch.outer[1] - 1)[1]
    if i + 1 < len(layout.stretches):
        end = min(end, layout.stretches[i + 1].outer[0])
    for j in range(start, end):
        if layout.text[j] == "\n":  # a line break ends the paragraph where text keeps one per line
            return start, j
        if layout.text[j] in _SENTENCE_END and not _abbreviation(layout.text, j):
            return start, j + 1
    return start, end


def _abbreviation(text: str, j: int) -> bool:
    """Whether the full stop at ``j`` ends a title or an initial ("Gov. Kasich", "Sen.", "J. Smith"), not a
    sentence."""
    word = _word_before_stop(text, j)
    return 0 < len(word) <= 4 and word[0].isupper() and (len(word) == 1 or word.lower() in _TITLES)


def _word_before_stop(text: str, j: int) -> str:
    """The letters right before a full stop at ``j`` ("" when ``j`` holds no full stop)."""
    if text[j] != ".":
        return ""
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k:j]


def _window_before(i: int, layout: _Layout) -> Span:
    stretch = layout.stretches[i]
    end = stretch.outer[0]
    start = layout.paragraph_of(end)[0]
    if i > 0:
        start = max(start, layout.stretches[i - 1].outer[1])
    for j in range(end - 1, start - 1, -1):
        if layout.text[j] == "\n" or layout.text[j] in _SENTENCE_END \
                and not (j + 1 < end and layout.text[j + 1].isalnum()):
            return j + 1, end
    return start, end


def _cue_after(doc: "Doc", i: int, cues: list[Cue], layout: _Layout) -> Optional[Cue]:
    stretch = layout.stretches[i]
    if _object_of_preposition(doc, stretch):
        return None  # "to chants of "Ole! Ole!," the mayor said": the words are the crowd's, not the mayor's
    ws, we = _window_after(i, layout)
    window = doc.char_span(ws, we, alignment_mode="contract")
    if window is None:
        return None
    if layout.text[stretch.end - 1:stretch.end] == ".":
        # "… terrorism." After X stressed …: a full stop inside the marks ends the sentence, unless all that
        # follows is a short attribution ending its own sentence ("…missing." Trump said.)
        if len(window) > _SHORT_ATTRIBUTION or layout.text[we - 1:we] != ".":
            return None
    found = []
    for cue in cues:
        if cue.kind == "noun" or doc[cue.verb].pos_ == "ADJ":
            continue  # "…", but no current plans exist: a claim noun attributes only its own clause
        if any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in doc[cue.verb].children):
            continue  # '"…," after Ortiz expressed her support': a clause of time says when, not who said it
        if cue.kind == "object" and doc[cue.verb].tag_ == "VBG" and cue.verb > window.start \
                and doc[cue.verb - 1].text == ",":
            continue  # '"…," he wondered aloud, comparing himself with …': the act after the attribution
        reach = _QUOTE_ONLY_REACH if cue.kind == "quote_only" else _AFTER_MAX_TOKENS
        if cue.kind == "according" and doc[cue.verb].lower_ == "according" and window.start <= cue.verb < window.end:
            found.append(cue)
        elif window.start <= cue.verb < min(window.end, window.start + reach):
            found.append(cue)
        elif cue.kind != "quote_only" and window.start <= cue.verb < window.end \
                and (_subject_fills(doc, window, cue) or _described_name(doc, window, cue)):
            found.append(cue)
    # '"… the little deal" announced in October, said Brenner': a participle on a noun of the quotation says what
    # was done to the thing named, not who spoke; a cue with a speaker after it in the window does
    if any(c.speaker is not None for c in found):
        found = [c for c in found if not (c.speaker is None and doc[c.verb].tag_ == "VBN"
                                          and doc[c.verb].dep_ in ("acl", "amod"))]
    # "…," the Post quoted Djamal as saying: the verb of saying beats the verb that merely introduces the quote
    best = min(found, key=lambda c: c.kind == "quote_only", default=None)
    if best is None and _last_char(layout.text, stretch) in _OPEN_ENDINGS:
        best = _any_verb_after(doc, window)
    return best


def _object_of_preposition(doc: "Doc", stretch: QuoteStretch) -> bool:
    """Whether a quotation stands right after a preposition in its sentence (``to chants of "…,"``, ``To a
    question on "…," she said``, ``appeared on "…," the show``) or a participle of naming (``the spot titled
    "…,"``): a phrase inside the clause before it, a crowd's cry, a sign, a title, a question's topic, which the
    clause after it does not attribute (``"…," Ortiz said`` follows a quotation that opens its sentence or ends a
    clause of its own) and no earlier quotation goes on in."""
    if sum(len(doc_text(doc)[a:b].split()) for a, b in stretch.parts) > _PHRASE_WORDS:
        return False  # "continues that, in "…. …. …."": sentences quoted, not a phrase
    before = doc.char_span(max(0, stretch.outer[0] - 30), stretch.outer[0], alignment_mode="contract")
    if before is None or not len(before):
        return False
    k = len(before) - 1
    if before[k].idx + len(before[k].text) < stretch.outer[0] - 1:
        return False
    while k > 0 and (before[k].pos_ == "DET" or before[k].tag_ == "PRP$"):  # "on the "…"", "of his "…""
        k -= 1
    last = before[k]
    return _named_by(doc, stretch) or last.pos_ == "ADP" and last.dep_ in ("prep", "agent") \
        and last.text[:1].islower()


def _named_by(doc: "Doc", stretch: QuoteStretch) -> bool:
    """Whether a quotation stands right after a participle of naming (``the ad titled "…"``): a title."""
    before = doc.char_span(max(0, stretch.outer[0] - 30), stretch.outer[0], alignment_mode="contract")
    if before is None or not len(before) or before[-1].idx + len(before[-1].text) < stretch.outer[0] - 1:
        return False
    last = before[-1]  # a participle on a noun, not "what she has dubbed "…"" (her words)
    return last.tag_ == "VBN" and last.dep_ in ("acl", "amod") and lemma_of(last).lower() in _TITLING


_PHRASE_WORDS = 6  # a quoted phrase inside a clause: a cry, a sign, a title, a topic
# Participles that give a thing its name: a quotation right after one is that name ("a spot titled "…"").
_TITLING = frozenset("title entitle name dub headline caption label nickname".split())


def _subject_fills(doc: "Doc", window, cue: Cue) -> bool:
    """``"…," Dana Reyes, a retired teacher from the county who voted for him twice, said on Monday.``: a cue
    beyond the usual reach still attributes the quotation when all that lies between them is the cue's own subject
    phrase (a name with its description, however long)."""
    if cue.speaker is None or not window.start <= cue.speaker < cue.verb:
        return False
    subject = doc[cue.speaker]
    if subject.head.i != cue.verb or subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    lo, hi = subject.left_edge.i, subject.right_edge.i
    return all(lo <= t.i <= hi or t.is_punct or t.is_space for t in doc[window.start:cue.verb])


_DESCRIBED_MAX_TOKENS = 24
_DESCRIPTION_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "ADP", "PART", "NUM", "CCONJ", "PUNCT", "SPACE",
                              "ADV"})


def _described_name(doc: "Doc", window, cue: Cue) -> bool:
    """``"…," Dana Reyes, the mayor's former chief of staff, said of the talks.``: the parser may hang the name
    elsewhere (the verb's subject then lies inside the quotation); a verb of saying still attributes the quotation
    when all between them is a name with its description: it opens on a proper noun and holds no verb and no
    sentence end."""
    verb = doc[cue.verb]
    # the parser may take "…, Dana Reyes, tweeted" for a participle on the name ("acl"), not one done by someone
    active = verb.tag_ in ("VBD", "VBZ") or verb.tag_ == "VBN" and verb.dep_ == "acl" \
        and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)
    if cue.kind != "verb" or not active:
        return False
    words = [t for t in doc[window.start:cue.verb] if not (t.is_space or t.is_punct and t.text == ",")]
    if not words or len(words) > _DESCRIBED_MAX_TOKENS:
        return False
    # "the party's presumptive nominee, Dana Reyes, tweeted": a description that ends on the name apposed to it
    described = words[0].pos_ == "DET" and words[-1].pos_ == "PROPN" and words[-1].is_title \
        and doc[words[-1].i + 1].text == ","
    if not described and (words[0].pos_ != "PROPN" or not words[0].is_title):
        return False
    # a participle as an adjective belongs to the description ("the county's elected treasurer")
    return all((t.pos_ in _DESCRIPTION_POS or t.tag_ == "VBN" and t.dep_ == "amod")
               and t.text not in _SENTENCE_END and t.text not in ";:" for t in words)


def _any_verb_after(doc: "Doc", window) -> Optional[Cue]:
    """``"France will always be France," an angry Hollande retaliated.``: a quotation left open by its comma is
    attributed by the clause right after it, whatever its verb (retaliated, mocked, shot back)."""
    for tok in window[:_AFTER_MAX_TOKENS]:
        if tok.pos_ != "VERB":
            continue
        if any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in tok.children):
            return None  # '"…," after Ortiz spoke': when it was said, not who said it
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and speaker_ok(subj) and window.start <= subj.i:
            return Cue((tok.i,), tok.i, None, subj.i, "verb")
        after = next((c for c in tok.rights if c.pos_ == "PROPN" and c.i < window.end), None)
        if subj is None and after is not None and tok.i == window.start:  # '"…," retorted Ortiz'
            return Cue((tok.i,), tok.i, None, after.i, "verb")
        return None  # only the first verb may attribute
    return _verb_tagged_noun(doc, window)


def _verb_tagged_noun(doc: "Doc", window) -> Optional[Cue]:
    """``"…," the Saudis state in the paper.``, ``"…," a voice-over in the ad states.``: a verb of saying that
    is also a noun, tagged as the noun, after the subject phrase that follows the quotation; it ends its clause (a
    stop, a comma or a preposition after it), so it is no noun's modifier."""
    words = [t for t in window[:_AFTER_MAX_TOKENS] if not t.is_space]
    for k, tok in enumerate(words):
        if tok.pos_ in ("VERB", "AUX") or tok.text in _SENTENCE_END:
            return None
        if k == 0 or tok.pos_ not in ("NOUN", "PROPN") or not tok.is_lower \
                or not _verb_word(tok.text, REPORTING_VERBS):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and not (nxt.is_punct or nxt.pos_ == "ADP"):
            continue
        subject = [t for t in words[:k] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        lead = next((t for t in words[:k] if t.pos_ == "ADP"), None)  # "a voice-over in the ad": before "in"
        heads = [t for t in subject if lead is None or t.i < lead.i]
        if not heads or words[0].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "PRON"):
            return None
        return Cue((tok.i,), tok.i, None, heads[-1].i, "verb")
    return None


def _cue_before(doc: "Doc", i: int, cues: list[Cue], layout: _Layout) -> Optional[Cue]:
    ws, we = _window_before(i, layout)
    window = doc.char_span(ws, we, alignment_mode="contract")
    if window is None or not len(window):
        return None
    best = None
    for cue in cues:
        if cue.kind == "noun" or doc[cue.verb].pos_ == "ADJ":  # "worried about X": a stance, not an attribution
            continue
        reach = _QUOTE_ONLY_REACH if cue.kind == "quote_only" else _BEFORE_MAX_TOKENS
        if window.start <= cue.verb < window.end and window.end - max(cue.tokens) <= reach:
            best = cue
    if best is None and layout.text[ws:we].rstrip().endswith(":"):
        best = _colon_verb(doc, doc[window.end - 1].sent, window.end)
    return best


def _colon_paragraph_before(doc: "Doc", i: int, layout: _Layout) -> Optional[Cue]:
    """A quote alone in its paragraph after one ending ``… tweeted:``: the colon's verb is the cue."""
    stretch = layout.stretches[i]
    para = layout.paragraph_of(stretch.outer[0])
    if layout.text[para[0]:stretch.outer[0]].strip():
        return None
    before = layout.text[:para[0]].rstrip()
    if not before.endswith(":") or (i > 0 and layout.stretches[i - 1].outer[1] >= len(before)):
        return None
    last = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if last is None or not len(last):
        return None
    return _colon_verb(doc, last[0].sent, last[0].i)


def _verb_ending_before(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Cue]:
    """``Ortiz implored. "Please vote."``: a sentence that ends on its verb, with a subject and nothing said,
    introduces the quotation that follows it in the same paragraph."""
    para = layout.paragraph_of(stretch.outer[0])
    before = layout.text[para[0]:stretch.outer[0]]
    if not _sentence_like(layout.text, stretch) or not before.strip() or before.rstrip()[-1:] != "." \
            or before[-1:] not in " ":
        return None
    end = para[0] + len(before.rstrip()) - 1  # the full stop
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is None or not len(last):
        return None
    verb = last[0]
    subj = subject_of(verb)  # "turned to the council and implored.": the conjunct's subject
    if verb.pos_ != "VERB" or subj is None or not speaker_ok(subj) \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in verb.children) \
            or _reported(verb):
        return None
    sent = verb.sent
    start = doc[sent.start].idx
    if any(start - 3 <= s.outer[1] <= end for s in layout.stretches):
        return None  # '"…," Clark said. "…"': that verb attributed the quotation before; this one continues it
    return Cue((verb.i,), verb.i, None, subj.i, "colon")


def _reported(verb: "Token") -> bool:
    """Whether a verb lies inside a clause another verb reports ("She says people should be able to choose."):
    its subject is what was talked about, not who speaks next; the report itself names that speaker."""
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and is_reporting(tok.head):  # not a clause the parse hung on any verb
            return True
        tok = tok.head
    return False


def _speech_sentence_before(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Cue]:
    """``Lau said in a statement. "There are no ballots to recount."``, ``Howard continued his remarks.`` then a
    quoted paragraph: a sentence whose main verb is one of saying or judging, with a subject and no reported clause
    of its own, introduces the quotation that follows it (in its paragraph, or opening the next one)."""
    if not _sentence_like(layout.text, stretch):
        return None
    para = layout.paragraph_of(stretch.outer[0])
    start, before = para[0], layout.text[para[0]:stretch.outer[0]]
    if not before.strip():  # the quotation opens its paragraph: the previous paragraph's last sentence
        start, before = 0, layout.text[:para[0]]
    tail = before.rstrip()
    if tail[-1:] != ".":
        return None
    end = start + len(tail) - 1
    last = doc.char_span(end, end + 1, alignment_mode="expand")
    if last is None or not len(last):
        return None
    sent = last[0].sent
    root = sent.root
    # "Howard continued his remarks." goes on speaking; a thing that "continued" is no speaker (below)
    goes_on = is_reporting(root, _GOING_ON)
    if root.pos_ != "VERB" or not (is_reporting(root) or is_reporting(root, EVALUATION_VERBS) or goes_on) \
            or any(c.dep_ in ("ccomp", "xcomp") for c in root.children) \
            or any(s.outer[0] < end and s.outer[1] >= doc[sent.start].idx - 3 for s in layout.stretches):
        return None  # it quotes something itself, or attributes the quotation before it ('"…?" Trump said.')
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    subj = fronted_subject(subj, root) or subj  # "Or maybe Bush, consultant Dana Reyes says."
    if subj is None or not speaker_ok(subj) or goes_on and subj.pos_ not in ("PROPN", "PRON"):
        return None
    return Cue((root.i,), root.i, None, subj.i, "colon")


def _topic_sentence_before(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Cue]:
    """A quoted sentence standing alone (it opens its paragraph, or follows a full stop) after a sentence about
    someone, with no attribution of its own: the words are that someone's, as news introduces a speaker in one
    sentence and quotes them in the next (``Mr. Hannity is unapologetic about his aim. "I'm not hiding …"``,
    ``The committee issued a statement apologizing to Ortiz.`` then a quoted paragraph, ``If anything, Ash
    argued in his email, the incident …`` then one). The sentence right before must quote nothing itself (a
    quotation there has its own speaker, whom :func:`_inherit` follows) and name its subject: a verb of saying
    anywhere in it with a subject, a verb whose object is a thing said (``issued a statement``), or else a named
    person or body as the subject of its main verb."""
    # only a quotation kept anyway: a short quoted phrase after such a sentence is a title or a slogan
    if not _sentence_like(layout.text, stretch) or not _own_sentence(layout, stretch) \
            or not _stands_alone(layout, stretch):
        return None
    named = _dash_line_after(doc, stretch, layout)
    if named is not None:  # "- Hillary Clinton." on the line after names the speaker, not the sentence before
        return named
    para = layout.paragraph_of(stretch.outer[0])
    start, before = para[0], layout.text[para[0]:stretch.outer[0]]
    if not before.strip():  # the quotation opens its paragraph: the previous paragraph's last sentence
        prev = [p for p in layout.paragraphs if p[1] <= para[0]]
        if not prev:
            return None
        start, before = prev[-1][0], layout.text[prev[-1][0]:prev[-1][1]]
    tail = before.rstrip()
    if tail[-1:] not in _SENTENCE_END or any(o.outer[0] < start + len(tail) and o.outer[1] > start
                                                 for o in layout.stretches):
        return None  # a quotation there: its attribution, and any continuation, are the other rules' to read
    end = start + len(tail) - 1
    last = doc.char_span(end, end + 1, alignment_mode="expand")
    if last is None or not len(last):
        return None
    sent = last[0].sent
    if len(sent) > _TOPIC_MAX_TOKENS:
        return None
    root = sent.root
    for tok in sent:  # "Ash argued in his email, the incident …": the main clause's verb of saying
        if not (tok.i == root.i or tok.head.i == root.i and tok.dep_ in ("parataxis", "conj") or _fronted(tok)):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        subj = fronted_subject(subj, tok) or subj
        said = is_reporting(tok) or tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and lemma_of(c).lower() in SPEECH_NOUNS for c in tok.children)
        if said and any(c.dep_ == "ccomp" for c in tok.children) or tok.i == root.i and _inverted_report(tok):
            return None  # a report of its own ("…, said Ortiz."): the quotation goes on with it (_inherit)
        if said and subj is not None and speaker_ok(subj) and subj.tag_ not in ("WDT", "WP"):
            return Cue((tok.i,), tok.i, None, subj.i, "colon")
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PROPN":
        # "Schoen elaborated in a column that delegates … may reconsider.": the parser made the clause reported
        # the root and the verb before it its complement; the person it opens on is whom the sentence is about
        fronted = next((t for t in sent if _fronted(t)), None)
        subj = next((c for c in fronted.children if c.dep_ == "nsubj"), None) if fronted is not None else None
    if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ not in ("PERSON", "ORG", "NORP", ""):
        return None
    return Cue((root.i,), root.i, None, subj.i, _TOPIC)  # no verb of saying: the record gets no cue


_TOPIC_MAX_TOKENS = 60


def _fronted(tok) -> bool:
    """A verb the parser hung as the complement of the root that comes after it, with its subject before it
    (``If anything, Ash argued in his email, the incident is …``): the sentence's own main clause, as written."""
    if tok.dep_ not in ("ccomp", "advcl") or tok.head.dep_ != "ROOT" or tok.i > tok.head.i or tok.pos_ != "VERB":
        return False
    # an adverbial clause only with no subordinator ("When Ash argued …, the board" is a time, not a report)
    return any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children) \
        and (tok.dep_ == "ccomp" or not any(c.dep_ == "mark" for c in tok.children))


def _inverted_report(root) -> bool:
    """``The deficit has grown again, said Ana Ortiz``: the parser may make the report's clause the root and hang
    the verb of saying on it; a sentence holding a verb of saying with a subject after it is a report."""
    return any(is_reporting(t) and any(c.dep_ == "nsubj" and c.i > t.i for c in t.children)
               for t in root.subtree if t.i != root.i)
_DASH_LINE = re.compile(r"\s*[-–—]+\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:\.|,[^\n]*)?\s*$")


def _dash_line_after(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Cue]:
    """``"I will look into it."`` then a line ``- Hillary Clinton.`` or ``-Dana Marks, Philadelphia.``: a
    quotation set off as an epigraph, its speaker on the line after it behind a dash."""
    para = layout.paragraph_of(stretch.outer[0])
    if layout.text[stretch.outer[1]:para[1]].strip():
        return None
    nxt = [p for p in layout.paragraphs if p[0] >= para[1]]
    if not nxt:
        return None
    m = _DASH_LINE.match(layout.text, nxt[0][0], nxt[0][1])
    name = doc.char_span(m.start(1), m.end(1), alignment_mode="contract") if m else None
    if name is None or not len(name) or not any(t.pos_ == "PROPN" for t in name):
        return None
    return Cue((name.root.i,), name.root.i, None, name.root.i, _TOPIC)
_TOPIC = "topic"


def _named_clause_before(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Cue]:
    """``After Brown criticized her husband, Hillary shot back, "…"``, ``As Dana Milbank puts it, "…"``: a quoted
    sentence right after a comma that closes a clause whose subject is a name is that person's, whatever the verb;
    news introduces a new speaker so, and the quotation must not go on with the speaker before."""
    if not _sentence_like(layout.text, stretch):
        return None
    para = layout.paragraph_of(stretch.outer[0])
    before = layout.text[para[0]:stretch.outer[0]]
    if not before.rstrip().endswith(","):
        return None
    end = para[0] + len(before.rstrip()) - 1  # the comma
    comma = doc.char_span(end, end + 1, alignment_mode="expand")
    if comma is None or not len(comma):
        return None
    sent = comma[0].sent
    for tok in reversed(doc[sent.start:comma[0].i]):
        if layout.inside_quote(tok.idx) or tok.pos_ != "VERB":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) or _as_name(tok)
        if subj is None and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            # "Ortiz drew cheers and then boomed, "…"": the first conjunct's subject
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        if subj.tag_ == "WP" and tok.dep_ == "relcl" and tok.head.pos_ == "PROPN" and subj.i >= 2 \
                and doc[subj.i - 1].text == "," and tok.head.i == subj.i - 2:
            subj = tok.head  # "… host Dana Reyes, who lamented in an interview, "…"": the relative's antecedent
        if (subj.pos_ == "PROPN" or subj.lower_ in _PERSONAL[:2]) and not layout.inside_quote(subj.idx):
            return Cue((tok.i,), tok.i, None, subj.i, "colon")
        return None
    return None


def _as_name(verb):
    """``As Dana Reyes, a law professor, put it, "…"``: the parser may take the name for the object of ``As``;
    the name is the clause's subject."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i), None)
    if mark is None or mark.i + 1 >= verb.i:
        return None
    name = next((c for c in mark.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
    return name


def _colon_verb(doc: "Doc", sentence, end: int) -> Optional[Cue]:
    """``She continued: "…"``, ``X cited examples, including: "…"`` - the nearest verb with a subject before a
    colon introduces the quote. ``Ortiz was blunt: "…"``, ``The board was conclusive in its findings: "…"``: a
    sentence built on "be" with a named subject introduces it too (news judges the tone of what follows so).
    ``Here is how bad it got, in the words of the patient: "…"``: whose words they are, the phrase says."""
    for tok in reversed(doc[sentence.start:end]):
        if tok.lower_ == "words" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            who = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            who = who or next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if who is not None and who.i < end and speaker_ok(who):
                return Cue((tok.i,), tok.i, None, who.i, "colon")
    for tok in reversed(doc[sentence.start:end]):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass") and (said := _reporter(tok, end)):
            return said  # "Ortiz said the mayor was a builder at heart: "…"": the one who said so goes on
        if tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None and tok.i == sentence.start:  # "Continued Stone: "…"", "Added Ortiz:": inverted
                subj = next((c for c in tok.rights if c.pos_ == "PROPN" and c.i < end), None)
            if subj is not None and speaker_ok(subj):
                return Cue((tok.i,), tok.i, None, subj.i, "colon")
        elif tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"):  # the parse may hang it on the quotation
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            # a name, not "The answer was simple:" (the colon explains a thing, no one speaks)
            if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "NORP")):
                return Cue((tok.i,), tok.i, None, subj.i, "colon")
            # "… promising a "formal update" is forthcoming:": a thing that is; the verb before may speak
    return None


def _reporter(verb, end: int) -> Optional[Cue]:
    """The verb of saying before token ``end`` whose reported clause holds ``verb`` (through clauses the report is
    made of), with its named or pronoun subject; None when ``verb`` is not in such a report or it names no one."""
    tok = verb
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "ccomp" or tok.head.i == tok.i or not is_reporting(tok.head):
        return None
    said = tok.head
    subj = subject_of(said) if said.i < end else None  # "Ortiz, whose firm …, said": the parse may lose her
    if subj is None or subj.i >= end or subj.tag_ in ("WP", "WDT") or not speaker_ok(subj):
        return None
    return Cue((said.i,), said.i, None, subj.i, "colon")


_INVERTED = re.compile(r"([A-Z][a-z]+) ((?:(?:[A-Z][\w'’-]*\.?|de|van|von|al-)\s?){1,4}):\s*$")
_IRREGULAR = {"said": "say", "wrote": "write", "told": "tell", "says": "say", "writes": "write", "tells": "tell"}


def _verb_word(word: str, verbs: frozenset) -> bool:
    """Whether a capitalised word is a past or present form of one of ``verbs`` ("Added", "Continued", "Stated",
    "Wrote", "Says"), read off the letters: a parser tags such a word at a line's start as a name."""
    w = word.lower()
    if _IRREGULAR.get(w) in verbs:
        return True
    forms = [w[:-2], w[:-1], w[:-3]] if w.endswith("ed") else [w[:-1], w[:-2]] if w.endswith("s") else []
    return any(f in verbs for f in forms if f)


def _inverted_colon(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Cue]:
    """``Added Ortiz: "…"``, ``Stated Brenner:`` with the quotation opening the next paragraph: a verb of saying
    put before the name and closed by a colon, as news writes a speaker's next quotation; the name speaks."""
    para = layout.paragraph_of(stretch.outer[0])
    before = layout.text[para[0]:stretch.outer[0]]
    start = para[0]
    if not before.strip():
        prev = [p for p in layout.paragraphs if p[1] <= para[0]]
        if not prev:
            return None
        start, before = prev[-1][0], layout.text[prev[-1][0]:para[0]]
    before = before.rstrip()
    sent_start = max(before.rfind(c) for c in ".!?\n\"”’") + 1
    m = _INVERTED.search(before, sent_start)
    if m is None or before[sent_start:m.start()].strip() \
            or not _verb_word(m.group(1), REPORTING_VERBS | QUOTE_ONLY_VERBS):
        return None
    words = doc.char_span(start + m.start(1), start + m.end(2), alignment_mode="contract")
    name = doc.char_span(start + m.start(2), start + m.end(2), alignment_mode="contract")
    if words is None or name is None or not len(name) or layout.inside_quote(start + m.start(1)):
        return None
    return Cue((words[0].i,), words[0].i, None, name.root.i, "colon")




_PARTY_CHARS = 16  # "(R-S.C.)", "(D-Mass.)", "(I-Vt.)": what a name's parenthesis says of party and state


def _colon_speaker(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Span]:
    """``Lavrov: "…"`` - a short noun phrase alone before a colon."""
    para = layout.paragraph_of(stretch.outer[0])
    before = layout.text[para[0]:stretch.outer[0]].rstrip()
    if not before.endswith(":"):
        return None
    head_text = before[:-1].rstrip()
    name_end = head_text[:head_text.rfind("(")].rstrip().split()[-1:] if "(" in head_text else []
    # a name ends on a capital ("Ana Ortiz (D-Ohio)"); "Council meeting (Tuesday, 7pm):" heads a notice
    if head_text.endswith(")") and name_end and name_end[0][:1].isupper() \
            and len(head_text) - head_text.rfind("(") <= _PARTY_CHARS:
        head_text = head_text[:head_text.rfind("(")].rstrip()  # "Rep. Ana Ortiz (D-Ohio): "…"": party and state
    leads = [head_text.rfind(d) + len(d) - 1 for d in _NAME_LEADS if d in head_text]
    sent_start = max([head_text.rfind(c) for c in ".!?\n"] + leads) + 1
    np = doc.char_span(para[0] + sent_start, para[0] + len(head_text), alignment_mode="contract")
    # a clause ("The answer was simple:") is no name; "Ortiz was blunt:" is read by :func:`_colon_verb`
    if np is None or not 0 < len(np) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in np):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in np):
        return None
    np = np[next(k for k, t in enumerate(np) if not (t.is_punct or t.is_space)):]
    return char_range(doc, (np.start, np.end))


# '"…" ― Ana Ortiz' / '"…" — Ana Ortiz, a nurse.': a quotation that is its whole paragraph, then a dash and a
# name ending the line: the typographic attribution of pull quotes, epigraphs and collected readers' voices
_DASH_NAME = re.compile(r"[^\S\n]*(?:[―—–]|--?(?= ))[^\S\n]*([^\s,;:!?()][^\n,;:!?()]{1,59}?)[^\S\n]*"
                        r"(?:([,;])[^\n]{0,120}|\.)?[^\S\n]*(?:\n|$)")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _dash_speaker(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Span]:
    """The name after a dash that closes the line of a quotation standing as its own line."""
    line = layout.text.rfind("\n", 0, stretch.outer[0]) + 1
    if layout.text[line:stretch.outer[0]].strip():
        return None  # the quotation does not open its line: a dash there belongs to the sentence
    m = _DASH_NAME.match(layout.text, stretch.outer[1])
    if m is None:
        return None
    if m.group(2) and _YEAR.search(layout.text, m.end(1), m.end()) or m.group(1).startswith("The "):
        return None  # '"Document found on street" — The Canadian Press, August 15, 2008': a source cited
    name = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
    words = m.group(1).split()
    # every word a capitalised name word or an initial ("Julie A. Diaz Martinez", "Christina N Luis Olidem"),
    # a particle allowed inside ("Ana de la Cruz"), and the parse agrees it is a name
    if name is None or not 1 <= len(words) <= 6 or not words[0][:1].isupper() or not words[-1][:1].isupper() \
            or not all(w[:1].isupper() or w in _NAME_PARTICLES for w in words) \
            or not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name) \
            or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    return char_range(doc, (name.start, name.end))


_NAME_PARTICLES = frozenset("de del della di da van von der la le du bin ibn al el dos das y".split())


def _headline_speaker(doc: "Doc", stretch: QuoteStretch, layout: _Layout) -> Optional[Span]:
    """``Issa: Clinton's 'Honesty Is in Question'``: a one-line paragraph (a headline, a summary line) that opens
    with a short name and a colon gives its quotations to that name."""
    para = layout.paragraph_of(stretch.outer[0])
    line = layout.text[para[0]:para[1]]
    colon = line.find(": ")
    if "\n" in line.strip() or colon <= 0 or para[0] + colon > stretch.outer[0]:
        return None
    name = doc.char_span(para[0], para[0] + colon, alignment_mode="contract")
    # a headline's name may be tagged anything ("Ortiz" as an adjective): a proper noun or an entity word
    if name is None or not 0 < len(name) <= 5:
        return None
    if not _named_elsewhere(doc, name) and (
            not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in name)
            or any(t.pos_ in ("VERB", "AUX", "ADP") or t.is_punct and t.text != "." for t in name)):
        return None
    return char_range(doc, (name.start, name.end))


def _latest_before(layout: _Layout, stretch: QuoteStretch, direct: list[Draft],
                   reports: tuple[Draft, ...]) -> Optional[Draft]:
    """The quotation or report that ends last before ``stretch``: whose speaker a following unattributed quoted
    paragraph continues (``…, said Ana Ortiz, the budget director.`` then ``"We did what we could."``)."""
    before = [d for d in direct[-1:] if d.span[1] <= stretch.outer[0]]
    # a report just before names the speaker of a quotation that follows it unattributed, whether the quotation
    # opens a paragraph or goes on in the report's own ("Lynch announced the lawsuit on Monday. "We are …""); a
    # report inside the attribution of the quotation before ('"…," Clark said, noting that …. "…"') does not
    # break that statement, which goes on
    last = before[0].span[1] if before else None
    # a report in a paragraph of its own after that quotation is no part of its attribution (but an "according
    # to" names a document, and a report nested in another is that one's content)
    before += [d for d in reports if d.span[1] <= stretch.outer[0]
               and (last is None or d.span[0] >= last and (_sentence_ends(layout.text, last, d.span[0])
                                                           or "\n" in layout.text[last:d.span[0]]
                                                           and (d.cue is None or d.cue.kind != "according")
                                                           and not _nested_in(d, reports)))]
    return max(before, key=lambda d: d.span[1], default=None)


def _nested_in(draft: Draft, reports: tuple[Draft, ...]) -> bool:
    return any(o is not draft and o.span[0] <= draft.span[0] and draft.span[1] <= o.span[1] for o in reports)


def direct_drafts(doc: "Doc", cues: list[Cue], layout: _Layout, attributed: dict[int, Cue],
                  consumed: set[int], reports: tuple[Draft, ...] = ()) -> list[Draft]:
    """Direct quotes from the stretches no mixed quote took: split quotes joined, continuations inherited."""
    out: list[Draft] = []
    for i, stretch in enumerate(layout.stretches):
        if i in consumed:
            continue
        cue = attributed.get(i)
        speaker = speaker_chars(doc, cue) if cue is not None else None
        if cue is None:
            cue, speaker = attribute_stretch(doc, i, cues, layout)
        if speaker is None and cue is not None and doc[cue.verb].idx >= stretch.outer[1] \
                and doc[cue.verb].idx - stretch.outer[1] <= 80:
            speaker = speaker_after(doc, stretch, cue)
        elif speaker is not None and cue is not None and layout.inside_quote(speaker[0]):
            # "We …," Ramos, 58, told AFP: not "We"; Clinton …, telling the crowd, "Some people …": not "people"
            speaker = speaker_after(doc, stretch, cue) if doc[cue.verb].idx >= stretch.outer[1] \
                else speaker_outside(doc, cue, layout)
        if speaker is None and cue is not None:  # "Ortiz: 'It Is Not A Radical Idea' To Ask For …"
            speaker = _headline_speaker(doc, stretch, layout)
        prev = out[-1] if out else None
        if prev is not None and _continues_split(layout, prev, stretch, cue):
            prev.parts.extend(stretch.parts)
            prev.span = (prev.span[0], stretch.end)
            continue
        draft = Draft("direct", (stretch.start, stretch.end), list(stretch.parts), cue, speaker)
        if cue is not None and cue.kind == _TOPIC:  # the speaker is who the sentence before is about
            draft.cue, draft.via = None, "paragraph"
        if _embedded_term(doc, layout, stretch):
            continue
        if cue is None and speaker is None:
            source = _latest_before(layout, stretch, out, tuple(d for d in reports if not _group(doc, d)))
            if _object_of_preposition(doc, stretch):  # "with signs of "Welcome home!"": no one's continuation
                source = None
            if not _inherit(layout, source, draft, stretch) and not _stands_alone(layout, stretch):
                continue
            if draft.inherited_from is not None and source is prev and _same_statement(layout, prev, stretch):
                prev.parts.extend(stretch.parts)  # "A," she said. "B.": one statement, one more part
                prev.span = (prev.span[0], stretch.end)
                continue
        out.append(draft)
    return out


def _group(doc: "Doc", draft: Draft) -> bool:
    """Whether a report's speaker is a plural noun (``many Republicans fear …``, ``researchers believe …``): a
    group's stance, whose words a quoted paragraph after it does not go on with (one person speaks those)."""
    if draft.speaker is None:
        return False
    toks = doc.char_span(draft.speaker[0], draft.speaker[1], alignment_mode="expand")
    return toks is not None and len(toks) > 0 and toks.root.tag_ in ("NNS", "NNPS")


def _same_statement(layout: _Layout, prev: Draft, stretch: QuoteStretch) -> bool:
    """Whether an unattributed quotation that :func:`_inherit` gave the previous speaker goes on with the direct
    quote before it: only that quote's own attribution lies between them (``"We will fight," Ortiz said. "And we
    will win."``), or the quotation opens the next paragraph with no new attribution. News writes one statement
    so, and PARC-style gold annotates it as one."""
    # narration about the speaker between them (:func:`_about_speaker`) makes a second statement
    # a long attribution between them (one holding a report of its own) makes the later quotation a statement of
    # its own, by the same speaker (:func:`_inherit`)
    return prev.kind == "direct" and prev.cue is not None \
        and _sentence_ends(layout.text, prev.span[1], stretch.outer[0]) <= 1 \
        and stretch.outer[0] - prev.span[1] <= _SAME_STATEMENT_CHARS


def _continues_split(layout: _Layout, prev: Draft, stretch: QuoteStretch, cue: Optional[Cue]) -> bool:
    """``"…," he said, "…"``: the same cue between two stretches, joined by a comma or colon."""
    if prev.kind != "direct" or prev.cue is None or (cue is not None and cue is not prev.cue):
        return False
    between = layout.text[prev.parts[-1][1]:stretch.outer[0]]
    if "\n" in between or len(between) > 120:
        return False
    tail = between.rstrip()
    return tail.endswith((",", ":", "—", "–")) and (cue is prev.cue or cue is None)


def _embedded_term(doc: "Doc", layout: _Layout, stretch: QuoteStretch) -> bool:
    """A short quoted phrase inside a clause ('named "Robogee"', 'a "formal update" from', 'to "streamline"
    processing'): a term or a title, not a quotation."""
    body = layout.text[stretch.start:stretch.end]
    words = body.split()
    if len(words) > _FRAGMENT_WORDS or len(stretch.parts) > 1:
        return False
    para = layout.paragraph_of(stretch.outer[0])
    if _title_case(body) and not _title_case(layout.text[para[0]:para[1]]):  # in a headline every word is
        return not (len(words) > 1 and body[:1].isupper() and _own_sentence_start(layout, stretch))
    if _name_word(body) and not _own_sentence_start(layout, stretch):
        return True  # 'said on "DWTS."', 'renamed it "factcheckUK"': a show's or an account's name
    if _last_char(layout.text, stretch) in (",", ".", "!", "?"):
        return False  # '"Not today. Not ever," Ortiz said': punctuated inside the marks, words spoken
    before = layout.text[:stretch.outer[0]].rstrip()
    after = layout.text[stretch.outer[1]:].lstrip(" ")
    in_clause = (bool(before) and before[-1] not in ",:;—–-(.!?\n") or (after[:1].isalnum())
    if not in_clause:
        return False
    inner = doc.char_span(stretch.start, stretch.end, alignment_mode="contract")
    return len(words) <= 1 or inner is None or not any(t.pos_ in ("VERB", "AUX") for t in inner)


def _name_word(body: str) -> bool:
    """One word written as a name, a capital inside it (``DWTS``, ``factcheckUK``, ``iPlayer``): no speaker says
    such a word alone."""
    words = body.split()
    word = words[0].strip(",.;:") if len(words) == 1 else ""
    return len(word) >= 3 and word.isalnum() and any(c.isupper() for c in word[1:])


def _title_case(body: str) -> bool:
    """A name of a show, book or film ("State of the Union", "Morning Joe,"): every longer word capitalised and
    no sentence inside."""
    words = [w.strip(",.!?;:") for w in body.split()]
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    inner = body.rstrip(",.!?… ")
    return len(words) > 1 and words[0][:1].isupper() and all(w[:1].isupper() for w in long) \
        and not any(p in inner for p in (". ", "? ", "! ")) and body.rstrip()[-1:] not in "!?"


def _own_sentence_start(layout: _Layout, stretch: QuoteStretch) -> bool:
    """Whether the quotation opens its sentence (a title-cased spoken line, ""Build A Wall," they chanted")."""
    before = layout.text[:stretch.outer[0]].rstrip(" ")
    return not before or before[-1] in ".!?\n:" or before[-1] in "”\"'"


def _inherit(layout: _Layout, prev: Optional[Draft], draft: Draft, stretch: QuoteStretch) -> bool:
    """A quote with no attribution right after another's paragraph continues the same speaker."""
    if prev is None or (prev.speaker is None and prev.inherited_from is None):
        return False
    gap = layout.text[prev.span[1]:stretch.outer[0]]
    if not _sentence_like(layout.text, stretch) and not _short_line(layout.text, prev, stretch, gap):
        return False
    ends = _sentence_ends(layout.text, prev.span[1], stretch.outer[0])
    # Only the previous quote's own attribution may lie between: one sentence end, one paragraph break at most;
    # or, in the quotation's own paragraph, a sentence or two more about the speaker (below).
    long = len(gap) > _ATTRIBUTION_MAX_CHARS or len(gap) > _SAME_STATEMENT_CHARS and "\n" in gap
    if gap.count("\n\n") > 1 or long and ends <= 1:
        return False
    if ends > 1 and not _about_speaker(layout, prev.inherited_from or prev, prev.span[1], stretch.outer[0]):
        return False
    source = prev.inherited_from or prev
    draft.inherited_from = source
    draft.speaker = source.speaker
    return True


_GOING_ON = frozenset({"continue"})
# the previous quote's attribution sentence may run long ('"…," said Ana Ortiz, the director of …, who also said
# that …. "…"'): one sentence of it, in the quotation's paragraph, still lies between one statement's parts
_ATTRIBUTION_MAX_CHARS = 400
_SAME_STATEMENT_CHARS = 200
_ABOUT_MAX_SENTENCES = 2
_ABOUT_MAX_CHARS = 400
_PERSONAL = ("he", "she", "they")


def _about_speaker(layout: _Layout, source: Draft, start: int, end: int) -> bool:
    """``"…," says Melissa Roloson, 32, who works in retail. Roloson supports Clinton. "I'm a graduate …"``: news
    tells a sentence or two about the person it just quoted, then quotes them again without a new attribution.
    True when, in one paragraph (the quotation may open the next one: ``"…," Ortiz added. She then had a question
    for the crowd.`` then a quoted paragraph), every sentence after the attribution's own opens with the speaker's
    name word or a personal pronoun (another subject there is someone new, whose words the quotation might be)."""
    text = layout.text
    # the quotation may open the next paragraph ('"…," Ortiz said. She then turned to the crowd.¶"…"')
    breaks = text[start:end].rstrip().count("\n")
    if source.speaker is None or breaks or end - start > _ABOUT_MAX_CHARS:
        return False
    names = [w.strip(".,’'") for w in text[source.speaker[0]:source.speaker[1]].split()]
    names = {w for w in names if w[:1].isupper() and w.lower().rstrip(".") not in _TITLES}
    cuts = [j + 1 for j in range(start, end) if text[j] in _SENTENCE_END and not _abbreviation(text, j)
            and (j + 1 >= len(text) or text[j + 1].isspace() or text[j + 1] in "”\"’'")]
    later = cuts[1:] if cuts and cuts[0] < end else []
    if not names or not later or len(later) > _ABOUT_MAX_SENTENCES:
        return False
    opens = [cuts[0]] + later[:-1]
    for a in opens:
        words = text[a:end].split()
        while words and words[0].lower().rstrip(".") in _TITLES:
            words = words[1:]
        first = words[0].strip(",’'") if words else ""
        if first not in names and first.lower() not in _PERSONAL:
            return False
    return True


def _sentence_ends(text: str, start: int, end: int) -> int:
    """Sentence ends between two offsets: a stop followed by a space, a closing mark or the end, not one ending a
    title or an initial, nor the inside of a web address ("history.com") or a state ("(D-Conn.).")."""
    n = 0
    for j in range(start, end):
        after = text[j + 1:j + 2]
        if text[j] in _SENTENCE_END and not _abbreviation(text, j) and (not after or after.isspace()
                                                                         or after in "”\"’'") \
                and not _short_form(text, j):
            n += 1
    return n


def _short_form(text: str, j: int) -> bool:
    """Whether the full stop at ``j`` ends a short capitalised word that the text goes on after with a number or
    a lower-case word ("on Nov. 6, 2019", "in Monroe, La. on Tuesday"): an abbreviation, for no sentence opens
    so."""
    word = _word_before_stop(text, j)
    nxt = text[j + 1:j + 3].lstrip()[:1]
    return 0 < len(word) <= 4 and word[0].isupper() and text[j + 1:j + 2] == " " and (nxt.isdigit() or nxt.islower())


def _short_line(text: str, prev: Draft, stretch: QuoteStretch, gap: str) -> bool:
    """A quoted sentence of one or two words right after a direct quote's own attribution, in its paragraph
    (``"Hands up!" an officer ordered. "Step out."``): the same voice goes on, however short its words."""
    body = text[stretch.start:stretch.end].strip()
    return prev.kind == "direct" and prev.cue is not None and "\n" not in gap and len(gap) <= 80 \
        and _sentence_ends(text, prev.span[1], stretch.outer[0]) == 1 and gap.rstrip()[-1:] in _SENTENCE_END \
        and body[:1].isupper() and body[-1:] in ".!?"


def _sentence_like(text: str, stretch: QuoteStretch) -> bool:
    body = text[stretch.start:stretch.end].strip()
    # a quoted post may open with a handle or a hashtag ("@danaholt and I …")
    return len(body.split()) >= 3 and (body[:1].isupper() or body[:1] in "…[@#") and body[-1:] in ".!?,…"


def _stands_alone(layout: _Layout, stretch: QuoteStretch) -> bool:
    """An unattributed quote kept with no speaker: a long quoted sentence, or a quoted sentence of any length
    that is a whole sentence of the text by itself (``"This is unacceptable."``)."""
    text = layout.text
    body = " ".join(text[s:e] for s, e in stretch.parts)
    words = len(body.split())
    if words >= _MIN_UNATTRIBUTED_WORDS and _sentence_like(text, stretch):
        return True
    return words >= _MIN_SENTENCE_WORDS and body[:1].isupper() and body.rstrip()[-1:] in "!?.…" \
        and _own_sentence(layout, stretch)


def _own_sentence(layout: _Layout, stretch: QuoteStretch) -> bool:
    """Whether nothing but sentence boundaries lies between the quotation marks and the text around them."""
    para = layout.paragraph_of(stretch.outer[0])
    before = layout.text[para[0]:stretch.outer[0]].rstrip()
    after = layout.text[stretch.outer[1]:para[1]].lstrip()
    closed = before[-1:] in ("”", "’", '"', "'") and before[-2:-1] in _SENTENCE_END
    before_ok = not before or before[-1] in _SENTENCE_END or closed
    return before_ok and (not after or after[0].isupper() or after[0] in "“‘\"'")


def transcript_drafts(doc: "Doc", layout: _Layout) -> list[Draft]:
    """``FALLIN: I think he is trying to …`` / ``Mark Cuban: I'd consider a bid``: a paragraph that opens with a
    short name and a colon, as interview transcripts and summary lines are written, reports the rest of the
    paragraph as that person's words (an indirect record: no quotation marks, so no ``parts``). The name must be a
    person, body or place name, or a transcript's capitals; labels (``UPDATE:``, ``Note:``) are not names."""
    out: list[Draft] = []
    text = layout.text
    for start, end in layout.paragraphs:
        m = _TRANSCRIPT.match(text, start, end)
        if m is None or m.group(1).lower() in _LABELS:
            continue
        cs, ce = m.start(2), end
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if start == layout.paragraphs[0][0] and text[cs:ce].rstrip(" .\"'”’").endswith("?"):
            continue  # "Ortiz: Reformer or Spoiler?": a headline asking, not a line someone spoke
        if len(text[cs:ce].split()) < _TRANSCRIPT_MIN_WORDS or text[cs] in "“\"‘'«" \
                or any(s.outer[0] <= cs < s.outer[1] for s in layout.stretches):
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if name is None or not len(name) or not all(t.pos_ == "PROPN" or t.is_punct or t.text.isupper()
                                                    for t in name):
            continue
        capitals = m.group(1).isupper() and len(m.group(1)) > 2
        if any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in name) or not capitals \
                and not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name):
            continue
        out.append(Draft("indirect", (cs, ce), [], None, (m.start(1), m.end(1)), whole=True))
    return out


def _named_elsewhere(doc: "Doc", name) -> bool:
    """Whether a headline's one capitalised word (``Ortiz: …``), which the tagger may read as a verb or a noun in a
    line of capitals, is tagged a person's name where the article's body uses it."""
    if len(name) != 1 or not name[0].is_title or not name[0].is_alpha:
        return False
    word, at = name[0].text, name[0].i
    return any(t.text == word and t.i != at and t.ent_type_ == "PERSON" for t in doc)


def headline_drafts(doc: "Doc", layout: _Layout) -> tuple[list[Draft], set[int]]:
    """``Ortiz: Budget Cuts Would Hurt Schools.``, ``Ortiz to Teachers: 'We Will Not Back Down'``, ``Former Gov.
    Ortiz at Rally: …``: a headline that opens with a short name (with where or to whom it spoke) and a colon
    gives the rest of the line as that person's claim, as headlines write what someone said. Quotation marks in it
    make it mixed (their stretches are its parts); a label (``Breaking:``, ``The Latest:``), a date or a question
    is no claim. Only the article's first paragraph, when it is one line, is a headline here."""
    text = layout.text
    if not layout.paragraphs:
        return [], set()
    start, end = layout.paragraphs[0]
    line = text[start:end].strip()
    start += len(text[start:end]) - len(text[start:end].lstrip())
    colon = line.find(": ")
    if "\n" in line or colon <= 0 or line.rstrip(" .\"'”’").endswith("?"):
        return [], set()
    head = doc.char_span(start, start + colon, alignment_mode="contract")
    body_start = start + colon + 2
    body_end = start + len(line.rstrip(" ."))
    if head is None or not 0 < len(head) <= 8 or body_end - body_start < 8:
        return [], set()
    # the name: the words before a preposition saying to whom or where ("Ortiz to Teachers", "Ortiz at Rally")
    cut = next((t.i for t in head if t.lower_ in _HEADLINE_PREPS and t.i > head.start), head.end)
    name = doc[head.start:cut]
    if not 0 < len(name) <= 5 or name[0].lower_ in _LABELS or name[0].pos_ == "DET" or not name[0].is_title \
            and not name[0].is_upper or any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC") for t in name) \
            or not _named_elsewhere(doc, name) and (
                any(t.pos_ in ("VERB", "AUX", "ADP", "NUM") or t.is_punct and t.text not in ".-–" for t in name)
                or not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name)) \
            or any(t.is_alpha and not (t.is_title or t.is_upper) for t in name):  # "Spoiler no more:"
        return [], set()
    inside = [i for i, st in enumerate(layout.stretches) if body_start <= st.outer[0] and st.outer[1] <= end]
    if any(st.outer[0] < body_start < st.outer[1] for st in layout.stretches):
        return [], set()
    speaker = char_range(doc, (name.start, name.end))
    parts = [p for i in inside for p in layout.stretches[i].parts]
    only_quote = len(inside) == 1 and not text[body_start:layout.stretches[inside[0]].outer[0]].strip() \
        and not text[layout.stretches[inside[0]].outer[1]:body_end].strip(" .")
    if only_quote:  # "Ortiz: 'We Will Not Back Down.'" is a direct quotation, found as one
        return [], set()
    return [Draft("mixed" if parts else "indirect", (body_start, body_end), parts, None, speaker, whole=True)], \
        set(inside)


_HEADLINE_PREPS = frozenset({"to", "at", "on", "in"})
_TRANSCRIPT = re.compile(r"[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S)")
_TRANSCRIPT_MIN_WORDS = 3
_LABELS = frozenset("""update updated note correction clarification editor photo photos video watch related read
source sources via click share advertisement caption credit subscribe more also breaking exclusive analysis
opinion bombshell look revealed listen""".split())


def build_layout(text: str, stretches: list[QuoteStretch]) -> _Layout:
    return _Layout(text, paragraphs(text), stretches)
