"""What every quote scorer shares: span overlap, one-to-one matching, and running the quote stage over gold texts
parsed once."""
from __future__ import annotations

import time
from typing import Sequence

from ..enrichment.entities import find_entities
from ..enrichment.nlp import load
from ..enrichment.quotes import find_quotes
from ..model import Quote, Span


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(pred: Sequence[Span], gold: Sequence[Span], share: float = 0.3) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, largest overlap first; a pair needs ``share`` of each span covered."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            o = overlap(p, g)
            if o and o >= share * (p[1] - p[0]) and o >= share * (g[1] - g[0]):
                pairs.append((o, i, j))
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def annotate_docs(texts: list[str]):
    """Parse texts and find entities; returns (docs, entity lists)."""
    nlp, _ = load()
    docs = list(nlp.pipe(texts, batch_size=8))
    return docs, [find_entities(d) for d in docs]


def run_quotes(docs, entities) -> tuple[list[list[Quote]], float]:
    """find_quotes over parsed docs; returns the quotes and words per second of this stage alone."""
    start = time.perf_counter()
    out = [find_quotes(d, e) for d, e in zip(docs, entities)]
    elapsed = time.perf_counter() - start
    words = sum(sum(1 for t in d if not t.is_punct and not t.is_space) for d in docs)
    return out, (words / elapsed if elapsed > 0 else 0.0)
