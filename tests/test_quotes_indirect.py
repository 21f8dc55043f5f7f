"""Indirect speech and attributions beyond "said" (issue 12, class 5): one made-up sentence or page per rule."""
from __future__ import annotations

import pytest

from newsgraph.enrichment.entities import find_entities
from newsgraph.enrichment.quotes import find_quotes
from newsgraph.enrichment.quotes.marks import find_stretches
from newsgraph.evaluate.gold_polnear import GoldAttribution


def quotes(nlp, text):
    doc = nlp(text)
    return find_quotes(doc, find_entities(doc))


def content(text, q):
    return text[q.span[0]:q.span[1]]


def by_cue(qs, cue):
    found = [q for q in qs if q.cue == cue]
    assert len(found) == 1, [(q.cue, q.text) for q in qs]
    return found[0]


# ---- '' written for a double quotation mark ---------------------------------------------------------------------

def test_two_apostrophes_make_a_double_mark():
    text = "''We will not move,'' said Dana Price. ''Not this year.''"
    inner = [[text[s:e] for s, e in q.parts] for q in find_stretches(text)]
    assert inner == [["We will not move"], ["Not this year."]]
    first = find_stretches(text)[0]
    assert text[first.outer[0]:first.outer[1]] == "''We will not move,''"


def test_two_apostrophes_inside_a_word_are_no_mark():
    assert find_stretches("The rock''n roll band played on.") == []


def test_quoted_sentence_in_apostrophes_is_a_direct_quote(nlp):
    text = "''The budget is empty,'' the treasurer, Mark Olsen, said on Monday."
    [q] = quotes(nlp, text)
    assert q.kind == "direct" and q.text == "The budget is empty" and "Mark Olsen" in q.speaker.text


def test_scorer_counts_two_apostrophes_as_a_quotation_mark():
    text = "He said ''no'' twice."
    assert GoldAttribution([(8, 14)]).quoted(text)
    assert not GoldAttribution([(0, 7)]).quoted(text)


# ---- the report interrupted by its attribution -------------------------------------------------------------------

def test_parenthetical_attribution_keeps_the_longer_side(nlp):
    text = ("The trouble with the new rail line, she said, is that nobody has yet paid for the tunnels under the "
            "river.")
    q = by_cue(quotes(nlp, text), "said")
    assert "nobody has yet paid for the tunnels" in content(text, q)


# ---- speech acts reported through their object ----------------------------------------------------------------

@pytest.mark.parametrize("text, cue, starts", [
    ("Governor Maria Lund accused the agency of hiding the cost of the bridge.", "accused",
     "the agency of hiding"),
    ("The union criticized the company for its plan to close two plants.", "criticized",
     "the company for its plan"),
    ("Mayor Tom Reyes called for a ban on new towers along the river.", "called", "a ban on new towers"),
    ("Senator Dana Holt pointed to the rising cost of housing in the city.", "pointed", "the rising cost"),
    ("The senator described the deal as a betrayal of workers.", "described", "the deal as a betrayal"),
])
def test_speech_act_reports_its_object(nlp, text, cue, starts):
    q = by_cue(quotes(nlp, text), cue)
    assert q.kind == "indirect" and content(text, q).startswith(starts) and q.speaker is not None


def test_thing_that_supports_is_no_speaker(nlp):
    assert quotes(nlp, "The old bridge supports two lanes of traffic.") == []


@pytest.mark.parametrize("text, cue, whole", [
    ("The minister urged the government to speed up the work on the harbour.", "urged",
     "the government to speed up the work on the harbour"),
    ("Senator Dana Holt called on the governor to resign over the water crisis.", "called",
     "the governor to resign over the water crisis"),
])
def test_request_content_names_who_is_asked(nlp, text, cue, whole):
    """Requests and orders are attributions in PARC-style gold, the one asked to act included."""
    q = by_cue(quotes(nlp, text), cue)
    assert q.kind == "indirect" and content(text, q) == whole


def test_poll_finding_is_reported_through_its_object(nlp):
    text = "A new poll shows Governor Lund with a six-point lead over her rival."
    q = by_cue(quotes(nlp, text), "shows")
    assert content(text, q).startswith("Governor Lund with a six-point lead") and q.speaker.text == "A new poll"


