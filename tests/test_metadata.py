"""Metadata and not-an-article decisions, on pages written here and on the real WARC in ../shared."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from conftest import shared_path
from newsgraph.extraction import extract, listing_page
from newsgraph.extraction.meta import dom_authors, strip_site_segments
from newsgraph.model import Article, Rejected
from newsgraph.sources import read


def test_listing_pages_by_url_shape():
    assert listing_page("https://news.example/")
    assert listing_page("https://news.example/tag/elections/")
    assert listing_page("https://news.example/login?next=/x")
    assert listing_page("https://news.example/author/jane-doe")
    assert listing_page("https://news.example/2024/05/04/talks-resume") is None
    assert listing_page("https://news.example/world/tagging-birds-in-the-arctic") is None
    assert listing_page(None) is None


def test_site_and_section_segments_leave_the_title():
    assert strip_site_segments("Common Crawl - Blog - March Newsletter", ["", "commoncrawl"]) == "March Newsletter"
    assert strip_site_segments("Semantic Scholar | About Us", ["", "semanticscholar"]) == "About Us"
    assert strip_site_segments("Rates rise again", ["Daily Planet"]) == "Rates rise again"
    # Never strip everything: a title that is only the site's name stays.
    assert strip_site_segments("Daily Planet", ["Daily Planet"]) == "Daily Planet"


def test_visible_byline_when_metadata_names_nobody():
    tree = LexborHTMLParser('<div class="post-byline">By Jane Doe</div><span class="author-name">Li Wei</span>'
                            '<div class="author-bio">Writes about rivers and the people who live by them.</div>')
    assert dom_authors(tree) == ["Jane Doe", "Li Wei"]


def test_real_warc_pages_metadata():
    path = shared_path("data", "warc", "dolma-sample-0001.warc.gz")
    items = [extract(p) if not isinstance(p, Rejected) else p for p in read([path])]
    articles = {a.url: a for a in items if isinstance(a, Article)}
    skipped = [r for r in items if isinstance(r, Rejected)]
    assert {r.code for r in skipped} == {"not_article"}
    assert all(listing_page(a.url) is None for a in articles.values())
    post = next(a for u, a in articles.items() if "/2024/03/28/" in u)
    assert post.title.startswith("CC Joins Civil Society Letter")
    assert post.published.startswith("2024-03-28")
    assert post.authors == ["Brigitte Vézina"]
    assert post.source == "Creative Commons"
    assert post.fetched.startswith("2024-04-25")
    newsletter = next(a for u, a in articles.items() if "newsletter" in u)
    assert not newsletter.title.startswith("Common Crawl")
    assert newsletter.published.startswith("2024-03-26")
