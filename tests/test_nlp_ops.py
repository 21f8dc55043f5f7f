"""Matrix products through numpy's BLAS leave the model's output as it is."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.enrichment.nlp import ops as nlp_ops
from newsgraph.enrichment.nlp import DEFAULT_MODEL, load

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "examples"


@pytest.fixture(scope="module")
def nlp():
    return load(DEFAULT_MODEL)[0]


def _annotations(nlp, texts):
    return [[(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.lemma_) for t in doc]
            for doc in nlp.pipe(texts)]


def test_the_loaded_model_multiplies_through_numpy(nlp):
    assert nlp_ops.installed(nlp)


def test_same_annotations_as_with_blis(nlp):
    from thinc.api import NumpyOps
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    ours = _annotations(nlp, texts)
    layers = [node for _, c in nlp.pipeline if hasattr(getattr(c, "model", None), "walk") for node in c.model.walk()]
    try:
        for node in layers:
            node.ops = NumpyOps()  # thinc's default: blis
        assert not nlp_ops.installed(nlp)
        assert _annotations(nlp, texts) == ours
    finally:
        nlp_ops.install(nlp)
    assert nlp_ops.installed(nlp)


def test_workers_get_one_blas_thread_unless_the_user_chose(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "recorded")  # so that the teardown restores the original state
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    nlp_ops.one_thread_per_worker()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1" and os.environ["OMP_NUM_THREADS"] == "3"


def test_lazy_lemmas_are_the_lemmatizers_own(nlp):
    from newsgraph.enrichment.base import lemma_of
    assert "lemmatizer" not in nlp.pipe_names  # not run over every token
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    texts.append("He has said they were running; she'd been told the mice ran. Officials say it's done.")
    lazy = [[lemma_of(t) for t in doc] for doc in nlp.pipe(texts)]
    nlp.enable_pipe("lemmatizer")
    try:
        full = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
    finally:
        nlp.disable_pipe("lemmatizer")
    assert lazy == full
    assert "say" in lazy[-1] and "mouse" in lazy[-1]
