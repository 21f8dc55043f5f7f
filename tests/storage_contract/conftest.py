"""The backends the contract suite runs over. A new backend adds its name to BACKENDS and a branch to ``_url``;
the tests themselves only use ``newsgraph.storage.open_store`` and the interface in ``storage.base``."""
from __future__ import annotations

import pytest

BACKENDS = ["sqlite"]


def _url(backend: str, tmp_path) -> str:
    if backend == "sqlite":
        return str(tmp_path / "contract.db")
    raise AssertionError(f"no URL for backend {backend!r}")


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A URL naming an empty store of one backend."""
    return _url(request.param, tmp_path)


@pytest.fixture
def store(store_url):
    from newsgraph.storage import open_store
    with open_store(store_url) as opened:
        yield opened
