"""Save the newest state after the technician pauses; never take a failed save for saved; retry.

One mechanism for everything that is saved while it is typed (an editor's draft, the onboarding
wizard's input): `changed(state)` remembers the newest state and writes it `idle_seconds` after the
last change (a newer change restarts the pause: the latest wins), `flush()` writes it at once (a
field lost focus, Apply, the window closes).

A write that fails (disk full, read-only file or folder, a damaged or vanished database) leaves the
state waiting (`pending` stays True), is reported through `on_failed` as a `SaveFailure` (whose
`problem` the UI puts in the technician's words) and is tried again on the next change and on a
timer backing off along `retry_seconds` (the last pause repeats: a disk freed later still counts).

Writes never overlap (one lock), and a change arriving while a write runs never cancels it: a
cancelled write may never reach the database; the newer state is written after it.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from saveris_desktop.core.offline.store import StorageProblem, storage_problem
from saveris_desktop.core.runtime.tasks import TaskOwner

log = logging.getLogger(__name__)

State = TypeVar("State")
Result = TypeVar("Result")

_instances = itertools.count(1)


@dataclass(frozen=True)
class SaveFailure:
    """Why something typed could not be kept on this computer."""

    problem: StorageProblem
    detail: str  # the technical reason, for the log and a tooltip

    @classmethod
    def from_error(cls, error: BaseException) -> SaveFailure:
        return cls(storage_problem(error), str(error) or type(error).__name__)


class PausedSave(Generic[State, Result]):
    def __init__(
        self,
        write: Callable[[State], Awaitable[Result]],
        tasks: TaskOwner,
        *,
        what: str,
        idle_seconds: float,
        retry_seconds: tuple[float, ...],
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_saved: Callable[[Result], None] | None = None,
        on_failed: Callable[[SaveFailure], None] | None = None,
    ) -> None:
        if not retry_seconds:
            raise ValueError("retry_seconds needs at least one pause")
        self._write = write
        self._tasks = tasks
        self.what = what  # for the log: "draft ('e', 's', 'device', 'd')", "the onboarding draft"
        self.idle_seconds = idle_seconds
        self.retry_seconds = retry_seconds
        self._sleep = sleep
        self._on_saved = on_saved
        self._on_failed = on_failed
        number = next(_instances)  # keys of this saver's tasks, apart from other savers' on one owner
        self._pause_key = f"paused-save-{number}-pause"
        self._retry_key = f"paused-save-{number}-retry"
        self._waiting: tuple[State] | None = None  # a 1-tuple: None is a state like any other
        self._lock = asyncio.Lock()
        #: how many writes worked
        self.saves = 0
        #: why the newest state is not saved (None: the last write worked)
        self.failure: SaveFailure | None = None
        self._failed_attempts = 0

    @property
    def pending(self) -> bool:
        """True while a change is not on disk yet: waiting for its pause, or its write failed."""
        return self._waiting is not None

    def changed(self, state: State) -> None:
        """Remember `state`; it is written once the technician pauses."""
        self._waiting = (state,)
        if not self._tasks.closed:
            self._tasks.spawn(self._write_after(self.idle_seconds), key=self._pause_key)

    async def forget(self, then: Callable[[], Awaitable[object]] | None = None) -> None:
        """Drop a waiting state and its timers (it was applied, or is not wanted any more), then run
        `then` (remove what was saved) once a write in flight has ended, so it cannot undo `then`."""
        self._waiting = None
        self._tasks.cancel(self._pause_key)
        self._tasks.cancel(self._retry_key)
        async with self._lock:
            self._waiting = None  # a change that came while waiting for the lock goes too
            if then is not None:
                await then()

    async def flush(self) -> bool:
        """Write the waiting state now; False when the write failed (it stays waiting, `on_failed`
        was told, a retry is planned). True also when nothing was waiting."""
        self._tasks.cancel(self._pause_key)
        return await self._write_waiting()

    async def _write_after(self, seconds: float) -> None:
        await self._sleep(seconds)
        # The write is a task of its own: the next change replaces this pause, not the write.
        if not self._tasks.closed:
            self._tasks.spawn(self._write_waiting(), name=f"write {self.what}")

    async def _write_waiting(self) -> bool:
        failure: SaveFailure | None = None
        async with self._lock:
            waiting, self._waiting = self._waiting, None
            if waiting is None:
                return True
            try:
                result = await self._write(waiting[0])
            except Exception as error:  # any failure means: not saved (said below, and retried)
                if self._waiting is None:  # nothing newer came meanwhile: keep this one for the retry
                    self._waiting = waiting
                failure = self._failed(error)
            else:
                self.saves += 1
                if self.failure is not None:
                    log.info("%s is saved again", self.what)
                self.failure = None
                self._failed_attempts = 0
                self._tasks.cancel(self._retry_key)
        if failure is not None:
            if self._on_failed is not None:
                self._on_failed(failure)
            return False
        if self._on_saved is not None:
            self._on_saved(result)
        return True

    def _failed(self, error: BaseException) -> SaveFailure:
        failure = SaveFailure.from_error(error)
        self.failure = failure
        if failure.problem is StorageProblem.OTHER:  # not a storage condition: keep the traceback
            log.error("%s could not be saved; will retry", self.what, exc_info=error)
        else:
            log.warning("%s could not be saved (%s); will retry", self.what, error)
        delay = self.retry_seconds[min(self._failed_attempts, len(self.retry_seconds) - 1)]
        self._failed_attempts += 1
        if not self._tasks.closed:
            self._tasks.spawn(self._write_after(delay), key=self._retry_key)
        return failure
