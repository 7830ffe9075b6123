"""The frame every editor shares: dirty marker, Apply/Revert, "what will be sent", progress, verdict.

An editor subclass builds its form into `self.form`, loads values from `self.session` in `load()`,
records each valid input with `self.edit(path, value)`, reports field problems with
`self.set_problem(field, message)` and sends the payload in `send()`. The frame does the rest:
Apply is enabled only when there is a change, no field has a problem and nothing is in flight;
Apply runs the one "apply or queue" operation (core.devices.apply) through the view's TaskOwner, shows
progress and the verdict: sent (the cloud accepted it), queued (no network: the outbox sends it
later), or refused, when every edit stays as typed and the server's reason is shown by the form.

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
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.devices.changes_view import ChangesView
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.fields import FieldMessage
from saveris_desktop.ui.devices.focus import focusable_descendants, set_tab_chain
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.style import TARGET_SIZE, TextRole, glove_sized, set_text_role
from saveris_desktop.ui.widgets.save_banner import DraftSaveBanner

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
        saving = context.draft_saving.connect(self.save_banner.show_save_state)
        self.destroyed.connect(lambda *_: saving.disconnect())

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
        layout.addWidget(self.body, 1)
        layout.addWidget(self.footer)
        self._install_keys()

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
            self._touched = False
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
        return [*focusable_descendants(self.form), *buttons, self.changes.tree, self.changes.body]

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
            apply_or_queue(
                self.context.change(session, payload), lambda: self.send(payload), self.context.queue
            ),
            name=f"apply:{self.objectName()}",
            on_result=lambda applied: self._applied(session, applied),
            on_error=self._refused,
        )

    def _applied(self, session: EditSession, applied: Applied[dict[str, Any]]) -> None:
        self._busy = False
        self.progress.hide()
        set_text_role(self.verdict, TextRole.OK)
        self.verdict.show()
        if applied.answer is None:
            # Queued: the edits stay (and stay a draft) until the cloud has them; the outbox sends them.
            self.verdict.setText(
                self.tr(
                    "No connection: the change is queued and is sent by itself once the cloud is reachable."
                )
            )
            self.update_state()
            return
        session.accept(applied.answer)
        self.verdict.setText(self.tr("Saved. The cloud accepted the changes."))
        self._reload(force=True)
        self.sig_applied.emit(applied.answer)

    def _refused(self, error: BaseException) -> None:
        self._busy = False
        self.progress.hide()
        set_text_role(self.verdict, TextRole.ERROR)
        self.verdict.setText(
            self.tr("Not saved — your changes are still here.\n%1").replace("%1", describe_error(error))
        )
        self.verdict.show()
        announce(self, self.verdict.text(), urgent=True)
        self.update_state()
