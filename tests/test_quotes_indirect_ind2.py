"""Indirect reports (issue 12, class 5; helper round ind2): one made-up sentence per rule, names invented."""
from __future__ import annotations

from newsgraph.enrichment.entities import find_entities
from newsgraph.enrichment.quotes import find_quotes


def quotes(nlp, text):
    doc = nlp(text)
    return find_quotes(doc, find_entities(doc))


def content(text, q):
    return text[q.span[0]:q.span[1]]


def indirect(text, qs):
    return [q for q in qs if q.kind == "indirect"]


# ---- a passive stance with its holder unnamed ---------------------------------------------------------------------

def test_is_expected_to_is_a_stance_of_unnamed_observers(nlp):
    text = "The harbour board is expected to approve the new pier at its meeting in March."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "expected" and q.speaker is None
    assert "approve the new pier" in content(text, q)


def test_it_is_widely_believed_that(nlp):
    text = "It is widely believed that the mayor will step down before the summer."
    [q] = indirect(text, quotes(nlp, text))
    assert content(text, q) == "the mayor will step down before the summer" and q.speaker is None


def test_an_expectation_with_its_holder_keeps_the_holder(nlp):
    text = "Dana Marsh expects the harbour board to approve the pier."
    [q] = indirect(text, quotes(nlp, text))
    assert q.speaker is not None and q.speaker.text == "Dana Marsh"


def test_a_thing_expected_is_no_report(nlp):
    text = "A crowd of thousands is expected at the harbour on Sunday."
    assert indirect(text, quotes(nlp, text)) == []
