"""Quotations that got no speaker although the text names one (issue 12, the null-speaker path): a quotation
running over paragraphs attributed after its last one, a long description between a quotation and its verb, an
inverted attribution ending on a relative clause, a passive subject governing the verb of saying, a name and an
aside before the verb, ``As X put it``, a relative pronoun's antecedent, and a surname the tagger took for a word.
Sentences and names are made up; each case asserts the speaker found and that no one else is named."""
from __future__ import annotations

from test_quotes import quotes_of


def _speakers(quotes, kind=None):
    return [(q.speaker.text if q.speaker else None) for q in quotes if kind is None or q.kind == kind]


def test_a_quotation_over_two_paragraphs_takes_the_attribution_after_its_last_paragraph(nlp):
    text = ("The vote came late.\n\n“We will rebuild the bridge this year. It has been closed too long.\n\n"
            "“I am not interested in excuses. I am interested in results,” she continued. "
            "“The county owes people a road.”")
    quotes = quotes_of(nlp, text)
    assert quotes and all(q.kind == "direct" for q in quotes)
    assert _speakers(quotes) == ["she"] * len(quotes)
    assert quotes[0].cue == "continued"


def test_a_name_and_its_description_between_a_quotation_and_said_of(nlp):
    text = ("The hearing ran long.\n\n''They were rivals, but also partners,'' Dana Whitcombe, the council's former "
            "chief of staff, said of the two men. ''They'd argue every week. There was respect there.''")
    quotes = quotes_of(nlp, text, {"Dana Whitcombe": "PERSON"})
    assert quotes and all(q.speaker is not None and q.speaker.entity == "e1" for q in quotes)


def test_an_inverted_attribution_ends_before_a_relative_clause(nlp):
    text = ('Voters shrugged.\n\n"Meh," wrote a farmer who runs the county fair account. '
            '"What does the ministry know about it . . ."')
    quotes = quotes_of(nlp, text)
    assert quotes and _speakers(quotes) == ["a farmer"] * len(quotes)


def test_a_passive_subject_says_what_it_was_prompted_to_say(nlp):
    text = ("But the hearing was so calm that Mr. Halvorsen was prompted to say, ''So far, I cannot believe how "
            "polite everyone has been up here.''")
    [q] = quotes_of(nlp, text, {"Halvorsen": "PERSON"})
    assert q.speaker is not None and q.speaker.text == "Mr. Halvorsen" and q.speaker.entity == "e1"


def test_a_passive_subject_of_the_first_conjunct_says_the_second(nlp):
    text = ("By the end of the day, Mr. Halvorsen was forced into a rare apology and said that his words had been "
            "''taken out of context.''")
    [q] = quotes_of(nlp, text, {"Halvorsen": "PERSON"})
    assert q.kind == "mixed" and q.speaker is not None and q.speaker.entity == "e1"


def test_what_someone_is_expected_to_do_names_no_speaker(nlp):
    # a prediction about a person is no report of their words: the passive subject stays no speaker
    from newsgraph.enrichment.quotes.cues import subject_of
    doc = nlp("The leaders were expected to discuss the budget.")
    verb = next(t for t in doc if t.lower_ == "discuss")
    assert subject_of(verb) is None


def test_a_name_then_an_aside_then_the_verb(nlp):
    text = ('Marta Quill, exasperated, famously replied: "What difference does it make at this point, after all '
            'these years?"')
    [q] = quotes_of(nlp, text, {"Marta Quill": "PERSON"})
    assert q.speaker is not None and q.speaker.text == "Marta Quill" and q.speaker.entity == "e1"


