"""The indexed attribute-ruler match gives exactly spaCy's matches, so tags, POS, morphology and lemmas are the
model's own."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.enrichment.nlp import rules as nlp_rules
from newsgraph.enrichment.nlp import DEFAULT_MODEL, load

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "examples"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_ccea4d01f72bd314.txt"


@pytest.fixture(scope="module")
def nlp():
    return load(DEFAULT_MODEL)[0]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    if SEED.is_file():
        texts.append(SEED.read_text(encoding="utf-8"))
    texts.append("Y'all said you'd come. We didn't. It's his and hers; someone's car, isn't it? "
                 "  Double  spaces\n\nand new lines.  She has gone; they've been told, y' all know.")
    return texts


def test_the_default_model_runs_the_indexed_match(nlp):
    assert nlp_rules.installed(nlp) is True


def test_same_matches_as_spacy_on_real_text(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    index = nlp_rules.RuleIndex(ruler)
    compared = 0
    for text in _texts():
        assert nlp_rules.agrees(nlp, ruler, index, text)
        compared += 1
    assert compared >= 3


def test_same_token_attributes_as_the_plain_pipeline(nlp):
    """Whole pipeline, both ways: every token's tag, POS, morphology and lemma are equal."""
    ruler = nlp.get_pipe("attribute_ruler")
    fast = ruler.match
    text = "\n\n".join(_texts())
    try:
        del ruler.match  # spaCy's own Matcher
        plain = [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in nlp(text)]
    finally:
        ruler.match = fast
    assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in nlp(text)] == plain


def test_a_pattern_it_cannot_evaluate_keeps_spacys_matcher(nlp):
    import spacy
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"TAG": "JJ"})
    assert nlp_rules.install(blank) is False
    assert nlp_rules.installed(blank) is False


def test_simple_patterns_are_indexed_and_agree():
    import spacy
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big"}], [{"ORTH": "Large"}]], {"TAG": "JJ"})
    ruler.add([[{"LOWER": {"IN": ["big", "tiny"]}}, {"IS_SPACE": False}]], {"LEMMA": "size"})
    ruler.add([[{"LOWER": {"REGEX": "^sm"}}]], {"LEMMA": "small"}, index=0)
    assert nlp_rules.install(blank) is True
    doc = blank("A big house, a tiny dog and a smaller Large cat.")
    assert [t.tag_ for t in doc if t.tag_] == ["JJ", "JJ"]
    assert [t.lemma_ for t in doc if t.lemma_] == ["size", "size", "small"]
    assert nlp_rules.agrees(blank, ruler, nlp_rules.RuleIndex(ruler), doc.text)
