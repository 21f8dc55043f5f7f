"""docs/API.md lists exactly the served endpoints (it is generated from the OpenAPI schema)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import get

REPO = Path(__file__).resolve().parents[2]


def test_api_reference_is_current():
    fresh = subprocess.run([sys.executable, "-m", "newsgraph.serve.reference"], capture_output=True, text=True,
                           timeout=120, check=True).stdout
    current = (REPO / "docs" / "API.md").read_text(encoding="utf-8")
    assert current == fresh, "docs/API.md is stale: python -m newsgraph.serve.reference > docs/API.md"


def test_the_served_schema_is_the_documented_one(server):
    _, _, body = get(server + "/api/v1/openapi.json")
    documented = (REPO / "docs" / "API.md").read_text(encoding="utf-8")
    for path in json.loads(body)["paths"]:
        assert f"`{path}`" in documented
