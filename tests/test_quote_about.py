"""What a quote is about (DESIGN.md's ``about``): entities its content speaks of, never its speaker.

Sentences are made up for these tests; entities are given by hand so that only the ``about`` rules are tested.
"""
from __future__ import annotations

import re

from newsgraph.enrichment.quotes import find_quotes
from newsgraph.model import Entity, Mention


def _entities(text: str, names: dict[str, str]) -> list[Entity]:
    out = []
    for n, (name, etype) in enumerate(names.items(), 1):
        forms = {name, name.split()[-1]} if etype == "PERSON" else {name}
        spans = sorted({(m.start(), m.end()) for f in forms for m in re.finditer(re.escape(f), text)})
        out.append(Entity(f"e{n}", name, etype, [Mention(s, e) for s, e in spans]))
    return out


def _quote(nlp, text, names, content):
    entities = _entities(text, names)
    quotes = find_quotes(nlp(text), entities)
    [q] = [q for q in quotes if content in q.text]
    ids = {e.id: e.name for e in entities}
    return q, [ids[i] for i in q.about]


def test_a_name_inside_the_content_is_what_the_quote_is_about(nlp):
    text = "Pilot Ana Ortiz said flights would be moved to Carrick airport from Monday."
    q, about = _quote(nlp, text, {"Ana Ortiz": "PERSON", "Carrick": "GPE"}, "flights")
    assert about == ["Carrick"]


def test_the_speaker_is_never_what_its_own_quote_is_about(nlp):
    text = "Ana Ortiz said Ortiz Freight would not close, and Ortiz would stay on as its chair."
    q, about = _quote(nlp, text, {"Ana Ortiz": "PERSON", "Ortiz Freight": "ORG"}, "would not close")
    assert q.speaker.name == "Ana Ortiz"
    assert about == ["Ortiz Freight"]


def test_a_definite_description_takes_up_the_body_named_before(nlp):
    text = ("The Dunmore Dockers Union called a strike on Monday. Port Alder's harbour master, Ana Ortiz, said "
            "the union had refused every offer and the port would lose £2 million a week.")
    q, about = _quote(nlp, text, {"Dunmore Dockers Union": "ORG", "Port Alder": "GPE", "Ana Ortiz": "PERSON"},
                      "refused every offer")
    assert about == ["Dunmore Dockers Union", "Port Alder"]


def test_a_description_two_bodies_could_take_up_points_at_neither(nlp):
    text = ("The Dunmore Dockers Union and the Carrick Rail Union met on Monday. Ana Ortiz said the union had "
            "refused every offer.")
    q, about = _quote(nlp, text, {"Dunmore Dockers Union": "ORG", "Carrick Rail Union": "ORG",
                                  "Ana Ortiz": "PERSON"}, "refused every offer")
    assert about == []


def test_a_kind_word_that_is_not_a_definite_description_points_at_nothing(nlp):
    text = "The Dunmore Dockers Union met on Monday. Ana Ortiz said union leaders had refused every offer."
    q, about = _quote(nlp, text, {"Dunmore Dockers Union": "ORG", "Ana Ortiz": "PERSON"}, "refused every offer")
    assert about == []


def test_a_body_named_only_after_the_quote_is_not_taken_up(nlp):
    text = "Ana Ortiz said the union had refused every offer. The Dunmore Dockers Union did not reply."
    q, about = _quote(nlp, text, {"Dunmore Dockers Union": "ORG", "Ana Ortiz": "PERSON"}, "refused every offer")
    assert about == []


def test_the_topic_phrase_of_the_reporting_clause_counts(nlp):
    text = '"She never gave up on this town," Ana Ortiz said of Marta Quental.'
    q, about = _quote(nlp, text, {"Ana Ortiz": "PERSON", "Marta Quental": "PERSON"}, "never gave up")
    assert q.speaker.name == "Ana Ortiz"
    assert about == ["Marta Quental"]
