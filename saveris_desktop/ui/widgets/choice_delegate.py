"""A table cell that is chosen from a list: the model offers the choices, this delegate shows a combo box.

The model answers `CHOICES_ROLE` with `[(label, data), ...]` and `Qt.EditRole` with the chosen data;
`setData(index, data, Qt.EditRole)` takes a choice. A view that wants the boxes always visible (large
targets for gloves, no double-click to find out a cell is a choice) opens them as persistent editors;
when the model changes a cell, `setEditorData` fills the box anew, so choices that depend on another
cell (the presets that fit what a channel measures) stay right without rebuilding the editors.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

#: The role under which a model lists a cell's choices as (label, data) pairs.
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 40

#: The role under which a model gives the accessible name of a cell's box.
ACCESSIBLE_NAME_ROLE = Qt.ItemDataRole.UserRole + 41

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """Combo boxes for the cells of the columns it is set on (`view.setItemDelegateForColumn`)."""

    def __init__(self, object_name_prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.object_name_prefix = object_name_prefix

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.setObjectName(f"{self.object_name_prefix}{index.row()}")
        box.setAccessibleName(str(index.data(ACCESSIBLE_NAME_ROLE) or ""))
        # A choice is taken the moment it is made, as with any combo box outside a table: no Enter
        # or focus change needed, so a technician never loses a choice by clicking elsewhere.
        box.activated.connect(lambda _i, b=box: self.commitData.emit(b))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if not isinstance(editor, QComboBox):
            return
        choices: list[tuple[str, Any]] = index.data(CHOICES_ROLE) or []
        chosen = index.data(Qt.ItemDataRole.EditRole)
        editor.blockSignals(True)  # filling is not choosing
        try:
            editor.clear()
            for label, data in choices:
                editor.addItem(label, data)
            # Compared in Python: Qt's findData does not match tuples (they arrive as lists).
            found = next((row for row, (_label, data) in enumerate(choices) if data == chosen), 0)
            editor.setCurrentIndex(found)
            editor.setAccessibleName(str(index.data(ACCESSIBLE_NAME_ROLE) or ""))
        finally:
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if not isinstance(editor, QComboBox) or editor.currentIndex() < 0:
            return
        choices: list[tuple[str, Any]] = index.data(CHOICES_ROLE) or []
        if editor.currentIndex() >= len(choices):
            return
        # The model's own value, not the box's copy (Qt hands tuples back as lists).
        chosen = choices[editor.currentIndex()][1]
        if chosen != index.data(Qt.ItemDataRole.EditRole):  # choosing it again is no edit
            model.setData(index, chosen, Qt.ItemDataRole.EditRole)
