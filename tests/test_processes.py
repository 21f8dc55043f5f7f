"""Processes: a worker killed mid-batch costs that batch only; workers do not outlive a killed main process."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsgraph.executors import ProcessPool
from newsgraph.model import Page, Rejected


def _double_or_die(batch, factor):
    """Dies as the OOM killer kills: SIGKILL, no exception, no clean-up; only for the batch holding 'poison'."""
    if any(getattr(p, "content", None) == "poison" for p in batch):
        os.kill(os.getpid(), signal.SIGKILL)
    return [p.content * factor for p in batch]


def page(text: str, n: int) -> Page:
    return Page(content=text, kind="text", origin=f"in.jsonl#{n}")


def test_a_killed_worker_costs_only_its_batch_and_the_pool_goes_on():
    batches = [[page("a", 1), page("b", 2)], [page("poison", 3), page("c", 4)], [page("d", 5)], [page("e", 6)]]
    with ProcessPool(2, window=2) as pool:
        out = list(pool.map_batches(_double_or_die, batches, 2))
        assert out[0] == ["aa", "bb"] and out[2] == ["dd"] and out[3] == ["ee"]
        lost = out[1]
        assert [(r.origin, r.code, r.fatal) for r in lost] == [("in.jsonl#3", "worker_lost", True),
                                                             ("in.jsonl#4", "worker_lost", True)]
        assert all(isinstance(r, Rejected) and "in.jsonl#3" in r.detail for r in lost)
        assert list(pool.map_batches(_double_or_die, [[page("f", 7)]], 3)) == [["fff"]]  # still usable


def test_a_batch_submitted_after_the_pool_broke_is_not_an_escaping_error():
    # Seen under load: a worker died between two submissions, and the next submit raised BrokenProcessPool out of
    # map_batches. Here the next submission waits until the pool is known to be broken, so the race always happens.
    with ProcessPool(2, window=2) as pool:
        results = pool.map_batches(_double_or_die, [[page("a", 1)], [page("poison", 2)], [page("b", 3)],
                                                    [page("c", 4)]], 2)
        assert next(results) == ["aa"]
        deadline = time.monotonic() + 60
        while not pool._pool._broken and time.monotonic() < deadline:  # the poison batch kills its worker
            time.sleep(0.05)
        assert pool._pool._broken, "the poison batch should have broken the pool"
        rest = list(results)
        assert [r.code for r in rest[0]] == ["worker_lost"] and rest[1:] == [["bb"], ["cc"]]


_ORPHAN_SCRIPT = textwrap.dedent("""
    import os, sys, time
    from newsgraph.executors import ProcessPool

    def main(pids_file):
        pool = ProcessPool(2)
        pids = list(pool.map_batches(_pid, [[0], [1], [2], [3]]))
        with open(pids_file, "w") as f:
            f.write(" ".join(str(p[0]) for p in pids))
        time.sleep(600)  # killed with SIGKILL long before this ends

    def _pid(batch):
        time.sleep(0.3)  # long enough that both workers take a batch
        return [os.getpid()]

    if __name__ == "__main__":
        main(sys.argv[1])
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by its new parent) is gone for our purpose
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


def _children(parent: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through Linux's /proc")
def test_workers_exit_when_the_main_process_is_killed(tmp_path):
    script = tmp_path / "orphans.py"
    script.write_text(_ORPHAN_SCRIPT)
    pids_file = tmp_path / "pids"
    main = subprocess.Popen([sys.executable, str(script), str(pids_file)])
    try:
        deadline = time.monotonic() + 120
        while not (pids_file.exists() and pids_file.read_text().strip()) and time.monotonic() < deadline:
            assert main.poll() is None, "the script ended before its workers reported"
            time.sleep(0.1)
        workers = {int(p) for p in pids_file.read_text().split()}
        assert workers and all(_alive(p) for p in workers)
        workers |= _children(main.pid)  # the resource tracker too: it must not outlive the run either
        assert len(workers) >= 3
    finally:
        main.kill()
        main.wait()
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)
