"""Article bodies on pages written here: what a body keeps (a lede above a table, a tweet the author quotes, a
sentence that links a long phrase) and the site lines it drops, one class at a time."""
from __future__ import annotations

import pytest

from newsgraph.extraction.capture import JUNK, classify_line
from newsgraph.extraction.fast import FastExtractor
from newsgraph.extraction.furniture import drop_site_lines, site_line_kind, strip_shortcodes
from newsgraph.model import Article, Page

pytest.importorskip("selectolax.lexbor")

PARAS = [
    "The county council voted on Tuesday to close two of its four libraries by the end of the year, citing a "
    "budget shortfall of nearly three million dollars.",
    "Residents packed the meeting room for more than three hours, and many of them asked the council to find "
    "the money somewhere else, such as the road repair fund.",
    "The council's chair, Dana Whitfield, said the decision had been painful but that the county had no other "
    "way to balance its books before the state deadline in March.",
    "A petition to keep the branches open has gathered more than 4,000 signatures, organisers said, and they "
    "plan to present it at the next meeting.",
]


def html_page(body: str, title: str = "Council votes to close two libraries") -> str:
    return f"""<!doctype html><html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="wrap">{body}</div>
<footer><p>Copyright 2024 The County Courier. All rights reserved.</p></footer></body></html>"""


def body_of(html: str) -> str:
    result = FastExtractor(fallback=False).extract(Page(content=html, kind="html", origin="t",
                                                        url="https://courier.example/news/libraries"))
    assert isinstance(result, Article), result
    return result.text


def paras(items) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def test_nested_articles_do_not_outvote_the_article_they_follow():
    """A one-paragraph post followed by excerpts of related posts, each an <article> inside a wrapper
    <article>: the wrapper gathers all their text, but it is not one article."""
    related = "".join(f'<article class="post teaser-{i}"><p>{p.replace("council", f"board {i}")[:110]} …</p>'
                      f'</article>' for i, p in enumerate(PARAS[1:] * 2))
    html = html_page(f'<article class="post main"><h1>Council votes</h1><p>{PARAS[0]}</p></article>'
                     f'<article class="postbox"><h3>You may also like</h3>{related}</article>')
    text = body_of(html)
    assert text.startswith("The county council voted")
    assert "board 1" not in text


def test_text_around_a_results_table_is_kept_with_it():
    rows = "".join(f"<tr><td>{i}</td><td>Driver Number {i}</td><td>{500 - i * 7}</td><td>{i % 3}</td></tr>"
                   for i in range(1, 31))
    html = html_page(f'<div class="story"><p>The standings after the final race of the season, with points, '
                     f'are below for every driver who started at least one race this year.</p>'
                     f'<table><tbody>{rows}</tbody></table>'
                     f'<p>Only the first twelve drivers took part in the play-offs of the last ten races.</p></div>')
    text = body_of(html)
    assert text.startswith("The standings after the final race")
    assert "Driver Number 17" in text
    assert text.rstrip().endswith("of the last ten races.")


def test_an_embedded_post_the_author_quotes_is_kept():
    tweet = ('<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The library is where I learned '
             'to read, and closing it is a terrible mistake for this town.</p>— A Reader (@reader) March 3, 2024'
             '</blockquote></div>')
    html = html_page(f'<div class="story-body">{paras(PARAS[:2])}{tweet}{paras(PARAS[2:])}</div>')
    assert "closing it is a terrible mistake" in body_of(html)


def test_a_sentence_that_links_a_long_phrase_is_prose():
    linked = ('The two branches, both built in the 1960s, had been <a href="/a">threatened once before, in a round '
              'of cuts that the council later reversed</a> after protests.')
    html = html_page(f'<div class="story-body">{paras(PARAS[:2])}<p>{linked}</p>{paras(PARAS[2:])}</div>')
    assert "in a round of cuts that the council later reversed after protests." in body_of(html)


def test_hover_cards_inside_a_paragraph_are_not_text():
    card = ('<span class="rollover-people"><span class="rollover-block">Dana Whitfield<a href="/p">Council '
            'chair profile and latest stories</a></span></span>')
    para = PARAS[2].replace("Dana Whitfield,", f"Dana Whitfield{card},")
    html = html_page(f'<div class="story-body">{paras(PARAS[:2])}<p>{para}</p>{paras(PARAS[3:])}</div>')
    assert "The council's chair, Dana Whitfield, said" in body_of(html)


