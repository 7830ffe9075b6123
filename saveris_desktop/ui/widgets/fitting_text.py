"""Read-only text as high as its content: shown inside a form that scrolls, it never scrolls itself.

A text box with its own scroll bar inside a scrolling editor is scrolling inside scrolling: the wheel
stops at it, and half of what it shows is out of sight. This one grows with its text instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class FittingText(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda *_: self._fit())

    def _fit(self) -> None:
        # A plain text document counts its height in lines (wrapped lines included).
        lines = max(1, int(self.document().size().height()))
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() if self.frameShape() != QFrame.Shape.NoFrame else 0
        height = lines * self.fontMetrics().lineSpacing() + int(2 * self.document().documentMargin())
        self.setFixedHeight(height + margins.top() + margins.bottom() + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()  # a narrower box wraps into more lines
