"""The quotation-cluster evaluation set: its recipes do what they say, and the scorer scores (quality only; the
timings are in BENCHMARKS.md, never asserted)."""
from __future__ import annotations

import random
import tempfile
from pathlib import Path

from newsgraph.bench.quotebank import _ingest, apply, generate, score
from newsgraph.quotebank.match import drift, same_quotation
from newsgraph.quotebank.words import words_of
from newsgraph.storage import open_store

STATEMENT = ("The government will not raise taxes this year, but we are ready to cut spending where the "
             "ministries have failed to deliver")
OTHER = "Our hospitals need more nurses and more beds before the winter season begins in earnest across the country"


def test_each_recipe_keeps_or_changes_the_words_as_documented():
    rng = random.Random(1)
    base = words_of(STATEMENT)
    for recipe in ("verbatim", "marks", "trim", "ellipsis", "splice"):
        version = words_of(apply(recipe, STATEMENT, rng))
        assert same_quotation(base, version), recipe
        assert not drift(base, version).drifted, recipe
    for recipe in ("word", "drop"):
        version = words_of(apply(recipe, STATEMENT, rng))
        assert same_quotation(base, version) and drift(base, version).drifted, recipe


def test_scores_of_a_small_generated_set():
    generated = generate([STATEMENT, OTHER], ("trim", "word"), conflicts=1.0, pronoun_misses=0.0)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.db") as store:
        _ingest(store, [a for a, _, _ in generated], clusters=True)
        scores = score(store, generated)
    assert scores["pair"] == (1.0, 1.0)
    assert scores["conflict"] == (1.0, 1.0)  # both statements have one report put in another's mouth
    assert scores["drift"][1] == 1.0


def test_the_scale_run_reports_memory_at_a_tenth_and_at_the_end():
    from newsgraph.bench.quotebank import scale
    found = scale(300)
    assert found["quotes"] == 300 and found["rss_mb_at_tenth"] > 0 and found["rss_mb_at_end"] > 0
    assert found["reports_in_largest_cluster"] >= 1
