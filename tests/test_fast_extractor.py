"""The fast extractor on pages written here: boilerplate around an article, metadata, pages with no article."""
from __future__ import annotations

import json

import pytest

from newsgraph.extraction import EXTRACTORS, extract
from newsgraph.extraction.blocks import main_content
from newsgraph.extraction.fast import FastExtractor
from newsgraph.extraction.meta import clean_authors, strip_site_name
from newsgraph.model import Article, Page, Rejected

selectolax = pytest.importorskip("selectolax.lexbor")

PARAS = [
    "The harbour authority said on Friday that the strike by dock workers would end next week, after two "
    "months of talks between the union and the port operators.",
    "“We have an agreement that protects jobs and wages,” said Maria Lopes, the union's secretary general, "
    "speaking to reporters outside the port offices.",
    "The stoppage had left more than 40 ships waiting at anchor, and exporters estimated their losses at "
    "several million euros, according to the chamber of commerce.",
    "Under the deal, workers will receive a pay rise of 4 percent this year and a further 3 percent in 2025, "
    "while the operators keep the right to introduce new cranes.",
]
NAV = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
RELATED = "".join(f'<li><a href="/r{i}">Another story about ports and ships number {i}</a></li>' for i in range(6))
LD = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour strike ends after deal",
      "datePublished": "2024-05-03T14:20:00+02:00", "author": [{"@type": "Person", "name": "Ana Costa"},
                                                              {"@type": "Person", "name": "John Smith"}],
      "publisher": {"@type": "Organization", "name": "Port Gazette"}}


def article_page(body_paras=PARAS, extra_body: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in body_paras)
    return f"""<!doctype html><html><head>
<title>Harbour strike ends after deal | Port Gazette</title>
<meta property="og:title" content="Harbour strike ends after deal">
<meta property="og:site_name" content="Port Gazette">
<meta property="og:image" content="https://gazette.example/img/port.jpg">
<link rel="canonical" href="https://gazette.example/news/harbour-strike">
<script type="application/ld+json">{json.dumps(LD)}</script>
<style>.x {{ color: red }}</style></head>
<body><header class="site-header"><a href="/">Port Gazette</a><nav><ul>{NAV}</ul></nav></header>
<div class="layout"><main><article>
<h1>Harbour strike ends after deal</h1>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
<div class="article-body">{paras}</div>
<div class="related-stories"><h3>Related</h3><ul>{RELATED}</ul></div>
</article>
<section id="comments" class="comments"><p>I have been waiting for this deal for months, finally some good
news for the workers and the city, well done to everyone involved.</p></section>
</main><aside class="sidebar"><p>Subscribe to our newsletter for the best stories of the week, every week,
straight to your inbox, with no spam at all.</p></aside>{extra_body}</div>
<footer><p>© 2024 Port Gazette. All rights reserved. Terms of use and privacy policy apply here.</p></footer>
<script>var tracking = "a very long script text that is not the article at all, not even close";</script>
</body></html>"""


def page(html: str, url: str = "https://gazette.example/news/harbour-strike?ref=home") -> Page:
    return Page(content=html, kind="html", origin="test.html", url=url)


def test_article_body_is_chosen_without_boilerplate():
    article = FastExtractor(fallback=False).extract(page(article_page()))
    assert isinstance(article, Article)
    assert article.text.split("\n\n") == PARAS
    for noise in ("Section 1", "Share on Facebook", "Another story", "waiting for this deal", "newsletter",
                  "All rights reserved", "tracking", "Related"):
        assert noise not in article.text


def test_metadata_from_tags_and_json_ld():
    article = FastExtractor(fallback=False).extract(page(article_page()))
    assert article.title == "Harbour strike ends after deal"
    assert article.published == "2024-05-03T14:20:00+02:00"
    assert article.authors == ["Ana Costa", "John Smith"]
    assert article.source == "Port Gazette"
    assert article.canonical_url == "https://gazette.example/news/harbour-strike"
    assert article.image == "https://gazette.example/img/port.jpg"


def test_registered_and_selectable_beside_trafilatura():
    assert {"fast", "trafilatura"} <= set(EXTRACTORS)
    article = extract(page(article_page()), html_extractor="fast")
    assert isinstance(article, Article) and article.id.startswith("u") and article.language == "en"
    assert article.url == "https://gazette.example/news/harbour-strike?ref=home"


