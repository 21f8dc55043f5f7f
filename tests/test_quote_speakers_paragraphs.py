"""Speakers found across sentence and paragraph bounds (issue 12, classes 1-3): a quotation after a sentence or two
about the person just quoted, an inverted ``Added Ortiz:`` line, a ``be`` sentence closed by a colon, ``X continued
his remarks.`` before a quoted paragraph, and a name the parser tore from its verb of saying. Sentences are made up.
"""
from __future__ import annotations

from test_quotes import quotes_of


def _direct(quotes):
    return [q for q in quotes if q.kind == "direct"]


def test_a_quotation_after_sentences_about_its_speaker_continues_them(nlp):
    text = ('"Rents are the first thing people talk about," says Marta Kowalczyk, 41, of Dunmore, who runs a bakery. '
            'Kowalczyk backs the mayor in the race. "I pay twice what I paid five years ago, and my wages did not '
            'move."')
    quotes = _direct(quotes_of(nlp, text, {"Marta Kowalczyk": "PERSON"}))
    assert len(quotes) == 2  # two statements, the narration between them kept out
    second = quotes[1]
    assert second.text.startswith("I pay twice") and second.speaker is not None
    assert second.speaker.via == "continuation" and second.speaker.text == "Marta Kowalczyk"


def test_a_pronoun_sentence_about_the_speaker_keeps_the_quotation_hers(nlp):
    text = '"We did everything we could," Ortiz said. She paused for a moment. "It was not enough for them."'
    quotes = _direct(quotes_of(nlp, text, {"Ortiz": "PERSON"}))
    assert quotes[-1].text.startswith("It was not enough") and quotes[-1].speaker.text == "Ortiz"


def test_a_sentence_about_someone_else_breaks_the_continuation(nlp):
    text = ('"We did everything we could," Ortiz said. Councillor Brenner disagreed with the plan. '
            '"It was not enough for them."')
    quotes = _direct(quotes_of(nlp, text, {"Ortiz": "PERSON", "Brenner": "PERSON"}))
    last = quotes[-1]
    assert last.text.startswith("It was not enough")
    assert last.speaker is None or last.speaker.text != "Ortiz"


def test_an_inverted_verb_and_name_before_a_colon_speak(nlp):
    text = ("The interview ran for an hour.\n\nContinued Brenner: \"So I think it is a very real problem. And the "
            "single best thing they can do is register voters.\"")
    [q] = _direct(quotes_of(nlp, text, {"Brenner": "PERSON"}))
    assert q.speaker is not None and q.speaker.text == "Brenner"


def test_an_inverted_line_introduces_the_quoted_paragraph_after_it(nlp):
    text = ('The interview ran for an hour.\n\nStated Brenner:\n\n"I think the stakes are so high that they would do '
            'anything necessary to remain in power."')
    [q] = _direct(quotes_of(nlp, text, {"Brenner": "PERSON"}))
    assert q.speaker is not None and q.speaker.text == "Brenner"


def test_an_inverted_line_needs_a_verb_of_saying(nlp):
    # "Meet Brenner:" introduces a person, not words of his
    text = 'The panel met on Friday.\n\nMeet Brenner: "The best pastry chef in the county."'
    quotes = _direct(quotes_of(nlp, text, {"Brenner": "PERSON"}))
    assert all(q.speaker is None or q.speaker.via != "explicit" or q.cue != "Meet" for q in quotes)


def test_a_named_subject_of_be_before_a_colon_speaks(nlp):
    text = 'Mayor Dana Ortiz was blunt: "We are not going to pay for this."'
    [q] = _direct(quotes_of(nlp, text, {"Dana Ortiz": "PERSON"}))
    assert q.speaker.text == "Mayor Dana Ortiz" and q.speaker.entity == "e1"


def test_a_thing_that_is_before_a_colon_does_not_speak(nlp):
    text = 'The answer was simple: "Build more homes and build them now."'
    quotes = _direct(quotes_of(nlp, text, {}))
    assert all(q.speaker is None or "answer" not in q.speaker.text for q in quotes)


def test_continued_his_remarks_introduces_the_quoted_paragraph(nlp):
    text = ('"I do not think she can win," Howard said.\n\nHoward continued his remarks.\n\n"Eight years ago she '
            'was the presumed nominee, and a fellow came along and beat her."')
    quotes = _direct(quotes_of(nlp, text, {"Howard": "PERSON"}))
    assert quotes[-1].text.startswith("Eight years") and quotes[-1].speaker.text == "Howard"


