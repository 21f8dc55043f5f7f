"""`quotes --speaker` finds a person by any of their names, through the whole product: ingest (entities, quotes,
linking) and the CLI. The articles are written for this test."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsgraph.cli.main import cli

HEARING = ("Karl Brenner, the mayor of Easton, opened the budget hearing on Monday evening.\n\n"
           "\"We cannot afford the tunnel this year,\" Brenner said. He added that the council would look again "
           "in the spring.\n")
VOTE = ("The Easton council voted on Tuesday to delay the tunnel.\n\n"
        "\"The numbers have not changed since Monday,\" Brenner said after the vote.\n")
NURSE = ("Anna Brenner, a nurse at the Easton clinic, counted the patients on Friday.\n\n"
         "\"We saw twice as many people as last winter,\" Anna Brenner said.\n")


def _quotes(runner, db, speaker):
    result = runner.invoke(cli, ["quotes", "--db", str(db), "--speaker", speaker, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return sorted((h["article"], h["text"]) for h in hits), result.stderr


def _search(runner, db, speaker) -> set[str]:
    result = runner.invoke(cli, ["search", "Easton", "--db", str(db), "--speaker", speaker, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return {json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()}


def test_a_person_is_found_by_full_name_and_surname_and_a_shared_surname_is_noted(tmp_path):
    runner = CliRunner()
    db = tmp_path / "n.db"
    paths = []
    for name, text in (("hearing.txt", HEARING), ("vote.txt", VOTE), ("nurse.txt", NURSE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    result = runner.invoke(cli, ["ingest", "--as-text", "--db", str(db), *paths[:2]])
    assert result.exit_code == 0, result.output

    full, note = _quotes(runner, db, "Karl Brenner")
    surname, _ = _quotes(runner, db, "Brenner")
    assert full == surname
    assert any("numbers have not changed" in text for _, text in full)  # the article that says only "Brenner"
    assert len({article for article, _ in full}) == 2
    assert "matches" not in note
    # Search's speaker filter finds him by any of his names too: the vote article quotes only "Brenner".
    by_full = _search(runner, db, "Karl Brenner")
    assert by_full == _search(runner, db, "Brenner") == {article for article, _ in full}

    result = runner.invoke(cli, ["ingest", "--as-text", "--db", str(db), paths[2]])
    assert result.exit_code == 0, result.output
    surname, note = _quotes(runner, db, "Brenner")
    assert any("twice as many" in text for _, text in surname)
    assert "'Brenner' matches 2 entities" in note and "Karl Brenner" in note and "Anna Brenner" in note
    again, note = _quotes(runner, db, "Karl Brenner")
    assert again == full and "matches" not in note
    assert _search(runner, db, "Karl Brenner") == by_full  # not the nurse's article
    result = runner.invoke(cli, ["search", "Easton", "--db", str(db), "--speaker", "Brenner"])
    assert "'Brenner' matches 2 entities" in result.stderr and len(result.stdout.splitlines()) == 6
    # The entity page finds him by a form no article wrote: an initial for the first name.
    result = runner.invoke(cli, ["entity", "--db", str(db), "K. Brenner", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout.splitlines()[0])
    assert page["name"] == "Karl Brenner" and page["articles"] == 2
