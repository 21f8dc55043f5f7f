"""The PolNeAR scorer is code under test: reading brat standoff, one-to-one matching, counting, what counts as a
right speaker, and the error classes. Documents here are written for the tests (no PolNeAR text)."""
from __future__ import annotations

import pytest

from newsgraph.evaluate.gold_polnear import GoldAttribution, PolnearDoc, antecedent, parse_ann, read_polnear
from newsgraph.evaluate.quotes_polnear import error_class, name_words, score_polnear, speaker_right
from newsgraph.model import Quote, Speaker


def span_of(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def test_brat_events_give_content_cue_source_and_discontinuous_pieces():
    lines = ["T1\tSource 0 4\tAna",
             "T2\tCue 5 9\tsaid",
             "T3\tContent 10 20;30 40\t…",
             "T4\tAttribution 5 9\tsaid",
             "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
             "T5\tCue 50 62\taccording to",
             "T6\tContent 63 80\t…",
             "T7\tAttribution-no-source 50 62\taccording to",
             "E2\tAttribution-no-source:T7 Content:T6 Cue:T5",
             "T8\tDiscard 90 99\tRead more.",
             "E3\tAttribution:T4 Cue:T2 Source:T1"]  # no content: not an attribution we can score
    first, second = parse_ann(lines)
    assert first.content == [(10, 20), (30, 40)] and first.span == (10, 40)
    assert first.cue == [(5, 9)] and first.source == [(0, 4)]
    assert second.source == [] and second.span == (63, 80)


def test_reader_takes_the_first_annotator_file_by_name(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "paper_story.txt").write_text("Ana said it rained.", encoding="utf-8")
    (tmp_path / "attributions" / "paper_story_aaaa.ann").write_text(
        "T1\tContent 9 18\tit rained\nE1\tContent:T1\n", encoding="utf-8")
    (tmp_path / "attributions" / "paper_story_bbbb.ann").write_text("", encoding="utf-8")
    [doc] = read_polnear(tmp_path)
    assert doc.id == "paper_story" and [a.span for a in doc.attributions] == [(9, 18)]


def test_quoted_means_a_quotation_mark_not_an_apostrophe():
    text = "Clinton’s aide said “we won” and Ortiz’s office said it lost."
    assert GoldAttribution([span_of(text, "“we won”")]).quoted(text)
    assert not GoldAttribution([span_of(text, "Clinton’s aide")]).quoted(text)


def test_relative_source_counts_its_antecedent():
    text = "The vote angered Sen. Ana Ortiz, who said the count was rigged."
    ante = antecedent(text, span_of(text, "who"))
    assert text[ante[0]:ante[1]] == "Ana Ortiz"
    assert antecedent(text, span_of(text, "Ana Ortiz")) is None


def test_name_words_leave_titles_and_pronouns_out():
    assert name_words("Sen. Ana Ortiz") == {"ana", "ortiz"}
    assert name_words("Mr. Obama’s") == {"obama"}
    assert name_words("He") == set()


TEXT = '“We will fight,” Ana Ortiz said. The council, which met Monday, said it would vote. “Never,” one man said.'


def gold(text, content, source=None):
    return GoldAttribution([span_of(text, content)], [], [span_of(text, source)] if source else [])


def quote(text, content, speaker=None, kind="direct", entity=None, name=None, via=None):
    s = span_of(text, content)
    sp = Speaker(text[slice(*span_of(text, speaker))], span_of(text, speaker), entity, name, via) if speaker else None
    return Quote(text[s[0]:s[1]], s, kind, [s] if kind == "direct" else [], None, None, sp)


def test_speaker_right_by_overlap_by_name_words_and_by_antecedent():
    g = gold(TEXT, "We will fight", "Ana Ortiz")
    assert speaker_right(TEXT, quote(TEXT, "We will fight", "Ana Ortiz"), g)
    assert speaker_right(TEXT, quote(TEXT, "We will fight", "Ortiz"), g)  # a part of the source overlaps
    # elsewhere in the text, but its resolved name carries every name word of the source
    assert speaker_right(TEXT, quote(TEXT, "We will fight", "one man", entity="e1", name="Ana Ortiz"), g)
    assert not speaker_right(TEXT, quote(TEXT, "We will fight", "one man", entity="e2", name="Ana Diaz"), g)
    assert not speaker_right(TEXT, quote(TEXT, "We will fight"), g)
    rel = gold(TEXT, "it would vote", "which")
    assert speaker_right(TEXT, quote(TEXT, "it would vote", "The council", kind="indirect"), rel)


def test_a_speaker_where_gold_has_none_is_wrong_even_without_an_entity():
    g = gold(TEXT, "Never")
    assert speaker_right(TEXT, quote(TEXT, "Never"), g)
    assert not speaker_right(TEXT, quote(TEXT, "Never", "one man"), g)  # no entity, still a claim
    assert error_class(TEXT, g, quote(TEXT, "Never", "one man")) == 8


def test_counts_match_one_to_one_and_split_direct_from_indirect():
    doc = PolnearDoc("d", TEXT, [gold(TEXT, "“We will fight,”", "Ana Ortiz"),
                                 gold(TEXT, "it would vote", "which"),
                                 gold(TEXT, "“Never,”", "one man")])
    predicted = [quote(TEXT, "We will fight", "Ana Ortiz", via="explicit"),
                 quote(TEXT, "We will", "Ana Ortiz"),  # a second prediction on the same gold: a false alarm
                 quote(TEXT, "Never", "Ana Ortiz", via="continuation")]
    report = score_polnear([doc], [predicted])
    quoted, every = report.scores
    assert (quoted.tp, quoted.fp, quoted.fn) == (2, 1, 0)  # both gold contents with marks found, one extra
    assert (every.tp, every.fp, every.fn) == (2, 1, 1)
    speaker = report.accuracies[0]
    assert (speaker.right, speaker.n) == (1, 2)
    by_via = {a.name: (a.right, a.n) for a in report.accuracies}
    assert by_via["speaker via explicit"] == (1, 1) and by_via["speaker via continuation"] == (0, 1)
    counts = {int(k): v["n"] for k, v in report.extra["error_classes"].items()}
    assert counts[5] == 1  # the council's indirect report was missed
    assert counts[8] == 1  # the extra prediction


@pytest.mark.parametrize("pred_speaker, expected", [(None, 2), ("one man", 2)])
def test_wrong_or_null_speaker_in_the_same_sentence_is_class_2(pred_speaker, expected):
    g = gold(TEXT, "We will fight", "Ana Ortiz")
    assert error_class(TEXT, g, quote(TEXT, "We will fight", pred_speaker)) == expected


def test_missed_classes():
    text = 'Ortiz called the plan “a disgrace to the city.” She argued that taxes rise.'
    quoted = GoldAttribution([span_of(text, "the plan “a disgrace to the city.”")], [span_of(text, "called")],
                             [span_of(text, "Ortiz")])
    indirect = GoldAttribution([span_of(text, "taxes rise")], [span_of(text, "argued")], [span_of(text, "She")])
    assert error_class(text, quoted, None) == 4
    assert error_class(text, indirect, None) == 5
    assert error_class(text, None, quote(text, "taxes rise")) == 8
