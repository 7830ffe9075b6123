"""The status bar's part: online or offline, and how many changes still wait for the cloud."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from saveris_desktop.core.sync import SyncStatus
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.offline.common import name_widget

ONLINE_STYLE = "color: #1b5e20;"
OFFLINE_STYLE = "color: #a15c00; font-weight: bold;"
ATTENTION_STYLE = "color: #b00020; font-weight: bold;"


class SyncStatusWidget(QWidget):
    """`show_status(status)` on every engine report; the button opens the pending changes."""

    sig_open_pending = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.connection = QLabel(self)
        self.connection.setObjectName("syncStatusConnection")
        self.pending_button = QToolButton(self)
        name_widget(self.pending_button, "syncStatusPending", self.tr("Changes waiting for the cloud"))
        self.pending_button.setAutoRaise(True)
        self.pending_button.clicked.connect(self.sig_open_pending.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.data_age = QLabel(self)
        self.data_age.setObjectName("syncStatusDataAge")
        self.data_age.hide()
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
            self.connection.setStyleSheet(OFFLINE_STYLE)
            self.connection.setToolTip(
                self.tr("The cloud cannot be reached. Changes are kept and sent by themselves once it can.")
            )
        elif status.online:
            self.connection.setText(self.tr("● Online"))
            self.connection.setStyleSheet(ONLINE_STYLE)
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
            parts.append(self.tr("%1 to decide").replace("%1", str(status.conflicts)))
        if status.failed:
            parts.append(self.tr("%1 refused").replace("%1", str(status.failed)))
        if status.attention:
            parts.append(self.tr("%1 need attention").replace("%1", str(status.attention)))
        stopped = status.conflicts or status.failed or status.attention
        self.pending_button.setText(" · ".join(parts) if parts else self.tr("All changes sent"))
        self.pending_button.setStyleSheet(ATTENTION_STYLE if stopped else "")
        self.pending_button.setToolTip(self.tr("Show the changes waiting for the cloud"))
