"""Speakers the parse tears from their verb (issue 12, round three): a name before an aside, a name the tagger
took for an adjective, quantifiers, "he's said", a participle hung on a name. Sentences are made up."""
from __future__ import annotations

from test_quotes import quotes_of


def _speaker_of(quotes, cue="said"):
    q = next(q for q in quotes if q.cue == cue)
    return q.speaker.text if q.speaker is not None else None


def test_a_name_before_a_relative_clause_aside_speaks(nlp):
    text = ('Of the mayor, Brenner, who has given money to Dana Reyes, said, "She is a fine manager. I think she '
            'is honest."')
    assert _speaker_of(quotes_of(nlp, text, {"Brenner": "PERSON", "Dana Reyes": "PERSON"})) == "Brenner"


def test_a_name_before_an_adverb_and_a_relative_clause_speaks(nlp):
    text = "Ortiz, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about the race."
    assert _speaker_of(quotes_of(nlp, text, {"Ortiz": "PERSON"})) == "Ortiz"


def test_a_name_the_tagger_read_as_an_adjective_still_speaks(nlp):
    text = ('Trump, in Kentucky, said Tuesday that Ortiz was "a total lightweight" while Reyes is '
            '"a basket case."')
    assert _speaker_of(quotes_of(nlp, text, {"Ortiz": "PERSON", "Reyes": "PERSON"})) == "Trump"


def test_a_quantifier_subject_speaks(nlp):
    text = "Several said they would rather federal officials dole out funding for schools in blocks."
    assert _speaker_of(quotes_of(nlp, text)) == "Several"


def test_a_clitic_has_before_said_is_not_a_passive(nlp):
    text = "Look at Speaker Dana Reyes. She's said she gets her ideas about money from an old speech."
    assert _speaker_of(quotes_of(nlp, text, {"Dana Reyes": "PERSON"})) == "She"


def test_a_participle_hung_on_a_name_the_parser_made_the_root_belongs_to_the_name(nlp):
    text = ("Erin Brockman, the legendary environmental activist and lawyer, endorsed Sanders’ approach Saturday, "
            "saying she hadn’t yet called for the governor’s resignation.")
    speaker = _speaker_of(quotes_of(nlp, text, {"Erin Brockman": "PERSON", "Sanders": "PERSON"}), "saying")
    assert speaker is not None and "Brockman" in speaker


def test_a_quotation_right_after_a_report_in_the_same_paragraph_is_the_reporters(nlp):
    text = ("The county's new rule took effect in March. Marta Lind announced on Monday a lawsuit against the county "
            "and its sheriff. \u201cWe are seeking a court order that ends the practice for good.\u201d")
    quotes = quotes_of(nlp, text, {"Marta Lind": "PERSON"})
    [q] = [q for q in quotes if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_report_inside_the_attribution_does_not_break_the_statement(nlp):
    text = ('"That is the big question," Clark said, noting he would back any of the others. '
            '"We have developed a deep bench here."')
    quotes = quotes_of(nlp, text, {"Clark": "PERSON"})
    [q] = [q for q in quotes if q.kind == "direct"]
    assert len(q.parts) == 2 and q.speaker.entity == "e1"


def test_a_headline_name_speaks_the_quotation_a_subjectless_verb_follows(nlp):
    text = ("Ana Ortiz: \u2018It Is Not A Radical Idea\u2019 To Ask For A $15 Minimum Wage.\n\n"
            "Ortiz defended her plan on Monday.")
    # the headline's claim runs past the marks ("… To Ask For A $15 Minimum Wage"): one mixed quote, Ortiz's
    [q] = [q for q in quotes_of(nlp, text, {"Ana Ortiz": "PERSON"}) if q.kind in ("direct", "mixed")]
    assert q.speaker is not None and q.speaker.entity == "e1" and "It Is Not A Radical Idea" in q.text


def test_a_sentence_of_saying_with_no_content_introduces_the_next_quotation(nlp):
    text = ("Both candidates said the count was no big deal.\n\nTom Lau, the spokesman for the state party, said in "
            "a statement. \u201cThere are no paper ballots to recount. The results stand as reported.\u201d")
    [q] = [q for q in quotes_of(nlp, text, {"Tom Lau": "PERSON"}) if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_judging_sentence_introduces_the_quoted_paragraph_after_it(nlp):
    text = ("Dan Velasco praised the governor\u2019s leadership after the floods.\n\n"
            "\u201cWe need someone who is going to cut through the noise and bring people together.\u201d")
    [q] = [q for q in quotes_of(nlp, text, {"Dan Velasco": "PERSON"}) if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_sentence_attributing_the_quotation_before_does_not_start_a_new_one(nlp):
    text = '"Is that all there is?" Tom Reed said.\n\n"The speech had nothing on the budget."'
    quotes = [q for q in quotes_of(nlp, text, {"Tom Reed": "PERSON"}) if q.kind == "direct"]
    assert len(quotes) == 1 and len(quotes[0].parts) == 2
