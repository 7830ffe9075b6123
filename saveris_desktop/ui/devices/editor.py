"""The frame every editor shares: dirty marker, Apply/Revert, "what will be sent", progress, verdict.

An editor subclass builds its form into `self.form`, loads values from `self.session` in `load()`,
records each valid input with `self.edit(path, value)`, reports field problems with
`self.set_problem(field, message)` and sends the payload in `send()`. The frame does the rest:
Apply is enabled only when there is a change, no field has a problem and nothing is in flight;
Apply runs through the view's TaskOwner, shows progress, and shows the server's verdict; when the
server refuses, every edit stays as typed and the server's reason is shown next to the form.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import ApiError, NetworkError
from saveris_desktop.core.autosave import SaveFailure
from saveris_desktop.core.editing import EditSession, FieldChange, PathPart, dotted, leaves
from saveris_desktop.core.ranges import format_duration
from saveris_desktop.core.tasks import TaskOwner
from saveris_desktop.core.watcher import Callbacks
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.error_text import explain_error
from saveris_desktop.ui.style import TextRole, set_text_role
from saveris_desktop.ui.widgets.save_banner import DraftSaveBanner


class _QueuedOfflineError(Exception):
    """Apply found no network and handed the payload to the offline outbox instead."""


@dataclass
class EditorContext:
    """What every editor of one device view shares."""

    client: DeviceManagementClient
    site: str
    tasks: TaskOwner
    #: called on every change of any edit session (the drafts store persists drafts through it)
    on_session_change: Callable[[EditSession], None] | None = None
    #: called once per new session, before any editor shows it (a saved draft is laid over it)
    on_session_created: Callable[[EditSession], None] | None = None
    #: Apply without a network: queue the payload for the cloud (offline outbox) instead of failing
    queue_offline: Callable[[EditSession, dict[str, Any]], Awaitable[None]] | None = None
    #: the drafts store reports here whether typed changes are kept (a SaveFailure, or None once
    #: saving works again); every editor shows it in its banner
    draft_saving: Callbacks[SaveFailure | None] = field(default_factory=Callbacks)
    sessions: dict[str, EditSession] = field(default_factory=dict)
    #: session key -> why its current cloud values could not be read (the cloud does not offer the
    #: read): the editor says so and sends a complete document, never a patch on guessed values
    unreadable: dict[str, str] = field(default_factory=dict)

    def session(self, key: str, base: dict[str, Any]) -> EditSession:
        """The session for `key`, created on first use and rebased on later loads (edits survive)."""
        existing = self.sessions.get(key)
        if existing is None:
            existing = EditSession(base, key=key, on_change=self._forward)
            self.sessions[key] = existing
            if self.on_session_created is not None:
                self.on_session_created(existing)
        elif existing.base != base:
            existing.rebase(base)
        return existing

    def set_unreadable(self, key: str, reason: str | None) -> None:
        """Mark (reason) or unmark (None) the session `key` as one whose cloud values are unknown."""
        if reason:
            self.unreadable[key] = reason
        else:
            self.unreadable.pop(key, None)

    def _forward(self, session: EditSession) -> None:
        if self.on_session_change is not None:
            self.on_session_change(session)


def describe_error(error: BaseException) -> str:
    """An ApiError's message with the server's reason below it; anything else is unforeseen and gets
    the wizard's words for that (its traceback is in the log: see TaskOwner), never raw exception text."""
    if isinstance(error, ApiError):
        if error.server_reason and error.server_reason not in error.message:
            return f"{error.message}\n{error.server_reason}"
        return error.message
    return explain_error(error)


def _short(value: Any, field_name: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    text = json.dumps(value, ensure_ascii=False)
    # Milliseconds are what is sent; the words beside them are what the technician typed.
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (field_name.endswith("cycle") or field_name == "delay")
    ):
        text += f" ({format_duration(value)})"
    return text


