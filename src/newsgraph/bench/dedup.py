"""Dedup benchmark: duplicate-pair quality on real texts with programmatic copies, and speed beside datasketch.

Quality. Every pair of texts whose exact word-5-gram Jaccard is at least the threshold is a positive; the dedup
step (SQLite index, texts in a shuffled order, every verified candidate kept) predicts pairs; precision and recall
are reported per split (``dev`` recipes on MEANTIME/GUM, ``held_out`` recipes on extraction-dev bodies, see
:mod:`.dedup_corpus`), once with exact verification (the default) and once with the MinHash estimate. Per recipe:
how many copies reach the threshold and how many land in their original's story. Plus the exact duplicates of the
shared WARC sample.

Speed. Signatures per second on one core, newsgraph's :func:`~newsgraph.dedup.minhash.find` against datasketch
``MinHash(num_perm=128)`` on the same texts in the same run (rounds alternate, best kept; datasketch is fed the same
word 5-grams, its tokenising counted as ours is). Then dedup + ``store.put`` of synthetic pre-annotated records
(no NLP) into a fresh SQLite store, with resident memory half-way and at the end.
"""
from __future__ import annotations

import itertools
import os
import platform
import random
import resource
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, Optional

from ..dedup import DedupConfig, Deduplicator, MemoryDedupIndex, dedup, minhash
from ..extraction import extract
from ..ids import content_hash
from ..model import Article, Entity, Mention, Page
from ..sources import read
from ..storage import open_store
from .dedup_corpus import Doc, originals, synthetic_texts, with_copies


@dataclass(slots=True)
class PairScore:
    positives: int
    predicted: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


@dataclass(slots=True)
class Quality:
    documents: int
    originals: int
    threshold: float
    exact: dict[str, PairScore]
    estimate: dict[str, PairScore]
    recipes: dict[str, dict[str, int]]
    cross_family_pairs: int
    warc: Optional[dict[str, Any]] = None


@dataclass(slots=True)
class Speed:
    documents: int
    words: int
    ours_per_s: float
    ours_batch_per_s: float
    datasketch_per_s: Optional[float]
    datasketch_update_only_per_s: Optional[float]

    @property
    def ratio(self) -> Optional[float]:
        return None if not self.datasketch_per_s else self.ours_per_s / self.datasketch_per_s


@dataclass(slots=True)
class Ingest:
    articles: int
    seconds: float
    store_only_seconds: Optional[float]
    duplicates: int
    rss_mib_half: float
    rss_mib_end: float
    maxrss_mib: float
    db_mib: float


@dataclass(slots=True)
class DedupBench:
    quality: Optional[Quality] = None
    speed: Optional[Speed] = None
    ingest: Optional[Ingest] = None
    params: str = minhash.DEFAULT_PARAMS.label()
    machine: str = field(default_factory=platform.platform)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"params": self.params, "machine": self.machine, "cpus": os.cpu_count()}
        if self.quality:
            q = self.quality
            out["quality"] = {"documents": q.documents, "originals": q.originals, "threshold": q.threshold,
                              "exact": {k: v.as_dict() for k, v in q.exact.items()},
                              "estimate": {k: v.as_dict() for k, v in q.estimate.items()},
                              "recipes": q.recipes, "cross_family_pairs": q.cross_family_pairs, "warc": q.warc,
                              "targets": {"recall": 0.95, "precision": 0.99}}
        if self.speed:
            s = self.speed
            out["speed"] = {**asdict(s), "ratio": None if s.ratio is None else round(s.ratio, 2), "target_ratio": 4}
        if self.ingest:
            i = self.ingest
            out["ingest"] = {**asdict(i), "articles_per_s": round(i.articles / i.seconds, 1)}
        return out

    def lines(self) -> list[str]:
        out = [f"dedup benchmark — MinHash {self.params}; {self.machine}"]
        if self.quality:
            out += _quality_lines(self.quality)
        if self.speed:
            out += _speed_lines(self.speed)
        if self.ingest:
            out += _ingest_lines(self.ingest)
        return out


