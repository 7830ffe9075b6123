"""A change that cannot be sent as it is: the status bar and the pending dialog say so with the
reason, the other changes are sent, and the technician discards it with the mouse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from saveris_desktop.ui.offline.integration import install_offline
from tests.ui.devices_harness import run
from tests.ui.wizard_harness import make_services
from tests.virtual_loggers import set_up_logger

SITE = "Pharmacy Main Street"


def test_a_change_that_needs_attention_shows_its_reason_and_can_be_discarded(
    qtbot: Any, qloop: Any, tmp_path: Path
) -> None:
    sim = Simulator(seed=9, join_delay=0.0, clock=ManualClock())
    services = make_services(sim)

    async def prepare() -> list[dict[str, Any]]:
        await services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        services.set_signed_in(DEMO_USERNAME)
        services.set_site(SITE)
        key = await services.client.create_connect_key(SITE)
        for _ in range(2):
            set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Shop", "pw123456", wait_s=None)
        return [device.to_payload() for device in await services.client.list_devices(SITE)]

    first, second = run(qtbot, prepare())
    work = run(qtbot, OfflineWork.open(services, tmp_path / "db.sqlite3"))
    window = QMainWindow()
    qtbot.addWidget(window)
    ui = install_offline(window, work)
    window.show()
    try:
        # NaN from an old database or a bad import: it waited forever as "changed again while being sent"
        poisoned = {**first, "name": "Poisoned", "vendor_note": {"reading": float("nan")}}
        bad = run(qtbot, work.queue_change(SITE, "device", first["uuid"], poisoned, first))
        run(qtbot, work.queue_change(SITE, "device", second["uuid"], {**second, "name": "Fine"}, second))
        button = ui.status_widget.pending_button
        qtbot.waitUntil(lambda: button.text() == "1 need attention", timeout=5000)
        assert run(qtbot, services.client.get_device(SITE, second["uuid"])).name == "Fine"

        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = ui.show_pending()  # the one the click opened
        assert dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=3000)
        row = dialog.tree.topLevelItem(0)
        assert row.text(3) == "Needs attention"
        assert "not finite (NaN or infinity) at 'vendor_note.reading'" in row.text(4)
        assert "cannot be sent as made" in dialog.summary.text()

        rect = dialog.tree.visualItemRect(row)
        qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.selected_id() == bad.id
        assert dialog.discard_button.isEnabled() and dialog.retry_button.isEnabled()
        qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
        confirm = dialog.findChild(QMessageBox, "pendingDiscardConfirm")
        assert confirm is not None
        discard = confirm.button(QMessageBox.StandardButton.Discard)
        qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)

        qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 0, timeout=3000)
        qtbot.waitUntil(lambda: button.text() == "All changes sent", timeout=3000)
        assert run(qtbot, work.outbox.items(endpoint=work.endpoint)) == []
        assert run(qtbot, services.client.get_device(SITE, first["uuid"])).name != "Poisoned"
    finally:
        run(qtbot, services.aclose())
