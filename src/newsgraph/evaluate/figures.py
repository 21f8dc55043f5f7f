"""Scoring the figures stage on MEANTIME ``VALUE`` gold (types MONEY, PERCENT, QUANTITY).

MEANTIME marks figures only in the title, the dateline and the first sentences of the body (sentences 0-5, the
part it annotates completely: :data:`~newsgraph.evaluate.gold.MEANTIME_ANNOTATED_SENTENCES`), so predictions and
gold past it are not scored (one development document has two VALUE spans in sentence 6; they are counted in a
note). Matching is greedy
one-to-one by overlap length ("overlap": any shared character; "strict": the exact extent). MEANTIME's VALUE has
no normalised value, so value accuracy is measured where the gold text itself states the value unambiguously
(digits with an optional currency mark and scale word: "$4.6 billion", "70,000", "15 %"), read by a rule
independent of the stage's parser. Type agreement maps amount→MONEY, percent→PERCENT, count/quantity→QUANTITY.

MEANTIME counts some things newsgraph deliberately does not (ages such as "aged 56", ordinals such as "5th",
vague words such as "many"); those stay in the gold and are charged as misses.
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterable, Optional, Sequence

from . import gold as gold_readers
from ..enrichment.figures import find_figures
from ..enrichment.nlp import DEFAULT_MODEL, load
from ..model import Figure
from .gold import MEANTIME_ANNOTATED_SENTENCES, meantime_annotated_end
from .report import Accuracy, Report, Score

Span = tuple[int, int]
TYPES = ("MONEY", "PERCENT", "QUANTITY")
KIND_TYPE = {"amount": "MONEY", "percent": "PERCENT", "count": "QUANTITY", "quantity": "QUANTITY"}
_PLAIN = re.compile(r"^(?:US\$|\$|€|£|#)?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*"
                    r"(million|billion|trillion|bn|m)?\s*(%|percent)?$", re.IGNORECASE)
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


def evaluate(data_dir: Path, limit: Optional[int] = None, model: Optional[str] = None) -> list[Report]:
    """Reports for MEANTIME-dev under ``data_dir`` (the shared ``data`` folder); empty when it is missing."""
    data_dir = Path(data_dir)
    if not (data_dir / "meantime-dev").is_dir():
        return []
    docs = gold_readers.read_meantime(data_dir / "meantime-dev")[:limit]
    return [score_meantime(docs, _parse([d.text for d in docs], model))]


def _parse(texts: list[str], model: Optional[str]) -> list:
    nlp, _ = load(model or DEFAULT_MODEL)
    return list(nlp.pipe(texts, batch_size=8))


def find_all(parsed: list) -> tuple[list[list[Figure]], float]:
    """Run ``find_figures`` over pre-parsed docs; returns the figures and words per second of that step alone."""
    words = sum(sum(1 for t in doc if not t.is_punct and not t.is_space) for doc in parsed)
    began = time.perf_counter()
    found = [find_figures(doc) for doc in parsed]
    spent = time.perf_counter() - began
    return found, (words / spent if spent > 0 else 0.0)


def match(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans, largest overlap first: ``(gold index, pred index)``."""
    pairs = sorted(((min(ge, pe) - max(gs, ps), gi, pi) for gi, (gs, ge) in enumerate(gold)
                    for pi, (ps, pe) in enumerate(pred) if min(ge, pe) > max(gs, ps)),
                   key=lambda p: (-p[0], p[1], p[2]))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return sorted(out)


def plain_value(text: str) -> Optional[float]:
    """The value a gold span states outright ("$4.6 billion" → 4.6e9); None when it needs reading."""
    m = _PLAIN.match(text.strip())
    if not m:
        return None
    value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
    return value * _SCALE.get((m.group(3) or "").lower(), 1.0)


def score_meantime(gold_docs: list, parsed: list) -> Report:
    found, speed = find_all(parsed)
    span, strict = Score("span (overlap)"), Score("span (strict)")
    value, kind = Accuracy("value (matched, plain gold)"), Accuracy("type (matched)")
    by_type = {t: Score(f"span {t}") for t in TYPES}
    errors: list[str] = []
    beyond = 0
    for doc, figures in zip(gold_docs, found):
        scope = meantime_annotated_end(doc)
        pred = [f for f in figures if f.span[1] <= scope]
        gold = [g for g in doc.values if g.end <= scope]
        beyond += len(doc.values) - len(gold)
        pairs = match([(g.start, g.end) for g in gold], [f.span for f in pred])
        span.add(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
        exact = sum(1 for gi, pi in pairs if (gold[gi].start, gold[gi].end) == pred[pi].span)
        strict.add(tp=exact, fp=len(pred) - exact, fn=len(gold) - exact)
        for gi, pi in pairs:
            kind.add(KIND_TYPE[pred[pi].kind] == gold[gi].type)
            expected = plain_value(doc.text[gold[gi].start:gold[gi].end])
            if expected is not None:
                value.add(_close(pred[pi].value, expected) or _close(pred[pi].value_max, expected))
        _by_type(by_type, gold, pred, pairs)
        errors.extend(_errors(doc, gold, pred, pairs))
    report = Report("figures", "meantime-dev", len(gold_docs), [span, strict, *by_type.values()], [value, kind],
                    words_per_second=speed)
    report.notes.append(f"scored within MEANTIME's completely annotated part: sentences "
                        f"0-{MEANTIME_ANNOTATED_SENTENCES - 1} ({beyond} gold spans past it not scored)")
    report.notes.append("speed: find_figures alone over pre-parsed docs (words = non-punctuation tokens)")
    report.extra["errors"] = errors
    return report


def _close(got: Optional[float], want: float) -> bool:
    return got is not None and abs(got - want) <= 1e-6 * max(1.0, abs(want))


def _by_type(by_type: dict[str, Score], gold: list, pred: list[Figure], pairs: list[tuple[int, int]]) -> None:
    """Per gold type: a match counts for the type when both sides agree on it."""
    for t, score in by_type.items():
        both = sum(1 for gi, pi in pairs if gold[gi].type == t and KIND_TYPE[pred[pi].kind] == t)
        n_gold = sum(1 for g in gold if g.type == t)
        n_pred = sum(1 for p in pred if KIND_TYPE[p.kind] == t)
        score.add(tp=both, fp=n_pred - both, fn=n_gold - both)


def _errors(doc, gold: list, pred: list[Figure], pairs: list[tuple[int, int]]) -> Iterable[str]:
    """One line per error, for looking at (kept in ``Report.extra``, not printed)."""
    matched = dict(pairs)
    used = set(matched.values())
    for gi, g in enumerate(gold):
        if gi not in matched:
            yield f"{doc.id}\tmissed\t{doc.text[g.start:g.end]!r}\t{g.type}\t{_context(doc.text, g.start, g.end)}"
    for pi, p in enumerate(pred):
        if pi not in used:
            yield f"{doc.id}\tspurious\t{p.text!r}\t{p.kind}\t{_context(doc.text, *p.span)}"


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    return " ".join(text[max(0, start - width): end + width].split())