def _quality_lines(q: Quality) -> list[str]:
    out = [f"quality: {q.documents} texts ({q.originals} originals + copies); positives = pairs with word-5-gram "
           f"Jaccard ≥ {q.threshold} (targets: recall ≥ 0.95, precision ≥ 0.99)"]
    for name, scores in (("exact verification", q.exact), ("estimate only", q.estimate)):
        for split, s in scores.items():
            out.append(f"  {name:<19} {split:<9} positives {s.positives:>4}  predicted {s.predicted:>4}  "
                       f"precision {s.precision:.4f}  recall {s.recall:.4f}")
    out.append("  recipe          copies  J≥thr  caught(J≥thr)  caught(J<thr)  in original's story")
    for name, r in q.recipes.items():
        out.append(f"  {name:<15} {r['copies']:>6} {r['above']:>6} {r['caught_above']:>14} {r['caught_below']:>14} "
                   f"{r['same_story']:>20}")
    out.append(f"  pairs predicted between different originals: {q.cross_family_pairs}")
    if q.warc:
        w = q.warc
        out.append(f"  WARC {w['file']}: {w['articles']} articles, exact-duplicate groups {w['groups']}, "
                   f"duplicates marked {w['duplicates']}, near-duplicate pairs {w['near_pairs']}")
    return out


def _speed_lines(s: Speed) -> list[str]:
    out = [f"signatures (one core, {s.documents} texts, {s.words:,} words, 128 permutations):",
           f"  newsgraph find           {s.ours_per_s:>9,.0f} docs/s",
           f"  newsgraph batch          {s.ours_batch_per_s:>9,.0f} docs/s"]
    if s.datasketch_per_s:
        out += [f"  datasketch 2.0.0         {s.datasketch_per_s:>9,.0f} docs/s (same tokenising)",
                f"  datasketch update only   {s.datasketch_update_only_per_s:>9,.0f} docs/s (5-grams given)",
                f"  ratio {s.ratio:.2f}× (target ≥ 4×)"]
    else:
        out.append("  datasketch not installed: no reference ratio")
    return out


def _ingest_lines(i: Ingest) -> list[str]:
    out = [f"dedup + store of {i.articles:,} synthetic pre-annotated records: {i.articles / i.seconds:,.0f} "
           f"articles/s ({i.seconds:.1f} s), {i.duplicates:,} marked duplicates"]
    if i.store_only_seconds:
        out.append(f"  store only, same records: {i.articles / i.store_only_seconds:,.0f} articles/s")
    out.append(f"  RSS half-way {i.rss_mib_half:.0f} MiB, at the end {i.rss_mib_end:.0f} MiB, "
               f"peak {i.maxrss_mib:.0f} MiB; database {i.db_mib:.0f} MiB")
    return out


# -- quality -------------------------------------------------------------------------------------------------------

def true_pairs(sets: list, threshold: float) -> dict[tuple[int, int], float]:
    """Every pair of shingle sets with Jaccard ≥ threshold, exactly, through an inverted index."""
    postings: dict[int, list[int]] = defaultdict(list)
    for i, values in enumerate(sets):
        for h in values.tolist():
            postings[h].append(i)
    shared: Counter = Counter()
    for docs in postings.values():
        if len(docs) > 1:
            shared.update(combinations(docs, 2))
    out = {}
    for (a, b), inter in shared.items():
        similarity = inter / (len(sets[a]) + len(sets[b]) - inter)
        if similarity >= threshold:
            out[(a, b)] = similarity
    return out


