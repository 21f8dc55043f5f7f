"""Bylines: every named person is an author; an agency or a network is the story's source (an
``agency_byline`` note), never an author; a newsroom credit is neither. Pages and lines written here."""
from __future__ import annotations

import json

import pytest

from newsgraph.extraction import extract as extract_article
from newsgraph.extraction.bylines import dateline_agency, read_credit
from newsgraph.extraction.capture import clean_capture
from newsgraph.extraction.fast import FastExtractor
from newsgraph.extraction.lines import parse_byline
from newsgraph.model import Article, Page
from newsgraph.record import from_record, to_record

pytest.importorskip("selectolax.lexbor")

BODY = "".join(f"<p>{p}</p>" for p in [
    "Flood warnings were issued on Sunday for three river towns after two days of heavy rain, and officials "
    "told residents of low-lying streets to move their cars to higher ground before nightfall.",
    "The river rose almost two metres overnight at the old stone bridge, according to the water authority, "
    "which said it expected the peak to pass by Tuesday morning if the rain stopped as forecast.",
    "Emergency crews filled sandbags at the fire station through the night, and volunteers carried them to "
    "the houses nearest the water, where some families had already moved upstairs.",
])


def extract(head: str, byline: str = "") -> Article:
    html = (f"<!doctype html><html><head><title>Flood warnings for river towns</title>{head}</head><body>"
            f"<article><h1>Flood warnings for river towns</h1>{byline}<div class='story-body'>{BODY}</div>"
            f"</article></body></html>")
    result = FastExtractor(fallback=False).extract(Page(content=html, kind="html", origin="t",
                                                        url="https://daily.example/news/floods"))
    assert isinstance(result, Article), result
    return result


def extract_page(html: str) -> Article:
    """The whole extraction step, as a run does it (the dateline is read when the article is finished)."""
    result = extract_article(Page(content=html, kind="html", origin="t", url="https://daily.example/news/floods"))
    assert isinstance(result, Article), result
    return result


def agency_notes(article: Article) -> list[str]:
    return [p.detail for p in article.problems if p.code == "agency_byline"]


def test_wire_reporters_do_not_become_the_agency():
    """Metadata names only the agency; the visible byline names three reporters and the agency."""
    article = extract('<meta name="author" content="The Associated Press">',
                      '<p class="byline">By ANA LIMA, BEN ODE and CY PARK Associated Press</p>')
    assert article.authors == ["ANA LIMA", "BEN ODE", "CY PARK"]
    assert agency_notes(article) and "Associated Press" in agency_notes(article)[0]


