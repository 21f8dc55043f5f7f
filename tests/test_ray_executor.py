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


def test_dead_actors_are_retried(executor, tmp_path):
    batches = [[i] for i in range(6)]
    assert list(executor.map_batches(_die_once, batches, str(tmp_path))) == batches


def test_a_batch_whose_own_code_raises_is_named_as_the_inputs_problem_not_retried(executor, tmp_path):
    from newsgraph.model import Rejected
    batches = [[i] for i in range(4)]
    results = list(executor.map_batches(_fail_once, batches, str(tmp_path)))
    # _fail_once succeeds on a second try: a batch coming back as an error proves it was tried once only.
    assert [[type(r) for r in result] for result in results] == [[Rejected]] * 4
    assert {r.code for result in results for r in result} == {"worker_error"}
    assert all(r.fatal for result in results for r in result)
    assert "RuntimeError: first try of batch 2 fails" in results[2][0].detail


def _pieces(unit, marks: str):
    """Yields the unit's pieces 0..5; unit "dies" kills its actor once after piece 2, unit "raises" raises after
    piece 1 (every time)."""
    for n in range(6):
        if unit == "dies" and n == 3 and not (Path(marks) / "died").exists():
            (Path(marks) / "died").touch()
            os._exit(1)
        if unit == "raises" and n == 2:
            raise ValueError("a bug in piece 2")
        yield [unit, n]


def test_streamed_units_come_in_pieces_each_once_and_a_dying_actor_costs_no_piece_twice(executor, tmp_path):
    from newsgraph.executors.ray import END
    from newsgraph.model import Rejected
    got: dict = {}
    for unit, piece in executor.map_streams(_pieces, ["a", "dies", "raises", "b"], str(tmp_path)):
        got.setdefault(unit, []).append(piece)
    for unit in ("a", "dies", "b"):  # "dies" was rerun from the start; its first three pieces were not sent again
        assert got[unit] == [[unit, n] for n in range(6)] + [END]
    assert got["raises"][:2] == [["raises", 0], ["raises", 1]]
    [error] = got["raises"][2:]  # no END, no rerun: the error ends the unit
    assert isinstance(error, Rejected) and (error.code, error.origin, error.fatal) == ("worker_error", "raises", True)
    assert "ValueError: a bug in piece 2" in error.detail


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
