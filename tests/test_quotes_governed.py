"""Speakers read from the parse (issue 12, classes 2 and 8): the subject of a governing verb, the inner speaker of
a report nested in another, and no speaker where the parse climbs to a word that cannot speak. Sentences are made
up."""
from __future__ import annotations

from test_quotes import quotes_of
from test_quotes_wrong_speakers import _parsed, _speaker_of


def _speaker(quotes, words):
    q = next(q for q in quotes if words in q.text)
    return q.speaker.text if q.speaker is not None else None


def test_a_phrase_run_into_the_verb_without_a_closing_comma_is_the_speaker(nlp):
    # "Marlow, a senior adviser said, …": no comma closes the adviser's phrase, so it is the verb's subject and
    # Marlow is who the words are about; the parse makes Marlow the subject and the adviser its apposition
    doc = _parsed(nlp, [("Marlow", 4, "nsubj", "PROPN", "NNP", "Marlow"), (",", 0, "punct", "PUNCT", ",", ","),
                        ("an", 3, "det", "DET", "DT", "an"), ("aide", 0, "appos", "NOUN", "NN", "aide"),
                        ("said", 6, "parataxis", "VERB", "VBD", "say"), (",", 6, "punct", "PUNCT", ",", ","),
                        ("is", 6, "ROOT", "AUX", "VBZ", "be"), ("calm", 6, "acomp", "ADJ", "JJ", "calm"),
                        (".", 6, "punct", "PUNCT", ".", ".")])
    assert _speaker_of(doc, 4) == "aide"


def test_an_apposition_closed_by_its_comma_keeps_the_name(nlp):
    text = 'Dana Marlow, a senior adviser, said the vote was "a formality, nothing more."'
    quotes = quotes_of(nlp, text, {"Dana Marlow": "PERSON"})
    assert _speaker(quotes, "formality") == "Dana Marlow"


