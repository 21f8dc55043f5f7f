"""The figures stage: number parser, finder (per construction, negatives, ranges, currencies), seed, eval smoke."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.enrichment.figures import FigureAnnotator, find_figures
from newsgraph.enrichment.figures.numbers import currency_of, parse_number, parse_vague, unit_of
from newsgraph.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_ccea4d01f72bd314.txt"


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.enrichment.nlp import load
    return load()[0]


def figures(nlp, text: str):
    doc = nlp(text)
    found = find_figures(doc)
    for f in found:
        assert doc.text[f.span[0]:f.span[1]] == f.text  # every span indexes the text
    return found


def one(nlp, text: str):
    found = figures(nlp, text)
    assert len(found) == 1, found
    return found[0]


# ---- the number parser -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("1.2 billion", 1.2e9), ("two dozen", 24), ("a dozen", 12), ("70,000", 70000), ("25", 25),
    ("€5bn", 5e9), ("£1.2m", 1.2e6), ("123 million dollars", 1.23e8), ("$123 million", 1.23e8), ("US$5", 5),
    ("Rs 40 crore", 4e8), ("one hundred and twenty", 120), ("two hundred thousand", 2e5),
    ("half a million", 5e5), ("one and a half million", 1.5e6), ("twenty-five", 25), ("12%", 12),
    ("12 per cent", 12), ("3/4", 0.75), ("0.5", 0.5), ("a million", 1e6), ("15k", 15e3),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_parse_fractions():
    assert parse_number("a third") == pytest.approx(1 / 3)
    assert parse_number("two-thirds") == pytest.approx(2 / 3)
    assert parse_number("three quarters") == pytest.approx(0.75)


@pytest.mark.parametrize("text", ["", "page 3", "two five", "5 5", "a", "and", "million dollars", "hello"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_parse_vague_is_an_order_of_magnitude():
    assert parse_vague("thousands") == 1000
    assert parse_vague("tens of thousands") == 10000
    assert parse_vague("hundreds of millions") == 1e8
    assert parse_vague("dozens") == 12
    assert parse_vague("several") is None


def test_currency_and_unit_tables():
    assert [currency_of(m) for m in ("$", "US$", "€", "£", "¥", "USD", "yen", "euros")] == \
        ["USD", "USD", "EUR", "GBP", "JPY", "USD", "JPY", "EUR"]
    assert currency_of("usd") is None  # a lower-case word is not a code
    assert [unit_of(u) for u in ("GB", "km", "tonnes", "miles", "nautical miles")] == ["GB", "km", "t", "mi", "nmi"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_thousands_separators(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(sorted(SCALE_WORDS)),
       st.sampled_from(["", "$", "€", "£"]))
def test_round_trip_scale_words(tenths, scale, mark):
    value = tenths / 10
    text = f"{mark}{value:g} {scale}"
    assert math.isclose(parse_number(text), value * SCALE_WORDS[scale], rel_tol=1e-9)


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
        "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _spell(n: int) -> str:
    """An independent speller for 0..999,999 (written here for the test only)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" and " + _spell(n % 100) if n % 100 else "")
    return _spell(n // 1000) + " thousand" + (" " + _spell(n % 1000) if n % 1000 else "")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
def test_round_trip_words(n):
    assert parse_number(_spell(n)) == n


# ---- the finder: constructions ---------------------------------------------------------------------------

def test_count_with_qualifier_object_and_event(nlp):
    f = one(nlp, "The violence has killed more than 70,000 people.")
    assert (f.text, f.kind, f.value, f.qualifier, f.object, f.event) == \
        ("more than 70,000", "count", 70000, "more than", "people", "killed")


def test_object_is_the_counted_noun_not_the_apposition(nlp):
    f = one(nlp, "The rebels fired a rocket, killing 25 people, including soldiers.")
    assert (f.value, f.object, f.event) == (25, "people", "killed")


def test_count_in_words(nlp):
    f = one(nlp, "Rebels seized twenty trucks near the border.")
    assert (f.value, f.object, f.event) == (20, "trucks", "seized")
    assert one(nlp, "They bought two dozen trucks.").value == 24


@pytest.mark.parametrize("phrase, qualifier", [
    ("over", "more than"), ("at least", "at least"), ("about", "about"), ("around", "about"),
    ("nearly", "nearly"), ("almost", "nearly"), ("up to", "at most"), ("an estimated", "estimated"),
    ("some", "about"), ("fewer than", "less than"), ("as many as", "at most"),
])
def test_qualifiers_are_normalised_and_in_the_span(nlp, phrase, qualifier):
    f = one(nlp, f"The storm destroyed {phrase} 400 houses.")
    assert (f.text, f.qualifier, f.value) == (f"{phrase} 400", qualifier, 400)


@pytest.mark.parametrize("text, value, value_max, span", [
    ("Officials said 25 to 30 people died.", 25, 30, "25 to 30"),
    ("Officials said 25-30 people died.", 25, 30, "25-30"),
    ("Officials said between 25 and 30 people died.", 25, 30, "between 25 and 30"),
    ("Prices rose 15-20% last year.", 15, 20, "15-20%"),
    ("The deal is worth $12-15 million.", 12e6, 15e6, "$12-15 million"),
])
def test_ranges(nlp, text, value, value_max, span):
    f = one(nlp, text)
    assert (f.text, f.value, f.value_max) == (span, pytest.approx(value), pytest.approx(value_max))


@pytest.mark.parametrize("text, span, value, unit", [
    ("The US approved a $123 million aid package.", "$123 million", 1.23e8, "USD"),
    ("The fee is US$5 a month.", "US$5", 5, "USD"),
    ("The EU set aside €5bn for the plan.", "€5bn", 5e9, "EUR"),
    ("The club paid £1.2m for the player.", "£1.2m", 1.2e6, "GBP"),
    ("A ticket costs ¥300 in Tokyo.", "¥300", 300, "JPY"),
    ("They spent 123 million dollars on it.", "123 million dollars", 1.23e8, "USD"),
    ("Entry costs 5 euros for adults.", "5 euros", 5, "EUR"),
    ("The state allotted Rs 40 crore to the project.", "Rs 40 crore", 4e8, "INR"),
])
def test_money(nlp, text, span, value, unit):
    f = one(nlp, text)
    assert (f.text, f.kind, f.unit) == (span, "amount", unit)
    assert f.value == pytest.approx(value)


def test_money_event_is_the_noun_it_modifies(nlp):
    f = one(nlp, "The US $123 million defense aid package was announced on Friday.")
    assert f.text == "$123 million" and f.event in ("aid package", "defense aid package")


@pytest.mark.parametrize("text, span", [
    ("Unemployment rose to 12% in May.", "12%"),
    ("Unemployment rose to 12 percent in May.", "12 percent"),
    ("Unemployment rose to 12 per cent in May.", "12 per cent"),
])
def test_percentages(nlp, text, span):
    f = one(nlp, text)
    assert (f.text, f.kind, f.value, f.unit) == (span, "percent", 12, "%")


@pytest.mark.parametrize("text, span, value, unit", [
    ("The phone has 30GB of storage.", "30GB", 30, "GB"),
    ("The runners covered 5 km before noon.", "5 km", 5, "km"),
    ("Police seized 10 tonnes of cocaine.", "10 tonnes", 10, "t"),
    ("The road is 3.5 miles long.", "3.5 miles", 3.5, "mi"),
])
def test_quantities(nlp, text, span, value, unit):
    f = one(nlp, text)
    assert (f.text, f.kind, f.value, f.unit) == (span, "quantity", value, unit)


def test_subunits_and_other_dollars(nlp):
    f = one(nlp, "Shares of the carmaker gained 3 cents on Friday.")
    assert (f.text, f.kind, f.unit, f.value) == ("3 cents", "amount", "USD", pytest.approx(0.03))
    f = one(nlp, "The new flag would cost NZ $26 million.")
    assert (f.text, f.unit, f.value) == ("NZ $26 million", "NZD", 26e6)


def test_change_to_a_level_is_not_a_range(nlp):
    found = figures(nlp, "Oil rose $2 to $70 on Monday.")
    assert [(f.text, f.value_max) for f in found] == [("$2", None), ("$70", None)]
    assert [f.text for f in figures(nlp, "Output grew from 5% to 10% this year.")] == ["5%", "10%"]


def test_market_names_and_filings_are_not_counts(nlp):
    found = figures(nlp, "The Standard & Poor's 500 index rose 1.2 percent after GM filed its 10-K report.")
    assert [f.text for f in found] == ["1.2 percent"]
    assert [f.text for f in figures(nlp, "It is the #2 browser, at 7-Eleven stores.")] == []


def test_vague_plural_has_no_point_value(nlp):
    f = one(nlp, "Thousands of people marched through the city.")
    assert (f.text, f.value, f.value_min, f.vague, f.qualifier, f.object) == (
        "Thousands", None, 1000, True, None, "people")


def test_fraction_of_is_a_proportion(nlp):
    f = one(nlp, "The company cut a third of its workforce.")
    assert f.kind == "percent" and f.value == pytest.approx(100 / 3)


# ---- the finder: what is not a figure --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The war began in 2011 and ended in 2019.",                   # years
    "The attack happened on March 19 near Aleppo.",               # dates
    "The meeting started at 12:15 in Brussels.",                  # clock time
    "Steve Jobs, aged 56, died at home.",                         # ages
    "The 45-year-old man was arrested.",
    "Papermaster, 49, left the company.",
    "John Smith, 45, was arrested.",
    "It was the 5th attempt this year.",                          # ordinals
    "The plane was the 15,599th built at the plant.",
    "Call 555-1234 or +44 20 7946 0958 for details.",             # phone numbers
    "Boeing 737 jets were grounded.",                             # numbers in names
    "Apple unveiled the iPhone 4 on Monday.",
    "He upgraded to Windows 7 at work.",
    "Leaders of the Group of 20 met in London.",
    "The G8 summit opened in Scotland.",
    "COVID-19 spread quickly.",
    "The app reached version 2.3.1 today.",                       # versions
    "The team won 3-1 on Sunday.",                                # scores
    "He spent ten years in prison.",                              # durations belong to times
    "She moved to London when she was six.",                      # an age without "aged"
])
def test_not_figures(nlp, text):
    assert figures(nlp, text) == []


