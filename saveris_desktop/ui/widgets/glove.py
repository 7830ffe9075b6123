"""Click targets a gloved hand hits: a check box whose whole row toggles it, list rows of TARGET_SIZE.

Qt's check box reacts only to its 13 px box and its text; in a cold room with gloves on, a click a
few pixels above or below the text did nothing. Sizes come from ui/style.py (TARGET_SIZE).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize
from PySide6.QtWidgets import QCheckBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from saveris_desktop.ui.style import TARGET_SIZE, glove_sized


class GloveCheckBox(QCheckBox):
    """A check box at least TARGET_SIZE high that toggles wherever its row is clicked."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        glove_sized(self)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class TallRows(QStyledItemDelegate):
    """Rows of a list or tree at least TARGET_SIZE high."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), TARGET_SIZE))
