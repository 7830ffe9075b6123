"""Help → Check the connection to the cloud: the first-contact check from the app's menu."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from saveris_desktop.core.runtime import paths
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, Simulator
from saveris_desktop.ui.first_contact_dialog import FirstContactDialog
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.ui.wizard_harness import make_services


def test_the_help_menu_checks_the_connection_and_names_the_report(qtbot, qloop) -> None:
    services = make_services(Simulator(seed=12, join_delay=0.0))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    assert not window.check_connection_action.isEnabled()  # nothing to check with before the client
    window.attach_services(services)
    ready: list[bool] = []

    async def sign_in_and_create() -> None:
        await services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        await services.client.create_connect_key("Cold Store")
        services.set_signed_in(DEMO_USERNAME)
        ready.append(True)

    services.tasks.spawn(sign_in_and_create())
    qtbot.waitUntil(lambda: ready == [True], timeout=5000)
    window.check_connection_action.trigger()
    dialog = window.findChild(FirstContactDialog, "firstContactDialog")
    assert dialog is not None
    qtbot.keyClicks(dialog.site, "Cold  Store")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Report for support" in dialog.report.text(), timeout=10000)
    assert "Everything the app needs works." in dialog.verdict.text()
    assert "works" in dialog.details.toPlainText() and "GET  /devices" in dialog.details.toPlainText()
    path = Path(dialog.report.text().split(": ", 1)[1])
    assert path.parent == paths.data_dir() / "first-contact"
    report = json.loads(path.read_text(encoding="utf-8"))
    assert report["site"] == "Cold Store" and report["ok"] is True
    for widget in (dialog.site, dialog.check_button):
        assert widget.objectName() and widget.accessibleName()