def test_a_participle_after_a_comma_on_the_verbs_object_is_the_subjects(nlp):
    # "rejected the idea that …, saying": the one who rejected it says; the parse hangs "saying" on "idea"
    doc = _parsed(nlp, [("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
                        ("rejected", 1, "ROOT", "VERB", "VBD", "reject"), ("the", 3, "det", "DET", "DT", "the"),
                        ("idea", 1, "dobj", "NOUN", "NN", "idea"), ("that", 7, "mark", "SCONJ", "IN", "that"),
                        ("it", 7, "nsubj", "PRON", "PRP", "it"), ("should", 7, "aux", "AUX", "MD", "should"),
                        ("end", 3, "acl", "VERB", "VB", "end"), (",", 3, "punct", "PUNCT", ",", ","),
                        ("saying", 3, "acl", "VERB", "VBG", "say"), ("she", 11, "nsubj", "PRON", "PRP", "she"),
                        ("disagreed", 9, "ccomp", "VERB", "VBD", "disagree"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    assert _speaker_of(doc, 9) == "Okafor"


def test_a_participle_after_a_report_through_a_to_infinitive_is_the_reporters(nlp):
    # "The strategist said Ortiz will have to choose, saying …": the participle hangs on "choose", inside what
    # the strategist said; the strategist goes on saying
    doc = _parsed(nlp, [("The", 1, "det", "DET", "DT", "the"), ("strategist", 2, "nsubj", "NOUN", "NN", "strategist"),
                        ("said", 2, "ROOT", "VERB", "VBD", "say"), ("Ortiz", 5, "nsubj", "PROPN", "NNP", "Ortiz"),
                        ("will", 5, "aux", "AUX", "MD", "will"), ("have", 2, "ccomp", "VERB", "VB", "have"),
                        ("to", 7, "aux", "PART", "TO", "to"), ("choose", 5, "xcomp", "VERB", "VB", "choose"),
                        (",", 7, "punct", "PUNCT", ",", ","), ("saying", 7, "advcl", "VERB", "VBG", "say"),
                        ("she", 11, "nsubj", "PRON", "PRP", "she"), ("must", 11, "ccomp", "AUX", "MD", "must"),
                        (".", 2, "punct", "PUNCT", ".", ".")])
    assert _speaker_of(doc, 9) == "strategist"


def test_a_participle_under_a_clause_whose_subject_cannot_speak_climbs(nlp):
    # "as the committee meeting began vowing": a meeting vows nothing; the one who sent the email does
    text = ('He sent out a fundraising email as the committee meeting began vowing to "fight for every vote" in '
            'the last primary.')
    quotes = quotes_of(nlp, text)
    assert _speaker(quotes, "every vote") == "He"


def test_a_demonstrative_climbed_to_is_no_speaker(nlp):
    # the coordinated "claims" hangs on "was", whose subject is "This": no one is named, so no speaker
    text = ('This was the mayor we all knew, the mayor who questions the judges, who fights with reporters, '
            'claims that the council "takes its orders" from the developers.')
    quotes = quotes_of(nlp, text)
    q = next(q for q in quotes if "takes its orders" in q.text)
    assert q.speaker is None or q.speaker.text.lower() != "this"


def test_a_report_in_a_clause_of_time_is_its_own_speakers(nlp):
    # the quoted words are the voter's, told to the governor, not what the governor assured anyone of
    text = ('Governor Pell is assuring voters he is tough enough to lead after a woman in Dayton told him she '
            'worries he is "too nice" to fend off his rivals.')
    quotes = quotes_of(nlp, text, {"Pell": "PERSON", "Dayton": "GPE"})
    assert _speaker(quotes, "too nice") == "a woman"


def test_a_quotation_after_a_preposition_is_not_the_next_clauses_speakers(nlp):
    # a crowd's chant and a question's topic: the clause after them attributes neither
    for text, words in (('Stepping onto the stage to chants of "Four more years!," the governor said the race was '
                         'close.', "Four more years"),
                        ('To a question about the "border fee for trucks," Ortiz said the state would wait.',
                         "border fee")):
        quotes = quotes_of(nlp, text, {"Ortiz": "PERSON"})
        assert not any(words in q.text and q.speaker is not None for q in quotes), text


def test_a_quotation_opening_its_sentence_keeps_the_attribution_after_it(nlp):
    text = '"Four more years," the governor said on Monday.'
    [q] = quotes_of(nlp, text)
    assert q.speaker is not None and q.speaker.text == "the governor"


def test_a_colon_after_a_reported_clause_goes_on_with_the_reporter(nlp):
    # the colon ends what Okafor said about Lenz: the quotation after it is Okafor's, not Lenz's
    text = 'Okafor said Lenz was a candidate of the old school: "He shakes every hand. He remembers every name."'
    quotes = quotes_of(nlp, text, {"Okafor": "PERSON", "Lenz": "PERSON"})
    assert _speaker(quotes, "every hand") == "Okafor"


def test_a_clause_of_time_after_a_split_quotation_does_not_attribute_it(nlp):
    # '"…," Reyes wrote, "…," after the speaker announced …': the second part is still Reyes's
    text = ('"We have the votes," Reyes wrote on Monday, "and we will pass it this week," after the speaker '
            'announced a delay.')
    quotes = quotes_of(nlp, text, {"Reyes": "PERSON"})
    q = next(q for q in quotes if "pass it" in q.text)
    assert q.speaker is not None and q.speaker.text == "Reyes"


def test_a_relative_pronoun_tied_to_no_noun_is_no_speaker(nlp):
    # "that" as the subject of a verb of saying the parse made a main clause: it names no one
    from newsgraph.enrichment.quotes.cues import find_cues
    doc = _parsed(nlp, [("that", 2, "nsubj", "PRON", "WDT", "that"), ("would", 2, "aux", "AUX", "MD", "would"),
                        ("argue", 2, "ROOT", "VERB", "VB", "argue"), ("it", 4, "nsubj", "PRON", "PRP", "it"),
                        ("fails", 2, "ccomp", "VERB", "VBZ", "fail"), (".", 2, "punct", "PUNCT", ".", ".")])
    cue = next(c for c in find_cues(doc) if c.verb == 2)
    assert cue.speaker is None


def test_a_title_after_a_participle_of_naming_is_no_ones_words(nlp):
    # the spot's title is no one's words: not the speaker's before it, nor the participle's after it
    text = ('"We have waited long enough," Ortiz says in the spot titled "Enough," warning against any more '
            'delay on the bridge.')
    quotes = quotes_of(nlp, text, {"Ortiz": "PERSON"})
    assert not any(q.text.strip(' ",') == "Enough" and q.speaker is not None for q in quotes)
    assert _speaker(quotes, "waited long enough") == "Ortiz"


def test_a_cry_after_a_preposition_continues_no_one(nlp):
    text = 'Ortiz spoke for an hour. "We will win," she said. The hall filled with signs of "Welcome home, Dana!"'
    quotes = quotes_of(nlp, text, {"Ortiz": "PERSON"})
    assert not any("Welcome home" in q.text and q.speaker is not None for q in quotes)


def test_a_denied_report_leaves_its_quotation_to_the_attribution_after_it(nlp):
    # Lenz says nothing here; the quoted words are Ortiz's, who says Lenz cannot say them
    text = 'Lenz cannot say that "from where he sits," Ortiz added, the plan is sound.'
    quotes = quotes_of(nlp, text, {"Lenz": "PERSON", "Ortiz": "PERSON"})
    assert _speaker(quotes, "where he sits") == "Ortiz"


def test_two_clauses_read_as_one_subject_give_the_verb_to_the_second_noun(nlp):
    # "A union called for a strike, and the league denounced it and said …": "called" (a finite past verb) was
    # hung on "union" as a modifier and the league joined to the union; the league speaks
    doc = _parsed(nlp, [("A", 1, "det", "DET", "DT", "a"), ("union", 8, "nsubj", "NOUN", "NN", "union"),
                        ("called", 1, "acl", "VERB", "VBD", "call"), ("off", 2, "prt", "ADP", "RP", "off"),
                        (",", 1, "punct", "PUNCT", ",", ","), ("and", 1, "cc", "CCONJ", "CC", "and"),
                        ("the", 7, "det", "DET", "DT", "the"), ("league", 1, "conj", "NOUN", "NN", "league"),
                        ("objected", 8, "ROOT", "VERB", "VBD", "object"), ("and", 8, "cc", "CCONJ", "CC", "and"),
                        ("said", 8, "conj", "VERB", "VBD", "say"), ("it", 12, "nsubj", "PRON", "PRP", "it"),
                        ("failed", 10, "ccomp", "VERB", "VBD", "fail"), (".", 8, "punct", "PUNCT", ".", ".")])
    assert _speaker_of(doc, 10) == "league"


def test_a_participle_on_the_first_noun_keeps_the_subject_whole(nlp):
    # "A union backed by farmers and the league objected and said …": a participle is a modifier; the first
    # noun of the joined subject stays its head
    doc = _parsed(nlp, [("A", 1, "det", "DET", "DT", "a"), ("union", 7, "nsubj", "NOUN", "NN", "union"),
                        ("backed", 1, "acl", "VERB", "VBN", "back"), ("by", 2, "agent", "ADP", "IN", "by"),
                        ("farmers", 3, "pobj", "NOUN", "NNS", "farmer"), ("and", 1, "cc", "CCONJ", "CC", "and"),
                        ("league", 1, "conj", "NOUN", "NN", "league"),
                        ("objected", 7, "ROOT", "VERB", "VBD", "object"), ("and", 7, "cc", "CCONJ", "CC", "and"),
                        ("said", 7, "conj", "VERB", "VBD", "say"), ("it", 11, "nsubj", "PRON", "PRP", "it"),
                        ("failed", 9, "ccomp", "VERB", "VBD", "fail"), (".", 7, "punct", "PUNCT", ".", ".")])
    assert _speaker_of(doc, 9) == "union"


def test_a_participle_after_a_stance_clause_is_the_stance_holders(nlp):
    # "Vega was adamant that they keep control, telling him …": the participle hangs on "keep", inside the
    # clause of her stance; she goes on telling, not "they"
    doc = _parsed(nlp, [("Vega", 1, "nsubj", "PROPN", "NNP", "Vega"), ("was", 1, "ROOT", "AUX", "VBD", "be"),
                        ("adamant", 1, "acomp", "ADJ", "JJ", "adamant"), ("that", 5, "mark", "SCONJ", "IN", "that"),
                        ("they", 5, "nsubj", "PRON", "PRP", "they"), ("keep", 1, "ccomp", "VERB", "VBP", "keep"),
                        ("control", 5, "dobj", "NOUN", "NN", "control"), (",", 5, "punct", "PUNCT", ",", ","),
                        ("telling", 5, "advcl", "VERB", "VBG", "tell"), ("him", 8, "dobj", "PRON", "PRP", "he"),
                        ("it", 11, "nsubj", "PRON", "PRP", "it"), ("failed", 8, "ccomp", "VERB", "VBD", "fail"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    assert _speaker_of(doc, 8) == "Vega"


def test_words_another_named_person_told_the_speaker_are_that_persons(nlp):
    # "Ortiz said Reyes told him …": the quoted words are Reyes's, passed on by Ortiz
    text = 'Ortiz said Reyes told him the budget was "a complete fiction."'
    quotes = quotes_of(nlp, text, {"Ortiz": "PERSON", "Reyes": "PERSON"})
    assert _speaker(quotes, "complete fiction") == "Reyes"


def test_a_report_the_speaker_makes_through_a_clause_stays_the_speakers(nlp):
    # "Bolton said he would tell them …": the speaker's own words, not a second speaker's
    text = 'Bolton said he would tell them the plan was "a complete fiction."'
    quotes = quotes_of(nlp, text, {"Bolton": "PERSON"})
    assert _speaker(quotes, "complete fiction") == "Bolton"
