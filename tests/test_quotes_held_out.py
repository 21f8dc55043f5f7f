"""Quote patterns read by hand on real pages of many outlets (issue 12's held-out check): how wire copy, tabloids and
broadcasters set their quotations. Every sentence here is invented; the patterns are what the pages showed."""
from __future__ import annotations

from newsgraph.enrichment.entities import find_entities
from newsgraph.enrichment.quotes import find_quotes
from newsgraph.enrichment.quotes.marks import find_stretches


def quotes(nlp, text):
    doc = nlp(text)
    return find_quotes(doc, find_entities(doc))


def words(text, q):
    return [text[a:b] for a, b in q.parts]


# ---- marks --------------------------------------------------------------------------------------------------------

def test_two_curly_apostrophes_close_a_double_quotation():
    """Some wire copy closes “…’’ with two right single marks: one double mark, or the quote is lost."""
    text = "“It was a plain attempt to mislead,’’ Dana Holt told the radio. “And it will not work.”"
    assert [[text[a:b] for a, b in q.parts] for q in find_stretches(text)] == [
        ["It was a plain attempt to mislead"], ["And it will not work."]]


def test_a_quotation_runs_on_past_captions_set_between_its_paragraphs():
    """Page layouts put photo captions (no closing stop, no quotation mark) between a quote's paragraphs."""
    text = ("Commander Lee Brandt said: “These men broke the law. They will answer for it.\n\n"
            "Police have closed the bridge since Monday\n\n"
            "“Other than giving up, I do not see any choice for them.”")
    [q] = find_stretches(text)
    assert [text[a:b] for a, b in q.parts] == [
        "These men broke the law. They will answer for it.", "Other than giving up, I do not see any choice for them."]


def test_a_paragraph_with_a_stop_is_no_caption_and_ends_the_open_quote():
    text = ("Commander Lee Brandt said: “These men broke the law.\n\n"
            "The bridge has been closed since Monday.\n\n"
            "“Nobody is above it,” a resident said.")
    assert [[text[a:b] for a, b in q.parts] for q in find_stretches(text)] == [["Nobody is above it"]]


# ---- split quotations and continuations ---------------------------------------------------------------------------

def test_split_quote_whose_first_part_is_a_clause_of_the_sentence(nlp):
    """'"When …," she said, "maybe …"': the parse hangs the first part on the second's verb; the attribution
    between them is a parenthetical, and both parts are the speaker's words."""
    text = ('Dana Holt defends the guards. "When all the evidence is heard in court," she said, '
            '"maybe people will judge them differently."')
    [q] = [q for q in quotes(nlp, text) if q.kind != "indirect"]
    assert q.kind == "direct" and words(text, q) == [
        "When all the evidence is heard in court", "maybe people will judge them differently."]
    assert q.speaker is not None and q.speaker.name == "Dana Holt"


def test_split_quote_whose_first_part_is_the_subject(nlp):
    text = ('Dana Holt spoke after the ruling. "Thirty years of practising law," she said, '
            '"have taught me that there are no accidents."')
    [q] = [q for q in quotes(nlp, text) if q.kind != "indirect"]
    assert words(text, q) == ["Thirty years of practising law", "have taught me that there are no accidents."]


def test_a_short_quoted_order_after_an_attribution_goes_on_with_the_same_voice(nlp):
    """'"Hands up!" an officer ordered. "Step out."': two words, the same speaker, one statement."""
    text = 'The door gave way. "Hands where I can see them!" Sergeant Lee Brandt shouted. "Step out."'
    [q] = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert words(text, q) == ["Hands where I can see them!", "Step out."]
    assert q.speaker is not None and "Brandt" in q.speaker.text


def test_a_short_quoted_line_in_a_new_paragraph_is_not_taken_as_going_on(nlp):
    text = 'The door gave way. "Hands where I can see them!" Sergeant Lee Brandt shouted.\n\n"Step out."'
    assert not [q for q in quotes(nlp, text) if q.kind == "direct" and len(q.parts) > 1]


# ---- names in quotation marks -------------------------------------------------------------------------------------

def test_a_show_written_as_one_capitalised_word_is_no_quotation(nlp):
    """'… the "Pose" actor said on "DWTS."': the quote is the actor's sentence, not the show's name."""
    text = '"Hearing the heartbeat was special," Dana Holt said on "DWTS." His wife agreed.'
    assert [text[q.span[0]:q.span[1]] for q in quotes(nlp, text) if q.kind == "direct"] == [
        "Hearing the heartbeat was special"]


def test_a_one_word_shout_is_still_a_quotation(nlp):
    text = 'The crowd waited for Dana Holt. "Go!" Holt shouted at the runners.'
    assert [q for q in quotes(nlp, text) if q.kind == "direct" and "Go" in q.text]


# ---- nominal speakers ---------------------------------------------------------------------------------------------

def test_an_occupation_noun_is_the_person_the_text_is_about(nlp):
    """'"…," said the actor': an article about one actor calls him so between his quotes."""
    text = ('Dana Holt was voted off the show on Monday. "We lost the baby," Holt said. '
            '"You never know why these things happen," said the actor.')
    [_, q] = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker.text == "the actor" and q.speaker.name == "Dana Holt"


def test_an_occupation_noun_is_the_person_called_so_among_several(nlp):
    """"Chef Mara Lund" … "said the chef": the person the text calls by the noun, not whoever was named last."""
    text = ('Chef Mara Lund opened her bistro in May. Her landlord, Peter Voss, was there too. '
            '"Simple food is the hardest," said the chef.')
    [q] = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker.text == "the chef" and q.speaker.name == "Mara Lund"