@pytest.mark.parametrize("line, kind", [
    ("Enjoyed this article? Pass it on to your friends!", "reader_prompt"),
    ("Share this story with a friend.", "reader_prompt"),
    ("Never miss a story: get our alerts on your phone.", "reader_prompt"),
    ("This gallery requires JavaScript to display.", "script_notice"),
    ("Your browser does not support the video tag.", "script_notice"),
    ('[btn href="https://courier.example/tickets" style="big"]Buy tickets[/btn]', "shortcode"),
    ("Last updated: 7:05 am EDT", "stamp"),
    ("Posted on March 3, 2024 at 10:15 a.m.", "stamp"),
    ("Mar. 3, 2024 10:15 AM EST", "stamp"),
    ("PAT SMITH, REUTERS", "credit"),
    ("Lee Chan/AFP via Getty Images", "credit"),
    ("Our correspondent Ravi Patel contributed to this story.", "contributor"),
    ("Additional reporting by Ana Lima in Lisbon", "contributor"),
    ("Sam Reyes can be reached at sreyes@courier.example.", "contributor"),
])
def test_site_line_classes(line, kind):
    assert site_line_kind(line) == kind
    assert classify_line(line) in JUNK  # the raw-capture cleaner drops them too


@pytest.mark.parametrize("line", [
    "The mayor said the county would share the cost with the state, officials said on Tuesday.",
    "Updated figures from the census arrived on Monday and showed the town growing.",
    "He told reporters that he would follow her on the campaign trail all summer.",
    "The company started a newsletter in 2019 to reach its customers.",
    "He said [the chair] was wrong [sic] to close the branch.",
    "Opening hours: 9.30 A.M. / 7.00 P.M.",
    "Lisbon, Portugal",
    PARAS[0],
])
def test_article_lines_are_not_site_lines(line):
    assert site_line_kind(line) is None


def test_shortcodes_keep_the_text_they_wrap():
    assert strip_shortcodes('[caption id="a1" align="left"]The branch on Main Street.[/caption]') == \
        "The branch on Main Street."
    assert strip_shortcodes("He wrote [sic] twice.") == "He wrote [sic] twice."


def test_a_teaser_block_goes_with_its_heading():
    body = PARAS[:2] + ["More Great Local Stories", "Why the bridge is still closed", "Five new cafés to try",
                        "Is the bus plan working?"]
    assert drop_site_lines(body) == PARAS[:2]
    # a heading of the same shape followed by prose is a section of the article
    assert drop_site_lines(PARAS[:1] + ["Other news", PARAS[1]]) == [PARAS[0], "Other news", PARAS[1]]


def test_site_lines_leave_an_html_body():
    extra = ("<p>Like this story? Share it with a friend!</p><p>This slideshow requires JavaScript.</p>"
             "<p>Updated 9:40 pm CST</p><p>KIM LEE, ASSOCIATED PRESS</p>"
             "<p>Jo Park of the Courier contributed to this report.</p>")
    html = html_page(f'<div class="story-body">{paras(PARAS)}{extra}</div>')
    text = body_of(html)
    assert text.split("\n\n") == PARAS


def test_an_address_the_author_prints_is_text():
    listing = "".join(f'<p>{i}) A board game for the whole family, number {i}</p>'
                      f'<p><a href="https://shop.example/item{i}">https://shop.example/item{i}</a></p>'
                      for i in range(1, 6))
    html = html_page(f'<div class="story-body">{paras(PARAS[:2])}{listing}</div>')
    assert "https://shop.example/item3" in body_of(html)


def test_a_lede_set_above_the_lead_image_stays_with_the_body():
    """The lede sits above the picture, the rest of the story in a box below it: the lede alone scores too
    little to be taken, but it touches the body."""
    lede = ("A county that once ran four libraries will soon have two, after a vote that left residents angry "
            "and the council's chair apologising for the cuts.")
    html = html_page(f'<div class="story"><p>{lede}</p>'
                     f'<div class="image"><img src="a.jpg"><span>Photo: County Courier</span></div>'
                     f'<div class="story-text">{paras(PARAS)}</div>'
                     f'<div class="more-links"><a href="/1">Bridge closed again</a> <a href="/2">Bus plan</a> '
                     f'<a href="/3">New school head</a></div></div>')
    text = body_of(html)
    assert text.startswith(lede)
    assert "Bridge closed" not in text and "Photo:" not in text
