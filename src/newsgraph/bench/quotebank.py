"""Quotation clusters measured (issue 18): a generated set of reports of real quotations, scored, and the cost of
clustering at ingest.

**The set.** Statements are real quoted text from the public gold (GUM news quotes, and MEANTIME sentences that
carry a reporting cue), each given a made-up speaker. Every statement is reported several times the way outlets do,
by *recipes* (parameters: choose any subset): ``verbatim``, ``marks`` (other quotation marks, case, dashes),
``trim`` (a fragment of at least ``min_words`` words), ``ellipsis`` (a stretch cut out, the cut shown), ``splice``
(two fragments joined by an ellipsis), ``word`` (one word changed: drift), ``drop`` (a stretch cut out silently:
drift). Some statements get one report attributed to another named person (a true conflict) and some one report
whose pronoun points at the wrong person (not a conflict). Every report is its own article, mixed with the reports of
all other statements, and goes through the store steps a run takes (dedup, link, cluster, put).

**Scores.** Cluster pair precision/recall over pairs of reports (same statement = same cluster), conflict
precision/recall over statements, drift precision/recall over reports (a drift recipe = should be flagged).
**Cost.** The same articles through the store steps with and without the cluster step (best of ``rounds``).
"""
from __future__ import annotations

import dataclasses
import platform
import random
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from ..dedup import dedup
from ..ids import content_hash
from ..linking import link
from ..model import Article, Entity, Mention, Quote, Speaker
from ..quotebank.match import drift
from ..quotebank.step import cluster as cluster_step
from ..quotebank.words import decode, words_of
from ..storage import open_store

RECIPES = ("verbatim", "marks", "trim", "ellipsis", "splice", "word", "drop")
DRIFTING = frozenset({"word", "drop"})
_FIRST = "Anna Boris Carla Dmitri Elena Farid Greta Hugo Irene Jonas Kira Luca Mona Nils Olga Pavel".split()
_LAST = "Adler Brandt Castell Dorn Ekberg Falk Gruber Holm Ivers Jansen Keller Lund Moser Nowak Ortiz Petrov".split()
_SWAPS = {"not": "now", "never": "always", "will": "would", "more": "less", "can": "cannot", "we": "they",
          "good": "bad", "all": "some", "is": "was", "are": "were"}


@dataclass(slots=True)
class Report:
    statement: int
    recipe: str
    speaker: str
    pronoun: bool = False


@dataclass(slots=True)
class QuotebankBench:
    statements: int
    reports: int
    recipes: tuple[str, ...]
    pair_precision: float
    pair_recall: float
    conflict_precision: float
    conflict_recall: float
    drift_precision: float
    drift_recall: float
    per_recipe_recall: dict[str, float] = field(default_factory=dict)
    with_clusters_s: float = 0.0
    without_clusters_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        r = lambda v: round(v, 3)  # noqa: E731
        return {"statements": self.statements, "reports": self.reports, "recipes": list(self.recipes),
                "pair_precision": r(self.pair_precision), "pair_recall": r(self.pair_recall),
                "conflict_precision": r(self.conflict_precision), "conflict_recall": r(self.conflict_recall),
                "drift_precision": r(self.drift_precision), "drift_recall": r(self.drift_recall),
                "pair_recall_by_recipe": {k: r(v) for k, v in self.per_recipe_recall.items()},
                "articles_per_s_with_clusters": r(self.reports / self.with_clusters_s) if self.with_clusters_s else None,
                "articles_per_s_without": r(self.reports / self.without_clusters_s) if self.without_clusters_s else None,
                "rate_ratio": r(self.without_clusters_s / self.with_clusters_s) if self.with_clusters_s else None,
                "machine": platform.platform()}

    def lines(self) -> list[str]:
        d = self.as_dict()
        out = [f"{self.statements} statements, {self.reports} reports, recipes {', '.join(self.recipes)}",
               f"  cluster pairs   P {d['pair_precision']}  R {d['pair_recall']}",
               f"  conflicts       P {d['conflict_precision']}  R {d['conflict_recall']}",
               f"  drift           P {d['drift_precision']}  R {d['drift_recall']}",
               "  pair recall by recipe: " + ", ".join(f"{k} {v}" for k, v in d["pair_recall_by_recipe"].items())]
        if self.with_clusters_s:
            out.append(f"  store steps: {d['articles_per_s_with_clusters']} articles/s with clustering, "
                       f"{d['articles_per_s_without']} without (ratio {d['rate_ratio']})")
        return out