def test_a_thing_that_continued_introduces_nobody(nlp):
    text = 'The fighting continued.\n\n"We have nowhere left to go and nobody is coming for us."'
    quotes = _direct(quotes_of(nlp, text, {}))
    assert all(q.speaker is None for q in quotes)


def test_a_name_the_parser_hung_its_verb_on_speaks(nlp):
    # the parser reads "tweeted" as a modifier of the name ("Brenner, …, tweeted"): the name is the speaker
    text = ('Karl Brenner, the 2012 Republican nominee, tweeted in response: "Important distinction: thugs kill '
            'journalists; our presidents kill terrorists."')
    [q] = _direct(quotes_of(nlp, text, {"Karl Brenner": "PERSON"}))
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_noun_after_a_possessive_is_no_gender_of_the_possessor(nlp):
    # "Reyes’ son, Tomas": the son is male, not Reyes; her "she" must not go to the only man left unmarked
    text = ("The fire killed eight people, including Dana Reyes’ son, 26-year-old Tomas. Mr. Karl Brenner is "
            "accused of setting it. Reyes called her son a hero.\n\n\"We forgive him,\" she said.")
    quotes = _direct(quotes_of(nlp, text, {"Dana Reyes": "PERSON", "Karl Brenner": "PERSON"}))
    assert quotes[-1].speaker.entity == "e1"


def test_a_noun_after_a_possessive_is_no_role_of_the_possessor(nlp):
    # the parser took "son" for an apposition of "Rhodes" (as it does after a bare apostrophe): no role of hers
    from spacy.tokens import Doc
    from newsgraph.enrichment.entities import find_roles
    rows = [("including", 0, "ROOT", "VERB", "VBG"), ("Rhodes", 0, "pobj", "PROPN", "NNP"),
            ("’", 1, "punct", "PUNCT", "''"), ("son", 1, "appos", "NOUN", "NN"), (",", 3, "punct", "PUNCT", ","),
            ("Tomas", 3, "appos", "PROPN", "NNP"), (".", 0, "punct", "PUNCT", ".")]
    doc = Doc(nlp.vocab, words=[r[0] for r in rows], spaces=[True, False, True, False, True, False, False],
              heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
              tags=[r[4] for r in rows])
    s = doc[1].idx
    assert "son" not in [r.lower() for r in find_roles(doc, [(s, s + len("Rhodes"))])]
    plain = Doc(nlp.vocab, words=["Rhodes", ",", "a", "nurse", "."], heads=[0, 0, 3, 0, 0],
                deps=["ROOT", "punct", "det", "appos", "punct"], pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT"],
                tags=["NNP", ",", "DT", "NN", "."])
    assert find_roles(plain, [(0, 6)]) == ["nurse"]  # an apposition with no possessive still is a role


def test_a_quoted_sentence_after_a_sentence_about_a_named_person_is_theirs(nlp):
    text = ('Mr. Brenner is unapologetic about his aim. "I am not hiding the fact that I want Ortiz to be the next '
            'mayor of this city."')
    [q] = _direct(quotes_of(nlp, text, {"Brenner": "PERSON", "Ortiz": "PERSON"}))
    assert q.speaker is not None and q.speaker.entity == "e1"
    assert q.speaker.via == "paragraph" and q.cue is None  # "is" is no verb of saying


def test_a_quoted_paragraph_after_a_statement_issued_is_its_issuers(nlp):
    text = ('At the chair\'s direction, the committee issued a statement apologizing to Ortiz for the emails.\n\n'
            '"On behalf of everyone here, we want to offer a deep and sincere apology to Ms. Ortiz and her staff."')
    [q] = _direct(quotes_of(nlp, text, {"Ortiz": "PERSON"}))
    assert q.speaker is not None and q.speaker.text == "the committee"


def test_a_short_quoted_title_after_a_sentence_about_someone_stays_unattributed(nlp):
    text = 'Ortiz went on television on Sunday. "Meet the Press" drew its largest audience of the year.'
    quotes = _direct(quotes_of(nlp, text, {"Ortiz": "PERSON"}))
    assert all(q.speaker is None for q in quotes)


