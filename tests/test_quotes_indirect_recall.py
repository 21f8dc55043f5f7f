"""Indirect speech recall and report spans (issue 12, class 5; helper round six): one made-up sentence per rule.

Where a rule mends a parse that the parser gives only for some sentences (a clause hung on the wrong word), the
test builds that parse by hand, so that it holds whatever the model does with a sentence of its own."""
from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.enrichment.entities import find_entities
from newsgraph.enrichment.quotes import find_quotes
from newsgraph.enrichment.quotes.cues import find_cues


def quotes(nlp, text):
    doc = nlp(text)
    return find_quotes(doc, find_entities(doc))


def content(text, q):
    return text[q.span[0]:q.span[1]]


def indirect(text, qs):
    return sorted(content(text, q) for q in qs if q.kind == "indirect")


def parsed(nlp, rows):
    """A hand-built parse: rows of (word, head index, dependency, coarse tag, fine tag, space after[, lemma])."""
    words = [r[0] for r in rows]
    doc = Doc(nlp.vocab, words=words, spaces=[r[5] for r in rows], heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
              lemmas=[r[6] if len(r) > 6 else r[0].lower() for r in rows])
    return doc


# ---- a clause the parse hangs on a verb of saying from another sentence ------------------------------------------

def test_report_before_a_paragraph_of_quotation_keeps_its_own_clause(nlp):
    text = ("And despite the lure of big offers, the founders insisted that they were not looking to sell anytime "
            "soon.\n\n''We are taking a longer view of what we build,'' Mr. Pruitt said.")
    qs = quotes(nlp, text)
    [report] = [q for q in qs if q.kind == "indirect"]
    assert content(text, report) == "they were not looking to sell anytime soon"
    assert report.cue == "insisted" and report.speaker.text == "the founders"
    [quoted] = [q for q in qs if q.kind == "direct"]
    assert quoted.speaker.text == "Mr. Pruitt"


def test_clause_across_a_line_break_is_not_the_verbs(nlp):
    # "Rates will rise.\nAnalysts said costs would fall." parsed with "rise" as a clause of "said"
    rows = [("Rates", 2, "nsubj", "NOUN", "NNS", True), ("will", 2, "aux", "AUX", "MD", True),
            ("rise", 6, "ccomp", "VERB", "VB", False), (".", 2, "punct", "PUNCT", ".", False),
            ("\n", 3, "dep", "SPACE", "_SP", False),
            ("Analysts", 6, "nsubj", "NOUN", "NNS", True), ("said", 6, "ROOT", "VERB", "VBD", True, "say"),
            ("costs", 9, "nsubj", "NOUN", "NNS", True), ("would", 9, "aux", "AUX", "MD", True),
            ("fall", 6, "ccomp", "VERB", "VB", False), (".", 6, "punct", "PUNCT", ".", False)]
    doc = parsed(nlp, rows)
    [cue] = [c for c in find_cues(doc) if c.verb == 6]
    assert doc[cue.complement[0]:cue.complement[1]].text == "costs would fall"


def test_clauses_across_a_semicolon_are_two_statements(nlp):
    text = ("A strong majority of voters say they follow the race closely; 26 percent of the town's voters say "
            "they have not been paying much attention.")
    assert indirect(text, quotes(nlp, text)) == ["they follow the race closely",
                                                 "they have not been paying much attention"]


def test_inverted_attribution_reports_the_clause_before_it(nlp):
    # "Rates will rise, said the banker, who runs the fund." with the relative clause parsed as a second clause
    rows = [("Rates", 2, "nsubj", "NOUN", "NNS", True), ("will", 2, "aux", "AUX", "MD", True),
            ("rise", 4, "ccomp", "VERB", "VB", False), (",", 4, "punct", "PUNCT", ",", True),
            ("said", 4, "ROOT", "VERB", "VBD", True, "say"), ("the", 6, "det", "DET", "DT", True),
            ("banker", 4, "nsubj", "NOUN", "NN", False), (",", 6, "punct", "PUNCT", ",", True),
            ("who", 9, "nsubj", "PRON", "WP", True), ("runs", 4, "ccomp", "VERB", "VBZ", True),
            ("the", 11, "det", "DET", "DT", True), ("fund", 9, "dobj", "NOUN", "NN", False),
            (".", 4, "punct", "PUNCT", ".", False)]
    doc = parsed(nlp, rows)
    [cue] = [c for c in find_cues(doc) if c.verb == 4]
    assert doc[cue.complement[0]:cue.complement[1]].text == "Rates will rise"


def test_clause_after_a_phrase_of_time_is_the_report(nlp):
    text = "The mayor also said for the first time that some of the letters had been found and would be released."
    [q] = quotes(nlp, text)
    assert content(text, q) == "some of the letters had been found and would be released"
    assert q.speaker.text == "The mayor"


def test_that_clause_hung_on_a_noun_as_a_relative_clause_is_the_report(nlp):
    # "She told him in a debate that he should resign." with the that-clause parsed as a relative clause on "debate"
    rows = [("She", 1, "nsubj", "PRON", "PRP", True), ("told", 1, "ROOT", "VERB", "VBD", True, "tell"),
            ("him", 1, "dobj", "PRON", "PRP", True), ("in", 1, "prep", "ADP", "IN", True),
            ("a", 5, "det", "DET", "DT", True), ("debate", 3, "pobj", "NOUN", "NN", True),
            ("that", 9, "mark", "SCONJ", "IN", True), ("he", 9, "nsubj", "PRON", "PRP", True),
            ("should", 9, "aux", "AUX", "MD", True), ("resign", 5, "relcl", "VERB", "VB", False),
            (".", 1, "punct", "PUNCT", ".", False)]
    doc = parsed(nlp, rows)
    [cue] = [c for c in find_cues(doc) if c.verb == 1]
    assert doc[cue.complement[0]:cue.complement[1]].text == "he should resign"


