"""An offline edit of alarms the cloud does not let us read: queued, sent later, and said to be unchecked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMainWindow

from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.offline.integration import install_offline
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.test_documented_only_editors import UNREADABLE, Documented, _cloud


def test_offline_apply_of_unreadable_alarms_is_sent_later_and_says_conflicts_cannot_be_detected(
    qtbot: Any, qloop: Any, tmp_path: Path
) -> None:
    documented = Documented()
    harness = make_devices_harness(
        qtbot, [LoggerKind.QSR_TEMPERATURE], wrap=documented, offline_db=tmp_path / "db.sqlite3"
    )
    documented.sim = harness.sim
    work = harness.work
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, work, devices_view=harness.view)
    uuid = harness.device_uuids[0]
    open_and_wait(qtbot, harness, uuid)
    editor = harness.view.alarms_tab.device_editor
    assert editor.notice.text() == UNREADABLE
    harness.view.tabs.setCurrentIndex(2)

    harness.sim.set_network_down(True)  # on the logger's hotspot
    battery = editor.findChild(QCheckBox, "devices_alarms_battery_low_enabled")
    qtbot.mouseClick(battery, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "queued" in editor.verdict.text()
    qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 1, timeout=5000)

    harness.sim.set_network_down(False)
    run(qtbot, harness.client.list_devices(SITE))  # the next poll: connectivity is back
    qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 0, timeout=5000)
    [result] = integration.status_widget.status.last_results
    assert result.message is not None
    assert "conflicts with changes made elsewhere cannot be detected" in result.message
    dialog = integration.show_pending()
    qtbot.waitUntil(
        lambda: dialog.results.count() == 1 and "cannot be detected" in dialog.results.item(0).text()
    )
    cloud = _cloud(qtbot, harness)
    stored = run(qtbot, cloud.get_device_alarm_configuration(SITE, uuid)).to_payload()
    assert [(a["alarm_type"], a["enabled"]) for a in stored["alarms"]] == [
        ("BATTERY_LOW", True),
        ("CONNECTION_TIMEOUT", False),
    ]
    run(qtbot, cloud.aclose())
    dialog.close()
    close_harness(qtbot, harness)
