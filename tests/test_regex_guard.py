"""The first-character guard never changes what a pattern matches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.enrichment.regex_guard import first_char_guard
from newsgraph.enrichment.times_find import RULES


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
