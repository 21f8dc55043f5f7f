"""Scoring the quotes stage on PolNeAR (political news, PARC-style attribution relations).

- Content spans are matched one to one, largest overlap first; a pair needs the overlap to cover ≥ 30% of each
  span. A predicted quote's content span runs from its first part to its last (direct) or is its ``span``.
- *direct + mixed*: gold contents holding a quotation mark against predicted direct and mixed quotes.
- *all attributions*: every gold content (indirect, unsourced and non-verbal ones too) against every prediction.
- *speaker right* on matched direct + mixed quotes: the predicted speaker's span overlaps the gold source (a
  relative ``who``/``which`` source counts its antecedent too), or the gold source's name words all appear in the
  predicted speaker's resolved name or written phrase; where the annotation swapped its source and cue labels (a
  source of cue words alone beside a cue that names someone) the cue is the source. Where gold has no source,
  only a null speaker is right: naming someone for words nobody in the text is said to have spoken is an error,
  with or without an entity.
- Error classes (issue 12), told apart from gold and prediction alone: see :func:`error_class`.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Optional, Sequence

from ..model import Quote, Span
from .gold_polnear import GoldAttribution, PolnearDoc, antecedent, apposed_name, read_polnear
from .quote_runs import annotate_docs, match_spans, overlap, run_quotes
from .report import Accuracy, Report, Score

CLASSES = {
    1: "continuation (one statement split or its later part unattributed)",
    2: "speaker governed from higher up (null or wrong noun)",
    3: "paragraph attribution (source outside the sentence)",
    4: "attribution beyond 'said' missed",
    5: "indirect speech missed",
    6: "pronoun resolved to the wrong person",
    7: "entity under the speaker (right phrase, wrong entity)",
    8: "precision (quote or speaker where gold has none)",
}
# Words of a source that are not part of a name: titles, determiners, pronouns.
_NOT_NAME = frozenset("""mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. president
senator governor the a an he she they it we i his her their its former vice candidate nominee secretary
democratic republican gop u.s. us""".split())
_SAYING = frozenset("say said says saying tell told tells telling add added adds adding".split())


def name_words(text: str) -> set[str]:
    """Capitalised words of a phrase that are not titles or pronouns (``Sen. Ana Ortiz`` → {ana, ortiz})."""
    out = set()
    for w in re.findall(r"[A-Z][\w'’.-]*", text):
        w = re.sub(r"['’]s$", "", w).rstrip(".").lower()
        if w and w not in _NOT_NAME and w + "." not in _NOT_NAME:
            out.add(w)
    return out


# Words of a cue. A gold "source" made of these alone, beside a "cue" that names someone, is an annotation whose two
# labels were swapped ('"…," said Holan.' annotated with source "said" and cue "Holan").
_CUE_WORDS = frozenset("""say said says tell told tells ask asked asks add added adds write wrote writes according
to tweet tweeted tweets note noted notes explain explained explains continue continued continues reply replied
replies""".split())
_PERSONAL = frozenset("he she they we i".split())


def swapped_labels(text: str, gold: GoldAttribution) -> bool:
    """Whether gold's source holds only cue words while its cue holds a name or a personal pronoun."""
    said = re.findall(r"[\w’']+", " ".join(text[s:e] for s, e in gold.source).lower())
    if not said or not all(w in _CUE_WORDS for w in said):
        return False
    cue = " ".join(text[s:e] for s, e in gold.cue)
    return bool(name_words(cue)) or any(w in _PERSONAL for w in cue.lower().split())


def source_targets(text: str, gold: GoldAttribution) -> tuple[list[Span], set[str]]:
    """The spans a right speaker may overlap and the name words it may carry instead (the cue's, where gold's two
    labels were swapped: :func:`swapped_labels`)."""
    sources = gold.cue if swapped_labels(text, gold) else gold.source
    spans = list(sources)
    words: set[str] = set()
    for s, e in sources:
        ante = antecedent(text, (s, e))
        name = apposed_name(text, (s, e))  # "Dana Ruiz, a retired teacher who …": her name words, not the role's
        if ante is not None:
            spans.append(ante)
        if name is not None:
            spans.append(name)
        if name is not None or ante is not None:
            words |= name_words(text[slice(*(name or ante))])
        words |= name_words(text[s:e])
    return spans, words


def speaker_right(text: str, quote: Quote, gold: GoldAttribution) -> bool:
    """Whether the predicted speaker is the gold source (module docstring)."""
    if not gold.source:
        return quote.speaker is None
    if quote.speaker is None:
        return False
    spans, words = source_targets(text, gold)
    if any(overlap(quote.speaker.span, t) for t in spans):
        return True
    said = name_words(quote.speaker.name or "") | name_words(quote.speaker.text)
    return bool(words) and words <= said


def content_span(quote: Quote) -> Span:
    if quote.kind == "direct" and quote.parts:
        return quote.parts[0][0], quote.parts[-1][1]
    return quote.span


def _pronoun(text: str, span: Span) -> bool:
    return text[span[0]:span[1]].strip().lower() in ("he", "she", "they", "it", "we", "i", "him", "her")


