"""Bulk settings without a network: queued like the editor's Apply, sent by the outbox later."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QMainWindow

from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.devices.fields import DurationField
from saveris_desktop.ui.offline.integration import install_offline
from tests.ui.devices.test_devices_bulk import _results, _select_all_rows
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.user_input import click, set_checked, type_text


def test_bulk_settings_offline_are_queued_and_sent_when_back(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    harness = make_devices_harness(
        qtbot,
        [LoggerKind.QSR_TEMPERATURE, LoggerKind.QSR_TEMPERATURE_HUMIDITY],
        offline_db=tmp_path / "db.sqlite3",
    )
    work = harness.work
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, work, devices_view=harness.view)
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    try:
        view = harness.view
        _select_all_rows(view)
        dialog = view.open_bulk_settings()
        qtbot.addWidget(dialog)
        set_checked(qtbot, dialog.form.findChild(QCheckBox, "bulk_measuring_on"), True)
        [measuring] = [
            f
            for f in dialog.form.findChildren(DurationField)
            if f.edit.objectName() == "bulk_measuring_cycle"
        ]
        type_text(qtbot, measuring, "10 min")

        harness.sim.set_network_down(True)  # the laptop is on a logger's hotspot
        click(qtbot, dialog.start_button)
        qtbot.waitUntil(lambda: not dialog.running and len(dialog.results) == 2, timeout=10000)
        assert all("queued" in text for text in _results(dialog)), _results(dialog)
        qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 2, timeout=5000)

        harness.sim.set_network_down(False)
        run(qtbot, harness.client.list_devices(SITE))  # the next poll: connectivity is back
        qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 0, timeout=10000)
        for uuid in harness.device_uuids:
            assert run(qtbot, harness.client.get_device(SITE, uuid)).measuring_cycle == 600_000
    finally:
        close_harness(qtbot, harness)