def test_list_markers_are_not_counts(nlp):
    found = figures(nlp, "Steps:\n1. Open the box.\n2. Remove 12 screws.")
    assert [f.text for f in found] == ["12"]


def test_a_bare_one_and_an_anaphoric_two_are_not_counts(nlp):
    assert figures(nlp, "One of them said the two countries disagree.") == []
    assert [f.value for f in figures(nlp, "Two soldiers and one million refugees fled.")] == [2, 1e6]


@pytest.mark.parametrize("text,kept", [
    ("Qatar chose the A350 over Boeing's 787, and Boeing's 500 engineers objected.", ["500"]),
    ("It will also buy 20 of Boeing's larger 777 planes.", ["20"]),
    ("Boeing Rolls Out First 787 Dreamliner To Go Into Service", []),
    ("The tankers will be built at a rate of 15 a year, 300 per day at peak.", ["15", "300"]),
])
def test_model_numbers_and_rates(nlp, text, kept):
    assert [f.text for f in figures(nlp, text)] == kept


def test_model_number_named_once_is_a_name_throughout(nlp):
    found = figures(nlp, "Boeing 787 makes maiden flight. The 787 has 840 orders.")
    assert [f.text for f in found] == ["840"]


def test_a_day_of_the_month_is_not_a_name_number(nlp):
    found = figures(nlp, "May 17, 2006\n\nThe laptop comes with 15 or 17 inch displays.")
    assert [(f.text, f.unit) for f in found] == [("15", "in"), ("17 inch", "in")]


