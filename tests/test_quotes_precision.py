"""Precision of the quote stage (issue 12, class 8): cue words used in another sense, and reports whose span must
end where the speaker's words end. One made-up sentence per rule."""
from __future__ import annotations

import pytest

from newsgraph.enrichment.entities import find_entities
from newsgraph.enrichment.quotes import find_quotes


def quotes(nlp, text):
    doc = nlp(text)
    return find_quotes(doc, find_entities(doc))


def content(text, q):
    return text[q.span[0]:q.span[1]]


@pytest.mark.parametrize("text", [
    "Mayor Dana Holt won the county easily, claiming 58 percent of the vote.",
    "Senator Lund claimed her third victory of the night in the northern district.",
])
def test_claim_in_the_sense_of_winning_reports_nothing(nlp, text):
    assert not [q for q in quotes(nlp, text) if q.cue and q.cue.lower().startswith("claim")]


def test_claim_of_something_said_is_still_a_report(nlp):
    text = "Mayor Dana Holt claimed that the harbour fund had run out of money."
    [q] = [q for q in quotes(nlp, text) if q.cue == "claimed"]
    assert content(text, q).endswith("the harbour fund had run out of money") and "Dana Holt" in q.speaker.text


def test_report_ends_before_the_writers_aside_on_a_name(nlp):
    """"suggested the winner would be Ortiz, who leads the polls": who Ortiz is comes from the writer."""
    text = "Councillor Dana Price suggested the next mayor would be Ana Ortiz, who leads every poll in the city."
    [q] = [q for q in quotes(nlp, text) if q.cue == "suggested"]
    assert content(text, q).endswith("would be Ana Ortiz")


def test_aside_holding_a_quotation_stays_in_the_report(nlp):
    text = 'Councillor Dana Price suggested the next mayor would be Ana Ortiz, who "knows the harbour best."'
    found = [q for q in quotes(nlp, text) if q.cue == "suggested"]
    assert found and all("knows the harbour" in content(text, q) for q in found)


@pytest.mark.parametrize("text, cue, whole", [
    ("The Harbour Band announced a benefit concert in support of the children's hospital.", "announced",
     "a benefit concert in support of the children's hospital"),
    ("Ortiz praised his skills in cutting the price of the land.", "praised",
     "his skills in cutting the price of the land"),
])
def test_object_report_keeps_the_phrase_that_completes_it(nlp, text, cue, whole):
    """"praised his skills in cutting the price": the parser may hang the phrase on the verb; it is part of what
    was said."""
    [q] = [q for q in quotes(nlp, text) if q.cue == cue]
    assert content(text, q) == whole


def test_object_report_leaves_out_a_time(nlp):
    text = "The company announced the layoffs in the last week of the year."
    [q] = [q for q in quotes(nlp, text) if q.cue == "announced"]
    assert content(text, q) == "the layoffs"


@pytest.mark.parametrize("text, whole", [
    ("The Harbour Band announced a benefit concert in a statement.", "a benefit concert"),
    ("The Harbour Band announced a benefit concert to reporters.", "a benefit concert"),
])
def test_object_report_leaves_out_the_setting_of_the_act(nlp, text, whole):
    [q] = [q for q in quotes(nlp, text) if q.cue == "announced"]
    assert content(text, q) == whole


@pytest.mark.parametrize("text", [
    "Police questioned the driver and two passengers after the crash.",
    "Council members have been trying to question several of those protected witnesses, including the harbour "
    "master.",
])
def test_question_in_the_sense_of_interrogating_reports_nothing(nlp, text):
    assert not [q for q in quotes(nlp, text) if q.cue and q.cue.lower().startswith("question")]


def test_questioning_a_claim_is_still_a_report(nlp):
    text = "Senator Dana Holt questioned the mayor's account of the harbour deal."
    [q] = [q for q in quotes(nlp, text) if q.cue == "questioned"]
    assert content(text, q).startswith("the mayor's account") and "Dana Holt" in q.speaker.text


def test_a_speaker_never_reaches_over_a_paragraph_break_into_a_timestamp_line():
    """The parser joins "Updated 10:10 a.m. ET" to the sentence below it; the speaker is the subject on the
    cue's side of the break."""
    from newsgraph.pipeline import analyze_text
    article = analyze_text("Updated 10:10 a.m. ET\n\nThe governor said the roads would reopen by noon.")
    quote = next(q for q in article.quotes if "roads would reopen" in q.text)
    assert quote.speaker.text == "The governor"
    assert "\n" not in article.text[quote.speaker.span[0]:quote.speaker.span[1]]


def test_a_timestamp_after_posted_is_no_report():
    from newsgraph.pipeline import analyze_text
    article = analyze_text("POSTED 9:05 PM\n\n\"We are ready,\" said Mayor Ana Ruiz.")
    assert [(q.kind, q.text) for q in article.quotes] == [("direct", "We are ready")]
    assert [q.text for q in analyze_text("The ministry reported 45 new cases on Tuesday.").quotes] == ["45 new cases"]
