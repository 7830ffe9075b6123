"""Each editor tab of a logger loads and applies against both simulator profiles, and the server stores
what was applied: measurement settings, sensors, logger alarms, sensor alarms.

Against the documented server (testo's documented operations only) the device document comes from the
listing, the alarm editors say that the current alarms cannot be read and send a complete document,
and the sensors tab says why the sensors cannot be edited; never a "no permission" message.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from saveris_desktop.simulator import LoggerKind, Simulator
from saveris_desktop.simulator.clock import ManualClock
from tests.sim_profiles import both_profiles
from tests.ui.devices_harness import (
    DevicesHarness,
    apply_and_wait,
    close_harness,
    make_devices_harness,
    open_and_wait,
)
from tests.ui.user_input import set_checked, type_text

UNREADABLE = "The cloud does not let us read the current alarms; what you apply here replaces them."

pytestmark = both_profiles()


@pytest.fixture
def harness(qtbot, qloop, sim_profile: str) -> Iterator[DevicesHarness]:
    sim = Simulator(seed=5, join_delay=1.0, clock=ManualClock(), profile=sim_profile)
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2], sim=sim)
    open_and_wait(qtbot, h, h.device_uuids[0])
    yield h
    close_harness(qtbot, h)


def _no_permission_words(*texts: str) -> None:
    for text in texts:
        assert "may not" not in text and "permission" not in text, text


def test_measurement_settings_apply(qtbot, harness, sim_profile) -> None:
    view, uuid = harness.view, harness.device_uuids[0]
    editor = view.settings_editor
    listed = view.model.device(uuid)
    assert listed is not None and editor.name_edit.text() == listed.name
    assert not editor.notice.isVisible()  # the listing is documented: nothing unknown here
    type_text(qtbot, editor.name_edit, "Vaccine fridge 2")
    type_text(qtbot, editor.measuring.edit, "10 min")
    apply_and_wait(qtbot, editor)
    assert editor.verdict.text() == "Saved. The cloud accepted the changes."
    stored = harness.sim.world.devices[uuid]
    assert (stored["name"], stored["measuring_cycle"]) == ("Vaccine fridge 2", 600_000)
    assert stored["product_type"] == listed.to_payload()["product_type"]  # unknown fields kept
    if sim_profile == "documented":  # the free slot the listing showed as null is not sent as a sensor
        assert all(slot["sensor_uuid"] for slot in stored["sensors_connections"])


def test_logger_alarms_apply(qtbot, harness, sim_profile) -> None:
    editor = harness.view.alarms_tab.device_editor
    uuid = harness.device_uuids[0]
    harness.view.tabs.setCurrentIndex(2)  # the Alarms tab
    qtbot.waitUntil(lambda: editor.session is not None, timeout=5000)
    if sim_profile == "documented":
        qtbot.waitUntil(lambda: editor.notice.text() == UNREADABLE, timeout=5000)
        assert editor.status_label.text() == "Not read from the cloud"
    else:
        assert not editor.notice.isVisibleTo(editor)
    # A QSR logger has batteries and no external power: its capability decides the rows.
    assert list(editor.rows) == ["BATTERY_LOW", "CONNECTION_TIMEOUT"]
    set_checked(qtbot, editor.rows["BATTERY_LOW"].enabled, True)
    set_checked(qtbot, editor.rows["CONNECTION_TIMEOUT"].enabled, False)
    apply_and_wait(qtbot, editor)
    assert editor.verdict.text() == "Saved. The cloud accepted the changes."
    stored = harness.sim.world.device_alarms[uuid]
    assert [(a["alarm_type"], a["enabled"]) for a in stored["alarms"]] == [
        ("BATTERY_LOW", True),
        ("CONNECTION_TIMEOUT", False),  # the whole document, every kind the logger has
    ]
    _no_permission_words(editor.notice.text(), harness.view.detail_status.text())


def test_sensors_and_their_alarms(qtbot, harness, sim_profile) -> None:
    view = harness.view
    tab = view.sensors_tab
    assert tab.picker.count() == 1
    sensor_uuid = tab.picker.itemData(0)
    if sim_profile == "documented":
        assert tab.picker.itemText(0) == "Slot 1 · sensor"
        assert "cannot be changed here" in tab.status.text()
        assert "reset each channel's name, unit and offset" in tab.status.text()
        assert tab.editor.session is None and not tab.editor.apply_button.isEnabled()
        _no_permission_words(tab.status.text())
    else:
        qtbot.waitUntil(lambda: tab.editor.session is not None, timeout=5000)
        type_text(qtbot, tab.editor.name_edit, "Fridge probe")
        apply_and_wait(qtbot, tab.editor)
        assert "accepted" in tab.editor.verdict.text()
        assert harness.sim.world.sensors[sensor_uuid]["name"] == "Fridge probe"

    sensor_editor = view.alarms_tab.sensor_editor
    qtbot.waitUntil(lambda: sensor_editor.session is not None, timeout=5000)
    assert (sensor_editor.notice.text() == UNREADABLE) is (sim_profile == "documented")
    assert list(sensor_editor.rows) == ["SENSOR_BROKEN", "CALIBRATION_OVERDUE"]  # wired: no battery
    set_checked(qtbot, sensor_editor.rows["SENSOR_BROKEN"].enabled, True)
    set_checked(qtbot, sensor_editor.rows["CALIBRATION_OVERDUE"].enabled, False)
    type_text(qtbot, sensor_editor.rows["SENSOR_BROKEN"].delay, "5 min")
    apply_and_wait(qtbot, sensor_editor)
    assert sensor_editor.verdict.text() == "Saved. The cloud accepted the changes."
    stored = harness.sim.world.sensor_alarms[sensor_uuid]
    broken, calibration = stored["alarms"]
    assert (broken["alarm_type"], broken["enabled"], broken["delay"]) == ("SENSOR_BROKEN", True, 300_000)
    assert (calibration["alarm_type"], calibration["enabled"]) == ("CALIBRATION_OVERDUE", False)