@pytest.mark.parametrize("text, expected", [
    ("The Pro comes with either 15” or 17” displays.", [("15”", "in"), ("17”", "in")]),
    ("The TV has a 55″ screen and a 13.3” widescreen display.", [("55″", "in"), ("13.3”", "in")]),
    ("He said: “we sold 15” and left.", [("15", None)]),  # a closing quote, not inches
    ("“Sales rose. We sold 15” said Smith.", [("15", None)]),  # the quotation opened a sentence earlier
    ('He said "we sold 15" and left.', [("15", None)]),
])
def test_inch_marks(nlp, text, expected):
    assert [(f.text, f.unit) for f in figures(nlp, text)] == expected


def test_a_bare_number_takes_the_unit_of_the_number_coordinated_with_it(nlp):
    found = figures(nlp, "White (1.83 and 2 GHz models). Unemployment rose from 5 to 7% while 3 firms grew.")
    assert [(f.text, f.kind, f.unit) for f in found] == [
        ("1.83", "quantity", "GHz"), ("2 GHz", "quantity", "GHz"), ("5", "percent", "%"), ("7%", "percent", "%"),
        ("3", "count", None)]
    assert found[0].object == "models"  # the borrowed unit is not what it counts
    assert [(f.text, f.unit) for f in figures(nlp, "Rates of 5 or 6 percent are likely.")] == [
        ("5", "%"), ("6 percent", "%")]


