"""File → Commissioning report: read the site, preview it, print it, save it as PDF, CSV and JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from saveris_desktop.core.commissioning.report import OpenPlanRow
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME
from saveris_desktop.ui.commissioning.report_dialog import CommissioningReportDialog
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.core.commissioning.commissioning_site import SITE, commission, simulator
from tests.ui.user_input import type_text
from tests.ui.wizard_harness import make_services


def _window_with_site(qtbot, profile: str) -> tuple[MainWindow, str, dict[str, str]]:  # type: ignore[no-untyped-def]
    sim = simulator(profile)
    services = make_services(sim)
    ui_state = UiState()
    ui_state.set_site_timezone(SITE, "Europe/Berlin")  # as the wizard remembers it on this laptop
    window = MainWindow(ui_state, demo=True)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services)
    assert not window.report_action.isEnabled()  # no site yet
    ready: list[tuple[str, dict[str, str]]] = []

    async def prepare() -> None:
        site = await commission(sim)
        await site.client.aclose()
        await services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        services.set_signed_in(DEMO_USERNAME)
        services.set_site(SITE)
        ready.append((site.connect_key, site.serials))

    services.tasks.spawn(prepare())
    qtbot.waitUntil(lambda: bool(ready), timeout=10000)
    return window, *ready[0]


def _open_report(qtbot, window: MainWindow) -> CommissioningReportDialog:  # type: ignore[no-untyped-def]
    assert window.report_action.isEnabled()
    window.report_action.trigger()
    dialog = window.findChild(CommissioningReportDialog, "commissioningReportDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    return dialog


def _save_as(qtbot, dialog: CommissioningReportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    files = dialog.file_dialog
    assert isinstance(files, QFileDialog) and files.isVisible()
    files.selectFile(str(path))
    files.accept()
    qtbot.waitUntil(lambda: f"Saved to {path}" in dialog.status.text(), timeout=10000)


def test_the_report_from_the_menu_saved_as_pdf_csv_and_json(qtbot, qloop, sim_profile, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window, connect_key, serials = _window_with_site(qtbot, sim_profile)
    dialog = _open_report(qtbot, window)
    shown = dialog.preview.toPlainText()
    for serial in serials.values():
        assert serial in shown
    assert re.search(r"^2 logger(s|\(s\)) in “Pharmacy Main Street”", dialog.status.text())
    assert "demo" in shown.lower() or DEMO_USERNAME in shown  # the technician: the sign-in name
    if sim_profile == "documented":
        assert "Europe/Berlin (as chosen on this laptop" in shown
        assert "not readable from this cloud" in shown
        assert "Some parts could not be read" in dialog.status.text()
    else:
        assert "Vaccine fridge" in shown and "8 °C" in shown

    for name in ("report.pdf", "report.csv", "report.json"):
        _save_as(qtbot, dialog, tmp_path / name)
        assert connect_key.encode() not in (tmp_path / name).read_bytes()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["site"] == SITE
    assert SITE in (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    dialog.close()


def test_print_preview_and_print(qtbot, qloop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    window, _key, _serials = _window_with_site(qtbot, "assumed")
    dialog = _open_report(qtbot, window)

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.print_preview
    assert preview is not None
    qtbot.waitUntil(preview.isVisible, timeout=5000)
    pages = preview.findChild(QPrintPreviewWidget)
    assert pages is not None
    qtbot.waitUntil(lambda: pages.pageCount() >= 1, timeout=10000)
    preview.reject()

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    printing = dialog.print_dialog
    assert printing is not None and printing.isVisible()
    # No printer on a test machine: Qt's dialog offers "Print to File (PDF)"; type where, then Print.
    target = printing.findChild(QLineEdit, "filename")
    assert target is not None and target.isVisible()
    type_text(qtbot, target, str(tmp_path / "printed.pdf"))
    printing.accept()
    qtbot.waitUntil(lambda: "Sent to the printer." in dialog.status.text(), timeout=10000)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")


def test_plan_rows_not_completed_are_handed_in(qtbot, qloop) -> None:  # type: ignore[no-untyped-def]
    window, _key, _serials = _window_with_site(qtbot, "assumed")
    dialog = window.open_commissioning_report([OpenPlanRow("61100042", "Freezer 2", "did not join")])
    assert isinstance(dialog, CommissioningReportDialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    shown = dialog.preview.toPlainText()
    assert "Plan rows not completed" in shown and "Freezer 2" in shown and "did not join" in shown
    for widget in (dialog.preview_button, dialog.print_button, dialog.save_button, dialog.reload_button):
        assert widget.objectName() and widget.accessibleName()
