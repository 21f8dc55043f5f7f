"""Entity stage cost against a bare ``nlp.pipe`` of the same model, same components, same texts.

Rounds alternate between the two sides so that machine noise hits both alike; the best round of each is kept.
"""
from __future__ import annotations

import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..pipeline import Options, analyze_texts


@dataclass(slots=True)
class NlpBench:
    documents: int
    words: int
    bare_seconds: float
    newsgraph_seconds: float
    model: str
    components: list[str]

    @property
    def ratio(self) -> float:
        return self.newsgraph_seconds / self.bare_seconds

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "words": self.words, "model": self.model,
                "components": self.components,
                "bare_words_per_s": round(self.words / self.bare_seconds),
                "newsgraph_words_per_s": round(self.words / self.newsgraph_seconds),
                "cost_ratio": round(self.ratio, 3), "target_ratio": 1.2, "machine": platform.platform()}

    def lines(self) -> list[str]:
        d = self.as_dict()
        return [f"texts: {self.documents} documents, {self.words:,} words; model {self.model}; "
                f"components {', '.join(self.components)}",
                f"  bare nlp.pipe          {d['bare_words_per_s']:>8,} words/s",
                f"  newsgraph entities     {d['newsgraph_words_per_s']:>8,} words/s",
                f"  cost ratio {d['cost_ratio']:.3f} (target ≤ 1.2)"]


def corpus_texts(data_dir: Path) -> list[str]:
    from ..evaluate.gold import read_gum, read_meantime
    docs = read_meantime(data_dir / "meantime-dev") + read_gum(data_dir / "gum")
    return [d.text for d in docs]


def run(data_dir: Path, repeat: int = 3, batch_size: int = 16) -> NlpBench:
    from ..enrichment.nlp import load
    texts = corpus_texts(data_dir)
    options = Options(stages=("entities",), batch_size=batch_size)
    nlp, info = load(options.model)
    list(nlp.pipe(texts[:4]))  # warm-up: first calls allocate
    bare, ours = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        list(analyze_texts(((t, None) for t in texts), options))
        ours.append(time.perf_counter() - start)
    words = sum(1 for doc in docs for tok in doc if not tok.is_punct and not tok.is_space)
    return NlpBench(len(texts), words, min(bare), min(ours), info.label, list(nlp.pipe_names))
