"""The commissioning plan and its report with the keyboard alone: menu, scanner, table, board, report.

Every step is a key sent to the widget that has the focus (tests/ui/test_keyboard_only.py's
helpers), as a technician without a mouse (or with a barcode scanner in one hand) works: the Site
menu by its Alt key, serial numbers scanned into the scan field, the measuring objects typed into
the table, the board by its Alt key, the report by its own, a look at the print preview and the
report saved as PDF through the file dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from saveris_desktop.ui.commissioning.install import CommissioningActions
from saveris_desktop.ui.commissioning.report_dialog import CommissioningReportDialog
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.ui.devices_harness import run
from tests.ui.test_keyboard_only import activate, focus_is_drawn, focused, press
from tests.ui.wizard_harness import FAST_TIMING, make_services

SITE = "Supermarket North"
WIFI = ("Market-Staff", "frozen-peas-42")
ALT = Qt.KeyboardModifier.AltModifier


def tab_chain(qtbot: Any, steps: int) -> list[str]:
    """The object names the focus visits on `steps` presses of Tab, from where it is now."""
    names = []
    for _ in range(steps):
        press(qtbot, Qt.Key.Key_Tab)
        names.append(focused().objectName())
    return names


def type_keys(qtbot: Any, text: str) -> None:
    """Each character to whatever has the focus when it is typed (the first key opens a cell's editor)."""
    for character in text:
        qtbot.keyClicks(focused(), character)


def test_a_plan_filled_run_and_reported_with_keys_only(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    sim = Simulator(seed=5, join_delay=0.0, clock=ManualClock())
    services = make_services(sim)
    run(qtbot, services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD))
    services.set_signed_in(DEMO_USERNAME)
    services.set_site(SITE)
    key = run(qtbot, services.client.create_connect_key(SITE)).connect_key
    work = run(qtbot, OfflineWork.open(services, tmp_path / "db.sqlite3"))
    main = MainWindow(UiState(), demo=False)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.attach_services(services)
    actions = CommissioningActions(
        main, main.site_menu, work, timing=FAST_TIMING, open_report=main.open_commissioning_report
    )
    boxes = [sim.create_logger(LoggerKind.QSR_TEMPERATURE_HUMIDITY) for _ in range(2)]

    # Site → Commission several loggers: Alt+S opens the menu, C picks the entry.
    activate(qtbot, main)
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is main.site_menu, timeout=3000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_C)  # an open menu takes the keys
    qtbot.waitUntil(lambda: actions.open_window is not None, timeout=3000)
    window = actions.open_window
    assert window is not None
    activate(qtbot, window)
    # No plan yet: the plan opens with the focus in the scan field, ready for the scanner.
    editor = window.editor
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is editor, timeout=3000)
    qtbot.waitUntil(lambda: focused() is editor.scan, timeout=3000)
    assert focus_is_drawn(qtbot, editor.scan)
    for box in boxes:  # the scanner types the label and ends with Enter
        qtbot.keyClicks(focused(), box.serial_number)
        press(qtbot, Qt.Key.Key_Return)
        assert focused() is editor.scan  # back in the scan field for the next label
    assert editor.scan_result.text() == f"{boxes[1].serial_number} → row 2"

    # Tab leads from the scan field into the table, then through the buttons in reading order.
    assert tab_chain(qtbot, 7) == [
        "planTable",
        "planAddRow",
        "planRemoveRow",
        "planMoveUp",
        "planMoveDown",
        "planPaste",
        "planImportCsv",
    ]
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is editor.table
    # In the table: the arrow keys move, typing edits the cell, Enter keeps it.
    table = editor.table
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Right)
    for row, (name, preset) in enumerate((("Fridge 1", "fridge"), ("Freezer 1", "freezer"))):
        assert (table.currentIndex().row(), table.currentIndex().column()) == (row, 1)
        type_keys(qtbot, name)
        press(qtbot, Qt.Key.Key_Tab)  # while typing in a cell, Tab keeps it and opens the next one
        qtbot.waitUntil(lambda row=row: table.currentIndex().column() == 2, timeout=3000)
        type_keys(qtbot, preset)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: focused() is table, timeout=3000)
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Left)
    assert [(r.object, r.preset) for r in editor.model.rows] == [
        ("Fridge 1", "fridge"),
        ("Freezer 1", "freezer"),
    ]
    assert editor.summary.text() == "2 logger(s) planned"

    # The board by its Alt key; the loggers join and the board counts them.
    press(qtbot, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 0, timeout=3000)
    for box in boxes:
        sim.press_button(box.id, 3.0)
        assert sim.submit_configuration(box.id, key, *WIFI).ok
    qtbot.waitUntil(lambda: window.count_label.text() == "2 of 2 configured", timeout=10000)
    # Alt+B put the focus on the board; Tab goes on past it (Retry waits for a row that needs it).
    assert focused() is window.board_table
    assert tab_chain(qtbot, 2) == ["commissioningReport", "commissioningDeviceType"]
    assert {o["name"] for o in sim.world.measuring_objects.values()} == {"Fridge 1", "Freezer 1"}

    # The report by its Alt key: it opens, reads the site and takes the keys.
    press(qtbot, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(
        lambda: main.findChild(CommissioningReportDialog, "commissioningReportDialog") is not None,
        timeout=3000,
    )
    report = main.findChild(CommissioningReportDialog, "commissioningReportDialog")
    assert report is not None
    activate(qtbot, report)
    qtbot.waitUntil(report.save_button.isEnabled, timeout=10000)
    for box in boxes:
        assert box.serial_number in report.preview.toPlainText()
    # Tab goes from the report's text through its buttons in the order they are shown.
    report.preview.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: focused() is report.preview, timeout=3000)
    assert tab_chain(qtbot, 5) == [
        "reportPrintPreview",
        "reportPrint",
        "reportSave",
        "reportReload",
        "reportClose",
    ]
    for _ in range(2):
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is report.save_button and focus_is_drawn(qtbot, report.save_button)

    # Print preview by its Alt key, closed with Escape.
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(
        lambda: report.print_preview is not None and report.print_preview.isVisible(), timeout=5000
    )
    preview = report.print_preview
    assert preview is not None
    activate(qtbot, preview)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=3000)

    # Save as PDF by its Alt key: the file dialog's name field has the focus; type the path, Enter.
    activate(qtbot, report)
    press(qtbot, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(
        lambda: isinstance(report.file_dialog, QFileDialog) and report.file_dialog.isVisible(), timeout=3000
    )
    files = report.file_dialog
    assert files is not None
    activate(qtbot, files)
    target = tmp_path / "report.pdf"
    name_field = focused()
    qtbot.keyClick(name_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name_field, str(target))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"Saved to {target}" in report.status.text(), timeout=10000)
    assert target.read_bytes().startswith(b"%PDF-")

    # Escape closes the report; the board is where the technician left it.
    activate(qtbot, report)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not report.isVisible(), timeout=3000)
    window.reject()
    run(qtbot, window.aclose())
    run(qtbot, work.aclose())
    run(qtbot, services.aclose())