def test_the_several_authors_of_a_network_story_stay_several():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Flood warnings",
          "author": [{"@type": "Person", "name": "Dana Wu, Eli Stone and Fay Hart, NBC News"}]}
    article = extract(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert article.authors == ["Dana Wu", "Eli Stone", "Fay Hart"]
    assert "NBC News" in agency_notes(article)[0]


def test_one_element_per_author_keeps_them_all_and_skips_teaser_bylines():
    byline = ('<div class="meta">By <span class="author-name">Gil Moss</span>, <span class="author-name">Hana '
              'Ito</span> and <span class="author-name">Ivo Kral</span></div>')
    teaser = '<div class="teaser"><span class="author-name">Jon Teaser</span></div>'
    article = extract("", byline + teaser)
    assert article.authors == ["Gil Moss", "Hana Ito", "Ivo Kral"]


@pytest.mark.parametrize("text, people, organisations", [
    ("By Kai Berg, Lea Dorn and Max Ulm, Reuters", ["Kai Berg", "Lea Dorn", "Max Ulm"], ["Reuters"]),
    ("By KAI BERG and LEA DORNAssociated Press", ["KAI BERG", "LEA DORN"], ["Associated Press"]),
    ("By Kai Berg Associated Press Writer", ["Kai Berg"], ["Associated Press"]),
    ("Analysis by Nina Falk, CBS News Editor-at-large", ["Nina Falk"], ["CBS News"]),
    ("Nina Falk of The Evening Herald", ["Nina Falk"], ["The Evening Herald"]),
    ("by Ola Sand | March 4, 2024 9:10 AM", ["Ola Sand"], []),
    ("By Staff Reports", [], []),
    ("Agence France-Presse", [], ["Agence France-Presse"]),
    ("By Ada Y. Quist and Bo van Dijk", ["Ada Y. Quist", "Bo van Dijk"], []),
])
def test_read_credit(text, people, organisations):
    credit = read_credit(text)
    assert credit.people == people
    assert credit.organisations == organisations


def test_a_byline_line_names_people_only():
    assert parse_byline("By Kai Berg and Lea Dorn, The Associated Press") == ["Kai Berg", "Lea Dorn"]
    assert parse_byline("By The Associated Press") is None
    assert parse_byline("By the time the water peaked, most streets were dry.") is None


def test_a_capture_keeps_the_agency_out_of_its_authors():
    text = "\n".join(["Flood warnings for river towns", "By Kai Berg and Lea Dorn, Reuters",
                      "March 4, 2024"] + [p for p in BODY.replace("<p>", "").split("</p>") if p])
    cleaned = clean_capture(text)
    assert cleaned.authors == ["Kai Berg", "Lea Dorn"]
    assert [code for code, _ in cleaned.problems if code == "agency_byline"] == ["agency_byline"]


def test_an_agency_on_the_line_under_the_byline_is_the_source():
    body = "".join(f"<p>{p}</p>" for p in ["By KAIRA BERGSTROM-LIND", "The Associated Press"]) + BODY
    html = (f"<!doctype html><html><head><title>Flood warnings for river towns</title></head><body><article>"
            f"<h1>Flood warnings for river towns</h1><div class='story-body'>{body}</div></article></body></html>")
    result = FastExtractor(fallback=False).extract(Page(content=html, kind="html", origin="t",
                                                        url="https://daily.example/news/floods"))
    assert result.authors == ["KAIRA BERGSTROM-LIND"]
    assert result.text.startswith("Flood warnings were issued")
    assert "Associated Press" in agency_notes(result)[0]


# ---------------------------------------------------------------- the optional ``agency`` field of the record

def test_the_agency_is_a_field_beside_every_named_author():
    article = extract("", '<p class="byline">By Ann Lee and Tom Ray, Associated Press</p>')
    assert article.authors == ["Ann Lee", "Tom Ray"]
    assert article.agency == "Associated Press"


def test_a_page_without_an_agency_has_no_agency_field():
    article = extract('<meta name="author" content="Ann Lee">')
    assert (article.authors, article.agency) == (["Ann Lee"], None)
    record = to_record(article)
    assert "agency" not in record  # optional: written only where a byline names one
    assert from_record(record).agency is None


def test_the_agency_survives_the_record_round_trip_and_sits_after_the_authors():
    article = extract("", '<p class="byline">By Ann Lee, Reuters</p>')
    record = to_record(article)
    keys = list(record)
    assert record["agency"] == "Reuters" and keys.index("agency") == keys.index("authors") + 1
    assert from_record(json.loads(json.dumps(record))).agency == "Reuters"


def test_two_agencies_are_both_kept():
    article = extract("", '<p class="byline">By Ann Lee, Associated Press and Tom Ray, Reuters</p>')
    assert article.authors == ["Ann Lee", "Tom Ray"]
    assert article.agency == "Associated Press; Reuters"


@pytest.mark.parametrize("lede, agency", [
    ("LONDON (Reuters) - Flood warnings were issued on Sunday for three river towns.", "Reuters"),
    ("WASHINGTON, March 4 (AP) — Flood warnings were issued on Sunday for three river towns.", "AP"),
    ("PARIS (Texas) - Flood warnings were issued on Sunday for three river towns.", None),  # a state, no agency
    ("Flood warnings (the third this year) were issued on Sunday - officials said.", None),
])
def test_a_wire_dateline_names_the_agency(lede, agency):
    body = f"<p>{lede}</p>" + BODY
    html = (f"<!doctype html><html><head><title>Flood warnings for river towns</title></head><body><article>"
            f"<h1>Flood warnings for river towns</h1><div class='story-body'>{body}</div></article></body></html>")
    article = extract_page(html)
    assert article.agency == agency
    assert article.authors == []


def test_a_byline_agency_wins_over_the_dateline():
    body = "<p>LONDON (Reuters) - Flood warnings were issued on Sunday for three river towns.</p>" + BODY
    html = (f"<!doctype html><html><head><title>Flood warnings for river towns</title></head><body><article>"
            f"<h1>Flood warnings for river towns</h1><p class='byline'>By Ann Lee, Associated Press</p>"
            f"<div class='story-body'>{body}</div></article></body></html>")
    article = extract_page(html)
    assert (article.authors, article.agency) == (["Ann Lee"], "Associated Press")


def test_a_capture_gives_its_agency_to_the_article():
    text = "\n".join(["Flood warnings for river towns", "By Kai Berg and Lea Dorn, Reuters",
                      "March 4, 2024"] + [p for p in BODY.replace("<p>", "").split("</p>") if p])
    article = extract_article(Page(content=text, kind="capture", origin="t"))
    assert (article.authors, article.agency) == (["Kai Berg", "Lea Dorn"], "Reuters")


@pytest.mark.parametrize("text, agency", [
    ("NEW YORK, March 4 (Reuters) - Stocks fell.", "Reuters"),
    ("BEIRUT (AFP) – Protesters gathered.", "AFP"),
    ("SEOUL (Yonhap) -- Talks resumed.", "Yonhap"),
    ("Officials (AP) said nothing.", None),       # no dateline shape: no dash after the parenthesis
    ("The report (Reuters) - a summary.", None),  # lower-case words are no dateline city
    ("", None),
])
def test_dateline_agency(text, agency):
    assert dateline_agency(text) == agency
