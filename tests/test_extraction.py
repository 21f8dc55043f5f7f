"""Extraction: HTML pages (trafilatura), clean text kept exactly, language, ids and content hashes."""
from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.extraction import Extractor, extract, get_extractor
from newsgraph.extraction.html import choose_published, iso_timestamp
from newsgraph.extraction.language import detect
from newsgraph.ids import article_id, content_hash
from newsgraph.model import Article, Page, Rejected

PARAS = [
    "The harbour council voted on Friday to approve a new bridge across the estuary, ending a dispute that had "
    "lasted for more than two years and divided the town.",
    "Councillor Maria Lopez said the decision was long overdue and that construction work would begin in the "
    "spring, once the final contracts had been signed.",
    "Opponents said the cost, estimated at 40 million pounds, was too high for a town of its size and that the "
    "money would be better spent on schools and roads.",
]

ARTICLE_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council approves bridge | The Harbour Times</title>
<meta property="og:title" content="Council approves new bridge after two-year dispute">
<meta property="og:site_name" content="The Harbour Times">
<meta property="og:image" content="https://harbour.example/img/bridge.jpg">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2013-05-04T12:15:00+01:00">
<link rel="canonical" href="https://harbour.example/news/bridge">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Council approves new bridge after two-year dispute</h1>
<p class="byline">By Jane Doe</p>
""" + "".join(f"<p>{p}</p>\n" for p in PARAS) + """</article>
<footer><p>Share this article</p><p>© 2013 The Harbour Times</p></footer>
</body></html>"""

NO_ARTICLE_HTML = """<html><head><title>Index</title></head><body>
<nav><a href="/">Home</a> <a href="/a">About</a> <a href="/c">Contact</a></nav></body></html>"""


def _html_page(html, **kw):
    return Page(content=html.encode("utf-8"), kind="html", origin="mem.html", charset="utf-8", **kw)


@pytest.fixture(scope="module")
def html_article():
    article = extract(_html_page(ARTICLE_HTML, url="https://harbour.example/news/bridge?utm=x"))
    assert isinstance(article, Article), article
    return article


def test_html_metadata(html_article):
    a = html_article
    assert a.title == "Council approves new bridge after two-year dispute"
    assert a.published == "2013-05-04T12:15:00+01:00"  # the time and offset come from the metadata
    assert a.authors == ["Jane Doe"]
    assert a.source == "The Harbour Times"
    assert a.canonical_url == "https://harbour.example/news/bridge"
    assert a.image == "https://harbour.example/img/bridge.jpg"
    assert a.url == "https://harbour.example/news/bridge?utm=x"


def test_html_body_is_the_paragraphs_separated_by_blank_lines(html_article):
    body = html_article.text
    for p in PARAS:
        assert p in body
    assert body.index(PARAS[0]) < body.index(PARAS[1]) < body.index(PARAS[2])
    assert "\n\n" in body and "\n\n\n" not in body
    assert "Home" not in body and "Share this article" not in body
    assert not body.startswith("Council approves")  # the headline is the title, not the body


def test_every_article_gets_id_hash_origin_language(html_article):
    a = html_article
    assert a.id == article_id(None, a.url, "mem.html") and a.id.startswith("u")
    assert a.content_hash == content_hash(a.text)
    assert a.origin == "mem.html"
    assert a.language == "en"


def test_legacy_charset_html_is_decoded_with_the_source_hint():
    ru = ("<html><head><meta charset='windows-1251'><title>Новости</title></head><body><article>"
          "<h1>Москва заявила о готовности к переговорам</h1>"
          "<p>Москва заявила о готовности к переговорам со всеми членами сирийской оппозиции, сообщил министр "
          "иностранных дел в пятницу на пресс-конференции в столице.</p>"
          "<p>По его словам, путь к прекращению насилия будет найден только в прямых переговорах между "
          "оппозицией и правительством страны.</p></article></body></html>")
    page = Page(content=ru.encode("cp1251"), kind="html", origin="ru.html", charset="cp1251")
    article = extract(page)
    assert isinstance(article, Article), article
    assert "сирийской оппозиции" in article.text
    assert article.language == "ru"


def test_page_without_an_article_is_not_article():
    result = extract(_html_page(NO_ARTICLE_HTML))
    assert isinstance(result, Rejected)
    assert result.code == "not_article" and not result.fatal


def test_a_sentence_or_two_is_too_short_not_a_non_article():
    result = extract(_html_page("<html><body><article><p>Talks resume on Monday.</p></article></body></html>"))
    assert isinstance(result, Rejected) and result.code == "too_short" and not result.fatal


def test_text_kind_is_kept_exactly_with_caller_fields():
    text = "  Lavrov said on Friday\tthat talks would go on.\r\n\nKerry agreed.  "
    page = Page(content=text, kind="text", origin="in.jsonl#3", id="abc", title="T", published="2013-05-04",
                url="https://x.test/a")
    a = extract(page)
    assert a.text == text
    assert (a.id, a.title, a.published, a.url) == ("abc", "T", "2013-05-04", "https://x.test/a")
    assert a.content_hash == content_hash(text)


def test_empty_text_is_too_short():
    result = extract(Page(content="   \n", kind="text", origin="x#1"))
    assert isinstance(result, Rejected) and result.code == "too_short" and not result.fatal


def test_id_falls_back_to_origin_when_no_caller_id_or_url():
    a = extract(Page(content="Some clean text that stands alone.", kind="text", origin="f.jsonl#9"))
    assert a.id == article_id(None, None, "f.jsonl#9") and a.id.startswith("p")


@pytest.mark.parametrize("text,expected", [
    ("The minister said on Friday that talks with the opposition would continue next week.", "en"),
    ("Le ministre a déclaré vendredi que les négociations avec l'opposition se poursuivraient.", "fr"),
    ("Der Minister sagte am Freitag, die Gespräche mit der Opposition würden fortgesetzt.", "de"),
    ("Министр заявил в пятницу, что переговоры с оппозицией будут продолжены.", "ru"),
    ("Hi.", None),
    ("", None),
    ("12 34 56 78 90 ++ -- //", None),
])
def test_language(text, expected):
    assert detect(text) == expected


def test_extractor_registry():
    extractor = get_extractor("trafilatura")
    assert isinstance(extractor, Extractor) and extractor.name == "trafilatura"
    with pytest.raises(ConfigError):
        get_extractor("no-such-extractor")


@pytest.mark.parametrize("value,expected", [
    ("2013-05-04T12:15:00Z", "2013-05-04T12:15:00+00:00"),
    ("2013-05-04T12:15:00.123+0300", "2013-05-04T12:15:00+03:00"),
    ("2013-05-04", "2013-05-04"),
    ("2013-05-04 12:15", "2013-05-04T12:15:00"),
    ("last Friday", None),
])
def test_iso_timestamp(value, expected):
    assert iso_timestamp(value) == expected


def test_choose_published_upgrades_only_the_same_day():
    assert choose_published("2013-05-04", "2013-05-04T12:15:00+01:00") == "2013-05-04T12:15:00+01:00"
    assert choose_published("2013-05-04", "2012-01-01T00:00:00") == "2013-05-04"
    assert choose_published(None, "2012-01-01T09:00:00") == "2012-01-01T09:00:00"


def test_byline_job_titles_are_not_authors():
    from newsgraph.extraction.lines import parse_byline
    assert parse_byline("By Priya Raman, Transport Correspondent") == ["Priya Raman"]
    assert parse_byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]


def test_placeholder_dates_are_no_dates():
    from newsgraph.extraction.html import iso_timestamp
    assert iso_timestamp("0001-01-01T00:00:00+00:00") is None
    assert iso_timestamp("2013-05-04T12:15:00+00:00") == "2013-05-04T12:15:00+00:00"


@pytest.mark.parametrize("given, expected", [("2024-03-12", "2024-03-12"), ("12 March 2024", "2024-03-12"),
                                             ("1710201600", "2024-03-12T00:00:00+00:00"), ("garbage", None)])
def test_a_callers_published_is_normalised_or_reported(given, expected):
    page = Page(content="The mayor opened the new bridge on Monday, officials said.", kind="text",
                origin="t#1", published=given)
    article = extract(page)
    assert article.published == expected
    assert article.has_problem("bad_published") == (expected is None)


def test_a_files_id_does_not_depend_on_how_its_path_was_written(tmp_path, monkeypatch):
    from newsgraph.ids import article_id
    page = tmp_path / "page.txt"
    monkeypatch.chdir(tmp_path)
    assert article_id(None, None, "page.txt#3") == article_id(None, None, f"{page}#3")
    assert article_id(None, None, "page.txt#3") != article_id(None, None, "page.txt#4")
    assert article_id("mine", "https://x.example/a", "page.txt") == "mine"
