"""Speakers of quotations the parse hides (issue 12, round two): each rule with sentences written for it."""
from __future__ import annotations

from test_quotes import quotes_of


def test_a_participle_of_saying_on_a_reported_clause_belongs_to_the_reporter(nlp):
    text = ('Dana Marsh argued that the new levy would drive shops out of the town centre, saying it was '
            '"a tax on the high street."')
    quotes = quotes_of(nlp, text, {"Dana Marsh": "PERSON"})
    [q] = [q for q in quotes if q.kind == "mixed"]
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_second_verb_of_saying_after_a_report_keeps_its_subject(nlp):
    text = ('The bridge was "an embarrassment," Owen Pike said on Monday in Leeds, adding that the council '
            '"has known for years."')
    quotes = quotes_of(nlp, text, {"Owen Pike": "PERSON"})
    assert quotes and all(q.speaker is not None and q.speaker.entity == "e1" for q in quotes)


def test_a_cue_hung_inside_the_quotation_takes_the_subject_outside_it(nlp):
    text = ('Mara Quill looked ready to joke about the delay at the rally in Ohio, telling the crowd, '
            '"Some buses get a little lost, have you noticed that?"')
    [q] = [q for q in quotes_of(nlp, text, {"Mara Quill": "PERSON"}) if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_an_age_standing_for_a_person_is_the_speaker_phrase(nlp):
    text = '"She has always been the hardest worker in this family," said the 52-year-old. "Always."'
    [q] = [q for q in quotes_of(nlp, text) if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.text == "the 52-year-old"


def test_an_opening_verb_before_a_name_and_colon_gives_the_name(nlp):
    text = ('Brill spoke to us on Monday.\n\nContinued Brill: "So I think it is a very real risk. The best we '
            'can do is register new voters."')
    [q] = quotes_of(nlp, text, {"Brill": "PERSON"})
    assert q.speaker is not None and q.speaker.text == "Brill" and q.speaker.entity == "e1"


def test_a_web_address_or_a_state_in_the_attribution_does_not_end_the_statement(nlp):
    for text in ('"The council has not listened to anyone here," said Rob Tull, who runs the watchdog.org '
                 'website. "It should start now, before the vote."',
                 '"The council has not listened to anyone here," said Sen. Rob Tull (D-Conn.). "It should '
                 'start now, before the vote."'):
        [q] = quotes_of(nlp, text, {"Rob Tull": "PERSON"})
        assert len(q.parts) == 2 and q.speaker.entity == "e1", text


def test_a_speaker_the_parse_put_inside_the_quoted_clause_is_read_after_the_quotation(nlp):
    text = ('The campaign is worried about polls. "It is not the case that all is rosy," Gene Tarrow, a senior '
            'outside adviser, said at a breakfast in Iowa.')
    [q] = quotes_of(nlp, text, {"Gene Tarrow": "PERSON"})
    assert q.kind == "direct" and q.speaker.text == "Gene Tarrow" and q.speaker.entity == "e1"


def test_a_report_inside_a_report_leaves_the_quotation_to_the_outer_speaker(nlp):
    text = ('Hal Brody said he would advise the mayor on "the real threats out there, which I do not think the '
            'council even understands."')
    quotes = quotes_of(nlp, text, {"Hal Brody": "PERSON"})
    [q] = [q for q in quotes if q.kind == "mixed"]
    assert q.speaker.entity == "e1" and q.speaker.text == "Hal Brody"


def test_a_second_verb_of_saying_coordinated_with_the_report_ends_it(nlp):
    text = ('But she told the radio show that she thinks the plan is "a total waste" and said "the record is '
            'quite clear on that."')
    quotes = quotes_of(nlp, text)
    first = next(q for q in quotes if "total waste" in q.text)
    assert "record" not in first.text
    assert any("record is quite clear" in q.text and q.speaker is not None and q.speaker.text == "she"
               for q in quotes)


def test_a_name_right_before_the_verb_speaks_when_the_parse_hangs_the_verb_in_the_quotation(nlp):
    text = ('On Tuesday, while discussing a post from a rival featuring a doctored photo, Council Speaker Rep. '
            'Dana Marsh (D-OH) said "doctored photos, they have got no place in a campaign for mayor."')
    [q] = [q for q in quotes_of(nlp, text, {"Dana Marsh": "PERSON"}) if q.kind != "indirect"]
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_an_attribution_never_reaches_across_a_line_break(nlp):
    text = ('Asked about the lawsuits, the candidate shrugged.\n"They sue," he said. "Everybody sues, right?"\n'
            'Later, Ana Ortiz claimed that the city does not face any lawsuits at all.')
    quotes = quotes_of(nlp, text, {"Ana Ortiz": "PERSON"})
    sues = [q for q in quotes if "sue" in q.text]
    assert sues and all(q.speaker is not None and q.speaker.entity != "e1" for q in sues)


def test_the_one_quoted_as_saying_speaks_also_in_the_passive_and_first_in_the_text(nlp):
    for text in ('Ortiz was quoted as saying that the budget would be cut by half.',
                 'In the interview, Ortiz was quoted as saying that the budget would be cut by half.'):
        [q] = quotes_of(nlp, text, {"Ortiz": "PERSON"})
        assert q.speaker is not None and q.speaker.entity == "e1", text
