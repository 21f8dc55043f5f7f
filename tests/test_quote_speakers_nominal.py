"""Speaker resolution, round three (issue 12): nominal organisation speakers, pronouns of a reporter, gender
evidence and names a tagger typed a place. Every sentence is made up for its rule."""
from __future__ import annotations

from test_quotes import entities_for, quotes_of

from newsgraph.enrichment.quotes.speakers import ResolverContext, SpeakerResolver, entity_genders


def _said(quotes, cue="said"):
    return next(q for q in quotes if q.cue == cue)


def test_the_company_is_not_a_place_or_a_modifier(nlp):
    text = ("The Northfield rail line will close for three months, the operator announced on Friday. "
            "Replacement buses will run every ten minutes, the company said.")
    for kind in ("GPE", "ORG"):
        q = _said(quotes_of(nlp, text, {"Northfield": kind}))
        assert q.speaker.text == "the company" and q.speaker.entity is None, kind


def test_the_company_is_the_one_the_text_calls_a_company(nlp):
    text = ("Brightfield, the company that runs the Northfield line, will close it in June. "
            "The Northfield line carries 30,000 people a day. The company said buses would replace the trains.")
    q = _said(quotes_of(nlp, text, {"Brightfield": "ORG", "Northfield": "ORG"}))
    assert q.speaker.entity == "e1"


def test_a_business_name_is_what_the_company_means(nlp):
    text = ("Shares in Corvan Holdings fell sharply after the Harlow plant closed. "
            "The company said the plant would reopen in May.")
    q = _said(quotes_of(nlp, text, {"Corvan Holdings": "ORG", "Harlow": "GPE"}))
    assert q.speaker.entity == "e1"


def test_a_pronoun_reported_by_a_named_person_is_that_person(nlp):
    text = '"We have the votes," Dana Reyes said on Monday. Carla Ruiz said she would fight the cuts.'
    doc = nlp(text)
    ents = entities_for(text, {"Dana Reyes": "PERSON", "Carla Ruiz": "PERSON"})
    she = text.index("she")
    context = ResolverContext(speakers=[(text.index("Dana"), "e1")], gender={"e1": "f"})  # the last speaker
    assert SpeakerResolver().resolve(doc, (she, she + 3), ents, context) == "e2"


def test_a_possessive_before_a_name_is_no_gender_evidence_for_it(nlp):
    text = "Ana Lopez came with her husband Tom Reed. Mr. Reed spoke first."
    doc = nlp(text)
    ents = entities_for(text, {"Ana Lopez": "PERSON", "Tom Reed": "PERSON"})
    genders = entity_genders(doc, ents, ResolverContext())
    assert genders.get("e2") == "m"


def test_a_possessive_in_a_reported_clause_is_not_the_reporters(nlp):
    text = "Tom Ortiz said Ana Reyes had lost her seat."
    doc = nlp(text)
    ents = entities_for(text, {"Tom Ortiz": "PERSON", "Ana Reyes": "PERSON"})
    assert entity_genders(doc, ents, ResolverContext()).get("e1") != "f"


def test_one_earlier_resolution_does_not_outvote_the_titles(nlp):
    text = "Mr. Tom Ortiz arrived. Later Mr. Ortiz left."
    doc = nlp(text)
    ents = entities_for(text, {"Tom Ortiz": "PERSON"})
    assert entity_genders(doc, ents, ResolverContext(gender={"e1": "f"}))["e1"] == "m"


def test_a_speaking_name_is_the_persons_before_the_places(nlp):
    text = ('Ana Jordan, the mayor, met reporters at the town hall. "We will rebuild the bridge," Jordan said.')
    q = _said(quotes_of(nlp, text, {"Jordan": "GPE", "Ana Jordan": "PERSON"}))
    assert q.speaker.entity == "e2"


def test_a_capital_speaks_when_no_person_bears_its_name(nlp):
    text = ('Talks stalled on Monday. "The offer stands," Washington said in a statement.')
    q = _said(quotes_of(nlp, text, {"Washington": "GPE"}))
    assert q.speaker.entity == "e1"


def test_a_person_of_the_possessors_is_not_the_possessor(nlp):
    """'Mr Brenner's wife said' is the wife speaking: the possessor named inside the phrase is not the speaker,
    while a body's own voice ('Acme's board said') stays the body's."""
    text = "Karl Brenner runs the mill. Mr Brenner's wife said she had not been told about the sale."
    q = _said(quotes_of(nlp, text, {"Karl Brenner": "PERSON", "Brenner": "PERSON"}))
    assert q.speaker.text.endswith("wife") and q.speaker.entity is None
    text = "Acme Holdings makes tools. Acme's board said the sale would go ahead."
    q = _said(quotes_of(nlp, text, {"Acme Holdings": "ORG", "Acme": "ORG"}))
    assert q.speaker.entity is not None