def test_a_subject_that_is_no_source_finds_nothing(nlp):
    assert quotes(nlp, "The hikers found a path through the woods.") == []


# ---- verbs the lemmatizer misreads, phrasal verbs ------------------------------------------------------------------

def test_hoping_is_a_stance(nlp):
    text = "Officials in the port are hoping the talks will resume next week."
    q = by_cue(quotes(nlp, text), "hoping")
    assert content(text, q) == "the talks will resume next week"


@pytest.mark.parametrize("text, cue", [
    ("Councillor Ana Ruiz hopes the ferry service will resume in May.", "hopes"),
    ("Union leaders hoped the strike would end before the holidays.", "hoped"),
])
def test_hopes_and_hoped_are_a_stance(nlp, text, cue):
    """The lemmatizer reads "hopes" and "hoped" as forms of "hop": the stance is "hope" all the same."""
    q = by_cue(quotes(nlp, text), cue)
    assert q.kind == "indirect" and content(text, q).startswith("the ")
    assert q.speaker is not None and q.speaker.text in ("Councillor Ana Ruiz", "Union leaders")


@pytest.mark.parametrize("text, cue, said", [
    ("At the meeting the minister stressed the importance of the harbour wall.", "stressed",
     "the importance of the harbour wall"),
    ("In her speech Councillor Ana Ruiz underscored the need for cheaper ferries.", "underscored",
     "the need for cheaper ferries"),
])
def test_stressing_reports_its_object(nlp, text, cue, said):
    """A verb of saying with weight ("stressed", "emphasized", "underscored") reports its noun-phrase object, as
    "announced" and "confirmed" do."""
    q = by_cue(quotes(nlp, text), cue)
    assert q.kind == "indirect" and content(text, q) == said


@pytest.mark.parametrize("text", [
    "The coach stressed the players with double sessions all week.",
    "Night shifts stressed the nurses more than the managers had expected.",
])
def test_stressing_people_reports_nothing(nlp, text):
    """"stressed the players": strain put on people, not a point made."""
    assert not [q for q in quotes(nlp, text) if q.cue == "stressed"]


def test_according_to_at_the_end_reports_the_whole_clause_before_it(nlp):
    """"A and B, according to X": the phrase closes what it attributes, a second verb sharing the subject included
    (the parser hangs the phrase on that second verb)."""
    text = "The senator left the lunch early and said little, according to an aide."
    q = by_cue(quotes(nlp, text), "according to")
    assert content(text, q) == "The senator left the lunch early and said little" and q.speaker.text == "an aide"


def test_according_to_in_the_middle_keeps_the_side_with_the_verb(nlp):
    text = "But late on the following Tuesday morning, according to Reyes, the mayor refused to sign."
    q = by_cue(quotes(nlp, text), "according to")
    assert content(text, q) == "the mayor refused to sign" and q.speaker.text == "Reyes"


@pytest.mark.parametrize("text, said, who", [
    ("Councillor Ana Ruiz's view is that the ferry tax will fail.", "the ferry tax will fail", "Councillor Ana Ruiz's"),
    ("Her argument was that the harbour board had no mandate.", "the harbour board had no mandate", "Her"),
])
def test_an_owned_view_is_that_reports_the_clause(nlp, text, said, who):
    """"X's view is that …": the owner's view, reported through "be" (unowned, "the problem is that …", is the
    writer's framing and no report)."""
    [q] = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert content(text, q) == said and q.speaker.text == who
    assert quotes(nlp, "The problem is that the harbour board had no mandate.") == []


def test_pointed_out_that_reports_its_clause(nlp):
    text = "Councillor Ana Ruiz pointed out that the bridge was built in 1990."
    q = by_cue(quotes(nlp, text), "pointed")
    assert content(text, q) == "the bridge was built in 1990"


# ---- where a reported clause ends ---------------------------------------------------------------------------------

def test_report_ends_before_a_participle_of_saying(nlp):
    text = ("Pastor Lee Grant said he saw no need to change his sermon, telling reporters that he would stay "
            "the course.")
    said = by_cue(quotes(nlp, text), "said")
    assert content(text, said) == "he saw no need to change his sermon"


