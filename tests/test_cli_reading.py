"""Reading the knowledge base from the CLI as a person does (issue 14): `show` lays an article out with its quotes
marked, lists page with --offset and say how many there are, empty results are worded one way with one exit-code
policy, and a search's speaker filter finds a person by any of their names. The articles are made up for these
tests and ingested by the real pipeline."""
from __future__ import annotations

import io
import json
import random
import re

import pytest
from click.testing import CliRunner
from rich.console import Console

from newsgraph.cli.main import cli

SPEAKER = "Ines Varga"
REPORT = {
    "id": "ferry-1",
    "title": "Harbour council delays the ferry contract",
    "published": "2024-05-14",
    "text": ("The harbour council of Lindmoor delayed the ferry contract on Tuesday after a three-hour debate.\n\n"
             "\"We will not sign a contract that doubles the fares,\" said Ines Varga, the council's finance "
             "chair.\n\nThe operator had asked for 4.2 million euros a year, according to the council's papers. "
             "Tomas Berg, who leads the opposition, said the delay would cost the town its summer timetable.\n\n"
             "A new vote is planned for 3 June."),
}
NOUNS = ("tram", "bridge", "library", "orchard", "quarry", "museum", "pier", "market", "clinic", "warehouse",
         "lighthouse", "festival", "reservoir", "school", "depot", "stadium", "greenhouse", "canal", "archive",
         "bakery", "foundry", "garage", "meadow", "tunnel")
VERBS = ("inspected", "praised", "questioned", "measured", "repaired", "visited", "funded", "mapped", "closed",
         "reopened", "painted", "surveyed")
TIMES = ("on Monday", "last week", "in the morning", "after lunch", "before the storm", "at dawn", "on Friday")


def varied(i: int) -> dict:
    """An article unlike the others (so none is a near-duplicate), naming the harbour and quoting Ines Varga."""
    rng = random.Random(i)
    sentences = [f"Workers {rng.choice(VERBS)} the {rng.choice(NOUNS)} near the {rng.choice(NOUNS)} "
                 f"{rng.choice(TIMES)}, and the {rng.choice(NOUNS)} crew {rng.choice(VERBS)} the "
                 f"{rng.choice(NOUNS)} {rng.choice(TIMES)}." for _ in range(5)]
    said = (f"The {rng.choice(NOUNS)} and the {rng.choice(NOUNS)} come first, then the "
            f"{rng.choice(NOUNS)} {rng.choice(TIMES)}")
    text = (f"{' '.join(sentences[:3])}\n\n\"{said},\" said Ines Varga, the harbour council's finance chair.\n\n"
            f"{' '.join(sentences[3:])}")
    return {"id": f"works-{i}", "title": f"Harbour works, part {i}", "published": f"2024-04-{i + 1:02d}",
            "text": text}


WORKS = 7


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reading")
    lines = [REPORT] + [varied(i) for i in range(WORKS)]
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in lines), encoding="utf-8")
    path = folder / "reading.db"
    result = CliRunner().invoke(cli, ["ingest", "--db", str(path), str(folder / "articles.jsonl")])
    assert result.exit_code == 0, result.output
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# -- show --------------------------------------------------------------------------------------------------------

