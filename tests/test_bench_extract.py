"""``newsgraph bench extract`` on a few real pages: every row scored, the lowest page recall and both clocks
reported (no timing is asserted: speed belongs to the benchmark itself)."""
from __future__ import annotations

from newsgraph.bench.extract import run

from conftest import shared_path


def test_rows_carry_scores_page_recalls_and_both_clocks():
    data = shared_path("data", "extraction-dev")
    bench = run(data, extractors=("fast-pure",), limit=3, bare=False, bootstrap=10)
    (row,) = bench.rows
    assert bench.pages == 3 and len(row.recalls) == 3
    assert 0.0 <= row.min_recall <= row.score.recall <= 1.0
    assert row.seconds > 0 and row.cpu_seconds > 0
    d = row.as_dict()
    assert d["pages_below_0.6_recall"] == sum(1 for r in row.recalls if r < 0.6)
    assert "min page R" in bench.lines()[1]
