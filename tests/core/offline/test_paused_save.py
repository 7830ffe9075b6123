"""The one "save after a pause, retry on failure" mechanism of editor drafts and the wizard's draft."""

from __future__ import annotations

import asyncio

from saveris_desktop.core.offline.paused_save import PausedSave, SaveFailure
from saveris_desktop.core.offline.store import StorageProblem
from saveris_desktop.core.runtime.tasks import TaskOwner


class SlowDisk:
    """A write that ends when the test lets it, and fails while the disk is 'full'."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self.release.set()
        self.full = False

    async def write(self, state: str) -> str:
        self.started.set()
        await self.release.wait()
        if self.full:
            raise OSError(28, "No space left on device")
        self.written.append(state)
        return state


async def _loop_turns(turns: int) -> None:
    """Let every task that is ready run this many times (no wall-clock pause: nothing here sleeps)."""
    for _ in range(turns):
        await asyncio.sleep(0)


async def _until(condition: object, what: str) -> None:
    for _ in range(500):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.002)
    raise AssertionError(what)


async def test_a_change_during_a_write_does_not_cancel_it_and_is_written_after() -> None:
    disk = SlowDisk()
    tasks = TaskOwner("test")
    saver: PausedSave[str, str] = PausedSave(disk.write, tasks, what="t", idle_seconds=0, retry_seconds=(60,))
    disk.release.clear()
    saver.changed("first")
    await asyncio.wait_for(disk.started.wait(), 2)  # the first write runs (and waits on the disk)
    saver.changed("second")  # the pause of the second change must not cancel the first write
    await _loop_turns(5)  # the second pause ends and its write waits behind the first
    disk.release.set()
    await _until(lambda: disk.written == ["first", "second"] and not saver.pending, "both written in order")
    assert saver.saves == 2
    await tasks.aclose()


async def test_a_failed_write_stays_pending_is_reported_and_retried_until_it_works() -> None:
    disk = SlowDisk()
    disk.full = True
    failures: list[SaveFailure] = []
    saved: list[str] = []
    tasks = TaskOwner("test")
    saver: PausedSave[str, str] = PausedSave(
        disk.write,
        tasks,
        what="t",
        idle_seconds=0,
        retry_seconds=(0.01,),
        on_failed=failures.append,
        on_saved=saved.append,
    )
    saver.changed("typed")
    assert not await saver.flush()
    assert saver.pending and saver.failure is not None
    assert failures[0].problem is StorageProblem.DISK_FULL
    disk.full = False
    await _until(lambda: saved == ["typed"], "the retry wrote it once the disk had room")
    assert not saver.pending and saver.failure is None
    await tasks.aclose()


async def test_forget_waits_for_a_write_in_flight_so_nothing_comes_back() -> None:
    disk = SlowDisk()
    tasks = TaskOwner("test")
    saver: PausedSave[str, str] = PausedSave(disk.write, tasks, what="t", idle_seconds=0, retry_seconds=(60,))
    disk.release.clear()
    saver.changed("typed")
    await asyncio.wait_for(disk.started.wait(), 2)
    removed_after: list[list[str]] = []

    async def remove() -> None:
        removed_after.append(list(disk.written))

    forgetting = asyncio.ensure_future(saver.forget(then=remove))
    await _loop_turns(5)
    assert not forgetting.done() and not removed_after  # still waiting for the write
    disk.release.set()
    await forgetting
    assert removed_after == [["typed"]]  # removed after the write landed: it cannot come back
    assert not saver.pending
    await tasks.aclose()
