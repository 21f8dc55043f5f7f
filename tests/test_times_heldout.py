"""A held-out proxy for the times stage beyond MEANTIME: news sentences written for issue 17 and annotated by hand
with TimeML TIMEX3 (``tests/data/times_cases.tml``: every rule's kind of expression, the issue's cases, and
sentences with no time expression at all), scored as MEANTIME-dev is. The bar is the issue's held-out one."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.gold_timeml import parse_inline, read_inline_timeml
from newsgraph.evaluate.times import score_timeml
from newsgraph.model import TimeRef

CASES = Path(__file__).parent / "data" / "times_cases.tml"


def test_inline_timeml_gives_plain_text_and_extents():
    doc = parse_inline('Voted <TIMEX3 type="DATE" value="2019-03-05">Tuesday</TIMEX3> &amp; left '
                       '<TIMEX3 type="DURATION" value="P2D">two days</TIMEX3> later.', "d", "2019-03-06")
    assert doc.text == "Voted Tuesday & left two days later."
    assert [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes] == [
        ("Tuesday", "DATE", "2019-03-05"), ("two days", "DURATION", "P2D")]
    assert doc.dct == "2019-03-06"


def test_inline_timeml_refuses_markup_it_does_not_know():
    with pytest.raises(ValueError):
        parse_inline('Voted <EVENT eid="e1">Tuesday</EVENT>.', "d")


def test_the_case_file_reads_whole():
    docs = read_inline_timeml(CASES)
    assert len(docs) >= 50
    assert sum(len(d.timexes) for d in docs) >= 60
    assert sum(1 for d in docs if not d.timexes) >= 8  # sentences where reading any time is an error
    for doc in docs:
        assert doc.dct and "<" not in doc.text
        for t in doc.timexes:
            assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
            assert doc.text[t.start:t.end].strip() == doc.text[t.start:t.end]


def test_the_scorer_charges_spurious_and_wrong_values(monkeypatch):
    gold = [parse_inline('Met <TIMEX3 type="DATE" value="2019-03-05">Tuesday</TIMEX3>.', "a", "2019-03-06"),
            parse_inline("Route 66 is long.", "b", "2019-03-06")]
    predicted = [[TimeRef("Tuesday", (4, 11), "DATE", "2019-03-12")], [TimeRef("66", (6, 8), "DATE", "0066")]]
    monkeypatch.setattr("newsgraph.evaluate.times._annotate", lambda gold_docs, parsed: (predicted, 0.0))
    report = score_timeml(gold, [None, None], "cases")
    span, strict, value = report.scores[:3]
    assert (span.tp, span.fp, span.fn) == (1, 1, 0)
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 0)
    assert (value.tp, value.fp, value.fn) == (0, 2, 1)
    assert any("spurious" in line and "'66'" in line for line in report.extra["errors"])


@pytest.fixture(scope="module")
def scored():
    from newsgraph.enrichment.nlp import load
    docs = read_inline_timeml(CASES)
    nlp = load()[0]
    return score_timeml(docs, [nlp(d.text) for d in docs], "issue-17 cases")


def test_held_out_cases_reach_the_issue_bar(scored):
    span, _, value = scored.scores[:3]
    errors = "\n".join(scored.extra["errors"])
    assert span.f1 >= 0.90, errors
    assert value.f1 >= 0.85, errors
