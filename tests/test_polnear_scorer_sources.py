"""The PolNeAR scorer's reading of gold sources: relative pronouns after initials and appositions, and gold whose
source and cue labels were swapped. Made-up sentences; no gold data is read."""
from __future__ import annotations

from newsgraph.evaluate.gold_polnear import GoldAttribution, antecedent, apposed_name
from newsgraph.evaluate.quotes_polnear import speaker_right, swapped_labels
from newsgraph.model import Quote, Speaker


def span_of(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def quote(text: str, content: str, speaker: str) -> Quote:
    s, sp = span_of(text, content), span_of(text, speaker)
    return Quote(text[slice(*s)], s, "direct", [s], None, None, Speaker(text[slice(*sp)], sp, None, None, None))


def test_an_initial_or_a_closing_abbreviation_ends_no_antecedent():
    text = "The letter came from Karl J. Brenner Jr., who wrote that the deal was dead."
    ante = antecedent(text, span_of(text, "who"))
    assert "Brenner Jr." in text[slice(*ante)] and "Karl" in text[slice(*ante)]
    # a title before the name still ends it: the antecedent is the name, not the sentence before
    text = "The vote angered Sen. Ana Ortiz, who said it was rigged."
    assert text[slice(*antecedent(text, span_of(text, "who")))] == "Ana Ortiz"


def test_a_description_apposed_to_a_name_points_the_relative_back_to_the_name():
    text = ('"We were never asked," said Dana Ruiz, a retired teacher and a longtime member of the board who said '
            'she would not run again. Mayor Lin disagreed.')
    name = apposed_name(text, span_of(text, "who"))
    assert name is not None and text[name[0]:name[1]].endswith("Dana Ruiz")
    gold = GoldAttribution([span_of(text, "We were never asked")], [], [span_of(text, "who")])
    assert speaker_right(text, quote(text, "We were never asked", "Dana Ruiz"), gold)
    assert not speaker_right(text, quote(text, "We were never asked", "Mayor Lin"), gold)
    # no description, no apposed name: "the council, which" keeps its own antecedent
    plain = "The council, which met Monday, said it would vote."
    assert apposed_name(plain, span_of(plain, "which")) is None


def test_a_description_of_its_own_still_counts_as_the_antecedent():
    text = '"We are ready," said Omar Haddad, the union\'s chief negotiator, who added that talks would resume.'
    gold = GoldAttribution([span_of(text, "We are ready")], [], [span_of(text, "who")])
    assert speaker_right(text, quote(text, "We are ready", "the union's chief negotiator"), gold)
    assert speaker_right(text, quote(text, "We are ready", "Omar Haddad"), gold)


def test_swapped_source_and_cue_labels_make_the_cue_the_source():
    text = '"The plan is sound," said Marlow. Critics disagreed.'
    swapped = GoldAttribution([span_of(text, "The plan is sound")], [span_of(text, "Marlow")],
                              [span_of(text, "said")])
    assert swapped_labels(text, swapped)
    assert speaker_right(text, quote(text, "The plan is sound", "Marlow"), swapped)
    assert not speaker_right(text, quote(text, "The plan is sound", "Critics"), swapped)
    # the right labels are left as they are, and a source that is a noun is never taken for a cue
    right = GoldAttribution([span_of(text, "The plan is sound")], [span_of(text, "said")],
                            [span_of(text, "Marlow")])
    assert not swapped_labels(text, right)
    assert speaker_right(text, quote(text, "The plan is sound", "Marlow"), right)
    critics = GoldAttribution([span_of(text, "The plan is sound")], [span_of(text, "disagreed")],
                              [span_of(text, "Critics")])
    assert not swapped_labels(text, critics)
    # a cue of words alone beside a source of words alone: nothing to swap to
    bare = GoldAttribution([span_of(text, "The plan is sound")], [span_of(text, "disagreed")],
                           [span_of(text, "said")])
    assert not swapped_labels(text, bare)
