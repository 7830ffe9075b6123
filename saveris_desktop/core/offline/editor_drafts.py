"""The device editors' sessions as drafts: every edit saved (debounced), and restored after a restart.

The editors name their sessions `<kind>:<object uuid>` ("device:…", "device_alarms:…", see
core.offline.resources.session_key); this maps those names to draft keys, keeps one `DraftAutosaver` per
session, and lays a saved draft over a freshly loaded session with the sync's three-way merge
(`restore`).

Whether typed changes are really kept is public: `sig_save_failed` carries the `SaveFailure` of a
save that did not work (the state stays pending and is retried, see core/offline/autosave.py) and
`sig_saved_again` fires once every failed save has worked after all; `failure` is the current one.
The UI shows both (status bar, a banner on the editors) without looking inside the savers.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.autosave import (
    RETRY_SECONDS,
    DraftAutosaver,
    ResumedDraft,
    SaveFailure,
    resume_draft,
)
from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftStore
from saveris_desktop.core.offline.resources import parse_session_key
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

log = logging.getLogger(__name__)


def draft_key_for(endpoint: str, site: str, session_key: str) -> DraftKey | None:
    named = parse_session_key(session_key)
    if named is None or not site:
        return None
    resource, object_id = named
    return DraftKey(endpoint, site, resource.kind.value, object_id)


class EditorDrafts:
    def __init__(
        self,
        drafts: DraftStore,
        endpoint: Callable[[], str],
        site: Callable[[], str | None],
        tasks: TaskOwner,
        *,
        idle_seconds: float = 1.0,
        retry_seconds: tuple[float, ...] = RETRY_SECONDS,
    ) -> None:
        self._drafts = drafts
        self._endpoint = endpoint
        self._site = site
        self._tasks = tasks
        self.idle_seconds = idle_seconds  # how long typing may pause before it is written
        self.retry_seconds = retry_seconds
        self._savers: dict[DraftKey, DraftAutosaver] = {}
        self._failing: dict[DraftKey, SaveFailure] = {}
        self.sig_save_failed: Signal[SaveFailure] = Signal("draft save failed")
        self.sig_saved_again: Signal[None] = Signal("drafts saved again")

    @property
    def pending(self) -> bool:
        """A change is not on disk yet: it waits for its idle second (flush_all writes it now), or
        its save failed and waits for the retry."""
        return any(saver.pending for saver in self._savers.values())

    @property
    def failure(self) -> SaveFailure | None:
        """Why some typed change is not saved right now (the newest failure); None when all are."""
        return next(reversed(self._failing.values()), None)

    def _save_failed(self, key: DraftKey, failure: SaveFailure) -> None:
        self._failing.pop(key, None)  # re-insert: the newest failure is the one shown
        self._failing[key] = failure
        self.sig_save_failed.emit(failure)

    def _saved_draft(self, key: DraftKey, _draft: Draft | None) -> None:
        self._saved(key)

    def _saved(self, key: DraftKey) -> None:
        if self._failing.pop(key, None) is not None and not self._failing:
            log.info("drafts are saved again")
            self.sig_saved_again.emit(None)

    def key_for(self, session: EditSession) -> DraftKey | None:
        return draft_key_for(self._endpoint(), self._site() or "", session.key)

    def session_changed(self, session: EditSession) -> None:
        """A session changed (DevicesView.sig_session_changed): save its state once the technician pauses."""
        key = self.key_for(session)
        if key is None:
            return
        saver = self._savers.get(key)
        if saver is None:
            saver = DraftAutosaver(
                self._drafts,
                key,
                self._tasks,
                idle_seconds=self.idle_seconds,
                retry_seconds=self.retry_seconds,
                on_saved=functools.partial(self._saved_draft, key),
                on_failed=functools.partial(self._save_failed, key),
            )
            self._savers[key] = saver
        saver.changed(session)

    async def flush_all(self) -> bool:
        """Write every waiting save now (focus left the editor, the window closes); False when one
        of them failed (it was reported through `sig_save_failed` and stays pending)."""
        saved = True
        for saver in list(self._savers.values()):
            saved = await saver.flush() and saved
        return saved

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
        self._saved(key)  # nothing of this session is left to keep
