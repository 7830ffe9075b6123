"""The plan as a Qt table model: one row per logger, the text as typed, each cell's problem beside it.

The checks are core.commissioning.plan's (`row_problems`), recomputed after every edit, so the
table, the CSV import and the CLI agree on what is wrong. A cell's problem is its tool tip and
`ProblemRole`; the editor shows the current cell's problem under the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle

from saveris_desktop.core.commissioning.plan import (
    COLUMNS,
    CellProblem,
    Column,
    PlanRow,
    normalise_serial,
    row_problems,
)
from saveris_desktop.ui import core_words

ProblemRole = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class PlanTableModel(QAbstractTableModel):
    #: after every change of the rows (edit, paste, add, remove, move): the rows to save
    sig_rows_changed = Signal(list)

    def __init__(
        self, rows: Sequence[PlanRow] = (), template_names: Sequence[str] = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = list(rows)
        self._templates = list(template_names)
        self._problems: dict[tuple[int, Column], str] = {}
        self._check()

    # --- reading ------------------------------------------------------------------------------

    @property
    def rows(self) -> list[PlanRow]:
        return list(self._rows)

    def problem(self, row: int, column: Column) -> str | None:
        return self._problems.get((row, column))

    @property
    def template_names(self) -> list[str]:
        return list(self._templates)

    @property
    def problem_count(self) -> int:
        return len(self._problems)

    def headers(self) -> dict[Column, str]:
        return {
            Column.SERIAL: self.tr("Serial number"),
            Column.OBJECT: self.tr("Measuring object"),
            Column.PRESET: self.tr("Preset"),
            Column.LOGGER_NAME: self.tr("Logger name"),
            Column.MEASURING_CYCLE: self.tr("Measuring cycle"),
            Column.COMMUNICATION_CYCLE: self.tr("Communication cycle"),
        }

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()].cell(column)
        if role in (Qt.ItemDataRole.ToolTipRole, ProblemRole):
            return self._problems.get((index.row(), column))
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._problems.get((index.row(), column)) or ""
        if role == Qt.ItemDataRole.DecorationRole and (index.row(), column) in self._problems:
            # the style's own warning sign: visible in light, dark and high-contrast themes alike
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self.headers()[COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # --- editing ------------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        column = COLUMNS[index.column()]
        text = "" if value is None else str(value)
        if self._rows[index.row()].cell(column) == text:
            return True
        self._rows[index.row()] = self._rows[index.row()].with_cell(column, text)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self._changed()
        return True

    def insertRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [PlanRow() for _ in range(count)]
        self.endInsertRows()
        self._changed()
        return True

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        self._changed()
        return True

    def move_row(self, row: int, to: int) -> bool:
        """Move one row to position `to` (reorder with the buttons or Ctrl+Up/Down)."""
        if row == to or not (0 <= row < len(self._rows) and 0 <= to < len(self._rows)):
            return False
        destination = to + 1 if to > row else to  # Qt's rule: the index before which it lands
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(to, self._rows.pop(row))
        self.endMoveRows()
        self._changed()
        return True

    def replace_rows(self, rows: Sequence[PlanRow], *, announce: bool = True) -> None:
        """All rows at once (an imported CSV; `announce=False`: the plan as loaded, nothing to save)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._check()
        self.endResetModel()
        if announce:
            self.sig_rows_changed.emit(self.rows)

    def paste_text(self, text: str, row: int, column: int) -> int:
        """Tab-separated cells from a spreadsheet, from (row, column) on; rows are added as needed.
        Returns how many rows were pasted."""
        lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            return 0
        row = max(0, min(row, len(self._rows)))
        missing = row + len(lines) - len(self._rows)
        if missing > 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + missing - 1)
            self._rows.extend(PlanRow() for _ in range(missing))
            self.endInsertRows()
        for offset, line in enumerate(lines):
            current = self._rows[row + offset]
            for step, cell in enumerate(line.split("\t")):
                if column + step < len(COLUMNS):
                    current = current.with_cell(COLUMNS[column + step], cell.strip())
            self._rows[row + offset] = current
        self.dataChanged.emit(self.index(row, 0), self.index(row + len(lines) - 1, len(COLUMNS) - 1))
        self._changed()
        return len(lines)

    def take_scan(self, serial: str) -> tuple[int, bool]:
        """A scanned serial: the row that already has it, else the next row without a serial (a new
        row at the end when none). Returns (row, True when it was already planned)."""
        wanted = normalise_serial(serial)
        for index, row in enumerate(self._rows):
            if wanted and normalise_serial(row.serial) == wanted:
                return index, True
        target = next((i for i, row in enumerate(self._rows) if not row.serial.strip()), None)
        if target is None:
            target = len(self._rows)
            self.insertRows(target, 1)
        self.setData(self.index(target, COLUMNS.index(Column.SERIAL)), serial.strip())
        return target, False

    def set_template_names(self, names: Sequence[str]) -> None:
        self._templates = list(names)
        self._check()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    # --- checks -------------------------------------------------------------------------------

    def _check(self) -> list[CellProblem]:
        problems = row_problems(self._rows, self._templates)
        # core's sentences in the user's language (the CSV import and the CLI keep them English)
        self._problems = {(p.row, p.column): core_words.translated(p.message) for p in problems}
        return problems

    def _changed(self) -> None:
        before = dict(self._problems)
        self._check()
        touched = {
            key for key in before.keys() | self._problems.keys() if before.get(key) != self._problems.get(key)
        }
        for row, column in touched:
            if row < len(self._rows):
                cell = self.index(row, COLUMNS.index(column))
                self.dataChanged.emit(
                    cell, cell, [Qt.ItemDataRole.ToolTipRole, ProblemRole, Qt.ItemDataRole.DecorationRole]
                )
        self.sig_rows_changed.emit(self.rows)
