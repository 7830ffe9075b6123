"""The data-folder lock, held and fought over by real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from saveris_desktop.core.runtime import paths
from saveris_desktop.core.runtime.instance_lock import (
    LOCK_FILE_NAME,
    AccessMode,
    DataFolderInUseError,
    DataFolderLock,
    claim_data_folder,
    instance_server_name,
)

ROOT = Path(__file__).resolve().parents[3]

# A child that takes the lock, says so, and keeps it until its stdin closes (or it is killed).
HOLDER = """
import sys
from pathlib import Path
from saveris_desktop.core.runtime.instance_lock import DataFolderLock
lock = DataFolderLock(Path(sys.argv[1]))
print("held" if lock.try_acquire() else "busy", flush=True)
sys.stdin.read()
lock.release()
print("released", flush=True)
"""


def _start_holder(folder: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


def _stop(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        child.kill()
    child.wait(timeout=10)
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()


def test_a_second_process_cannot_take_the_folder_while_the_first_holds_it(tmp_path: Path) -> None:
    child = _start_holder(tmp_path)
    try:
        lock = DataFolderLock(tmp_path)
        assert not lock.try_acquire()
        assert not lock.held
        with pytest.raises(DataFolderInUseError, match="Close it and try again"), DataFolderLock(tmp_path):
            pass
    finally:
        _stop(child)


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    child = _start_holder(tmp_path)
    child.kill()  # SIGKILL: no clean-up code runs in the child
    child.wait(timeout=10)
    _stop(child)
    lock = DataFolderLock(tmp_path)
    assert lock.try_acquire()
    lock.release()


def test_a_tool_waits_for_the_lock_and_gets_it_once_the_app_lets_go(tmp_path: Path) -> None:
    child = _start_holder(tmp_path)
    try:
        assert child.stdin is not None
        child.stdin.close()  # the "app" quits while the tool waits
        access = claim_data_folder(tmp_path, wait_seconds=60, read_only_fallback=False)
        try:
            assert access.mode is AccessMode.EXCLUSIVE and not access.read_only
            assert access.lock is not None and access.lock.held
            assert "Using the data folder" in access.message
        finally:
            access.release()
        assert access.lock is not None and not access.lock.held
    finally:
        _stop(child)


def test_a_tool_works_read_only_or_is_refused_while_the_app_runs(tmp_path: Path) -> None:
    child = _start_holder(tmp_path)
    try:
        access = claim_data_folder(tmp_path, wait_seconds=0.2, read_only_fallback=True)
        assert access.mode is AccessMode.READ_ONLY and access.read_only and access.lock is None
        assert "read-only" in access.message and "nothing is changed or sent" in access.message
        access.release()  # harmless without a lock
        with pytest.raises(DataFolderInUseError) as refused:
            claim_data_folder(tmp_path, wait_seconds=0.2, read_only_fallback=False)
        assert "waited 0.2 s" in str(refused.value)
    finally:
        _stop(child)


def test_two_claims_in_one_process_are_two_claims(tmp_path: Path) -> None:
    first = DataFolderLock(tmp_path)
    assert first.try_acquire() and first.try_acquire()  # asking again for one's own lock is fine
    assert not DataFolderLock(tmp_path).try_acquire()
    first.release()
    first.release()  # idempotent
    assert DataFolderLock(tmp_path).try_acquire()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_lock_file_is_the_users_only(tmp_path: Path) -> None:
    lock = DataFolderLock(tmp_path)
    assert lock.try_acquire()
    try:
        assert (tmp_path / LOCK_FILE_NAME).stat().st_mode & 0o777 == 0o600
    finally:
        lock.release()


def test_the_default_folder_is_the_data_folder_and_names_its_server(tmp_path: Path) -> None:
    assert DataFolderLock().folder == paths.data_dir()
    name = instance_server_name()
    assert name == instance_server_name(paths.data_dir())
    assert name != instance_server_name(tmp_path)  # another data folder, another app
    assert name.startswith("saveris-desktop-") and len(name) < 60
