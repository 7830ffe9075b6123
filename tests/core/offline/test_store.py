from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from saveris_desktop.core.offline.drafts import DraftKey, DraftStore
from saveris_desktop.core.offline.store import (
    DATABASE_NAME,
    SCHEMA_VERSION,
    NewerDatabaseError,
    StorageProblem,
    Store,
    StoreError,
)
from tests.core.offline.draft_writer import draft_body, draft_key

ROOT = Path(__file__).resolve().parents[3]
KEY = DraftKey("Europe, production", "Kitchen", "device", "dev-1")


async def test_fresh_database_is_wal_with_current_schema(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        assert store.problem is None
        mode = await store.read(lambda c: c.execute("PRAGMA journal_mode").fetchone()[0])
        version = await store.read(lambda c: c.execute("PRAGMA user_version").fetchone()[0])
        assert (mode, version) == ("wal", SCHEMA_VERSION)
    finally:
        await store.close()
        await store.close()  # idempotent


async def test_default_location_is_the_data_folder() -> None:
    from saveris_desktop.core.runtime import paths

    store = await Store.open()
    await store.close()
    assert store.path == paths.data_dir() / DATABASE_NAME
    assert store.path.exists()


async def test_failed_write_commits_nothing(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    drafts = DraftStore(store)

    def half_then_fail(connection: sqlite3.Connection) -> None:
        connection.execute(
            "INSERT INTO drafts (endpoint, site, kind, object_id, mine, updated_at) "
            "VALUES ('e', 's', 'k', 'o', '{}', 't')"
        )
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await store.write(half_then_fail)
    assert await drafts.find() == []
    await store.close()


async def test_a_refused_commit_commits_nothing_and_later_writes_still_work(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    drafts = DraftStore(store)

    def refused_at_commit(connection: sqlite3.Connection) -> None:
        # a deferred foreign key is checked at COMMIT: a real way for COMMIT itself to fail
        connection.execute("PRAGMA defer_foreign_keys = ON")
        connection.execute("CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY)")
        connection.execute("CREATE TEMP TABLE child (parent INTEGER REFERENCES parent (id))")
        connection.execute("INSERT INTO child VALUES (1)")
        connection.execute(
            "INSERT INTO drafts (endpoint, site, kind, object_id, mine, updated_at) "
            "VALUES ('e', 's', 'k', 'o', '{}', 't')"
        )

    with pytest.raises(sqlite3.IntegrityError):
        await store.write(refused_at_commit)
    assert await drafts.find() == []  # nothing of the refused transaction is visible
    await drafts.save(draft_key(1), draft_body(1))  # the store is not stuck in the open transaction
    assert len(await drafts.find()) == 1
    await store.close()


async def test_garbage_file_is_backed_up_reported_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    garbage = b"this is not a database at all " * 200
    path.write_bytes(garbage)
    store = await Store.open(path)
    try:
        assert store.problem is not None
        assert "not a database" in store.problem.reason
        assert store.problem.backup_path.read_bytes() == garbage
        assert store.problem.backup_path.name.startswith("db.sqlite3.damaged-")
        assert "kept as" in store.problem.message
        # the fresh database works
        await DraftStore(store).save(KEY, {"name": "x"})
        assert (await DraftStore(store).get(KEY)) is not None
    finally:
        await store.close()


async def test_damaged_page_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    drafts = DraftStore(store)
    for number in range(300):
        await drafts.save(DraftKey("e", "s", "device", f"d{number}"), {"blob": "y" * 800})
    await store.close()
    # Fold the WAL into the main file, then overwrite the middle of the file (table pages).
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(4096 * 3))
    reopened = await Store.open(path)
    try:
        assert reopened.problem is not None
        assert reopened.problem.backup_path.exists()
        assert await DraftStore(reopened).find() == []
    finally:
        await reopened.close()


async def test_database_from_a_newer_app_is_left_untouched_and_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE newer_things (x)")
        connection.execute("INSERT INTO newer_things VALUES ('unsent change')")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as raised:
        await Store.open(path)
    assert raised.value.problem is StorageProblem.NEWER_VERSION
    assert "made by a newer version of Saveris Desktop" in str(raised.value)
    assert "damaged" not in str(raised.value)
    assert path.read_bytes() == before  # not moved, not migrated, not replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3"]


async def test_a_zero_byte_file_is_kept_as_damaged_not_taken_as_a_fresh_store(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"")  # what a crash or a full disk leaves behind
    store = await Store.open(path)
    try:
        assert store.problem is not None
        assert "it was empty (0 bytes)" in store.problem.reason
        assert store.problem.backup_path.exists() and store.problem.backup_path.stat().st_size == 0
        assert "kept as" in store.problem.message
        version = await store.read(lambda c: c.execute("PRAGMA user_version").fetchone()[0])
        assert version == SCHEMA_VERSION
    finally:
        await store.close()


async def test_migration_from_a_database_without_tables(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with closing(sqlite3.connect(path)) as connection:  # a real database file, version 0, no tables
        connection.execute("PRAGMA user_version = 0")
        connection.execute("CREATE TABLE scratch (x)")
        connection.execute("DROP TABLE scratch")
        connection.commit()
    store = await Store.open(path)
    try:
        assert store.problem is None
        tables = await store.read(
            lambda c: sorted(r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'"))
        )
        assert {"drafts", "cache", "outbox", "templates", "audit"} <= set(tables)
    finally:
        await store.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
async def test_the_database_and_its_journal_are_readable_by_the_user_only(tmp_path: Path) -> None:
    os.umask(old_umask := os.umask(0o022))  # the usual default: files would be world-readable
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    try:
        await DraftStore(store).save(KEY, {"name": "x"})
        for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
    finally:
        await store.close()
    assert old_umask == os.umask(old_umask)
    loose = tmp_path / "old.sqlite3"  # made by an earlier version under the default umask
    with closing(sqlite3.connect(loose)) as connection:
        connection.execute("CREATE TABLE t (x)")
    loose.chmod(0o644)
    store = await Store.open(loose)
    await store.close()
    assert loose.stat().st_mode & 0o777 == 0o600


def _open_in_child(path: str, start: Any, results: Any) -> None:
    """In a child process: wait for the common start signal, open the store, report how it went."""

    async def run() -> str:
        store = await Store.open(Path(path))
        try:
            problem = store.problem
            await DraftStore(store).save(DraftKey("e", "s", "device", str(os.getpid())), {"pid": os.getpid()})
            return "ok" if problem is None else f"problem: {problem.reason}"
        finally:
            await store.close()

    start.wait()
    try:
        results.put(asyncio.run(run()))
    except BaseException as error:  # reported to the parent, which fails the test with it
        results.put(f"{type(error).__name__}: {error}")


@pytest.mark.parametrize("existing", ["missing", "old-empty-schema"])
def test_concurrent_openers_in_real_processes_all_open_the_same_database(
    tmp_path: Path, existing: str
) -> None:
    """Six processes open one database at the same moment: each one opens it (no 'table exists',
    no zero-byte file taken for damage), and all six drafts land in the one file."""
    path = tmp_path / "db.sqlite3"
    if existing == "old-empty-schema":
        with closing(sqlite3.connect(path)) as connection:  # version 0: every opener wants to migrate
            connection.execute("CREATE TABLE scratch (x)")
            connection.execute("DROP TABLE scratch")
            connection.commit()
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    results = context.Queue()
    children = [context.Process(target=_open_in_child, args=(str(path), start, results)) for _ in range(6)]
    for child in children:
        child.start()
    start.set()
    outcomes = [results.get(timeout=60) for _ in children]
    for child in children:
        child.join(timeout=30)
    assert outcomes == ["ok"] * 6
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT count(*) FROM drafts").fetchone()[0] == 6
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not [p.name for p in tmp_path.iterdir() if "damaged" in p.name or p.name.endswith(".new")]


async def test_read_only_opening_reads_while_the_app_writes_and_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with pytest.raises(StoreError) as missing:
        await Store.open(path, read_only=True)
    assert missing.value.problem is StorageProblem.MISSING and not path.exists()
    app = await Store.open(path)
    reader = await Store.open(path, read_only=True)
    try:
        await DraftStore(app).save(KEY, {"name": "from the app"})
        draft = await DraftStore(reader).get(KEY)
        assert draft is not None and draft.mine == {"name": "from the app"}
        with pytest.raises(StoreError) as refused:
            await DraftStore(reader).save(KEY, {"name": "from the tool"})
        assert refused.value.problem is StorageProblem.READ_ONLY
        with pytest.raises(sqlite3.OperationalError):  # even a raw statement is refused
            await reader.read(lambda c: c.execute("DELETE FROM drafts"))
    finally:
        await reader.close()
        await app.close()
    assert (await _draft_names(path)) == ["from the app"]


async def _draft_names(path: Path) -> list[str]:
    store = await Store.open(path)
    try:
        return [d.mine["name"] for d in await DraftStore(store).find()]
    finally:
        await store.close()


def test_sigkill_loses_no_committed_draft(tmp_path: Path) -> None:
    """A real child process saves drafts in a loop; SIGKILL mid-loop; every printed save is on disk."""
    path = tmp_path / "db.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.core.offline.draft_writer", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    committed: list[int] = []
    try:
        assert child.stdout is not None
        while len(committed) < 40:
            line = child.stdout.readline()
            if not line:
                pytest.fail("writer ended early: " + (child.stderr.read() if child.stderr else ""))
            committed.append(int(line))
    finally:
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        child.wait(timeout=10)
        child.stdout.close() if child.stdout else None
        child.stderr.close() if child.stderr else None
    assert child.returncode == (-signal.SIGKILL if sys.platform != "win32" else 1)
    last = committed[-1]

    async def read_back() -> dict[str, dict[str, object]]:
        store = await Store.open(path)
        try:
            assert store.problem is None
            return {d.key.object_id: d.mine for d in await DraftStore(store).find()}
        finally:
            await store.close()

    rows = asyncio.run(read_back())
    # Each key holds the newest body committed for it: at least the last number printed for that key.
    for number in committed[-7:]:
        stored = rows[draft_key(number).object_id]
        assert stored["measuring_cycle"] >= draft_body(number)["measuring_cycle"]  # type: ignore[operator]
    assert len(rows) == min(7, last + 1)


def test_only_a_damaged_file_is_moved_aside_never_a_locked_one() -> None:
    from saveris_desktop.core.offline.store import _is_damage

    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = 5  # type: ignore[attr-defined]  (SQLITE_BUSY)
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = 11  # type: ignore[attr-defined]
    not_ours = sqlite3.DatabaseError("file is not a database")
    not_ours.sqlite_errorcode = 26  # type: ignore[attr-defined]
    assert not _is_damage(locked)
    assert _is_damage(corrupt) and _is_damage(not_ours)


async def test_a_path_that_cannot_be_opened_is_reported_not_recovered(tmp_path: Path) -> None:
    from saveris_desktop.core.offline.store import StoreError

    blocked = tmp_path / "db.sqlite3"
    blocked.mkdir()  # e.g. a folder where the file should be: nothing to back up or replace
    (blocked / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot be"):
        await Store.open(blocked)
    assert [p.name for p in tmp_path.iterdir()] == ["db.sqlite3"]
    assert (blocked / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_storage_problems_are_named_for_the_technician() -> None:
    import errno

    from saveris_desktop.core.offline.store import storage_problem

    def sqlite_error(code: int, text: str) -> sqlite3.Error:
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        return error

    assert storage_problem(sqlite_error(13, "database or disk is full")) is StorageProblem.DISK_FULL
    assert (
        storage_problem(sqlite_error(8, "attempt to write a readonly database")) is StorageProblem.READ_ONLY
    )
    assert storage_problem(sqlite_error(1032, "readonly database (SQLITE_READONLY_DBMOVED)")) is (
        StorageProblem.READ_ONLY
    )
    assert storage_problem(sqlite_error(5, "database is locked")) is StorageProblem.BUSY
    assert storage_problem(sqlite_error(14, "unable to open database file")) is StorageProblem.FOLDER_UNUSABLE
    assert storage_problem(sqlite3.OperationalError("database or disk is full")) is StorageProblem.DISK_FULL
    assert storage_problem(OSError(errno.ENOSPC, "No space left on device")) is StorageProblem.DISK_FULL
    assert storage_problem(OSError(errno.EROFS, "Read-only file system")) is StorageProblem.READ_ONLY
    assert storage_problem(PermissionError(errno.EACCES, "Permission denied")) is StorageProblem.READ_ONLY
    assert storage_problem(FileExistsError(errno.EEXIST, "File exists")) is StorageProblem.FOLDER_UNUSABLE
    assert storage_problem(StoreError("x", StorageProblem.BUSY)) is StorageProblem.BUSY
    assert storage_problem(RuntimeError("a bug")) is StorageProblem.OTHER