def test_report_ends_before_a_second_speaker(nlp):
    text = "Half of the voters said the party ignores them and one in four said the party was hostile to them."
    qs = quotes(nlp, text)
    first = min((q for q in qs if q.cue == "said"), key=lambda q: q.span[0])
    assert content(text, first) == "the party ignores them"


def test_nested_report_keeps_its_own_speaker(nlp):
    text = "He said the plan was late, adding that the builders told him they had no budget."
    told = by_cue(quotes(nlp, text), "told")
    assert told.speaker.text == "the builders" and content(text, told) == "they had no budget"


def test_person_asked_is_not_the_asker(nlp):
    text = "Asked by reporters whether he would run again, Mayor Tom Reyes said he had not decided."
    qs = quotes(nlp, text)
    asked = by_cue(qs, "Asked")
    assert asked.speaker is not None and asked.speaker.text == "reporters"
    assert by_cue(qs, "said").speaker.text == "Mayor Tom Reyes"


# ---- transcript lines and claim nouns -----------------------------------------------------------------------------

def test_transcript_line_reports_its_paragraph(nlp):
    text = ("Q: Is the mayor a healer?\n\nHOLLOWAY: I think he is trying to heal the city. I think that has been "
            "his message.\n\nUPDATE: The vote was moved to Friday.")
    qs = quotes(nlp, text)
    line = [q for q in qs if q.speaker is not None and q.speaker.text == "HOLLOWAY"]
    assert len(line) == 1 and line[0].text.startswith("I think he is trying") and line[0].kind == "indirect"
    assert not any(q.speaker is not None and q.speaker.text == "UPDATE" for q in qs)


def test_claim_noun_reports_its_clause_for_the_possessor(nlp):
    text = "Governor Maria Lund's claim that the vote was rigged drew sharp criticism."
    q = by_cue(quotes(nlp, text), "claim")
    assert content(text, q) == "the vote was rigged" and q.speaker.text.startswith("Governor Maria Lund")


def test_claim_noun_inside_a_report_is_part_of_it(nlp):
    text = "Councillor Ana Ruiz rejected the claim that the bridge was unsafe."
    qs = quotes(nlp, text)
    assert [q.cue for q in qs] == ["rejected"]


def test_according_to_keeps_the_report_it_cites(nlp):
    """The source named by "according to" gives the whole clause; the report inside it is one of its own."""
    text = "According to the Daily Courier, the company has stated it will not fund the convention."
    qs = quotes(nlp, text)
    acc = by_cue(qs, "According to")
    assert content(text, acc).startswith("the company has stated") and acc.speaker.text == "the Daily Courier"
    assert by_cue(qs, "stated").speaker.text == "the company"


def test_stated_intention_is_reported(nlp):
    text = "Mayor Tom Reyes has agreed to pay for the repairs to the harbour wall."
    q = by_cue(quotes(nlp, text), "agreed")
    assert content(text, q) == "to pay for the repairs to the harbour wall"


# ---- round four: groups that take a stance, stances nested in another report -------------------------------------

def test_group_subject_takes_a_stance(nlp):
    text = "Students support the plan to cut fees by a wide margin."
    q = by_cue(quotes(nlp, text), "support")
    assert q.kind == "indirect" and content(text, q).startswith("the plan to cut fees")
    assert q.speaker is not None and q.speaker.text == "Students"


def test_participle_on_a_group_takes_a_stance(nlp):
    text = "Millions of dollars went into groups backing the plan to widen the road."
    q = by_cue(quotes(nlp, text), "backing")
    assert content(text, q).startswith("the plan to widen")
    assert q.speaker is not None and q.speaker.text == "groups"


def test_stance_on_a_person_alone_names_no_words(nlp):
    """A stance whose object is a person or a thing ("support Senator Ortiz") reports no words: no record (see
    tests/test_quotes.py::test_stance_on_a_thing_reports_no_words); with a clause in the object it is one."""
    assert not [q for q in quotes(nlp, "Students support Senator Ortiz by a wide margin.") if q.kind == "indirect"]


def test_thing_subject_takes_no_stance(nlp):
    text = "The new budget supports the plan to widen the road."
    assert not [q for q in quotes(nlp, text) if q.cue == "supports"]


def test_stance_inside_a_stance_is_part_of_it(nlp):
    text = "Ana Ortiz accused the mayor of supporting the developers over the residents."
    qs = quotes(nlp, text)
    assert [q.cue for q in qs] == ["accused"]
    assert "supporting the developers" in content(text, qs[0])


