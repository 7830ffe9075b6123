"""The plan editor: a table of loggers, a scan field for the barcode scanner, paste and CSV import.

A USB/Bluetooth barcode scanner types like a keyboard and ends with Enter. The scan field has the
focus when the editor opens and gets it back after each scan, so the technician scans label after
label without touching the mouse: a scan fills the next empty serial (or finds the row of a serial
already planned), selects that row and flashes a confirmation line.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.commissioning.csv_import import PlanImportError, read_plan_csv
from saveris_desktop.core.commissioning.plan import COLUMNS, Column, PlanRow, check_serial
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui import core_words, i18n
from saveris_desktop.ui.commissioning.plan_model import PlanTableModel

FLASH_MS = 1500


class PlanEditor(QWidget):
    #: the rows after every change (the owner saves them as the plan's draft)
    sig_rows_changed = Signal(list)

    def __init__(
        self,
        rows: list[PlanRow] | None = None,
        template_names: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.model = PlanTableModel(rows or [], template_names or [], self)
        self.model.sig_rows_changed.connect(self.sig_rows_changed)
        self.model.sig_rows_changed.connect(lambda _rows: self._show_cell_problem())
        self.model.modelReset.connect(self._show_cell_problem)
        self.tasks = TaskOwner("plan-editor")

        self.scan = QLineEdit(self)
        self.scan.setObjectName("planScan")
        self.scan.setAccessibleName(self.tr("Scan or type a serial number"))
        self.scan.setPlaceholderText(
            self.tr("Scan a logger's label (or type its serial number and press Enter)")
        )
        self.scan.returnPressed.connect(self._scanned)
        self.scan_result = QLabel(self)
        self.scan_result.setObjectName("planScanResult")
        self.scan_result.setAccessibleName(self.tr("Result of the last scan"))
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(lambda: self.scan_result.setAutoFillBackground(False))

        self.table = QTableView(self)
        self.table.setObjectName("planTable")
        self.table.setAccessibleName(self.tr("Commissioning plan"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Tab leaves the table (the arrow keys move between cells): with Qt's default Tab went round
        # the cells for ever and a keyboard user never reached the buttons. While a cell is being
        # typed in, Tab still goes on to the next cell, as in a spreadsheet.
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        self.table.selectionModel().currentChanged.connect(lambda *_: self._show_cell_problem())
        self.cell_problem = QLabel(self)
        self.cell_problem.setObjectName("planCellProblem")
        self.cell_problem.setAccessibleName(self.tr("Problem of the current cell"))
        self.cell_problem.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("planSummary")

        self.add_button = self._button("planAddRow", self.tr("&Add row"), self.add_row)
        self.remove_button = self._button("planRemoveRow", self.tr("&Remove row"), self.remove_row)
        self.up_button = self._button("planMoveUp", self.tr("Move &up"), lambda: self.move_current(-1))
        self.down_button = self._button("planMoveDown", self.tr("Move &down"), lambda: self.move_current(1))
        self.paste_button = self._button(
            "planPaste", self.tr("&Paste from spreadsheet"), self.paste_clipboard
        )
        self.import_button = self._button("planImportCsv", self.tr("&Import CSV …"), self.choose_csv)
        self.import_problems = QLabel(self)
        self.import_problems.setObjectName("planImportProblems")
        self.import_problems.setWordWrap(True)
        self.import_problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.table)
        paste.activated.connect(self.paste_clipboard)

        # The scan field across the whole width, its result right under it: beside each other the
        # field's hint ("Scan a logger's label (or type …") was cut off in German.
        self.scan_result.setMinimumHeight(self.fontMetrics().lineSpacing())  # no jump at the first scan
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.paste_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan)
        layout.addWidget(self.scan_result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cell_problem)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.import_problems)
        self._show_cell_problem()
        self.scan.setFocus()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        # In a dialog Enter presses the default button: a scanner's Enter would add a row as well
        button.setAutoDefault(False)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip(" …"))
        button.clicked.connect(slot)
        return button

    # --- scanning -------------------------------------------------------------------------------

    def _scanned(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if not text:
            return
        problem = check_serial(text)
        if problem is not None:
            self._flash(self.tr("Not taken: %1").replace("%1", core_words.translated(problem)))
            return
        row, known = self.model.take_scan(text)
        self._select(row, Column.SERIAL)
        if known:
            self._flash(
                self.tr("%1 is already planned: row %2").replace("%1", text).replace("%2", str(row + 1))
            )
        else:
            self._flash(self.tr("%1 → row %2").replace("%1", text).replace("%2", str(row + 1)))
        self.scan.setFocus()

    def _flash(self, text: str) -> None:
        self.scan_result.setText(text)
        self.scan_result.setAutoFillBackground(True)  # the palette's highlight for a moment
        self.scan_result.setBackgroundRole(self.scan_result.palette().ColorRole.Highlight)
        self.scan_result.setForegroundRole(self.scan_result.palette().ColorRole.HighlightedText)
        self._flash_timer.start(FLASH_MS)

    # --- rows -----------------------------------------------------------------------------------

    def _current_row(self) -> int:
        current = self.table.currentIndex()
        return current.row() if current.isValid() else -1

    def _select(self, row: int, column: Column) -> None:
        index = self.model.index(row, COLUMNS.index(column))
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(index)

    def add_row(self) -> None:
        row = self._current_row() + 1 if self._current_row() >= 0 else self.model.rowCount()
        self.model.insertRows(row, 1)
        self._select(row, Column.SERIAL)
        self.table.setFocus()

    def remove_row(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.model.removeRows(row, 1)

    def move_current(self, step: int) -> None:
        row = self._current_row()
        column = self.table.currentIndex().column()
        if row >= 0 and self.model.move_row(row, row + step):
            self._select(row + step, COLUMNS[max(column, 0)])

    def paste_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        current = self.table.currentIndex()
        row = current.row() if current.isValid() else self.model.rowCount()
        column = current.column() if current.isValid() else 0
        self.model.paste_text(text, row, column)

    # --- CSV ------------------------------------------------------------------------------------

    def show_rows(self, rows: list[PlanRow]) -> None:
        """The plan as saved (loaded, or changed by the board's "Add to plan"): nothing to save back."""
        self.model.replace_rows(rows, announce=False)

    def choose_csv(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a plan"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path and not self.tasks.closed:
            self.tasks.spawn(self.import_csv(Path(path)), name="import-csv")

    async def import_csv(self, path: Path) -> bool:
        """Replace the rows with the file's, or show every problem and change nothing."""
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as error:
            self.import_problems.setText(
                self.tr("The file cannot be read: %1").replace("%1", str(error.strerror or error))
            )
            return False
        try:
            rows = read_plan_csv(data, self.model.template_names)
        except PlanImportError as error:
            lines = [core_words.translated(str(p)) for p in error.problems]
            self.import_problems.setText(
                self.tr("Nothing was imported; the file has these problems:") + "\n" + "\n".join(lines)
            )
            return False
        self.import_problems.clear()
        self.model.replace_rows(rows)
        return True

    def _show_cell_problem(self) -> None:
        current = self.table.currentIndex()
        problem = self.model.problem(current.row(), COLUMNS[current.column()]) if current.isValid() else None
        if problem:
            where = self.tr("Row %1, %2:").replace("%1", str(current.row() + 1))
            header = str(self.model.headers()[COLUMNS[current.column()]])
            if i18n.current_language() == i18n.SOURCE_LANGUAGE:
                header = header.lower()  # "Row 2, serial number:"; German nouns keep their capital
            where = where.replace("%2", header)
            self.cell_problem.setText(f"{where} {problem}")
        else:
            self.cell_problem.setText("")
        count = sum(1 for r in self.model.rows if not r.empty)
        problems = self.model.problem_count
        text = self.tr("%1 logger(s) planned").replace("%1", str(count))
        if problems:
            text += self.tr("; %1 cell(s) to fix (point at a cell to see why)").replace("%1", str(problems))
        self.summary.setText(text)
