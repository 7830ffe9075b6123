"""One status per editor, derived in one place: saved, unsaved, queued, sending, needs your choice.

An editor once worked its status out from its own flags and the answer of its last Apply, while the
outbox went on by itself: after an offline Apply it said "unsaved" beside a "queued" message, and after
the queue was sent it still said "no connection". Here the status comes from everything that decides
it, read together each time any of it changes (a keystroke, an Apply, every report of the outbox):

- `editor_state(facts)` is the rule, a pure function: the edit session's changes, the editor's own
  Apply in flight, the open outbox items of the session's object and whether the queue is being sent.
  The editors only render its `EditorState` (ui/devices/editor.py).
- `OutboxFollower` reads the outbox after every status report of the sync (OfflineWork.sig_status)
  and publishes an `OutboxSnapshot`: the open items, whether a run is sending, and the changes that
  have reached the cloud since the previous snapshot with the cloud's version of their object
  (`AnsweredChange`), on which the editors rebase their sessions, so what they show is what the cloud has.
  The same goes for a conflict the technician has chosen on (in the editor's banner or in the
  waiting changes): `answer_session` lays either answer over the session, keeping what was typed since.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from saveris_desktop.core.devices.editing import EditSession, PathPart, get_path
from saveris_desktop.core.offline.autosave import edits_between
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.merge import same_json
from saveris_desktop.core.offline.outbox import STOPPED_STATES, Outbox, OutboxItem, OutboxState
from saveris_desktop.core.offline.resources import parse_session_key
from saveris_desktop.core.offline.sync import SyncStatus
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

_ABSENT: Any = object()


class EditorStatus(StrEnum):
    EMPTY = "empty"  # no object shown
    SAVED = "saved"  # the cloud has what the form shows
    NOT_READ = "not read"  # nothing changed here, but the cloud did not let us read its values
    UNSAVED = "unsaved"  # changed here, not applied yet
    NOT_KEPT = "not kept"  # changed here, not applied, and not even saved on this laptop (draft store)
    QUEUED = "queued"  # applied without a network: waits in the outbox, sent once the cloud is reachable
    SENDING = "sending"  # on its way to the cloud (this editor's Apply, or the outbox being sent)
    NEEDS_CHOICE = "needs choice"  # changed in the cloud as well: the technician chooses per field
    REFUSED = "refused"  # the queued change was refused or cannot be sent as it is (reason given)


@dataclass(frozen=True)
class EditorFacts:
    """What decides an editor's status, as one value."""

    has_session: bool
    #: the session's edits: (field path, value) where the form differs from the cloud's version
    edits: Sequence[tuple[Sequence[PathPart], Any]] = ()
    #: text typed into a field that is not a valid value yet (it cannot be applied, nor is it lost)
    typed_invalid: bool = False
    #: this editor's Apply is on its way
    applying: bool = False
    #: the open outbox items of the session's object, oldest first (OutboxSnapshot.for_session)
    queued: Sequence[OutboxItem] = ()
    #: the outbox is being sent right now (OutboxSnapshot.running)
    queue_running: bool = False
    values_unknown: bool = False
    #: the drafts could not be saved on this laptop (core.offline.autosave.SaveFailure)
    save_failed: bool = False


@dataclass(frozen=True)
class EditorState:
    status: EditorStatus
    #: there are changes Apply has not taken yet (typed after the last Apply, or never applied)
    unapplied: bool
    #: the conflict waiting for the technician's choice (status NEEDS_CHOICE)
    conflict: OutboxItem | None = None
    #: why the queued change stopped (status REFUSED), in the sync engine's words
    reason: str | None = None


def edits_queued(edits: Iterable[tuple[Sequence[PathPart], Any]], item: OutboxItem) -> bool:
    """True when every edit has the same value in `item`'s payload: Apply queued these edits already.

    Compared per edited field, not as whole documents: a refresh may have rebased the session on a
    newer cloud version since (another `last_modified`), which changes nothing the technician did.
    """
    for path, value in edits:
        queued = get_path(item.payload, tuple(path), _ABSENT)
        if queued is _ABSENT or not same_json(queued, value):
            return False
    return True


def editor_state(facts: EditorFacts) -> EditorState:
    """The one rule (module docstring); the first that applies wins, most urgent first."""
    if not facts.has_session:
        return EditorState(EditorStatus.EMPTY, unapplied=False)
    newest = facts.queued[-1] if facts.queued else None
    edits = list(facts.edits)
    unapplied = facts.typed_invalid or (bool(edits) and (newest is None or not edits_queued(edits, newest)))
    if facts.applying:
        return EditorState(EditorStatus.SENDING, unapplied)
    conflict = next((item for item in facts.queued if item.state is OutboxState.CONFLICT), None)
    if conflict is not None:
        return EditorState(EditorStatus.NEEDS_CHOICE, unapplied, conflict=conflict)
    stopped = next((item for item in facts.queued if item.state in STOPPED_STATES), None)
    if stopped is not None:
        return EditorState(EditorStatus.REFUSED, unapplied, reason=stopped.message)
    if unapplied:
        return EditorState(EditorStatus.NOT_KEPT if facts.save_failed else EditorStatus.UNSAVED, unapplied)
    if facts.queued:
        # An item left "sending" by a lost connection is checked before anything is sent again: it
        # waits like a queued one until the next run.
        status = EditorStatus.SENDING if facts.queue_running else EditorStatus.QUEUED
        return EditorState(status, unapplied)
    if facts.values_unknown:
        return EditorState(EditorStatus.NOT_READ, unapplied)
    return EditorState(EditorStatus.SAVED, unapplied)


