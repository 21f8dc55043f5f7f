"""Entity stage cost against a bare ``nlp.pipe`` of the same model as spaCy installs it, on the same texts.

The reference is ``spacy.load(model)`` untouched (all its components, thinc's default ops). Beside it: the model
as newsgraph loads it (:func:`newsgraph.enrichment.nlp.load`: indexed attribute-ruler match, numpy matrix
products, lemmas on demand; the same annotations) and the whole entity stage on top of that, and what the figures
and times annotators, and the quotes annotator, add over the same parsed documents (dated as the seed). Rounds alternate between the sides
so that machine noise hits all alike; the best round of each is kept.
"""
from __future__ import annotations

import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..enrichment.entities import find_entities
from ..enrichment.figures import FigureAnnotator
from ..enrichment.nlp import load
from ..enrichment.quotes import QuoteAnnotator
from ..enrichment.times import TimeAnnotator
from ..evaluate.gold import read_gum, read_meantime
from ..model import Article
from ..pipeline import Options, analyze_texts


@dataclass(slots=True)
class NlpBench:
    documents: int
    words: int
    bare_seconds: float
    newsgraph_seconds: float
    model: str
    components: list[str]
    loaded_seconds: float = 0.0  # nlp.pipe of the model as newsgraph loads it, without the annotator
    figures_times_seconds: float = 0.0  # the figures and times annotators over the same parsed documents
    quotes_seconds: float = 0.0  # the quotes annotator over the same parsed documents and their entities

    @property
    def ratio(self) -> float:
        return self.newsgraph_seconds / self.bare_seconds

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "words": self.words, "model": self.model,
                "components": self.components,
                "bare_words_per_s": round(self.words / self.bare_seconds),
                "loaded_words_per_s": round(self.words / self.loaded_seconds) if self.loaded_seconds else None,
                "newsgraph_words_per_s": round(self.words / self.newsgraph_seconds),
                "cost_ratio": round(self.ratio, 3), "target_ratio": 1.2,
                "figures_times_share": round(self.figures_times_seconds / self.newsgraph_seconds, 3),
                "quotes_share": round(self.quotes_seconds / self.newsgraph_seconds, 3),
                "machine": platform.platform()}

    def lines(self) -> list[str]:
        d = self.as_dict()
        return [f"texts: {self.documents} documents, {self.words:,} words; model {self.model}; "
                f"components {', '.join(self.components)}",
                f"  bare nlp.pipe (spaCy as installed)   {d['bare_words_per_s']:>8,} words/s",
                f"  nlp.pipe, model as newsgraph loads it {d['loaded_words_per_s'] or 0:>7,} words/s",
                f"  newsgraph entities                   {d['newsgraph_words_per_s']:>8,} words/s",
                f"  cost ratio {d['cost_ratio']:.3f} (target ≤ 1.2)",
                f"  figures + times stages add {d['figures_times_share']:.1%} to the entity stage (target ≤ 15%)",
                f"  quote stage adds {d['quotes_share']:.1%} to the entity stage (target ≤ 20%)"]


def corpus_texts(data_dir: Path) -> list[str]:
    docs = read_meantime(data_dir / "meantime-dev") + read_gum(data_dir / "gum")
    return [d.text for d in docs]


def run(data_dir: Path, repeat: int = 3, batch_size: int = 16) -> NlpBench:
    import spacy  # heavy: loaded only when the benchmark runs (`newsgraph bench --help` stays quick)

    texts = corpus_texts(data_dir)
    options = Options(stages=("entities",), batch_size=batch_size)
    nlp, info = load(options.model)
    plain = spacy.load(options.model)
    for model in (nlp, plain):
        list(model.pipe(texts[:4]))  # warm-up: first calls allocate
    later = (FigureAnnotator(), TimeAnnotator())
    quoting = QuoteAnnotator()
    bare, loaded, ours, extra, quotes = [], [], [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        docs = list(plain.pipe(texts, batch_size=batch_size))
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        parsed = list(nlp.pipe(texts, batch_size=batch_size))
        loaded.append(time.perf_counter() - start)
        articles = [Article(id=str(i), text=t, content_hash="", published="2013-05-04") for i, t in enumerate(texts)]
        start = time.perf_counter()
        for article, doc in zip(articles, parsed):
            for annotator in later:
                annotator.annotate(article, doc)
        extra.append(time.perf_counter() - start)
        for article, doc in zip(articles, parsed):
            article.entities = find_entities(doc)
        start = time.perf_counter()
        for article, doc in zip(articles, parsed):
            quoting.annotate(article, doc)
        quotes.append(time.perf_counter() - start)
        start = time.perf_counter()
        list(analyze_texts(((t, None) for t in texts), options))
        ours.append(time.perf_counter() - start)
    words = sum(1 for doc in docs for tok in doc if not tok.is_punct and not tok.is_space)
    return NlpBench(len(texts), words, min(bare), min(ours), info.label, list(plain.pipe_names), min(loaded),
                    min(extra), min(quotes))
