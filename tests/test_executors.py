"""Where the pipeline runs must not change what it produces."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from newsgraph.executors import Executor, InProcess, ProcessPool, make_executor
from newsgraph.model import Article
from newsgraph.pipeline import Options, analyze, extract_only
from newsgraph.record import to_record


def _square_all(batch, offset):
    return [x * x + offset for x in batch]


def test_in_process_keeps_order():
    assert list(InProcess().map_batches(_square_all, [[1, 2], [3]], 1)) == [[2, 5], [10]]


def test_pool_keeps_order_with_a_small_window():
    with ProcessPool(2, window=2) as pool:
        out = list(pool.map_batches(_square_all, ([i] for i in range(20)), 0))
    assert out == [[i * i] for i in range(20)]


def _sigint_ignored(batch):
    import signal
    return [signal.getsignal(signal.SIGINT) == signal.SIG_IGN for _ in batch]


def test_pool_workers_leave_ctrl_c_to_the_main_process():
    # A terminal sends Ctrl-C to the whole process group: a worker idle on its queue died of it with a traceback.
    with ProcessPool(2, window=2) as pool:
        assert list(pool.map_batches(_sigint_ignored, [[1], [2], [3]])) == [[True], [True], [True]]


def test_make_executor():
    assert isinstance(make_executor(1), InProcess)
    pool = make_executor(2)
    try:
        assert isinstance(pool, ProcessPool) and pool.workers == 2
    finally:
        pool.close()


def test_both_executors_implement_the_protocol():
    pool = ProcessPool(1)
    try:
        assert isinstance(InProcess(), Executor) and isinstance(pool, Executor)
    finally:
        pool.close()
        pool.close()  # a second close is harmless (the contract says so)
    assert not isinstance(object(), Executor)


class _Threads:
    """A backend written outside the package, to show the pipeline needs only the protocol (as Ray will)."""

    workers = 2

    def __init__(self):
        self._pool = ThreadPoolExecutor(self.workers)

    def map_batches(self, fn, batches, *args):
        return self._pool.map(lambda batch: fn(batch, *args), batches)

    def close(self):
        self._pool.shutdown()


def test_an_outside_executor_runs_the_pipeline_unchanged(examples_dir):
    inputs = [str(examples_dir)]
    threads = _Threads()
    try:
        assert isinstance(threads, Executor)
        theirs = [to_record(a) for a in extract_only(inputs, Options(batch_size=2), threads) if isinstance(a, Article)]
    finally:
        threads.close()
    ours = [to_record(a) for a in extract_only(inputs, Options(batch_size=2)) if isinstance(a, Article)]
    assert len(ours) == 8 and theirs == ours


def test_two_workers_give_the_same_records_as_one(examples_dir):
    inputs = [str(examples_dir)]
    one = [to_record(a) for a in analyze(inputs, Options(batch_size=2)) if isinstance(a, Article)]
    two = [to_record(a) for a in analyze(inputs, Options(batch_size=2, workers=2)) if isinstance(a, Article)]
    assert len(one) == 8
    assert one == two


class _Exploding:
    name = "exploding"

    def annotate(self, article, doc):
        raise RuntimeError("boom")


def test_a_failing_annotator_costs_its_annotation_only(monkeypatch):
    from newsgraph import pipeline
    real = pipeline._annotators
    monkeypatch.setattr(pipeline, "_annotators", lambda stages: [_Exploding(), *real(stages)])
    article = pipeline.analyze_text("Mayor Jane Doe said on Monday that the bridge would reopen.",
                                    published="2024-03-12", options=Options(stages=("entities",)))
    assert [p.code for p in article.problems] == ["exploding_failed"]
    assert any(e.name == "Jane Doe" for e in article.entities)
