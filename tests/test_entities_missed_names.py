"""Names the small statistical tagger misses where news puts a speaker's name (the subject of a verb of saying, an
apposition beside a role) become entities, so the quote's speaker has one; titles, dates, plural names, headline
words and acronym spell-outs do not. And a one-word name in "the mayor of X" is a place. Sentences made up here."""
from __future__ import annotations

import pytest

from newsgraph.pipeline import analyze_text


def entities(text: str) -> dict[str, str]:
    return {e.name: e.type for e in analyze_text(text).entities}


@pytest.mark.parametrize("text, name", [
    ("\"We will not back down on the rise,\" said Ana Ruiz, the mayor of Eastbrook.", "Ana Ruiz"),
    ("The mayor of Eastbrook, Ana Ruiz, spoke on Tuesday about the budget.", "Ana Ruiz"),
    ("Ana Ruiz said the plan was late and over budget.", "Ana Ruiz"),  # no entity from the tagger
    ("\"No,\" Nuno Sousa told reporters after the vote.", "Nuno Sousa"),  # a WORK_OF_ART to the tagger
    ("\"No,\" Rui Costa told reporters after the vote.", "Rui Costa"),
])
def test_a_speaker_the_tagger_missed_is_a_person(text, name):
    found = entities(text)
    assert found.get(name) == "PERSON", found


def test_the_quote_takes_the_recovered_person_as_its_speaker():
    article = analyze_text("The council met on Monday.\n\n\"We will not back down on the rise,\" said Ana Ruiz, the "
                           "mayor of Eastbrook.")
    ruiz = next(e for e in article.entities if e.name == "Ana Ruiz")
    quote = next(q for q in article.quotes if q.kind == "direct")
    assert quote.speaker.entity == ruiz.id and "mayor" in ruiz.roles


@pytest.mark.parametrize("text, not_a_person", [
    ("Discussing it in a statement, the country's Prime Minister, Najib Razak said the talks would go on.",
     "Prime Minister"),
    ("The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino, said the schools would close.",
     "Italian Episcopal Conference"),
    ("The Founding Fathers wrote that the right shall not be infringed.", "Founding Fathers"),
    ("A Morning Consult Poll found that he would draw votes from both parties.", "Morning Consult Poll"),
])
def test_titles_groups_and_spelled_out_acronyms_are_not_people(text, not_a_person):
    assert entities(text).get(not_a_person) != "PERSON"


def test_a_company_speaker_is_typed_by_its_head_noun():
    assert entities("Kestrelvale Holdings said the plant would close in May.").get("Kestrelvale Holdings") != "PERSON"


@pytest.mark.parametrize("text", [
    "The mayor of Eastbrook said the budget was balanced.",
    "Residents of Eastbrook said the water was brown for a week.",
])
def test_the_of_phrase_of_a_town_office_is_a_place(text):
    assert entities(text).get("Eastbrook") == "GPE"
