"""Stores: readers read only and never wait for a writer; a damaged store is refused by writers, reported by readers
and named in full by ``newsgraph check``; nothing ends in a traceback."""
from __future__ import annotations

import hashlib
import os
import random
import shutil
from newsgraph.storage.sqlite.engine import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.errors import StoreError
from newsgraph.ids import content_hash
from newsgraph.model import Article, Entity, Mention, Quote, Speaker
from newsgraph.storage import open_store

PAGE = 4096


def article(n: int) -> Article:
    text = (f"Mayor Ann Lee said \"the harbour plan {n} is ready\" on Tuesday. " * 6
            + f"The council will vote on plan {n} next week, officials said. " * 30)
    q = (text.index('"') + 1, text.index('"', text.index('"') + 1))
    return Article(f"a{n}", text, content_hash(text), title=f"Harbour plan {n}", published=f"2024-03-{n % 28 + 1:02d}",
                   source="example.org", language="en",
                   entities=[Entity("e1", "Ann Lee", "PERSON", [Mention(6, 13)])],
                   quotes=[Quote(text[q[0]:q[1]], q, "direct", [q], "said", (14, 18),
                                 Speaker("Ann Lee", (6, 13), "e1", "Ann Lee"), [])],
                   pipeline={"newsgraph": "0.1.0"})


