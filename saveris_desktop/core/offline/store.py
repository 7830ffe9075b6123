"""The local SQLite database: drafts, cache, outbox, templates and audit log in one file.

Why it is shaped like this:
- One connection, used by one dedicated worker thread. sqlite3 connections are not meant to be
  shared across threads, and a single writer thread serialises every transaction, so callers
  on the (Qt) event loop only ever `await` and never block.
- WAL journal with `synchronous=FULL`: a committed transaction survives a killed process and a
  power cut; readers never wait for the writer.
- `PRAGMA user_version` is the schema version; `MIGRATIONS` are applied in order inside one
  transaction, so a database is always at exactly one known version.
- A damaged file must not stop the app: it is detected at open, renamed to a timestamped backup
  (kept for support), a fresh database is created, and `Store.problem` tells the caller what
  happened so the UI can say so. A zero-byte file counts as damaged (a crash or a full disk left
  it; it is kept as `.damaged-…` like any other): the app never creates one itself, because a new
  database is built under a temporary name and only then linked into place.
- A database made by a newer version of the app is never touched: `NewerDatabaseError` (a
  `StoreError`) says so, and the file waits for that version (its unsent changes included).
- Safe against concurrent openers (a second app starting, a command-line tool): the schema version
  is read inside the migration's `BEGIN IMMEDIATE` transaction, so two openers never both migrate;
  the data-folder lock (core/runtime/instance_lock.py) keeps a second writer out in the first place.
  `Store.open(read_only=True)` is for a tool that found the folder locked: it reads, never writes.
- The file (and SQLite's -wal/-shm companions, which inherit its mode) is readable by the user only.
- `StoreError.problem` names what went wrong (disk full, read-only, ...) so the UI can say it in
  the technician's words; `storage_problem()` does the same for an error of a later write.
- Nothing secret is stored here: no tokens, no passwords.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from saveris_desktop.core.runtime import paths

T = TypeVar("T")
log = logging.getLogger(__name__)

DATABASE_NAME = "saveris-desktop.sqlite3"

#: Ordered schema migrations; migration N brings `user_version` from N to N+1. Never edit a
#: released entry: append a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE drafts (
        endpoint   TEXT NOT NULL,
        site       TEXT NOT NULL,
        kind       TEXT NOT NULL,
        object_id  TEXT NOT NULL,
        base       TEXT,
        mine       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (endpoint, site, kind, object_id)
    );
    CREATE TABLE cache (
        endpoint   TEXT NOT NULL,
        site       TEXT NOT NULL,
        kind       TEXT NOT NULL,
        object_id  TEXT NOT NULL,
        payload    TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (endpoint, site, kind, object_id)
    );
    CREATE TABLE outbox (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        endpoint      TEXT NOT NULL,
        site          TEXT NOT NULL,
        kind          TEXT NOT NULL,
        object_id     TEXT NOT NULL,
        payload       TEXT NOT NULL,
        base          TEXT,
        state         TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        attempts      INTEGER NOT NULL DEFAULT 0,
        message       TEXT,
        conflict      TEXT,
        result_id     TEXT,
        audit_id      INTEGER
    );
    CREATE INDEX outbox_state ON outbox (state, id);
    CREATE TABLE templates (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        kind       TEXT NOT NULL,
        name       TEXT NOT NULL,
        payload    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, name)
    );
    CREATE TABLE audit (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        at        TEXT NOT NULL,
        user      TEXT NOT NULL,
        endpoint  TEXT NOT NULL,
        site      TEXT NOT NULL,
        kind      TEXT NOT NULL,
        object_id TEXT NOT NULL,
        before    TEXT,
        after     TEXT,
        result    TEXT NOT NULL,
        message   TEXT
    );
    CREATE INDEX audit_at ON audit (at);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


#: The database file and its companions: readable and writable by the user only.
FILE_MODE = 0o600


class StorageProblem(StrEnum):
    """What kept the database from working, as the UI explains it to the technician."""

    DISK_FULL = "disk-full"
    READ_ONLY = "read-only"  # the file, the folder or the whole disk refuses writes
    FOLDER_UNUSABLE = "folder-unusable"  # cannot be created or opened at all
    BUSY = "busy"  # another process holds the database longer than the busy timeout
    NEWER_VERSION = "newer-version"
    DAMAGED = "damaged"
    MISSING = "missing"  # read-only opening of a database that does not exist yet
    OTHER = "other"


class StoreError(Exception):
    """The database could not be used at all (e.g. the data folder is not writable)."""

    def __init__(self, message: str, problem: StorageProblem = StorageProblem.OTHER) -> None:
        super().__init__(message)
        self.problem = problem


class NewerDatabaseError(StoreError):
    """The file was made by a newer version of the app; it is left exactly as it is."""

    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"the local database {path} was made by a newer version of Saveris Desktop "
            f"(schema {version}, this version knows {SCHEMA_VERSION}); it is left untouched",
            StorageProblem.NEWER_VERSION,
        )
        self.version = version


@dataclass(frozen=True)
class OpenProblem:
    """What went wrong with the previous database file; the app runs on a fresh one."""

    reason: str
    backup_path: Path

    @property
    def message(self) -> str:
        return (
            f"The local database was damaged ({self.reason}). It was kept as {self.backup_path.name} "
            "and a new, empty one was created. Drafts and the offline cache start empty."
        )


def utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp(moment: datetime | None = None) -> str:
    """ISO-8601 UTC with milliseconds: sortable as text."""
    return (moment or utc_now()).astimezone(UTC).isoformat(timespec="milliseconds")


class _UnusableError(Exception):
    """The file exists but cannot be used as our database; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Store:
    """Async facade over one SQLite connection living on one worker thread."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        executor: ThreadPoolExecutor,
        path: Path,
        problem: OpenProblem | None,
        *,
        read_only: bool = False,
    ) -> None:
        self._connection = connection
        self._executor = executor
        self.path = path
        self.problem = problem
        self.read_only = read_only
        self._closed = False

    # --- opening --------------------------------------------------------------------------------

    @classmethod
    async def open(cls, path: Path | None = None, *, read_only: bool = False) -> Store:
        """Open (creating or migrating) the database; recover from a damaged file as described above.

        `read_only=True` (a tool while the app holds the data folder): open an existing database
        of exactly this schema for reading; nothing is created, migrated, moved aside or written.
        """
        target = path or paths.data_dir() / DATABASE_NAME
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="saveris-store")
        loop = asyncio.get_running_loop()
        try:
            if read_only:
                connection, problem = await loop.run_in_executor(executor, _open_read_only, target), None
            else:
                connection, problem = await loop.run_in_executor(executor, _open_or_recover, target)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(connection, executor, target, problem, read_only=read_only)

    # --- running work ---------------------------------------------------------------------------

    async def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on the worker thread (a consistent snapshot: it runs in a read transaction)."""
        return await self._submit(lambda: _in_transaction(self._connection, work, "BEGIN"))

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` as ONE committed transaction: all of it is on disk when this returns, or none."""
        if self.read_only:
            raise StoreError("the local database was opened read-only", StorageProblem.READ_ONLY)
        return await self._submit(lambda: _in_transaction(self._connection, work, "BEGIN IMMEDIATE"))

    async def _submit(self, job: Callable[[], T]) -> T:
        if self._closed:
            raise StoreError("the local database is closed")
        return await asyncio.get_running_loop().run_in_executor(self._executor, job)

    async def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._closed:
            return
        self._closed = True
        await asyncio.get_running_loop().run_in_executor(self._executor, self._connection.close)
        self._executor.shutdown(wait=False)


def _in_transaction(connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], T], begin: str) -> T:
    connection.execute(begin)
    try:
        result = work(connection)
        connection.execute("COMMIT")
    except BaseException:
        # A refused COMMIT (a constraint checked at commit, disk full) leaves the transaction open,
        # and every later BEGIN would fail; sqlite may also have rolled back already on its own.
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return result


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly one `write`.
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    connection.row_factory = sqlite3.Row
    return connection


def _prepare(path: Path) -> sqlite3.Connection:
    """Open, check and migrate `path`; raise _UnusableError for a file that is not a healthy database."""
    _refuse_empty(path)
    try:
        connection = _connect(path)
    except sqlite3.Error as error:  # cannot even open it (a folder, no permission): nothing to recover
        raise StoreError(
            f"the local database {path} cannot be opened: {error}", storage_problem(error)
        ) from error
    try:
        try:
            _check(connection)
            # A newer app's file is refused before anything (even the journal mode) is written to it;
            # _migrate looks again inside its transaction, where it counts.
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise NewerDatabaseError(path, version)
            # Outside any transaction (SQLite cannot switch it inside one); a no-op once in WAL.
            mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("sqlite refused WAL mode (got %s); continuing", mode)
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            _migrate(connection, path)
        except sqlite3.DatabaseError as error:
            if _is_damage(error):
                raise _UnusableError(str(error)) from error
            raise StoreError(
                f"the local database {path} cannot be used: {error}", storage_problem(error)
            ) from error
    except BaseException:
        connection.close()
        raise
    return connection


def _check(connection: sqlite3.Connection) -> None:
    check = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    if check != ["ok"]:
        raise _UnusableError("; ".join(str(line) for line in check[:3]))


def _refuse_empty(path: Path) -> None:
    """A zero-byte file is what a crash or a full disk leaves, never a database this app made."""
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_size == 0:
            raise _UnusableError("it was empty (0 bytes), as a crash or a full disk can leave it")


def _open_read_only(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise StoreError(f"there is no local database at {path} yet", StorageProblem.MISSING)
    try:
        _refuse_empty(path)
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=10.0,
        )
    except _UnusableError as unusable:
        raise StoreError(
            f"the local database {path} is damaged: {unusable.reason}", StorageProblem.DAMAGED
        ) from None
    except sqlite3.Error as error:
        raise StoreError(
            f"the local database {path} cannot be opened: {error}", storage_problem(error)
        ) from error
    connection.row_factory = sqlite3.Row
    try:
        try:
            _check(connection)
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            connection.execute("PRAGMA query_only=ON")  # a second guard besides mode=ro
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"the local database {path} cannot be read: {error}", storage_problem(error)
            ) from error
        except _UnusableError as unusable:
            raise StoreError(
                f"the local database {path} is damaged: {unusable.reason}", StorageProblem.DAMAGED
            ) from None
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(path, version)
        if version < SCHEMA_VERSION:  # only the app (holding the lock) may migrate it
            raise StoreError(
                f"the local database {path} has an older layout; start Saveris Desktop once to update it",
                StorageProblem.OTHER,
            )
    except BaseException:
        connection.close()
        raise
    return connection


_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    """Only a damaged file is moved aside; "locked" or "read-only" must never cost the user their data."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # errors raised without a code (rare) are judged by their words
        return "malformed" in str(error) or "not a database" in str(error)
    return (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def storage_problem(error: BaseException) -> StorageProblem:
    """What kind of trouble `error` (from opening or a write) is, for words the technician understands."""
    if isinstance(error, StoreError):
        return error.problem
    if isinstance(error, _UnusableError):
        return StorageProblem.DAMAGED
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        primary = None if code is None else code & 0xFF
        if primary is None:
            text = str(error).lower()
            primary = (
                _SQLITE_FULL
                if "full" in text
                else _SQLITE_READONLY
                if "readonly" in text or "read-only" in text
                else None
            )
        by_code = {
            _SQLITE_FULL: StorageProblem.DISK_FULL,
            _SQLITE_READONLY: StorageProblem.READ_ONLY,
            _SQLITE_BUSY: StorageProblem.BUSY,
            _SQLITE_LOCKED: StorageProblem.BUSY,
            _SQLITE_CANTOPEN: StorageProblem.FOLDER_UNUSABLE,
            _SQLITE_IOERR: StorageProblem.FOLDER_UNUSABLE,
            _SQLITE_CORRUPT: StorageProblem.DAMAGED,
            _SQLITE_NOTADB: StorageProblem.DAMAGED,
        }
        return by_code.get(primary, StorageProblem.OTHER) if primary is not None else StorageProblem.OTHER
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return StorageProblem.DISK_FULL
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageProblem.READ_ONLY
        return StorageProblem.FOLDER_UNUSABLE
    return StorageProblem.OTHER


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date. The version is read INSIDE the write transaction: a second
    opener waits here for the first one's migration and then sees its result, instead of running
    the same CREATE TABLEs again on a version it read before."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(path, version)
        for number in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
        if version != SCHEMA_VERSION:
            # PRAGMA does not take parameters; the value is our own integer.
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    if version != SCHEMA_VERSION:
        log.info("local database migrated from schema %d to %d", version, SCHEMA_VERSION)


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT on its own; split so the whole migration stays one transaction.
    return [part.strip() for part in script.split(";") if part.strip()]


def _backup_name(path: Path) -> Path:
    stamp = utc_now().strftime("%Y%m%dT%H%M%S.%fZ")
    return path.with_name(f"{path.name}.damaged-{stamp}")


def _create_if_missing(path: Path) -> None:
    """Build a new, fully migrated database under a temporary name and link it into place.

    So the file at `path` is never half made (a zero-byte file there is damage, not ours), two
    openers never both create one (the second link finds the first one's file and uses it), and it
    is created with FILE_MODE (mkstemp) rather than the umask's world-readable default.
    """
    if path.exists():
        return
    handle, temporary_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        connection = _connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            _migrate(connection, temporary)
        finally:
            connection.close()  # the last connection folds the WAL back in and removes -wal/-shm
        try:
            os.link(temporary, path)  # never replaces: a file another opener linked first wins
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links (FAT, some shares)
            if not path.exists():
                os.replace(temporary, path)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)


def _restrict_to_user(path: Path) -> None:
    """Files made by earlier versions were world-readable (umask): make them the user's only."""
    if os.name != "posix":  # Windows: the user's profile folder already is the user's only
        return
    for suffix in ("", "-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        with contextlib.suppress(OSError):
            if companion.stat().st_mode & 0o077:
                companion.chmod(FILE_MODE)


def _open_or_recover(path: Path) -> tuple[sqlite3.Connection, OpenProblem | None]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"the data folder {path.parent} cannot be created: {error}", storage_problem(error)
        ) from error
    try:
        _create_if_missing(path)
        _restrict_to_user(path)
        return _prepare(path), None
    except _UnusableError as unusable:
        backup = _backup_name(path)
        log.error("local database %s is unusable (%s); moving it to %s", path, unusable.reason, backup)
        # The -wal/-shm companions belong to the damaged file: move them along so the fresh database
        # never replays a foreign journal.
        try:
            for suffix in ("", "-wal", "-shm"):
                companion = Path(f"{path}{suffix}")
                if companion.exists():
                    companion.replace(Path(f"{backup}{suffix}"))
            _create_if_missing(path)
            return _prepare(path), OpenProblem(unusable.reason, backup)
        except _UnusableError as again:
            raise StoreError(f"a new local database could not be created: {again.reason}") from again
        except OSError as error:
            raise StoreError(
                f"the damaged local database {path} cannot be replaced: {error}", storage_problem(error)
            ) from error
    except (OSError, sqlite3.Error) as error:
        raise StoreError(
            f"the local database {path} cannot be opened: {error}", storage_problem(error)
        ) from error


def to_json(value: object) -> str:
    """Canonical JSON for a row: sorted keys, so equal objects give equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)