def test_page_without_an_article_is_rejected():
    links = "".join(f'<li><a href="/p{i}">Product page {i}</a></li>' for i in range(30))
    html = f"<html><head><title>Shop</title></head><body><nav><ul>{links}</ul></nav>" \
           f"<div class='grid'><ul>{links}</ul></div><footer>Contact us</footer></body></html>"
    result = FastExtractor(fallback=False).extract(page(html))
    assert isinstance(result, Rejected) and result.code == "not_article" and not result.fatal


def test_article_cut_into_chunks_by_ads_is_joined():
    chunks = "".join(f'<div class="story-chunk"><p>{p}</p></div><div class="ad-slot">Advertisement</div>'
                     for p in PARAS)
    html = f"<html><body><nav><ul>{NAV}</ul></nav><div class='wrap'>{chunks}</div></body></html>"
    found = main_content(selectolax.LexborHTMLParser(html))
    assert found is not None and found.paragraphs == PARAS


def test_table_rows_read_as_lines_with_spaced_cells():
    rows = "".join(f"<tr><td>{n}</td><td>Driver {n}</td><td>{5000 - n}</td></tr>" for n in range(1, 4))
    html = f"<html><body><article>{''.join(f'<p>{p}</p>' for p in PARAS)}<table>{rows}</table></article></body></html>"
    found = main_content(selectolax.LexborHTMLParser(html))
    assert "1 Driver 1 4999" in found.paragraphs


def test_a_big_wrapper_with_a_boilerplate_class_is_not_skipped():
    html = f"<html><body><div class='page has-sidebar'><div>{''.join(f'<p>{p}</p>' for p in PARAS)}</div>" \
           f"</div></body></html>"
    found = main_content(selectolax.LexborHTMLParser(html))
    assert found is not None and found.paragraphs == PARAS


def test_low_confidence_goes_to_trafilatura_when_fallback_is_on():
    short = FastExtractor.confident(main_content(selectolax.LexborHTMLParser(article_page(PARAS[:1]))))
    full = FastExtractor.confident(main_content(selectolax.LexborHTMLParser(article_page())))
    assert full and not short


def test_title_is_the_h1_when_the_page_title_wraps_it():
    html = article_page().replace('<meta property="og:title" content="Harbour strike ends after deal">', "")
    html = html.replace("<title>Harbour strike ends after deal | Port Gazette</title>",
                        "<title>Port Gazette - News - Harbour strike ends after deal</title>")
    html = html.replace('"headline": "Harbour strike ends after deal", ', "")
    assert FastExtractor(fallback=False).extract(page(html)).title == "Harbour strike ends after deal"


def test_title_and_author_helpers():
    assert strip_site_name("Harbour strike ends | Port Gazette", "Port Gazette") == "Harbour strike ends"
    assert strip_site_name("BBC News - Assange case dropped", "BBC News") == "Assange case dropped"
    assert strip_site_name("Assange case dropped by Sweden - BBC News", None) == "Assange case dropped by Sweden"
    assert strip_site_name("Left - right: a debate", None) == "Left - right: a debate"
    assert strip_site_name("Plain headline", None) == "Plain headline"
    assert clean_authors(["By Ana Costa and John Smith", "https://x.org/ana", "ana costa"]) == \
        ["Ana Costa", "John Smith"]


def test_byline_and_date_lines_leave_the_body_for_the_metadata():
    from newsgraph.extraction.fast import strip_lead_furniture
    body = ["Sept. 7, 2022 · by Samuel Mensah",
            "A new vaccine cut infections by half in a trial, researchers reported on Tuesday.",
            "By the end of the trial, 4,800 children had taken part."]
    kept, authors, published = strip_lead_furniture(body)
    assert kept == body[1:]
    assert authors == ["Samuel Mensah"]
    assert published == "2022-09-07"
    # A sentence that starts with "By" is text, not a byline, and stops the scan.
    assert strip_lead_furniture(body[2:])[0] == body[2:]


def test_deeply_nested_html_is_an_answer_not_a_crash():
    from newsgraph.extraction import extract
    from newsgraph.model import Article, Page, Rejected
    depth = 5000
    html = ("<html><body>" + "<div>" * depth + "<p>" + "The council voted on the bridge plan. " * 30 + "</p>"
            + "</div>" * depth + "</body></html>")
    for name in ("fast", "trafilatura"):
        result = extract(Page(content=html, kind="html", origin="deep.html"), html_extractor=name)
        assert isinstance(result, (Article, Rejected))
        if isinstance(result, Rejected):
            assert result.code in ("not_article", "too_short") and not result.fatal