# --- following the outbox ---------------------------------------------------------------------


@dataclass(frozen=True)
class AnsweredChange:
    """A queued change that was answered since the previous snapshot: it reached the cloud (sent, or
    found there already), or the technician chose the values of its conflict.

    `queued` is the change as last seen waiting (what the editor had applied); the session it came
    from takes `base` as the cloud's version and shows `target` on it, plus whatever was typed after
    the change was queued (`answer_session`)."""

    queued: OutboxItem
    base: dict[str, Any]
    target: dict[str, Any]


def session_edits(session_key: str, kind: str, object_id: str) -> bool:
    """True when the edit session `session_key` ("device_alarms:<uuid>") edits that object."""
    named = parse_session_key(session_key)
    return named is not None and (named[0].kind.value, named[1]) == (kind, object_id)


def _names(site: str, session_key: str, item: OutboxItem) -> bool:
    return site == item.site and session_edits(session_key, item.kind, item.object_id)


@dataclass(frozen=True)
class OutboxSnapshot:
    """The outbox as the editors see it; `for_session` picks one editor's part."""

    items: tuple[OutboxItem, ...] = ()
    #: a run is sending the queue (not a probe while offline: that one only looks for the cloud)
    running: bool = False
    answered: tuple[AnsweredChange, ...] = field(default=())

    def for_session(self, site: str, session_key: str) -> tuple[OutboxItem, ...]:
        """The open items of the object the session `session_key` of `site` edits, oldest first."""
        return tuple(item for item in self.items if _names(site, session_key, item))

    def answered_for(self, site: str, session_key: str) -> tuple[AnsweredChange, ...]:
        """The changes of that object answered since the previous snapshot, oldest first."""
        return tuple(a for a in self.answered if _names(site, session_key, a.queued))


def answer_session(session: EditSession, answered: AnsweredChange) -> None:
    """Lay an answered change over the session it came from: the cloud's version as base, the values
    sent or chosen on it, and on top whatever was typed after the change was queued (never lost)."""
    typed_since = [
        (path, value) for path, value in session.edits if not edits_queued([(path, value)], answered.queued)
    ]
    target = EditSession(answered.target)
    for path, value in typed_since:
        target.set(path, value)
    session.rebase(answered.base)
    session.restore(edits_between(answered.base, target.payload()))


class OutboxFollower:
    """Publishes an `OutboxSnapshot` after every report of the sync (`status_changed`) and whenever
    asked (`refresh`, e.g. right after a change was queued, so the editor that queued it knows)."""

    def __init__(self, outbox: Outbox, cache: Cache, endpoint: Callable[[], str], tasks: TaskOwner) -> None:
        self._outbox = outbox
        self._cache = cache
        self._endpoint = endpoint
        self._tasks = tasks
        self._lock = asyncio.Lock()  # one reading at a time: snapshots are published in order
        self._open: dict[int, OutboxItem] = {}
        self._running = False
        self.snapshot = OutboxSnapshot()
        self.sig_snapshot: Signal[OutboxSnapshot] = Signal("outbox snapshot")

    def status_changed(self, status: SyncStatus) -> None:
        """A SyncStatus arrived (OfflineWork.sig_status): read the outbox again in the background."""
        # while offline a run now and then only probes for the cloud: the queue still just waits
        self._running = status.running and status.online is not False
        if not self._tasks.closed:
            self._tasks.spawn(self.refresh(), key="outbox-snapshot")

    async def refresh(self) -> OutboxSnapshot:
        async with self._lock:
            endpoint = self._endpoint()
            items = await self._outbox.items(endpoint=endpoint)
            now_open = {item.id: item for item in items}
            answered = []
            for item_id, before in self._open.items():
                now = now_open.get(item_id)
                if now is None:
                    sent = await self._sent(endpoint, before)
                    if sent is not None:
                        answered.append(sent)
                elif before.state is OutboxState.CONFLICT and now.state is not OutboxState.CONFLICT:
                    chosen = _chosen(before, now)
                    if chosen is not None:
                        answered.append(chosen)
            # committed only after every read: a cancelled refresh leaves the previous state
            self._open = now_open
            snapshot = OutboxSnapshot(tuple(items), self._running, tuple(answered))
            self.snapshot = snapshot
        self.sig_snapshot.emit(snapshot)
        return snapshot

    async def _sent(self, endpoint: str, before: OutboxItem) -> AnsweredChange | None:
        """The change `before`, gone from the open items, if it reached the cloud (not discarded)."""
        try:
            item = await self._outbox.get(before.id)
        except KeyError:
            return None  # discarded: the edits were not sent and stay unsaved
        if item.state is not OutboxState.DONE or item.endpoint != endpoint:
            return None
        # the sync caches the cloud's answer together with "done"; without it, what was queued
        cached = await self._cache.get(endpoint, item.site, item.kind, item.object_id)
        cloud = cached.payload if cached is not None else item.payload
        if not isinstance(cloud, dict):
            return None
        return AnsweredChange(before, cloud, cloud)


def _chosen(before: OutboxItem, now: OutboxItem) -> AnsweredChange | None:
    """The conflict `before` was resolved (SyncEngine.resolve_conflict): `now` carries the chosen
    values against the cloud's version they were chosen on."""
    if not isinstance(now.payload, dict) or not isinstance(now.base, dict):
        return None
    return AnsweredChange(before, now.base, now.payload)
