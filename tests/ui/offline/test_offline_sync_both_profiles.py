"""An offline edit of a logger's alarms, queued on the hotspot and sent once the cloud is back, against
both simulator profiles. Where the cloud does not let us read the alarms (documented), the result says
that conflicts with changes made elsewhere cannot be detected."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMainWindow

from saveris_desktop.simulator import LoggerKind, Simulator
from saveris_desktop.simulator.clock import ManualClock
from saveris_desktop.ui.offline.integration import install_offline
from tests.sim_profiles import both_profiles
from tests.ui.devices.test_editors_both_profiles import UNREADABLE
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.user_input import click, set_checked


@both_profiles()
def test_offline_apply_of_alarms_is_sent_later(
    qtbot: Any, qloop: Any, tmp_path: Path, sim_profile: str
) -> None:
    sim = Simulator(seed=5, join_delay=1.0, clock=ManualClock(), profile=sim_profile)
    harness = make_devices_harness(
        qtbot, [LoggerKind.QSR_TEMPERATURE], sim=sim, offline_db=tmp_path / "db.sqlite3"
    )
    work = harness.work
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, work, devices_view=harness.view)
    uuid = harness.device_uuids[0]
    open_and_wait(qtbot, harness, uuid)
    editor = harness.view.alarms_tab.device_editor
    qtbot.waitUntil(lambda: editor.session is not None, timeout=5000)
    assert (editor.notice.text() == UNREADABLE) is (sim_profile == "documented")
    harness.view.tabs.setCurrentIndex(2)

    harness.sim.set_network_down(True)  # on the logger's hotspot
    set_checked(qtbot, editor.rows["BATTERY_LOW"].enabled, True)
    set_checked(qtbot, editor.rows["CONNECTION_TIMEOUT"].enabled, False)
    click(qtbot, editor.apply_button)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "queued" in editor.verdict.text()
    qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 1, timeout=5000)

    harness.sim.set_network_down(False)
    run(qtbot, harness.client.list_devices(SITE))  # the next poll: connectivity is back
    qtbot.waitUntil(lambda: integration.status_widget.status.open_changes == 0, timeout=5000)
    [result] = integration.status_widget.status.last_results
    unchecked = "conflicts with changes made elsewhere cannot be detected"
    assert (unchecked in (result.message or "")) is (sim_profile == "documented")
    dialog = integration.show_pending()
    qtbot.waitUntil(lambda: dialog.results.count() == 1 and "sent" in dialog.results.item(0).text())
    assert ("cannot be detected" in dialog.results.item(0).text()) is (sim_profile == "documented")
    # the whole line can be read: a long reason wraps, nothing hides behind a sideways scroll bar
    qtbot.waitExposed(dialog)
    line = dialog.results.visualItemRect(dialog.results.item(0))
    assert line.right() <= dialog.results.viewport().width()
    assert dialog.results.horizontalScrollBar().maximum() == 0
    stored = harness.sim.world.device_alarms[uuid]  # what the cloud stored
    assert [(a["alarm_type"], a["enabled"]) for a in stored["alarms"]] == [
        ("BATTERY_LOW", True),
        ("CONNECTION_TIMEOUT", False),
    ]
    dialog.close()
    close_harness(qtbot, harness)