@pytest.mark.parametrize("text, count", [
    ("They sold 3 and 20% were returned.", "3"), ("They hired 300 and 10 percent left.", "300"),
    ("Unemployment rose 2 to 7%.", "2"),  # a change and a level, not two percentages
])
def test_a_number_next_to_another_clause_keeps_its_own_kind(nlp, text, count):
    first = figures(nlp, text)[0]
    assert (first.text, first.kind, first.unit) == (count, "count", None)


# ---- the annotator and the seed --------------------------------------------------------------------------

def test_annotator_fills_article(nlp):
    text = "The storm destroyed about 400 houses and cost $5 million."
    article = Article(id="a", text=text, content_hash="h")
    annotator = FigureAnnotator()
    annotator.annotate(article, nlp(text))
    assert annotator.name == "figures"
    assert [(f.kind, f.value) for f in article.figures] == [("count", 400), ("amount", 5e6)]


def _seed_body() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed capture absent at {SEED}")
    lines = SEED.read_text(encoding="utf-8").split("\n")[1:]
    dropped = 0
    while dropped < 3:  # the dateline and the headline, written twice
        if lines.pop(0).strip():
            dropped += 1
    return "\n".join(lines).strip()


def test_seed_figures(nlp):
    found = figures(nlp, _seed_body())
    got = {f.text: f for f in found}
    assert {"25", "over 80", "$123 million", "an estimated $117 million", "more than 70,000"} <= set(got)
    deaths = got["more than 70,000"]
    assert (deaths.kind, deaths.value, deaths.qualifier, deaths.object, deaths.event) == \
        ("count", 70000, "more than", "people", "killed")
    assert (got["25"].kind, got["25"].value, got["25"].object, got["25"].event) == ("count", 25, "people", "killed")
    assert (got["over 80"].value, got["over 80"].qualifier, got["over 80"].event) == (80, "more than", "injured")
    for text, value in (("$123 million", 1.23e8), ("an estimated $117 million", 1.17e8)):
        assert (got[text].kind, got[text].unit, got[text].value) == ("amount", "USD", value)
    assert got["an estimated $117 million"].qualifier == "estimated"
    assert not any(f.value in (2013, 19) for f in found)  # the dateline year and "March 19" are not counts


# ---- evaluation smoke test -------------------------------------------------------------------------------

def test_evaluate_meantime_smoke():
    data = SHARED / "data"
    if not (data / "meantime-dev").is_dir():
        pytest.skip(f"shared MEANTIME data absent at {data / 'meantime-dev'}")
    from newsgraph.evaluate.figures import evaluate
    (report,) = evaluate(data, limit=6)
    span = report.scores[0]
    assert report.task == "figures" and report.documents == 6
    assert span.n_gold > 0 and span.f1 > 0.6
    assert report.words_per_second and report.words_per_second > 0
    assert all(a.n > 0 for a in report.accuracies)


def test_match_and_plain_value():
    from newsgraph.evaluate.figures import match, plain_value
    assert match([(0, 5), (10, 15)], [(3, 12), (11, 14)]) == [(0, 0), (1, 1)]
    assert plain_value("$4.6 billion") == pytest.approx(4.6e9)
    assert plain_value("70,000") == 70000
    assert plain_value("about 500") is None


@pytest.mark.parametrize("text, span, value, unit, obj", [
    ("The firm will build a 50-megawatt solar farm near the coast.", "50-megawatt", 50, "MW", "solar farm"),
    ("They laid a 12km pipeline last year.", "12km", 12, "km", "pipeline"),
    ("They laid a 12-kilometre pipeline last year.", "12-kilometre", 12, "km", "pipeline"),
])
def test_unit_before_a_noun_is_a_quantity_and_not_the_object(nlp, text, span, value, unit, obj):
    f = one(nlp, text)
    assert (f.text, f.kind, f.value, f.unit, f.object) == (span, "quantity", value, unit, obj)


def test_qualifier_is_only_what_the_text_says(nlp):
    f = one(nlp, "Tens of thousands of people protested in the capital.")
    assert (f.value, f.value_min, f.qualifier, f.object) == (None, 10000, None, "people")
    f = one(nlp, "At least thousands of people protested in the capital.")
    assert f.qualifier == "at least"


