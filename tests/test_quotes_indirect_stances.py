"""Indirect reports (issue 12, class 5): agentless expectations, stances, depictions and hearsay, one made-up sentence
per rule, names invented."""
from __future__ import annotations

from newsgraph.enrichment.quotes.cues import find_cues
from tests.test_quotes_indirect_recall import content, parsed, quotes


def indirect(text, qs):
    return [q for q in qs if q.kind == "indirect"]


# ---- a passive stance with its holder unnamed ---------------------------------------------------------------------

def test_is_expected_to_is_a_stance_of_unnamed_observers(nlp):
    text = "The harbour board is expected to approve the new pier at its meeting in March."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "expected" and q.speaker is None
    assert "approve the new pier" in content(text, q)


def test_it_is_widely_believed_that(nlp):
    text = "It is widely believed that the mayor will step down before the summer."
    [q] = indirect(text, quotes(nlp, text))
    assert content(text, q) == "the mayor will step down before the summer" and q.speaker is None


def test_an_expectation_with_its_holder_keeps_the_holder(nlp):
    text = "Dana Marsh expects the harbour board to approve the pier."
    [q] = indirect(text, quotes(nlp, text))
    assert q.speaker is not None and q.speaker.text == "Dana Marsh"


def test_a_thing_expected_is_no_report(nlp):
    text = "A crowd of thousands is expected at the harbour on Sunday."
    assert indirect(text, quotes(nlp, text)) == []


# ---- what "say" takes as a noun phrase ------------------------------------------------------------------------------

def test_say_with_a_clause_the_parser_took_for_an_object(nlp):
    text = "Aides say the more delegates Ortiz wins, the more leverage she will have at the convention."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "say" and q.speaker.text == "Aides"
    assert content(text, q).startswith("the more delegates Ortiz wins")


def test_say_a_noun_phrase_reports_it(nlp):
    text = "Dana Marsh says racist things, her critics complain."
    qs = indirect(text, quotes(nlp, text))
    assert any(content(text, q) == "racist things" and q.speaker.text == "Dana Marsh" for q in qs)


def test_tell_a_hearer_reports_no_object(nlp):
    text = "Dana Marsh told the council members on Monday."
    assert indirect(text, quotes(nlp, text)) == []


# ---- "see X as Y": a judgement, like "view X as Y" ------------------------------------------------------------------

def test_see_as_reports_the_judgement(nlp):
    text = "Voters in the port towns see the mayor as the stronger candidate."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "see" and content(text, q) == "the mayor as the stronger candidate"


def test_seeing_people_do_something_is_no_report(nlp):
    text = "Dana Ortiz saw the crowd waiting outside the hall on Sunday."
    assert indirect(text, quotes(nlp, text)) == []


# ---- "know" with a clause of its own ------------------------------------------------------------------------------

def test_know_with_a_clause_is_a_stance(nlp):
    text = "The port's managers know the strike will cost them dearly."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "know" and content(text, q) == "the strike will cost them dearly"
    assert q.speaker.text == "The port's managers"


def test_knowing_how_or_what_is_no_report(nlp):
    for text in ("Dana Ortiz knows how the harbour board works.",
                 "The dockers knew what the closure meant for the town."):
        assert indirect(text, quotes(nlp, text)) == [], text


def test_what_someone_knows_is_not_their_quotation(nlp):
    text = 'Ortiz said she wanted to let the dockers know that "nobody here will be forgotten."'
    qs = quotes(nlp, text)
    assert not any(q.cue == "know" for q in qs)


# ---- depicting someone as something -----------------------------------------------------------------------------

def test_portray_and_cast_as_report_the_depiction(nlp):
    text = "In her speech, Dana Ortiz portrayed the harbour board as a club of insiders."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "portrayed" and content(text, q) == "the harbour board as a club of insiders"
    text = "Reyes cast himself as an outsider."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "cast" and content(text, q) == "himself as an outsider"


def test_cast_a_ballot_is_no_report(nlp):
    text = "Dana Ortiz cast her ballot at the harbour school on Tuesday."
    assert indirect(text, quotes(nlp, text)) == []


# ---- "imply" is a verb of saying ----------------------------------------------------------------------------------

def test_implied_that_reports_the_clause(nlp):
    text = "Dana Ortiz implied that the harbour board had hidden the costs."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "implied" and content(text, q) == "the harbour board had hidden the costs"
    assert q.speaker.text == "Dana Ortiz"


# ---- likening in words ----------------------------------------------------------------------------------------------

def test_compared_to_reports_the_likening_whole(nlp):
    text = "In a column on Sunday, Dana Ortiz compared the harbour plan to a blank cheque."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "compared" and content(text, q) == "the harbour plan to a blank cheque"
    assert q.speaker.text == "Dana Ortiz"


# ---- hearsay adverbs ------------------------------------------------------------------------------------------------

def test_reportedly_reports_its_clause_with_no_speaker(nlp):
    text = "The harbour club is reportedly spending 1.5 million pounds on advertisements ahead of the vote."
    [q] = indirect(text, quotes(nlp, text))
    assert q.cue == "reportedly" and q.speaker is None
    assert "spending 1.5 million pounds on advertisements" in content(text, q)


def test_apparently_is_the_writers_own_doubt(nlp):
    text = "The harbour club is apparently spending 1.5 million pounds on advertisements."
    assert indirect(text, quotes(nlp, text)) == []


# ---- the rules above never take a quotation from its speaker ---------------------------------------------------

def test_said_a_quotation_is_no_object_report(nlp):
    # 'Ortiz said "ugly images, they have no place."' parsed with "images", inside the quotation, as the object
    rows = [("Ortiz", 1, "nsubj", "PROPN", "NNP", True), ("said", 1, "ROOT", "VERB", "VBD", True, "say"),
            ("“", 1, "punct", "PUNCT", "``", False), ("ugly", 4, "amod", "ADJ", "JJ", True),
            ("images", 1, "dobj", "NOUN", "NNS", False), (",", 4, "punct", "PUNCT", ",", True),
            ("they", 7, "nsubj", "PRON", "PRP", True), ("have", 4, "relcl", "VERB", "VBP", True),
            ("no", 9, "det", "DET", "DT", True), ("place", 7, "dobj", "NOUN", "NN", False),
            (".", 1, "punct", "PUNCT", ".", False), ("”", 1, "punct", "PUNCT", "''", False)]
    doc = parsed(nlp, rows)
    [said] = [c for c in find_cues(doc) if c.verb == 1]
    assert said.kind != "object"  # the quotation is what was said, not an object inside it


def test_a_participle_act_after_the_attribution_does_not_attribute_the_quotation(nlp):
    text = ("Ortiz praised the plan.\n\n''Maybe that is the difference between us,'' she wondered aloud, "
            "comparing herself with the mayor. ''We wear everything on our sleeve!''")
    [q] = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert q.cue != "comparing"
