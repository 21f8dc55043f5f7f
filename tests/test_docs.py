"""Docs are part of the build: the Quickstart runs, the CLI reference matches --help."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def quickstart() -> list[str]:
    """The Quickstart's commands: the first fenced block under the heading, one command per line."""
    match = re.search(r"^## Quickstart\n.*?```sh\n(.*?)```", README, re.S | re.M)
    assert match, "README.md has no ```sh block under ## Quickstart"
    return [line.strip() for line in match.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_quickstart_has_exactly_two_commands():
    assert len(quickstart()) == 2
    run, test = quickstart()
    assert "pip install ." in run and "newsgraph ingest" in run
    assert "pytest" in test
    assert README.index("## Quickstart") < README.index("## Usage")


def test_quickstart_main_job_runs(tmp_path):
    """The first Quickstart command after its install step, run as a user would, in an empty folder."""
    command = quickstart()[0]
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
    assert "## Quickstart" in ci and "commands[1]" in ci


def test_readme_python_example_runs():
    match = re.search(r"### Python\s*```python\n(.*?)```", README, re.S)
    assert match, "README.md lost its Python example"
    result = subprocess.run([sys.executable, "-c", match.group(1)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Marta Kowalczyk" in result.stdout


def test_language_folders_are_the_supported_languages():
    from newsgraph import lang
    from newsgraph.pipeline import SUPPORTED_LANGUAGES

    assert "en" in lang.supported()
    assert SUPPORTED_LANGUAGES == lang.supported()
    assert lang.get("en").code == "en"
    with pytest.raises(LookupError):
        lang.get("xx")
    with pytest.raises(AttributeError):
        lang.get("en").no_such_part


def _module_map() -> list[str]:
    text = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = re.search(r"^## Module map\n(.*?)^## ", text, re.S | re.M)
    assert section, "docs/ARCHITECTURE.md lost its ## Module map section"
    return re.findall(r"^- `(newsgraph/[^`]+)`", section.group(1), re.M)


def test_architecture_module_map_is_the_tree():
    """Every package (a folder with __init__.py) and every top-level module, each listed once, nothing else."""
    root = REPO / "src" / "newsgraph"
    tree = {f"newsgraph/{p.parent.relative_to(root).as_posix()}/" for p in root.rglob("__init__.py")
            if p.parent != root}
    tree |= {f"newsgraph/{p.name}" for p in root.glob("*.py") if p.name != "__init__.py"}
    listed = _module_map()
    assert len(listed) == len(set(listed)), "a line of the module map is repeated"
    assert set(listed) == tree, (f"missing from the map: {sorted(tree - set(listed))}; "
                                 f"not in the tree: {sorted(set(listed) - tree)}")