def test_reported_act_is_the_content(nlp):
    text = "The senator denied taking money from the lobbyists."
    q = by_cue(quotes(nlp, text), "denied")
    assert content(text, q) == "taking money from the lobbyists"


def test_untyped_name_reports_an_object(nlp):
    text = "In April, Zentrix reported disappointingly flat user growth and weak revenue."
    q = by_cue(quotes(nlp, text), "reported")
    assert content(text, q).startswith("disappointingly flat user growth")


def test_question_with_if_is_what_was_asked(nlp):
    text = "The activist asked the former governor during a chat if she would commit to his pledge."
    q = by_cue(quotes(nlp, text), "asked")
    assert content(text, q).endswith("she would commit to his pledge")


def test_condition_on_asking_is_no_question(nlp):
    text = "She will resign if the council asks."
    assert not [q for q in quotes(nlp, text) if q.cue == "asks"]


def test_according_to_keeps_a_subject_the_parser_cut_off(nlp):
    text = "Teenage undergraduates with nonexistent credit histories might not be so lucky, according to Jason Delisle."
    q = by_cue(quotes(nlp, text), "according to")
    assert content(text, q) == "Teenage undergraduates with nonexistent credit histories might not be so lucky"


def test_declining_to_comment_is_a_response(nlp):
    text = "His attorney, Dana Price, declined to comment."
    q = by_cue(quotes(nlp, text), "declined")
    assert content(text, q) == "to comment" and q.speaker is not None


def test_no_response_to_a_request_reports_the_request(nlp):
    text = "Ana Ortiz did not respond to a request for comment."
    q = by_cue(quotes(nlp, text), "respond")
    assert content(text, q) == "a request for comment"


def test_responding_to_a_crowd_is_no_report(nlp):
    assert not [q for q in quotes(nlp, "She did not respond to the crowd.") if q.cue == "respond"]


def test_adjective_of_belief_reports_its_clause(nlp):
    text = "Ana Ortiz is confident that the bill will pass."
    q = by_cue(quotes(nlp, text), "confident")
    assert content(text, q) == "the bill will pass" and q.speaker.text == "Ana Ortiz"


def test_adjective_of_belief_reports_its_object(nlp):
    text = "Voters are deeply skeptical of the new tax plan."
    q = by_cue(quotes(nlp, text), "skeptical")
    assert content(text, q) == "the new tax plan"


def test_made_clear_is_a_statement_and_make_sure_is_not(nlp):
    text = "The mayor made clear that she would not resign."
    q = by_cue(quotes(nlp, text), "clear")
    assert content(text, q) == "she would not resign"
    assert not quotes(nlp, "Make sure that the door is locked.")
    assert not quotes(nlp, "It is not clear that the plan will work.")


def test_adjective_of_belief_attributes_no_quotation(nlp):
    text = 'When he was worried about the vote, Ortiz observed, "what would you pick?"'
    assert all(q.cue != "worried" for q in quotes(nlp, text) if q.kind == "direct")


def test_belief_as_an_aside_reports_its_host_clause(nlp):
    text = "Such efforts, they believe, will render the long-term play moot."
    q = by_cue(quotes(nlp, text), "believe")
    assert "will render the long-term play moot" in content(text, q)
    assert q.speaker is not None and q.speaker.text == "they"


def test_records_show_their_finding(nlp):
    text = "Court records show a long history of disputes with contractors."
    q = by_cue(quotes(nlp, text), "show")
    assert content(text, q).startswith("a long history of disputes")


def test_as_someone_reported_reports_the_host_clause(nlp):
    text = "Mr. Ortiz voiced support for the war, as the Daily Courier first reported."
    q = by_cue(quotes(nlp, text), "reported")
    assert content(text, q) == "Mr. Ortiz voiced support for the war"
    text = "As the Courier reported on Saturday, he has already emerged as an influential adviser."
    q = by_cue(quotes(nlp, text), "reported")
    assert content(text, q) == "he has already emerged as an influential adviser"


def test_as_with_a_time_or_as_if_is_no_report(nlp):
    assert not quotes(nlp, "He left as the crowd said goodbye.")
    assert not quotes(nlp, "She smiled, as if to say she knew.")


