"""``ingest --executor ray --address`` into a two-node Ray cluster on this machine: a head started with ``ray start
--head`` and a second node with ``ray start --address``, each its own processes, one CPU each, so the two actors of
``--workers 2`` run one per node. Into SQLite and into PostgreSQL every article is stored exactly once, and the
cluster is stopped at the end (its processes ended by process group: ``ray stop`` would end every Ray on the
machine, not only this one's).

Runs only inside a loopback-only network namespace (``unshare -n``), as .ci/run runs it; there no packet can
leave the machine, and the test also checks every listening socket of the cluster is on loopback."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (extra 'distributed')")

pytestmark = pytest.mark.skipif([n for _, n in socket.if_nameindex()] != ["lo"],
                                reason="Ray runs only inside a loopback-only network namespace: "
                                       "unshare -n -- sh -c 'ip link set lo up; python -m pytest …'")

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive_nodes(address: str, env: dict) -> tuple[int, float]:
    """(alive nodes, CPUs) of the cluster, asked by a separate driver (this process may hold its own Ray)."""
    code = ("import json, ray; ray.init(address=%r, configure_logging=False, log_to_driver=False);"
            "print(json.dumps([sum(n['Alive'] for n in ray.nodes()), ray.cluster_resources().get('CPU', 0)]))"
            % address)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    nodes, cpus = json.loads(done.stdout.strip().splitlines()[-1])
    return nodes, cpus


def _group_processes(groups: set[int]) -> list[str]:
    """Live (not zombie) processes in these process groups: '<pid> <command>'."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        state, pgid = fields[0], int(fields[2])
        if pgid in groups and state != "Z":
            out.append(f"{entry.name} {cmd[:120]}")
    return out


def _listening_addresses() -> set[str]:
    """The local addresses of every listening TCP socket in this network namespace (IPv4 and IPv6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            if state == "0A":  # LISTEN
                found.add(local.rsplit(":", 1)[0])
    return found


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A head and a second node, separate ``ray start`` processes on 127.0.0.1; the address to join."""
    home = tmp_path_factory.mktemp("ray-cluster-home")
    # The local provider (no cloud-metadata probes) for every node, as docs/SCALING.md tells a cluster's operator.
    (home / "ray_bootstrap_config.yaml").write_text("provider:\n  type: local\n", encoding="utf-8")
    # Not this process's RAY_* settings: a Ray started here (the session's local one) sets some (token auth on)
    # that a separate cluster's nodes must not inherit.
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("RAY_")}, "HOME": str(home),
           "RAY_USAGE_STATS_ENABLED": "0"}
    port = _free_port()
    address = f"127.0.0.1:{port}"
    common = ["--node-ip-address", "127.0.0.1", "--num-cpus", "1", "--block"]
    # A short temp dir: Ray's unix socket paths under it must stay within 107 bytes (pytest's tmp paths do not).
    temp = tempfile.mkdtemp(prefix="ngray-", dir="/tmp")
    nodes: list[subprocess.Popen] = []
    try:
        nodes.append(subprocess.Popen([str(BIN / "ray"), "start", "--head", "--port", str(port),
                                       "--include-dashboard=false", "--disable-usage-stats",
                                       "--temp-dir", temp, *common],
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True))
        deadline = time.monotonic() + 120
        while True:  # the head's GCS accepts connections: the second node can join
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and nodes[0].poll() is None, "the Ray head did not start"
                time.sleep(0.5)
        nodes.append(subprocess.Popen([str(BIN / "ray"), "start", "--address", address, *common], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        deadline = time.monotonic() + 180
        while _alive_nodes(address, env)[0] < 2:
            assert time.monotonic() < deadline and nodes[1].poll() is None, "the second Ray node did not join"
            time.sleep(2)
        yield address, env
    finally:
        groups = {proc.pid for proc in nodes}  # start_new_session: each node's processes share its pid as group
        for proc in reversed(nodes):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)  # `ray start --block` stops its node's processes on SIGTERM
        for proc in nodes:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                pass
        deadline = time.monotonic() + 30
        while _group_processes(groups) and time.monotonic() < deadline:
            time.sleep(1)
        for group in groups:  # what did not stop by itself
            try:
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture(scope="module")
def local_ids(examples_dir, tmp_path_factory):
    """The article ids a local (no Ray) ingest of the examples stores."""
    from newsgraph.pipeline import Options
    from newsgraph.run import ingest
    from newsgraph.storage import open_store
    url = str(tmp_path_factory.mktemp("local") / "local.db")
    with open_store(url) as store:
        ingest([str(p) for p in sorted(examples_dir.iterdir())], store, Options())
        ids = sorted(a.id for a in store.iter_articles())
    assert len(ids) >= 5
    return ids


def _ingest_on_cluster(address: str, env: dict, examples_dir: Path, db: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "newsgraph"), "ingest", *[str(p) for p in sorted(examples_dir.iterdir())],
                           "--db", db, "--executor", "ray", "--address", address, "--workers", "2"],
                          env=env, capture_output=True, text=True, timeout=600)


def _stored(db: str) -> tuple[list[str], int]:
    """(ids of the current articles, sorted; every stored row, revisions included)."""
    from newsgraph.storage import open_store
    with open_store(db) as store:
        return sorted(a.id for a in store.iter_articles()), store.count(current_only=False)


@pytest.fixture
def postgres_url():
    from storage_contract.postgres_server import PostgresServer, find_bindir
    pytest.importorskip("psycopg", reason="psycopg is not installed (extra 'postgres')")
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries (initdb) on this machine")
    server = PostgresServer(bindir).start()
    yield server.new_database()
    server.stop()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_two_node_cluster_stores_every_article_exactly_once(backend, cluster, examples_dir, local_ids, tmp_path,
                                                             request):
    address, env = cluster
    assert _alive_nodes(address, env) == (2, 2.0)  # two nodes, one CPU each: one actor per node
    db = str(tmp_path / "cluster.db") if backend == "sqlite" else request.getfixturevalue("postgres_url")
    done = _ingest_on_cluster(address, env, examples_dir, db)
    assert done.returncode == 0, done.stderr[-3000:]
    ids, rows = _stored(db)
    assert ids == local_ids and rows == len(local_ids)  # each article once, no second revision of any
    again = _ingest_on_cluster(address, env, examples_dir, db)  # every file is marked done: nothing is redone
    assert again.returncode == 0, again.stderr[-3000:]
    assert _stored(db) == (ids, rows)
    # Every socket the cluster listens on is on loopback (127.0.0.1 or ::1, or the any-address inside this
    # loopback-only namespace, where it can be reached from this machine alone).
    loopback_or_any = {"0100007F", "00000000", "00000000000000000000000001000000", "00000000000000000000000000000000",
                       "0000000000000000FFFF00000100007F"}
    assert _listening_addresses() <= loopback_or_any