def _predict(docs: list[Doc], order: list[int], config: DedupConfig, workdir: Path
             ) -> tuple[set[tuple[int, int]], dict[int, str]]:
    position = {d.id: i for i, d in enumerate(docs)}
    pairs, stories = set(), {}
    with open_store(workdir / f"quality-{config.verify}.db") as store:
        dedup = Deduplicator(store.dedup_index(), config)
        for i in order:
            doc = docs[i]
            decision = dedup.decide(Article(id=doc.id, text=doc.text, content_hash=content_hash(doc.text)),
                                    all_matches=True)
            stories[i] = decision.story
            for match in decision.matches:
                j = position[match.id]
                pairs.add((min(i, j), max(i, j)))
    return pairs, stories


def _score(pairs: set, truth: dict, docs: list[Doc]) -> dict[str, PairScore]:
    def split_of(pair):
        a, b = docs[pair[0]].split, docs[pair[1]].split
        return a if a == b else "cross"
    out = {}
    for split in ("dev", "held_out", "all"):
        keep = (lambda p: True) if split == "all" else (lambda p: split_of(p) == split)
        t = {p for p in truth if keep(p)}
        pred = {p for p in pairs if keep(p)}
        out[split] = PairScore(len(t), len(pred), len(t & pred))
    return out


def _recipes(docs: list[Doc], truth: dict, pairs: set, stories: dict[int, str]) -> dict[str, dict[str, int]]:
    index = {d.id: i for i, d in enumerate(docs)}
    out: dict[str, dict[str, int]] = {}
    for i, doc in enumerate(docs):
        if doc.recipe is None:
            continue
        j = index[doc.family]
        pair = (min(i, j), max(i, j))
        row = out.setdefault(doc.recipe, dict.fromkeys(
            ("copies", "above", "caught_above", "caught_below", "same_story"), 0))
        row["copies"] += 1
        row["above"] += pair in truth
        row["caught_above"] += pair in truth and pair in pairs
        row["caught_below"] += pair not in truth and pair in pairs
        row["same_story"] += stories[i] == stories[j]
    return out


def quality(data_dir: Path, threshold: float = 0.8, seed: int = 7, warc: Optional[Path] = None) -> Quality:
    docs = with_copies(originals(data_dir), seed)
    sets = [minhash.shingles(d.text) for d in docs]
    truth = true_pairs(sets, threshold)
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        exact_pairs, stories = _predict(docs, order, DedupConfig(threshold=threshold), Path(tmp))
        estimate_pairs, _ = _predict(docs, order, DedupConfig(threshold=threshold, verify="estimate"), Path(tmp))
    cross = sum(1 for a, b in exact_pairs if docs[a].family != docs[b].family)
    return Quality(len(docs), sum(d.recipe is None for d in docs), threshold, _score(exact_pairs, truth, docs),
                   _score(estimate_pairs, truth, docs), _recipes(docs, truth, exact_pairs, stories), cross,
                   warc_duplicates(warc) if warc is not None and warc.is_file() else None)


def _warc_pages(path: Path):
    """Pages of a WARC, read by newsgraph's own WARC source (the FastWARC fallback from before it existed is gone)."""
    yield from read([path])


def warc_duplicates(path: Path) -> dict[str, Any]:
    """Exact and near duplicates among a WARC's pages, each page given its own id (record position)."""
    articles = []
    for n, page in enumerate(_warc_pages(path)):
        if isinstance(page, Page):
            article = extract(page)
            if isinstance(article, Article):
                article.id = f"r{n}"
                articles.append(article)
    dedup = Deduplicator(MemoryDedupIndex())
    decisions = [(a, dedup.decide(a, all_matches=True)) for a in articles]
    groups = Counter(a.content_hash for a in articles)
    return {"file": path.name, "articles": len(articles),
            "groups": sorted(n for n in groups.values() if n > 1),
            "duplicates": [f"{a.url} {a.id}->{d.duplicate_of}" for a, d in decisions if d.duplicate_of],
            "near_pairs": sum(1 for _, d in decisions for m in d.matches if m.jaccard < 1.0)}


# -- speed ---------------------------------------------------------------------------------------------------------