def test_a_sentence_about_a_thing_names_no_speaker(nlp):
    text = 'The bridge was closed for repairs in May.\n\n"Nobody told us anything about it until the day it shut."'
    quotes = _direct(quotes_of(nlp, text, {}))
    assert all(q.speaker is None for q in quotes)


def test_a_following_attribution_beats_the_sentence_before(nlp):
    text = ('Mr. Brenner is unapologetic about his aim. "I am not hiding the fact that I want her to win," '
            'Dana Ortiz said.')
    [q] = _direct(quotes_of(nlp, text, {"Brenner": "PERSON", "Dana Ortiz": "PERSON"}))
    assert q.speaker.entity == "e2"


def test_an_inverted_said_with_a_long_title_names_the_person(nlp):
    text = ('"They are spending their final days here climbing all over each other," said Oversight ranking '
            'Democrat Elijah Cummings (D-Md.).')
    [q] = _direct(quotes_of(nlp, text, {"Elijah Cummings": "PERSON"}))
    assert q.speaker is not None and "Elijah Cummings" in q.speaker.text and q.speaker.entity == "e1"


def test_an_inverted_said_with_a_relative_clause_names_the_person(nlp):
    text = ('"What is shaping up is a battle for the ages," said David Brock, a longtime confidant who heads the '
            'Correct the Record group.')
    [q] = _direct(quotes_of(nlp, text, {"David Brock": "PERSON"}))
    assert q.speaker is not None and q.speaker.text == "David Brock"


def test_two_apostrophe_marks_and_a_described_name_keep_the_speaker(nlp):
    # the parse starts the verb's clause after the two-character mark ''
    text = ("''They were professionals, but also competitors,'' William M. Brenner, the mayor's former chief of "
            "staff, said of their time in the administration. ''They'd do the dance. There was respect there.''")
    quotes = _direct(quotes_of(nlp, text, {"William M. Brenner": "PERSON"}))
    assert quotes and all(q.speaker is not None and q.speaker.entity == "e1" for q in quotes)


def test_a_city_abbreviation_ends_no_sentence_before_a_continuation(nlp):
    text = ('"It ignited something in our community," said Rev. Dana Ortiz, then pastor of a church in Ft. Worth, '
            'Texas.\n\n"Iowa happened. The minute it became possible that he could win, the vote was his."')
    quotes = _direct(quotes_of(nlp, text, {"Dana Ortiz": "PERSON"}))
    assert quotes and all(q.speaker is not None and q.speaker.entity == "e1" for q in quotes)


def test_a_thing_that_is_before_a_colon_leaves_the_verb_before_it_to_speak(nlp):
    text = ('"Moves to cut the backlog are welcome," Brenner told reporters.\n\nDuring questions on Wednesday, '
            'Ortiz defended the record whilst promising a "formal update" from the minister is forthcoming: "We are '
            'working intensely and as quickly as possible to bring forward that legislation."')
    quotes = _direct(quotes_of(nlp, text, {"Brenner": "PERSON", "Ortiz": "PERSON"}))
    last = [q for q in quotes if q.text.startswith("We are working")]
    assert last and last[0].speaker is not None and last[0].speaker.entity == "e2"


def test_an_inverted_verb_with_a_described_noun_speaks(nlp):
    text = '"Nobody here wants that kind of talk," said the woman, who like many in the town asked not to be named.'
    [q] = _direct(quotes_of(nlp, text, {}))
    assert q.speaker is not None and q.speaker.text == "the woman"


def test_an_epigraph_names_its_speaker_on_the_dash_line_after(nlp):
    text = ('In the end, Brenner voted for the bill.\n\n"I will look into it. I do not know the status, but I will '
            'certainly look into it."\n\n- Dana Ortiz, Philadelphia.\n\nOrtiz has been looking into it for years.')
    [q] = _direct(quotes_of(nlp, text, {"Brenner": "PERSON", "Dana Ortiz": "PERSON"}))
    assert q.speaker is not None and q.speaker.entity == "e2"  # not Brenner, the sentence before


def test_a_plural_groups_stance_is_not_continued_by_a_quoted_paragraph(nlp):
    text = ('The court has a liberal majority, exactly what many Republicans fear the governor would choose.\n\n'
            '"Senate leaders should remember that a compromise candidate today may be far better for them."')
    quotes = _direct(quotes_of(nlp, text, {}))
    assert all(q.speaker is None or "Republicans" not in q.speaker.text for q in quotes)
