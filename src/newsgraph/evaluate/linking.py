"""``newsgraph eval linking``: cross-article entity linking against MEANTIME-dev's cross-document gold.

The 60 documents are analysed, then linked and stored one by one (path order) into a fresh store, as an ingest
would. Gold identity is the entity's DBpedia resource (``external_ref``, ``page/`` and ``resource/`` forms
unified); only name mentions (NAM) of PER and ORG entities that carry one are gold.

Scoring is pairwise over *document entities*: a predicted entity of a document is aligned to the DBpedia ref of the
gold name mentions' heads its mentions overlap (majority; any predicted type, since linking is judged, not typing).
- precision: of the cross-document pairs of aligned predicted entities that share a global id, the share whose
  refs agree;
- recall: of the cross-document pairs of gold (document, ref) items, the share where both documents hold an
  aligned entity and the two share a global id (end to end: a name the tagger missed is a miss);
- linking recall: the same over gold pairs where both documents hold an aligned entity (linking alone).
Predicted entities that overlap no gold ref are not judged (MEANTIME links only some entities to DBpedia).
"""
from __future__ import annotations

import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Optional

from ..linking import link
from ..pipeline import Options, analyze_texts
from ..storage import open_store
from .gold import GoldDoc, read_meantime
from .report import Report, Score

TYPES = ("PER", "ORG")


def aligned_items(doc: GoldDoc, article) -> list[tuple[str, str, Optional[str]]]:
    """(gold type, ref, global id) for each predicted entity of ``article`` that overlaps gold refs."""
    gold = [m for m in doc.mentions if m.ref and m.type in TYPES and m.syntactic_type == "NAM"]
    out = []
    for entity in article.entities:
        votes: Counter = Counter()
        for mention in entity.mentions:
            for g in gold:
                start, end = g.head or (g.start, g.end)  # the head: "Irish airline Ryanair" is Ryanair
                if min(mention.end, end) > max(mention.start, start):
                    votes[(g.type, g.ref)] += 1
        if votes:
            (gtype, ref), _ = votes.most_common(1)[0]
            out.append((gtype, ref, entity.global_id))
    return out


def score_pairs(docs: list[GoldDoc], articles: list) -> dict[str, tuple[Score, Score]]:
    """Per gold type: (precision/recall end to end, precision/linking recall) as Scores."""
    out = {}
    for t in TYPES:
        gold_items = sorted({(d.id, m.ref) for d in docs for m in d.mentions
                             if m.ref and m.type == t and m.syntactic_type == "NAM"})
        pred = [(d.id, ref, gid) for d, a in zip(docs, articles) for gt, ref, gid in aligned_items(d, a) if gt == t]
        linked_pairs = {(a[0], a[1], b[0], b[1]) for a, b in combinations(pred, 2)
                        if a[0] != b[0] and a[2] and a[2] == b[2]}
        predicted = [(a, b) for a, b in combinations(pred, 2) if a[0] != b[0] and a[2] and a[2] == b[2]]
        tp_pred = sum(1 for a, b in predicted if a[1] == b[1])
        present = {(d, ref) for d, ref, _ in pred}
        gold_pairs = [(a, b) for a, b in combinations(gold_items, 2) if a[0] != b[0] and a[1] == b[1]]
        hit = [p for p in gold_pairs if (p[0][0], p[0][1], p[1][0], p[1][1]) in linked_pairs
               or (p[1][0], p[1][1], p[0][0], p[0][1]) in linked_pairs]
        both = [p for p in gold_pairs if p[0] in present and p[1] in present]
        end_to_end, linking_only = Score(f"{t} pairs (end to end)"), Score(f"{t} pairs (linking only)")
        end_to_end.add(tp=len(hit), fn=len(gold_pairs) - len(hit))
        linking_only.add(tp=len(hit), fn=len(both) - len(hit))
        # Precision is over predicted pairs (which may be more than one per gold pair when a document splits an
        # entity): scale the false positives so precision = tp_pred / len(predicted) in both rows.
        for score in (end_to_end, linking_only):
            score.fp = 0 if not predicted else len(hit) * (len(predicted) - tp_pred) / max(tp_pred, 1)
        out[t] = (end_to_end, linking_only)
    return out


def evaluate(data_dir: Path, limit: Optional[int] = None,
             options: Options = Options(stages=("entities",))) -> list[Report]:
    docs = read_meantime(Path(data_dir) / "meantime-dev")
    docs = docs[:limit] if limit else docs
    articles = list(analyze_texts(((d.text, d.dct) for d in docs), options))
    for doc, article in zip(docs, articles):
        article.id = doc.id
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "linking.db") as store:
        linked = []
        for article in link(articles, store.entity_registry()):
            store.put(article)
            linked.append(article)
        n_global = len({e.global_id for a in linked for e in a.entities if e.global_id})
    report = Report("linking", "MEANTIME-dev (cross-document)", len(docs))
    for t, (end_to_end, linking_only) in score_pairs(docs, linked).items():
        report.scores.extend([end_to_end, linking_only])
        report.extra[f"{t}_gold_pairs"] = end_to_end.n_gold
    report.extra["global_entities"] = n_global
    report.notes.append("pairs of document entities across documents: predicted = same global id, gold = same "
                        "DBpedia ref (NAM mentions of PER/ORG); unaligned predictions are not judged")
    return [report]
