"""QR codes with segno: PNG bytes -> QImage/QPixmap, always dark modules on a white quiet zone.

Phones read a QR code only with enough contrast and an empty border ("quiet zone", 4 modules), so
the code ignores the dark colour scheme on purpose.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from saveris_desktop.ui.style import INK, PAPER

QUIET_ZONE = 4


def qr_png_bytes(text: str, *, scale: int = 8, border: int = QUIET_ZONE) -> bytes:
    """A PNG of `text` as a QR code; error correction M survives a smudged printout."""
    code = segno.make(text, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=border, dark=INK, light=PAPER)
    return buffer.getvalue()


def qr_image(text: str, *, scale: int = 8) -> QImage:
    image = QImage.fromData(qr_png_bytes(text, scale=scale))  # the format is detected
    if image.isNull():  # cannot happen with segno's PNG writer; fail loudly if it ever does
        raise ValueError("the QR code image could not be decoded")
    return image


class QrCodeView(QLabel):
    """Shows `text` as a QR code of about `side` device-independent pixels, sharp at any scaling."""

    def __init__(self, parent: QWidget | None = None, *, side: int = 220) -> None:
        super().__init__(parent)
        self._side = side
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(f"background: {PAPER};")

    def set_value(self, text: str) -> None:
        if not text:
            self.clear()
            return
        ratio = max(self.devicePixelRatioF(), 1.0)
        modules = segno.make(text, error="m", micro=False).symbol_size(border=QUIET_ZONE)[0]
        # Integer module size: a QR code scaled by a fraction gets blurry edges phones dislike.
        scale = max(1, round(self._side * ratio / modules))
        pixmap = QPixmap.fromImage(qr_image(text, scale=scale))
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
        self.setFixedSize(pixmap.deviceIndependentSize().toSize())

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)
