"""Export writers: Parquet read back by pyarrow, the CLI's --format parquet, and the extra named when missing."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsgraph import export
from newsgraph.cli import store as store_cli
from newsgraph.record import to_record
from newsgraph.storage import open_store
from storage_contract.corpus import corpus

pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "export.db")
    with open_store(path) as s:
        corpus(s)
    return path


def test_parquet_round_trips_every_record(db, tmp_path):
    target = tmp_path / "all.parquet"
    with open_store(db, create=False) as store:
        assert export.export(store, "parquet", target) == 3
        expected = [to_record(a) for a in store.iter_articles()]
    table = pq.read_table(target)
    assert table.column_names == [*export.CSV_COLUMNS, "record"]
    rows = table.to_pylist()
    assert [json.loads(r["record"]) for r in rows] == expected  # nothing the store holds is lost
    assert [r["id"] for r in rows] == ["a", "b", "c"] and rows[2]["duplicate_of"] == "a"
    assert rows[0]["quotes"] == 1 and rows[0]["entities"] == 2 and rows[0]["authors"] == []
    assert str(table.schema.field("quotes").type) == "int64"


def test_parquet_to_a_binary_stream_and_from_an_empty_store(tmp_path):
    with open_store(tmp_path / "empty.db") as store:
        buffer = io.BytesIO()
        assert export.export(store, "parquet", buffer) == 0
    table = pq.read_table(io.BytesIO(buffer.getvalue()))
    assert table.num_rows == 0 and "record" in table.column_names


def test_cli_export_parquet(db, tmp_path):
    target = tmp_path / "cli.parquet"
    result = CliRunner().invoke(store_cli.export, ["--db", db, "--format", "parquet", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(target).num_rows == 3


def test_missing_pyarrow_names_the_parquet_extra(db, tmp_path):
    # A fresh interpreter where importing pyarrow fails, as on an install without the extra.
    code = ("import sys; sys.modules['pyarrow'] = None\n"
            "from newsgraph import export\nfrom newsgraph.storage import open_store\n"
            f"store = open_store({db!r}, create=False)\n"
            "try:\n    export.export(store, 'parquet', 'x.parquet')\n"
            "except Exception as exc:\n    print(type(exc).__name__, exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert "MissingExtra" in out.stdout and "newsgraph[parquet]" in out.stdout
