"""The status bar's part: online or offline, how many changes still wait for the cloud, and whether
what is typed is kept on this laptop (drafts not saved / saved again)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from saveris_desktop.core.offline.autosave import SaveFailure
from saveris_desktop.core.offline.sync import SyncStatus
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.offline.common import name_widget
from saveris_desktop.ui.style import TextRole, set_text_role
from saveris_desktop.ui.widgets.save_banner import SAVED_AGAIN_SHOWN_MS, storage_problem_text


class SyncStatusWidget(QWidget):
    """`show_status(status)` on every engine report. The button (clicked, or Space with the keyboard)
    asks for the choice when exactly one change needs it (`sig_choice_wanted`: the shortest way to the
    only thing to decide), otherwise for the list of waiting changes (`sig_open_pending`)."""

    sig_open_pending = Signal()
    sig_choice_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.connection = QLabel(self)
        self.connection.setObjectName("syncStatusConnection")
        self.pending_button = QToolButton(self)
        name_widget(self.pending_button, "syncStatusPending", self.tr("Changes waiting for the cloud"))
        self.pending_button.setAutoRaise(True)
        # reached with Tab and pressed with Space like any button (a tool button takes no focus)
        self.pending_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pending_button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.data_age = QLabel(self)
        self.data_age.setObjectName("syncStatusDataAge")
        self.data_age.hide()
        self.drafts = QLabel(self)
        self.drafts.setObjectName("syncStatusDrafts")
        self.drafts.hide()
        self._drafts_timer = QTimer(self)
        self._drafts_timer.setSingleShot(True)
        self._drafts_timer.timeout.connect(self.drafts.hide)
        self.save_failure: SaveFailure | None = None
        layout.addWidget(self.drafts)
        layout.addWidget(self.connection)
        layout.addWidget(self.data_age)
        layout.addWidget(self.pending_button)
        self.status: SyncStatus | None = None
        self.show_status(SyncStatus(online=None, open_changes=0, conflicts=0, failed=0, running=False))

    def show_data_age(self, age: str | None) -> None:
        """What the window shows came from this laptop's cache, fetched `age` ago (None: it is live)."""
        self.data_age.setText(self.tr("data from %1").replace("%1", age) if age else "")
        self.data_age.setToolTip(
            self.tr("The cloud cannot be reached: what you see is what this laptop last received.")
            if age
            else ""
        )
        self.data_age.setVisible(bool(age))

    def show_save_state(self, failure: SaveFailure | None) -> None:
        """Drafts could not be saved (`failure`), or (None) they are saved again after a failure."""
        self._drafts_timer.stop()
        if failure is None:
            if self.save_failure is None:
                return
            self.save_failure = None
            self.drafts.setText(self.tr("✓ Changes saved again"))
            set_text_role(self.drafts, TextRole.OK)
            self.drafts.setToolTip(self.tr("What you type is kept on this laptop again."))
            self._drafts_timer.start(SAVED_AGAIN_SHOWN_MS)
        else:
            self.save_failure = failure
            self.drafts.setText(self.tr("⚠ Changes NOT saved on this laptop"))
            set_text_role(self.drafts, TextRole.ERROR, bold=True)
            self.drafts.setToolTip(
                self.tr("Not saved: %1. Saving is tried again by itself.").replace(
                    "%1", storage_problem_text(failure.problem)
                )
            )
        self.drafts.show()

    def show_status(self, status: SyncStatus) -> None:
        previous = self.status
        self.status = status
        if previous is not None and previous.online is not None and previous.online != status.online:
            # Heard, not only seen (and not only by its colour): the change of connection.
            announce(
                self,
                self.tr("Offline: the cloud cannot be reached. Changes are kept.")
                if status.online is False
                else self.tr("Online again."),
                urgent=status.online is False,
            )
        if status.online is False:
            self.connection.setText(self.tr("● Offline"))
            set_text_role(self.connection, TextRole.WARNING, bold=True)
            self.connection.setToolTip(
                self.tr("The cloud cannot be reached. Changes are kept and sent by themselves once it can.")
            )
        elif status.online:
            self.connection.setText(self.tr("● Online"))
            set_text_role(self.connection, TextRole.OK)
            self.connection.setToolTip(self.tr("The cloud can be reached."))
        else:
            self.connection.setText("")
        parts = []
        if status.running:
            parts.append(self.tr("Sending…"))
        waiting = status.open_changes - status.conflicts - status.failed - status.attention
        if waiting > 0:
            parts.append(self.tr("%1 waiting").replace("%1", str(waiting)))
        if status.conflicts:
            # the editors' words for the same state ("⚠ Needs your choice: changed in the cloud as well")
            parts.append(self.tr("⚠ Needs your choice: %n change(s)", "", status.conflicts))
        if status.failed:
            parts.append(self.tr("%1 refused").replace("%1", str(status.failed)))
        if status.attention:
            parts.append(self.tr("%1 need attention").replace("%1", str(status.attention)))
        stopped = status.conflicts or status.failed or status.attention
        self.pending_button.setText(" · ".join(parts) if parts else self.tr("All changes sent"))
        set_text_role(self.pending_button, TextRole.ERROR if stopped else None, bold=bool(stopped))
        self.pending_button.setToolTip(
            self.tr("Choose which values to keep for the change that needs your choice")
            if status.conflicts == 1
            else self.tr("Show the changes waiting for the cloud")
        )
        self.pending_button.setAccessibleDescription(self.pending_button.toolTip())

    def _clicked(self) -> None:
        if self.status is not None and self.status.conflicts == 1:
            self.sig_choice_wanted.emit()
        else:
            self.sig_open_pending.emit()
