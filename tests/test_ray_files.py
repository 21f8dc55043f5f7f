"""``ingest --executor ray``: one input file per Ray task, completion markers per file, and with a PostgreSQL store
the workers writing to it themselves. Ray runs only inside a loopback-only network namespace (``unshare -n``), as in
tests/test_ray_executor.py; elsewhere these tests skip, saying so."""
from __future__ import annotations

import socket

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (extra 'distributed')")

pytestmark = pytest.mark.skipif([n for _, n in socket.if_nameindex()] != ["lo"],
                                reason="Ray runs only inside a loopback-only network namespace: "
                                       "unshare -n -- sh -c 'ip link set lo up; python -m pytest …'")


def _ingest(inputs, url, executor):
    from newsgraph.pipeline import Options
    from newsgraph.run import ingest
    from newsgraph.storage import open_store
    with open_store(url) as store:
        return ingest(inputs, store, Options(workers=2, executor=executor))


def _records(url):
    from newsgraph.record import to_record
    from newsgraph.storage import open_store
    with open_store(url) as store:
        return sorted((to_record(a) for a in store.iter_articles()), key=lambda r: r["id"])


def _without_global_ids(records):
    """The records less ``pipeline`` and the global ids' numbers, which follow the order files finish in."""
    out = []
    for r in records:
        r = {k: v for k, v in r.items() if k != "pipeline"}
        r["entities"] = [{k: v for k, v in e.items() if k != "global_id"} for e in r["entities"]]
        out.append(r)
    return out


def _entity_groups(records):
    groups: dict = {}
    for r in records:
        for e in r["entities"]:
            groups.setdefault(e["global_id"], set()).add((r["id"], e["id"]))
    return {frozenset(g) for g in groups.values()}


@pytest.fixture(scope="module", autouse=True)
def _ray(local_ray):
    """The session's one local Ray (tests/conftest.py): the executor joins it."""


@pytest.fixture(scope="module")
def local_records(examples_dir, tmp_path_factory):
    url = str(tmp_path_factory.mktemp("local") / "local.db")
    summary = _ingest([str(p) for p in sorted(examples_dir.iterdir())], url, "local")
    assert summary.stored >= 5
    return _records(url)


@pytest.fixture(scope="module")
def postgres_server():
    from storage_contract.postgres_server import PostgresServer, find_bindir
    pytest.importorskip("psycopg", reason="psycopg is not installed (extra 'postgres')")
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries (initdb) on this machine")
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    return postgres_server.new_database()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_one_task_per_file_stores_what_a_local_run_stores_and_a_rerun_skips_every_file(
        backend, examples_dir, local_records, tmp_path, request):
    url = str(tmp_path / "ray.db") if backend == "sqlite" else request.getfixturevalue("postgres_url")
    inputs = [str(p) for p in sorted(examples_dir.iterdir())]
    first = _ingest(inputs, url, "ray")
    assert first.stored == len(local_records) and not first.failed
    assert [r["id"] for r in _records(url)] == [r["id"] for r in local_records]
    got = _records(url)
    assert _without_global_ids(got) == _without_global_ids(local_records)
    assert _entity_groups(got) == _entity_groups(local_records)  # the same entities share a global id
    again = _ingest(inputs, url, "ray")  # every file has its completion marker: nothing is redone
    assert (again.resumed, again.articles, again.stored) == (len(inputs), 0, 0)


def test_a_files_results_come_back_in_pieces_of_the_batch_size(examples_dir):
    from newsgraph.executors.ray import END, RayExecutor
    from newsgraph.executors.ray_files import analyse_chunks
    from newsgraph.pipeline import Options, analyze
    from newsgraph.record import to_record
    wire = str(examples_dir / "wire_items.jsonl")  # several items in one file
    options = Options(batch_size=1)
    with RayExecutor(1) as ray_exec:  # joins the session's Ray
        pieces = [piece for unit, piece in ray_exec.map_streams(analyse_chunks, [wire], options)]
    assert pieces[-1] == END
    local = list(analyze([wire], options))
    assert len(local) >= 2 and len(pieces) == len(local) + 1  # one piece per item, not the file in one piece
    assert [[to_record(i) if hasattr(i, "entities") else i for i in p] for p in pieces[:-1]] == \
        [[to_record(i) if hasattr(i, "entities") else i] for i in local]


def test_workers_storing_into_postgres_drive_the_progress_bar(examples_dir, postgres_url):
    from newsgraph.pipeline import Options
    from newsgraph.run import ingest
    from newsgraph.storage import open_store
    calls: list = []

    def progress(item, n=1):
        calls.append((item, n))
    inputs = [str(p) for p in sorted(examples_dir.iterdir())]
    with open_store(postgres_url) as store:
        store_before = store.count()
        summary = ingest(inputs, store, Options(workers=2, executor="ray", batch_size=1), progress)
        stored_now = store.count() - store_before
    items = summary.articles + sum(summary.skipped.values()) + len(summary.failed)
    assert items > 0 and sum(n for _, n in calls) == items  # every item analysed and stored remotely is counted
    assert len(calls) >= len(inputs)  # pieces, not one call at the end
    assert stored_now == summary.stored + summary.revised