def statements(data_dir: Path, min_words: int = 8) -> list[str]:
    """Distinct real quotations: GUM's quoted stretches and MEANTIME's sentences with a reporting cue."""
    from ..evaluate.gold import read_meantime
    from ..evaluate.gold_gum import read_gum
    out: dict[tuple[str, ...], str] = {}
    for doc in read_gum(data_dir / "gum"):
        for q in doc.quotes:
            _keep(out, doc.text[q.start:q.end], min_words)
    for doc in read_meantime(data_dir / "meantime-dev"):
        for speech in doc.speech:
            start = doc.text.rfind(". ", 0, speech.cue[0]) + 2 if ". " in doc.text[:speech.cue[0]] else 0
            end = doc.text.find(". ", speech.cue[1])
            _keep(out, doc.text[start:end if end > 0 else len(doc.text)], min_words)
    return list(out.values())


def _keep(out: dict, text: str, min_words: int) -> None:
    text = re.sub(r"\s+", " ", text).strip(" \"'“”‘’")
    words = words_of(text).words
    if min_words <= len(words) <= 60:
        out.setdefault(words, text)


def _fragment(words: list[str], rng: random.Random, min_words: int) -> list[str]:
    size = rng.randint(min(len(words), max(min_words, int(len(words) * 0.6))), len(words))
    start = rng.randint(0, len(words) - size)
    return words[start:start + size]


def apply(recipe: str, text: str, rng: random.Random, min_words: int = 6) -> str:
    """One outlet's version of ``text`` by ``recipe`` (see the module docstring)."""
    words = text.split()
    n = len(words)
    if recipe == "marks":
        return re.sub(r"\s*[,;:]\s*", " — ", text).upper() if rng.random() < 0.5 else text.lower().replace(",", "")
    if recipe == "trim":
        return " ".join(_fragment(words, rng, min_words))
    if recipe in ("ellipsis", "drop") and n >= min_words + 3:
        cut = rng.randint(1, max(1, min(3, n - min_words - 1)))
        at = rng.randint(1, n - cut - 1)
        joint = " … " if recipe == "ellipsis" else " "
        return " ".join(words[:at]) + joint + " ".join(words[at + cut:])
    if recipe == "splice" and n >= 2 * min_words:
        half = n // 2
        return " ".join(words[:max(3, half - 2)]) + " … " + " ".join(words[half + 1:])
    if recipe == "word":
        folded = [w.lower().strip(".,;:!?") for w in words]
        spots = [i for i, w in enumerate(folded) if w in _SWAPS and 0 < i < n - 1] or list(range(1, n - 1))
        i = rng.choice(spots)
        words[i] = _SWAPS.get(folded[i], "significantly")
        return " ".join(words)
    return text  # verbatim, or a recipe the text is too short for


def generate(texts: list[str], recipes: Iterable[str], seed: int = 7, per_statement: int = 4,
             conflicts: float = 0.25, pronoun_misses: float = 0.25) -> list[tuple[Article, Report, str]]:
    """Articles reporting each statement ``per_statement`` times (recipes drawn in turn), in a shuffled order."""
    rng = random.Random(seed)
    recipes = tuple(recipes)
    names = [f"{f} {l}" for l in _LAST for f in _FIRST]
    rng.shuffle(names)
    out = []
    for k, text in enumerate(texts):
        speaker, other = names[(2 * k) % len(names)], names[(2 * k + 1) % len(names)]
        plan = [Report(k, "verbatim", speaker)] + [Report(k, recipes[(k + j) % len(recipes)], speaker)
                                                   for j in range(per_statement - 1)]
        roll = rng.random()
        if roll < conflicts:
            plan.append(Report(k, "verbatim", other))
        elif roll < conflicts + pronoun_misses:
            plan.append(Report(k, "verbatim", other, pronoun=True))
        for j, report in enumerate(plan):
            quoted = apply(report.recipe, text, rng)
            out.append((_article(f"s{k}r{j}", quoted, report, speaker, k), report, quoted))
    rng.shuffle(out)
    return out