def error_class(text: str, gold: Optional[GoldAttribution], quote: Optional[Quote],
                others: Sequence[Quote] = ()) -> Optional[int]:
    """The issue's class of one scored case, or None when it is right.

    ``gold`` and ``quote`` are a matched pair, or one of them alone (a miss, a false alarm); ``others`` are the
    predictions overlapping a missed gold content. A missed quotation that several predictions cut into pieces, or
    one whose later part had no attribution, is 1; a missed content with a cue other than a verb of saying is 4
    when quoted and 5 when indirect; a false alarm, or a speaker where gold has none, is 8. A wrong speaker is 6
    when the prediction is a pronoun, 7 when its phrase names the source but its entity does not, 3 when null and
    the source lies outside the content's sentence, 2 otherwise."""
    if gold is None:
        return 8
    quoted = gold.quoted(text)
    if quote is None:
        if quoted and (len(others) > 1 or len(gold.content) > 1):
            return 1
        cue = " ".join(text[s:e] for s, e in gold.cue).lower().split()
        if quoted:
            return 4 if not (set(cue) & _SAYING) else 1 if others else 4
        return 5
    if speaker_right(text, quote, gold):
        return None
    if not gold.source:
        return 8
    sp = quote.speaker
    if sp is None:
        return 3 if _outside_sentence(text, gold) else 2
    if _pronoun(text, sp.span):
        return 6
    if name_words(text[gold.source[0][0]:gold.source[-1][1]]) & name_words(sp.text):
        return 7
    return 1 if getattr(sp, "via", None) == "continuation" else 2


def _outside_sentence(text: str, gold: GoldAttribution) -> bool:
    """Whether a sentence end lies between the gold source and the content it speaks."""
    s = gold.source[0]
    a, b = gold.span
    lo, hi = (s[1], a) if s[1] <= a else (b, s[0])
    if lo >= hi:
        return False
    return bool(re.search(r"[.!?][”\"’]?\s", text[lo:hi])) or "\n" in text[lo:hi]


def evaluate_polnear(docs: Sequence[PolnearDoc], name: str = "polnear-dev") -> Report:
    parsed, ents = annotate_docs([d.text for d in docs])
    predicted, wps = run_quotes(parsed, ents)
    report = score_polnear(docs, predicted, name)
    report.words_per_second = wps
    return report


def score_polnear(docs: Sequence[PolnearDoc], predicted: Sequence[Sequence[Quote]],
                  name: str = "polnear-dev") -> Report:
    """Scores of predicted quotes against the gold of each document (the pure part of the evaluation)."""
    quoted, every = Score("direct+mixed (overlap 30%)"), Score("all attributions incl. indirect")
    speaker = Accuracy("speaker on matched direct+mixed")
    speaker_all = Accuracy("speaker on all matched")
    via: dict[str, Accuracy] = {}
    classes: Counter = Counter()
    for doc, quotes in zip(docs, predicted):
        text = doc.text
        gq = [g for g in doc.attributions if g.quoted(text)]
        pq = [q for q in quotes if q.kind != "indirect"]
        pairs = match_spans([content_span(q) for q in pq], [g.span for g in gq])
        quoted.add(tp=len(pairs), fp=len(pq) - len(pairs), fn=len(gq) - len(pairs))
        for i, j in pairs:
            ok = speaker_right(text, pq[i], gq[j])
            speaker.add(ok)
            kind = f"speaker via {pq[i].speaker.via or 'unknown'}" if pq[i].speaker is not None else "speaker null"
            via.setdefault(kind, Accuracy(kind)).add(ok)
        all_pairs = match_spans([content_span(q) for q in quotes], [g.span for g in doc.attributions])
        every.add(tp=len(all_pairs), fp=len(quotes) - len(all_pairs), fn=len(doc.attributions) - len(all_pairs))
        for i, j in all_pairs:
            speaker_all.add(speaker_right(text, quotes[i], doc.attributions[j]))
        _count_classes(classes, text, doc.attributions, quotes, all_pairs)
    report = Report("quotes", name, len(docs), [quoted, every],
                    [speaker, *sorted(via.values(), key=lambda a: a.name), speaker_all])
    report.extra["error_classes"] = {str(k): {"class": CLASSES[k], "n": classes.get(k, 0)} for k in CLASSES}
    for k, label in CLASSES.items():
        report.notes.append(f"error class {k} ({label}): {classes.get(k, 0)}")
    report.notes.append("a content span holding a quotation mark is direct+mixed; spans match one to one when the "
                        "overlap covers 30% of each; where gold has no source only a null speaker is right")
    return report


def _count_classes(classes: Counter, text: str, golds: list[GoldAttribution], quotes: Sequence[Quote],
                   pairs: list[tuple[int, int]]) -> None:
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for i, j in pairs:
        k = error_class(text, golds[j], quotes[i])
        if k:
            classes[k] += 1
    for j, g in enumerate(golds):
        if j not in matched_g:
            others = [q for q in quotes if overlap(content_span(q), g.span)]
            classes[error_class(text, g, None, others)] += 1
    for i, q in enumerate(quotes):
        if i not in matched_p and q.kind != "indirect":
            classes[8] += 1


def evaluate(data_dir: Path, splits: Sequence[str] = ("dev",), limit: Optional[int] = None) -> list[Report]:
    """Reports for the PolNeAR splits found under ``data_dir/polnear``."""
    out = []
    for split in splits:
        folder = Path(data_dir) / "polnear" / split
        if folder.is_dir():
            out.append(evaluate_polnear(read_polnear(folder, limit), f"polnear-{split}"))
    return out
