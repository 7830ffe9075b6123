"""An indeterminate progress bar with the words for what is going on."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class BusyRow(QWidget):
    """An indeterminate bar with words saying what is going on; hidden when idle."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.bar = QProgressBar(self)
        self.bar.setObjectName(f"{object_name}Bar")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.label = QLabel(self)
        self.label.setObjectName(f"{object_name}Text")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()
