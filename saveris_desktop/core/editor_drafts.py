"""The device editors' sessions as drafts: every edit saved (debounced), and restored after a restart.

The editors name their sessions `<kind>:<object uuid>` ("device:…", "object-alarms:…"); this maps
those names to draft kinds, keeps one `DraftAutosaver` per session, and lays a saved draft over a
freshly loaded session with the sync's three-way merge (`restore`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from saveris_desktop.core.autosave import DraftAutosaver, ResumedDraft, resume_draft
from saveris_desktop.core.drafts import DraftKey, DraftKind, DraftStore
from saveris_desktop.core.editing import EditSession
from saveris_desktop.core.tasks import TaskOwner

log = logging.getLogger(__name__)

#: editor session name prefix -> draft (and outbox) kind
SESSION_KINDS: dict[str, DraftKind] = {
    "device": DraftKind.DEVICE,
    "sensor": DraftKind.SENSOR,
    "device-alarms": DraftKind.DEVICE_ALARMS,
    "sensor-alarms": DraftKind.SENSOR_ALARMS,
    "instruction-set": DraftKind.INSTRUCTION_SET,
    "object-alarms": DraftKind.MEASUREMENT_ALARMS,
}


def draft_key_for(endpoint: str, site: str, session_key: str) -> DraftKey | None:
    prefix, _, object_id = session_key.partition(":")
    kind = SESSION_KINDS.get(prefix)
    if kind is None or not object_id or not site:
        return None
    return DraftKey(endpoint, site, kind, object_id)


class EditorDrafts:
    def __init__(
        self,
        drafts: DraftStore,
        endpoint: Callable[[], str],
        site: Callable[[], str | None],
        tasks: TaskOwner,
        *,
        idle_seconds: float = 1.0,
    ) -> None:
        self._drafts = drafts
        self._endpoint = endpoint
        self._site = site
        self._tasks = tasks
        self.idle_seconds = idle_seconds  # how long typing may pause before it is written
        self._savers: dict[DraftKey, DraftAutosaver] = {}

    @property
    def pending(self) -> bool:
        """A change waits for its idle second (flush_all writes it now)."""
        return any(saver.pending for saver in self._savers.values())

    def key_for(self, session: EditSession) -> DraftKey | None:
        return draft_key_for(self._endpoint(), self._site() or "", session.key)

    def session_changed(self, session: EditSession) -> None:
        """A session changed (DevicesView.sig_session_changed): save its state once the technician pauses."""
        key = self.key_for(session)
        if key is None:
            return
        saver = self._savers.get(key)
        if saver is None:
            saver = DraftAutosaver(self._drafts, key, self._tasks, idle_seconds=self.idle_seconds)
            self._savers[key] = saver
        saver.changed(session)

    async def flush_all(self) -> None:
        """Write every waiting save now (focus left the editor, the window closes)."""
        for saver in list(self._savers.values()):
            await saver.flush()

    async def restore(self, session: EditSession) -> ResumedDraft | None:
        """Lay this session's saved draft over its (fresh) base; conflicts are returned, not applied.

        The edits are restored only when there is no conflict; otherwise the caller asks the
        technician (conflict dialog) and restores the merged result with the choices applied.
        """
        key = self.key_for(session)
        if key is None:
            return None
        draft = await self._drafts.get(key)
        if draft is None or not draft.changed:
            return None
        resumed = resume_draft(draft, session.base)
        if not resumed.conflicts:
            session.restore(resumed.edits)
        return resumed

    async def forget(self, session: EditSession) -> None:
        """Applied on the server (or reverted): the draft is no longer needed."""
        key = self.key_for(session)
        if key is None:
            return
        saver = self._savers.pop(key, None)
        if saver is not None:
            await saver.discard()
        else:
            await self._drafts.delete(key)
