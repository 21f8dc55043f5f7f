"""Quotations whose clause the parser broke (issue 12, error study on PolNeAR train): a sentence split at a full
stop inside a quotation, a reported clause left without its subject, a report set off from its verb by a comma
alone, a claim noun around a named speaker's words, a speaker's relative aside holding commas of its own.
Sentences are made up."""
from __future__ import annotations

from test_quotes import quotes_of


def _one(quotes, kind):
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, quotes
    return found[0]


def test_a_quotation_opening_in_a_clause_runs_on_past_a_full_stop_inside_it(nlp):
    text = ("Reyes, meanwhile, told the Gazette on Wednesday that she is in favor of the plan because “we don’t "
            "need a wonk as mayor. We need a leader as mayor.”")
    q = _one(quotes_of(nlp, text, {"Reyes": "PERSON"}), "mixed")
    assert text[q.span[0]:q.span[1]].startswith("she is in favor")
    assert text[q.span[0]:q.span[1]].endswith("We need a leader as mayor.”")
    assert q.speaker is not None and q.speaker.text == "Reyes"


def test_a_reported_clause_the_parser_left_subjectless_takes_the_phrase_before_it(nlp):
    text = ('Reyes, the author of "Going Under," about the spread of rumors, said the days when the town had '
            '"a somewhat unifying story" from its papers are gone.')
    q = _one(quotes_of(nlp, text, {"Reyes": "PERSON"}), "mixed")
    assert text[q.span[0]:q.span[1]].startswith("the days when the town had")
    assert q.speaker is not None and q.speaker.text == "Reyes"


def test_a_report_closed_by_its_subject_and_verb_after_a_comma(nlp):
    text = 'Those who do take on heavy debt struggle, even with a "good" job, he said.'
    q = _one(quotes_of(nlp, text), "mixed")
    assert text[q.span[0]:q.span[1]] == 'Those who do take on heavy debt struggle, even with a "good" job'
    assert q.speaker is not None and q.speaker.text == "he"


def test_a_report_after_its_verb_and_a_comma(nlp):
    text = "In both cases, Tom Beck said, those donations paid for \"sponsorships\" at the foundation's tournament."
    q = _one(quotes_of(nlp, text, {"Tom Beck": "PERSON"}), "mixed")
    assert text[q.span[0]:q.span[1]].startswith("those donations paid for")
    assert q.speaker is not None and q.speaker.text == "Tom Beck"


def test_a_comma_after_said_before_a_quotation_is_no_unparsed_report(nlp):
    text = 'Tom Beck said, "We will fight this in court."'
    q = _one(quotes_of(nlp, text, {"Tom Beck": "PERSON"}), "direct")
    assert q.speaker is not None and q.speaker.text == "Tom Beck"


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


def _mixed_text(nlp, text, names):
    q = _one(quotes_of(nlp, text, names), "mixed")
    return text[q.span[0]:q.span[1]]


def test_a_participle_clause_after_the_quotation_is_the_writers_aside(nlp):
    text = 'Reyes said the vote was "rigged from the start," sparking a firestorm of criticism from the council.'
    assert _mixed_text(nlp, text, {"Reyes": "PERSON"}) == 'the vote was "rigged from the start,"'


def test_an_apposition_judging_the_words_is_the_writers_aside(nlp):
    text = 'Reyes called the plan "a disgrace to the city," an unusually sharp rebuke from a party ally.'
    assert _mixed_text(nlp, text, {"Reyes": "PERSON"}) == 'the plan "a disgrace to the city,"'


def test_words_after_a_dash_or_a_closing_relative_clause_are_the_writers_aside(nlp):
    text = "Reyes said he was “encouraged” by the plan — a modest boost for the mayor since 2009, when it failed."
    assert _mixed_text(nlp, text, {"Reyes": "PERSON"}) == "he was “encouraged” by the plan"
    text = 'Reyes said on the radio that she would "take a look" at such rules, which would give the police time.'
    assert _mixed_text(nlp, text, {"Reyes": "PERSON"}) == 'she would "take a look" at such rules'


