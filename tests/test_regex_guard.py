"""The first-character guard never changes what a pattern matches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.enrichment.regex_guard import first_char_guard
from newsgraph.enrichment.times.find import RULES


def test_guard_lists_first_characters_with_their_case_rule():
    guard = first_char_guard(r"(?:(?i:about|over) )?\d+ (?:days|weeks)")
    assert guard.startswith("(?=")
    assert re.match(guard, "About") and re.match(guard, "over") and re.match(guard, "7")
    assert not re.match(guard, "x") and not re.match(guard, " ")
    assert not re.match(first_char_guard("Monday"), "monday")  # case-sensitive where the pattern is


def test_no_guard_where_first_characters_cannot_be_bounded():
    assert first_char_guard(r"(?:a)?") == ""        # can match the empty string
    assert first_char_guard(r"[^a]bc") == ""        # negated class
    assert first_char_guard(r".x") == ""            # any character
    assert first_char_guard(r"(a)\1") != ""        # bounded by its first item already


_WORDS = ["about", "more than", "two", "twenty-one", "10", "3", "years", "days", "ago", "March", "May", "may",
          "Friday", "last", "next", "week", "2013", "'90s", "the", "early", "mid-", "Q3", "now", "every", "a.m.",
          "15:30", "GMT", "Christmas", "first-half", "profit", "per", "day", "since", "December", "of", "5th"]
_texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet="aAbZ019 -,.'’\n", max_size=4)),
                  max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_time_rules_match_the_same_with_and_without_the_guard(text):
    for _, pattern in RULES:
        plain = re.compile(rf"(?<![\w]){pattern}")
        guarded = re.compile(rf"(?<![\w]){first_char_guard(pattern)}{pattern}")
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in guarded.finditer(text)]


# ---- keyword skip: a kind's rules run only when one of its words is in the text ----------------------------------

_KEYWORD_WORDS = ["Christmas", "New Year’s Eve", "Valentine's Day", "every", "each", "Mondays", "on Mondays", "once",
                  "twice", "3 times a", "per", "daily", "annually", "Semi-Annual", "H1", "H2 2012", "first-half",
                  "profit", "second half of", "Q3", "third quarter", "the weekend", "the end of", "the week",
                  "the 21st century", "spring", "FALL", "ago", "from now", "later", "years", "-long", "this morning",
                  "TONIGHT", "Sunday", "WEDNESDAY", "for", "the past", "two", "days", "decades", "in", "2013",
                  "Jan.", "5", "May", "3 p.m.", "noon", "the 1990s", "eighties", "now", "currently", "at the moment",
                  "in the future", "the following", "day", "the year before", "month-end", "٣", "mıdnight"]
_keyword_texts = st.lists(st.sampled_from(_KEYWORD_WORDS + _WORDS), max_size=12).map(" ".join)


def _every_match_has_a_keyword(text: str) -> None:
    from newsgraph.enrichment.times.find import DIGIT, KEYWORDS
    for kind, pattern in RULES:
        if kind not in KEYWORDS:
            continue
        for m in re.finditer(rf"(?<![\w]){pattern}", text):
            folded = m.group(0).casefold().replace("ı", "i").replace("i\u0307", "i")
            assert any(w in folded for w in KEYWORDS[kind] if w != DIGIT) or (
                DIGIT in KEYWORDS[kind] and re.search(r"\d", m.group(0))), (kind, m.group(0))


@settings(max_examples=300, deadline=None)
@given(_keyword_texts)
def test_every_match_of_a_kind_contains_one_of_its_keywords(text):
    _every_match_has_a_keyword(text)


def test_keywords_hold_on_real_articles():
    from pathlib import Path
    examples = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "examples"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in examples.iterdir() if p.is_file()]
    meantime = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-dev"
    if meantime.is_dir():
        from newsgraph.evaluate.gold import read_meantime
        texts += [d.text for d in read_meantime(meantime)]
    for text in texts:
        _every_match_has_a_keyword(text)
