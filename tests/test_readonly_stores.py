"""Stores nobody here may write: a reader still searches them, with and without the server's shared answers.

Root ignores file modes, so under root each check runs in a child with every capability dropped (``setpriv``), as
an ordinary user would; the file modes then apply to it."""
from __future__ import annotations

import os
import shutil
from newsgraph.storage.sqlite.engine import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from newsgraph.errors import ConfigError
from newsgraph.storage import open_store
from newsgraph.storage.sqlite import entity_stats
from newsgraph.storage.sqlite.rank_cache import RankCache

from storage_contract.corpus import BODY, harbour, ingest

TESTS = os.path.dirname(os.path.abspath(__file__))


def _make(path: str) -> None:
    with open_store(path) as store:
        ingest(store, [harbour("a"), harbour("b", text=BODY.replace("Monday", "Tuesday"), published="2014-04-02")])


def _as_a_user(script: str) -> dict:
    """Run ``script`` (which prints one Python literal) without root's power to ignore file modes."""
    command = [sys.executable, "-c", textwrap.dedent(script)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: file modes cannot be made to apply")
        command = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", *command]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([TESTS, os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return eval(done.stdout.strip().splitlines()[-1])  # noqa: S307 (our own child's repr)


def _read_in_a_read_only_folder(folder, path: str) -> None:
    """Read the store at ``path`` as a user while nobody may write ``folder``; both ways answer alike."""
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        answers = _as_a_user(_READ % path)
    finally:
        os.chmod(folder, stat.S_IRWXU)
    assert answers["plain"] == answers["cached"]
    assert sorted(answers["plain"][0]) == ["a", "b"] and answers["plain"][1] == 2


_READ = """
    import sys
    from newsgraph import query
    from newsgraph.storage import open_store
    from newsgraph.storage.sqlite.rank_cache import RankCache
    def _entity(page):  # its quotes and the co-occurring entities the top index serves
        return len(page["quotes"]), len(page["cooccurring"])
    out = {}
    for cache in (None, RankCache()):
        with open_store(sys.argv[1] if len(sys.argv) > 1 else %r, create=False, readonly=True) as store:
            if cache is not None:
                store.share_rankings(cache)
            out["cached" if cache else "plain"] = ([h.id for h in store.search("strike")], store.search_count("strike"),
                                                   _entity(query.entity(store, "Maria Costa").as_dict()))
    print(repr(out))
"""


def test_a_read_only_file_without_the_top_index_is_searched_as_before(tmp_path):
    """A store whose counts predate the entity page's index, its file mode 0444: the reader answers without the
    index instead of failing to have a writer add it."""
    path = str(tmp_path / "old.db")
    _make(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"DROP INDEX {entity_stats.TOP_INDEX}")
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        answers = _as_a_user(_READ % path)
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert answers["plain"] == answers["cached"]
    assert sorted(answers["plain"][0]) == ["a", "b"] and answers["plain"][1] == 2 and min(answers["plain"][2]) > 0
    with sqlite3.connect(path) as conn:  # nothing was written
        assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (entity_stats.TOP_INDEX,)).fetchone()


def test_a_wal_store_in_a_read_only_folder_is_searched_with_the_shared_answers_on(tmp_path):
    """A folder nobody may write, the store's write-ahead log beside it and no shared-memory file: the store is read
    as immutable, and the server's cache, which cannot watch such a file, answers by reading afresh."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = str(folder / "new.db")
    _make(path)
    open(path + "-wal", "wb").close()  # as a copy taken while a writer had the file open leaves it
    if os.path.exists(path + "-shm"):
        os.remove(path + "-shm")
    _read_in_a_read_only_folder(folder, path)


def test_a_negative_offset_is_refused_with_or_without_shared_answers(tmp_path):
    path = str(tmp_path / "s.db")
    _make(path)
    for cache in (None, RankCache()):
        with open_store(path, create=False, readonly=True) as store:
            if cache is not None:
                store.share_rankings(cache)
            with pytest.raises(ConfigError, match="negative"):
                store.search("strike", 2, -1)
            with pytest.raises(ConfigError, match="negative"):
                store.search_ids("strike", 2, -1)


def test_a_store_alone_in_a_read_only_folder_is_searched(tmp_path):
    """The commonest read-only copy: the store file alone (no log, no shared memory, maybe a seal) in a folder
    nobody may write. A reader opens it as it is; nothing tries to remove or make a file beside it."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = str(folder / "alone.db")
    _make(path)
    leftovers = sorted(os.listdir(folder))
    assert not [name for name in leftovers if name.endswith(("-wal", "-shm"))]
    _read_in_a_read_only_folder(folder, path)
    assert sorted(os.listdir(folder)) == leftovers