def test_a_pair_of_dashes_or_a_relative_clause_inside_the_report_does_not_end_it(nlp):
    text = 'And she argued that "every member on the council" - including Reyes - favored some sort of tax on the port.'
    assert _mixed_text(nlp, text, {"Reyes": "PERSON"}).endswith("favored some sort of tax on the port")
    text = ('He also said the campaign is "pleased" that Reyes, who refused to testify before a committee, is '
            'cooperating with the inquiry.')
    assert _mixed_text(nlp, text, {"Reyes": "PERSON"}).endswith("is cooperating with the inquiry")


def test_the_answer_after_when_asked_is_not_the_question(nlp):
    text = 'When asked why, Beck responded in a text message: "The mayor will be the party\'s nominee."'
    quotes = quotes_of(nlp, text, {"Beck": "PERSON"})
    q = next(q for q in quotes if q.parts)
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Beck"
    text = 'When asked whether he would run again, Beck replied: "I have not decided yet."'
    quotes = quotes_of(nlp, text, {"Beck": "PERSON"})
    assert any(q.kind == "indirect" and text[q.span[0]:q.span[1]] == "whether he would run again" for q in quotes)


def test_an_opening_mark_typed_where_a_closer_belongs_closes_the_quotation():
    from newsgraph.enrichment.quotes.marks import find_stretches
    text = "Beck called the ruling “abhorrent“ in a post and “a disgrace,“ he said. “We will appeal.”"
    assert [text[s.start:s.end] for s in find_stretches(text)] == ["abhorrent", "a disgrace", "We will appeal."]
    text = "Beck said“We will appeal” on Monday."  # glued to the word before, still an opener
    assert [text[s.start:s.end] for s in find_stretches(text)] == ["We will appeal"]


def test_a_name_with_party_and_state_before_a_colon_speaks(nlp):
    text = ("Ortiz's claim that the emails were 'in the system' is her camp's reckoning.\n\n"
            'Rep. Tom Beck (R-S.C.): "I have not heard anyone other than you ever cite that figure. Who told you?"')
    quotes = quotes_of(nlp, text, {"Ana Ortiz": "PERSON", "Tom Beck": "PERSON"})
    q = next(q for q in quotes if q.kind == "direct")
    assert q.speaker is not None and q.speaker.text.endswith("Tom Beck")


def test_a_finite_verb_hung_on_the_noun_before_it_has_that_noun_for_subject(nlp):
    text = ("Some in the crowd booed, and when Reyes thanked the city and said it was great to be home, a man yelled "
            "“Stay there!”")
    q = next(q for q in quotes_of(nlp, text, {"Reyes": "PERSON"}) if q.kind == "direct")
    assert q.speaker is not None and q.speaker.text == "a man" and q.speaker.via == "nominal"


def test_a_naming_verb_coordinated_in_the_report_makes_a_second_report(nlp):
    text = "He did say he found Reyes to be “very charming” and called her standing in the field “unheard of.”"
    quotes = [q for q in quotes_of(nlp, text, {"Dana Reyes": "PERSON"}) if q.kind == "mixed"]
    assert [text[q.span[0]:q.span[1]] for q in quotes] == ["he found Reyes to be “very charming”",
                                                          "her standing in the field “unheard of.”"]
    assert quotes[1].cue == "called" and quotes[1].speaker is not None and quotes[1].speaker.text == "He"


def test_a_participle_of_saying_after_a_comma_inside_the_marks_is_a_second_report(nlp):
    text = ('To wit, Beck told the paper that Reyes “had a crazy policy which was maniacal,” adding, “She lost all '
            'of the vote.”')
    quotes = quotes_of(nlp, text, {"Tom Beck": "PERSON", "Dana Reyes": "PERSON"})
    mixed = _one(quotes, "mixed")
    assert text[mixed.span[0]:mixed.span[1]].endswith("maniacal,”")
    direct = _one(quotes, "direct")
    assert direct.cue == "adding" and direct.speaker is not None and direct.speaker.text == "Beck"


def test_a_notice_heading_with_a_parenthesis_before_a_colon_is_no_name(nlp):
    """Only a name ends on a capital before its parenthesis: "Parish meeting (Monday, 8pm):" heads a notice."""
    text = 'Parish meeting (Monday, 8pm): "All residents are welcome to attend."'
    quotes = quotes_of(nlp, text, {})
    assert not [q for q in quotes if q.speaker is not None and q.speaker.text.startswith("Parish")]
