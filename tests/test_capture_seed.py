"""The capture cleaner on the project's seed page, and on captures of other shapes written here.

The seed is read from ../shared (skipped when absent). The small captures below imitate other outlets' furniture
(menus with separators, share rows, bylines, cookie notices, agency credits, a German page) so the method is shown
to be general rather than fitted to the seed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extraction import extract
from newsgraph.extraction.capture import (classify_line, clean_capture, drop_repeats, find_dateline, find_title,
                                          is_near_repeat, split_lines, classify_lines)
from newsgraph.extraction.dates import parse_dateline
from newsgraph.extraction.lines import is_boilerplate, is_credit, is_furniture, parse_byline
from newsgraph.model import Page, Rejected

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_ccea4d01f72bd314.txt"


@pytest.fixture(scope="module")
def seed_article():
    if not SEED.exists():
        pytest.skip(f"seed capture not found at {SEED} (needs the shared data checkout beside the repo)")
    page = Page(content=SEED.read_text(encoding="utf-8"), kind="capture", origin=str(SEED))
    article = extract(page)
    assert not isinstance(article, Rejected), article
    return article


@pytest.mark.shared
def test_seed_title_and_date(seed_article):
    assert seed_article.title == "Russia open to talks with all Syrian opposition members – Lavrov"
    assert seed_article.published == "2013-05-04T12:15:00"
    assert seed_article.language == "en"
    assert not seed_article.has_problem("no_date_found")


@pytest.mark.shared
def test_seed_body_has_no_furniture_credit_or_headline(seed_article):
    text = seed_article.text
    assert not any("icon" in line.split()[0] for line in text.split("\n\n"))
    assert "bookmarkicon" not in text
    assert "AFP Photo" not in text
    assert seed_article.title not in text


@pytest.mark.shared
def test_seed_repeated_paragraph_kept_once_and_body_bounds(seed_article):
    paragraphs = seed_article.text.split("\n\n")
    assert seed_article.text.count("The message came in the form of a letter") == 1
    assert paragraphs[0].startswith("In an effort to broker")
    assert paragraphs[-1].endswith("stand down.")
    # The sub-heading is kept (documented choice), as its own paragraph, before the paragraph it heads.
    assert "UN 'politicizing' Syria chemical weapons issue" in paragraphs
    assert len(paragraphs) == 22


BROADCASTER = """Skip to content
Home | News | Sport | Weather | Business
Harbour council approves new bridge after two-year dispute
Saturday, 4 May 2013 12:15 GMT
Share this with
Email
Facebook
The harbour council voted on Friday to approve a new bridge across the estuary, ending a two-year dispute.
Image copyright Getty Images
Councillor Maria Lopez said the decision was "long overdue" and that work would begin in the spring.
Opponents said the cost, estimated at 40 million pounds, was too high for a town of its size.
Funding questions remain
The regional government has promised to cover half of the cost, but the rest must still be found.
Opponents said the cost, estimated at 40 million pounds, was far too high for a town of this size.
Related Topics
Transport
More on this story
"""

LOCAL_PAPER = """The Valley Courier
Local news for the whole valley
Subscribe now | Log in
Farmers warn of poor harvest as drought deepens | The Valley Courier
Farmers warn of poor harvest as drought deepens
By Jane Doe and John Roe
May 4, 2013
Farmers across the valley warned on Thursday that this year's harvest could be the worst in a decade.
"We have not seen rain since February," said Tom Baker, who grows wheat near the river.
REUTERS/Kevin Lamarque
The state agriculture office said it would publish new estimates next week.
He declined to comment.
Tags: drought, farming, weather
We use cookies to improve your experience. By continuing you accept our cookie policy.
© 2013 The Valley Courier. All rights reserved.
"""

GERMAN = """Menü Startseite Politik Wirtschaft Kultur Sport Wissen Reise Auto Digital Video Fotos Podcasts Abo
Regierung plant neue Steuerreform
04.05.2013, 14:30 Uhr
Die Bundesregierung will im kommenden Jahr eine umfassende Steuerreform vorlegen, wie der Finanzminister mitteilte.
Foto: dpa / Michael Kappeler
Kritiker werfen der Regierung vor, die Reform komme zu spät und sei nicht ausreichend finanziert.
"""


def test_broadcaster_shape():
    c = clean_capture(BROADCASTER)
    assert c.title == "Harbour council approves new bridge after two-year dispute"
    assert c.published == "2013-05-04T12:15:00+00:00"
    assert c.paragraphs[0].startswith("The harbour council voted")
    assert c.paragraphs[-1].startswith("The regional government")  # the reworded repeat is gone
    assert "Funding questions remain" in c.paragraphs
    joined = "\n".join(c.paragraphs)
    for junk in ("Getty", "Share this", "Facebook", "Related Topics", "Transport", "Home |"):
        assert junk not in joined
    assert sum(p.startswith("Opponents said") for p in c.paragraphs) == 1


def test_local_paper_shape_with_byline_and_site_suffixed_title():
    c = clean_capture(LOCAL_PAPER)
    assert c.title == "Farmers warn of poor harvest as drought deepens"
    assert c.published == "2013-05-04"
    assert c.authors == ["Jane Doe", "John Roe"]
    assert c.paragraphs[0].startswith("Farmers across the valley")
    assert c.paragraphs[-1] == "He declined to comment."  # a short sentence is body; tags and cookies are not
    joined = "\n".join(c.paragraphs)
    for junk in ("REUTERS", "cookie", "©", "Tags:", "Subscribe", "Valley Courier"):
        assert junk not in joined


def test_non_english_capture():
    c = clean_capture(GERMAN)
    assert c.title == "Regierung plant neue Steuerreform"
    assert c.published == "2013-05-04T14:30:00"
    assert len(c.paragraphs) == 2 and not any("dpa" in p for p in c.paragraphs)
    article = extract(Page(content=GERMAN, kind="capture", origin="mem"))
    assert article.language == "de"


def test_bare_prose_capture_reports_missing_title_and_date():
    text = ("The minister said on Monday that the budget would be balanced by the end of next year.\n"
            "Critics said the plan relied on optimistic growth figures that few economists share.")
    c = clean_capture(text)
    assert c.title is None and c.published is None and len(c.paragraphs) == 2
    assert {code for code, _ in c.problems} == {"no_date_found", "no_title_found"}


def test_capture_of_only_furniture_is_not_an_article():
    page = Page(content="Home | News | Sport | Weather\nShare\nSubscribe now\n", kind="capture", origin="m")
    result = extract(page)
    assert isinstance(result, Rejected) and result.code == "not_article" and not result.fatal


@pytest.mark.parametrize("line,expected", [
    ("4 May, 2013 12:15", "2013-05-04T12:15:00"),
    ("May 4, 2013", "2013-05-04"),
    ("2013-05-04 12:15", "2013-05-04T12:15:00"),
    ("Saturday, 4 May 2013 12:15 GMT", "2013-05-04T12:15:00+00:00"),
    ("04/05/2013", "2013-05-04"),
    ("Published: May 4, 2013 at 3:15 pm EDT", "2013-05-04T15:15:00-04:00"),
    ("MOSCOW, May 4, 2013", "2013-05-04"),
    ("Published time: 4 May, 2013 12:15 Edited time: 5 May, 2013 09:00", "2013-05-04T12:15:00"),
    ("Posted 2013-05-04T12:15:00Z", "2013-05-04T12:15:00+00:00"),
    ("Last updated: 04.05.2013, 14:30", "2013-05-04T14:30:00"),
    ("In 2013 Russia said May was a good month for talks with all sides", None),
    ("Russia open to talks with all Syrian opposition members – Lavrov", None),
    ("May 2013", None),
])
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize("line", [
    "AFP Photo / Zac Baillie", "REUTERS/Kevin Lamarque", "Photo: Reuters", "(Photo by Anna Berg/Getty Images)",
    "Image copyright Getty Images", "Foto: dpa / Michael Kappeler", "Picture credit: Associated Press",
])
def test_credit_lines(line):
    assert is_credit(line) and classify_line(line) == "credit"


@pytest.mark.parametrize("line", [
    "Photo exhibit opens in the city centre",
    "The photo, taken by a Reuters photographer, showed the minister leaving the building.",
    "Russia / Syria relations under strain",
])
def test_not_credit_lines(line):
    assert not is_credit(line)


def test_furniture_and_boilerplate_shapes():
    assert is_furniture("icon " + " ".join(f"{w}icon" for w in "share mail print like save play stop".split()))
    assert is_furniture("Home | World | Business | Tech | Sport")
    assert is_furniture("• • •")
    assert not is_furniture("Syria Crisis: UN Envoy Urges Immediate Ceasefire Talks")
    assert not is_furniture("He said the talks would resume on Monday.")
    assert is_boilerplate("Share this article")
    assert is_boilerplate("Read more: Ten things we learned this week")
    assert is_boilerplate("This site uses cookies. By continuing to browse you agree to our use of cookies.")
    assert not is_boilerplate("He refused to share details of the plan with reporters, officials said.")


def test_byline():
    assert parse_byline("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert parse_byline("By ANNA BERG, MARK LEE") == ["ANNA BERG", "MARK LEE"]
    assert parse_byline("By the end of the week the talks had collapsed.") is None


def test_find_title_prefers_the_repeated_line_over_site_name():
    lines = split_lines("Daily Planet News Online\nMinisters agree on new climate targets\n"
                        "Ministers agree on new climate targets\n" + "Ministers from twenty countries met. " * 3)
    labels = classify_lines(lines)
    assert find_title(lines, labels, labels.index("prose")) == 1
    assert find_dateline(lines, labels) is None


def test_near_repeat_and_drop_repeats():
    assert is_near_repeat("Farmers warn of poor harvest", "Farmers warn of poor harvest | Courier")
    assert not is_near_repeat("Farmers warn", "Farmers warn of poor harvest as drought deepens across the state")
    first = "The message came in the form of a letter, signed by six officials and sent to the council on Monday."
    reworded = "The message came in the form of a letter signed by six officials and sent to the council on Monday."
    other = "The council has not replied, and a spokesman said it would study the letter carefully."
    assert drop_repeats([first, other, reworded]) == [first, other]
    assert drop_repeats(["He said no.", "He said no."]) == ["He said no.", "He said no."]  # too short to judge
