"""Editor sessions <-> drafts: save what is typed at once, and pick it up again after a restart.

`DraftAutosaver` is an `EditSession.on_change` target: it remembers the newest state and writes it
after `idle_seconds` without further changes, or at once on `flush()` (a field lost focus, the
window closes). Each write is one committed transaction; a session without edits removes its draft.

A save that fails (disk full, read-only file or folder, a damaged or vanished database) is never
taken for saved: the state stays pending (`pending` is still True), `on_failed` says why (a
`SaveFailure`, whose `problem` the UI puts in the technician's words), and the save is retried on
the next edit and on a timer that backs off to a minute. The first save that works again is
reported through `on_saved` as usual; `failure` is None from then on.

`resume_draft` lays a saved draft over what the server has now with the same three-way merge the
sync uses: the technician's fields come back, fields changed meanwhile in the cloud are kept, and
a field changed on both sides is returned as a conflict to choose on, never silently picked.
"""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftStore
from saveris_desktop.core.offline.merge import Conflict, MergeResult, same_json, three_way_merge
from saveris_desktop.core.offline.store import StorageProblem, storage_problem
from saveris_desktop.core.runtime.tasks import TaskOwner

log = logging.getLogger(__name__)

#: Seconds before each retry of a failed save; the last one repeats (a disk freed later still counts).
RETRY_SECONDS: tuple[float, ...] = (2.0, 5.0, 15.0, 30.0, 60.0)


@dataclass(frozen=True)
class SaveFailure:
    """Why a draft could not be kept on this computer."""

    problem: StorageProblem
    detail: str  # the technical reason, for the log and a tooltip

    @classmethod
    def from_error(cls, error: BaseException) -> SaveFailure:
        return cls(storage_problem(error), str(error) or type(error).__name__)


class DraftAutosaver:
    def __init__(
        self,
        drafts: DraftStore,
        key: DraftKey,
        tasks: TaskOwner,
        *,
        idle_seconds: float = 1.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_saved: Callable[[Draft | None], None] | None = None,
        on_failed: Callable[[SaveFailure], None] | None = None,
        retry_seconds: tuple[float, ...] = RETRY_SECONDS,
    ) -> None:
        self.drafts = drafts
        self.key = key
        self._tasks = tasks
        self._idle = idle_seconds
        self._sleep = sleep
        self._on_saved = on_saved
        self._on_failed = on_failed
        self._retry_seconds = retry_seconds
        self._latest: tuple[dict[str, Any], dict[str, Any], bool] | None = None  # base, mine, dirty
        self._timer: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self.saves = 0
        #: why the newest state is not saved yet (None: the last save worked)
        self.failure: SaveFailure | None = None
        self._failed_attempts = 0

    @property
    def pending(self) -> bool:
        """True while a change is not on disk yet: waiting for its idle time, or its save failed."""
        return self._latest is not None

    def changed(self, session: EditSession) -> None:
        """`EditSession.on_change`: remember the state now, write it once the technician pauses."""
        self._latest = (session.base, session.payload(), session.dirty)
        if self._timer is not None and not self._timer.done():
            self._timer.cancel()
        if not self._tasks.closed:
            self._timer = self._tasks.spawn(self._save_when_idle(), name="draft-autosave")

    async def _save_when_idle(self) -> None:
        await self._sleep(self._idle)
        await self.flush()

    async def flush(self) -> bool:
        """Write the newest state now (focus-out, window closing, before Apply); False when the
        save failed (the state stays pending, `on_failed` was told, a retry is scheduled)."""
        failure: SaveFailure | None = None
        async with self._lock:
            latest, self._latest = self._latest, None
            if latest is None:
                return True
            base, mine, dirty = latest
            try:
                if dirty:
                    saved: Draft | None = await self.drafts.rebase(self.key, base, mine)
                else:
                    await self.drafts.delete(self.key)
                    saved = None
            except Exception as error:  # any failure means: not saved (said below, and retried)
                if self._latest is None:  # nothing newer was typed meanwhile: keep this for the retry
                    self._latest = latest
                failure = self._failed(error)
            else:
                self.saves += 1
                self.failure = None
                self._failed_attempts = 0
        if failure is not None:
            if self._on_failed is not None:
                self._on_failed(failure)
            return False
        if self._on_saved is not None:
            self._on_saved(saved)
        return True

    def _failed(self, error: BaseException) -> SaveFailure:
        failure = SaveFailure.from_error(error)
        self.failure = failure
        if failure.problem is StorageProblem.OTHER:  # not a storage condition: keep the traceback
            log.error("draft %s could not be saved; will retry", self.key.as_tuple(), exc_info=error)
        else:
            log.warning("draft %s could not be saved (%s); will retry", self.key.as_tuple(), error)
        delay = self._retry_seconds[min(self._failed_attempts, len(self._retry_seconds) - 1)]
        self._failed_attempts += 1
        # A newer edit has its own idle save on the way; otherwise try again after a while.
        own_timer = self._timer is None or self._timer.done() or self._timer is asyncio.current_task()
        if own_timer and not self._tasks.closed:
            self._timer = self._tasks.spawn(self._retry_after(delay), name="draft-autosave-retry")
        return failure

    async def _retry_after(self, delay: float) -> None:
        await self._sleep(delay)
        await self.flush()

    async def discard(self) -> None:
        """Forget the draft (Apply succeeded, or the technician reverted everything)."""
        async with self._lock:
            self._latest = None
            if self._timer is not None and not self._timer.done():
                self._timer.cancel()
            await self.drafts.delete(self.key)


def edits_between(base: Mapping[str, Any], mine: Mapping[str, Any]) -> list[dict[str, Any]]:
    """`EditSession.restore` input that turns `base` into `mine`: one edit per changed top-level field.

    Whole top-level values (not leaf paths) keep lists that grew or shrank exact; the session drops
    edits equal to its base, so its dirty markers stay field-accurate.
    """
    return [
        {"path": [name], "value": copy.deepcopy(value)}
        for name, value in mine.items()
        if name not in base or not same_json(base[name], value)
    ]


@dataclass
class ResumedDraft:
    server: dict[str, Any]  # the new base for the editor
    merge: MergeResult  # merged = server + the technician's fields (server's value at conflicts)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def edits(self) -> list[dict[str, Any]]:
        """For `EditSession(server).restore(...)`; at conflicts the server's value stands until chosen."""
        return edits_between(self.server, self.merge.merged)


def resume_draft(draft: Draft, server: Mapping[str, Any]) -> ResumedDraft:
    """Lay `draft` over the server's current version (see module doc)."""
    current = copy.deepcopy(dict(server))
    if draft.base is None:
        merged = three_way_merge(current, draft.mine, current)
    else:
        merged = three_way_merge(draft.base, draft.mine, current)
    return ResumedDraft(current, merged, list(merged.conflicts))
