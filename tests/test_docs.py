"""Docs are part of the build: the Quickstart runs, the CLI reference matches --help."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> str:
    match = re.search(re.escape(marker) + r"\s*```sh\n(.*?)```", README, re.S)
    assert match, f"README.md has no ```sh block after {marker}"
    return match.group(1).strip()


def test_quickstart_has_exactly_two_commands():
    run, test = _block_after("<!-- quickstart-run -->"), _block_after("<!-- quickstart-test -->")
    assert run.count("\n") == 0 and test.count("\n") == 0
    assert README.index("## Quickstart") < README.index("## Usage")


def test_quickstart_main_job_runs(tmp_path):
    """The first Quickstart command after its install step, run as a user would, in an empty folder."""
    command = _block_after("<!-- quickstart-run -->")
    steps = [s.strip() for s in command.split("&&")]
    assert steps[0].startswith("python -m pip install")
    env = {**os.environ, "NEWSGRAPH_DB": str(tmp_path / "quickstart.db")}
    bindir = Path(sys.executable).parent
    for step in steps[1:]:
        argv = shlex.split(step)
        argv = [str(REPO / a) if a.startswith("src/") else a for a in argv]
        argv[0] = str(bindir / argv[0])
        result = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
    assert "Marta Kowalczyk" in result.stdout  # `newsgraph quotes` lists a speaker from the bundled examples


def test_cli_reference_is_current():
    # A fresh process: click caches each command's help option from the first context built, so commands invoked
    # by other tests in this process would change the rendering.
    fresh = subprocess.run([sys.executable, "-m", "newsgraph.cli.reference"], capture_output=True, text=True,
                           timeout=120, check=True).stdout
    current = (REPO / "docs" / "CLI.md").read_text(encoding="utf-8")
    assert current == fresh, "docs/CLI.md is stale: python -m newsgraph.cli.reference > docs/CLI.md"


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "quickstart-test" in ci


def test_readme_python_example_runs():
    match = re.search(r"### Python\s*```python\n(.*?)```", README, re.S)
    assert match, "README.md lost its Python example"
    result = subprocess.run([sys.executable, "-c", match.group(1)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Marta Kowalczyk" in result.stdout
