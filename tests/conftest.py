"""Shared fixtures: the spaCy model (loaded once), paths to bundled examples and to ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "src" / "newsgraph" / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when the shared folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (tests that read ../shared need the project's shared folder)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.enrichment.nlp import load
    return load()[0]


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
