"""What the store commands print: the results' as_dict() fields, and quotes a reader can trace and trust."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import explore, store as store_cli
from newsgraph.storage import open_store
from storage_contract.corpus import corpus


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.db")
    with open_store(path) as s:
        corpus(s)
    return path


def _run(command, args) -> str:
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_quotes_table_shows_kind_and_article_and_marks_only_direct_words(db):
    lines = _run(store_cli.quotes, ["--db", db, "--speaker", "costa"]).splitlines()
    heads, words = lines[0::2], lines[1::2]
    assert heads[0].startswith("Maria Costa — 2014-04-02 — indirect — ") and heads[0].endswith("[b]")
    assert heads[1].split(" — ")[2] == "direct" and heads[1].endswith("[a]")
    said = "the new contract was a fair deal for everyone at the port"
    assert words == [f"    {said}", f"    “{said}”"]  # the indirect report is not put in quotation marks


def test_quotes_jsonl_and_csv_carry_the_same_fields(db):
    rows = [json.loads(line) for line in _run(store_cli.quotes, ["--db", db, "--format", "jsonl"]).splitlines()]
    assert [(r["article"], r["kind"]) for r in rows] == [("b", "indirect"), ("a", "direct")]
    table = list(csv.DictReader(io.StringIO(_run(store_cli.quotes, ["--db", db, "--format", "csv"]))))
    assert [(r["article"], r["kind"], r["text"]) for r in table] == [(r["article"], r["kind"], r["text"])
                                                                     for r in rows]


def test_entity_page_lists_its_quotes_with_kind_and_article(db):
    out = _run(explore.entity, ["costa", "--db", db])
    assert "  2014-04-02 — indirect — " in out and "[b]" in out
    assert json.loads(_run(explore.entity, ["costa", "--db", db, "--format", "jsonl"]))["quotes"][1]["kind"] == "direct"


def test_a_search_snippet_is_one_line_with_its_matches_bracketed():
    """Paragraph breaks inside a snippet are spaces on the terminal (they printed as a visible \\x0a escape)."""
    from newsgraph.cli.render import bracketed
    from newsgraph.storage.base import MATCH_CLOSE, MATCH_OPEN
    snippet = f"the ferry sails at dawn.\n\nThe {MATCH_OPEN}harbour{MATCH_CLOSE} master said"
    assert bracketed(snippet) == "the ferry sails at dawn.  The [harbour] master said"
