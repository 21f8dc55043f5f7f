"""The seed capture end to end: the page the project started from must keep working."""
from __future__ import annotations

import pytest

from conftest import shared_path
from newsgraph.model import Article
from newsgraph.pipeline import Options, analyze

PEOPLE = {"Sergey Lavrov": "Lavrov", "John Kerry": "Kerry", "Barack Obama": "Obama", "Bashar Assad": "Assad",
          "Guido Westerwelle": "Westerwelle", "Ban Ki-moon": None}


@pytest.fixture(scope="module")
def seed_article() -> Article:
    path = shared_path("seed", "000_ccea4d01f72bd314.txt")
    items = list(analyze([str(path)], Options(stages=("entities",))))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_people_are_person_entities_with_short_names_merged(seed_article):
    text = seed_article.text
    by_name = {e.name: e for e in seed_article.entities}
    for full, short in PEOPLE.items():
        assert full in by_name, f"{full} missing; have {sorted(by_name)}"
        entity = by_name[full]
        assert entity.type == "PERSON"
        surfaces = {text[m.start:m.end] for m in entity.mentions}
        if short and text.count(short) > text.count(full):  # the short name is also written alone
            assert short in surfaces, f"{short} not merged into {full}: {surfaces}"
        # no other entity holds the short name
        others = [e for e in seed_article.entities if e is not entity and short and e.name == short]
        assert not others


def test_lavrov_mentions_cover_every_occurrence(seed_article):
    text = seed_article.text
    lavrov = next(e for e in seed_article.entities if e.name == "Sergey Lavrov")
    assert len(lavrov.mentions) == text.count("Lavrov")


def test_acronym_and_roles(seed_article):
    text = seed_article.text
    snc = next(e for e in seed_article.entities if e.name == "Syrian National Coalition")
    assert "SNC" in {text[m.start:m.end] for m in snc.mentions}
    westerwelle = next(e for e in seed_article.entities if e.name == "Guido Westerwelle")
    assert "Foreign Minister" in westerwelle.roles


def test_page_furniture_is_not_an_entity(seed_article):
    names = " ".join(e.name for e in seed_article.entities)
    assert "Baillie" not in names
    assert "icon" not in names.lower()


@pytest.fixture(scope="module")
def seed_quoted() -> Article:
    path = shared_path("seed", "000_ccea4d01f72bd314.txt")
    [article] = analyze([str(path)], Options(stages=("entities", "quotes")))
    return article


def test_state_body_speaks_for_its_country(seed_quoted):
    """"the Syrian government said the rebels used a rocket …": the claim is Syria's, not nobody's."""
    seed_article = seed_quoted
    text = seed_article.text
    rocket = next(q for q in seed_article.quotes if "rocket with a chemical warhead" in q.text)
    syria = next(e for e in seed_article.entities if e.id == rocket.speaker.entity)
    assert text[rocket.speaker.span[0]:rocket.speaker.span[1]] == "the Syrian government"
    assert syria.name == "Syria" and syria.type == "GPE"


# Every quotation of the seed, read by hand: (words inside it, kind, the speaker's entity name, or the phrase
# where the text names no entity or a capital speaks for its government).
SEED_QUOTES = [
    ("committed to negotiating with all sides", "indirect", "phrase:Moscow"),
    ("open for talks with all Syrian opposition members", "direct", "Sergey Lavrov"),
    ("Arming non-governmental players violates international law", "direct", "Sergey Lavrov"),
    ("not everything depends on the two countries", "indirect", "Sergey Lavrov"),
    ("work on the accomplishment of the agreements reached in Geneva", "direct", "Sergey Lavrov"),
    ("I’m referring to the refusal of the preliminary conditions", "direct", "Sergey Lavrov"),
    ("difference of opinion between Russia and the United States", "direct", "John Kerry"),
    ("if the status quo continues, Syria comes to grips", "indirect", "Russia"),
    ("growing understanding of real threats", "direct", "Sergey Lavrov"),
    ("the rebels used a rocket with a chemical warhead", "indirect", "Syria"),
    ("chemical weapons might have been used in several parts", "indirect", "phrase:Unconfirmed reports"),
    ("witness interviews and statements from opposition sources supported", "indirect", "phrase:The message"),
    ("UN chemical weapons inspectors examine specific allegations", "indirect", "Sergey Lavrov"),
    ("I consider this absolutely unacceptable", "direct", "Sergey Lavrov"),
    ("the rebels were behind the Aleppo attack", "indirect", "Bashar Assad"),
    ("would constitute crossing a “red line”", "mixed", "Barack Obama"),
    ("instructed [his] teams to work closely", "mixed", "Barack Obama"),
    ("the US would double its non-lethal military aid", "indirect", "John Kerry"),
    ("would go beyond the current provisions of food rations", "indirect", "John Kerry"),
    ("has so far cost an estimated $117 million", "indirect", "White House"),
    ("it firmly rejects \"all forms of terrorism.\"", "mixed", "Syrian National Coalition"),
    ("must distance itself from \"terrorist and extremist\" forces", "mixed", "Guido Westerwelle"),
    ("will not “fall into the wrong hands.”", "mixed", "Syrian National Coalition"),
    ("as \"terrorists\" sponsored by foreign powers", "mixed", "phrase:Damascus"),
    ("the foreign element had played a key role", "indirect", "Bashar Assad"),
    ("has now killed more than 70,000 people", "indirect", "UN"),
]


@pytest.mark.parametrize("words, kind, speaker", SEED_QUOTES, ids=[w[:30] for w, _, _ in SEED_QUOTES])
def test_every_seed_quotation_has_its_speaker(seed_quoted, words, kind, speaker):
    text = seed_quoted.text
    found = [q for q in seed_quoted.quotes if words in q.text]
    assert len(found) == 1, f"{words!r}: {[(q.kind, q.text[:40]) for q in found]}"
    [q] = found
    assert q.kind == kind and q.speaker is not None
    if speaker.startswith("phrase:"):
        assert text[q.speaker.span[0]:q.speaker.span[1]] == speaker[len("phrase:"):]
    else:
        entity = next(e for e in seed_quoted.entities if e.id == q.speaker.entity)
        assert entity.name == speaker


def test_seed_headline_and_scare_quote_are_no_statements(seed_quoted):
    """The section title "UN 'politicizing' Syria chemical weapons issue" quotes a word, not a statement."""
    assert not any(q.text.strip("'‘’ ") == "politicizing" for q in seed_quoted.quotes)
