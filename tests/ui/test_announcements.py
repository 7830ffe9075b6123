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
    widget.show_status(_status(True))
    assert said[-1] == "Online again."


def test_a_found_logger_is_announced(qtbot, qloop, said: list[str]) -> None:
    from tests.ui.wizard.test_wizard import create_site, sign_in, to_waiting

    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    logger = h.sim.create_logger(LoggerKind.SAVERIS2)
    h.sim.press_button(logger.id, 3.0)
    assert h.sim.submit_configuration(logger.id, key, "Bakery-WLAN", "pw123456").ok
    h.sim.advance_time(10)
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
    from tests.ui.wizard.test_wizard import WIFI_PASSWORD, create_site, sign_in, to_waiting

    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    logger = h.sim.create_logger(LoggerKind.SAVERIS2)
    h.sim.press_button(logger.id, 3.0)
    assert h.sim.submit_configuration(logger.id, key, "Bakery-WLAN", WIFI_PASSWORD).ok
    h.sim.advance_time(10)
    h.sim.world.devices[logger.device_uuid]["sensors_connections"][0]["slot_index"] = "first"  # unreadable
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    assert f"Logger {logger.serial_number} found, but the app cannot read its data." in said