def test_a_name_with_its_party_and_an_aside_before_said(nlp):
    text = ('Sen. Tomas Brandt (D-Ore.), noting the size of the crowd, said, "Let me tell you, this town has never '
            'seen a rally like that one."')
    direct = [q for q in quotes_of(nlp, text, {"Tomas Brandt": "PERSON"}) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker is not None and direct[0].speaker.entity == "e1"


def test_a_name_opening_the_paragraph_after_one_the_parser_ran_into(nlp):
    text = ("The Ledger reports the plant will close.\n\nLedger columnist Ana Pirelli, in an attempt to explain the "
            "closure, wrote, “The owners, famously secretive, answered only two questions at the meeting on Friday.”")
    direct = [q for q in quotes_of(nlp, text, {"Ana Pirelli": "PERSON"}) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker is not None and direct[0].speaker.entity == "e1"


def test_a_name_after_a_clause_is_no_aside_speaker(nlp):
    # only a name opening its clause speaks past an aside: here the clause's subject is someone else
    from newsgraph.enrichment.quotes.hidden import _name_before_aside
    doc = nlp("The mayor thanked Dana Reyes, a volunteer, and said the park would open.")
    verb = next(t for t in doc if t.lower_ == "said")
    assert _name_before_aside(doc, verb, lambda offset: False) is None


def test_as_a_name_put_it(nlp):
    text = ("As Oren Falk, a professor of law at Denholm and author of ''The Quiet Court,'' put it, ''Senators should "
            "remember that a compromise today may be far better than what they get next year.''")
    quotes = [q for q in quotes_of(nlp, text, {"Oren Falk": "PERSON"}) if len(q.text.split()) > 5]
    assert len(quotes) == 1 and quotes[0].speaker is not None and quotes[0].speaker.entity == "e1"


def test_a_degree_phrase_between_the_subject_and_say(nlp):
    text = ("Critics piled on. The technology columnist Rhea Lindqvist went so far as to say: ''The platform as we "
            "know it is over.''")
    [q] = quotes_of(nlp, text, {"Rhea Lindqvist": "PERSON"})
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_message_to_supporters_is_the_senders_not_the_readers(nlp):
    text = ("Her campaign quickly sent an email to supporters stating, “Governor Pell Joins Growing List of Mayors "
            "Backing the Plan.”")
    [q] = quotes_of(nlp, text)
    assert q.speaker is not None and q.speaker.text == "Her campaign"


def test_a_relative_pronoun_after_a_name_introduces_its_quotation(nlp):
    text = ("Then there was the radio host Cal Brodie, who lamented in an interview with a local paper, ''We have "
            "spent twenty years shouting at each other.''")
    [q] = quotes_of(nlp, text, {"Cal Brodie": "PERSON"})
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_second_verb_of_a_named_subject_introduces_its_quotation(nlp):
    text = ("Smiling broadly, Ms. Varga drew cheers as she thanked her home town and then boomed, ''Today, you proved "
            "once again that there is no place like home.''")
    [q] = quotes_of(nlp, text, {"Varga": "PERSON"})
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_quotation_after_a_long_attribution_goes_on_with_its_speaker(nlp):
    text = ("''If you don't have a positive tone, you will have a hard time getting votes,'' said Elena Ruiz, the "
            "executive director of the Partnership for Rural Schools, who also said that the two candidates and the "
            "parties behind them, in the state and in the capital, must do a great deal more to address the concerns "
            "of farmers and of rural families. ''Farmers won't vote for someone just because they grew up on a "
            "farm.''")
    quotes = quotes_of(nlp, text, {"Elena Ruiz": "PERSON"})
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 2, "a long attribution between them: two statements, not one"
    assert all(q.speaker is not None and q.speaker.entity == "e1" for q in direct)


def test_an_inverted_attribution_between_a_split_quotation(nlp):
    text = ('"The risk," said Paul Ostrander, an economist who is the director of the Valley Forecast, "is that we '
            'are going to be attracting workers and repelling jobs."')
    quotes = quotes_of(nlp, text, {"Paul Ostrander": "PERSON"})
    assert quotes and all(q.speaker is not None and q.speaker.entity == "e1" for q in quotes)


def test_a_surname_the_tagger_takes_for_a_word_speaks_once_the_person_was_named(nlp):
    from newsgraph.enrichment.quotes.cues import Cue
    from newsgraph.enrichment.quotes.hidden import speaker_by_surname
    text = "Dana Early ran the count. Later, Early described it as news to her."
    doc = nlp(text)
    verb = next(t for t in doc if t.lower_ == "described")
    cue = Cue((verb.i,), verb.i, None, None, "naming")
    found = speaker_by_surname(doc, cue, {"Early": 0}, lambda offset: False)
    assert found is not None and text[found[0]:found[1]] == "Early" and found[0] > 10
    # a surname no one bore in full before, or a passive verb's subject (the one asked), is no speaker
    assert speaker_by_surname(doc, cue, {"Early": found[0] + 1}, lambda offset: False) is None
    doc2 = nlp("Dana Early ran the count. Later, Early was asked about it.")
    asked = next(t for t in doc2 if t.lower_ == "asked")
    assert speaker_by_surname(doc2, Cue((asked.i,), asked.i, None, None, "verb"), {"Early": 0},
                              lambda offset: False) is None


def test_a_naming_participle_after_a_short_adverbial_speaks_for_the_clause_before(nlp):
    text = ('Mayor Dana Holt has feuded with the council over the budget, at one point calling the treasurer a '
            '"liar" who was not "honorable."')
    [q] = quotes_of(nlp, text, {"Dana Holt": "PERSON"})
    assert q.speaker is not None and q.speaker.entity == "e1"


def test_a_passive_subject_did_what_the_gerund_after_it_says(nlp):
    text = ('The anchor was suspended for two weeks after slamming the senators for their "cowardly and shameful" '
            'vote on the bill.')
    [q] = quotes_of(nlp, text)
    assert q.speaker is not None and q.speaker.text == "The anchor"


def test_a_gerund_of_means_names_no_speaker(nlp):
    # "is justified by arguing": someone unnamed argues; the thing justified is no speaker
    text = 'The rule is often justified by arguing that "the roads are simply too narrow" for the buses.'
    assert all(q.speaker is None for q in quotes_of(nlp, text))


def test_made_a_point_of_saying(nlp):
    text = 'And he made a point of saying the library "was a place of refuge and learning" for the whole town.'
    [q] = quotes_of(nlp, text)
    assert q.speaker is not None and q.speaker.text == "he"


def test_a_name_after_a_subordinator_and_before_an_aside(nlp):
    text = ("The debate had barely begun when Ms. Okafor, asked about the tunnel, had said, ''I think the city can "
            "afford it.''")
    quotes = [q for q in quotes_of(nlp, text, {"Okafor": "PERSON"}) if q.kind != "indirect"]
    assert len(quotes) == 1 and quotes[0].speaker is not None and quotes[0].speaker.entity == "e1"


def test_a_report_in_its_own_paragraph_names_the_speaker_of_the_quoted_paragraph_after_it(nlp):
    text = ("“The council has not met for a month,” Ryder wrote. “That is a disgrace.”\n\n"
            "Ana Velez shot back in a statement, saying she has “never missed a single vote.”\n\n"
            "“Frankly, this is the kind of attack our town does not need, and voters will see through it.”")
    quotes = quotes_of(nlp, text, {"Ryder": "PERSON", "Ana Velez": "PERSON"})
    last = [q for q in quotes if q.text.startswith("Frankly")]
    assert len(last) == 1 and last[0].speaker is not None and last[0].speaker.entity == "e2"


def test_a_verb_of_saying_tagged_as_a_noun_after_the_quotation(nlp):
    text = ("“They know Ortiz is the only one strong enough to stand up to the lobby and win,” a voice-over in the ad "
            "states. “She will stand up for you.”")
    quotes = quotes_of(nlp, text)
    assert quotes[0].cue == "states" and quotes[0].speaker is not None and quotes[0].speaker.text == "a voice-over"
    # the noun before another noun is a modifier, not a verb: "the state senator said"
    [q] = quotes_of(nlp, '"We will win," the state senator said.')
    assert q.cue == "said" and q.speaker.text == "the state senator"


def test_a_headline_name_the_tagger_misreads_is_the_name_the_body_tags(nlp):
    from newsgraph.enrichment.quotes.find import _named_elsewhere
    text = ("Halvorsen: Bridge Plan Is ‘A Waste of Money.’\n\n"
            "Council member Peter Halvorsen said on Monday that the bridge plan was a waste.")
    doc = nlp(text)
    assert _named_elsewhere(doc, doc[0:1])
    # a word the body never tags as a person's name is no name
    doc2 = nlp("Update: Bridge Plan Is ‘A Waste of Money.’\n\nThe council said on Monday that the plan would go on.")
    assert not _named_elsewhere(doc2, doc2[0:1])
    quotes = [q for q in quotes_of(nlp, text, {"Peter Halvorsen": "PERSON"}) if "Waste" in q.text]
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.entity == "e1"


def test_an_inverted_one_of_those_just_named(nlp):
    text = ('Supporters kept posting.\n\n"We would have won if everyone could vote," tweeted another. '
            '"Better watch out for the clerk."')
    quotes = quotes_of(nlp, text)
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "another"
    # only the word alone: "said one of them" speaks as "one" too, a longer phrase is read as before
    from newsgraph.enrichment.quotes.hidden import _phrase_after
    doc = nlp('"It is over," said another, a man nobody knew.')
    verb = next(t for t in doc if t.lower_ == "said")
    found = _phrase_after(doc, verb)
    assert found is not None and doc.text[found[0]:found[1]] == "another"


def _parsed(nlp, words, heads, deps, tags):
    """A parse as given (the shape a parser produced on real text), so a rule is tested on that shape."""
    from spacy.tokens import Doc
    pos = {"NNP": "PROPN", "NN": "NOUN", "VBD": "VERB", "VBG": "VERB", "DT": "DET", "IN": "ADP", "-LRB-": "PUNCT",
           "-RRB-": "PUNCT", ".": "PUNCT", "PRP": "PRON", "JJ": "ADJ"}
    return Doc(nlp.vocab, words=words, spaces=[True] * len(words), heads=heads, deps=deps, tags=tags,
               pos=[pos[t] for t in tags])


def test_a_subjectless_verb_of_saying_right_after_a_bracketed_party_takes_the_name(nlp):
    from newsgraph.enrichment.quotes.cues import Cue
    from newsgraph.enrichment.quotes.hidden import speaker_unparsed
    # "… the Assembly Rep. Whitcombe (R) said it was over .": the name hung as a preposition's object
    words = ["Speaker", "of", "the", "Assembly", "Rep.", "Whitcombe", "(", "R", ")", "said", "it", "ended", "."]
    heads = [9, 0, 3, 5, 5, 1, 5, 5, 5, 9, 11, 9, 9]
    deps = ["dep", "prep", "det", "compound", "compound", "pobj", "punct", "appos", "punct", "ROOT", "nsubj",
            "ccomp", "punct"]
    tags = ["NNP", "IN", "DT", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "PRP", "VBD", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    span = speaker_unparsed(doc, Cue((9,), 9, (10, 12), None, "verb"), lambda offset: False)
    assert span is not None and doc.text[span[0]:span[1]].endswith("Whitcombe")
    # inside quotation marks the name is no speaker
    assert speaker_unparsed(doc, Cue((9,), 9, (10, 12), None, "verb"), lambda offset: offset < 40) is None


def test_a_statement_saying_speaks_for_the_name_the_parser_took_for_an_adverb(nlp):
    from newsgraph.enrichment.quotes.cues import Cue
    from newsgraph.enrichment.quotes.hidden import speaker_unparsed
    words = ["Farmers", "First", "issued", "a", "statement", "saying", "it", "left", "."]
    heads = [1, 2, 2, 4, 2, 4, 7, 5, 2]
    deps = ["compound", "advmod", "ROOT", "det", "dobj", "acl", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "NNP", "VBD", "DT", "NN", "VBG", "PRP", "VBD", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    span = speaker_unparsed(doc, Cue((5,), 5, (6, 8), None, "verb"), lambda offset: False)
    assert span is not None and doc.text[span[0]:span[1]] == "Farmers First"
    # a sign held up bears words that need not be the holder's
    words[2], words[4] = "held", "sign"
    doc = _parsed(nlp, words, heads, deps, tags)
    assert speaker_unparsed(doc, Cue((5,), 5, (6, 8), None, "verb"), lambda offset: False) is None


def test_a_participle_of_saying_on_the_hearers_of_an_email_is_the_senders(nlp):
    text = ("Ortiz was not ready to concede. The Oregon senator emailed supporters saying: “The fight goes on” and "
            "vowing to compete in the final contest next week.")
    quotes = quotes_of(nlp, text, {"Ortiz": "PERSON"})
    [q] = [q for q in quotes if "fight goes on" in q.text]
    assert q.speaker is not None and q.speaker.text == "The Oregon senator"


def test_a_sign_held_up_keeps_its_own_words(nlp):
    text = "Dana Whitcombe held up a sign saying “Farmers Against The Tariff - We Remember 1930.” She smiled."
    quotes = quotes_of(nlp, text, {"Dana Whitcombe": "PERSON"})
    assert all(q.speaker is None or "Whitcombe" not in q.speaker.text for q in quotes if "Farmers" in q.text)


def test_a_quoted_paragraph_after_a_fronted_report_is_its_speakers(nlp):
    text = ("The board met again on Friday.\n\nIf anything, Marlow argued in his letter, the delay is proof of why the "
            "board should adopt the new rules.\n\n“In light of this breach and an unwillingness to hold a fair vote, "
            "is it wise for the board to keep the old rules in place?”")
    quotes = quotes_of(nlp, text, {"Marlow": "PERSON"})
    [q] = [q for q in quotes if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.text == "Marlow" and q.speaker.via == "paragraph"


def test_a_quoted_paragraph_after_a_sentence_about_the_last_speaker_goes_on_with_them(nlp):
    text = ("“We are going to fix every road in this county,” Ortiz added. She then had a question for the crowd."
            "\n\n“Who is going to pay for it?”")
    quotes = quotes_of(nlp, text, {"Ortiz": "PERSON"})
    assert len(quotes) == 2 and _speakers(quotes) == ["Ortiz", "Ortiz"]


def test_a_quoted_paragraph_after_a_sentence_about_someone_new_does_not_go_on(nlp):
    text = ("“We are going to fix every road in this county,” Ortiz added. The treasurer had a question for the "
            "crowd.\n\n“Who is going to pay for it?”")
    quotes = quotes_of(nlp, text, {"Ortiz": "PERSON"})
    last = [q for q in quotes if "pay for it" in q.text]
    assert all(q.speaker is None or q.speaker.text != "Ortiz" for q in last)


def test_a_long_description_ending_on_the_name_before_the_verb_after_a_quotation(nlp):
    text = ("The mayor spoke for an hour.\n\n\"Will the mayor finally say the words 'budget crisis'? If she does not, "
            "she should resign at once!\" the county's longtime elected treasurer, Dana Whitcombe, tweeted Sunday "
            "after the meeting.")
    quotes = quotes_of(nlp, text, {"Dana Whitcombe": "PERSON"})
    [q] = [q for q in quotes if "budget" in q.text]
    assert q.speaker is not None and q.speaker.entity == "e1" and "treasurer" in q.speaker.text


def test_a_participle_of_saying_on_a_share_of_people_is_theirs(nlp):
    text = ("Support for the plan has grown. Since 2010 the share of Republicans saying “it is more important to "
            "protect farm subsidies” increased by 20 points.")
    [q] = [q for q in quotes_of(nlp, text) if "farm subsidies" in q.text]
    assert q.speaker is not None and q.speaker.text == "the share of Republicans"


def test_a_sentence_opening_participle_goes_on_with_the_report_before_it(nlp):
    text = ("Ortiz stated of the audit that the county's report “was not good.” Adding, “Now, like all of these "
            "scandals, what they did is never that bad. It is always how they handle it.”")
    [q] = [q for q in quotes_of(nlp, text, {"Ortiz": "PERSON"}) if "handle it" in q.text]
    assert q.speaker is not None and q.speaker.text == "Ortiz"


def test_a_sentence_opening_participle_after_a_paragraph_break_names_no_one(nlp):
    text = ("Ortiz stated of the audit that the county's report “was not good.”\n\nAdding, “Now, like all of these "
            "scandals, what they did is never that bad. It is always how they handle it.”")
    [q] = [q for q in quotes_of(nlp, text, {"Ortiz": "PERSON"}) if "handle it" in q.text]
    assert q.speaker is None or q.speaker.text != "Ortiz" or q.speaker.via == "continuation"


def test_a_passive_label_is_said_by_the_by_phrase(nlp):
    text = ("While the council has faced criticism for the long inquiry into the budget — often labeled as a "
            "“witch hunt” by Democrats — it seems the chair is right.")
    [q] = [q for q in quotes_of(nlp, text) if "witch hunt" in q.text]
    assert q.speaker is not None and q.speaker.text == "Democrats"


def test_the_answer_after_when_asked_is_the_one_asked(nlp):
    text = ("Any decision would involve Auditor Dana Ortiz, who told the council when asked last month about the "
            "inquiry: “That matter is being handled by career auditors, as well as the county's lawyers.”")
    quotes = quotes_of(nlp, text, {"Dana Ortiz": "PERSON"})
    [q] = [q for q in quotes if "career auditors" in q.text]
    assert q.speaker is not None and q.speaker.entity == "e1"
    # what was asked about is the asker's question, not the answer of the one asked
    assert all(q.speaker is None for q in quotes if q.text == "the inquiry")


def test_a_claim_noun_is_said_by_its_by_phrase(nlp):
    from newsgraph.enrichment.quotes.cues import Cue
    from newsgraph.enrichment.quotes.hidden import speaker_unparsed
    words = ["the", "suggestion", "by", "a", "president", "that", "someone", "look", "."]
    heads = [1, 1, 1, 4, 2, 7, 7, 1, 1]
    deps = ["det", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "acl", "punct"]
    tags = ["DT", "NN", "IN", "DT", "NN", "IN", "NN", "VBD", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    span = speaker_unparsed(doc, Cue((1,), 1, (5, 8), None, "noun"), lambda offset: False)
    assert span is not None and doc.text[span[0]:span[1]] == "a president"
    words[4] = "plan"  # "the suggestion by a plan": a thing says nothing
    doc = _parsed(nlp, words, heads, deps, tags)
    assert speaker_unparsed(doc, Cue((1,), 1, (5, 8), None, "noun"), lambda offset: False) is None


def test_a_participle_of_saying_on_people_is_theirs_on_a_thing_no_ones(nlp):
    from newsgraph.enrichment.quotes.cues import Cue
    from newsgraph.enrichment.quotes.hidden import speaker_unparsed
    words = ["the", "share", "of", "voters", "saying", "it", "matters", "rose", "."]
    heads = [1, 7, 1, 2, 1, 6, 4, 7, 7]
    deps = ["det", "nsubj", "prep", "pobj", "acl", "nsubj", "ccomp", "ROOT", "punct"]
    tags = ["DT", "NN", "IN", "NN", "VBG", "PRP", "VBD", "VBD", "."]
    doc = _parsed(nlp, words, heads, deps, tags)
    span = speaker_unparsed(doc, Cue((4,), 4, (5, 7), None, "verb"), lambda offset: False)
    assert span is not None and doc.text[span[0]:span[1]] == "the share of voters"
    words[3] = "posters"  # "the share of posters saying": no people
    doc = _parsed(nlp, words, heads, deps, tags)
    assert speaker_unparsed(doc, Cue((4,), 4, (5, 7), None, "verb"), lambda offset: False) is None


def test_a_chanted_slogan_is_the_crowds(nlp):
    text = ("Holding signs calling the mayor “the county's biggest loser,” the protesters chanted “Dana Ortiz: bad "
            "for the county, bad for you.”")
    [q] = [q for q in quotes_of(nlp, text, {"Dana Ortiz": "PERSON"}) if "bad for you" in q.text]
    assert q.speaker is not None and q.speaker.text == "the protesters" and q.cue == "chanted"


def test_a_document_from_someone_is_not_the_words_of_who_circulates_it(nlp):
    text = 'The council circulated a petition from parents saying "the crossing is unsafe."'
    [q] = quotes_of(nlp, text, {})
    assert q.speaker is None or "council" not in q.speaker.text.lower()
