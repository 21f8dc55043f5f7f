"""Pages that are not one article (listings, galleries, live blogs, result tables, police blotters): skipped
with their kind as the reason, kept and flagged on request; stories *about* such things stay articles.
Every page here is written for the test."""
from __future__ import annotations

import json

import pytest

from newsgraph.extraction import extract
from newsgraph.extraction.kinds import classify
from newsgraph.model import Article, Page, Rejected

pytest.importorskip("selectolax.lexbor")

STORY = [
    "The town council agreed on Monday to rebuild the swimming pool that closed last winter, after engineers "
    "found cracks in its concrete walls and a leak beneath the deep end.",
    "Work should start in the spring and take about eighteen months, the council said, and the pool's clubs "
    "will train at the university's pool in the meantime.",
    "Swimmers who spoke at the meeting welcomed the plan but asked for a longer lane and better changing rooms, "
    "which the architects promised to look at before the final design.",
]


def page(paragraphs: list[str], title: str, url: str = "https://local.example/news/item") -> Page:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<div class='story-body'>{body}</div></article></body></html>")
    return Page(content=html, kind="html", origin="test", url=url)


DEALS = ["Our pick of the week's best offers on home gadgets, checked by our team this morning."] + [
    f"{name}: was $%d, now $%d (%d%% off) — buy it at the shop" % (price, price * 3 // 4, 25)
    for name, price in [("Robot vacuum", 299), ("Air fryer", 129), ("Smart speaker", 99), ("Desk lamp", 45),
                        ("Coffee grinder", 79), ("Electric kettle", 59), ("Blender", 149), ("Toaster", 39)]]
RESULTS = ["Results of the county swimming championships, 100 metres freestyle."] + [
    f"{i}. Swimmer Number{i}, Club {chr(64 + i)}, 1:0{i}.{10 + i}" for i in range(1, 10)]
LIVE = ["Follow the count as it happens."] + [
    f"{9 + i}:{10 + i * 3} a.m. — Ballots from ward {i} have arrived at the counting centre and staff are "
    f"sorting them." for i in range(1, 8)]
BLOTTER = [
    f"{i}:{15 + i} p.m. — Officers responded to a report of a theft from a car on Elm Street, block {i}00; "
    f"a man was cited." for i in range(1, 8)]
GALLERY = [f"Photo {i} of 12: Dancers on the main stage at the summer festival" for i in range(1, 9)]


@pytest.mark.parametrize("paragraphs, title, url, code", [
    (DEALS, "Best gadget deals this week", "https://local.example/shopping/deals", "listing"),
    (RESULTS, "Swimming championship results", "https://local.example/sport/results", "results_table"),
    (LIVE, "Live updates: election night count", "https://local.example/news/live-updates-count", "live_blog"),
    (STORY[:2] + ["Tell us what you think below."], "Open thread: the pool plan",
     "https://local.example/blog/open-thread-pool", "live_blog"),
    (BLOTTER, "Police blotter for the week", "https://local.example/news/police-blotter", "police_blotter"),
    (GALLERY, "Photos: summer festival", "https://local.example/gallery/summer-festival", "gallery"),
])
def test_not_one_article_is_skipped_with_its_kind(paragraphs, title, url, code):
    result = extract(page(paragraphs, title, url))
    assert isinstance(result, Rejected)
    assert result.code == code and not result.fatal and result.detail


def test_kept_on_request_with_the_kind_as_a_problem():
    result = extract(page(RESULTS, "Swimming championship results"), keep_non_articles=True)
    assert isinstance(result, Article)
    assert result.has_problem("results_table")
    assert "Swimmer Number3" in result.text


@pytest.mark.parametrize("paragraphs, title, url", [
    (STORY, "Town pool to be rebuilt", "https://local.example/news/pool"),
    # a story about a police log, a gallery and a live event is prose: an article
    (STORY + ["Police said in their weekly blotter that two bicycles had been stolen from the pool's car park "
              "since it closed."], "Police blotter shows thefts at the closed pool",
     "https://local.example/news/police-blotter-pool"),
    (STORY, "Gallery opens beside the old pool", "https://local.example/arts/gallery-opens"),
    (STORY, "Live music returns to the park this summer", "https://local.example/arts/live-music"),
])
def test_stories_stay_articles(paragraphs, title, url):
    assert isinstance(extract(page(paragraphs, title, url)), Article)


def test_a_story_with_a_short_table_is_an_article():
    table = [f"{year}: {visits},000 visits, {cost} staff" for year, visits, cost in
             [(2020, 41, 12), (2021, 38, 11), (2022, 44, 12)]]
    assert classify("\n\n".join(STORY[:2] + table + STORY[2:]), "Pool visits fell before closing") is None


def test_text_the_caller_gives_is_never_classified():
    text = "\n\n".join(RESULTS)
    result = extract(Page(content=text, kind="text", origin="t"))
    assert isinstance(result, Article)


def test_the_cli_skips_them_and_keeps_them_on_request(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli.main import cli
    body = "".join(f"<p>{p}</p>" for p in RESULTS)
    path = tmp_path / "results.html"
    path.write_text(f"<html><head><title>Swimming championship results</title></head><body><article>"
                    f"<h1>Swimming championship results</h1><div class='story-body'>{body}</div></article>"
                    f"</body></html>", encoding="utf-8")
    runner = CliRunner()
    skipped = runner.invoke(cli, ["extract", str(path)])
    assert skipped.exit_code == 0 and not skipped.stdout.strip()
    assert "results_table 1" in skipped.stderr
    kept = runner.invoke(cli, ["extract", str(path), "--keep-non-articles"])
    assert kept.exit_code == 0
    (record,) = [json.loads(line) for line in kept.stdout.splitlines() if line.strip()]
    assert "results_table" in [p["code"] for p in record["problems"]]
