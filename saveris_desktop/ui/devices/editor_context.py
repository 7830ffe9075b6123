"""What every editor of one site shares: the client, the site, the edit sessions and the outbox.

Built by the device view for each site it shows, from what the view was given at start-up (the
client stack and the change queue of core.runtime.cloud_access), never patched afterwards. Whoever keeps
drafts or caches listens to `sig_session_created` and `sig_session_changed` (the device view
forwards both as its own Qt signals). Whoever follows the outbox tells `show_outbox()` (through the
device view): the editors derive their status from it (core.offline.editor_status), and a session
whose change was answered (sent, or its conflict chosen on) shows the answer, set here once for all
its editors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from saveris_desktop.core.devices.apply import Change
from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.autosave import SaveFailure
from saveris_desktop.core.offline.change_words import Names, SettingChange, describe_change
from saveris_desktop.core.offline.editor_status import OutboxSnapshot, answer_session
from saveris_desktop.core.offline.outbox import OutboxItem
from saveris_desktop.core.offline.resources import parse_session_key
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

if TYPE_CHECKING:
    from saveris_desktop.api.client import DeviceManagementClient
    from saveris_desktop.core.runtime.services import ChangeQueue


@dataclass(eq=False)
class EditorContext:
    client: DeviceManagementClient
    site: str
    tasks: TaskOwner
    #: where Apply without a network puts the change (the offline outbox, CloudAccess.changes): asked
    #: each time, since the local data may open only after the editors were built; None without one
    changes: Callable[[], ChangeQueue | None] = lambda: None
    sessions: dict[str, EditSession] = field(default_factory=dict)
    #: session key -> why its current cloud values could not be read (the cloud does not offer the
    #: read): the editor says so and sends a complete document, never a patch on guessed values
    unreadable: dict[str, str] = field(default_factory=dict)
    #: the outbox as last told (`show_outbox`): what waits for the cloud, per object
    outbox: OutboxSnapshot = field(default_factory=OutboxSnapshot)
    #: what the technician calls the site's loggers, sensors and measuring objects: learnt from every
    #: session's document and from the object listing, for changes told in plain words
    names: Names = field(default_factory=Names)

    def __post_init__(self) -> None:
        #: once per new session, before any editor shows it (a saved draft may be laid over it)
        self.sig_session_created: Signal[EditSession] = Signal("session created")
        #: on every change of any edit session (the drafts are saved from it)
        self.sig_session_changed: Signal[EditSession] = Signal("session changed")
        #: whether typed changes are kept on this laptop (a SaveFailure, or None once saving works
        #: again), told by whoever keeps the drafts; every editor shows it in its banner
        self.draft_saving: Signal[SaveFailure | None] = Signal("draft saving")
        #: after every `show_outbox` (the editors derive their status from `outbox`)
        self.sig_outbox: Signal[OutboxSnapshot] = Signal("outbox")
        #: an editor's "Choose values…" for the conflict of its object (the outbox item)
        self.sig_choice_wanted: Signal[OutboxItem] = Signal("choice wanted")

    @property
    def queue(self) -> ChangeQueue | None:
        return self.changes()

    def session(self, key: str, base: dict[str, Any]) -> EditSession:
        """The session for `key`, created on first use and rebased on later loads (edits survive)."""
        named = parse_session_key(key)
        if named is not None:
            self.names.learn(named[0].kind, base, named[1])
        existing = self.sessions.get(key)
        if existing is None:
            existing = EditSession(base, key=key, on_change=self.sig_session_changed.emit)
            self.sessions[key] = existing
            self.sig_session_created.emit(existing)
        elif existing.base != base:
            existing.rebase(base)
        return existing

    def show_outbox(self, snapshot: OutboxSnapshot) -> None:
        """The outbox changed: a session whose change was answered (it reached the cloud, or its
        conflict was chosen on) shows the answer, edits typed since on top; then every editor
        renews its status."""
        self.outbox = snapshot
        for key, session in self.sessions.items():
            for answered in snapshot.answered_for(self.site, key):
                answer_session(session, answered)
        self.sig_outbox.emit(snapshot)

    def set_unreadable(self, key: str, reason: str | None) -> None:
        """Mark (reason) or unmark (None) the session `key` as one whose cloud values are unknown."""
        if reason:
            self.unreadable[key] = reason
        else:
            self.unreadable.pop(key, None)

    def change(self, session: EditSession, payload: dict[str, Any]) -> Change | None:
        """`payload` for the session's object as the outbox would send it; None for a session the
        outbox has no kind for (its Apply cannot be queued)."""
        named = parse_session_key(session.key)
        if named is None:
            return None
        resource, object_id = named
        return Change(self.site, resource.kind.value, object_id, payload, session.base)

    def describe(self, session: EditSession) -> list[SettingChange]:
        """What Apply would change, setting by setting in plain words (core.offline.change_words)."""
        named = parse_session_key(session.key)
        kind = named[0].kind.value if named is not None else ""
        return describe_change(kind, session.base, session.payload(), self.names)