# ---- "m" after a number, scale abbreviations ending a sentence, fractions of a point --------------------------

@pytest.mark.parametrize("text, span, kind, value, unit", [
    ("The company sold 9.37m vehicles.", "9.37m", "count", 9.37e6, None),
    ("The firm raised 5m euros.", "5m euros", "amount", 5e6, "EUR"),
    ("It cost £1.2m.", "£1.2m", "amount", 1.2e6, "GBP"),  # the sentence's full stop stays out of the span
    ("Toyota sold 9.37m.", "9.37m", "count", 9.37e6, None),
    ("Profits hit 2bn last year.", "2bn", "count", 2e9, None),  # the parser's DATE over "2bn last year"
    ("She won the 100m race.", "100m", "quantity", 100, "m"),
    ("The tower is 300m high.", "300m", "quantity", 300, "m"),
    ("They built a 2.5m-tall wall.", "2.5m", "quantity", 2.5, "m"),
    ("It cost £1.2m. Shares rose.", "£1.2m", "amount", 1.2e6, "GBP"),  # "m." the parser did not split off
    ("The company raised $5m.\nIt plans more.", "$5m", "amount", 5e6, "USD"),
    ("A 50m-euro loan was agreed.", "50m-euro", "amount", 5e7, "EUR"),
    ("The 2m-strong diaspora voted.", "2m", "count", 2e6, None),
    ("Bolt won the 100m.", "100m", "quantity", 100, "m"),  # a race's name
    ("Rates rose by half a percentage point.", "half a percentage point", "percent", 0.5, "pp"),
    ("It rose two-thirds of a percentage point.", "two-thirds of a percentage point", "percent", 2 / 3, "pp"),
    ("Two-thirds of voters agreed.", "Two-thirds", "percent", 200 / 3, "%"),
    ("Inflation rose half a percent.", "half a percent", "percent", 0.5, "%"),
    ('He said "it cost £5m." Then it fell.', "£5m", "amount", 5e6, "GBP"),
    ("It cost $5m. (It rose.)", "$5m", "amount", 5e6, "USD"),
    ("Three-fifths of members.", "Three-fifths", "percent", 60, "%"),
    ("Rates fell a quarter of a percentage point.", "a quarter of a percentage point", "percent", 0.25, "pp"),
])
def test_m_is_millions_or_metres_by_what_follows(nlp, text, span, kind, value, unit):
    f = one(nlp, text)
    assert (f.text, f.kind, f.unit) == (span, kind, unit)
    assert f.value == pytest.approx(value)


def test_a_sentence_ending_in_a_scale_keeps_its_roles_in_it(nlp):
    assert [f.value for f in figures(nlp, "It cost £5m. £3m was spent.")] == [5e6, 3e6]
    first, second = figures(nlp, "Toyota sold 9.37m. Honda sold 4m.")
    assert (first.text, first.value, first.object) == ("9.37m", 9.37e6, None)  # not "Honda" past the full stop
    assert (second.text, second.value, second.event) == ("4m", 4e6, "sold")


@pytest.mark.parametrize("text", ["Earth is 4.5 billion years old.", "He has lived here for 5 m years."])
def test_scaled_durations_stay_out(nlp, text):
    assert figures(nlp, text) == []


def test_a_fraction_of_something_else_is_still_a_share(nlp):
    f = one(nlp, "About a third of the staff left.")
    assert (f.kind, f.unit, round(f.value, 2)) == ("percent", "%", 33.33)
    assert one(nlp, "Half a million people marched.").value == 5e5


@pytest.mark.parametrize("text", ["He was the forty-fifth president.", "The thirty-third floor.",
                                  "She finished twenty-third."])
def test_hyphenated_ordinals_are_not_counts(nlp, text):
    assert figures(nlp, text) == []


def test_a_pound_joined_by_a_hyphen_is_a_weight_not_money(nlp):
    assert all(f.kind != "amount" for f in figures(nlp, "A 300-pound lineman."))
    assert one(nlp, "A 50m-euro loan was agreed.").unit == "EUR"


@pytest.mark.parametrize("text", ["It cost £5 – £", "between $5 and $", "one to £", "5m", "£1.2m.", "half a", "-"])
def test_a_text_ending_mid_figure_does_not_fail(nlp, text):
    for f in figures(nlp, text):
        assert f.value is not None