def _grams(text: str, k: int = 5) -> list[bytes]:
    words = minhash.words(text)
    return [" ".join(words[i:i + k]).encode("utf-8") for i in range(max(1, len(words) - k + 1))] if words else []


def speed(texts: list[str], repeat: int = 3) -> Speed:
    try:
        from datasketch import MinHash  # the reference MinHash, from the optional bench extra
    except ImportError:
        MinHash = None
    minhash.find(texts[0])  # warm-up: builds the word-character table once
    best: dict[str, float] = defaultdict(lambda: float("inf"))

    def timed(name, func):
        start = time.perf_counter()
        func()
        best[name] = min(best[name], time.perf_counter() - start)

    grams = [_grams(t) for t in texts] if MinHash else []
    for _ in range(repeat):
        timed("ours", lambda: [minhash.find(t) for t in texts])
        timed("batch", lambda: minhash.signatures(texts))
        if MinHash:
            timed("datasketch", lambda: [MinHash(num_perm=128).update_batch(_grams(t)) for t in texts])
            timed("datasketch_update", lambda: [MinHash(num_perm=128).update_batch(g) for g in grams])
    n = len(texts)
    return Speed(n, sum(len(minhash.words(t)) for t in texts), n / best["ours"], n / best["batch"],
                 n / best["datasketch"] if MinHash else None, n / best["datasketch_update"] if MinHash else None)


# -- ingest --------------------------------------------------------------------------------------------------------

def _rss_mib() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def synthetic_articles(n: int, seed: int = 1):
    """Pre-annotated records (two entities with mentions each), so storage does its usual work; no NLP."""
    for i, text in enumerate(synthetic_texts(n, seed)):
        entities = [Entity("e1", "Person One", "PERSON", [Mention(0, 2)]), Entity("e2", "Org", "ORG", [Mention(3, 5)])]
        yield Article(id=f"s{i}", text=text, content_hash=content_hash(text), title=text[:40], entities=entities)


def _timed_ingest(db: Path, n: int, with_dedup: bool, chunk: int = 1000) -> tuple[float, int, float]:
    """Seconds spent in dedup + put (records are made in untimed chunks), duplicates marked, RSS half-way."""
    seconds, duplicates, half, done = 0.0, 0, float("nan"), 0
    records = synthetic_articles(n)
    with open_store(db) as store:
        index = store.dedup_index() if with_dedup else None
        while done < n:
            batch = list(itertools.islice(records, chunk))
            start = time.perf_counter()
            for article in (dedup(batch, index) if with_dedup else batch):
                store.put(article)
                duplicates += article.duplicate_of is not None
            seconds += time.perf_counter() - start
            done += len(batch)
            if done >= n // 2 and half != half:
                half = _rss_mib()
    return seconds, duplicates, half


def ingest(n: int, store_baseline: bool = True) -> Ingest:
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        seconds, duplicates, half = _timed_ingest(Path(tmp) / "dedup.db", n, True)
        end = _rss_mib()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2 ** 20
        baseline = _timed_ingest(Path(tmp) / "plain.db", n, False)[0] if store_baseline else None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return Ingest(n, seconds, baseline, duplicates, half, end, peak, size)


def corpus_texts(data_dir: Path) -> list[str]:
    return [d.text for d in with_copies(originals(data_dir))]


def run(data_dir: Optional[Path], *, n: int = 10_000, repeat: int = 3, threshold: float = 0.8,
        parts: tuple[str, ...] = ("quality", "speed", "ingest"), store_baseline: bool = True) -> DedupBench:
    result = DedupBench()
    if data_dir is not None and "quality" in parts:
        warc = data_dir / "warc" / "dolma-sample-0001.warc.gz"
        result.quality = quality(data_dir, threshold, warc=warc)
    if "speed" in parts:
        texts = corpus_texts(data_dir) if data_dir is not None else list(synthetic_texts(1000))
        result.speed = speed(texts, repeat)
    if "ingest" in parts and n > 0:
        result.ingest = ingest(n, store_baseline)
    return result
