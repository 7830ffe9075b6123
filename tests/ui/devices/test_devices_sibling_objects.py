"""Measuring objects as related APIs list them [R] — no name, `mo_uuid`, channel assignments by
integer `channel_id`, sensors whose channels count from 1 in plain text, `measuring_rate_ms` — are
listed and usable in the objects tab, and go back to the cloud in the shape they came in."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.core.devices.units import unit_symbol, value_text
from saveris_desktop.simulator import LoggerKind
from tests.ui.cloud_shapes import ShapedSimulator
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run

OBJECT = "mo-sibling-1"
CHANNEL_IDS = (9241001, 9241002)


def _sibling_sensor(sensor: dict[str, Any]) -> dict[str, Any]:
    """A sensor as related APIs show it: channel_id, channel_no from 1, value and unit in plain text."""
    channels = [
        {
            "channel_id": CHANNEL_IDS[c["channel_index"]],
            "channel_no": c["channel_index"] + 1,
            "physical_property_name": value_text(c["physical_value_id"]),
            "physical_unit": unit_symbol(c["physical_unit_id"]),
        }
        for c in sensor["channels"]
    ]
    return {**sensor, "channels": channels}


@pytest.fixture
def harness(qtbot, qloop):
    sim = ShapedSimulator()
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY], sim=sim)
    device = run(qtbot, h.client.get_device(SITE, h.device_uuids[0]))
    sensor_uuid = device.sensors_connections[0].sensor_uuid
    row = {
        "mo_uuid": OBJECT,
        "customer_site": SITE,
        "channel_assignments": [
            {"channel_id": channel_id, "equipment_parts_uuid": sensor_uuid} for channel_id in CHANNEL_IDS
        ],
    }
    cloud = sim.cloud
    cloud.on_answer("GET", r"/sensors/[^/]+", _sibling_sensor)
    cloud.on_answer("GET", r"/measuring-objects", lambda answer: {**answer, "measuring_objects": [row]})
    cloud.stored[f"/measuring-objects/{OBJECT}/measuring-instruction-set"] = {"measuring_rate_ms": 900_000}
    cloud.stored[f"/measuring-objects/{OBJECT}/alarm-configuration"] = {
        "measurementAlarmConditionSet": [
            {
                "measurementAlarmConditions": [
                    {
                        "measurementAlarmConditionTypeId": "Upper limit",
                        "alarmSeverityId": "Alarm",
                        "physicalProperty": {"physicalValueId": "Temperature"},
                        "limitValue": 8,
                        "limitHysteresis": 0.5,
                        "delay": 900_000,
                        "physicalUnitId": "°C",
                    }
                ]
            }
        ],
        "alarmConfigurationBackReference": OBJECT,
    }
    open_and_wait(qtbot, h, h.device_uuids[0])
    h.view.tabs.setCurrentWidget(h.view.objects_tab)
    yield h
    close_harness(qtbot, h)


def _select(qtbot, harness):
    tab = harness.view.objects_tab
    tab.reload()
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=5000)
    item = tab.list.item(0)
    rect = tab.list.visualItemRect(item)
    qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: (
            tab.instruction_editor.session is not None
            and tab.alarms_editor.session is not None
            and len(tab.alarms_editor.boxes) == 2
        ),
        timeout=5000,
    )
    return tab, item


def test_nameless_object_is_listed_by_what_feeds_it_and_its_assignments_are_shown(qtbot, harness) -> None:
    tab, item = _select(qtbot, harness)
    assert item.text().startswith("Unnamed object (Logger ")
    assert "slot 1" in item.text() and item.text().endswith("(this logger)")
    details = tab.channels_label.text()
    assert "Assigned sensor channels" in details
    assert "Temperature (°C) ← Logger" in details and "Humidity (%rF) ← Logger" in details
    temperature, humidity = tab.alarms_editor.boxes
    assert (temperature.title(), humidity.title()) == ("Temperature (°C)", "Humidity (%rF)")
    assert temperature.fields[rules.UPPER_ALARM].text() == "8"
    assert humidity.fields[rules.UPPER_ALARM].text() == ""


def test_instruction_set_goes_back_as_measuring_rate_ms(qtbot, harness) -> None:
    tab, _item = _select(qtbot, harness)
    editor = tab.instruction_editor
    assert editor.measuring.text() == "15 min"
    qtbot.keyClick(editor.measuring.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.measuring.edit, "5 min")
    assert editor.apply_button.isEnabled(), editor.problems()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "accepted" in editor.verdict.text(), editor.verdict.text()
    [body] = harness.sim.cloud.received[f"/measuring-objects/{OBJECT}/measuring-instruction-set"]
    assert body == {"measuring_rate_ms": 300_000}
    assert editor.measuring.text() == "5 min"


def test_limits_of_an_assignment_only_object_are_set_in_its_per_object_set(qtbot, harness) -> None:
    tab, _item = _select(qtbot, harness)
    editor = tab.alarms_editor
    _temperature, humidity = editor.boxes
    qtbot.keyClicks(humidity.fields[rules.UPPER_ALARM].edit, "70")
    assert editor.apply_button.isEnabled(), editor.problems()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "accepted" in editor.verdict.text(), editor.verdict.text()
    [body] = harness.sim.cloud.received[f"/measuring-objects/{OBJECT}/alarm-configuration"]
    assert set(body) == {"measurementAlarmConditionSet", "alarmConfigurationBackReference"}
    conditions = body["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    assert conditions[0]["limitValue"] == 8
    assert conditions[1]["measurementAlarmConditionTypeId"] == "Upper limit"
    assert conditions[1]["physicalProperty"] == {"physicalValueId": "Humidity"}
    assert (conditions[1]["limitValue"], conditions[1]["physicalUnitId"]) == (70.0, "%rF")


def test_create_dialog_lists_sibling_sensor_channels_and_knows_the_assigned_ones_are_taken(
    qtbot, harness
) -> None:
    tab, _item = _select(qtbot, harness)  # the object's sensor is read while it is shown
    dialog = tab.open_create_dialog()
    first = dialog.rows[0]
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    texts = [first.channel.itemText(i) for i in range(first.channel.count())]
    assert texts[0].startswith("Temperature (°C)") and texts[1].startswith("Humidity (%rF)")
    assert all(text.endswith("in use") for text in texts)  # both are assigned to the nameless object
    assert "already feeds “Unnamed object (Logger" in first.message.text()
    assert not dialog.create_button.isEnabled()
