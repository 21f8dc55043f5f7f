"""The step registry: one chain, declared once, checked before a run starts."""
from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from newsgraph import steps
from newsgraph.cli.main import cli
from newsgraph.model import Article
from newsgraph.pipeline import ALL_STAGES, Options, analyze
from newsgraph.run import ingest
from newsgraph.steps import PlanError, plan
from newsgraph.storage import open_store


def _names(planned) -> list[str]:
    return [step.name for step in planned]


def test_the_default_chain_is_the_documented_one():
    assert ALL_STAGES == ("entities", "quotes", "figures", "times")
    assert _names(plan()) == ["extract", "entities", "quotes", "figures", "times"]
    assert _names(plan(end="store")) == ["extract", "entities", "quotes", "figures", "times", "dedup", "link",
                                         "cluster", "store"]
    assert _names(plan(end="extract")) == ["extract"]
    assert _names(plan(from_articles=True)) == ["entities", "quotes", "figures", "times"]


def test_stages_run_in_registry_order_whatever_order_they_are_named_in():
    assert _names(plan(["times", "quotes", "entities"])) == ["extract", "entities", "quotes", "times"]


def test_quotes_without_entities_is_refused_with_the_fix_named():
    with pytest.raises(PlanError, match=r"quotes needs article\.entities.*add the stage entities"):
        plan(["quotes", "figures"])
    with pytest.raises(PlanError, match="quotes needs"):
        analyze(["never-read.txt"], Options(stages=("quotes",)))  # refused before any input is read


def test_unknown_stage_is_refused():
    with pytest.raises(PlanError, match="unknown stage.*nonsense"):
        plan(["entities", "nonsense"])


def test_every_declared_field_is_an_article_field_and_every_target_loads():
    fields = {f.name for f in dataclasses.fields(Article)}
    for step in steps.STEPS:
        for name in step.requires + step.assigns + step.reads:
            assert name.split("[", 1)[0] in fields, (step.name, name)
        target = steps.load(step)
        if step.kind == "annotate":
            assert target().name == step.name  # the annotator's problem codes (<name>_failed) match the stage
        else:
            assert callable(target)


def test_every_requirement_of_the_full_chain_is_filled_by_an_earlier_step():
    filled: set[str] = set()
    for step in plan(end="store"):
        assert set(step.requires) <= filled, step.name
        filled.update(step.assigns)


def test_cli_refuses_quotes_without_entities_as_a_usage_error(tmp_path):
    runner = CliRunner()
    for command in (["analyze", "x.txt"], ["ingest", "x.txt", "--db", str(tmp_path / "n.db")]):
        result = runner.invoke(cli, [*command, "--stages", "quotes"])
        assert result.exit_code == 2, result.output
        assert "quotes needs article.entities" in result.output and "add the stage entities" in result.output
    assert not (tmp_path / "n.db").exists()  # refused before the store is created


def test_ingest_streams_inputs_storing_before_the_walk_ends(tmp_path):
    """Inputs are walked once and lazily: by the time the last input is handed over, earlier ones are stored."""
    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text(f"Story {n}. The council of Riverton met on Monday to vote on plan "
                                            f"number {n}, which the mayor said would cost money.\n" * 3,
                                            encoding="utf-8")
    with open_store(tmp_path / "news.db") as store:
        stored_when_named: list[int] = []

        def inputs():
            for n in range(3):
                stored_when_named.append(store.count())
                yield str(tmp_path / f"p{n}.txt")

        summary = ingest(inputs(), store, Options(stages=(), batch_size=1))
        assert summary.stored == 3
        assert stored_when_named[0] == 0 and stored_when_named[-1] >= 1
        # a rerun resumes past every finished file without reading it again
        again = ingest(inputs(), store, Options(stages=(), batch_size=1))
        assert again.resumed == 3 and again.articles == 0


def test_the_module_docstring_table_is_the_registry():
    rows = [line.split() for line in steps.__doc__.splitlines()
            if line.split() and line.split()[0] in steps.BY_NAME]
    assert [(row[0], row[1]) for row in rows] == [(step.name, step.kind) for step in steps.STEPS]
    for row, step in zip(rows, steps.STEPS):
        for field in step.requires:
            assert field in " ".join(row[2:]), (step.name, field)
