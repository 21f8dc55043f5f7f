"""Speakers the parse leaves a cue without (issue 12, round four): a quotation whose attribution is a long
description of the speaker before the verb, a participle of saying the parser hung off its clause, and a name with
its description that the parser tore from the verb after it. Sentences are made up."""
from __future__ import annotations

from test_quotes import quotes_of


def _direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def test_a_long_description_between_the_quotation_and_its_verb_keeps_the_speaker(nlp):
    text = ("Turnout was high.\n\n''She says what everybody here thinks but they're too polite to say,'' "
            "Dana Moorcroft, a retired small-business owner, said at the rally on Tuesday. ''The roads are a mess.''")
    quotes = _direct(quotes_of(nlp, text, {"Dana Moorcroft": "PERSON"}))
    assert quotes and all(q.speaker is not None and q.speaker.entity == "e1" for q in quotes)



def _parsed(nlp, rows):
    """A sentence with the parse given (word, head index, label, part of speech, tag): the misparses the rules
    mend, which a parser does not make on every sentence."""
    from spacy.tokens import Doc
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] not in (",", ".") for i in range(len(rows))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[r[4] for r in rows])


def _unparsed(doc, verb):
    from newsgraph.enrichment.quotes.cues import Cue
    from newsgraph.enrichment.quotes.hidden import speaker_unparsed
    found = speaker_unparsed(doc, Cue((verb,), verb, None, None, "verb"), lambda offset: False)
    return doc.text[found[0]:found[1]] if found else None


def test_a_participle_after_a_comma_speaks_for_the_subject_of_the_clause_before(nlp):
    # "noting" hung as the subject of a verb after it: its speaker is the subject of the clause it follows
    doc = _parsed(nlp, [("Lemaire", 1, "nsubj", "PROPN", "NNP"), ("said", 1, "ROOT", "VERB", "VBD"),
                        ("Tuesday", 1, "npadvmod", "PROPN", "NNP"), ("in", 1, "prep", "ADP", "IN"),
                        ("Lyon", 3, "pobj", "PROPN", "NNP"), (",", 1, "punct", "PUNCT", ","),
                        ("noting", 9, "csubj", "VERB", "VBG"), ("the", 8, "det", "DET", "DT"),
                        ("premier", 6, "dobj", "NOUN", "NN"), ("makes", 1, "advcl", "VERB", "VBZ"),
                        ("things", 9, "dobj", "NOUN", "NNS"), ("worse", 9, "oprd", "ADJ", "JJR"),
                        (".", 1, "punct", "PUNCT", ".")])
    assert _unparsed(doc, 6) == "Lemaire"


def test_a_participle_whose_clause_has_no_subject_gets_none(nlp):
    doc = _parsed(nlp, [("In", 3, "prep", "ADP", "IN"), ("Lyon", 0, "pobj", "PROPN", "NNP"),
                        (",", 3, "punct", "PUNCT", ","), ("noting", 3, "ROOT", "VERB", "VBG"),
                        ("the", 5, "det", "DET", "DT"), ("premier", 3, "dobj", "NOUN", "NN"),
                        (".", 3, "punct", "PUNCT", ".")])
    assert _unparsed(doc, 3) is None


def test_a_name_and_its_description_right_before_the_verb_speak(nlp):
    # the parser made the name an apposition of the date before it, leaving "said" without a subject
    doc = _parsed(nlp, [("In", 16, "prep", "ADP", "IN"), ("a", 2, "det", "DET", "DT"),
                        ("call", 0, "pobj", "NOUN", "NN"), ("on", 2, "prep", "ADP", "IN"),
                        ("Dec.", 3, "pobj", "PROPN", "NNP"), ("2", 4, "nummod", "NUM", "CD"),
                        (",", 4, "punct", "PUNCT", ","), ("Col.", 9, "compound", "PROPN", "NNP"),
                        ("Dana", 9, "compound", "PROPN", "NNP"), ("Whitfield", 4, "appos", "PROPN", "NNP"),
                        (",", 9, "punct", "PUNCT", ","), ("a", 12, "det", "DET", "DT"),
                        ("spokeswoman", 9, "appos", "NOUN", "NN"), ("in", 12, "prep", "ADP", "IN"),
                        ("Kabul", 13, "pobj", "PROPN", "NNP"), (",", 16, "punct", "PUNCT", ","),
                        ("said", 16, "ROOT", "VERB", "VBD"), (".", 16, "punct", "PUNCT", ".")])
    assert _unparsed(doc, 16) == "Col. Dana Whitfield"


def test_a_short_quotation_in_doubled_apostrophes_is_no_term(nlp):
    # '' written for a double mark: the comma before the two-character closing mark still opens an attribution
    text = ("Ms. Varga wants the film out before the vote. ''Not a chance,'' she said. ''Next year nobody will "
            "want to see it.''")
    quotes = _direct(quotes_of(nlp, text, {"Varga": "PERSON"}))
    assert quotes and "Not a chance" in quotes[0].text and quotes[0].speaker is not None


def test_any_verb_attributes_a_quotation_left_open_in_doubled_apostrophes(nlp):
    text = ("The riders are greeted with jeers.\n\n''Silly boys acting like they have never seen a skater,'' "
            "scoffed Lena Ortiz, 22. ''We are the real outsiders here.''")
    quotes = _direct(quotes_of(nlp, text, {"Lena Ortiz": "PERSON"}))
    assert quotes and "Silly boys" in quotes[0].text and quotes[0].speaker is not None \
        and quotes[0].speaker.entity == "e1"


def test_a_surname_that_is_a_word_speaks_and_resolves_to_the_person(nlp):
    text = ("Dana Early ran the county party for a decade. \u201cWe never expected this,\u201d Early said on Monday. "
            "\u201cThe roads were empty.\u201d")
    quotes = _direct(quotes_of(nlp, text, {"Dana Early": "PERSON"}))
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Early"
    assert quotes[0].speaker.entity == "e1"


def test_a_named_clause_before_the_quotation_stops_a_continuation(nlp):
    text = ('Brenner attacked the plan. "It is a disgrace," he said. After Brenner criticized the mayor during a '
            'debate, Dana Ortiz shot back, "I suppose I could have stayed home, but I chose to serve."')
    quotes = _direct(quotes_of(nlp, text, {"Brenner": "PERSON", "Dana Ortiz": "PERSON"}))
    last = quotes[-1]
    assert "I suppose" in last.text and last.speaker is not None and last.speaker.entity == "e2"
