"""One data folder, one app: an operating-system lock on the data folder.

Two processes writing the same drafts database and sending the same outbox double-send changes
(measured: two windows on one folder sent 36 POSTs for 18 creations) and race each other while
opening the database. So whoever changes the data folder holds `DataFolderLock` for as long as it
runs: the desktop app for its whole life, a command-line tool while it works.

Why an OS lock through `filelock` (pinned in pyproject.toml): `fcntl.flock` on POSIX and
`msvcrt.locking` on Windows are released by the operating system when the process ends in any way
(crash, SIGKILL, power cut), so there is never a stale lock to guess about, unlike a pid file.
`filelock` wraps both behind one API, opens the lock file without following symlinks, and is
small, dependency-free and used by pip, virtualenv and tox: better than hand-written
fcntl/msvcrt code that only one platform's tests would exercise. (The 3.20 line is used: 4.x grew
ten times larger with soft, lease and SQLite locks this app does not need.)

For a command-line tool (e.g. `saveris-cli`), `claim_data_folder` is the whole protocol:

    access = claim_data_folder(wait_seconds=10, read_only_fallback=True)
    print(access.message)              # says which of the two it got, in one sentence
    try:
        store = await Store.open(path, read_only=access.read_only)
        ...                            # with read_only: look, never change or send
    finally:
        access.release()

- It waits up to `wait_seconds` for the lock (0: do not wait). Got it: `access.mode` is
  `AccessMode.EXCLUSIVE`; the tool may change drafts and send the outbox.
- Still held by the running app: with `read_only_fallback=True` the tool gets
  `AccessMode.READ_ONLY` (open the store with `read_only=True`: SQLite's WAL lets it read safely
  while the app writes; it cannot write, migrate or send); with `read_only_fallback=False`
  `DataFolderInUseError` is raised, whose message says to close the app and try again.
- A data folder that cannot be created or written at all raises `OSError` (nothing to share).

The desktop app takes the lock without waiting (`DataFolderLock.try_acquire`); when another app
holds it, it hands its arguments to that one instead (ui/single_instance.py, via the local server
named by `instance_server_name`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from saveris_desktop.core.runtime import paths
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Number, Sentence

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_FILE_NAME = "saveris-desktop.lock"
#: Owner-only lock file: nothing in it, but nobody else needs to open it either.
LOCK_FILE_MODE = 0o600


class DataFolderInUseError(Exception):
    """Another Saveris Desktop (or tool) is using the data folder; the message says what to do."""


class AccessMode(StrEnum):
    EXCLUSIVE = "exclusive"  # the lock is held: read, write and send
    READ_ONLY = "read-only"  # another process holds the lock: read only


class DataFolderLock:
    """The lock of one data folder; `release()` (or leaving the `with` block) gives it back."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or paths.data_dir(create=False)
        self.path = self.folder / LOCK_FILE_NAME
        # Imported here, not at the top: the filelock package imports asyncio, which the app's
        # first paint does without (it takes the lock right after painting).
        from filelock import FileLock

        # thread_local=False: the lock belongs to the process (the app takes it on the main thread
        # and may release it from the shutdown path); is_singleton=False: two objects are two claims.
        self._lock: FileLock = FileLock(self.path, mode=LOCK_FILE_MODE, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def try_acquire(self) -> bool:
        """Take the lock if it is free now; False when another process holds it. OSError when the
        folder cannot be created or the lock file not written (an unusable data folder)."""
        return self.acquire(timeout=0)

    def acquire(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the lock; True when it is ours."""
        if self.held:
            return True
        from filelock import Timeout

        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=max(timeout, 0), poll_interval=0.05)
        except Timeout:
            return False
        return True

    def release(self) -> None:
        """Give the lock back (idempotent)."""
        if self.held:
            self._lock.release(force=True)

    def __enter__(self) -> DataFolderLock:
        if not self.try_acquire():
            raise DataFolderInUseError(in_use_message(self.folder))
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()


def in_use_message(folder: Path, waited: float = 0) -> str:
    """One sentence for the terminal (a Sentence: the CLI says it in its language)."""
    if waited > 0:
        return Sentence(
            QT_TRANSLATE_NOOP(
                "CoreSentences",
                "Saveris Desktop is using the data folder %1 (waited %2 s). Close it and try again.",
            ),
            str(folder),
            Number(waited),
        )
    return Sentence(
        QT_TRANSLATE_NOOP(
            "CoreSentences", "Saveris Desktop is using the data folder %1. Close it and try again."
        ),
        str(folder),
    )


@dataclass
class DataFolderAccess:
    """What `claim_data_folder` got; `message` says it in one sentence for the terminal."""

    mode: AccessMode
    folder: Path
    lock: DataFolderLock | None

    @property
    def read_only(self) -> bool:
        return self.mode is AccessMode.READ_ONLY

    @property
    def message(self) -> str:
        if self.mode is AccessMode.EXCLUSIVE:
            return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Using the data folder %1."), str(self.folder))
        return Sentence(
            QT_TRANSLATE_NOOP(
                "CoreSentences",
                "Saveris Desktop is using the data folder %1: working read-only (nothing is changed or "
                "sent).",
            ),
            str(self.folder),
        )

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()


def claim_data_folder(
    folder: Path | None = None, *, wait_seconds: float, read_only_fallback: bool
) -> DataFolderAccess:
    """For command-line tools: wait for the lock, else read-only or refuse (see the module doc)."""
    lock = DataFolderLock(folder)
    if lock.acquire(timeout=wait_seconds):
        return DataFolderAccess(AccessMode.EXCLUSIVE, lock.folder, lock)
    if read_only_fallback:
        return DataFolderAccess(AccessMode.READ_ONLY, lock.folder, None)
    raise DataFolderInUseError(in_use_message(lock.folder, wait_seconds))


def instance_server_name(folder: Path | None = None) -> str:
    """The local-socket name the app listening for this data folder uses.

    Derived from the user and the folder's real path: two users, or two portable data folders,
    never reach each other's window. Short, because a Unix socket path is limited to ~100 bytes.
    """
    import getpass  # here, not at the top: the app's check before its first paint does without
    import hashlib

    resolved = str((folder or paths.data_dir(create=False)).resolve())
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (containers): the uid still separates users
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:20]
    return f"saveris-desktop-{digest}"


def may_be_in_use(folder: Path | None = None) -> bool:
    """A cheap hint before anything is loaded: the lock file exists while some app holds the lock
    (filelock removes it on release). A crash can leave it behind, so True only means "ask"."""
    return ((folder or paths.data_dir(create=False)) / LOCK_FILE_NAME).exists()
