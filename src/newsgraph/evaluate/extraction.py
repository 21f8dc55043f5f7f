"""The article-extraction benchmark's metric (Zyte's article-extraction-benchmark), reproduced exactly.

Tokens are ``\\w+`` matches, case kept; a text becomes a multiset of 4-token shingles (a text shorter than 4 tokens
is one shingle, an empty text none). Per page, tp/fp/fn are shingle counts divided by tp+fp+fn so that long pages
do not weigh more. Page precision is tp/(tp+fp), page recall tp/(tp+fn) (both 1 when fp = fn = 0). Precision is
the mean page precision over pages with tp+fp > 0, recall the mean page recall over pages with tp+fn > 0, F1 the
harmonic mean of the two means; its spread is a bootstrap standard deviation over pages.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

_TOKEN = re.compile(r"\w+")
SHINGLE = 4

PageCounts = tuple[float, float, float]  # tp, fp, fn (normalised)


def shingles(text: Optional[str], n: int = SHINGLE) -> Counter:
    """The multiset of ``n``-token shingles of ``text``."""
    tokens = _TOKEN.findall(text or "")
    out: Counter = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        shingle = " ".join(tokens[i:i + n])
        if shingle:
            out[shingle] += 1
    return out


def page_counts(gold: Optional[str], predicted: Optional[str]) -> PageCounts:
    """tp, fp, fn of one page, divided by their sum (all zero when both texts are empty)."""
    want, got = shingles(gold), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _page_precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == 0 and fn == 0 else tp / (tp + fp)


def _page_recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == 0 and fn == 0 else tp / (tp + fn)


def page_recalls(pages: Sequence[PageCounts]) -> list[float]:
    """Each page's recall (pages with something to find); the benchmark's recall is their mean."""
    return [_page_recall(*c) for c in pages if c[0] + c[2] > 0]


def precision_recall_f1(pages: Sequence[PageCounts]) -> tuple[float, float, float]:
    """Mean page precision and recall (each over the pages where it is defined) and the F1 of those means."""
    precisions = [_page_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in pages if c[0] + c[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class ExtractionScore:
    precision: float
    recall: float
    f1: float
    precision_std: float
    recall_std: float
    f1_std: float
    pages: int


def _std(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5


def score(pages: Sequence[PageCounts], bootstrap: int = 1000, seed: int = 0) -> ExtractionScore:
    """P/R/F1 with bootstrap standard deviations (pages resampled with replacement; fixed seed: reproducible)."""
    p, r, f = precision_recall_f1(pages)
    rng = random.Random(seed)
    samples = [precision_recall_f1([pages[rng.randrange(len(pages))] for _ in pages]) for _ in range(bootstrap)] \
        if pages and bootstrap else [(p, r, f)]
    return ExtractionScore(p, r, f, _std([s[0] for s in samples]), _std([s[1] for s in samples]),
                           _std([s[2] for s in samples]), len(pages))
