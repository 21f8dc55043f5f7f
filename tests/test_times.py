"""The times stage: finding, tense-aware resolution, TIMEX3 values, and a MEANTIME smoke score."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.enrichment.times import TimeAnnotator, find_times, resolve, resolve_all, time_type
from newsgraph.enrichment.times.lexicon import number_value
from newsgraph.model import Article

SEED_DAY = "2013-05-04"  # a Saturday: the seed article's date
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.enrichment.nlp import load
    return load()[0]


def times(nlp, text: str, published=SEED_DAY) -> dict[str, tuple[str, str]]:
    """text of each expression -> (type, value)."""
    return {r.text: (r.type, r.value) for r in resolve_all(nlp(text), published)}


def value_of(text: str, anchor=SEED_DAY, tense=None) -> str:
    found = find_times(text)
    assert found, f"nothing found in {text!r}"
    return resolve(found[0], anchor, tense)


# ---------------------------------------------------------------- explicit dates and clock times (no parse)

@pytest.mark.parametrize("text,value", [
    ("on May 4, 2013", "2013-05-04"), ("on 4 May 2013", "2013-05-04"), ("on 2013-05-04", "2013-05-04"),
    ("Friday, May 3, 2013", "2013-05-03"), ("the 21st of March, 2011", "2011-03-21"), ("7/8/07", "2007-07-08"),
    ("in May 2008", "2008-05"), ("in 2012", "2012"), ("early 2009", "2009"), ("mid-2011", "2011"),
    ("the 1990s", "199"), ("the 21st century", "20"), ("fiscal 2007", "FY2007"),
    ("the first quarter of 2012", "2012-Q1"),
    ("at 12:15", "2013-05-04T12:15"), ("at 3 p.m.", "2013-05-04T15:00"), ("at 18:00 UTC", "2013-05-04T18:00Z"),
    ("at midnight", "2013-05-04T00:00"), ("in the summer of 2010", "2010-SU"), ("Christmas Day 2012", "2012-12-25"),
])
def test_explicit_values(text, value):
    assert value_of(text) == value


def test_spans_leave_out_the_preposition_and_index_the_text():
    text = "Lavrov said on Friday that talks began in late April."
    found = find_times(text)
    assert [c.text for c in found] == ["Friday", "late April"]
    assert all(text[c.start:c.end] == c.text for c in found)


# ---------------------------------------------------------------- relative expressions against the seed date

@pytest.mark.parametrize("text,value", [
    ("yesterday", "2013-05-03"), ("today", "2013-05-04"), ("tomorrow", "2013-05-05"),
    ("last week", "2013-W17"), ("earlier this week", "2013-W18"), ("next week", "2013-W19"),
    ("this weekend", "2013-W18-WE"), ("last month", "2013-04"), ("next month", "2013-06"),
    ("this year", "2013"), ("last year", "2012"), ("the last quarter", "2013-Q1"), ("two years ago", "2011"),
    ("three months ago", "2013-02"), ("a week ago", "2013-W17"), ("five days ago", "2013-04-29"),
    ("last night", "2013-05-03TNI"), ("this morning", "2013-05-04TMO"), ("last summer", "2012-SU"),
    ("the end of the year", "2013"), ("next Friday", "2013-05-10"), ("last Saturday", "2013-04-27"),
])
def test_relative_values(text, value):
    assert value_of(text) == value


def test_iso_weeks_cross_the_year_end():
    assert value_of("this week", "2010-01-01") == "2009-W53"
    assert value_of("next week", "2010-01-01") == "2010-W01"
    assert value_of("last month", "2010-01-01T09:00:00+01:00") == "2009-12"


@pytest.mark.parametrize("text,value", [
    ("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("recently", "PAST_REF"), ("in the future", "FUTURE_REF"),
])
def test_reference_words(text, value):
    assert value_of(text) == value


def test_without_an_anchor_relative_values_stay_relative():
    assert value_of("yesterday", None) == "PAST_REF"
    assert value_of("tomorrow", None) == "FUTURE_REF"
    assert value_of("on Friday", None) == "XXXX-WXX-5"
    assert value_of("in June", None) == "XXXX-06"
    assert value_of("on March 19", None) == "XXXX-03-19"
    assert value_of("two years ago", None) == "PAST_REF"
    assert value_of("three months", None) == "P3M"  # durations need no anchor
    assert value_of("May 4, 2013", None) == "2013-05-04"


# ---------------------------------------------------------------- tense decides the occurrence

@pytest.mark.parametrize("text,tense,value", [
    ("in June", "past", "2012-06"), ("in June", "future", "2013-06"), ("in June", None, "2013-06"),
    ("in April", "future", "2014-04"), ("in April", "past", "2013-04"),
    ("on Friday", "past", "2013-05-03"), ("on Friday", "future", "2013-05-10"), ("on Friday", None, "2013-05-03"),
    ("on Monday", None, "2013-05-06"), ("on March 19", "past", "2013-03-19"), ("on March 19", "future", "2014-03-19"),
    ("since December", None, "2012-12"), ("since December", "future", "2012-12"),
])
def test_tense_picks_the_occurrence(text, tense, value):
    assert value_of(text, tense=tense) == value


def test_seed_sentences_with_the_parse(nlp):
    found = times(nlp, "Sergey Lavrov said on Friday. Moscow adheres to the communique adopted in June. "
                       "Syria allegedly used chemical weapons since December. The rebels were behind the attack "
                       "on March 19. Meanwhile in late April, John Kerry announced aid. "
                       "Earlier this week, during his visit to Hungary, Lavrov spoke.")
    assert found["Friday"] == ("DATE", "2013-05-03")
    assert found["June"] == ("DATE", "2012-06")
    assert found["December"] == ("DATE", "2012-12")
    assert found["March 19"] == ("DATE", "2013-03-19")
    assert found["late April"] == ("DATE", "2013-04")
    assert found["Earlier this week"] == ("DATE", "2013-W18")


def test_future_tense_from_the_parse(nlp):
    found = times(nlp, "Lavrov will meet Kerry on Friday. The talks will resume in April. "
                       "The summit is going to open on March 19.")
    assert found["Friday"][1] == "2013-05-10"
    assert found["April"][1] == "2014-04"
    assert found["March 19"][1] == "2014-03-19"


def test_past_tense_from_the_parse(nlp):
    found = times(nlp, "Lavrov met Kerry on Friday. The talks had resumed in September. "
                       "The plan has been in place since October.")
    assert found["Friday"][1] == "2013-05-03"
    assert found["September"][1] == "2012-09"
    assert found["October"][1] == "2012-10"


def test_clock_time_takes_the_day_beside_it(nlp):
    found = times(nlp, "The plane took off on Friday at 3 p.m. and landed Thursday in Paris at 18:00 UTC.")
    assert found["3 p.m."] == ("TIME", "2013-05-03T15:00")
    assert found["18:00 UTC"] == ("TIME", "2013-05-02T18:00Z")


# ---------------------------------------------------------------- durations and sets

@pytest.mark.parametrize("text,value", [
    ("for three months", "P3M"), ("for two years", "P2Y"), ("within 48 hours", "PT48H"), ("a week", "P1W"),
    ("a dozen years", "P12Y"), ("two and a half years", "P2.5Y"), ("thirty minutes", "PT30M"),
    ("twenty-five days", "P25D"), ("a 12-hour shift", "PT12H"), ("the past decade", "P10Y"),
    ("the next six months", "P6M"), ("several years", "PXY"), ("for decades", "PXY"), ("18 months", "P18M"),
])
def test_durations(text, value):
    found = find_times(text)
    assert len(found) == 1 and time_type(found[0]) == "DURATION"
    assert resolve(found[0], SEED_DAY) == value


@pytest.mark.parametrize("text,value", [
    ("every year", "P1Y"), ("each month", "P1M"), ("weekly", "P1W"), ("annually", "P1Y"), ("daily", "P1D"),
    ("twice a year", "P1Y"), ("$500 a year", "P1Y"), ("every other week", "P2W"), ("every Monday", "XXXX-WXX-1"),
    ("per day", "P1D"),
])
def test_sets(text, value):
    found = find_times(text)
    assert len(found) == 1 and time_type(found[0]) == "SET"
    assert resolve(found[0], SEED_DAY) == value


@pytest.mark.parametrize("words,value", [
    ("two", 2), ("a dozen", 12), ("twenty-one", 21), ("48", 48), ("one and a half", 1.5), ("several", "X"),
    ("an", 1), ("1,000", 1000), ("seven", 7),
])
def test_number_words(words, value):
    assert number_value(words) == value


# ---------------------------------------------------------------- no false dates

@pytest.mark.parametrize("text", [
    "You may go home.", "Theresa May said it was over.", "Protesters march through Paris.",
    "We will see.", "NOW is a campaign group.", "Now, the company has to decide.", "Now that talks have begun, "
    "nobody leaves.", "Apple sold 2000 phones.", "He won a second term.", "A quarter of the shares were sold.",
    "The Jan Smith trust paid.", "Prices fall sharply.", "He signed 1500 contracts.",
])
def test_no_false_dates(nlp, text):
    assert times(nlp, text) == {}


def test_month_as_verb_is_not_a_date_but_the_month_is(nlp):
    found = times(nlp, "They may march in March.", published=SEED_DAY)
    assert list(found) == ["March"]


# ---------------------------------------------------------------- properties of the calendar choice

@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)), st.integers(1, 7))
def test_weekday_resolution_properties(anchor, weekday):
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    cand = find_times(f"on {names[weekday - 1]}")[0]
    past = date.fromisoformat(resolve(cand, anchor, "past"))
    future = date.fromisoformat(resolve(cand, anchor, "future"))
    nearest = date.fromisoformat(resolve(cand, anchor, None))
    for day in (past, future, nearest):
        assert day.isoweekday() == weekday
    assert anchor - timedelta(days=6) <= past <= anchor <= future <= anchor + timedelta(days=6)
    assert abs((nearest - anchor).days) <= 3


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)), st.integers(1, 12))
def test_month_resolution_properties(anchor, month):
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    cand = find_times(f"in {names[month - 1]}")[0]
    past, future = resolve(cand, anchor, "past"), resolve(cand, anchor, "future")
    assert past.endswith(f"-{month:02d}") and future.endswith(f"-{month:02d}")
    assert past <= f"{anchor.year:04d}-{anchor.month:02d}" <= future
    assert int(future[:4]) - int(past[:4]) in (0, 1)


# ---------------------------------------------------------------- the annotator and the pipeline

def test_annotator_fills_article_times(nlp):
    text = "Sergey Lavrov said on Friday that talks would take three months."
    article = Article(id="a", text=text, content_hash="h", published="2013-05-04T12:15:00")
    TimeAnnotator().annotate(article, nlp(text))
    assert [(t.text, t.type, t.value) for t in article.times] == [
        ("Friday", "DATE", "2013-05-03"), ("three months", "DURATION", "P3M")]
    assert all(text[t.span[0]:t.span[1]] == t.text for t in article.times)


def test_pipeline_runs_the_times_stage():
    from newsgraph.pipeline import Options, analyze_text
    article = analyze_text("The deal was signed yesterday.", published=SEED_DAY,
                           options=Options(stages=("times",)))
    assert [(t.text, t.value) for t in article.times] == [("yesterday", "2013-05-03")]


# ---------------------------------------------------------------- evaluation smoke test

def test_meantime_smoke_score():
    data = SHARED / "data"
    if not (data / "meantime-dev").is_dir():
        pytest.skip("shared MEANTIME data not present")
    from newsgraph.evaluate.times import evaluate
    report = evaluate(data, datasets=("meantime",), limit=10)[0]
    scores = {s.name: s for s in report.scores}
    assert report.documents == 10 and scores["span (overlap)"].n_gold > 10
    assert scores["span (overlap)"].f1 >= 0.8
    assert scores["value"].f1 >= 0.65


@pytest.mark.parametrize("text", [
    "Whitmore told LA Weekly that he left.", "The book was drawn by Johnnie Christmas.",
    "It produces these events every now and again.", "A survey of 1709 schoolchildren was run.",
])
def test_names_and_idioms_are_not_times(nlp, text):
    assert times(nlp, text) == {}


@pytest.mark.parametrize("text,tense,value", [
    ("the next day", None, "2013-05-05"), ("the previous day", None, "2013-05-03"),
    ("this past week", None, "2013-W17"), ("over the weekend", "past", "2013-W18-WE"),
])
def test_more_relative_days(text, tense, value):
    assert value_of(text, tense=tense) == value


def test_weekend_in_the_past_on_a_weekday():
    assert value_of("over the weekend", "2013-05-07", "past") == "2013-W18-WE"  # a Tuesday: the one just gone
    assert value_of("over the weekend", "2013-05-07", "future") == "2013-W19-WE"


def test_prospective_verbs_look_ahead(nlp):
    assert times(nlp, "The vote is expected on Thursday.")["Thursday"][1] == "2013-05-09"
    assert times(nlp, "Kerry is scheduled to visit Moscow on Tuesday.")["Tuesday"][1] == "2013-05-07"
    # set in the past for a day that may still be ahead: the nearest June 30, not last year's
    assert times(nlp, "The meeting was set for June 30.")["June 30"][1] == "2013-06-30"
    assert times(nlp, "Shares fell 3 percent on Thursday.")["Thursday"][1] == "2013-05-02"


def test_seed_article_times(nlp):
    seed = SHARED / "seed" / "000_ccea4d01f72bd314.txt"
    if not seed.is_file():
        pytest.skip("shared seed article not present")
    text = seed.read_text(encoding="utf-8")
    found = {(r.text, r.value) for r in resolve_all(nlp(text), "2013-05-04T12:15:00")}
    for expected in [("Friday", "2013-05-03"), ("Thursday", "2013-05-02"), ("June", "2012-06"),
                     ("December", "2012-12"), ("March 19", "2013-03-19"), ("late April", "2013-04"),
                     ("Earlier this week", "2013-W18"), ("now", "PRESENT_REF")]:
        assert expected in found
    assert not any(value is None for _, value in found)


def test_gum_smoke_agreement():
    data = SHARED / "data"
    if not (data / "gum").is_dir():
        pytest.skip("shared GUM data not present")
    from newsgraph.evaluate.times import evaluate
    report = evaluate(data, datasets=("gum",), limit=6)[0]
    overlapped, agrees = report.accuracies
    assert overlapped.n > 10 and overlapped.value >= 0.7 and agrees.value >= 0.6


def test_year_ranges_and_seasons():
    assert [c.text for c in find_times("in 2012-2013 and the 2012-13 season")] == ["2012", "2013"]


# ---------------------------------------------------------------- round 2: direction, quarters, ranges, datelines

ANCHOR_2024 = "2024-03-12"  # a Tuesday in March: April lies a month ahead or eleven months back


@pytest.mark.parametrize("text,value", [
    ("Lorries remain banned until April.", "2024-04"),  # present, "until" looks forward
    ("Trucks are banned until April.", "2024-04"),
    ("The ban ends in April.", "2024-04"),  # present: the nearest April
    ("Sales fell in April.", "2023-04"),  # past: the last April gone
    ("The ban lasted until April.", "2023-04"),  # past tense wins over "until"
    ("Prices have risen since April.", "2023-04"),
    ("The company will report results by April.", "2024-04"),
])
def test_prepositions_and_tense_choose_the_month(nlp, text, value):
    assert times(nlp, text, ANCHOR_2024)["April"] == ("DATE", value)


def test_forward_cues_without_a_parse():
    assert value_of("until April", ANCHOR_2024) == "2024-04"
    assert value_of("before April", ANCHOR_2024, tense="present") == "2024-04"
    assert value_of("until April", ANCHOR_2024, tense="past") == "2023-04"
    assert value_of("in April", ANCHOR_2024) == "2024-04"


@pytest.mark.parametrize("text,found", [
    ("GM's third-quarter loss widened.", ("third-quarter", "2008-Q3")),
    ("Sales in the fourth quarter of last year fell.", ("the fourth quarter of last year", "2007-Q4")),
    ("GM expects a loss in the fourth quarter.", ("the fourth quarter", "2008-Q4")),
    ("BP's first-half profit rose 5 percent.", ("first-half", "2008-H1")),
    ("Revenue in H1 2007 rose.", ("H1 2007", "2007-H1")),
    ("Net income fell to $1 billion from $2 billion a year earlier.", ("a year earlier", "2007")),
])
def test_business_periods(nlp, text, found):
    refs = {(r.text, r.value) for r in resolve_all(nlp(text), "2008-10-15")}
    assert found in refs


def test_quarter_without_tense_is_the_nearest():
    assert value_of("Q4", "2009-01-20") == "2008-Q4"
    assert value_of("Q1", "2008-11-20") == "2009-Q1"
    assert value_of("Q2", "2008-05-20") == "2008-Q2"


@pytest.mark.parametrize("text", ["He scored a first-half goal.", "Cars that run on H2 are rare.",
                                  "The index rose in the past three sessions."])
def test_period_look_alikes(nlp, text):
    assert times(nlp, text, "2008-10-15") == {}


def test_later_in_a_past_narrative_is_not_counted_from_the_anchor(nlp):
    found = times(nlp, "The plant closed in 1990. Three days later, it reopened.", "2008-10-15")
    assert found["Three days later"] == ("DATE", "PAST_REF")
    assert times(nlp, "The plant will reopen three days later.", "2008-10-15")["three days later"] == \
        ("DATE", "2008-10-18")


@pytest.mark.parametrize("text,value", [
    ("for 12 straight months", "P12M"), ("three trading days", "P3D"), ("the past two years", "P2Y"),
    ("the next few days", "PXD"), ("a day", "P1D"), ("six consecutive weeks", "P6W"),
])
def test_more_durations(text, value):
    found = find_times(text)
    assert len(found) == 1 and time_type(found[0]) == "DURATION"
    assert resolve(found[0], SEED_DAY) == value


def test_range_ends_are_chosen_together(nlp):
    found = times(nlp, "The exhibit is to run from January 23 through March 9.", "2014-01-28")
    assert found["January 23"][1] == "2014-01-23" and found["March 9"][1] == "2014-03-09"
    found = times(nlp, "Sales were up from September to November.", "2008-10-15")
    assert found["September"][1] == "2007-09" and found["November"][1] == "2007-11"


@pytest.mark.parametrize("text,span,value", [
    ("Deliveries run from 2009 to 2011.", "from 2009 to 2011", "P2Y"),
    ("It will take delivery between 2014 and 2016.", "between 2014 and 2016", "P2Y"),
    ("Sales were up from September to November.", "from September to November", "P2M"),
    ("The fair runs from May 3 until May 9.", "from May 3 until May 9", "P6D"),
    ("He was mayor from 1999-2003.", "from 1999-2003", "P4Y"),
])
def test_a_range_also_states_its_length(nlp, text, span, value):
    found = times(nlp, text, "2008-10-15")
    assert found[span] == ("DURATION", value)
    assert len([t for t in found.values() if t[0] == "DATE"]) == 2  # the two ends stay dates of their own


@pytest.mark.parametrize("text", ["Sales fell from 2011 to 2009 in that count.",      # not forward
                                  "He moved from Paris in 2009 to Berlin in 2011.",   # not a range of times
                                  "Prices rose between May 3 and June."])             # mixed granularity
def test_no_length_without_a_forward_range_of_one_granularity(nlp, text):
    assert all(kind != "DURATION" for kind, _ in times(nlp, text, "2012-01-01").values())


def test_dateline_anchors_an_article_without_a_date():
    text = "Test flight delayed\n\nSeptember 01, 2007\n\nThe flight was delayed today; take-off was at 08:30 UTC."
    found = {r.text: r.value for r in resolve_all(text, None)}
    assert found["today"] == "2007-09-01" and found["08:30 UTC"] == "2007-09-01T08:30Z"
    inline = "Headline\n\nHe was born on September 01, 2007 in Paris.\n\nIt happened today."
    assert {r.text: r.value for r in resolve_all(inline, None)}["today"] == "PRESENT_REF"
    assert {r.text: r.value for r in resolve_all(text, "2007-09-02")}["today"] == "2007-09-02"


def test_clock_time_with_a_zone_keeps_the_local_reading(nlp):
    found = times(nlp, "The plane landed at 6:40 p.m. (GMT +8) on Wednesday.", "2007-10-17")
    assert found["6:40 p.m. (GMT +8)"] == ("TIME", "2007-10-17T18:40")


@pytest.mark.parametrize("text,word", [("At present the company has 200 staff.", "present"),
                                       ("The company now employs 500 people.", "now"),
                                       ("The plant is currently idle.", "currently")])
def test_present_adverbs(nlp, text, word):
    assert times(nlp, text)[word] == ("DATE", "PRESENT_REF")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)), st.integers(1, 4))
def test_quarter_resolution_properties(anchor, quarter):
    cand = find_times(f"in the {['first', 'second', 'third', 'fourth'][quarter - 1]} quarter")[0]
    own = f"{anchor.year:04d}-Q{(anchor.month - 1) // 3 + 1}"
    past, future, nearest = (resolve(cand, anchor, t) for t in ("past", "future", None))
    assert past <= own <= future and all(v.endswith(f"-Q{quarter}") for v in (past, future, nearest))
    assert nearest in (past, future)


def test_an_anchor_at_the_calendar_edge_leaves_values_unresolved_instead_of_failing():
    from newsgraph.pipeline import Options, analyze_text
    article = analyze_text("The talks ended on Friday.", published="0001-01-01T00:00:00+00:00",
                           options=Options(stages=("times",)))
    assert not article.problems
    assert [t.text for t in article.times] == ["Friday"]


@pytest.mark.parametrize("text", [
    "She warned that heavy lorries would remain banned until the end of April.",
    "She warned, however, that heavy lorries would remain banned until the end of April.",
    "She warned, in a letter, that heavy lorries would remain banned until the end of April.",
])
def test_a_parenthetical_does_not_change_the_tense(nlp, text):
    assert times(nlp, text, "2024-03-12")["the end of April"][1] == "2024-04"


def test_past_form_in_a_condition_on_would_looks_ahead(nlp):
    found = times(nlp, "Ships would be diverted to Eastbrook if the dispute lasted beyond Friday.", "2024-03-12")
    assert found["Friday"][1] == "2024-03-15"
    found = times(nlp, "Ships were diverted to Eastbrook after the dispute lasted beyond Friday.", "2024-03-12")
    assert found["Friday"][1] == "2024-03-08"


# ---------------------------------------------------------------- story time: what "the next day" counts from

@pytest.mark.parametrize("text,expression,value", [
    ("The plane crashed on March 3, 2004. Rescuers reached the site the next day.", "the next day", "2004-03-04"),
    ("In 1996 the firm earned $2 million; the year before, it lost money.", "the year before", "1995"),
    ("He joined in 2001 and left the following year.", "the following year", "2002"),
    ("The strike began on May 3. Three days later, talks resumed.", "Three days later", "2004-05-06"),
    ("The firm was founded in 1990. The same year, it listed its shares.", "The same year", "1990"),
    ("Sales fell in June 2003 and recovered the following month.", "the following month", "2003-07"),
])
def test_story_relative_expressions_count_from_the_date_named_before(nlp, text, expression, value):
    assert times(nlp, text, "2004-05-10")[expression] == ("DATE", value)


def test_story_time_chains_and_needs_a_precise_enough_reference(nlp):
    chained = times(nlp, "The vote was held on Tuesday. Results came the following day, and a recount began "
                         "the day after.", "2004-05-10")
    assert chained["Tuesday"][1] == "2004-05-04"
    assert chained["the following day"][1] == "2004-05-05" and chained["the day after"][1] == "2004-05-06"
    # a year is not precise enough for "the next day": the publication date is the reference then
    assert times(nlp, "He left in 2001. Shares jumped the next day.", "2004-05-10")["the next day"][1] == "2004-05-11"
    # a week value names no calendar day either
    assert times(nlp, "It reports next week; shares rose the previous day.", "2004-05-10")["the previous day"][1] \
        == "2004-05-09"


@pytest.mark.parametrize("text,expression,value", [
    # a clock time's day is settled after story time is read: it is not a reference with the publication day
    ("The plane crashed on March 3, 2004, at about 3 p.m., killing 12. Rescuers reached the site the next day.",
     "the next day", "2004-03-04"),
    # a date the text puts ahead is no reference for a past-tense expression
    ("The company said on Tuesday it would report results on May 20. Shares fell the next day.",
     "the next day", "2004-05-05"),
    # a comparison counts from a date of its own clause, not from one named in passing
    ("Apple, which launched the iPod in 2001, said its sales rose 5% from the previous year.",
     "the previous year", "2003"),
    ("Siemens, founded in 1847, said profit rose 5% from the year before.", "the year before", "2003"),
    ("Sales in 2001 fell 5% from the previous year.", "the previous year", "2000"),
    # seasons and halves name their year (and part of it)
    ("The firm was founded in 1998. The flood came in summer 2003, and the following spring it moved.",
     "the following spring", "2004-SP"),
    ("It was founded in 1998. It was sold in the first half of 2002, and the following year it closed.",
     "the following year", "2003"),
    # a relative clause's date is the story's own time for a narrative expression
    ("The plane, which crashed on March 3, was found the next day.", "the next day", "2004-03-04"),
    # a day is not compared: "on the following day" is story time; "compared with" keeps the clause it hangs on
    ("Police arrested him on March 3, 2004. He was released on the following day.", "the following day",
     "2004-03-04"),
    ("The index fell 2% on Jan. 5, 2004. It had risen 1% on the previous day.", "the previous day", "2004-01-04"),
    ("Sales in 2001 fell compared with the previous year.", "the previous year", "2000"),
    # "Mr. Smith" ends no sentence of the parse
    ("On March 3, 2004, police arrested Mr. Smith and Mr. Jones. They were released the next day.", "the next day",
     "2004-03-04"),
    # too far back (three sentences): the publication date
    ("He left on March 3. Shares held. Bonds held. Rivals waited. Shares jumped the next day.", "the next day",
     "2004-05-08"),
])
def test_story_reference_choice(nlp, text, expression, value):
    published = "2004-05-07"  # a Friday: "on Tuesday" said in the past is 2004-05-04
    assert times(nlp, text, published)[expression][1] == value


def test_a_week_named_last_leaves_no_day_to_count_from(nlp):
    found = times(nlp, "He was hired on May 3, 1998. Last week the firm cut jobs, and the following day its shares "
                       "fell.", "2004-05-10")
    assert found["the following day"][1] != "1998-05-04"


@pytest.mark.parametrize("text", ["Police said the man was arrested the day before the attack.",
                                  "The museum reopened the day after Christmas.",
                                  "Prices rose the year before he took office.",
                                  "He was seen the day before our wedding.",
                                  "He was freed the day after being released.",
                                  "Results came the week after polling closed.",
                                  "He resigned on March 3, the day before parliament voted.",
                                  "He was charged the day after police searched his home."])
def test_the_day_before_something_named_is_not_read(nlp, text):
    assert not any(r.text.lower().startswith("the day") or r.text.lower().startswith("the year")
                   for r in resolve_all(nlp(text), "2004-05-10"))


@pytest.mark.parametrize("text,expression,value", [
    ("He had met her the day before at a hotel.", "the day before", "2010-04-30"),
    ("It rose from 2% the year before to 3%.", "the year before", "2009"),
    ("Exports were up 4% on the year before in local terms.", "the year before", "2009"),
    ("It peaked the year before — the highest ever.", "the year before", "2009"),
])
def test_the_day_before_followed_by_other_words(nlp, text, expression, value):
    assert times(nlp, text, "2010-05-01")[expression][1] == value


@pytest.mark.parametrize("text,span,value", [
    ("The backlog will be cleared by year end.", "year end", "2023"),
    ("Its year-end results beat forecasts.", "year-end", "2023"),
    ("Month-end balances fell.", "Month-end", "2023-02"),
    ("At year-end 2021 the bank held $5bn.", "year-end 2021", "2021"),
    ("The company reported its year-end 2003 results.", "year-end 2003", "2003"),
    ("Debt at year-end 2003 was $5 billion.", "year-end 2003", "2003"),
])
def test_period_ends(text, span, value):
    found = {r.text: r.value for r in resolve_all(text, "2023-02-23")}
    assert found[span] == value


def test_gum_agreement_reads_gum_precision():
    from newsgraph.evaluate.times import gum_agrees
    assert gum_agrees("2015-09-17", "2015-09-17TNI") and gum_agrees("2010-09-04T22:30:00", "2010-09-04T22:30")
    assert not gum_agrees("2015-09-17", "2015-09-18TNI") and not gum_agrees("2015-09", "2015-09-17")
    assert not gum_agrees("2015-09-17", "2015-09-17T14:00") and not gum_agrees(None, "2015")


# ---------------------------------------------------------------- scanning by sentence finds what a whole-text scan finds

_FRAGMENTS = ["On Jan. 5, 2010 the plant closed.", "It opened at 3 p.m. EST on Friday.", "Talks resume next week",
              "and the vote is due in May.", "Three days later, shares fell 5%.", "He said:\n", "“In the 1990s",
              "it grew every year.”", "The next day, the firm, founded in 1998, left.", "Now, at year-end 2021,",
              "sales rose for six straight months.", "(The results came Tuesday night.)", "Q3 2011 was weak.",
              "a decade ago.", "Mr. Smith met Dr. Jones at 10:30.", "It was the summer of '69!", "Why?", "\n\n",
              "at 3 p.m. Friday", "It ends Sept. 30.", "every Monday. Monthly", "Christmas Day. New Year's Eve",
              "at 5\npm", "the day before\n", "in the past\nthree years", "at ٥ pm", "at mıdnight", "Fine. The",
              "In the past", "three years ago", "up 4% on the year before in 2009", "\r\n", "İstanbul, 2 pm"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=12), st.sampled_from([" ", "", "\n", "  "]))
def test_sentence_scanning_matches_a_whole_text_scan(parts, joiner):
    from newsgraph.enrichment.times.find import _COMPILED, scan
    text = joiner.join(parts)
    whole = {(kind, m.span()) for kind, pattern in _COMPILED for m in pattern.finditer(text)}
    assert {(kind, m.span()) for kind, m in scan(text)} == whole


def test_sentence_scanning_matches_a_whole_text_scan_on_gold_texts():
    from newsgraph.enrichment.times.find import _COMPILED, scan
    from newsgraph.evaluate.gold import read_gum, read_meantime
    data = SHARED / "data"
    if not (data / "meantime-dev").is_dir() or not (data / "gum").is_dir():
        pytest.skip(f"shared gold data absent at {data}")
    for doc in read_meantime(data / "meantime-dev") + read_gum(data / "gum"):
        whole = {(kind, m.span()) for kind, pattern in _COMPILED for m in pattern.finditer(doc.text)}
        assert {(kind, m.span()) for kind, m in scan(doc.text)} == whole, doc.id


@pytest.mark.parametrize("text", ["That compared with a loss in 2003.", "He compared it with 2003.",
                                  "Analysts compare this year with last year."])
def test_a_sentence_led_by_compare_resolves(nlp, text):
    import signal

    def stuck(*_):
        raise TimeoutError(f"resolve_all did not return on {text!r}")
    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(20)
    try:
        assert times(nlp, text, "2010-05-01")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
