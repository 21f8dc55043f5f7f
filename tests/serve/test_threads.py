"""``serve --threads``: how many requests run at once in the worker threads. The limit is set on the server's own
event loop when it starts, a server with one thread still answers concurrent clients (they take turns) with the same
pages, and a nonsensical count is refused before anything listens."""
from __future__ import annotations

import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import anyio
import pytest

from newsgraph.errors import ConfigError
from newsgraph.serve.app import build, default_threads

from .conftest import get, newsgraph, serving


@pytest.mark.parametrize("threads", [1, 3])
def test_the_apps_start_sets_its_loops_worker_limit(served_db, threads):
    app = build(str(served_db), threads=threads)

    async def started() -> tuple[float, float]:
        limiter = anyio.to_thread.current_default_thread_limiter()
        before = limiter.total_tokens
        async with app.router.lifespan_context(app):
            return before, anyio.to_thread.current_default_thread_limiter().total_tokens

    before, during = anyio.run(started)
    assert before == 40 and during == threads  # AnyIO's own default, then ours


def test_without_threads_the_app_leaves_the_default(served_db):
    app = build(str(served_db))

    async def started() -> float:
        async with app.router.lifespan_context(app):
            return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(started) == 40


def test_a_thread_count_below_one_is_refused(served_db):
    with pytest.raises(ConfigError, match="threads"):
        build(str(served_db), threads=0)
    result = newsgraph("serve", "--db", str(served_db), "--threads", "-1")
    assert result.returncode == 2 and "--threads" in result.stderr


def test_the_default_is_one_per_cpu_plus_one():
    assert default_threads() >= 2


def test_one_thread_answers_concurrent_clients_with_the_same_pages(served_db, server):
    urls = ["/?" + urllib.parse.urlencode({"q": q}) for q in ("mayor", "council", "the", "strike")]
    urls += ["/api/v1/search?" + urllib.parse.urlencode({"q": q}) for q in ("mayor", "harbour")]
    expected = {url: get(server + url) for url in urls}
    with serving(served_db, "--threads", "1") as single:
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda url: (url, get(single + url)), urls * 3))
    for url, (status, _, body) in answers:
        assert status == 200 and body == expected[url][2], url


def test_serve_freezes_what_the_program_loaded_and_stops_sqlites_memory_count(served_db):
    """``newsgraph serve`` freezes the objects alive when it starts serving (gc.freeze), so the collector's full
    passes scan only what requests leave behind; in a process of its own, as a server is (freezing is per process)."""
    import subprocess
    import sys
    script = ("import gc, sys, uvicorn\n"
              "from newsgraph.storage.sqlite import engine\n"
              "uvicorn.run = lambda app, **kw: print('frozen', gc.get_freeze_count(), 'kept', len(gc.get_objects()),"
              " 'uncounted', engine._memory_count_stopped)\n"
              "from newsgraph.serve import run\n"
              f"run({str(served_db)!r}, port=0)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    _, frozen, _, tracked, _, uncounted = out.stdout.split()
    assert int(frozen) > 10_000 and int(tracked) < int(frozen) / 10  # nearly all of it frozen
    # and SQLite stopped counting its memory under one lock before the stores opened (test_sqlite_memory_count)
    assert uncounted == ("True" if sys.platform.startswith("linux") else uncounted)


def test_the_page_cache_is_shared_out_among_the_threads_connections(served_db):
    app = build(str(served_db), threads=2, page_cache_mib=48)
    try:
        store = app.state.pool.get()
        assert store._conn.execute("PRAGMA cache_size").fetchone()[0] == -24 * 1024  # KiB: half of 48 MiB each
    finally:
        app.state.pool.close()
    plain = build(str(served_db), threads=2)
    try:  # none asked: SQLite's own default
        assert plain.state.pool.get()._conn.execute("PRAGMA cache_size").fetchone()[0] == -2000
    finally:
        plain.state.pool.close()
    with pytest.raises(ConfigError, match="page cache"):
        build(str(served_db), page_cache_mib=0)


def test_serve_takes_a_page_cache_and_refuses_none(served_db):
    assert newsgraph("serve", "--db", str(served_db), "--page-cache", "0").returncode == 2
    with serving(served_db, "--page-cache", "8", "--threads", "1") as base:
        assert get(base + "/?q=harbour")[0] == 200


def test_a_worker_threads_store_goes_with_the_thread(served_db):
    """AnyIO ends a worker thread idle for 10 s and starts another for the next burst: the pool must not keep the
    ended threads' stores (their connections and page caches) open."""
    import gc
    import threading
    import weakref

    from newsgraph.serve.app import StorePool
    pool = StorePool(str(served_db), page_cache_kib=4096)
    try:
        opened = []
        for _ in range(3):
            worker = threading.Thread(target=lambda: opened.append(weakref.ref(pool.get())))
            worker.start()
            worker.join()
        gc.collect()
        assert pool.open_stores() == 1  # the pool's own, made in this thread to fail early
        assert all(ref() is None for ref in opened)  # freed, so their connections closed
    finally:
        pool.close()


def test_the_page_cache_share_is_never_below_sqlites_own_and_needs_the_thread_count(served_db):
    app = build(str(served_db), threads=100, page_cache_mib=96)
    try:
        assert app.state.pool.page_cache_kib == 2000  # 96 MiB / 100 would be less than SQLite's 2,000 KiB
    finally:
        app.state.pool.close()
    with pytest.raises(ConfigError, match="give their number"):
        build(str(served_db), page_cache_mib=96)
