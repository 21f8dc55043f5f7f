"""Figures from reading 2019 news of many outlets (issue 17): vague plurals have no point value, pounds that weigh,
and numbers inside names. Every sentence is made up for the test."""
from __future__ import annotations

import pytest

from newsgraph.enrichment.figures import FigureAnnotator, find_figures
from newsgraph.enrichment.figures.annotator import country_of
from newsgraph.model import Article
from newsgraph.record import from_record, to_record


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.enrichment.nlp import load
    return load()[0]


def figures(nlp, text: str):
    return find_figures(nlp(text))


# ---------------------------------------------------------------- vague plurals

@pytest.mark.parametrize("text,span,kind,unit,value_min", [
    ("Millions of viewers tuned in to the final on Sunday.", "Millions", "count", None, 1e6),
    ("The final was watched by millions.", "millions", "count", None, 1e6),
    ("Thousands of nurses walked off the job.", "Thousands", "count", None, 1e3),
    ("The scheme cost taxpayers billions of dollars.", "billions of dollars", "amount", "USD", 1e9),
    ("Hundreds of millions of euros went missing.", "Hundreds of millions of euros", "amount", "EUR", 1e8),
    ("Tens of thousands of homes lost power.", "Tens of thousands", "count", None, 1e4),
])
def test_a_vague_plural_has_an_order_of_magnitude_and_no_value(nlp, text, span, kind, unit, value_min):
    [f] = figures(nlp, text)
    assert (f.text, f.kind, f.unit, f.value, f.value_min, f.vague) == (span, kind, unit, None, value_min, True)


def test_a_vague_figure_survives_the_record_round_trip(nlp):
    text = "Thousands of nurses walked off the job, costing the hospital $2 million."
    article = Article(id="a", text=text, content_hash="h", figures=figures(nlp, text))
    record = to_record(article)
    vague, plain = record["figures"]
    assert (vague["value"], vague["value_min"], vague["vague"]) == (None, 1000, True)
    assert "vague" not in plain and "value_min" not in plain  # optional fields, only where they say something
    assert from_record(record).figures == article.figures


def test_a_record_without_the_optional_fields_reads_as_not_vague():
    record = to_record(Article(id="a", text="x", content_hash="h"))
    record["figures"] = [{"text": "5", "span": [0, 1], "kind": "count", "value": 5}]
    [f] = from_record(record).figures
    assert (f.value, f.value_min, f.vague) == (5, None, False)


# ---------------------------------------------------------------- pounds: weight or money

@pytest.mark.parametrize("text,span,kind,unit", [
    ("The new boiler makes 5,200 pounds of steam an hour.", "5,200 pounds", "quantity", "lb"),
    ("The tyres are inflated to 35 pounds per square inch.", "35 pounds", "quantity", "lb"),
    ("The linebacker weighed about 240 pounds as a rookie.", "about 240 pounds", "quantity", "lb"),
    ("The cub is now 40 pounds heavier than in spring.", "40 pounds", "quantity", "lb"),
    ("The charity raised 5,200 pounds for the shelter.", "5,200 pounds", "amount", "GBP"),
    ("The council wasted 3 million pounds of taxpayers' money.", "3 million pounds", "amount", "GBP"),
    ("The painting sold for 40,000 pounds sterling.", "40,000 pounds sterling", "amount", "GBP"),
])
def test_pounds_weigh_or_pay_by_what_is_measured(nlp, text, span, kind, unit):
    [f] = figures(nlp, text)
    assert (f.text, f.kind, f.unit) == (span, kind, unit)


# ---------------------------------------------------------------- numbers inside names

@pytest.mark.parametrize("text", [
    "The service now offers 4K streaming on every plan.",
    "The carrier switched on its 5G network downtown.",
    "She finished the 10K race in the rain.",
    "Downloads of the 2B Fit app doubled after the ad.",
    "Boeing's 787 returned to service after the fires.",
    "Boeing's 787 Dreamliner returned to service after the fires.",
    "Fans queued overnight for Resident Evil 2 at the mall.",
    "Gears 5 launched to strong reviews.",
])
def test_a_number_inside_a_name_is_no_figure(nlp, text):
    assert figures(nlp, text) == []


@pytest.mark.parametrize("text,span,value", [
    ("More than 50K people ran the marathon.", "More than 50K", 50_000),
    ("Mortal Kombat 11 sold 3 million copies in a month.", "3 million", 3_000_000),
])
def test_counts_beside_names_stay(nlp, text, span, value):
    [f] = figures(nlp, text)
    assert (f.text, f.value) == (span, value)


