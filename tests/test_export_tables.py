"""Parquet for analytics: ``export --format parquet --tables`` and ``extract/analyze --format parquet -o DIR``."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import export
from newsgraph.cli import analyze as analyze_cli
from newsgraph.cli import store as store_cli
from newsgraph.errors import ConfigError
from newsgraph.export.tables import TABLES
from newsgraph.record import from_record
from newsgraph.storage import open_store
from storage_contract.corpus import ingest

pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
ds = pytest.importorskip("pyarrow.dataset")

HERE = Path(__file__).parent
DOCS = HERE.parent / "docs" / "SCALING.md"


def _golden_articles():
    """The golden records: real pipeline output with quotes (some speakerless), figures and times, 2022–2024."""
    out = []
    for path in sorted((HERE / "golden").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out += [from_record(r) for r in (data if isinstance(data, list) else [data])]
    return out


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "tables.db")
    with open_store(path) as store:
        ingest(store, _golden_articles())
    return path


def test_tables_hold_every_row_linked_by_article_id(db, tmp_path):
    with open_store(db) as store:
        assert export.export_tables(store, tmp_path / "t") == store.count()
        articles = list(store.iter_articles())
    tables = {name: pq.read_table(tmp_path / "t" / f"{name}.parquet") for name in TABLES}
    assert tables["articles"].column("id").to_pylist() == [a.id for a in articles]
    for name in ("quotes", "entities", "figures", "times"):
        expected = [a.id for a in articles for _ in getattr(a, name)]
        assert tables[name].column("article").to_pylist() == expected, name
    assert sum(len(a.quotes) for a in articles) > 10 and tables["figures"].num_rows and tables["times"].num_rows
    first = next(a for a in articles if a.figures)
    row = tables["figures"].filter(ds.field("article") == first.id).to_pylist()[0]
    assert (row["text"], row["value"], row["start"]) == (first.figures[0].text, first.figures[0].value,
                                                        first.figures[0].span[0])


def test_tables_refuse_a_folder_that_holds_an_export(db, tmp_path):
    with open_store(db) as store:
        export.export_tables(store, tmp_path / "t")
        with pytest.raises(ConfigError, match="already holds"):
            export.export_tables(store, tmp_path / "t")


def _doc_query() -> str:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("### Top speakers per month"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_documented_query_agrees_with_the_store(db, tmp_path, capsys):
    result = CliRunner().invoke(store_cli.export, ["--db", db, "--format", "parquet", "--tables",
                                                   "-o", str(tmp_path / "t")])
    assert result.exit_code == 0, result.output
    code = _doc_query().replace('TABLES = "tables"', f"TABLES = {str(tmp_path / 't')!r}")
    scope: dict = {}
    exec(compile(code, str(DOCS), "exec"), scope)
    got = {(m, s): n for m, s, n in zip(*(scope["top"][c].to_pylist() for c in ("month", "speaker",
                                                                               "article_count")))}
    with open_store(db) as store:
        hits = store.quotes(limit=100_000)
    want = Counter(((h.published or "")[:7] or None, h.speaker) for h in hits if h.speaker)
    assert got == dict(want) and len(got) > 5
    months = scope["top"]["month"].to_pylist()
    assert months == sorted(months)  # a month's top speaker comes first in it
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == len(got)


def test_export_tables_flag_needs_parquet_and_a_folder(db):
    result = CliRunner().invoke(store_cli.export, ["--db", db, "--format", "csv", "--tables", "-o", "x"])
    assert result.exit_code == 2 and "--tables needs --format parquet" in result.output


def test_extract_writes_one_shard_per_input_file(tmp_path):
    inputs = []
    for n, stem in enumerate(("one", "two")):
        sub = tmp_path / f"in{n}"
        sub.mkdir()
        path = sub / "same.jsonl"  # one name in two folders: two shards all the same
        lines = [{"url": f"https://example.org/{stem}/{i}", "title": f"Story {stem} {i}",
                  "text": f"Dock workers in port {stem} ended a strike after {i + 2} days of talks. " * 8}
                 for i in range(n + 2)]
        path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        inputs.append(str(path))
    out = tmp_path / "shards"
    result = CliRunner().invoke(analyze_cli.extract, [*inputs, "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    shards = sorted(out.glob("*.parquet"))
    assert len(shards) == 2 and all(p.name.startswith("same.jsonl-") for p in shards)
    rows = {p.name: pq.read_table(p).column("url").to_pylist() for p in shards}
    assert sorted(len(v) for v in rows.values()) == [2, 3]
    for urls in rows.values():  # each shard holds one input's articles only
        assert len({u.split("/")[3] for u in urls}) == 1
    assert ds.dataset(out, format="parquet").to_table().num_rows == 5


def test_parquet_records_need_a_folder():
    result = CliRunner().invoke(analyze_cli.extract, ["x.jsonl", "--format", "parquet"])
    assert result.exit_code == 2 and "needs -o DIR" in result.output
