"""Nothing a page says can act on the reader: formula cells, terminal escapes, forged rows, huge integers."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.ids import content_hash
from newsgraph.model import Article, Entity, Mention, Quote, Speaker
from newsgraph.safe import csv_cell, csv_writer, terminal_line, terminal_text
from newsgraph.storage import open_store

OSC_TITLE = "\x1b]0;owned\x07"  # sets the terminal's title, even through a pipe
CLEAR = "\x1b[2J\x1b[H"  # clears the screen
TEXT = f"Mayor Ann Lee{CLEAR} said \"=1+1 is the budget\"{OSC_TITLE} on Tuesday.\r\nAll fine."


def hostile_article() -> Article:
    lee = (0, len("Mayor Ann Lee"))
    q_start = TEXT.index('"') + 1
    q_end = TEXT.index('"', q_start)
    said = TEXT.index("said")
    speaker = Speaker("=HYPERLINK(\"http://evil.test\",\"x\")", lee, "e1", "@SUM(1+1)")
    quote = Quote(TEXT[q_start:q_end], (q_start, q_end), "direct", [(q_start, q_end)], "said", (said, said + 4),
                  speaker, [])
    return Article("id\nforged-row", TEXT, content_hash(TEXT), title="=HYPERLINK(\"http://evil.test\",\"click\")",
                   published="2024-03-01", source="+cmd|' /C calc'!A0", url="https://x.test/a", language="en",
                   entities=[Entity("e1", "Ann Lee" + OSC_TITLE, "PERSON", [Mention(*lee)])], quotes=[quote],
                   pipeline={"newsgraph": "0.1.0"})


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "hostile.db"
    with open_store(path) as store:
        store.put(hostile_article())
    return str(path)


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def no_controls(text: str) -> bool:
    return not any(c in text for c in "\x1b\x07\x9b\r")


def test_csv_cells_that_start_like_formulas_get_an_apostrophe():
    assert [csv_cell(v) for v in ("=1+1", "+1", "-2", "@A1", "\tx", "\rx", "plain", 3, None)] == [
        "'=1+1", "'+1", "'-2", "'@A1", "'\tx", "'\rx", "plain", 3, None]
    out = io.StringIO()
    csv_writer(out).writerows([["=cmd", 1], ["ok", "-x"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=cmd", "1"], ["ok", "'-x"]]


def test_export_csv_neutralises_formula_cells(db):
    result = run("export", "--db", db, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert rows[0]["title"].startswith("'=HYPERLINK") and rows[0]["source"] == "'+cmd|' /C calc'!A0"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())
    assert rows[0]["text"].replace("\r", "") == TEXT.replace("\r", "")  # kept (CSV quotes it)


def test_quotes_csv_neutralises_formula_cells(db):
    result = run("quotes", "--db", db, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["text"] == "'=1+1 is the budget" and rows[0]["title"].startswith("'=")
    assert not rows[0]["speaker"].startswith(("=", "@"))


@pytest.mark.parametrize("args", [["search", "budget"], ["quotes"], ["entity", "Ann Lee"], ["story", "id\nforged-row"],
                                  ["show", "id\nforged-row"]])
def test_human_readable_outputs_escape_control_characters(db, args):
    result = run(*args, "--db", db)
    assert result.exit_code == 0, result.output
    assert no_controls(result.stdout), repr(result.stdout)
    assert not any(line.startswith("forged-row") for line in result.stdout.splitlines())  # no forged line


def test_json_outputs_keep_the_text_exactly(db):
    result = run("show", "id\nforged-row", "--db", db, "--format", "json")
    assert no_controls(result.stdout)
    assert json.loads(result.stdout)["text"] == TEXT


def test_terminal_helpers():
    assert terminal_line("a\x1b[2Jb\nc\u202ed") == "a\\x1b[2Jb\\x0ac\\u202ed"
    assert terminal_text("para one\n\tpara two\x07\x9b") == "para one\n\tpara two\\x07\\x9b"


@pytest.mark.parametrize("args", [
    ["search", "x", "--limit", "-1"], ["search", "x", "--limit", "9223372036854775808"],
    ["search", "x", "--window", "99999999999999999999"], ["quotes", "--limit", "0"],
    ["quotes", "-n", "18446744073709551616"],
])
def test_integer_options_out_of_range_are_usage_errors(db, args):
    result = CliRunner().invoke(cli, args + ["--db", db])
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output and "is not in the range" in result.output


def test_a_rejected_file_name_with_markup_and_escapes_is_printed_harmlessly(tmp_path):
    bad = tmp_path / "[bold red]x\x1b]0;t\x07.html"
    bad.write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(cli, ["extract", str(bad)])
    assert result.exit_code == 1
    assert no_controls(result.stderr) and "[bold red]x" in result.stderr and "binary_input" in result.stderr