def test_relative_clause_with_its_gap_stays_a_relative_clause(nlp):
    # "She said so at the debate that he won." : "that" is the relative's object, no clause reported
    rows = [("She", 1, "nsubj", "PRON", "PRP", True), ("said", 1, "ROOT", "VERB", "VBD", True, "say"),
            ("so", 1, "advmod", "ADV", "RB", True), ("at", 1, "prep", "ADP", "IN", True),
            ("the", 5, "det", "DET", "DT", True), ("debate", 3, "pobj", "NOUN", "NN", True),
            ("that", 8, "dobj", "PRON", "WDT", True), ("he", 8, "nsubj", "PRON", "PRP", True),
            ("won", 5, "relcl", "VERB", "VBD", False), (".", 1, "punct", "PUNCT", ".", False)]
    doc = parsed(nlp, rows)
    assert all(c.complement is None for c in find_cues(doc) if c.verb == 1)


# ---- what a verb of saying reports through a preposition ----------------------------------------------------------

def test_agreed_with_reports_what_was_agreed_with(nlp):
    text = "Two members of the board agreed with the analysis of the auditors."
    [q] = quotes(nlp, text)
    assert content(text, q) == "the analysis of the auditors" and q.cue == "agreed"


def test_admitted_to_reports_the_act(nlp):
    text = "Halvorsen admitted to taking money from the fund."
    [q] = quotes(nlp, text)
    assert content(text, q) == "taking money from the fund" and q.speaker.text == "Halvorsen"


def test_things_someone_said_about_a_group_report_no_group(nlp):
    text = "Here are nine things the candidate has said about farmers."
    assert indirect(text, quotes(nlp, text)) == []


def test_passive_report_with_its_source(nlp):
    text = "News of the merger was first reported by the Lakeside Herald."
    [q] = quotes(nlp, text)
    assert content(text, q) == "News of the merger" and q.speaker.text == "the Lakeside Herald"


# ---- spans: what goes with an object report -----------------------------------------------------------------------

def test_request_keeps_its_aim(nlp):
    text = "The senator called for a special prosecutor to oversee the inquiry into the harbor contracts."
    [q] = quotes(nlp, text)
    assert content(text, q) == "a special prosecutor to oversee the inquiry into the harbor contracts"


def test_proposal_keeps_its_purpose(nlp):
    text = "The mayor has proposed nearly $1 billion in funds to help towns repair their roads."
    [q] = quotes(nlp, text)
    assert content(text, q) == "nearly $1 billion in funds to help towns repair their roads"


def test_judged_as_an_adjective(nlp):
    text = "Reyes has slammed his proposal as too vague and politically unrealistic."
    [q] = quotes(nlp, text)
    assert content(text, q) == "his proposal as too vague and politically unrealistic"


def test_described_as_a_clause(nlp):
    text = "Ortiz has described the dinner as the capital celebrating itself."
    [q] = quotes(nlp, text)
    assert content(text, q) == "the dinner as the capital celebrating itself"


def test_expressed_concern_reports_it(nlp):
    text = "The council expressed concern about the cost of the new bridge."
    [q] = quotes(nlp, text)
    assert content(text, q) == "concern about the cost of the new bridge" and q.speaker.text == "The council"


def test_view_as_is_a_judgement_but_a_stance_on_a_thing_is_not(nlp):
    text = "Most voters in the county view the mayor as a capable leader."
    [q] = quotes(nlp, text)
    assert content(text, q) == "the mayor as a capable leader"
    text = "Most voters in the county backed the mayor."
    assert quotes(nlp, text) == []


def test_called_with_the_name_hung_on_the_object(nlp):
    # "She called his plan “a step forward.”" with the quotation parsed as an apposition of the object
    rows = [("She", 1, "nsubj", "PRON", "PRP", True), ("called", 1, "ROOT", "VERB", "VBD", True, "call"),
            ("his", 3, "poss", "PRON", "PRP$", True), ("plan", 1, "dobj", "NOUN", "NN", True),
            ("“", 3, "punct", "PUNCT", "``", False), ("a", 6, "det", "DET", "DT", True),
            ("step", 3, "appos", "NOUN", "NN", True), ("forward", 6, "advmod", "ADV", "RB", False),
            (".", 1, "punct", "PUNCT", ".", False), ("”", 1, "punct", "PUNCT", "''", False)]
    doc = parsed(nlp, rows)
    [cue] = [c for c in find_cues(doc) if c.verb == 1]
    assert cue.kind == "naming" and doc[cue.complement[0]:cue.complement[1]].text == "his plan “a step forward"


def test_offered_an_assessment_reports_it_but_not_a_thing_offered(nlp):
    text = "The coach also offered his early assessment of the final between the two clubs."
    [q] = quotes(nlp, text)
    assert content(text, q) == "his early assessment of the final between the two clubs"
    text = "The coach also offered a new contract to the goalkeeper."
    assert indirect(text, quotes(nlp, text)) == []
