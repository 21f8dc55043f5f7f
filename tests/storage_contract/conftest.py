"""The backends the contract suite runs over: SQLite, and a real PostgreSQL the session starts itself (skipped, with
the reason, where psycopg or PostgreSQL's binaries are missing). The tests themselves only use
``newsgraph.storage.open_store`` and the interface in ``storage.base``."""
from __future__ import annotations

import pytest

from .postgres_server import PostgresServer, find_bindir

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the session, on 127.0.0.1, stopped and deleted at the end."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (extra 'postgres')")
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries (initdb) on this machine")
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A URL naming an empty store of one backend."""
    if request.param == "sqlite":
        return str(tmp_path / "contract.db")
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def store(store_url):
    from newsgraph.storage import open_store
    with open_store(store_url) as opened:
        yield opened
