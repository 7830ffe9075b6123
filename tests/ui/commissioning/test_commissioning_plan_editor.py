"""The plan editor driven like a technician: a barcode scanner's keys, typing in cells, paste, CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from saveris_desktop.core.commissioning.plan import COLUMNS, Column, PlanRow
from saveris_desktop.ui.commissioning.plan_editor import PlanEditor
from saveris_desktop.ui.commissioning.plan_model import PlanTableModel
from tests.ui.devices_harness import run
from tests.ui.user_input import click


def scan(qtbot, editor: PlanEditor, serial: str) -> None:  # type: ignore[no-untyped-def]
    """What a scanner does: the label's characters as key presses, then Enter."""
    qtbot.keyClicks(editor.focusWidget(), serial)
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Return)


def type_in_cell(qtbot, editor: PlanEditor, text: str) -> None:  # type: ignore[no-untyped-def]
    column = COLUMNS[editor.table.currentIndex().column()]
    """F2 opens the current cell's editor, as in a spreadsheet; Enter commits."""
    editor.activateWindow()
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    cell_editor = editor.table.indexWidget(editor.table.currentIndex()) or QApplication.focusWidget()
    assert isinstance(cell_editor, QLineEdit), cell_editor
    qtbot.keyClick(cell_editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(cell_editor, text)
    assert cell_editor.text() == text
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    # the delegate commits in a queued call
    qtbot.waitUntil(lambda: editor.model.rows[editor.table.currentIndex().row()].cell(column) == text)


def test_the_model_passes_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PlanTableModel([PlanRow(serial="61100042", object="Fridge 1", preset="fridge"), PlanRow()])
    qtmodeltester.check(model, force_py=True)
    model.paste_text("611669074\tFreezer\tfreezer\n", 1, 0)
    model.move_row(0, 1)
    qtmodeltester.check(model, force_py=True)


def test_scans_fill_the_next_empty_serial_without_the_mouse_and_find_planned_ones(qtbot) -> None:  # type: ignore[no-untyped-def]
    rows = [
        PlanRow(object="Fridge 1", preset="fridge"),
        PlanRow(serial="611669074", object="Fridge 2", preset="fridge"),
        PlanRow(object="Freezer", preset="freezer"),
    ]
    editor = PlanEditor(rows)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    saved: list[list[PlanRow]] = []
    editor.sig_rows_changed.connect(saved.append)
    assert editor.focusWidget() is editor.scan

    scan(qtbot, editor, "61100042")
    assert editor.model.rows[0].serial == "61100042"
    assert editor.scan_result.text() == "61100042 → row 1"  # the visible confirmation
    assert editor.scan_result.autoFillBackground()  # flashing
    assert editor.focusWidget() is editor.scan  # ready for the next label

    scan(qtbot, editor, "612083778")
    assert editor.model.rows[2].serial == "612083778"  # row 2 had a serial already
    scan(qtbot, editor, "611669074")
    assert editor.scan_result.text() == "611669074 is already planned: row 2"
    assert editor.table.currentIndex().row() == 1
    scan(qtbot, editor, "64000001")
    assert len(editor.model.rows) == 4 and editor.model.rows[3].serial == "64000001"  # a new row at the end
    scan(qtbot, editor, "ABC")
    assert editor.scan_result.text().startswith("Not taken: 'ABC' is not a serial number")
    assert len(editor.model.rows) == 4
    assert saved and saved[-1][0].serial == "61100042"  # each scan reaches the owner for saving


def test_a_cell_shows_its_problem_beside_the_table_as_it_is_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = PlanEditor([PlanRow(serial="61100042", object="Fridge 1", preset="fridge")])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    cycle = editor.model.index(0, COLUMNS.index(Column.MEASURING_CYCLE))
    editor.table.setFocus()
    editor.table.setCurrentIndex(cycle)
    type_in_cell(qtbot, editor, "15")
    assert editor.model.rows[0].measuring_cycle == "15"
    assert (
        editor.cell_problem.text()
        == "Row 1, measuring cycle: '15' has no unit; write it like 5 min, 15 min or 1 h."
    )
    assert editor.model.data(cycle, Qt.ItemDataRole.DecorationRole) is not None  # a warning sign in the cell
    assert "1 cell(s) to fix" in editor.summary.text()
    editor.table.setCurrentIndex(cycle)
    type_in_cell(qtbot, editor, "15 min")
    assert editor.cell_problem.text() == ""
    assert editor.summary.text() == "1 logger(s) planned"


def test_rows_pasted_from_a_spreadsheet_added_and_reordered(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = PlanEditor([])
    qtbot.addWidget(editor)
    editor.show()
    QGuiApplication.clipboard().setText("61100042\tFridge 1\tfridge\n611669074\tFridge 2\troom\t\t5 min\n")
    click(qtbot, editor.paste_button)
    assert [r.serial for r in editor.model.rows] == ["61100042", "611669074"]
    assert editor.model.rows[1].measuring_cycle == "5 min"
    editor.table.setCurrentIndex(editor.model.index(1, 0))
    click(qtbot, editor.up_button)
    assert [r.serial for r in editor.model.rows] == ["611669074", "61100042"]
    click(qtbot, editor.add_button)
    assert len(editor.model.rows) == 3 and editor.table.currentIndex().row() == 1


def test_a_csv_with_problems_imports_nothing_and_lists_them(qtbot, qloop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    editor = PlanEditor([PlanRow(serial="61100042", object="Fridge 1", preset="fridge")])
    qtbot.addWidget(editor)
    bad = tmp_path / "bad.csv"
    bad.write_text("serial;object;preset\nABC;Fridge;fridge\n")
    assert not run(qtbot, editor.import_csv(bad))
    assert "line 2, column 1 (serial): serial 'ABC' is not a serial number" in editor.import_problems.text()
    assert editor.model.rows[0].serial == "61100042"  # nothing changed
    good = tmp_path / "good.csv"
    good.write_text("serial;object;preset\n611669074;Freezer;freezer\n")
    assert run(qtbot, editor.import_csv(good))
    assert [r.serial for r in editor.model.rows] == ["611669074"]
