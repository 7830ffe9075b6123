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
  happened so the UI can say so.
- Nothing secret is stored here: no tokens, no passwords.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from saveris_desktop.core import paths

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


class StoreError(Exception):
    """The database could not be used at all (e.g. the data folder is not writable)."""


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
    ) -> None:
        self._connection = connection
        self._executor = executor
        self.path = path
        self.problem = problem
        self._closed = False

    # --- opening --------------------------------------------------------------------------------

    @classmethod
    async def open(cls, path: Path | None = None) -> Store:
        """Open (creating or migrating) the database; recover from a damaged file as described above."""
        target = path or paths.data_dir() / DATABASE_NAME
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="saveris-store")
        loop = asyncio.get_running_loop()
        try:
            connection, problem = await loop.run_in_executor(executor, _open_or_recover, target)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(connection, executor, target, problem)

    # --- running work ---------------------------------------------------------------------------

    async def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on the worker thread (a consistent snapshot: it runs in a read transaction)."""
        return await self._submit(lambda: _in_transaction(self._connection, work, "BEGIN"))

    async def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` as ONE committed transaction: all of it is on disk when this returns, or none."""
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
    try:
        connection = _connect(path)
    except sqlite3.Error as error:  # cannot even open it (a folder, no permission): nothing to recover
        raise StoreError(f"the local database {path} cannot be opened: {error}") from error
    try:
        try:
            check = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
            if check != ["ok"]:
                raise _UnusableError("; ".join(str(line) for line in check[:3]))
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise _UnusableError(f"it was written by a newer version of the app (schema {version})")
            mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("sqlite refused WAL mode (got %s); continuing", mode)
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            _migrate(connection, version)
        except sqlite3.DatabaseError as error:
            if _is_damage(error):
                raise _UnusableError(str(error)) from error
            raise StoreError(f"the local database {path} cannot be used: {error}") from error
    except BaseException:
        connection.close()
        raise
    return connection


_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    """Only a damaged file is moved aside; "locked" or "read-only" must never cost the user their data."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # errors raised without a code (rare) are judged by their words
        return "malformed" in str(error) or "not a database" in str(error)
    return (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    if version == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        for number in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
        # PRAGMA does not take parameters; the value is our own integer.
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    log.info("local database migrated from schema %d to %d", version, SCHEMA_VERSION)


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT on its own; split so the whole migration stays one transaction.
    return [part.strip() for part in script.split(";") if part.strip()]


def _backup_name(path: Path) -> Path:
    stamp = utc_now().strftime("%Y%m%dT%H%M%S.%fZ")
    return path.with_name(f"{path.name}.damaged-{stamp}")


def _open_or_recover(path: Path) -> tuple[sqlite3.Connection, OpenProblem | None]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"the data folder {path.parent} cannot be created: {error}") from error
    try:
        return _prepare(path), None
    except _UnusableError as unusable:
        backup = _backup_name(path)
        log.error("local database %s is unusable (%s); moving it to %s", path, unusable.reason, backup)
        # The -wal/-shm companions belong to the damaged file: move them along so the fresh database
        # never replays a foreign journal.
        for suffix in ("", "-wal", "-shm"):
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                companion.replace(Path(f"{backup}{suffix}"))
        try:
            return _prepare(path), OpenProblem(unusable.reason, backup)
        except _UnusableError as again:
            raise StoreError(f"a new local database could not be created: {again.reason}") from again
    except OSError as error:
        raise StoreError(f"the local database {path} cannot be opened: {error}") from error


def to_json(value: object) -> str:
    """Canonical JSON for a row: sorted keys, so equal objects give equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)
