"""Site → Commission several loggers …: plan by scanner, board, offline banner, unexpected logger, reopen.

Against the in-process simulator in both profiles, through the app's OfflineWork (store, outbox,
sync engine) as app.py wires it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from saveris_desktop.core.commissioning.report import OpenPlanRow
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from saveris_desktop.ui.commissioning.install import CommissioningActions
from saveris_desktop.ui.commissioning.window import CommissioningWindow
from saveris_desktop.ui.main_window import MainWindow
from tests.sim_profiles import both_profiles
from tests.ui.devices_harness import run
from tests.ui.user_input import click
from tests.ui.wizard_harness import FAST_TIMING, make_services

SITE = "Supermarket North"
WIFI = ("Market-Staff", "frozen-peas-42")


def scan(qtbot: Any, window: CommissioningWindow, serial: str) -> None:
    """A barcode scanner: the label's characters as key presses into the focused field, then Enter."""
    target = window.editor.scan
    qtbot.keyClicks(target, serial)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def join(sim: Simulator, connect_key: str, loggers: list[Any]) -> None:
    for logger in loggers:
        sim.press_button(logger.id, 3.0)
        assert sim.submit_configuration(logger.id, connect_key, *WIFI).ok


@both_profiles()
def test_plan_by_scanner_board_offline_unexpected_and_reopen(
    qtbot: Any, qloop: Any, tmp_path: Path, sim_profile: str
) -> None:
    sim = Simulator(seed=5, join_delay=0.0, clock=ManualClock(), profile=sim_profile)
    services = make_services(sim)
    run(qtbot, services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD))
    services.set_signed_in(DEMO_USERNAME)
    services.set_site(SITE)
    key = run(qtbot, services.client.create_connect_key(SITE)).connect_key
    work = run(qtbot, OfflineWork.open(services, tmp_path / "db.sqlite3"))
    main = MainWindow()
    qtbot.addWidget(main)
    reports: list[list[OpenPlanRow]] = []  # what the board hands to File → Commissioning report
    actions = CommissioningActions(main, main.site_menu, work, timing=FAST_TIMING, open_report=reports.append)
    assert actions.action in main.site_menu.actions()
    boxes = [sim.create_logger(LoggerKind.QSR_TEMPERATURE_HUMIDITY) for _ in range(4)]

    actions.action.trigger()
    window = actions.open_window
    assert window is not None
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.editor)  # no plan yet: the plan first
    window.editor.scan.setFocus()
    for box in boxes[:3]:
        scan(qtbot, window, box.serial_number)
    assert window.editor.scan_result.text() == f"{boxes[2].serial_number} → row 3"
    # the rest of the rows from a spreadsheet, pasted beside the scanned serials
    window.editor.table.setCurrentIndex(window.editor.model.index(0, 1))
    QGuiApplication.clipboard().setText(
        "Fridge 1\tfridge\nFreezer 1\tfreezer\nStore room\thumidity\t\t5 min\n"
    )
    click(qtbot, window.editor.paste_button)
    assert window.editor.summary.text() == "3 logger(s) planned"

    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())  # "Board"
    assert window.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: window.count_label.text() == "0 of 3 configured", timeout=5000)

    # the first two loggers go through the hotspot procedure and join
    join(sim, key, boxes[:2])
    qtbot.waitUntil(lambda: window.count_label.text() == "2 of 3 configured", timeout=10000)
    objects = {o["name"] for o in sim.world.measuring_objects.values()}
    assert objects == {"Fridge 1", "Freezer 1"}

    # the laptop joins the third logger's hotspot: calm banner, then it resumes by itself
    sim.set_network_down(True)
    qtbot.waitUntil(window.offline_banner.isVisible, timeout=5000)
    join(sim, key, [boxes[2], boxes[3]])  # the fourth one is not in the plan
    sim.set_network_down(False)
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: window.count_label.text() == "3 of 3 configured", timeout=10000)
    humidity = next(o for o in sim.world.measuring_objects.values() if o["name"] == "Store room")
    assert humidity["logical_channels"][0]["physical_value_id"] in ("PV_HUMIDITY", "Humidity")
    assert sim.world.devices[boxes[2].device_uuid]["measuring_cycle"] == 300_000

    # the unexpected logger: listed with "Add to plan"
    qtbot.waitUntil(lambda: window.unexpected_list.count() == 1, timeout=5000)
    assert boxes[3].serial_number in window.unexpected_list.item(0).text()
    window.unexpected_list.setCurrentRow(0)
    assert len(window.editor.model.rows) == 3, window.editor.model.rows
    click(qtbot, window.add_button)
    qtbot.waitUntil(lambda: len(window.editor.model.rows) == 4, timeout=5000)
    assert window.editor.model.rows[3].serial == boxes[3].serial_number, window.editor.model.rows
    qtbot.waitUntil(lambda: window.count_label.text() == "3 of 4 configured", timeout=5000)

    # closed and opened again (as after a restart): the board is where it was
    window.reject()
    qtbot.waitUntil(lambda: actions.open_window is None)
    actions.action.trigger()
    again = actions.open_window
    assert again is not None and again is not window
    qtbot.waitUntil(lambda: again.count_label.text() == "3 of 4 configured", timeout=5000)
    assert again.tabs.currentIndex() == 0  # a plan exists: the board first
    # The report from the board names the planned logger not done yet, and why.
    click(qtbot, again.report_button)
    [(open_row,)] = reports
    assert (open_row.serial_number, open_row.reason.split(":")[0]) == (boxes[3].serial_number, "waiting")
    assert (
        len({o["name"] for o in sim.world.measuring_objects.values()})
        == len(sim.world.measuring_objects)
        == 3
    )
    again.reject()
    run(qtbot, work.aclose())
    run(qtbot, services.aclose())
