"""``newsgraph bench serve`` end to end on a small store: a real server, every endpoint kind timed in each pass, the
percentiles over all passes and each pass's p95 kept."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from newsgraph.bench.serve import ServeBench, run  # noqa: E402
from newsgraph.cli.main import cli  # noqa: E402

KINDS = {"api search", "api article", "article page", "entity page", "search page (first page, facets)"}


def test_each_pass_times_every_kind_and_the_percentiles_pool_them(tmp_path):
    result = run(n=200, rounds=1, clients=2, db=str(tmp_path / "b.db"), cache=0, threads=2, repeat=3)
    assert set(result.ms) == KINDS and set(result.pass_p95) == KINDS
    assert all(len(p95s) == 3 for p95s in result.pass_p95.values())
    for kind, ms in result.ms.items():
        assert 0 < ms["p50"] <= ms["p95"] and all(p95 > 0 for p95 in result.pass_p95[kind])
    # 12 URLs of each kind (the entity pages: the people of 12 stored articles, 1 to 12), once per round and pass
    assert result.requests % 3 == 0 and 3 * (4 * 12 + 1) <= result.requests <= 3 * 5 * 12
    assert result.rss_mb > 0 and result.start_seconds > 0 and set(result.cpu_ms) == KINDS
    lines = "\n".join(result.lines())
    assert "p95 of 3 passes" in lines and "server threads: 2" in lines


def test_one_pass_lists_no_spread_and_the_cli_refuses_zero_rounds(tmp_path):
    bench = ServeBench(10, 1, 0.5, 60.0, {"api search": {"p50": 1.0, "p95": 2.0}}, 12, {"api search": 0.5},
                       pass_p95={"api search": [2.0]})
    assert "passes" not in "\n".join(bench.lines())
    out = CliRunner().invoke(cli, ["bench", "serve", "-n", "10", "--rounds", "0"])
    assert out.exit_code == 2 and "--rounds" in out.output
    with pytest.raises(ValueError):
        run(n=10, rounds=1, repeat=0, db=str(tmp_path / "x.db"))