def _article(article_id: str, quoted: str, report: Report, speaker: str, k: int) -> Article:
    lead = f"{report.speaker} spoke to reporters on Monday. "
    said = "He said" if report.pronoun else f"{report.speaker} said"
    body = f"{lead}{said}: “{quoted}” The remarks came during a visit to the region ({article_id})."
    start = body.index(quoted)
    name_at = body.index(report.speaker)
    ent = Entity("e1", report.speaker, "PERSON", [Mention(name_at, name_at + len(report.speaker))])
    who = body.index(said)
    speaker_span = (who, who + len(said) - len(" said"))
    quote = Quote(quoted, (start, start + len(quoted)), "direct", [(start, start + len(quoted))], "said", None,
                  Speaker(body[speaker_span[0]:speaker_span[1]], speaker_span, "e1", report.speaker))
    return Article(article_id, body, content_hash(body), published=f"2020-01-{1 + k % 28:02d}",
                   source=f"outlet{(k + len(quoted)) % 7}.example", language="en", entities=[ent], quotes=[quote])


def _ingest(store, articles: list[Article], clusters: bool) -> float:
    start = time.perf_counter()
    chain: Iterable[Article] = link(dedup(articles, store.dedup_index()), store.entity_registry())
    if clusters:
        chain = cluster_step(chain, store.quote_clusters())
    for article in chain:
        store.put(article)
    return time.perf_counter() - start


def _pairs(labels: dict[str, Any]) -> set[tuple[str, str]]:
    groups: dict[Any, list[str]] = {}
    for article, label in labels.items():
        groups.setdefault(label, []).append(article)
    return {(a, b) for members in groups.values() for a in members for b in members if a < b}


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score(store, generated: list[tuple[Article, Report, str]]) -> dict[str, Any]:
    """Pair, conflict and drift scores of the clusters in ``store`` against the generator's truth."""
    clusters = store.quote_clusters()
    truth = {a.id: r for a, r, _ in generated}
    found: dict[str, int] = {}
    drifted: set[str] = set()
    conflicted: set[int] = set()
    for row in clusters.clusters(limit=10 ** 9):
        canon = decode(row.words)
        members = clusters.occurrences(row.id)
        for o in members:
            found[o.article] = row.id
            if drift(canon, decode(o.words)).drifted:
                drifted.add(o.article)
        if row.conflict:
            votes: dict[int, int] = {}
            for o in members:
                votes[truth[o.article].statement] = votes.get(truth[o.article].statement, 0) + 1
            conflicted.add(max(votes, key=votes.get))
    gold_pairs = _pairs({a: r.statement for a, r in truth.items()})
    pred_pairs = _pairs(found)
    by_recipe = {}
    for recipe in sorted({r.recipe for r in truth.values()}):
        mine = {p for p in gold_pairs if truth[p[0]].recipe == recipe or truth[p[1]].recipe == recipe}
        by_recipe[recipe] = _ratio(len(mine & pred_pairs), len(mine))
    gold_conflicts = {r.statement for r in truth.values() if r.speaker != _majority(truth, r.statement)
                      and not r.pronoun}
    gold_drift = {a for a, r in truth.items() if r.recipe in DRIFTING}
    return {"pair": (_ratio(len(gold_pairs & pred_pairs), len(pred_pairs)),
                     _ratio(len(gold_pairs & pred_pairs), len(gold_pairs))),
            "conflict": (_ratio(len(gold_conflicts & conflicted), len(conflicted)),
                         _ratio(len(gold_conflicts & conflicted), len(gold_conflicts))),
            "drift": (_ratio(len(gold_drift & drifted), len(drifted)),
                      _ratio(len(gold_drift & drifted), len(gold_drift))),
            "by_recipe": by_recipe}


def _majority(truth: dict[str, Report], statement: int) -> str:
    speakers = [r.speaker for r in truth.values() if r.statement == statement]
    return max(set(speakers), key=speakers.count)


