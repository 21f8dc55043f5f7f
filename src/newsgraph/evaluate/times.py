"""Scoring the times stage on MEANTIME TIMEX3 gold and GUM ``<date when=…>`` markup.

MEANTIME (the scored figure): every TIMEX3 with a token extent except the document creation time, anchored on the
gold creation time (``GoldDoc.dct``). The creation time's own mention is the dateline, so what we find there is
neither credited nor charged: predictions overlapping a ``CREATION_TIME`` extent are dropped before scoring.
Matching is greedy one-to-one by overlap length (any overlap counts; "strict" requires the exact extent).
Value P/R/F1: a prediction is correct when it overlaps a gold timex and has its value; P = correct / predicted,
R = correct / gold, as in TempEval-3's value score. Types are broken down by the type on each side.

GUM (report only): it marks dates (``when``), not durations or sets, so we report how many of its ``when`` dates
our DATE/TIME expressions overlap and, of those, how many agree on the value.
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterable, Optional, Sequence

from . import gold as gold_readers
from ..enrichment.nlp import DEFAULT_MODEL, load
from ..enrichment.times import resolve_all
from ..model import TimeRef
from .gold import MEANTIME_ANNOTATED_SENTENCES, meantime_annotated_end
from .report import Accuracy, Report, Score

Span = tuple[int, int]
_GUM_SECONDS = re.compile(r"(?<=T\d\d:\d\d):00$")
_GUM_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)")
TYPES = ("DATE", "TIME", "DURATION", "SET")


def evaluate(data_dir: Path, datasets: Sequence[str] = ("meantime", "gum"), limit: Optional[int] = None,
             model: Optional[str] = None) -> list[Report]:
    """Reports for the chosen datasets under ``data_dir`` (the shared ``data`` folder); missing ones are skipped."""
    reports = []
    data_dir = Path(data_dir)
    if "meantime" in datasets and (data_dir / "meantime-dev").is_dir():
        docs = gold_readers.read_meantime(data_dir / "meantime-dev")[:limit]
        reports.append(score_meantime(docs, _parse([d.text for d in docs], model)))
    if "gum" in datasets and (data_dir / "gum").is_dir():
        docs = gold_readers.read_gum(data_dir / "gum", genres=("news",))[:limit]
        reports.append(score_gum(docs, _parse([d.text for d in docs], model)))
    return reports


def _parse(texts: list[str], model: Optional[str]) -> list:
    nlp, _ = load(model or DEFAULT_MODEL)
    return list(nlp.pipe(texts, batch_size=8))


def _annotate(gold_docs: list, parsed: list) -> tuple[list[list[TimeRef]], float]:
    """Run find + resolve over pre-parsed docs; returns the refs and the words per second of that step alone."""
    words = sum(sum(1 for t in doc if not t.is_punct and not t.is_space) for doc in parsed)
    began = time.perf_counter()
    refs = [resolve_all(doc, gold.dct) for gold, doc in zip(gold_docs, parsed)]
    spent = time.perf_counter() - began
    return refs, (words / spent if spent > 0 else 0.0)


def match(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans, largest overlap first: ``(gold index, pred index)``."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                union = max(ge, pe) - min(gs, ps)
                pairs.append((overlap, union, gi, pi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))  # equal overlap: the closer-fitting span first
    used_g, used_p, out = set(), set(), []
    for _, _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return sorted(out)


def same_value(gold: Optional[str], pred: Optional[str]) -> bool:
    return bool(gold) and bool(pred) and gold.strip().upper() == pred.strip().upper()


def score_meantime(gold_docs: list, parsed: list) -> Report:
    refs, speed = _annotate(gold_docs, parsed)
    scores = _Tally()
    for doc, pred_all in zip(gold_docs, refs):
        dct_spans = [(t.start, t.end) for t in doc.timexes if t.function == "CREATION_TIME"]
        scope = meantime_annotated_end(doc)
        gold = [t for t in doc.timexes if t.function != "CREATION_TIME" and t.end <= scope]
        pred = [r for r in pred_all if r.span[1] <= scope
                and not any(r.span[0] < e and s < r.span[1] for s, e in dct_spans)]
        scores.add(doc, gold, pred)
    report = scores.report("meantime-dev", len(gold_docs), speed)
    report.notes.append("CREATION_TIME timex (the dateline) excluded from gold; predictions on it dropped")
    report.notes.append(f"scored within MEANTIME's completely annotated part: sentences "
                        f"0-{MEANTIME_ANNOTATED_SENTENCES - 1}")
    report.notes.append(f"{sum(1 for d in gold_docs if not d.dct)} documents without a creation time "
                        "are resolved without an anchor")
    return report


def score_timeml(gold_docs: list, parsed: list, dataset: str) -> Report:
    """Inline TimeML documents (:func:`.gold_timeml.read_inline_timeml`): every TIMEX3 of the whole text is gold,
    scored as MEANTIME is (overlap span, strict span, value)."""
    refs, speed = _annotate(gold_docs, parsed)
    scores = _Tally()
    for doc, pred in zip(gold_docs, refs):
        scores.add(doc, doc.timexes, pred)
    return scores.report(dataset, len(gold_docs), speed)


class _Tally:
    """Span (overlap and strict), value and per-type counts over documents, and one line per error."""

    def __init__(self) -> None:
        self.span, self.strict, self.value = Score("span (overlap)"), Score("span (strict)"), Score("value")
        self.by_type = {t: (Score(f"span {t}"), Score(f"value {t}")) for t in TYPES}
        self.misses: list[str] = []

    def add(self, doc, gold: list, pred: list[TimeRef]) -> None:
        pairs = match([(t.start, t.end) for t in gold], [r.span for r in pred])
        right = [pi for gi, pi in pairs if same_value(gold[gi].value, pred[pi].value)]
        self.span.add(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
        exact = sum(1 for gi, pi in pairs if (gold[gi].start, gold[gi].end) == pred[pi].span)
        self.strict.add(tp=exact, fp=len(pred) - exact, fn=len(gold) - exact)
        self.value.add(tp=len(right), fp=len(pred) - len(right), fn=len(gold) - len(right))
        _by_type(self.by_type, gold, pred, pairs, set(right))
        self.misses.extend(_misses(doc, gold, pred, pairs))

    def report(self, dataset: str, n_docs: int, speed: float) -> Report:
        report = Report("times", dataset, n_docs, [self.span, self.strict, self.value], words_per_second=speed)
        for s_type, v_type in self.by_type.values():
            report.scores.extend([s_type, v_type])
        report.extra["errors"] = self.misses
        return report


def _by_type(by_type: dict, gold: list, pred: list[TimeRef], pairs: list[tuple[int, int]], right: set) -> None:
    for t, (s_type, v_type) in by_type.items():
        both = [(gi, pi) for gi, pi in pairs if gold[gi].type == t and pred[pi].type == t]
        n_gold = sum(1 for g in gold if g.type == t)
        n_pred = sum(1 for p in pred if p.type == t)
        s_type.add(tp=len(both), fp=n_pred - len(both), fn=n_gold - len(both))
        ok = sum(1 for _, pi in both if pi in right)
        v_type.add(tp=ok, fp=n_pred - ok, fn=n_gold - ok)


def _misses(doc, gold: list, pred: list[TimeRef], pairs: list[tuple[int, int]]) -> Iterable[str]:
    """One line per error, for looking at (kept in ``Report.extra``, not printed)."""
    matched_g = {gi: pi for gi, pi in pairs}
    matched_p = set(matched_g.values())
    for gi, g in enumerate(gold):
        pi = matched_g.get(gi)
        text = doc.text[g.start:g.end]
        if pi is None:
            yield f"{doc.id}\tmissed\t{text!r}\t{g.type}\t{g.value}"
        elif not same_value(g.value, pred[pi].value):
            yield f"{doc.id}\tvalue\t{text!r}/{pred[pi].text!r}\t{g.value}\t{pred[pi].value}\t{doc.dct}"
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            yield f"{doc.id}\tspurious\t{p.text!r}\t{p.type}\t{p.value}"


def gum_agrees(when: Optional[str], value: Optional[str]) -> bool:
    """GUM's ``when`` against a TIMEX3 value, at GUM's precision: it writes seconds ("T22:30:00") and has no parts
    of the day, so "2015-09-17TNI" (Thursday night) agrees with "2015-09-17"."""
    if not when or not value:
        return False
    when = _GUM_SECONDS.sub("", when.strip())
    value = value.strip().upper()
    return same_value(when, value) or (_GUM_DAY.match(when) is not None and _PART_OF_DAY.fullmatch(value[len(when):])
                                       is not None and value.startswith(when))


def score_gum(gold_docs: list, parsed: list) -> Report:
    refs, speed = _annotate(gold_docs, parsed)
    found, agree = Accuracy("when dates overlapped"), Accuracy("when value agrees (matched)")
    errors: list[str] = []
    for doc, pred_all in zip(gold_docs, refs):
        gold = [d for d in doc.dates if d.when]
        pred = [r for r in pred_all if r.type in ("DATE", "TIME")]
        pairs = dict(match([(d.start, d.end) for d in gold], [r.span for r in pred]))
        for gi, g in enumerate(gold):
            found.add(gi in pairs)
            text = doc.text[g.start:g.end]
            if gi not in pairs:
                errors.append(f"{doc.id}\tmissed\t{text!r}\t{g.when}")
                continue
            ok = gum_agrees(g.when, pred[pairs[gi]].value)
            agree.add(ok)
            if not ok:
                errors.append(f"{doc.id}\tvalue\t{text!r}/{pred[pairs[gi]].text!r}\t{g.when}\t"
                              f"{pred[pairs[gi]].value}\t{doc.dct}")
    report = Report("times", "gum-news", len(gold_docs), accuracies=[found, agree], words_per_second=speed)
    report.notes.append("report only: GUM marks dates with a when= value, not durations or sets")
    report.extra["errors"] = errors
    return report
