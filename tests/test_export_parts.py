"""Parquet part files for big stores: ``export --format parquet --part-rows N -o DIR``."""
from __future__ import annotations

import dataclasses
import json

import pytest
from click.testing import CliRunner

from newsgraph import export
from newsgraph.cli import store as store_cli
from newsgraph.errors import ConfigError
from newsgraph.storage import open_store
from storage_contract.corpus import BODY, LATER, MORE, harbour

pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
ds = pytest.importorskip("pyarrow.dataset")


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "parts.db")
    texts = [BODY, LATER, MORE, BODY + MORE, LATER + MORE]
    with open_store(path) as store:
        for i, text in enumerate(texts):
            store.put(dataclasses.replace(harbour(f"a{i}"), text=text, content_hash=f"h{i}", entities=[], quotes=[]))
    return path


def test_parts_hold_every_article_once_under_one_schema(db, tmp_path):
    with open_store(db) as store:
        assert export.export_parts(store, tmp_path / "out", rows=2) == 5
        expected = [a.id for a in store.iter_articles()]
    parts = sorted((tmp_path / "out").glob("*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [pq.read_metadata(p).num_rows for p in parts] == [2, 2, 1]
    assert len({pq.read_schema(p) for p in parts}) == 1
    table = ds.dataset(tmp_path / "out", format="parquet").to_table()  # the folder reads as one table
    assert table.column("id").to_pylist() == expected
    assert [json.loads(r)["id"] for r in table.column("record").to_pylist()] == expected


def test_exactly_full_parts_and_an_empty_store(tmp_path, db):
    with open_store(db) as store:
        assert export.export_parts(store, tmp_path / "five", rows=5) == 5
    assert len(list((tmp_path / "five").glob("*.parquet"))) == 1
    with open_store(tmp_path / "empty.db") as store:
        assert export.export_parts(store, tmp_path / "none", rows=3) == 0
    assert pq.read_metadata(tmp_path / "none" / "part-00000.parquet").num_rows == 0


def test_a_folder_with_parts_is_not_mixed_into(db, tmp_path):
    with open_store(db) as store:
        export.export_parts(store, tmp_path / "out", rows=10)
        with pytest.raises(ConfigError, match="already holds"):
            export.export_parts(store, tmp_path / "out", rows=10)


def test_cli_part_rows(db, tmp_path):
    out = tmp_path / "cli"
    result = CliRunner().invoke(store_cli.export, ["--db", db, "--format", "parquet", "--part-rows", "3",
                                                   "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    bad = CliRunner().invoke(store_cli.export, ["--db", db, "--format", "csv", "--part-rows", "3", "-o", str(out)])
    assert bad.exit_code == 2 and "--part-rows needs" in bad.output
