"""``newsgraph bench search``: search and speaker-lookup latency over a store of N synthetic annotated articles.

Records are generated, not analysed (the point is the store, not the NLP): news-like sentences from a fixed
vocabulary with Zipf-like word frequencies, people and organisations as entities, one to three quotes each. The
same seed gives the same store. Latency is the wall time of one library call (``query.search`` with a fixed set of
realistic queries; ``query.quotes(speaker=…)``), reported as p50/p95 over every call.
"""
from __future__ import annotations

import random
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..ids import content_hash
from ..model import Article, Entity, Mention, Quote, Speaker

QUERIES = ("red line", "foreign minister", "election", "oil prices", "ceasefire talks", "central bank",
           "Lavrov", "Merkel said", "refugees border", "interest rates inflation", "peace agreement", "Airbus")
SPEAKERS = ("Sergey Lavrov", "Angela Merkel", "John Kerry", "Ban Ki-moon", "Christine Lagarde", "Xi Jinping",
            "Barack Obama", "Vladimir Putin", "Mario Draghi", "Tom Enders", "Jean-Claude Juncker", "Ali Khamenei")
ORGS = ("United Nations", "European Central Bank", "Airbus", "NATO", "Gazprom", "World Bank", "OPEC", "Boeing")
WORDS = ("government minister talks election oil prices ceasefire central bank refugees border interest rates "
         "inflation peace agreement forces city police market shares company profits court ruling report crisis "
         "protest vote parliament president officials week year country region army spokesman plan deal "
         "sanctions economy growth jobs workers strike summit leaders security council red line weapons").split()


def _sentence(rng: random.Random, n: int) -> str:
    # Weighted by rank: a handful of words are frequent and most are rare, as in news text.
    words = rng.choices(WORDS, weights=[1 / (i + 1) for i in range(len(WORDS))], k=n)
    return " ".join(words).capitalize() + "."


def synthetic_article(n: int, rng: random.Random) -> Article:
    """Article ``n``: title, ~120 words, two speakers and an organisation, quotes by the speakers."""
    people = rng.sample(SPEAKERS, 2)
    org = rng.choice(ORGS)
    parts, entities, quotes = [], [], []
    pos = 0
    for k, name in enumerate(people, 1):
        said = _sentence(rng, 12)
        line = f'{name} said "{said}" {_sentence(rng, 20)} '
        start = pos
        parts.append(line)
        entities.append(Entity(f"e{k}", name, "PERSON", [Mention(start, start + len(name))]))
        q_start = start + len(name) + 7
        quotes.append(Quote(said, (q_start, q_start + len(said)), "direct", [(q_start, q_start + len(said))],
                            "said", (start + len(name) + 1, start + len(name) + 5),
                            Speaker(name, (start, start + len(name)), f"e{k}", name), ["e3"]))
        pos += len(line)
    tail = f"{org} {_sentence(rng, 40)}"
    entities.append(Entity("e3", org, "ORG", [Mention(pos, pos + len(org))]))
    text = "".join(parts) + tail
    day = f"2013-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Article(id=f"s{n}", text=text, content_hash=content_hash(text), title=_sentence(rng, 6),
                   published=day, source=rng.choice(("example.org", "news.example", "wire.example")),
                   language="en", entities=entities, quotes=quotes)


@dataclass(slots=True)
class SearchBench:
    n: int
    load_seconds: float
    search_ms: dict[str, float] = field(default_factory=dict)
    quotes_ms: dict[str, float] = field(default_factory=dict)
    calls: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        return [f"store of {self.n:,} synthetic articles loaded in {self.load_seconds:.1f} s "
                f"({self.n / self.load_seconds:,.0f} articles/s)" if self.load_seconds else f"{self.n} articles",
                f"search (FTS5), {self.calls} calls: p50 {self.search_ms['p50']:.2f} ms  "
                f"p95 {self.search_ms['p95']:.2f} ms",
                f"quotes --speaker, {self.calls} calls: p50 {self.quotes_ms['p50']:.2f} ms  "
                f"p95 {self.quotes_ms['p95']:.2f} ms"]


def _percentiles(samples: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {"p50": round(cuts[49] * 1000, 3), "p95": round(cuts[94] * 1000, 3)}


def _timed(calls) -> list[float]:
    out = []
    for call in calls:
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def run(n: int = 100_000, rounds: int = 5, db: Optional[str] = None, seed: int = 13) -> SearchBench:
    """Build (or reuse, when ``db`` exists with ``n`` articles) a store of ``n`` records and time the queries."""
    from .. import query
    from ..storage import open_store
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(db) if db else Path(tmp) / "bench.db"
        with open_store(path) as store:
            load = 0.0
            if store.count() < n:
                rng = random.Random(seed)
                start = time.perf_counter()
                for i in range(store.count(), n):
                    store.put(synthetic_article(i, rng))
                load = time.perf_counter() - start
            searches = _timed([lambda q=q: query.search(store, q, limit=20) for q in QUERIES] * rounds)
            speakers = _timed([lambda s=s: query.quotes(store, speaker=s.split()[-1], limit=100)
                               for s in SPEAKERS] * rounds)
    return SearchBench(n, load, _percentiles(searches), _percentiles(speakers), len(searches))