def test_posting_reports_what_was_posted(nlp):
    text = "Ana Ortiz tweeted the transcript of the full exchange on Sunday."
    q = by_cue(quotes(nlp, text), "tweeted")
    assert content(text, q).startswith("the transcript of the full exchange")


def test_preference_with_an_object_is_a_stance(nlp):
    text = "Young Democrats prefer the plan to raise the minimum wage."
    q = by_cue(quotes(nlp, text), "prefer")
    assert content(text, q) == "the plan to raise the minimum wage"


def test_seeking_to_act_stays_an_intention(nlp):
    text = "Ortiz sought to distance herself from the trade policies of the 1990s."
    q = by_cue(quotes(nlp, text), "sought")
    assert content(text, q).startswith("to distance herself")


def test_reminded_is_a_verb_of_saying(nlp):
    text = "Ortiz reminded viewers that she had opposed the wage increase."
    q = by_cue(quotes(nlp, text), "reminded")
    assert content(text, q) == "she had opposed the wage increase"


def test_headline_run_into_the_text_is_no_subject(nlp):
    text = "Zentrix launches new, faster Zphone\n\nMay 4, 2011\n\nZentrix Devices today announced the newest " \
           "version of their popular Zphone, the Zphone 5X."
    for q in quotes(nlp, text):
        assert q.speaker is None or "\n" not in text[q.speaker.span[0]:q.cue_span[0]], q


def test_an_answer_of_yes_is_reported(nlp):
    text = "Everyone but Ortiz said yes."
    q = by_cue(quotes(nlp, text), "said")
    assert content(text, q) == "yes"


@pytest.mark.parametrize("text", ["Reporters asked if the plant would close.",
                                  "Reporters asked the mayor whether the plant would close."])
def test_a_reported_question_keeps_its_question_word(nlp, text):
    """Without its 'if'/'whether' a question reads as the claim that the plant would close."""
    q = by_cue(quotes(nlp, text), "asked")
    assert content(text, q).split()[0] in ("if", "whether") and content(text, q).endswith("the plant would close")


# ---- round five: headlines, polls, a second act of the reported subject --------------------------------------------

def test_headline_name_and_colon_reports_the_rest_of_the_line(nlp):
    text = ("Dana Whitfield: Rail Fares Will Rise Again Next Spring.\n\nThe transport minister spoke to reporters "
            "in Leeds on Tuesday.")
    [q] = [q for q in quotes(nlp, text) if q.span[0] < 60]
    assert q.kind == "indirect" and q.text == "Rail Fares Will Rise Again Next Spring"
    assert q.speaker.text == "Dana Whitfield"


def test_headline_with_quoted_words_is_mixed_and_names_only_the_speaker(nlp):
    text = ("Whitfield to Commuters: New Timetable Is ‘A Fresh Start’ for the Line.\n\nThe minister wrote to "
            "season-ticket holders on Monday.")
    [q] = [q for q in quotes(nlp, text) if q.span[0] < 70]
    assert q.kind == "mixed" and q.text.startswith("New Timetable Is") and q.parts
    assert q.speaker.text == "Whitfield"


@pytest.mark.parametrize("title", ["The Latest: Fares rise on three northern lines.",
                                   "Breaking: Fares Rise on Three Northern Lines.",
                                   "Dana Whitfield: Minister or Manager of the Railways?"])
def test_headline_label_or_question_is_no_claim(nlp, title):
    text = title + "\n\nThe minister spoke on Tuesday."
    assert not [q for q in quotes(nlp, text) if q.span[0] < len(title)]


def test_headline_rule_reads_only_the_first_paragraph(nlp):
    text = ("Fares rise again.\n\nThe ministry released its figures on Tuesday.\n\nWhitfield to Voters: Fares "
            "Will Rise Again.")
    assert not [q for q in quotes(nlp, text) if q.speaker is not None and "Whitfield" in q.speaker.text]


def test_clause_measured_in_a_poll_is_the_polls_finding(nlp):
    text = "In a Herald survey released Monday, Ortiz led Brennan by 12 points among likely voters."
    q = by_cue(quotes(nlp, text), "In")
    assert content(text, q) == "Ortiz led Brennan by 12 points among likely voters"
    assert q.speaker.text.startswith("a Herald survey")


