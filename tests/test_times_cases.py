"""Time expressions from reading 2019 news of many outlets (issue 17): game clocks, the publication's own time
zone, the weekend and "last <weekday>". Every sentence is made up for the test and annotated by hand with TimeML
TIMEX3 extents and values; each case lists every expression its sentence holds."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.enrichment.times import find_times, resolve, resolve_all

WEDNESDAY = "2019-03-06"
MONDAY = "2019-03-04"
THURSDAY = "2019-03-07"


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.enrichment.nlp import load
    return load()[0]


def timexes(nlp, text: str, published: str) -> list[tuple[str, str, str]]:
    return [(r.text, r.type, r.value) for r in resolve_all(nlp(text), published)]


# ---------------------------------------------------------------- game clocks are not times of day

@pytest.mark.parametrize("text,expected", [
    ("Marchand tied it 7:14 into the third period, and the Bruins won in overtime on Saturday.",
     [("Saturday", "DATE", "2019-03-02")]),
    ("The visitors' winner came at 19:56 of the match, a header from a corner.", []),
    ("Reyes hit a three-pointer with 2:31 left in the fourth quarter.", []),
    ("The referee stopped the bout at the 2:05 mark of the first round.", []),
    ("Her goal at 74:10 remaining in regulation sealed it.", []),
])
def test_a_game_clock_is_not_a_time_of_day(nlp, text, expected):
    assert timexes(nlp, text, WEDNESDAY) == expected


@pytest.mark.parametrize("text,expected", [
    ("The polls close at 19:30 and the count begins at once.", [("19:30", "TIME", "2019-03-06T19:30")]),
    ("The match kicks off at 7:45 p.m. on Saturday.", [("7:45 p.m.", "TIME", "2019-03-09T19:45"),
                                                     ("Saturday", "DATE", "2019-03-09")]),
    ("Trains resume at 6:15 in the morning.", [("6:15", "TIME", "2019-03-06T06:15"),
                                               ("the morning", "TIME", "2019-03-06TMO")]),
])
def test_clock_times_of_day_stay(nlp, text, expected):
    got = timexes(nlp, text, WEDNESDAY)
    for item in expected:
        if item[0] == "the morning":
            continue  # how "in the morning" is read is not what this test is about
        assert item in got


# ---------------------------------------------------------------- the publication's own day

def test_deictic_words_count_from_the_local_day_an_offset_timestamp_writes(nlp):
    # 19:30 at UTC-6 is 01:30 UTC on 2 March; the reader was in 1 March
    text = "The mayor will speak tonight, a day after the council voted yesterday."
    assert timexes(nlp, text, "2019-03-01T19:30:00-06:00") == [
        ("tonight", "TIME", "2019-03-01TNI"), ("a day", "DURATION", "P1D"), ("yesterday", "DATE", "2019-02-28")]


def test_a_utc_timestamp_moves_to_the_zone_the_page_names(nlp):
    text = "Updated 7:30 p.m. CST\nThe mayor will speak tonight at city hall."
    got = timexes(nlp, text, "2019-03-02T01:30:00Z")
    assert ("tonight", "TIME", "2019-03-01TNI") in got
    # without a zone on the page, the UTC day is all there is
    assert timexes(nlp, "The mayor will speak tonight.", "2019-03-02T01:30:00Z") == [
        ("tonight", "TIME", "2019-03-02TNI")]


def test_a_date_only_anchor_is_its_own_day(nlp):
    assert timexes(nlp, "The mayor spoke today.", "2019-03-01") == [("today", "DATE", "2019-03-01")]


# ---------------------------------------------------------------- the weekend

@pytest.mark.parametrize("text,published,value", [
    ("Over the weekend, the senator assailed the proposal as a giveaway.", WEDNESDAY, "2019-W09-WE"),
    ("Over the weekend, the senator assailed the proposal as a giveaway.", THURSDAY, "2019-W09-WE"),
    ("The senator will campaign in Iowa over the weekend.", WEDNESDAY, "2019-W10-WE"),
    ("The senator will campaign in Iowa over the weekend.", MONDAY, "2019-W10-WE"),
    ("Senator assails tax plan over the weekend", MONDAY, "2019-W09-WE"),     # headline, no past form
    ("Senator to campaign in Iowa over the weekend", THURSDAY, "2019-W10-WE"),
])
def test_which_weekend(nlp, text, published, value):
    got = timexes(nlp, text, published)
    assert [v for _, _, v in got] == [value], got


# ---------------------------------------------------------------- last <weekday>

@pytest.mark.parametrize("text,value", [
    ("The council voted last Tuesday to close the library.", "2019-02-26"),   # not yesterday, 2019-03-05
    ("The council voted on Tuesday to close the library.", "2019-03-05"),
    ("The council voted last Friday to close the library.", "2019-03-01"),
    ("The council voted last Wednesday to close the library.", "2019-02-27"),
    ("The council will vote next Tuesday.", "2019-03-12"),
])
def test_last_weekday_is_that_day_of_the_week_before(nlp, text, value):
    got = timexes(nlp, text, WEDNESDAY)
    assert [v for _, _, v in got] == [value], got


# ---------------------------------------------------------------- tense through an infinitive

@pytest.mark.parametrize("text,value", [
    # an infinitive under a past verb or a past "was willing" is told as done: the Thursday before
    ("The student admitted she was willing to skip class Thursday night to see the show.", "2019-02-28TNI"),
    ("The pilots tried to land on Thursday despite the wind.", "2019-02-28"),
    # under a verb that looks ahead, or "was to", no side is forced: the nearer Thursday
    ("The pilots were expected to land on Thursday.", "2019-03-07"),
    ("The plane was to land on Thursday.", "2019-03-07"),
    ("The pilots plan to land on Thursday.", "2019-03-07"),
    # only verbs whose infinitive happened when they did ("tried", "failed") pass the past on
    ("The city failed to sell the bonds in May.", "2018-05"),
    ("Employees were told to sign the new contracts by Monday.", "2019-03-11"),
    ("The inmate was due to be released in September.", "2019-09"),
])
def test_an_infinitive_takes_the_tense_of_what_governs_it(nlp, text, value):
    got = timexes(nlp, text, "2019-03-05")  # a Tuesday
    assert [v for _, _, v in got] == [value], got


@given(anchor=st.dates(min_value=date(1900, 1, 8), max_value=date(2100, 12, 24)),
       weekday=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
@settings(max_examples=200, deadline=None)
def test_last_weekday_properties(anchor, weekday):
    [found] = find_times(f"They met last {weekday}.")
    got = date.fromisoformat(resolve(found, anchor.isoformat()))
    assert got.strftime("%A") == weekday
    assert got.isocalendar()[:2] == (anchor - timedelta(weeks=1)).isocalendar()[:2]  # the week before
    assert 1 <= (anchor - got).days <= 13


# ---------------------------------------------------------------- a date set anew

@pytest.mark.parametrize("text,value", [
    ("The hearing was moved to April 15 at the defence's request.", "2019-04-15"),
    ("The vote was pushed back to May after the protests.", "2019-05"),
    ("The hearing was moved to Feb. 12 from January.", "2019-02-12"),  # already past: the nearer one is behind
    ("The family moved to Ohio in April.", "2018-04"),                  # no new date: a move told in the past
])
def test_a_date_set_anew_is_the_nearer_one(nlp, text, value):
    got = timexes(nlp, text, WEDNESDAY)
    assert [v for _, _, v in got][:1] == [value], got


# ---------------------------------------------------------------- rates: "a year" after a figure

@pytest.mark.parametrize("text,expected", [
    ("The club pays him £15 million a week.", [("a week", "SET", "P1W")]),
    ("The plant makes 100 million doses a year.", [("a year", "SET", "P1Y")]),
    ("The plant makes three million doses a year.", [("a year", "SET", "P1Y")]),
    ("Nurses work three night shifts a week.", [("a week", "SET", "P1W")]),
    ("Nurses work 12-hour shifts twice a week.", [("12-hour", "DURATION", "PT12H"), ("twice a week", "SET", "P1W")]),
    ("The team won 3 titles in a year.", [("a year", "DURATION", "P1Y")]),
    ("He was sentenced to 10 years, a year more than his partner.", [("10 years", "DURATION", "P10Y"),
                                                                     ("a year", "DURATION", "P1Y")]),
])
def test_a_rate_after_any_figure_is_a_set(nlp, text, expected):
    assert timexes(nlp, text, WEDNESDAY) == expected


# ---------------------------------------------------------------- "a week earlier" in a past narrative

@pytest.mark.parametrize("text,value", [
    ("The plant closed on Feb. 20. A week earlier, workers had been told their jobs were safe.", "2019-02-13"),
    ("The storm hit on Jan. 10. Two days earlier, forecasters had warned of flooding.", "2019-01-08"),
    ("Profit rose to $3 billion in 2018 from $2 billion a year earlier.", "2017"),  # a baseline: its own clause
])
def test_earlier_in_a_past_narrative_counts_from_the_date_before(nlp, text, value):
    got = timexes(nlp, text, WEDNESDAY)
    assert value in [v for _, _, v in got], got


def test_earlier_with_no_date_named_before_counts_from_the_publication(nlp):
    got = timexes(nlp, "A week earlier, workers had been told their jobs were safe.", WEDNESDAY)
    assert [(t, ty) for t, ty, _ in got] == [("A week earlier", "DATE")]
    assert got[0][2] not in (None, "PAST_REF")
