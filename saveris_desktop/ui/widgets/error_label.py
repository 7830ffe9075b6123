"""The inline message under a field or a form, in the error colour of the current palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from saveris_desktop.ui.style import TextRole, set_text_role


class ErrorLabel(QLabel):
    """An inline message under a field or form; empty means hidden."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_role(self, TextRole.ERROR)  # follows a switch between light and dark by itself
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")
