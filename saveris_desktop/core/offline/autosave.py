"""Editor sessions <-> drafts: save what is typed at once, and pick it up again after a restart.

`DraftAutosaver` is an `EditSession.on_change` target: it remembers the newest state and writes it
after `idle_seconds` without further changes, or at once on `flush()` (a field lost focus, the
window closes). Each write is one committed transaction; a session without edits removes its draft.
The pause, the failure that is never taken for saved and the retries are core.offline.paused_save's,
the same as for the onboarding wizard's draft.

`resume_draft` lays a saved draft over what the server has now with the same three-way merge the
sync uses: the technician's fields come back, fields changed meanwhile in the cloud are kept, and
a field changed on both sides is returned as a conflict to choose on, never silently picked.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftStore
from saveris_desktop.core.offline.merge import Conflict, MergeResult, same_json, three_way_merge
from saveris_desktop.core.offline.paused_save import PausedSave, SaveFailure
from saveris_desktop.core.runtime.tasks import TaskOwner

__all__ = ["RETRY_SECONDS", "DraftAutosaver", "ResumedDraft", "SaveFailure", "edits_between", "resume_draft"]

#: Seconds before each retry of a failed save; the last one repeats (a disk freed later still counts).
RETRY_SECONDS: tuple[float, ...] = (2.0, 5.0, 15.0, 30.0, 60.0)

#: What an editor's draft is: its base, the technician's document, and whether it differs at all.
_EditorState = tuple[dict[str, Any], dict[str, Any], bool]


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
        self._saver: PausedSave[_EditorState, Draft | None] = PausedSave(
            self._write,
            tasks,
            what=f"draft {key.as_tuple()}",
            idle_seconds=idle_seconds,
            retry_seconds=retry_seconds,
            sleep=sleep,
            on_saved=on_saved,
            on_failed=on_failed,
        )

    @property
    def pending(self) -> bool:
        """True while a change is not on disk yet: waiting for its idle time, or its save failed."""
        return self._saver.pending

    @property
    def saves(self) -> int:
        return self._saver.saves

    @property
    def failure(self) -> SaveFailure | None:
        """Why the newest state is not saved yet (None: the last save worked)."""
        return self._saver.failure

    def changed(self, session: EditSession) -> None:
        """`EditSession.on_change`: remember the state now, write it once the technician pauses."""
        self._saver.changed((session.base, session.payload(), session.dirty))

    async def flush(self) -> bool:
        """Write the newest state now (focus-out, window closing, before Apply); False when the
        save failed (the state stays pending, `on_failed` was told, a retry is scheduled)."""
        return await self._saver.flush()

    async def _write(self, state: _EditorState) -> Draft | None:
        base, mine, dirty = state
        if dirty:
            return await self.drafts.rebase(self.key, base, mine)
        await self.drafts.delete(self.key)
        return None

    async def discard(self) -> None:
        """Forget the draft (Apply succeeded, or the technician reverted everything)."""
        await self._saver.forget(then=lambda: self.drafts.delete(self.key))


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
