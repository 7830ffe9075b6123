"""A highlighted note across a page or an editor: calm (demo mode, offline), or in a role's colour
(a failure, "saved again"); it reads well in light and dark palettes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from saveris_desktop.ui.style import NoteColours, TextRole, note_colours


class Banner(QFrame):
    """The tint is painted from the current palette at each paint, and the text colour is derived
    again on every palette change, so a switch between light and dark mode needs nothing else.
    No style sheet: it would freeze the colours and hide the palette change from the widget."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName(f"{object_name}Text")
        #: the text, and room beside it (e.g. for a button)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.label, 1)
        self._role: TextRole | None = None

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)

    def set_role(self, role: TextRole | None, *, bold: bool = False) -> None:
        """Tint the note with `role`'s colour (None: the calm highlight tint), its text in bold or not."""
        self._role = role
        font = self.label.font()
        font.setBold(bold)
        self.label.setFont(font)
        self._colour_text()
        self.update()

    def colours(self) -> NoteColours:
        parent = self.parentWidget()
        surroundings = parent.palette() if parent is not None else QGuiApplication.palette()
        return note_colours(self._role, surroundings)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_text()  # the system switched between light and dark

    def _colour_text(self) -> None:
        if self._role is None:
            self.label.setPalette(QPalette())  # the window's own text colour
            return
        text = self.colours().text
        if self.label.palette().color(QPalette.ColorRole.WindowText) != text:
            palette = QPalette()
            palette.setColor(QPalette.ColorRole.WindowText, text)
            self.label.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = self.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colours.border, 1))
        painter.setBrush(colours.background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
