"""A quotation standing on its own line and closed by a dash and a name (``"…" ― Ana Ortiz``): the typographic
attribution of pull quotes, epigraphs and pages that collect readers' or voters' voices. The name is the speaker;
a dash inside a sentence, a cited source with its date and a quotation in mid-line are not this. Sentences and
names are made up."""
from __future__ import annotations

from test_quotes import quotes_of


def _speakers(quotes):
    return [(q.speaker.text if q.speaker else None) for q in quotes if q.kind != "indirect"]


def test_each_line_takes_the_name_after_its_dash(nlp):
    text = ("We asked readers what they thought of the debate.\n\n"
            "“He never answered a single question about jobs. Not one.” ― Marisol Quintana\n"
            "“The moderators lost control early and never got it back.”\u00a0— Dwayne P. Hollister.\n\n"
            "“I will vote, but with a heavy heart.” – Ana de la Cruz, a nurse from Tucson\n")
    quotes = [q for q in quotes_of(nlp, text) if q.kind != "indirect"]
    assert [q.kind for q in quotes] == ["direct"] * 3
    assert _speakers(quotes) == ["Marisol Quintana", "Dwayne P. Hollister", "Ana de la Cruz"]
    assert all(q.speaker.via == "explicit" for q in quotes)


def test_a_line_of_voices_does_not_lend_its_name_to_the_next_line(nlp):
    text = ("Voices from the rally:\n\n"
            "“We drove six hours to be here because this matters to us.” — Keisha Norwood\n"
            "“My father worked that plant for thirty years and now it is gone.” — Tomas Ferreira\n")
    quotes = quotes_of(nlp, text)
    assert _speakers(quotes) == ["Keisha Norwood", "Tomas Ferreira"]


def test_a_cited_source_with_its_date_is_no_speaker(nlp):
    text = ("The minister resigned a week later.\n\nSources\n\n"
            "“Budget papers found in a taxi, officials say” — Northern Herald, March 3, 2009\n")
    assert all(q.speaker is None for q in quotes_of(nlp, text))


def test_a_dash_inside_the_sentence_is_not_an_attribution(nlp):
    text = ("The council met on Tuesday.\n\nShe called the plan “a disgrace to every taxpayer in the county” — "
            "Hollister disagreed and said so at length.\n")
    speakers = _speakers(quotes_of(nlp, text))
    assert "Hollister" not in speakers