@pytest.fixture(scope="module")
def sound(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "sound.db"
    with open_store(path) as store:
        for n in range(60):
            store.put(article(n))
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, as a copied store would be
    con.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damaged_copy(sound: Path, tmp_path: Path) -> Path:
    """A copy with 4 KB of random bytes over a page in the middle of the file (the page header included): the page
    holding the stored record of the middle article, so that every reader of records meets it whatever other
    tables the store's layout puts around it."""
    path = tmp_path / "damaged.db"
    shutil.copy(sound, path)
    data = bytearray(path.read_bytes())
    middle = (data.index(b'"id": "a30"') // PAGE) * PAGE
    data[middle:middle + PAGE] = random.Random(7).randbytes(PAGE)
    path.write_bytes(bytes(data))
    return path


def cli_run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_says_ok_for_a_sound_store_and_names_damage(sound, tmp_path):
    ok = cli_run("check", "--db", str(sound))
    assert ok.exit_code == 0 and ok.stdout.startswith("ok")
    bad = cli_run("check", "--db", str(damaged_copy(sound, tmp_path)))
    assert bad.exit_code == 1 and "damaged" in bad.stderr and len(bad.stderr.splitlines()) >= 2


def test_a_writer_refuses_a_damaged_store_and_writes_nothing(sound, tmp_path, examples_dir):
    path = damaged_copy(sound, tmp_path)
    before = digest(path)
    result = cli_run("ingest", str(examples_dir / "harbour_strike.txt"), "--db", str(path), "--stages", "entities")
    assert result.exit_code == 1 and "damaged" in result.output and "newsgraph check" in result.output
    assert digest(path) == before
    with pytest.raises(StoreError, match="damaged"):
        open_store(path)


@pytest.mark.parametrize("args", [["search", "harbour"], ["show", "a30"], ["quotes"], ["export"],
                                  ["export", "--format", "csv"], ["entity", "Ann Lee"], ["story", "a30"],
                                  ["timeline", "Ann Lee"]])
def test_readers_of_a_damaged_store_give_a_message_not_a_traceback(sound, tmp_path, args):
    path = damaged_copy(sound, tmp_path)
    before = digest(path)
    result = cli_run(*args, "--db", str(path))  # catch_exceptions=False: a traceback fails the test
    assert result.exit_code in (0, 1)
    if result.exit_code == 1:
        assert "damaged" in result.output or "not a usable" in result.output or "no " in result.output
    assert digest(path) == before


def test_export_of_a_damaged_store_fails_clearly(sound, tmp_path):
    result = cli_run("export", "--db", str(damaged_copy(sound, tmp_path)))
    assert result.exit_code == 1 and "damaged" in result.stderr and "newsgraph check" in result.stderr
    assert result.stderr.isprintable() or set(result.stderr) - set(map(chr, range(32, 0x110000))) <= {"\n"}
    assert len(result.stderr) < 400  # the damaged bytes are not poured onto the terminal


def test_a_reader_needs_no_write_access_and_never_writes(sound, tmp_path):
    path = tmp_path / "copy.db"
    shutil.copy(sound, path)
    before = digest(path)
    with open_store(path, create=False, readonly=True) as store:
        assert store.count() == 60 and [h.id for h in store.search("plan", limit=3)]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._conn.execute("CREATE TABLE intruder (x)")
    assert digest(path) == before


def test_a_reader_is_not_blocked_by_a_writer_holding_the_lock(sound, tmp_path):
    path = tmp_path / "busy.db"
    shutil.copy(sound, path)
    writer = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    writer.execute("BEGIN IMMEDIATE")  # as reindex does, for minutes
    try:
        result = cli_run("search", "harbour", "--db", str(path), "-n", "2")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.exit_code == 0 and result.stdout.count("Harbour plan") == 2


def test_an_empty_file_is_not_made_into_a_store_by_a_reader(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    for args in (["search", "x"], ["quotes"], ["export"]):
        result = cli_run(*args, "--db", str(path))
        assert result.exit_code == 1 and "empty" in result.output
    assert path.stat().st_size == 0 and not Path(f"{path}-wal").exists()


def test_a_clean_close_seals_the_store_and_the_next_writer_skips_the_full_read(tmp_path, monkeypatch):
    """The page check reads the whole file (minutes at 10^6 articles): a writer skips it while the file is exactly
    as the last writer's clean close left it, and runs it after anything else touched the file."""
    from newsgraph.storage.sqlite import store as sqlite_store
    checks: list[str] = []
    real = sqlite_store.quick_check
    monkeypatch.setattr(sqlite_store, "quick_check", lambda conn, path: (checks.append(path), real(conn, path)))
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.put(article(1))
    assert (tmp_path / "s.db-sealed").exists() and len(checks) == 1  # made new: checked (an empty file) once
    with open_store(path) as store:
        assert not (tmp_path / "s.db-sealed").exists()  # removed before anything is written
        store.put(article(2))
    assert len(checks) == 1  # as the last close left it: no second read of every page
    with open_store(path, readonly=True) as store:  # a reader neither checks nor seals nor unseals
        assert store.count() == 2
    assert (tmp_path / "s.db-sealed").exists()
    os.utime(path)  # touched by something else since: the seal no longer matches
    with open_store(path) as store:
        assert store.count() == 2
    assert len(checks) == 2


def test_a_readers_upgrade_of_an_older_store_leaves_it_sealed(tmp_path, monkeypatch):
    """A reader that has a writer's open upgrade the store (an index the store lacks) leaves the file sealed, as a
    writer's clean close does: the next writer does not read every page again (185 s at 10^6 articles)."""
    from newsgraph.storage.sqlite.engine import sqlite3

    from newsgraph.storage.sqlite import entity_stats
    from newsgraph.storage.sqlite import store as sqlite_store
    path = tmp_path / "u.db"
    with open_store(path) as store:
        store.put(article(1))
    conn = sqlite3.connect(path)  # an older store: without the index, and touched since its seal
    conn.execute(f"DROP INDEX {entity_stats.TOP_INDEX}")
    conn.commit()
    conn.close()
    checks: list[str] = []
    real = sqlite_store.quick_check
    monkeypatch.setattr(sqlite_store, "quick_check", lambda conn, path: (checks.append(path), real(conn, path)))
    with open_store(path, readonly=True) as store:
        assert store.count() == 1
    assert len(checks) == 1 and (tmp_path / "u.db-sealed").exists()  # the upgrading writer checked, then sealed
    with open_store(path) as store:
        store.put(article(2))
    assert len(checks) == 1


def test_a_writer_killed_mid_run_leaves_no_seal_and_the_next_writer_checks(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "k.db"
    with open_store(path) as store:
        store.put(article(1))
    code = ("import os, sys\nsys.path[:0] = [%r]\nfrom test_damaged_store import article\n"
            "from newsgraph.storage import open_store\nstore = open_store(%r)\nstore.put(article(2))\n"
            "os._exit(9)\n" % (str(Path(__file__).parent), str(path)))
    subprocess.run([sys.executable, "-c", code], check=False, timeout=300)
    assert not (tmp_path / "k.db-sealed").exists()


def test_damage_after_a_clean_close_is_still_refused(sound, tmp_path):
    path = tmp_path / "sealed.db"
    shutil.copy(sound, path)
    with open_store(path) as store:
        store.count()
    assert (tmp_path / "sealed.db-sealed").exists()
    damaged = damaged_copy(path, tmp_path)  # damaged.db: the bytes of the sealed store with a page overwritten
    shutil.copy(tmp_path / "sealed.db-sealed", tmp_path / "damaged.db-sealed")  # even beside a copied seal
    with pytest.raises(StoreError, match="damaged"):
        open_store(damaged)


def test_a_writer_kept_waiting_past_the_lock_is_told_so_not_that_the_store_is_damaged(sound, tmp_path, monkeypatch,
                                                                                      examples_dir):
    from newsgraph.storage import is_store_busy, is_store_damage
    from newsgraph.storage.sqlite import store as sqlite_store
    path = tmp_path / "held.db"
    shutil.copy(sound, path)
    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    holder.execute("BEGIN IMMEDIATE")  # another process's reindex or bulk load
    try:
        result = cli_run("ingest", str(examples_dir), "--db", str(path))
        other = sqlite3.connect(path, isolation_level=None, timeout=0.1)
        with pytest.raises(sqlite3.OperationalError) as locked:
            other.execute("BEGIN IMMEDIATE")
        other.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1 and "another process is writing to this store" in result.output
    assert "damaged" not in result.output and "Traceback" not in result.output
    assert is_store_busy(locked.value) and not is_store_damage(locked.value)