def test_an_occupation_noun_names_no_one_among_several_not_called_so(nlp):
    """"The play, directed by Ian Holt … its lead, Ruth Ames …. '…,' said the actor": a director named first and
    an actor named last are both people; the noun is no licence to take the latest (the superintendent is not
    the inspector named last either: the title written before a name says who is)."""
    text = ('The play, directed by Ian Holt, opens on Friday. Its lead, Ruth Ames, trained in Dublin for '
            'years. "It is a gift of a part," said the actor.')
    q = [q for q in quotes(nlp, text) if q.kind == "direct"][-1]
    assert q.speaker.text.startswith("the ") and q.speaker.entity is None, text
    text = ('Supt. Liam Walsh led the search. Inspector Jo Kerr said the dogs found nothing. '
            '"We keep looking," the superintendent said.')
    q = [q for q in quotes(nlp, text) if q.kind == "direct"][-1]
    assert q.speaker.text == "the superintendent" and q.speaker.name == "Liam Walsh"


def test_a_company_named_with_a_noun_before_it_is_the_company_just_named(nlp):
    """'the production company said' after 'Brightline Productions denied …'."""
    text = ('Harbour Sound Records issued a statement on Monday. However, Brightline Productions denied that it had '
            'settled with the label. "At no time did we agree to a joint statement with Harbour Sound," the '
            'production company said.')
    [q] = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker.name == "Brightline Productions"


def test_someones_rep_is_not_that_person(nlp):
    """"Holt's rep told the paper …": the rep speaks for Holt; the words are not Holt's own."""
    text = "Dana Holt has not commented. Holt's rep told the paper that this was untrue."
    [q] = [q for q in quotes(nlp, text) if q.cue == "told"]
    assert q.speaker.text == "Holt's rep" and q.speaker.name != "Dana Holt"


def test_a_bare_plural_is_not_the_body_whose_name_holds_the_word(nlp):
    """"Teachers chanted" at a rally the teachers' association called: teachers, not the association."""
    text = ('The Riverside State Teachers Association called the rally. Teachers chanted, "Fund our schools," '
            'outside the building.')
    [q] = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert q.speaker is None or q.speaker.name != "Riverside State Teachers Association"


def test_words_quoted_in_an_absolute_with_phrase_are_not_the_main_subjects(nlp):
    """'Egypt and Jordan criticised the shift, with minister Holt warning of "…"': never Egypt's words."""
    text = ('Egypt and Jordan also sharply criticised the policy shift, with Jordanian Foreign Minister Dana Holt '
            'warning of "dangerous consequences".')
    assert not [q for q in quotes(nlp, text) if q.kind != "indirect" and q.speaker is not None
                and q.speaker.name in ("Egypt", "Jordan")]


def test_a_reporters_source_is_not_the_reporter(nlp):
    text = ("A local reporter Dana Holt's source inside the camp, a farmer who asked not to be named, said that the "
            "ministry's claim is “absolutely not true.”")
    [q] = [q for q in quotes(nlp, text) if q.kind == "mixed"]
    assert q.speaker is not None and q.speaker.name != "Dana Holt"


def test_a_second_that_clause_of_the_same_verb_is_reported_too(nlp):
    """'told the paper that A “…,” and that “…”': the parse hangs the second clause on "told"."""
    text = ('Cmdr. Lee Brandt told the paper on Monday that the claim “is patently false,” and that “the army is '
            'not keeping people from leaving the camp.”')
    [q] = [q for q in quotes(nlp, text) if q.kind == "mixed"]
    assert len(q.parts) == 2 and q.text.endswith("leaving the camp.”") and q.speaker.name == "Lee Brandt"


def test_a_quoted_post_opening_with_a_handle_goes_on_with_the_poster(nlp):
    text = ('In his first post about the pregnancy, Dana Holt noted there should be “zero shame” involved.\n\n'
            '"@danaswife and I have been through three of those first appointments, and she wanted to share this.\n\n'
            '"But there needs to be zero shame around it. We decided to put ourselves out there."\n\n'
            'The judges struggled with the decision.')
    [q] = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert q.text.startswith("@danaswife") and q.speaker.name == "Dana Holt"


def test_the_governor_is_the_person_titled_gov(nlp):
    """'Gov. Dana Holt …' then 'The governor said …': not the last speaker, a House speaker."""
    text = ('Gov. Dana Holt and the leaders of the legislature have avoided criticism of teachers. House Speaker Lee '
            'Brandt said lawmakers would act on test scores. "We get that you are frustrated," Brandt said. '
            'The governor said he was waiting for a commission to report.')
    [q] = [q for q in quotes(nlp, text) if q.speaker is not None and q.speaker.text == "The governor"]
    assert q.speaker.name == "Dana Holt"


def test_a_quotation_opening_in_a_reported_clause_runs_to_its_closing_mark(nlp):
    """'told the paper that the agency is “working with the forces, who have said …, as well as …”': the parse
    ends the clause at the relative clause inside the quotation; the quotation was lost."""
    text = ('Agency spokesman Lee Brandt told the paper that the agency is “working in particular with the coalition '
            'forces, who have said they need to carry out a security check before they can enter the camp, as well '
            'as the government to ensure access to the shelters.”')
    [q] = [q for q in quotes(nlp, text) if q.kind == "mixed"]
    assert q.text.endswith("access to the shelters.”") and q.speaker.name == "Lee Brandt"


def test_a_quotation_after_a_colon_stays_a_quotation_of_its_own(nlp):
    text = ('"Having the file is valuable," said Dana Holt, explaining she worked closely with Lee Brandt, who '
            'cleaned up the data: "Lee is outstanding with data. He is a real good data man."')
    assert not [q for q in quotes(nlp, text) if q.kind == "mixed" and "outstanding" in q.text]