@pytest.mark.parametrize("text", [
    "The A350 and the 787 compete for long-haul orders.",
    "The airline flies the 787 and the A330 to Asia.",
])
def test_a_number_coordinated_with_a_model_name_is_one(nlp, text):
    assert figures(nlp, text) == []


def test_a_count_coordinated_with_a_count_stays(nlp):
    assert [f.text for f in figures(nlp, "The airline flies 30 jets and 12 turboprops.")] == ["30", "12"]


def test_a_repeated_vague_plural_is_one_figure(nlp):
    [f] = figures(nlp, "We are taking in billions and billions of dollars from tariffs.")
    assert (f.text, f.kind, f.unit, f.value, f.vague) == ("billions of dollars", "amount", "USD", None, True)


# ---------------------------------------------------------------- pounds with nothing after: the article decides

@pytest.mark.parametrize("text,kind,unit", [
    ("The new plant produces 5,200 pounds a day.", "quantity", "lb"),   # no sign of British money: a weight
    ("The marlin weighed in at 1,100 pounds.", "quantity", "lb"),
    ("He was fined 5,200 pounds for the damage.", "amount", "GBP"),     # paying words make it money anywhere
    ("He paid 5,200 pounds ($6,700) for the car.", "amount", "GBP"),    # a conversion follows
    ("The painting sold for 40,000 pounds at auction.", "amount", "GBP"),
    ("Britain will have to pay 39 billion pounds to leave.", "amount", "GBP"),  # a scale counts money
    ("The court heard he owed a fine of 900 pounds.", "amount", "GBP"),
])
def test_bare_pounds_read_by_what_is_done_with_them(nlp, text, kind, unit):
    [f] = [f for f in figures(nlp, text) if "pound" in f.text]
    assert (f.kind, f.unit) == (kind, unit)


def test_bare_pounds_in_a_british_story_are_money(nlp):
    doc = nlp("The new plant produces 5,200 pounds a day.")
    [f] = find_figures(doc, country="GB")
    assert (f.kind, f.unit) == ("amount", "GBP")
    british = nlp("Tickets cost £12 each. The new plant produces 5,200 pounds a day.")
    assert [(f.kind, f.unit) for f in find_figures(british)] == [("amount", "GBP"), ("amount", "GBP")]
    american = nlp("Tickets cost $12 each. The new plant produces 5,200 pounds a day.")
    assert [(f.kind, f.unit) for f in find_figures(american)] == [("amount", "USD"), ("quantity", "lb")]


@pytest.mark.parametrize("url,country", [
    ("https://www.daily.example.co.uk/news/1", "GB"),
    ("https://news.example.ie/a", "IE"),
    ("https://news.example.com/a", None),
    (None, None),
    ("not a url", None),
])
def test_country_of_an_address(url, country):
    assert country_of(url) == country


def test_the_annotator_reads_the_country_from_the_address(nlp):
    text = "The new plant produces 5,200 pounds a day."
    for url, unit in (("https://paper.example.co.uk/x", "GBP"), ("https://paper.example.com/x", "lb")):
        article = Article(id="a", text=text, content_hash="h", url=url)
        FigureAnnotator().annotate(article, nlp(text))
        assert [f.unit for f in article.figures] == [unit]


# ---------------------------------------------------------------- model numbers a maker or owner has

@pytest.mark.parametrize("text", [
    "Boeing's 787 jets were grounded after the battery fires.",
    "The airline grounded its 787 jets for inspection.",
    "Boeing's 737 Max 8 jets remain grounded.",
    "The new console plays 4K games at 60 frames a second.",
    "Retailers cut prices of 8K TVs before the holidays.",
])
def test_a_possessed_model_or_a_resolution_is_no_figure(nlp, text):
    assert [f.text for f in figures(nlp, text) if f.text[:1] in "4878"] == []


@pytest.mark.parametrize("text,span", [
    ("The airline grounded its 300 jets for inspection.", "300"),       # a round count of its fleet
    ("The firm laid off its 738 employees in March.", "738"),           # people are counted, not modelled
    ("Organisers expect 4K runners at the start.", "4K"),
])
def test_possessed_counts_stay(nlp, text, span):
    assert span in [f.text for f in figures(nlp, text)]


# ---------------------------------------------------------------- the event of a figure that modifies a noun

@pytest.mark.parametrize("text,event", [
    ("The company reported a 4% rise in profit.", "rise"),
    ("Exporters saw a 12 percent drop in orders.", "drop"),
    ("Congress approved a $5 million aid package on Friday.", "aid package"),
])
def test_the_event_of_a_modifying_figure_leaves_out_its_unit(nlp, text, event):
    [f] = figures(nlp, text)
    assert f.event == event
