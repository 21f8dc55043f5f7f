"""``newsgraph eval entities``: named-entity mentions against MEANTIME-dev and GUM news.

Gold: mentions whose syntactic type is NAM (a name) and whose type is PER, ORG or LOC. Predictions: every mention
of every entity newsgraph finds, its type mapped as DESIGN.md says (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC; other
types are not scored). Two match rules are reported: *strict* (same span, same type) and *overlap* (spans overlap,
same type, greedy one-to-one) — gold extents include determiners and titles that NER spans leave out, so overlap is
the fairer measure of finding the name and strict the measure of its exact extent.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable, Optional

from ..pipeline import Options, analyze_texts
from .gold import GoldDoc, read_gum, read_meantime
from .report import Report, Score

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
TYPES = ("PER", "ORG", "LOC")

Typed = tuple[int, int, str]


def gold_names(doc: GoldDoc) -> list[Typed]:
    return sorted({(m.start, m.end, m.type) for m in doc.mentions
                   if m.syntactic_type == "NAM" and m.type in TYPES})


def predicted_names(article) -> list[Typed]:
    out = set()
    for entity in article.entities:
        label = TYPE_MAP.get(entity.type)
        if label:
            out.update((m.start, m.end, label) for m in entity.mentions)
    return sorted(out)


def match_overlap(gold: list[Typed], pred: list[Typed]) -> int:
    """Greedy one-to-one matching of same-typed overlapping spans, largest overlap first."""
    pairs = []
    for gi, (gs, ge, gt) in enumerate(gold):
        for pi, (ps, pe, pt) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if gt == pt and overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g, used_p, matched = set(), set(), 0
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched += 1
    return matched


def judged(doc: GoldDoc, pred: list[Typed]) -> list[Typed]:
    """Predictions the gold can judge: inside annotated material, and not a name within a typed nominal.

    MEANTIME annotates the entities of its target events, not every name in the text, and its cross-document
    layer adds mentions with no syntactic type: a prediction overlapping no mention of known syntactic type is
    not judged. GUM's mentions are whole noun phrases ("team member Rodaba Noori" is a nominal whose head is
    "member"): a prediction inside a same-typed non-name mention is a right name the NAM filter cannot see, so it
    is not judged either. Recall is unchanged; precision over all predictions is reported beside it.
    """
    known = [(m.start, m.end) for m in doc.mentions if m.syntactic_type]
    nominal = [(m.start, m.end, m.type) for m in doc.mentions if m.syntactic_type and m.syntactic_type != "NAM"]
    names = gold_names(doc)

    def keep(p: Typed) -> bool:
        if not any(min(p[1], e) > max(p[0], s) for s, e in known):
            return False
        if any(min(p[1], e) > max(p[0], s) and t == p[2] for s, e, t in names):
            return True
        return not any(s <= p[0] and p[1] <= e and t == p[2] for s, e, t in nominal)
    return [p for p in pred if keep(p)]


def score_docs(name: str, docs: list[GoldDoc], articles: Iterable) -> Report:
    strict = {t: Score(f"strict {t}") for t in TYPES}
    overlap = {t: Score(f"overlap {t}") for t in TYPES}
    judged_overlap = {t: Score(f"judged-overlap {t}") for t in TYPES}
    for doc, article in zip(docs, articles):
        gold, pred = gold_names(doc), predicted_names(article)
        for t in TYPES:
            g = [x for x in gold if x[2] == t]
            p = [x for x in judged(doc, pred) if x[2] == t]
            om = match_overlap(g, p)
            judged_overlap[t].add(om, len(p) - om, len(g) - om)
        for t in TYPES:
            g = [x for x in gold if x[2] == t]
            p = [x for x in pred if x[2] == t]
            tp = len(set(g) & set(p))
            strict[t].add(tp, len(p) - tp, len(g) - tp)
            om = match_overlap(g, p)
            overlap[t].add(om, len(p) - om, len(g) - om)
    report = Report("entities", name, len(docs))
    for table in (overlap, judged_overlap, strict):
        total = Score(next(iter(table.values())).name.split()[0] + " all")
        for s in table.values():
            total.add(s.tp, s.fp, s.fn)
        report.scores.extend([*table.values(), total])
    return report


def evaluate(data_dir: Path, limit: Optional[int] = None, options: Options = Options(stages=("entities",))
             ) -> list[Report]:
    reports = []
    for name, docs in (("MEANTIME-dev", read_meantime(data_dir / "meantime-dev")),
                       ("GUM news", read_gum(data_dir / "gum", genres=("news",)))):
        docs = docs[:limit] if limit else docs
        start = time.perf_counter()
        articles = list(analyze_texts(((d.text, d.dct) for d in docs), options))
        elapsed = time.perf_counter() - start
        report = score_docs(name, docs, articles)
        report.words_per_second = sum(len(d.text.split()) for d in docs) / elapsed if elapsed else None
        report.notes.append("gold: NAM mentions of PER/ORG/LOC; predicted: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC")
        reports.append(report)
    return reports
