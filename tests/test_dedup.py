"""Near-duplicates and stories: MinHash accuracy, exact/near duplicates, stable story ids (newsgraph.dedup)."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.dedup import DedupConfig, Deduplicator, MemoryDedupIndex, MinHashParams, dedup, minhash
from newsgraph.errors import ConfigError
from newsgraph.ids import content_hash
from newsgraph.model import Article, Rejected
from newsgraph.query.stories import story
from newsgraph.storage import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
VOCAB = [f"w{i}" for i in range(400)] + ["the", "a", "of", "said", "minister", "police", "city", "on", "in"]


def article(article_id: str, text: str, **kw) -> Article:
    return Article(id=article_id, text=text, content_hash=content_hash(text), **kw)


def paragraphs(seed: int, n: int = 8, words: int = 60) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(VOCAB) for _ in range(words)).capitalize() + "." for _ in range(n)]


def exact_word_jaccard(a: str, b: str, k: int = 5) -> float:
    def grams(text):
        w = minhash.words(text)
        return {tuple(w[i:i + k]) for i in range(max(1, len(w) - k + 1))} if w else set()
    ga, gb = grams(a), grams(b)
    return len(ga & gb) / len(ga | gb) if ga | gb else 1.0


@pytest.fixture(params=["memory", "sqlite"])
def index_factory(request, tmp_path):
    stores = []

    def make():
        if request.param == "memory":
            return MemoryDedupIndex()
        # One file per index: a store's index holds its write transaction open until the next put (or close).
        store = open_store(tmp_path / f"news{len(stores)}.db")
        stores.append(store)
        return store.dedup_index()
    yield make
    for s in stores:
        s.close()


# -- the pure half -------------------------------------------------------------------------------------------------

def _reference_word_hash(word: str) -> int:
    weights = minhash._char_weights()
    h = 0
    for i, ch in enumerate(word):
        h = (h + (ord(ch) + 1) * int(weights[min(i, len(weights) - 1)])) % (1 << 64)
    return int(minhash._splitmix(np.array([h], dtype=np.uint64))[0])


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
@settings(max_examples=150, deadline=None)
def test_vectorised_tokeniser_matches_the_regex_words(text):
    expected = [_reference_word_hash(w) for w in minhash.words(text)]
    assert minhash.word_hashes(text).tolist() == expected


@st.composite
def text_pairs(draw):
    base = draw(st.lists(st.sampled_from(VOCAB), min_size=30, max_size=300))
    other = list(base)
    for _ in range(draw(st.integers(0, len(base)))):
        pos = draw(st.integers(0, len(other) - 1))
        action = draw(st.sampled_from(["replace", "delete", "insert"]))
        if action == "replace":
            other[pos] = draw(st.sampled_from(VOCAB))
        elif action == "delete" and len(other) > 6:
            del other[pos]
        else:
            other.insert(pos, draw(st.sampled_from(VOCAB)))
    return " ".join(base), " ".join(other)


@given(text_pairs())
@settings(max_examples=120, deadline=None)
def test_minhash_estimate_is_close_to_true_jaccard(pair):
    a, b = pair
    true = exact_word_jaccard(a, b)
    # 32-bit shingle hashes: the hashed-set Jaccard equals the true one unless two shingles collide.
    assert minhash.jaccard(minhash.shingles(a), minhash.shingles(b)) == pytest.approx(true, abs=0.01)
    estimate = minhash.estimated_jaccard(minhash.find(a), minhash.find(b))
    # standard error sqrt(J(1-J)/128) <= 0.044: 0.2 is beyond 4.5 of them
    assert abs(estimate - true) <= 0.2


def test_estimate_is_unbiased_over_many_pairs():
    errors = []
    for seed in range(60):
        paras = paragraphs(seed, n=10)
        copy = paras[:]
        copy[seed % 10] = paragraphs(1000 + seed, n=1)[0]
        a, b = "\n\n".join(paras), "\n\n".join(copy)
        errors.append(minhash.estimated_jaccard(minhash.find(a), minhash.find(b)) - exact_word_jaccard(a, b))
    assert abs(float(np.mean(errors))) < 0.02
    assert float(np.std(errors)) < 0.06


def test_signatures_in_batch_equal_one_by_one():
    texts = ["\n\n".join(paragraphs(s, n=s % 5 + 1)) for s in range(30)] + ["", "one two", "!!!"]
    batch = minhash.signatures(texts, chunk=300)
    assert all((batch[i] == minhash.find(t)).all() for i, t in enumerate(texts))


def test_signature_is_a_pure_function_of_normalised_text():
    text = "\n\n".join(paragraphs(3))
    assert (minhash.find(text) == minhash.find(text.upper().replace(" ", "  \n"))).all()
    assert not (minhash.find(text) == minhash.find("\n\n".join(paragraphs(4)))).all()


def test_texts_without_words_have_no_bands():
    assert minhash.band_keys(minhash.find("¡ — !")) == []
    assert len(minhash.band_keys(minhash.find("one"))) == minhash.DEFAULT_PARAMS.bands


def test_s_curve_of_the_default_bands():
    p = minhash.DEFAULT_PARAMS
    assert p.candidate_probability(0.8) > 0.99
    assert p.candidate_probability(0.3) < 0.02
    with pytest.raises(ValueError):
        MinHashParams(bands=30, rows=6)


# -- the step ------------------------------------------------------------------------------------------------------

def test_exact_duplicate_points_at_the_first(index_factory):
    text = "\n\n".join(paragraphs(1))
    a, b = article("a", text), article("b", text)
    out = list(dedup([a, b], index_factory()))
    assert (out[0].duplicate_of, out[0].story) == (None, "a")
    assert (out[1].duplicate_of, out[1].story) == ("a", "a")


def test_near_duplicate_with_one_paragraph_changed_is_found(index_factory):
    paras = paragraphs(2, n=10)
    changed = paras[:]
    changed[4] = paragraphs(99, n=1)[0]
    original, copy = "\n\n".join(paras), "Share this article\n\n" + "\n\n".join(changed)
    assert 0.8 <= exact_word_jaccard(original, copy) < 1.0
    out = list(dedup([article("a", original), article("b", copy)], index_factory()))
    assert (out[1].duplicate_of, out[1].story) == ("a", "a")


def test_a_different_article_is_not_merged(index_factory):
    shared_topic = " ".join(["minister", "police", "city"] * 20)
    a = shared_topic + " " + "\n\n".join(paragraphs(5))
    b = shared_topic + " " + "\n\n".join(paragraphs(6))
    out = list(dedup([article("a", a), article("b", b)], index_factory()))
    assert (out[1].duplicate_of, out[1].story) == (None, "b")


def test_same_topic_articles_from_meantime_are_not_merged(index_factory):
    if not (SHARED / "data" / "meantime-dev").is_dir():
        pytest.skip(f"shared data not available: {SHARED / 'data' / 'meantime-dev'}")
    from newsgraph.evaluate.gold import read_meantime
    docs = read_meantime(SHARED / "data" / "meantime-dev")
    out = list(dedup([article(d.id, d.text) for d in docs], index_factory()))
    assert len({d.topic for d in docs}) < len(docs)  # several articles per topic: a real same-topic test
    assert [a.id for a in out if a.duplicate_of] == []
    # and a lightly edited copy of one of them is still caught: last sentence dropped, a footer added
    body = docs[0].text
    copy = body[:body.rstrip().rindex(". ") + 1] + "\nRead more: subscribe to our newsletter."
    assert exact_word_jaccard(body, copy) >= 0.8
    again = list(dedup([article("copy", copy)], _indexed(out, index_factory)))
    assert again[0].duplicate_of == docs[0].id


def _indexed(articles, index_factory):
    index = index_factory()
    list(dedup(articles, index))
    return index


def test_duplicate_of_is_the_earliest_near_identical(index_factory):
    base = "\n\n".join(paragraphs(6, n=10))
    texts = [base, base + "\n\nShare this article on Facebook", base + "\n\nPhoto: AP. All rights reserved"]
    out = list(dedup([article(f"w{i}", t) for i, t in enumerate(texts)], index_factory()))
    assert exact_word_jaccard(texts[2], texts[1]) >= 0.8  # w2 is near both earlier ones
    assert [(a.duplicate_of, a.story) for a in out] == [(None, "w0"), ("w0", "w0"), ("w0", "w0")]


def test_exact_duplicates_come_first_and_story_is_transitive(index_factory):
    paras = paragraphs(7, n=20)
    v1 = "\n\n".join(paras)
    v2 = "\n\n".join(paras[:19] + paragraphs(70, n=1))
    v3 = "\n\n".join(paras[:17] + paragraphs(71, n=2) + paragraphs(70, n=1))
    assert exact_word_jaccard(v2, v1) >= 0.8 and exact_word_jaccard(v3, v2) >= 0.8 > exact_word_jaccard(v3, v1)
    out = list(dedup([article("v1", v1), article("v2", v2), article("v2copy", v2), article("v3", v3)],
                     index_factory()))
    # an exact copy points at the earliest article with the same content hash, as the store does
    assert [a.duplicate_of for a in out] == [None, "v1", "v2", "v2"]
    assert {a.story for a in out} == {"v1"}  # v3 is not near v1 but joins its story through v2


def test_rejected_items_pass_through(index_factory):
    rejected = Rejected("x.txt", "not_article")
    assert list(dedup([rejected], index_factory())) == [rejected]


def test_revision_is_reindexed_in_place(index_factory):
    index = index_factory()
    base, other = "\n\n".join(paragraphs(8)), "\n\n".join(paragraphs(9))
    list(dedup([article("a", base), article("b", other)], index))
    # b is revised into a copy of a: it now points at a; a never points forward at b
    revised = list(dedup([article("b", base + " updated")], index))[0]
    assert revised.duplicate_of == "a"
    first = list(dedup([article("a", base + " fixed typo")], index))[0]
    assert first.duplicate_of is None and first.story == "a"


def test_parameters_are_bound_to_the_index(index_factory):
    index = index_factory()
    Deduplicator(index)
    with pytest.raises(ConfigError):
        Deduplicator(index, DedupConfig(params=MinHashParams(k=3)))


def test_estimate_verification_also_finds_the_copy(index_factory):
    paras = paragraphs(11, n=10)
    copy = "\n\n".join(paras[:9] + ["Photo: Reuters"])
    out = list(dedup([article("a", "\n\n".join(paras)), article("b", copy)], index_factory(),
                     DedupConfig(verify="estimate")))
    assert out[1].duplicate_of == "a"


# -- with the store: incremental, stable, story view --------------------------------------------------------------

def _ingest(db, articles):
    with open_store(db) as store:
        results = []
        for a in dedup(articles, store.dedup_index()):
            results.append(store.put(a))
        return results


def test_story_ids_are_stable_under_reingest_and_across_runs(tmp_path):
    db = tmp_path / "news.db"
    paras = paragraphs(12, n=10)
    original = "\n\n".join(paras)
    near = "\n\n".join(paras[:9] + paragraphs(120, n=1))
    unrelated = "\n\n".join(paragraphs(13))
    first = _ingest(db, [article("a", original), article("b", near), article("c", unrelated)])
    assert [(r.duplicate_of, r.story) for r in first] == [(None, "a"), ("a", "a"), (None, "c")]
    again = _ingest(db, [article("a", original), article("b", near), article("c", unrelated)])
    assert [(r.status.value, r.duplicate_of, r.story) for r in again] == [
        ("skipped", None, "a"), ("skipped", "a", "a"), ("skipped", None, "c")]
    # a second run: new copies are matched against what the first run stored
    later = _ingest(db, [article("d", "\n\n".join(paras[1:])), article("e", unrelated + " (AP)")])
    assert [(r.duplicate_of, r.story) for r in later] == [("a", "a"), ("c", "c")]
    with open_store(db) as store:
        assert len(store.dedup_index()) == 5
        assert store.get("d").story == "a"


def test_story_view_lists_members_and_the_fullest(tmp_path):
    db = tmp_path / "news.db"
    paras = paragraphs(14, n=10)
    _ingest(db, [article("a", "\n\n".join(paras[:9]), title="First", source="x.com", published="2024-01-01"),
                 article("b", "\n\n".join(paras) + "\n\nMore.", title="Longer", source="y.com"),
                 article("c", "\n\n".join(paragraphs(15)), title="Other")])
    with open_store(db) as store:
        s = story(store, "a")
        assert [m.id for m in s.members] == ["a", "b"]
        assert (s.members[0].title, s.members[0].source, s.members[0].published) == ("First", "x.com", "2024-01-01")
        assert s.fullest.id == "b" and s.fullest.text.endswith("More.")
        assert s.as_dict()["fullest"] == "b"
        assert story(store, "nope") is None
        assert [m.id for m in story(store, "c").members] == ["c"]