def run(data_dir: Path, recipes: Iterable[str] = RECIPES, seed: int = 7, per_statement: int = 4,
        rounds: int = 3, speed: bool = True) -> QuotebankBench:
    recipes = tuple(recipes)
    unknown = set(recipes) - set(RECIPES)
    if unknown:
        raise ValueError(f"unknown recipe(s) {', '.join(sorted(unknown))}; choose from {', '.join(RECIPES)}")
    texts = statements(data_dir)
    generated = generate(texts, recipes, seed=seed, per_statement=per_statement)
    articles = [a for a, _, _ in generated]
    timings = {True: [], False: []}
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "scored.db") as store:
            timings[True].append(_ingest(store, [dataclasses.replace(a) for a in articles], True))
            scores = score(store, generated)
        for i in range(rounds if speed else 0):
            for clusters in (False, True):
                with open_store(Path(tmp) / f"r{i}{clusters}.db") as store:
                    timings[clusters].append(_ingest(store, [dataclasses.replace(a) for a in articles], clusters))
    return QuotebankBench(len(texts), len(articles), recipes, *scores["pair"], *scores["conflict"],
                          *scores["drift"], scores["by_recipe"], min(timings[True]),
                          min(timings[False]) if timings[False] else 0.0)


class _WithoutClusters:
    """A store that answers "no clusters kept": the cluster step passes articles through (the baseline)."""

    def __init__(self, store):
        self._store = store

    def quote_clusters(self):
        return None

    def __getattr__(self, name):
        return getattr(self._store, name)


def pipeline_seconds(data_dir: Path, limit: int = 100, workers: int = 2) -> dict[str, Any]:
    """Whole ``ingest`` runs (extraction and NLP included) of the first ``limit`` extraction-dev pages, without
    and then with clustering, each into a fresh store: what a user's ingest rate loses to clustering."""
    from ..pipeline import Options
    from ..run import ingest
    pages = [str(p) for p in sorted((data_dir / "extraction-dev" / "html").glob("*.html*"))[:limit]]
    options = Options(workers=workers, html_extractor="fast")
    out: dict[str, Any] = {"pages": len(pages), "workers": workers}
    with tempfile.TemporaryDirectory() as tmp:
        for label, wrap in (("without", _WithoutClusters), ("with", lambda s: s)):
            with open_store(Path(tmp) / f"{label}.db") as store:
                start = time.perf_counter()
                summary = ingest(pages, wrap(store), options)
                out[f"{label}_s"] = round(time.perf_counter() - start, 2)
                out["articles"] = summary.stored
                if label == "with":
                    out["clusters"] = len(store.quote_clusters().clusters(limit=10 ** 9))
    out["rate_ratio"] = round(out["without_s"] / out["with_s"], 3)
    return out


def _rss_mb() -> float:
    import resource
    import sys
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def scale(n: int, seed: int = 3, batch: int = 1000) -> dict[str, Any]:
    """Peak resident memory while ``n`` distinct synthetic quotations (and one report in ten of an earlier one)
    are clustered into a fresh store through :func:`newsgraph.quotebank.step.register`, at a tenth of the way and at
    the end: flat when nothing grows with the corpus. Articles are made one at a time; commits every ``batch``."""
    from ..quotebank.step import register
    batch = max(1, min(batch, n // 10))  # a commit falls exactly at the tenth
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(20_000)]
    made: list[str] = []  # one in a hundred texts, to report again (bounded: n/100 short strings)
    out: dict[str, Any] = {"quotes": n}
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "scale.db") as store:
        clusters = store.quote_clusters()
        start = time.perf_counter()
        done = 0
        while done < n:
            with clusters.transaction():
                for _ in range(min(batch, n - done)):
                    if made and rng.random() < 0.1:
                        text = " ".join(rng.choice(made).split()[2:])
                    else:
                        text = " ".join(rng.choices(vocabulary, k=rng.randint(8, 30)))
                        if rng.random() < 0.01:
                            made.append(text)
                    report = Report(0, "verbatim", _FIRST[done % 16] + " " + _LAST[done // 16 % 16])
                    register(_article(f"q{done}", text, report, report.speaker, done), clusters)
                    done += 1
            if done == n // 10:
                out["rss_mb_at_tenth"] = round(_rss_mb(), 1)
        out["seconds"] = round(time.perf_counter() - start, 1)
        out["rss_mb_at_end"] = round(_rss_mb(), 1)
        out["reports_in_largest_cluster"] = clusters.clusters(limit=1)[0].occurrences
    out["ratio"] = round(out["rss_mb_at_end"] / out["rss_mb_at_tenth"], 3) if out.get("rss_mb_at_tenth") else None
    return out
