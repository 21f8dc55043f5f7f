"""Speakers the parse hides (issue 12, error study on PolNeAR train): a claim noun around a named speaker's words,
a speaker's relative aside holding commas of its own. Sentences are made up."""
from __future__ import annotations

from test_quotes import quotes_of


def _one(quotes, kind):
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, quotes
    return found[0]


def test_a_claim_noun_yields_the_quotation_to_the_named_speaker_inside_it(nlp):
    text = ('It convinced many voters that Reyes had gone too far, uttering charges that Tom Beck, for one, called '
            '"liberal lingo."')
    quotes = quotes_of(nlp, text, {"Reyes": "PERSON", "Tom Beck": "PERSON"})
    q = next(q for q in quotes if any(text[a:b].startswith("liberal lingo") for a, b in q.parts))
    assert q.speaker is not None and q.speaker.text == "Tom Beck"


def test_a_relative_aside_with_commas_of_its_own_leaves_the_name_before_it_speaking(nlp):
    text = ('Mr. Beck, whose latest start-up, Paradox, uses big data to help brands, said the mayor was "a start-up '
            'kind of guy."')
    q = _one(quotes_of(nlp, text, {"Tom Beck": "PERSON"}), "mixed")
    assert q.speaker is not None and q.speaker.text == "Mr. Beck"
