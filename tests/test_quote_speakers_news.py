"""Speakers as news writes them (issue 12): a linking "That said," is nobody's report; a joint subject ("Dale Ford
and Martha Fry said") speaks as both; a "she" after a paragraph that brings in a new woman by name is that woman,
not the one quoted before the paragraph. Sentences and names are made up."""
from __future__ import annotations

from test_quotes import quotes_of


def _said(text, q):
    return text[q.parts[0][0]:q.parts[0][1]]


def test_that_said_is_a_connective_not_a_speaker(nlp):
    text = '"We need more buses," Ana Ortiz said. That said, "nobody expects a quick fix."'
    quotes = quotes_of(nlp, text, {"Ana Ortiz": "PERSON"})
    assert all(q.speaker is None or q.speaker.text != "That" for q in quotes)
    assert any(q.speaker is not None and q.speaker.entity == "e1" for q in quotes)


def test_having_said_that_opens_a_report_of_someone_else(nlp):
    text = 'Having said that, Ana Ortiz said the plan "will not work this year."'
    [q] = quotes_of(nlp, text, {"Ana Ortiz": "PERSON"})
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_joint_speakers_are_both(nlp):
    text = '"We will appeal the ruling," Dale Ford and Martha Fry said in a statement.'
    [q] = quotes_of(nlp, text, {"Dale Ford": "PERSON", "Martha Fry": "PERSON"})
    assert q.speaker.text == "Dale Ford and Martha Fry"
    assert q.speaker.entity is None and q.speaker.name == "Dale Ford and Martha Fry"


def test_joint_speakers_before_the_quotation(nlp):
    text = 'Dale Ford and Martha Fry said, "We will appeal the ruling."'
    [q] = quotes_of(nlp, text, {"Dale Ford": "PERSON", "Martha Fry": "PERSON"})
    assert q.speaker.text == "Dale Ford and Martha Fry" and q.speaker.entity is None


def test_one_speaker_keeps_its_entity(nlp):
    text = '"We will appeal the ruling," Martha Fry said, and left the court.'
    [q] = quotes_of(nlp, text, {"Martha Fry": "PERSON"})
    assert q.speaker.text == "Martha Fry" and q.speaker.entity == "e1"


def test_she_after_a_paragraph_bringing_in_another_woman(nlp):
    text = ('Ana Ortiz spoke first. "We need more buses," Ortiz said.\n\n'
            'Maria Lopez, a nurse, has lived on the street for ten years. Her daughter was hit by a car in May.\n\n'
            '"Nobody listens to us," she said.')
    quotes = quotes_of(nlp, text, {"Ana Ortiz": "PERSON", "Maria Lopez": "PERSON"})
    q = next(q for q in quotes if _said(text, q).startswith("Nobody"))
    assert q.speaker.entity == "e2"


def test_she_stays_with_the_speaker_when_the_other_woman_is_no_subject(nlp):
    text = ('Ana Ortiz spoke first. "We need more buses," Ortiz said.\n\n'
            'The plan was drawn up with help from Maria Lopez, a nurse.\n\n'
            '"Nobody listens to us," she said.')
    quotes = quotes_of(nlp, text, {"Ana Ortiz": "PERSON", "Maria Lopez": "PERSON"})
    q = next(q for q in quotes if _said(text, q).startswith("Nobody"))
    assert q.speaker.entity == "e1"


def test_a_study_by_a_body_speaks_for_the_body(nlp):
    text = '"Rents rose faster than wages in every city," a study by the Urban Housing Institute found.'
    [q] = quotes_of(nlp, text, {"Urban Housing Institute": "ORG"})
    assert "Urban Housing Institute" in q.speaker.text and q.speaker.entity == "e1"


def test_a_letter_from_a_person_is_hers(nlp):
    text = 'A letter from Dana Ruiz said the clinic "cannot turn anyone away."'
    [q] = quotes_of(nlp, text, {"Dana Ruiz": "PERSON"})
    assert q.speaker.entity == "e1"


def test_a_report_from_a_common_noun_keeps_its_phrase(nlp):
    text = '"Rents rose faster than wages," a report from last year said.'
    [q] = quotes_of(nlp, text, {})
    assert q.speaker is None or q.speaker.text == "a report"


def test_the_role_of_a_person_introduced_with_is(nlp):
    text = ('Lucas Paganini is a planetary scientist at Goddard. "The surface is younger than we thought," the '
            'planetary scientist told reporters.')
    [q] = quotes_of(nlp, text, {"Lucas Paganini": "PERSON", "Goddard": "ORG"})
    assert q.speaker.entity == "e1"


def test_the_role_of_someone_brought_in_unnamed_stays_unnamed(nlp):
    text = ('A scientist at Goddard looked at the data. "The surface is younger than we thought," the scientist '
            'said. Lucas Paganini disagreed.')
    [q] = quotes_of(nlp, text, {"Lucas Paganini": "PERSON", "Goddard": "ORG"})
    assert q.speaker.entity is None


def test_joint_speakers_folded_into_one_name_by_the_parse(nlp):
    # the small parser hangs "Jim Holt and Finance Minister" on "Lee" as modifiers in this sentence
    text = ('Opposition leader Mark Dutton said the budget was "a con job". Treasurer Jim Holt and Finance Minister '
            'Kate Lee said it was "responsible".')
    quotes = quotes_of(nlp, text, {"Mark Dutton": "PERSON", "Jim Holt": "PERSON", "Kate Lee": "PERSON"})
    q = next(q for q in quotes if "responsible" in q.text)
    assert q.speaker.entity is None and q.speaker.name == "Jim Holt and Kate Lee"


def test_coordinated_titles_are_one_speaker(nlp):
    text = 'Finance and Trade Minister Kate Lee said the budget was "responsible".'
    [q] = quotes_of(nlp, text, {"Kate Lee": "PERSON"})
    assert q.speaker.entity == "e1"


def test_a_role_the_tagger_calls_a_name_keeps_its_apposed_name(nlp):
    # the small tagger reads the lower-case "minister" after "the" as a proper noun here
    text = '“We will not negotiate under threat,” said the minister, Karim Haddad, on Sunday.'
    [q] = quotes_of(nlp, text, {"Karim Haddad": "PERSON"})
    assert q.speaker.entity == "e1" and "Karim Haddad" in q.speaker.text
