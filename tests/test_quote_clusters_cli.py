"""Quotation clusters end to end: short news-like articles quoting one mayor (whole, trimmed, with a changed word,
and once put in another man's mouth) ingested with the whole pipeline, then read through the CLI."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli

ARTICLES = [
    {"id": "a1", "url": "https://daily-herald.example/2024/05/01/budget", "published": "2024-05-01", "title": "Mayor vows fight over budget", "text": "The city budget fight grew louder on Tuesday. Mayor Jane Holloway told reporters at City Hall: \"We will not back down, and we will win this fight for our children and for every family in this city.\" The council meets again next week."},
    {"id": "a2", "url": "https://morning-post.example/news/holloway-budget", "published": "2024-05-02", "title": "Holloway digs in", "text": "Jane Holloway, the mayor, dug in on Wednesday. \"We will not back down,\" Holloway said. \"We will win this fight for our children.\" Council members said they were unmoved."},
    {"id": "a3", "url": "https://evening-star.example/city/budget-row", "published": "2024-05-03", "title": "Budget row", "text": "The budget row continued on Thursday. Mayor Jane Holloway said: \"We will not back off, and we will win this fight for our children and for every family in this city.\" Critics called the remark divisive."},
    {"id": "a4", "url": "https://weekly-times.example/politics/budget", "published": "2024-05-04", "title": "Council leader speaks", "text": "Council leader Marcus Reed addressed a rally on Friday. \"We will not back down, and we will win this fight for our children and for every family in this city,\" Reed said. The rally drew hundreds."},
    {"id": "a5", "url": "https://gazette.example/local/other", "published": "2024-05-04", "title": "Parks plan", "text": "Parks director Ana Silva unveiled a plan on Friday. \"The new parks will open before the summer holidays begin next year,\" Silva said. Residents welcomed the news."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("clusters")
    data = folder / "articles.jsonl"
    data.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = str(folder / "clusters.db")
    result = CliRunner().invoke(cli, ["ingest", str(data), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def _run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout  # stderr holds notes and the "showing 1–2 of 2 quotations" line


def _clusters(db, *flags):
    return [json.loads(line) for line in _run("quotes", *flags, "--format", "jsonl", "--db", db).splitlines()]


def test_one_cluster_per_quotation_with_its_counts_and_first_appearance(db):
    rows = _clusters(db, "--unique")
    assert [r["occurrences"] for r in rows] == [4, 1]
    mayor = rows[0]
    assert mayor["text"].startswith("We will not back down, and we will win this fight")
    assert mayor["first_seen"] == {"published": "2024-05-01", "article": "a1", "source": "daily-herald.example"}
    assert (mayor["speaker"], mayor["speaker_votes"], mayor["votes"]) == ("Jane Holloway", 3, 4)
    assert (mayor["stories"], mayor["outlets"], mayor["drifted"]) == (4, 4, 1)
    assert [r["first_seen"]["article"] for r in _clusters(db, "--first-seen")] == ["a1", "a5"]
    result = CliRunner().invoke(cli, ["quotes", "--unique", "--db", db])
    assert "showing 1–2 of 2 quotations" in result.stderr
    table = result.stdout.splitlines()
    assert len(table) == 4 and table[0].startswith("#") and table[1].startswith("    “We will not back down")


def test_the_misattribution_is_a_conflict_with_the_articles_on_each_side(db):
    rows = _clusters(db, "--conflicts")
    assert len(rows) == 1 and rows[0]["speaker"] == "Jane Holloway"
    page = json.loads(_run("quote", str(rows[0]["id"]), "--format", "json", "--db", db))
    sides = {s["name"]: s["articles"] for s in page["conflicts"]}
    assert sides == {"Jane Holloway": ["a1", "a2", "a3"], "Marcus Reed": ["a4"]}
    text = _run("quote", str(rows[0]["id"]), "--db", db)
    assert "CONFLICT" in text and "Marcus Reed" in text


def test_the_changed_word_is_drift_and_the_trimmed_excerpt_is_not(db):
    cluster_id = _clusters(db, "--unique")[0]["id"]
    page = json.loads(_run("quote", str(cluster_id), "--format", "json", "--db", db))
    drifted = {d["article"]: d["drift"]["inline"] for d in page["drift"]}
    assert list(drifted) == ["a3"] and "[-down-] {+off+}" in drifted["a3"]
    trimmed = next(o for o in page["occurrences"] if o["article"] == "a2")
    assert trimmed["drift"]["excerpt"] and not trimmed["drift"]["drifted"]
    assert [day for day, _ in page["by_day"]] == ["2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04"]


def test_rebuilding_gives_the_same_clusters(db):
    before = _clusters(db, "--unique")
    _run("reindex", "--clusters", "--db", db)
    assert [(r["text"], r["occurrences"], r["conflict"]) for r in _clusters(db, "--unique")] == [
        (r["text"], r["occurrences"], r["conflict"]) for r in before]


def test_an_unknown_cluster_is_a_clear_error(db):
    result = CliRunner().invoke(cli, ["quote", "999", "--db", db])
    assert result.exit_code == 1 and "no quotation found for cluster #999" in result.output


def test_cluster_lists_refuse_the_single_quote_filters(db):
    result = CliRunner().invoke(cli, ["quotes", "--unique", "--speaker", "Holloway", "--db", db])
    assert result.exit_code == 2 and "filter single quotes" in result.output


def test_a_store_made_before_clusters_reads_as_unclustered_until_reindex(db, tmp_path):
    import shutil
    from newsgraph.storage.sqlite.engine import sqlite3
    old = str(tmp_path / "old.db")
    shutil.copy(db, old)
    with sqlite3.connect(old) as conn:  # what a store written before issue 18 looks like
        for table in ("quote_keys", "quote_occurrences", "quote_clusters", "quote_articles"):
            conn.execute(f"DROP TABLE {table}")
    result = CliRunner().invoke(cli, ["quotes", "--unique", "--db", old])  # a reader: read-only, no upgrade
    assert result.exit_code == 0 and "reindex --clusters" in result.output
    assert "#" not in result.output
    _run("reindex", "--clusters", "--db", old)
    assert [r["occurrences"] for r in _clusters(old, "--unique")] == [4, 1]