class ChangesView(QWidget):
    """Before/after: each changed field (server value, value to send) and the complete request body."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request_line = QLabel(self)
        self.request_line.setObjectName(f"{name}_request")
        self.request_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName(f"{name}_changes")
        self.tree.setAccessibleName(self.tr("Changed fields"))
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("On the server"), self.tr("Will be sent")])
        self.tree.setMinimumHeight(90)
        self.tree.setMaximumHeight(180)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName(f"{name}_body")
        self.body.setAccessibleName(self.tr("Complete request body"))
        self.body.setReadOnly(True)
        self.body.setFont(QFont("monospace"))
        self.body.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.request_line)
        layout.addWidget(self.tree)
        layout.addWidget(
            QLabel(self.tr("Complete request body (fields this screen does not show go back unchanged):"))
        )
        layout.addWidget(self.body)

    def show_changes(self, request: str, changes: Sequence[FieldChange], payload: Any) -> None:
        self.request_line.setText(request)
        self.tree.clear()
        for change in changes:
            name = str(change.path[-1]) if change.path else ""
            after = self.tr("(removed)") if change.removed else _short(change.after, name)
            before = self.tr("(not set)") if change.added else _short(change.before, name)
            whole = change.whole_object
            # A new or dropped object (e.g. a channel's alarm limits) gets one row per value inside
            # it, under its own row, instead of one unreadable line of JSON.
            if whole is not None and change.added:
                after = self.tr("(new, see below)")
            elif whole is not None:
                before = self.tr("(see below)")
            item = QTreeWidgetItem([change.dotted, before, after])
            if whole is not None:
                self._add_values(item, whole, on_server=change.removed)
            self.tree.addTopLevelItem(item)
        if not changes:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("No changes"), "", ""]))
        # Branch decorations only when some row has values under it: no indent for a flat list.
        self.tree.setRootIsDecorated(any(change.whole_object is not None for change in changes))
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.body.setPlainText(json.dumps(payload, indent=2, ensure_ascii=False))

    @staticmethod
    def _add_values(item: QTreeWidgetItem, whole: Any, *, on_server: bool) -> None:
        """The values inside a new (or removed) object as a nested tree under `item`; the full field
        name of each value is its tooltip."""
        nodes: dict[tuple[str, ...], QTreeWidgetItem] = {}
        for path, value in leaves(whole):
            segments = _segments(path)
            holder = item
            for depth in range(len(segments) - 1):
                key = tuple(segments[: depth + 1])
                node = nodes.get(key)
                if node is None:
                    node = QTreeWidgetItem([segments[depth], "", ""])
                    holder.addChild(node)
                    nodes[key] = node
                holder = node
            shown = _short(value, str(path[-1]) if path else "")
            leaf = QTreeWidgetItem(
                [segments[-1] if segments else "", *((shown, "") if on_server else ("", shown))]
            )
            leaf.setToolTip(0, dotted(path))
            holder.addChild(leaf)


def _segments(path: Sequence[PathPart]) -> list[str]:
    """A path as tree levels: a key with its list position, e.g. `measurementAlarmConditions[0]`."""
    segments: list[str] = []
    for part in path:
        if isinstance(part, int) and segments:
            segments[-1] += f"[{part}]"
        else:
            segments.append(f"[{part}]" if isinstance(part, int) else str(part))
    return segments


def focusable_descendants(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab can reach, in their current focus-chain order."""
    found: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root:
        if root.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def set_tab_chain(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit `widgets` one after the other."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


class SessionEditor(QWidget):
    """Base of the editors; see the module docstring for the contract with subclasses."""

    sig_applied = Signal(object)  # the server's answer (payload dict)
    sig_state_changed = Signal()
    sig_form_loaded = Signal()  # after each load: rows may have been rebuilt, the tab order was renewed

    def __init__(self, context: EditorContext, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.context = context
        self.session: EditSession | None = None
        self._problems: dict[str, str] = {}
        self._busy = False
        self._loading = False

        self.title = QLabel(title, self)
        self.title.setObjectName(f"{name}_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.dirty_marker = QLabel(self)
        self.dirty_marker.setObjectName(f"{name}_dirty")
        self.dirty_marker.setAccessibleName(self.tr("Unsaved changes marker"))
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.dirty_marker)
        header.addStretch(1)

        # Says plainly when the cloud does not let us read the current values (EditorContext.unreadable).
        self.notice = QLabel(self)
        self.notice.setObjectName(f"{name}_notice")
        self.notice.setWordWrap(True)
        set_text_role(self.notice, TextRole.WARNING)
        self.notice.hide()

        self.form = QWidget(self)
        self.form.setObjectName(f"{name}_form")

        self.verdict = QLabel(self)
        self.verdict.setObjectName(f"{name}_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.verdict.hide()

        self.toggle_changes = QToolButton(self)
        self.toggle_changes.setObjectName(f"{name}_show_changes")
        self.toggle_changes.setAccessibleName(self.tr("Show what will be sent"))
        self.toggle_changes.setText(self.tr("What will be sent…"))
        self.toggle_changes.setCheckable(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName(f"{name}_progress")
        self.progress.setAccessibleName(self.tr("Sending"))
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setObjectName(f"{name}_revert")
        self.revert_button.setAccessibleName(self.tr("Revert changes"))
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName(f"{name}_apply")
        self.apply_button.setAccessibleName(self.tr("Apply changes"))
        self.apply_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_changes)
        buttons.addStretch(1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)

        self.changes = ChangesView(name, self)
        self.changes.hide()

        self.save_banner = DraftSaveBanner(self)
        show_save_state = self.save_banner.show_save_state
        context.draft_saving.connect(show_save_state)
        self.destroyed.connect(lambda *_: context.draft_saving.disconnect(show_save_state))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.form)
        layout.addWidget(self.save_banner)  # below the fields, beside Apply's verdict
        layout.addWidget(self.verdict)
        layout.addLayout(buttons)
        layout.addWidget(self.changes)
        layout.addStretch(1)

        self.toggle_changes.toggled.connect(self._on_toggle_changes)
        self.revert_button.clicked.connect(self.revert)
        self.apply_button.clicked.connect(self.apply)
        # No session yet: nothing to apply or revert (subclass hooks are not ready for update_state).
        self.apply_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self.form.setEnabled(False)

    # --- for subclasses ----------------------------------------------------------------------

    def load(self) -> None:
        """Fill the form from `self.session` (subclasses)."""

    def request_label(self) -> str:
        """E.g. "PUT /devices/<uuid>" for the before/after view (subclasses)."""
        return ""

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send `payload`, return the server's answer as a payload dict (subclasses)."""
        raise NotImplementedError

    def extra_problems(self) -> dict[str, str]:
        """Rules across several fields; messages are shown by the subclass at its fields."""
        return {}

    def edit(self, path: Sequence[PathPart], value: Any) -> None:
        if self.session is None or self._loading:
            return
        self.session.set(path, value)
        self.update_state()

    def set_problem(self, field_name: str, message: str) -> None:
        if message:
            self._problems[field_name] = message
        else:
            self._problems.pop(field_name, None)
        self.update_state()

    # --- session -----------------------------------------------------------------------------

    def set_session(self, session: EditSession | None) -> None:
        self.session = session
        self._problems.clear()
        self.verdict.hide()
        self._reload(force=True)

    def show_session(self, session: EditSession | None) -> None:
        """Show `session`: another one is loaded afresh; the one shown already only gets its new
        server values (edits and text typed but not valid yet are kept)."""
        if session is not self.session:
            self.set_session(session)
        elif session is not None:
            self.session_refreshed()

    def rebase(self, base: dict[str, Any]) -> None:
        """Newer server data arrived (a refresh): keep the edits and anything typed but not valid yet."""
        if self.session is None:
            return
        if self.session.base != base:
            self.session.rebase(base)
            self._reload(force=False)

    def session_refreshed(self) -> None:
        """The session was rebased elsewhere (EditorContext.session): show the new server values."""
        if self.session is not None:
            self._reload(force=False)

    def _reload(self, *, force: bool) -> None:
        if force:
            self._problems.clear()
        self._loading = True
        self._force_load = force
        try:
            if self.session is not None:
                self.load()
        finally:
            self._loading = False
        # The frame's buttons exist before the subclass's fields (and before rows built on load),
        # so Qt's default order would visit Apply before the fields: put the fields first.
        set_tab_chain(self.tab_chain())
        self.update_state()
        self.sig_form_loaded.emit()

    def tab_chain(self) -> list[QWidget]:
        """What Tab visits in this editor, top to bottom: the fields, the buttons, the changes view."""
        buttons = [self.toggle_changes, self.revert_button, self.apply_button]
        return [*focusable_descendants(self.form), *buttons, self.changes.tree, self.changes.body]

    @property
    def force_load(self) -> bool:
        """True while loading a new session or after Revert: typed-but-invalid text is overwritten."""
        return getattr(self, "_force_load", True)

    # --- state -------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self.session is not None and self.session.dirty

    @property
    def values_unknown(self) -> bool:
        """True when the cloud did not let us read the current values of this session's object."""
        return self.session is not None and self.session.key in self.context.unreadable

    @property
    def valid(self) -> bool:
        return not self._problems and not self.extra_problems()

    @property
    def busy(self) -> bool:
        return self._busy

    def problems(self) -> dict[str, str]:
        return {**self._problems, **self.extra_problems()}

    def update_state(self) -> None:
        has_session = self.session is not None
        self.form.setEnabled(has_session and not self._busy)
        pending = bool(self._problems)
        unknown_reason = self.context.unreadable.get(self.session.key, "") if self.session else ""
        self.notice.setText(unknown_reason)
        self.notice.setVisible(bool(unknown_reason))
        self.dirty_marker.setText(
            self.tr("● Unsaved changes")
            if self.dirty or pending
            else self.tr("Not read from the cloud")
            if unknown_reason
            else self.tr("Saved on the server")
            if has_session
            else ""
        )
        unsaved = self.dirty or pending
        set_text_role(self.dirty_marker, TextRole.WARNING if unsaved else TextRole.OK, bold=unsaved)
        self.apply_button.setEnabled(has_session and self.dirty and self.valid and not self._busy)
        self.revert_button.setEnabled(has_session and (self.dirty or pending) and not self._busy)
        self.apply_button.setToolTip(
            "\n".join(self.problems().values())
            if not self.valid
            else self.tr("Send the changes to the cloud")
        )
        if self.changes.isVisible() and self.session is not None:
            self._show_changes()
        self.sig_state_changed.emit()

    def _on_toggle_changes(self, on: bool) -> None:
        self.changes.setVisible(on)
        self.toggle_changes.setText(
            self.tr("Hide what will be sent") if on else self.tr("What will be sent…")
        )
        if on and self.session is not None:
            self._show_changes()

    def _show_changes(self) -> None:
        assert self.session is not None  # noqa: S101  (guarded by the callers)
        self.changes.show_changes(self.request_label(), self.session.changes(), self.session.payload())

    # --- actions -----------------------------------------------------------------------------

    def revert(self) -> None:
        if self.session is None or self._busy:
            return
        self._problems.clear()
        self.verdict.hide()
        self.session.revert()
        self._reload(force=True)

    def apply(self) -> None:
        if self.session is None or not self.apply_button.isEnabled():
            return
        payload = self.session.payload()
        self._busy = True
        self.progress.show()
        set_text_role(self.verdict, None)
        self.verdict.setText(self.tr("Sending to the cloud…"))
        self.verdict.show()
        self.update_state()
        session = self.session  # the answer belongs to this session, even if the form moved on
        self.context.tasks.spawn(
            self._send_or_queue(session, payload),
            name=f"apply:{self.objectName()}",
            on_result=lambda answer: self._applied(session, answer),
            on_error=self._refused,
        )

    async def _send_or_queue(self, session: EditSession, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            return await self.send(payload)
        except NetworkError:
            queue = self.context.queue_offline
            if queue is None:
                raise
            await queue(session, payload)
            raise _QueuedOfflineError from None

    def _applied(self, session: EditSession, answer: dict[str, Any]) -> None:
        self._busy = False
        self.progress.hide()
        session.accept(answer)
        set_text_role(self.verdict, TextRole.OK)
        self.verdict.setText(self.tr("Saved. The cloud accepted the changes."))
        self._reload(force=True)
        self.sig_applied.emit(answer)

    def _refused(self, error: BaseException) -> None:
        self._busy = False
        self.progress.hide()
        if isinstance(error, _QueuedOfflineError):
            # The edits stay (and stay a draft) until the cloud has them; the outbox sends them.
            set_text_role(self.verdict, TextRole.OK)
            self.verdict.setText(
                self.tr(
                    "No connection: the change is queued and is sent by itself once the cloud is reachable."
                )
            )
            self.verdict.show()
            self.update_state()
            return
        set_text_role(self.verdict, TextRole.ERROR)
        self.verdict.setText(
            self.tr("Not saved — your changes are still here.\n%1").replace("%1", describe_error(error))
        )
        self.verdict.show()
        announce(self, self.verdict.text(), urgent=True)
        self.update_state()
