"""Bylines: every named person is an author; an agency or a network is the story's source (an
``agency_byline`` note), never an author; a newsroom credit is neither. Pages and lines written here."""
from __future__ import annotations

import json

import pytest

from newsgraph.extraction.bylines import read_credit
from newsgraph.extraction.capture import clean_capture
from newsgraph.extraction.fast import FastExtractor
from newsgraph.extraction.lines import parse_byline
from newsgraph.model import Article, Page

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
