"""The frame every editor shares: dirty marker, Apply/Revert, "what will be sent", progress, verdict.

An editor subclass builds its form into `self.form`, loads values from `self.session` in `load()`,
records each valid input with `self.edit(path, value)`, reports field problems with
`self.set_problem(field, message)` and sends the payload in `send()`. The frame does the rest:
Apply is enabled only when there is a change, no field has a problem and nothing is in flight;
Apply runs the one "apply or queue" operation (core.devices.apply) through the view's TaskOwner, shows
progress and the verdict: sent (the cloud accepted it), queued (no network: the outbox sends it
later), or refused, when every edit stays as typed and the server's reason is shown by the form.

The status beside the title (saved, unsaved, queued, sending, needs your choice …) is derived in one
place, core.offline.editor_status, from the session, this editor's Apply and the outbox as the
context last told it (`EditorContext.sig_outbox`); the frame only renders it, in words with a marker,
and says a change the outbox made to it to screen readers. A verdict belongs to the status it was
given for and goes when that status does. A conflict of the object shown puts a banner above the form
whose button asks for the choice (`EditorContext.sig_choice_wanted`).

Layout: the form scrolls in the editor's one scroll area; Apply/Revert, the verdict and the save
banner are a footer under it that never moves; "what will be sent" opens below the fields, in the
editor's own room. The fields' messages speak once the technician has edited the form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.devices.apply import Applied, apply_or_queue
from saveris_desktop.core.devices.editing import EditSession, PathPart
from saveris_desktop.core.offline.autosave import SaveFailure
from saveris_desktop.core.offline.editor_status import (
    EditorFacts,
    EditorState,
    EditorStatus,
    OutboxSnapshot,
    editor_state,
)
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.devices.changes_view import ChangesView
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.fields import FieldMessage
from saveris_desktop.ui.devices.focus import (
    focusable_descendants,
    keep_focus_before_disabling,
    set_tab_chain,
)
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.style import TARGET_SIZE, TextRole, glove_sized, set_text_role
from saveris_desktop.ui.widgets.banner import Banner
from saveris_desktop.ui.widgets.save_banner import DraftSaveBanner

# How each status is coloured (the words and the marker say it too) and whether it is bold
_STATUS_LOOK: dict[EditorStatus, tuple[TextRole | None, bool]] = {
    EditorStatus.EMPTY: (None, False),
    EditorStatus.SAVED: (TextRole.OK, False),
    EditorStatus.NOT_READ: (TextRole.WARNING, False),
    EditorStatus.UNSAVED: (TextRole.WARNING, True),
    EditorStatus.NOT_KEPT: (TextRole.ERROR, True),
    EditorStatus.QUEUED: (TextRole.WARNING, False),
    EditorStatus.SENDING: (None, False),
    EditorStatus.NEEDS_CHOICE: (TextRole.ERROR, True),
    EditorStatus.REFUSED: (TextRole.ERROR, True),
}

# Apply, Revert and "What will be sent" while the focus is in the editor (Ctrl+S as "save")
APPLY_KEYS = ("Ctrl+S", "Ctrl+Return")
REVERT_KEYS = ("Ctrl+Shift+R",)
CHANGES_KEYS = ("Ctrl+D",)


class FieldsScroll(QScrollArea):
    """The editor's one scroll area. It asks for the height its fields have now: QScrollArea keeps
    the size its widget had when first asked, before the rows a load builds, so an editor laid out
    at its natural height (the logger alarms above the sensor's) cut its own rows short."""

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return widget.sizeHint() + QSize(frame, frame)


class EditorBody(QSplitter):
    """The fields above, "What will be sent" below. Its size is that of the fields alone: opening
    the changes view shares the room the editor has, it never makes the editor taller (which moved
    Apply, or pushed it out of the window)."""

    def sizeHint(self) -> QSize:
        fields = self.widget(0)
        return fields.sizeHint() if fields is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        fields = self.widget(0)
        return fields.minimumSizeHint() if fields is not None else super().minimumSizeHint()


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
        self._force_load = True
        # the technician has edited this form since it was loaded (or reverted, or applied): only
        # then do its fields' messages speak (FieldMessage.set_armed)
        self._touched = False

        self.title = QLabel(title, self)
        self.title.setObjectName(f"{name}_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        # The one status of this editor (core.offline.editor_status); its accessible name is the status.
        self.status_label = QLabel(self)
        self.status_label.setObjectName(f"{name}_status")
        self.state = EditorState(EditorStatus.EMPTY, unapplied=False)
        self._save_failure: SaveFailure | None = None
        # the status the verdict below was given for: it goes when the status changes
        self._verdict_for: EditorStatus | None = None
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status_label)
        header.addStretch(1)

        # A conflict of the object shown: said here, where the technician works, with the way out.
        self.conflict_banner = Banner(f"{name}_conflict", self)
        self.conflict_banner.set_role(TextRole.ERROR)
        self.conflict_banner.set_text(
            self.tr("Someone changed this in the cloud while you were offline — choose which values to keep.")
        )
        self.choose_values_button = QPushButton(self.tr("Choose values…"), self.conflict_banner)
        self.choose_values_button.setObjectName(f"{name}_choose_values")
        self.choose_values_button.setAccessibleName(self.tr("Choose which values to keep"))
        self.conflict_banner.row.addWidget(self.choose_values_button)
        self.conflict_banner.hide()

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
        glove_sized(self.toggle_changes, self.revert_button, self.apply_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle_changes)
        buttons.addStretch(1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)

        self.changes = ChangesView(name, self)
        self.changes.hide()

        self.save_banner = DraftSaveBanner(self)
        connections = [
            context.draft_saving.connect(self.save_banner.show_save_state),
            context.draft_saving.connect(self._save_state_changed),
            context.sig_outbox.connect(self._outbox_changed),
        ]

        def disconnect_all(*_args: object) -> None:
            for connection in connections:
                connection.disconnect()

        self.destroyed.connect(disconnect_all)

        # --- layout: the fields scroll, the footer with Apply/Revert stays put -----------------
        # The form is the editor's one scroll area (nothing inside it scrolls on its own), so a
        # wheel turn or a long form never moves Apply: it sits in the footer under the scroll area.
        # "What will be sent" opens in a splitter below the fields, inside the editor's width, so a
        # long request line cannot push Apply off the right edge.
        self.form_scroll = FieldsScroll(self)
        self.form_scroll.setObjectName(f"{name}_scroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        fields = QWidget(self.form_scroll)  # the form at the top, the room under it stays empty
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.form)
        fields_layout.addStretch(1)
        self.form_scroll.setWidget(fields)
        # The fields sit on the editor's own background (a scroll area paints its own: a band of
        # another shade above the footer in dark mode).
        fields.setAutoFillBackground(False)
        self.form_scroll.viewport().setAutoFillBackground(False)
        self.changes.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.changes.setMinimumHeight(2 * TARGET_SIZE)  # a small editor squeezes it; its handle drags
        self.body = EditorBody(Qt.Orientation.Vertical, self)
        self.body.setObjectName(f"{name}_body_splitter")
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.form_scroll)
        self.body.addWidget(self.changes)
        self.body.setStretchFactor(0, 1)
        self.footer = QWidget(self)
        self.footer.setObjectName(f"{name}_footer")
        footer_layout = QVBoxLayout(self.footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        footer_layout.addWidget(self.save_banner)  # below the fields, beside Apply's verdict
        footer_layout.addWidget(self.verdict)
        footer_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.notice)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.footer)
        self._install_keys()

        self.toggle_changes.toggled.connect(self._on_toggle_changes)
        self.revert_button.clicked.connect(self.revert)
        self.apply_button.clicked.connect(self.apply)
        self.choose_values_button.clicked.connect(self._choose_values)
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
        self._touch()
        self.update_state()

    def set_problem(self, field_name: str, message: str) -> None:
        if message:
            self._problems[field_name] = message
        else:
            self._problems.pop(field_name, None)
        if self.session is not None and not self._loading:
            self._touch()
        self.update_state()

    def _touch(self) -> None:
        if not self._touched:
            self._touched = True
            self._arm_messages()

    def _arm_messages(self) -> None:
        """The fields' messages speak only once the form was edited: what is wrong with the server's
        values shows after the first edit, not on a form just opened."""
        for message in self.findChildren(FieldMessage):  # its own fields' messages
            message.set_armed(self._touched)

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
            # a session that comes back with edits (another logger was opened in between, a draft
            # was resumed) was edited: its messages speak, or Apply is disabled without a reason
            self._touched = bool(self.session is not None and self.session.dirty)
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
        self._arm_messages()  # rows built by this load as well
        self.update_state()
        self.sig_form_loaded.emit()

    def tab_chain(self) -> list[QWidget]:
        """What Tab visits in this editor, top to bottom: the fields, the buttons, the changes view."""
        buttons = [self.toggle_changes, self.revert_button, self.apply_button]
        return [
            self.choose_values_button,
            *focusable_descendants(self.form),
            *buttons,
            *self.changes.focus_chain(),
        ]

    @property
    def force_load(self) -> bool:
        """True while loading a new session or after Revert: typed-but-invalid text is overwritten."""
        return self._force_load

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

    def derive_state(self) -> EditorState:
        """This editor's status by the one rule (core.offline.editor_status)."""
        session = self.session
        queued = self.context.outbox.for_session(self.context.site, session.key) if session else ()
        return editor_state(
            EditorFacts(
                has_session=session is not None,
                edits=list(session.edits) if session is not None and session.dirty else [],
                typed_invalid=bool(self._problems),
                applying=self._busy,
                queued=queued,
                queue_running=self.context.outbox.running,
                values_unknown=self.values_unknown,
                save_failed=self._save_failure is not None,
            )
        )

    def update_state(self) -> None:
        has_session = self.session is not None
        unknown_reason = self.context.unreadable.get(self.session.key, "") if self.session else ""
        self.notice.setText(unknown_reason)
        self.notice.setVisible(bool(unknown_reason))
        self.state = state = self.derive_state()
        self._show_status(state)
        apply_enabled = has_session and state.unapplied and self.dirty and self.valid and not self._busy
        # queued edits are not reverted here: the form would show old values while they still go
        # out (a queued change is discarded in the waiting changes)
        revert_enabled = has_session and state.unapplied and not self._busy
        # the button row's first button stays enabled: the focus stays in the editor (not the Site box)
        keep_focus_before_disabling(
            [
                *([] if apply_enabled else [self.apply_button]),
                *([] if revert_enabled else [self.revert_button]),
                *([] if has_session and not self._busy else [self.form]),
            ],
            self.toggle_changes,
        )
        self.form.setEnabled(has_session and not self._busy)
        self.apply_button.setEnabled(apply_enabled)
        self.revert_button.setEnabled(revert_enabled)
        self.apply_button.setToolTip(
            "\n".join(self.problems().values())
            if not self.valid
            else self.tr("Send the changes to the cloud")
        )
        if self.changes.isVisible() and self.session is not None:
            self._show_changes()
        self.sig_state_changed.emit()

    def status_text(self, state: EditorState) -> str:
        """The status in words, each with its marker (never colour alone)."""
        texts = {
            EditorStatus.EMPTY: "",
            EditorStatus.SAVED: self.tr("✓ Saved on the server"),
            EditorStatus.NOT_READ: self.tr("Not read from the cloud"),
            EditorStatus.UNSAVED: self.tr("● Unsaved changes"),
            EditorStatus.NOT_KEPT: self.tr("● Unsaved changes, NOT saved on this laptop"),
            EditorStatus.QUEUED: self.tr("◷ Queued: sent by itself once the cloud is reachable"),
            EditorStatus.SENDING: self.tr("↻ Sending to the cloud…"),
            EditorStatus.NEEDS_CHOICE: self.tr("⚠ Needs your choice: changed in the cloud as well"),
            EditorStatus.REFUSED: self.tr("✕ Not accepted by the cloud: see the changes waiting"),
        }
        return texts[state.status]

    def _show_status(self, state: EditorState) -> None:
        text = self.status_text(state)
        self.status_label.setText(text)
        self.status_label.setAccessibleName(text)
        self.status_label.setToolTip(state.reason or "")
        self.status_label.setAccessibleDescription(state.reason or "")
        role, bold = _STATUS_LOOK[state.status]
        set_text_role(self.status_label, role, bold=bold)
        self.conflict_banner.setVisible(state.status is EditorStatus.NEEDS_CHOICE)
        if self._verdict_for is not None and state.status is not self._verdict_for:
            # e.g. "Saved." once something is typed again, "No connection …" once the queue was sent
            self._verdict_for = None
            self.verdict.hide()

    def _outbox_changed(self, snapshot: OutboxSnapshot) -> None:
        """The outbox changed (context.sig_outbox): show a session rebased by the context, renew the
        status, and say a change of it (e.g. sent, or now needing a choice) to screen readers."""
        before = self.state.status
        session = self.session
        if session is not None and snapshot.answered_for(self.context.site, session.key):
            self.session_refreshed()  # the answer (context.show_outbox); edits typed since stay
        else:
            self.update_state()
        after = self.state.status
        if after is not before and after not in (EditorStatus.EMPTY, EditorStatus.SENDING):
            urgent = after in (EditorStatus.NEEDS_CHOICE, EditorStatus.REFUSED)
            announce(self, self.status_label.text(), urgent=urgent)

    def _save_state_changed(self, failure: SaveFailure | None) -> None:
        self._save_failure = failure
        self.update_state()

    def _choose_values(self) -> None:
        if self.state.conflict is not None:
            self.context.sig_choice_wanted.emit(self.state.conflict)

    def _install_keys(self) -> None:
        """Apply, Revert and "What will be sent" by keyboard while the focus is in this editor: each of
        two editors on one tab (alarms, measuring objects) answers only for itself."""
        for keys, slot, button in (
            (APPLY_KEYS, self.apply, self.apply_button),
            (REVERT_KEYS, self.revert, self.revert_button),
            (CHANGES_KEYS, self.toggle_changes.toggle, self.toggle_changes),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys_text = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            button.setAccessibleDescription(self.tr("Shortcut: %1").replace("%1", keys_text))
        self.revert_button.setToolTip(
            self.tr("Back to the values on the server (%1)").replace(
                "%1", QKeySequence(REVERT_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.toggle_changes.setToolTip(
            self.tr("Show or hide what will be sent (%1)").replace(
                "%1", QKeySequence(CHANGES_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )

    def _on_toggle_changes(self, on: bool) -> None:
        self.changes.setVisible(on)
        if on:  # below the fields, in the editor's room (the footer does not move): two fifths, or
            # in a low editor what the changes view needs, while two rows of fields stay in sight
            total = sum(self.body.sizes()) or self.body.height()
            changes_layout = self.changes.layout()
            least = changes_layout.minimumSize().height() if changes_layout is not None else 0
            wanted = min(max(total * 2 // 5, least), total - 2 * TARGET_SIZE)
            self.body.setSizes([total - wanted, wanted])
        self.toggle_changes.setText(
            self.tr("Hide what will be sent") if on else self.tr("What will be sent…")
        )
        if on and self.session is not None:
            self._show_changes()

    def _show_changes(self) -> None:
        assert self.session is not None  # noqa: S101  (guarded by the callers)
        self.changes.show_changes(
            self.request_label(),
            self.session.changes(),
            self.session.payload(),
            self.context.describe(self.session),
        )

    # --- actions -----------------------------------------------------------------------------

    def revert(self) -> None:
        if self.session is None or self._busy:
            return
        self._problems.clear()
        self._verdict_for = None
        self.verdict.hide()
        self.session.revert()
        self._reload(force=True)

    def apply(self) -> None:
        if self.session is None or not self.apply_button.isEnabled():
            return
        payload = self.session.payload()
        self._busy = True
        self.progress.show()
        self._verdict_for = None
        self.verdict.hide()  # the status says "Sending …"; the verdict comes with the answer
        self.update_state()
        session = self.session  # the answer belongs to this session, even if the form moved on
        self.context.tasks.spawn(
            apply_or_queue(
                self.context.change(session, payload), lambda: self.send(payload), self.context.queue
            ),
            name=f"apply:{self.objectName()}",
            on_result=lambda applied: self._applied(session, applied),
            on_error=self._refused,
        )

    def _show_verdict(self, text: str, role: TextRole | None) -> None:
        """Say how Apply ended; call `_verdict_given()` once the status is renewed."""
        self._verdict_for = None
        set_text_role(self.verdict, role)
        self.verdict.setText(text)
        self.verdict.show()

    def _verdict_given(self) -> None:
        """The verdict shown belongs to the status the Apply led to, and goes when that one does."""
        self._verdict_for = self.state.status

    def _applied(self, session: EditSession, applied: Applied[dict[str, Any]]) -> None:
        self._busy = False
        self.progress.hide()
        if applied.answer is None:
            # Queued: the edits stay (and stay a draft) until the cloud has them; the outbox sends them.
            self._show_verdict(
                self.tr(
                    "No connection: the change is queued and is sent by itself once the cloud is reachable."
                ),
                None,  # not done yet: calm, like the status beside the title
            )
            self.update_state()
            self._verdict_given()
            announce(self, self.verdict.text())
            return
        session.accept(applied.answer)
        self._show_verdict(self.tr("Saved. The cloud accepted the changes."), TextRole.OK)
        self._reload(force=True)
        self._verdict_given()
        announce(self, self.verdict.text())
        self.sig_applied.emit(applied.answer)

    def _refused(self, error: BaseException) -> None:
        self._busy = False
        self.progress.hide()
        self._show_verdict(
            self.tr("Not saved — your changes are still here.\n%1").replace("%1", describe_error(error)),
            TextRole.ERROR,
        )
        self.update_state()
        self._verdict_given()  # the server's reason stays while the technician corrects the fields
        announce(self, self.verdict.text(), urgent=True)