def test_poll_in_a_relative_clause_reports_nothing(nlp):
    text = "Brennan, who trails in the polls, opened an office in the harbour district."
    assert not [q for q in quotes(nlp, text) if q.cue == "in"]


def test_second_act_of_the_reported_subject_stays_in_the_report(nlp):
    """"mentioned that X broke ranks and supported Y": "supported" is X's, inside what was mentioned."""
    text = ("The advert did not mention that Senator Lund broke ranks with her party and supported the governor's "
            "original plan for the harbour.")
    q = by_cue(quotes(nlp, text), "mention")
    assert content(text, q).endswith("original plan for the harbour")


def test_verb_of_speaking_reports_the_topic_it_names(nlp):
    """"questioned the mayor's judgment", "mentioned the harbour wall": words about a topic, reported through it; a
    stance on a thing ("opposed the plan") still reports nothing."""
    text = "At the meeting, Councillor Ortiz questioned the mayor's judgment."
    q = by_cue(quotes(nlp, text), "questioned")
    assert content(text, q) == "the mayor's judgment" and q.speaker.text == "Councillor Ortiz"
    text = "In her speech Ortiz barely mentioned the harbour wall."
    assert content(text, by_cue(quotes(nlp, text), "mentioned")) == "the harbour wall"
    assert not [q for q in quotes(nlp, "Councillor Ortiz opposed the harbour plan.") if q.cue == "opposed"]


def test_judging_in_words_reports_what_was_judged(nlp):
    text = "The union's leader, Dana Price, sharply criticized the ferry company's new timetable on Friday."
    q = by_cue(quotes(nlp, text), "criticized")
    assert content(text, q).startswith("the ferry company's new timetable") and "Dana Price" in q.speaker.text
    assert not [q for q in quotes(nlp, "Dana Price backed the new timetable.") if q.cue == "backed"]


def test_object_report_ends_before_the_writers_aside(nlp):
    """"cited the harbour fund, a grant scheme set up in 2019": the aside says what the fund is; the speaker
    cited the fund."""
    text = "Councillor Ortiz cited the harbour fund, a grant scheme set up by the county in 2019."
    q = by_cue(quotes(nlp, text), "cited")
    assert content(text, q) == "the harbour fund"


def test_quotation_opening_in_a_reported_clause_runs_to_its_closing_mark(nlp):
    text = ('Mayor Dana Holt, hoping to win the harbour vote, called Ortiz a "spoiled child" who is behaving "as if '
            'he owns the port, as if he owns the town."')
    [q] = [q for q in quotes(nlp, text) if q.kind == "mixed"]
    assert q.span[1] == len(text) and len(q.parts) == 2 and "Dana Holt" in q.speaker.text


def test_describing_something_reports_what_was_described(nlp):
    text = "At the hearing, Mayor Dana Holt described the damage to the harbour wall."
    q = by_cue(quotes(nlp, text), "described")
    assert content(text, q) == "the damage to the harbour wall"


def test_asking_for_something_reports_the_request(nlp):
    text = "The county's attorney, Dana Price, asked the court for a quick ruling."
    q = by_cue(quotes(nlp, text), "asked")
    assert content(text, q) == "a quick ruling" and "Dana Price" in q.speaker.text


def test_call_for_someone_to_act_reports_the_whole_request(nlp):
    text = "After the vote, Senator Lund called for the harbour master to resign."
    q = by_cue(quotes(nlp, text), "called")
    assert content(text, q) == "the harbour master to resign"


def test_owned_speech_act_noun_reports_what_it_is_about(nlp):
    text = "Ortiz's repeated attacks on the harbour authority have cost her allies on the council."
    q = by_cue(quotes(nlp, text), "attacks")
    assert content(text, q) == "the harbour authority" and q.speaker.text.startswith("Ortiz")
    assert not [q for q in quotes(nlp, "The attacks on the harbour shocked the town.") if q.cue == "attacks"]


def test_referring_to_someone_as_something_keeps_what_they_were_called(nlp):
    text = "In her speech, Ortiz referred to the mayor as a careless steward of the harbour."
    q = by_cue(quotes(nlp, text), "referred")
    assert content(text, q) == "the mayor as a careless steward of the harbour"
