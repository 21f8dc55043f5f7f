"""Quotation clusters' pure rules (newsgraph.quotebank): matching, drift, canonical text, vote and conflicts."""
from __future__ import annotations

from newsgraph.model import Article, Entity, Mention, Quote, QuoteOccurrence, Speaker
from newsgraph.quotebank.match import MatchParams, drift, same_quotation
from newsgraph.quotebank.step import _occurrence
from newsgraph.quotebank.summary import canonical, first_seen, summarize, vote
from newsgraph.quotebank.words import decode, keys, quoted_text, words_of

FULL = "We will not back down, and we will win this fight for our children and for every family in this city."


def test_marks_case_apostrophes_and_ellipses_do_not_change_the_words():
    a = words_of("“Don’t  PANIC — it's only a test,” ...")
    b = words_of('"dont panic - its only a test"')
    assert a.words == b.words == ("dont", "panic", "its", "only", "a", "test")
    assert words_of("one two … three").gaps == {2} and words_of("one two [...] three").gaps == {2}
    assert decode(words_of("one two … three four").encode()) == words_of("one two … three four")


def test_exact_containment_and_small_edits_match():
    full = words_of(FULL)
    assert same_quotation(full, words_of(FULL.upper())) == "exact"
    assert same_quotation(full, words_of("we will win this fight for our children")) == "contained"
    assert same_quotation(words_of("we will win this fight for our children"), full) == "contained"
    assert same_quotation(full, words_of("We will not back down … we will win this fight")) == "contained"
    assert same_quotation(full, words_of(FULL.replace("back down", "back off"))) == "edited"


def test_different_quotes_short_fragments_and_scattered_words_do_not_match():
    full = words_of(FULL)
    assert same_quotation(full, words_of("The new parks will open before the summer holidays begin")) is None
    assert same_quotation(full, words_of("we will win")) is None  # under min_words: a stock phrase
    assert same_quotation(words_of("we will win"), words_of("we will win")) is None
    # every word of the short one occurs in the long one, but only singly and out of its sentence
    assert same_quotation(full, words_of("our city will not fight every family")) is None
    # two words changed out of seven is not a small edit
    assert same_quotation(words_of("the council will vote on the budget"),
                          words_of("the mayor will veto on the budget")) is None
    assert same_quotation(full, words_of("we will win this fight"), MatchParams(min_words=5)) == "contained"


def test_keys_are_word_four_grams_shared_by_an_excerpt():
    full, part = words_of(FULL), words_of("we will win this fight for our children")
    assert set(keys(part)) <= set(keys(full)) and len(keys(part)) == 5
    assert len(keys(words_of("too short"))) == 1


def test_drift_flags_changed_and_silently_dropped_words_not_excerpts_or_shown_cuts():
    full = words_of(FULL)
    assert not drift(full, words_of("we will win this fight for our children")).drifted
    cut = drift(full, words_of("We will not back down … we will win this fight"))
    assert not cut.drifted and cut.excerpt and ("…", "and") in cut.diff
    changed = drift(full, words_of(FULL.replace("back down", "back off")))
    assert changed.drifted and changed.changed == 1 and ("-", "down") in changed.diff and ("+", "off") in changed.diff
    assert "[-down-] {+off+}" in changed.text()
    dropped = drift(words_of("we will not raise taxes this year"), words_of("we will raise taxes this year"))
    assert dropped.drifted and dropped.dropped == 1 and ("-", "not") in dropped.diff


def _o(article, words, speaker="g1", name="Jane Holloway", weak=False, published="2024-05-01", story=None,
       seq=0, source="a.example"):
    return QuoteOccurrence(article, 0, (0, 1), words, words_of(words).encode(), name, speaker, weak, published,
                           source, story or article, None, 1, seq)


def test_canonical_is_the_longest_faithful_version_even_against_an_as_long_changed_copy():
    changed = _o("c", FULL.replace("back down", "back off"), seq=1)
    occs = [changed, _o("a", FULL, seq=2), _o("b", "we will not back down and we will win", seq=3)]
    assert canonical(occs).article == "a"
    assert first_seen([_o("x", FULL, published=None, seq=0), _o("y", FULL, published="2024-06-01", seq=1)]
                      ).article == "y"


def test_vote_counts_stories_once_and_merges_name_forms():
    occs = [_o("a", FULL, seq=1), _o("a-copy", FULL, story="a", seq=2), _o("b", FULL, seq=3),
            _o("c", FULL, speaker="name:holloway", name="Holloway", seq=4),
            _o("d", FULL, speaker="g2", name="Marcus Reed", seq=5)]
    sides = vote(occs)
    assert [(s.name, s.votes) for s in sides] == [("Jane Holloway", 3), ("Marcus Reed", 1)]
    assert sides[0].articles == ("a", "a-copy", "b", "c")


def test_a_conflict_needs_two_people_each_named_outright():
    named = [_o("a", FULL, seq=1), _o("b", FULL, seq=2), _o("d", FULL, speaker="g2", name="Marcus Reed", seq=3)]
    assert summarize(named).conflict
    pronoun_miss = named[:2] + [_o("d", FULL, speaker="g2", name="Marcus Reed", weak=True, seq=3)]
    assert not summarize(pronoun_miss).conflict
    unresolved = named[:2] + [_o("d", FULL, speaker=None, name="a spokesman", seq=3)]
    assert not summarize(unresolved).conflict
    assert not summarize(named, min_support=2).conflict
    # one article giving the words to both people contradicts itself (a quote read twice), outlets do not disagree
    same_story = named[:2] + [_o("a", FULL, speaker="g2", name="Marcus Reed", seq=3)]
    assert not summarize(same_story).conflict
    s = summarize(named + [_o("e", FULL.replace("back down", "back off"), seq=4, source="b.example")])
    assert (s.occurrences, s.stories, s.outlets, s.drifted) == (4, 4, 2, 1)


def test_the_quoted_words_of_a_mixed_quote_are_its_parts_and_indirect_quotes_are_left_out():
    text = 'Holloway said the city would "not back down, and we will win this fight for our children" soon.'
    start = text.index("not back")
    part = (start, text.index('" soon'))
    mixed = Quote(text[text.index("the city"):-1], (text.index("the city"), len(text) - 1), "mixed", [part])
    assert quoted_text(text, mixed) == "not back down, and we will win this fight for our children"
    ent = Entity("e1", "Jane Holloway", "PERSON", [Mention(0, 8)], global_id="g7")
    mixed.speaker = Speaker("Holloway", (0, 8), "e1", "Jane Holloway")
    article = Article("a", text, "h", entities=[ent], quotes=[mixed])
    occ = _occurrence(article, 0, mixed, MatchParams())
    assert (occ.speaker_id, occ.speaker_name, occ.speaker_weak) == ("g7", "Jane Holloway", False)
    indirect = Quote(mixed.text, mixed.span, "indirect")
    assert _occurrence(article, 0, indirect, MatchParams()) is None
    mixed.speaker = Speaker("she", (0, 3), "e1", "Jane Holloway")
    assert _occurrence(article, 0, mixed, MatchParams()).speaker_weak
