"""Status changes that matter are said to screen readers (QAccessible announcements), not only shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from saveris_desktop.core.offline.sync import SyncStatus
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.announce import ANNOUNCER
from saveris_desktop.ui.offline.status_widget import SyncStatusWidget
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import apply_and_wait, close_harness, make_devices_harness, open_and_wait
from tests.ui.user_input import type_text
from tests.ui.wizard_harness import make_harness
from tests.virtual_loggers import set_up_logger


@pytest.fixture
def said() -> Iterator[list[str]]:
    heard: list[str] = []
    ANNOUNCER.sig_announced.connect(heard.append)
    try:
        yield heard
    finally:
        ANNOUNCER.sig_announced.disconnect(heard.append)


def _status(online: bool | None) -> SyncStatus:
    return SyncStatus(online=online, open_changes=0, conflicts=0, failed=0, running=False)


def test_losing_and_regaining_the_cloud_is_announced_once_each(qtbot, said: list[str]) -> None:
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_status(_status(None))
    widget.show_status(_status(True))  # the first answer: nothing changed for the technician
    assert said == []
    widget.show_status(_status(False))
    widget.show_status(_status(False))
    assert said == ["Offline: the cloud cannot be reached. Changes are kept."]
    assert "Offline" in widget.connection.text()  # in words on screen too, not only a red dot
    widget.show_status(_status(True))
    assert said[-1] == "Online again."


def test_a_found_logger_is_announced(qtbot, qloop, said: list[str]) -> None:
    from tests.ui.wizard.test_wizard import create_site, sign_in, to_waiting

    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert f"Logger {logger.serial_number} found: it is now part of the site “Bakery North”." in said


def test_a_refused_apply_is_announced_with_the_reason(qtbot, qloop, said: list[str]) -> None:
    harness = make_devices_harness(qtbot)
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    editor = harness.view.settings_editor
    harness.sim.add_fault("error_status", route="put_device", status=400, count=1)
    type_text(qtbot, editor.measuring, "10 min")
    apply_and_wait(qtbot, editor)
    assert said and said[-1] == editor.verdict.text()
    assert said[-1].startswith("Not saved — your changes are still here.")
    close_harness(qtbot, harness)


def test_a_found_logger_the_app_cannot_read_is_announced_too(qtbot, qloop, said: list[str]) -> None:
    from tests.ui.wizard.test_wizard import create_site, sign_in, to_waiting

    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    h.sim.world.devices[logger.device_uuid]["sensors_connections"][0]["slot_index"] = "first"  # unreadable
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert f"Logger {logger.serial_number} found, but the app cannot read its data." in said


def test_the_board_says_when_a_planned_logger_is_configured_or_needs_attention(
    qtbot, qloop, tmp_path, said: list[str]
) -> None:
    """The technician is at the logger, box in hand: the board's news is heard, not only shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from saveris_desktop.core.offline.work import OfflineWork
    from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, ManualClock, Simulator
    from saveris_desktop.ui.commissioning.window import CommissioningWindow
    from tests.ui.devices_harness import run
    from tests.ui.user_input import click
    from tests.ui.wizard_harness import FAST_TIMING, make_services

    site = "Supermarket North"
    sim = Simulator(seed=5, join_delay=0.0, clock=ManualClock())
    services = make_services(sim)
    run(qtbot, services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD))
    services.set_signed_in(DEMO_USERNAME)
    services.set_site(site)
    key = run(qtbot, services.client.create_connect_key(site)).connect_key
    work = run(qtbot, OfflineWork.open(services, tmp_path / "db.sqlite3"))
    assert work.engine is not None
    window = CommissioningWindow(work, work.engine, site, timing=FAST_TIMING)
    qtbot.addWidget(window)
    window.show()
    boxes = [sim.create_logger(LoggerKind.QSR_TEMPERATURE_HUMIDITY) for _ in range(2)]
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.editor, timeout=5000)
    for box in boxes:
        qtbot.keyClicks(window.editor.scan, box.serial_number)
        qtbot.keyClick(window.editor.scan, Qt.Key.Key_Return)
    window.editor.table.setCurrentIndex(window.editor.model.index(0, 1))
    # the second one with a measuring cycle its logger refuses (1 min at least)
    QGuiApplication.clipboard().setText("Fridge 1\tfridge\nFreezer 1\tfreezer\t\t10 s\n")
    click(qtbot, window.editor.paste_button)
    qtbot.waitUntil(lambda: window.count_label.text() == "0 of 2 configured", timeout=5000)
    for box in boxes:
        sim.press_button(box.id, 3.0)
        assert sim.submit_configuration(box.id, key, "Market-Staff", "frozen-peas-42").ok
    first, second = (box.serial_number for box in boxes)
    qtbot.waitUntil(lambda: f"Logger {first} configured: 1 of 2." in said, timeout=10000)
    qtbot.waitUntil(
        lambda: any(s.startswith(f"Logger {second} needs attention: ") for s in said), timeout=10000
    )
    [attention] = [s for s in said if s.startswith(f"Logger {second} needs attention: ")]
    assert "1 min" in attention  # why, in the words the board shows
    assert attention.split(": ", 1)[1] == window.board_model.logger(1).detail
    window.reject()
    run(qtbot, window.aclose())
    run(qtbot, work.aclose())
    run(qtbot, services.aclose())


def test_a_bulk_change_with_a_failure_is_announced_with_its_count(qtbot, qloop, said: list[str]) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QCheckBox

    from saveris_desktop.ui.devices.fields import DurationField
    from tests.ui.user_input import click, set_checked

    harness = make_devices_harness(qtbot)
    view = harness.view
    for row in range(view.proxy.rowCount()):
        view.table.selectionModel().select(
            view.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    dialog = view.open_bulk_settings()
    assert dialog is not None
    qtbot.addWidget(dialog)
    set_checked(qtbot, dialog.form.findChild(QCheckBox, "bulk_measuring_on"), True)
    [cycle] = [
        f for f in dialog.form.findChildren(DurationField) if f.edit.objectName() == "bulk_measuring_cycle"
    ]
    type_text(qtbot, cycle, "10 min")
    harness.sim.add_fault("error_status", route="put_device", status=422, count=1)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: not dialog.running and len(dialog.results) == 2, timeout=5000)
    assert said[-1] == dialog.summary.text() == "1 succeeded, 1 failed."
    close_harness(qtbot, harness)


def test_a_measuring_object_the_server_refuses_is_announced_with_the_reason(
    qtbot, qloop, said: list[str]
) -> None:
    from tests.ui.user_input import click

    harness = make_devices_harness(qtbot)
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    dialog = harness.view.objects_tab.open_create_dialog()
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name, "Cold room")
    qtbot.waitUntil(lambda: dialog.rows[0].channel.isEnabled(), timeout=5000)
    harness.sim.add_fault("error_status", route="create_measuring_object", status=422, count=1)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.verdict.isVisibleTo(dialog), timeout=5000)
    assert said[-1] == dialog.verdict.text()
    assert said[-1].startswith("Not created — everything you entered is still here.")
    close_harness(qtbot, harness)
