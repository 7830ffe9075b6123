"""Each editor tab loads and applies against a server that offers only testo's documented routes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind
from tests.documented_only import DocumentedOnly
from tests.ui.devices_harness import (
    SITE,
    DevicesHarness,
    close_harness,
    make_devices_harness,
    open_and_wait,
    run,
)
from tests.ui.wizard_harness import SIM_ENDPOINT

UNREADABLE = "The cloud does not let us read the current alarms; what you apply here replaces them."


class Documented:
    """The filter the harness's client talks through, kept for counting. `sim` (set once the harness
    made it) tells when the laptop is offline: then nothing answers, not even the gateway."""

    def __init__(self) -> None:
        self.transport: DocumentedOnly | None = None
        self.sim: Any = None

    def __call__(self, inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        self.transport = DocumentedOnly(inner, offline=lambda: bool(self.sim and self.sim.network_down))
        return self.transport

    def count(self, name: str) -> int:
        assert self.transport is not None
        return self.transport.count(name)


@pytest.fixture
def documented() -> Documented:
    return Documented()


@pytest.fixture
def harness(qtbot, qloop, documented: Documented) -> Iterator[DevicesHarness]:
    kinds = [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2]
    h = make_devices_harness(qtbot, kinds, wrap=documented)
    open_and_wait(qtbot, h, h.device_uuids[0])
    yield h
    close_harness(qtbot, h)


def _cloud(qtbot, harness: DevicesHarness) -> DeviceManagementClient:
    """What the simulated cloud really stores, read past the filter: the test's eyes, not the app's."""
    client = DeviceManagementClient(SIM_ENDPOINT, transport=harness.sim.transport())
    run(qtbot, client.sign_in(DEMO_USERNAME, DEMO_PASSWORD))
    return client


def _apply(qtbot, editor: Any) -> None:
    assert editor.apply_button.isEnabled(), editor.problems()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)


def _type(qtbot, edit: Any, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def _no_permission_words(*texts: str) -> None:
    for text in texts:
        assert "may not" not in text and "permission" not in text, text


def test_measurement_settings_load_from_the_listing_and_apply(qtbot, harness, documented) -> None:
    view = harness.view
    editor = view.settings_editor
    uuid = harness.device_uuids[0]
    listed = view.model.device(uuid)
    assert listed is not None
    assert editor.name_edit.text() == listed.name
    assert not editor.notice.isVisible()  # the listing is documented: nothing unknown here
    _type(qtbot, editor.name_edit, "Vaccine fridge 2")
    _type(qtbot, editor.measuring.edit, "10 min")
    _apply(qtbot, editor)
    assert editor.verdict.text() == "Saved. The cloud accepted the changes."
    cloud = _cloud(qtbot, harness)
    stored = run(qtbot, cloud.get_device(SITE, uuid))
    assert (stored.name, stored.measuring_cycle) == ("Vaccine fridge 2", 600_000)
    assert stored.to_payload()["product_type"] == listed.to_payload()["product_type"]  # unknown fields kept
    run(qtbot, cloud.aclose())


def test_logger_alarms_say_they_cannot_be_read_and_send_a_complete_document(
    qtbot, harness, documented
) -> None:
    editor = harness.view.alarms_tab.device_editor
    uuid = harness.device_uuids[0]
    qtbot.waitUntil(lambda: editor.notice.text() == UNREADABLE, timeout=5000)
    harness.view.tabs.setCurrentIndex(2)
    assert editor.notice.isVisible()
    assert editor.dirty_marker.text() == "Not read from the cloud"
    # A QSR logger has batteries and no external power: its capability decides the rows.
    assert list(editor.rows) == ["BATTERY_LOW", "CONNECTION_TIMEOUT"]
    battery = editor.findChild(QCheckBox, "devices_alarms_battery_low_enabled")
    qtbot.mouseClick(battery, Qt.MouseButton.LeftButton)
    assert battery.isChecked()
    _apply(qtbot, editor)
    assert editor.verdict.text() == "Saved. The cloud accepted the changes."
    cloud = _cloud(qtbot, harness)
    stored = run(qtbot, cloud.get_device_alarm_configuration(SITE, uuid)).to_payload()
    assert [(a["alarm_type"], a["enabled"]) for a in stored["alarms"]] == [
        ("BATTERY_LOW", True),
        ("CONNECTION_TIMEOUT", False),  # switched off, and said so: the document is complete
    ]
    run(qtbot, cloud.aclose())
    _no_permission_words(editor.notice.text(), harness.view.detail_status.text())


def test_sensors_tab_explains_why_sensors_cannot_be_edited_and_their_alarms_still_apply(
    qtbot, harness, documented
) -> None:
    view = harness.view
    tab = view.sensors_tab
    assert tab.picker.count() == 1
    assert tab.picker.itemText(0) == "Slot 1 · sensor"
    assert "cannot be changed here" in tab.status.text()
    assert "reset each channel's name, unit and offset" in tab.status.text()
    assert tab.editor.session is None and not tab.editor.apply_button.isEnabled()
    _no_permission_words(tab.status.text())

    sensor_editor = view.alarms_tab.sensor_editor
    assert sensor_editor.notice.text() == UNREADABLE
    assert list(sensor_editor.rows) == ["SENSOR_BROKEN", "CALIBRATION_OVERDUE"]  # no radio: no battery
    view.tabs.setCurrentIndex(2)
    broken = sensor_editor.findChild(QCheckBox, "sensors_alarms_sensor_broken_enabled")
    qtbot.mouseClick(broken, Qt.MouseButton.LeftButton)
    _apply(qtbot, sensor_editor)
    assert sensor_editor.verdict.text() == "Saved. The cloud accepted the changes."
    sensor_uuid = tab.picker.itemData(0)
    cloud = _cloud(qtbot, harness)
    stored = run(qtbot, cloud.get_sensor_alarm_configuration(SITE, sensor_uuid)).to_payload()
    assert [(a["alarm_type"], a["enabled"]) for a in stored["alarms"]] == [
        ("SENSOR_BROKEN", True),
        ("CALIBRATION_OVERDUE", False),
    ]
    run(qtbot, cloud.aclose())


def test_each_undocumented_read_is_tried_once_per_session(qtbot, harness, documented) -> None:
    first, second = harness.device_uuids
    open_and_wait(qtbot, harness, second)
    open_and_wait(qtbot, harness, first)
    for name in (
        "get_device",
        "get_device_alarm_configuration",
        "get_sensor",
        "get_sensor_alarm_configuration",
    ):
        assert documented.count(name) == 1, name
    assert harness.view.alarms_tab.device_editor.notice.text() == UNREADABLE


def test_the_site_time_zone_label_says_it_cannot_be_read_without_blaming_permissions(
    qtbot, harness, documented
) -> None:
    label = harness.view.timezone_label
    qtbot.waitUntil(lambda: "loading" not in label.text(), timeout=5000)
    assert label.text() == "Timezone: unknown (the cloud does not let us read it; times in UTC)"
    assert documented.count("get_global_settings") == 1
