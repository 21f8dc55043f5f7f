"""The Ray executor runs the pipeline's own batches on real Ray actors. Ray runs only where it cannot reach past this
machine: these tests skip unless the process is in a network namespace with loopback alone (``unshare -n``), which
is how CI runs this file."""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (extra 'distributed')")


def _only_loopback() -> bool:
    """True when this network namespace has no interface but ``lo`` (a fresh ``unshare -n`` one). Asked of the
    kernel (if_nameindex), not /sys, which still shows the namespace sysfs was mounted in."""
    return [name for _, name in socket.if_nameindex()] == ["lo"]


pytestmark = pytest.mark.skipif(not _only_loopback(), reason="Ray runs only inside a loopback-only network "
                                "namespace: unshare -n -- sh -c 'ip link set lo up; python -m pytest …'")


@pytest.fixture(scope="module")
def executor(local_ray):
    from newsgraph.executors import make_executor
    # The actors cannot import this test module: send its functions by value.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    made = make_executor(2, "ray")
    yield made
    made.close()


def _square_all(batch, offset):
    return [x * x + offset for x in batch]


def _fail_once(batch, marks: str):
    """Fails the first time it sees each batch (a marker file remembers it across actor processes)."""
    mark = Path(marks) / f"seen-{batch[0]}"
    if not mark.exists():
        mark.touch()
        raise RuntimeError(f"first try of batch {batch[0]} fails")
    return batch


def _die_once(batch, marks: str):
    """Kills its actor process the first time it sees batch 3."""
    mark = Path(marks) / f"died-{batch[0]}"
    if batch[0] == 3 and not mark.exists():
        mark.touch()
        os._exit(1)
    return batch


def _always_die_on_3(batch):
    if batch[0] == 3:
        os._exit(1)
    return batch


def test_a_batch_that_keeps_killing_its_actor_comes_back_as_worker_lost(executor):
    from newsgraph.model import Rejected
    results = list(executor.map_batches(_always_die_on_3, [[i] for i in range(5)]))
    assert results[:3] == [[0], [1], [2]] and results[4] == [4]
    assert [type(r) for r in results[3]] == [Rejected] and results[3][0].code == "worker_lost"


def test_results_come_back_in_input_order(executor):
    batches = [[i, i + 1] for i in range(0, 40, 2)]
    results = list(executor.map_batches(_square_all, iter(batches), 1))
    assert results == [[x * x + 1 for x in b] for b in batches]
    assert executor.window == 4  # bounded: two batches in flight per actor


def test_failed_tasks_and_dead_actors_are_retried(executor, tmp_path):
    batches = [[i] for i in range(6)]
    assert list(executor.map_batches(_fail_once, batches, str(tmp_path))) == batches
    assert list(executor.map_batches(_die_once, batches, str(tmp_path))) == batches


def test_the_pipeline_on_ray_gives_what_it_gives_locally(executor, examples_dir):
    from newsgraph.model import Article
    from newsgraph.pipeline import Options, analyze
    from newsgraph.record import to_record
    inputs = [str(p) for p in sorted(examples_dir.iterdir())]
    options = Options(batch_size=2)  # several batches, so several actors take part

    def records(run):
        return [to_record(item) for item in run if isinstance(item, Article)]
    local = records(analyze(inputs, options))
    assert len(local) >= 5
    assert records(analyze(inputs, options, executor=executor)) == local
