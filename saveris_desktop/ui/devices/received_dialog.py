"""Shows a device the app could not read exactly as the cloud sent it: read-only, with a Copy button.

The technician sees why the row says "Not readable"; support gets the JSON to correct the app.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ReceivedDialog(QDialog):
    def __init__(self, title: str, reason: str, received_json: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("received_dialog")
        self.setWindowTitle(title)
        self.reason = QLabel(reason, self)
        self.reason.setObjectName("received_reason")
        self.reason.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("received_json")
        self.text.setAccessibleName(self.tr("The data as the cloud sent it"))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(received_json)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("received_copy")
        self.copy_button.setAccessibleName(self.tr("Copy the data to the clipboard"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("received_close")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.text.toPlainText())
