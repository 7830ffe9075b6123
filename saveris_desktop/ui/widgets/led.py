"""A drawn status LED that blinks like the one on the logger, next to the words for it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from saveris_desktop.ui.style import LedColour, TextRole, role_color


@dataclass(frozen=True)
class _Look:
    colour: LedColour
    blink_ms: int  # 0: steady
    flash: bool = False  # short flash now and then instead of an even blink


class LedPattern(Enum):
    """What the technician sees on the device (simulator LedState values map 1:1 by name)."""

    OFF = _Look(LedColour.OFF, 0)
    HOTSPOT = _Look(LedColour.GREEN, 500)  # blinking green
    CONNECTING = _Look(LedColour.ORANGE, 500)  # blinking orange
    NORMAL = _Look(LedColour.GREEN, 2000, flash=True)  # short green flash now and then
    ERROR = _Look(LedColour.RED, 300)  # blinking red

    @property
    def words(self) -> str:
        return {
            LedPattern.OFF: QCoreApplication.translate("LedPattern", "LED off"),
            LedPattern.HOTSPOT: QCoreApplication.translate("LedPattern", "LED blinking green"),
            LedPattern.CONNECTING: QCoreApplication.translate("LedPattern", "LED blinking orange"),
            LedPattern.NORMAL: QCoreApplication.translate("LedPattern", "LED flashes green every 10 seconds"),
            LedPattern.ERROR: QCoreApplication.translate("LedPattern", "LED blinking red"),
        }[self]

    @classmethod
    def from_name(cls, name: str) -> LedPattern:
        return cls[name.upper()]


class LedIndicator(QWidget):
    def __init__(self, pattern: LedPattern = LedPattern.OFF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pattern = pattern
        self._lit = True
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._toggle)
        self.setFixedSize(self.sizeHint())
        self.set_pattern(pattern)

    def sizeHint(self) -> QSize:
        side = max(16, self.fontMetrics().height())
        return QSize(side, side)

    @property
    def pattern(self) -> LedPattern:
        return self._pattern

    def set_pattern(self, pattern: LedPattern) -> None:
        self._pattern = pattern
        self._lit = pattern is not LedPattern.OFF
        self.setToolTip(pattern.words)
        self.setAccessibleName(pattern.words)
        look = pattern.value
        if look.blink_ms:
            self._timer.start(look.blink_ms)
        else:
            self._timer.stop()
        self.update()

    def _toggle(self) -> None:
        look = self._pattern.value
        if look.flash:
            self._lit = True
            self.update()
            QTimer.singleShot(150, self._dim)
        else:
            self._lit = not self._lit
            self.update()

    def _dim(self) -> None:
        if self._pattern.value.flash:
            self._lit = False
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self._pattern.value.colour.value)
        lit = self._lit and self._pattern is not LedPattern.OFF
        # Unlit (off, or between two blinks) the LED is a ring in the muted text colour, which reads
        # on light and dark windows alike; a darker shade of the LED colour vanishes on a dark one.
        ring = color.darker(160) if lit else role_color(TextRole.MUTED, self.palette())
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        painter.setPen(QPen(ring, 1.5))
        painter.setBrush(color if lit else Qt.GlobalColor.transparent)
        painter.drawEllipse(rect)