def test_show_lays_the_article_out_with_its_quotes_marked(db):
    result = run("show", "ferry-1", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == REPORT["title"]
    assert lines[1].startswith("2024-05-14 · ") and "id ferry-1" in lines[1]
    record = json.loads(run("show", "ferry-1", "--db", db, "--format", "json").stdout)
    quotes = record["quotes"]
    direct = [i for i, q in enumerate(quotes) if q["kind"] == "direct" and q["speaker"]["name"] == SPEAKER]
    assert direct, quotes
    i = direct[0]
    # Not a terminal: the quote is bracketed in the text with its number, exactly its span's words.
    assert f"[q{i + 1} {quotes[i]['text']}]" in result.stdout
    assert result.stdout.count("[q") == len(quotes)
    # Then the quotes with speaker, kind and how the speaker was found; entities; figures; dates.
    sections = {name: result.stdout.index(f"\n{name} (") for name in ("Quotes", "Entities", "Figures", "Dates")}
    assert list(sections) == sorted(sections, key=sections.get)
    quote_block = result.stdout[sections["Quotes"]:sections["Entities"]]
    assert f"q{i + 1}  {SPEAKER} — direct" in quote_block and f"found by {quotes[i]['speaker']['via']}" in quote_block
    assert f"“{quotes[i]['text']}”" in quote_block
    assert "Tomas Berg" in result.stdout[sections["Entities"]:sections["Figures"]]
    figures = result.stdout[sections["Figures"]:sections["Dates"]]
    assert "4.2 million" in figures and len(record["figures"]) >= 1
    dates = result.stdout[sections["Dates"]:]
    assert any(t["value"] and t["value"] in dates for t in record["times"])


def test_show_keeps_the_json_record_and_indented_json(db):
    compact = run("show", "ferry-1", "--db", db, "--format", "json")
    pretty = run("show", "ferry-1", "--db", db, "--format", "pretty")
    assert compact.exit_code == pretty.exit_code == 0
    assert len(compact.stdout.strip().splitlines()) == 1 and "\n  " in pretty.stdout
    assert json.loads(compact.stdout) == json.loads(pretty.stdout)
    assert json.loads(compact.stdout)["id"] == "ferry-1"


def test_on_a_colour_terminal_quotes_take_their_speakers_colour():
    from newsgraph.cli.article import marked_text, render, speaker_colours
    text = "\"First words,\" said Ana. Bo said the plan was late. \"Second words,\" Ana added. [bold]x[/bold]\x1b[2J"
    quote = lambda words, kind, who: {"text": words, "span": [text.index(words), text.index(words) + len(words)],
                                      "kind": kind, "speaker": {"name": who, "text": who}}
    record = {"id": "t", "title": "T", "text": text,
              "quotes": [quote("First words", "direct", "Ana"), quote("the plan was late", "indirect", "Bo"),
                         quote("Second words", "direct", "Ana")]}
    colours = speaker_colours(record["quotes"])
    assert colours["Ana"] != colours["Bo"]
    marked = marked_text(record, colour=True)
    styles = {marked.plain[s.start:s.end]: str(s.style) for s in marked.spans}
    assert styles["First words"] == styles["Second words"] == f"{colours['Ana']} bold"  # one speaker, one colour
    assert styles["the plan was late"] == f"{colours['Bo']} italic"  # reported, not their words
    assert "[q" not in marked.plain
    out = io.StringIO()
    render(record, Console(file=out, force_terminal=True, color_system="standard", width=200))
    shown = out.getvalue()
    assert "\x1b[" in shown and "[bold]x[/bold]" in shown  # coloured; stored markup printed as it is, not applied
    assert "\x1b[2J" not in shown  # the article's own escape sequence is shown escaped, never sent


def test_show_names_the_agency_beside_the_authors():
    from newsgraph.cli.article import render
    record = {"id": "w", "title": "Ferry late", "text": "The ferry ran late.", "authors": ["Ola Berg"],
              "agency": "Northern Wire", "source": "example.org"}
    out = io.StringIO()
    render(record, Console(file=out, width=200))
    meta = next(line for line in out.getvalue().splitlines() if "by Ola Berg" in line)
    assert "Northern Wire" in meta
    out = io.StringIO()
    render({k: v for k, v in record.items() if k != "agency"}, Console(file=out, width=200))
    assert "Northern Wire" not in out.getvalue()


def test_show_of_an_unknown_id_is_an_error(db):
    result = run("show", "no-such-id", "--db", db)
    assert result.exit_code == 1 and "no article found for id 'no-such-id'" in result.stderr
    assert result.stdout == ""


# -- counts and paging -------------------------------------------------------------------------------------------

def test_search_pages_with_offset_and_says_how_many(db):
    first = run("search", "harbour", "--db", db, "-n", "3")
    assert first.exit_code == 0, first.output
    total = WORKS + 1
    assert f"showing 1–3 of {total} articles" in first.stderr
    second = run("search", "harbour", "--db", db, "-n", "3", "--offset", "3")
    assert f"showing 4–6 of {total} articles" in second.stderr
    seen = []
    for offset in range(0, total + 3, 3):
        seen += [h["id"] for h in jsonl(run("search", "harbour", "--db", db, "-n", "3", "--offset", str(offset),
                                            "--format", "jsonl"))]
    assert len(seen) == len(set(seen)) == total  # every match once across the pages
    past = run("search", "harbour", "--db", db, "--offset", "50")
    assert past.exit_code == 0 and past.stdout == "" and f"of {total} articles" in past.stderr
    assert run("search", "harbour", "--db", db, "--offset", "-5").exit_code == 2


def test_search_past_the_count_cap_says_more_than(db, monkeypatch):
    from newsgraph import query
    from newsgraph.query import pages
    monkeypatch.setattr(pages, "COUNT_CAP", 4)
    monkeypatch.setattr(query, "COUNT_CAP", 4)
    first = run("search", "harbour", "--db", db, "-n", "3")
    assert first.exit_code == 0 and "showing 1–3 of more than 4 articles" in first.stderr


def test_search_says_when_it_ranked_the_newest_matches_only(db):
    total = WORKS + 1
    narrow = run("search", "harbour", "--db", db, "-n", "2", "--window", "3")
    assert narrow.exit_code == 0 and f"showing 1–2 of {total} articles; the best among the 3 stored last" in narrow.stderr
    assert "stored last" not in run("search", "harbour", "--db", db, "-n", "2").stderr  # 5,000: all ranked
    assert "stored last" not in run("search", "harbour", "--db", db, "-n", "2", "--window", "0").stderr


def test_quotes_and_entity_pages_with_offset_and_say_how_many(db):
    everything = jsonl(run("quotes", "--db", db, "--speaker", SPEAKER, "--format", "jsonl", "-n", "100"))
    assert len(everything) >= WORKS + 1
    page = run("quotes", "--db", db, "--speaker", SPEAKER, "-n", "3", "--offset", "3")
    assert page.exit_code == 0, page.output
    assert f"showing 4–6 of {len(everything)} quotes" in page.stderr
    paged = jsonl(run("quotes", "--db", db, "--speaker", SPEAKER, "-n", "3", "--offset", "3", "--format", "jsonl"))
    assert paged == everything[3:6]
    entity = run("entity", SPEAKER, "--db", db, "-n", "2", "--offset", "2")
    assert entity.exit_code == 0, entity.output
    by_them = json.loads(run("entity", SPEAKER, "--db", db, "-n", "100", "--format", "jsonl").stdout)["quotes"]
    assert f"showing 3–4 of {len(by_them)} quotes" in entity.stdout
    shown = json.loads(run("entity", SPEAKER, "--db", db, "-n", "2", "--offset", "2", "--format", "jsonl").stdout)
    assert shown["quotes"] == by_them[2:4]


# -- empty results: one wording, one exit-code policy ------------------------------------------------------------

@pytest.mark.parametrize("args, said", [
    (["search", "zeppelin"], "no articles found for query 'zeppelin'"),
    (["search", "harbour", "--since", "2030"], "no articles found for query 'harbour', since '2030'"),
    (["quotes", "--speaker", "Nobody Atall"], "no quotes found for speaker 'Nobody Atall'"),
    (["quotes", "--about", "zeppelin", "--format", "jsonl"], "no quotes found for about 'zeppelin'"),
])
def test_a_query_that_finds_nothing_says_so_and_exits_0(db, args, said):
    result = run(*args, "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and said in result.stderr


def test_an_empty_csv_is_its_header(db):
    result = run("quotes", "--speaker", "Nobody Atall", "--format", "csv", "--db", db)
    assert result.exit_code == 0 and result.stdout.startswith("speaker,kind,text")
    assert len(result.stdout.splitlines()) == 1 and "no quotes found" in result.stderr


@pytest.mark.parametrize("args, said", [
    (["show", "nope"], "no article found for id 'nope'"),
    (["entity", "Nobody Atall"], "no entity found for name 'Nobody Atall'"),
    (["timeline", "Nobody Atall"], "no entity found for name 'Nobody Atall'"),
    (["story", "nope"], "no story found for id 'nope'"),
    (["quote", "999999"], "no quotation found for cluster #999999"),
])
def test_a_name_or_id_that_designates_nothing_is_exit_1(db, args, said):
    result = run(*args, "--db", db)
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and said in result.stderr


def test_timeline_of_a_known_entity_still_prints_its_table(db):
    result = run("timeline", SPEAKER, "--db", db)
    assert result.exit_code == 0 and result.stdout.startswith("period")
    assert re.search(r"^2024-05-14\s+1\s", result.stdout, re.M)
