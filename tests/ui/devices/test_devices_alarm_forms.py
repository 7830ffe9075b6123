"""The measurement alarm editor against a cloud that sends conditions in plain text, as one set for
the whole object, or in a form the app cannot read: shown, edited, and sent back as received."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from saveris_desktop.api.models import LogicalChannel, MeasuringObject, SensorChannelRef
from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.simulator import LoggerKind
from tests.api.payloads import TEXT_FRIDGE, alarm_condition
from tests.ui.cloud_shapes import ShapedSimulator
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run

HUMIDITY_UPPER = alarm_condition("Upper limit", "Alarm", 70, prop="Humidity", unit="%rF")
RATE = {  # a third kind of limit, in codes: the form has no field for it
    "measurementAlarmConditionTypeId": "MACT_RATE_OF_CHANGE",
    "alarmSeverityId": "ASV_ALARM",
    "physicalProperty": {"physicalValueId": "PV_TEMPERATURE"},
    "limitValue": 3,
    "physicalUnitId": "PU_DEGREE_CELSIUS",
}
UNKNOWN_TYPE = {**alarm_condition("Upper limit", "Alarm", 30), "measurementAlarmConditionTypeId": 4711}


@pytest.fixture
def harness(qtbot, qloop):
    sim = ShapedSimulator()
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY], sim=sim)
    open_and_wait(qtbot, h, h.device_uuids[0])
    h.view.tabs.setCurrentWidget(h.view.objects_tab)
    yield h
    close_harness(qtbot, h)


def _alarms_path(uuid: str) -> str:
    return f"/measuring-objects/{uuid}/alarm-configuration"


def _received(harness) -> list[dict[str, Any]]:
    [(_path, bodies)] = harness.sim.cloud.received.items()
    return bodies


def _make_object(qtbot, harness) -> MeasuringObject:
    device = run(qtbot, harness.client.get_device(SITE, harness.device_uuids[0]))
    sensor = run(qtbot, harness.client.get_sensor(SITE, device.sensors_connections[0].sensor_uuid))
    obj = MeasuringObject(
        name="Vaccine fridge",
        logical_channels=[
            LogicalChannel(
                name=c.name,
                physical_value_id=c.physical_value_id,
                physical_unit_id=c.physical_unit_id,
                sensor_channel=SensorChannelRef(sensor_uuid=sensor.uuid, channel_index=c.channel_index),
            )
            for c in sensor.channels
        ],
    )
    return run(qtbot, harness.client.create_measuring_object(SITE, obj))


def _open_object(qtbot, harness, make_config: Callable[[dict[str, str]], dict[str, Any]]):
    """Create an object, let the cloud hold `make_config(channel uuid by physical value)` as its
    alarm configuration, and open it in the alarm editor."""
    obj = _make_object(qtbot, harness)
    config = make_config({c.physical_value_id: c.uuid or "" for c in obj.logical_channels})
    harness.sim.cloud.stored[_alarms_path(obj.uuid)] = config
    tab = harness.view.objects_tab
    tab.reload()
    qtbot.waitUntil(lambda: obj.uuid in tab.objects, timeout=5000)
    tab.select(obj.uuid)
    editor = tab.alarms_editor
    qtbot.waitUntil(lambda: editor.session is not None and editor.session.base == config, timeout=5000)
    temperature, humidity = editor.boxes
    return config, editor, temperature, humidity


def _retype(qtbot, field, text: str) -> None:
    """Select what the field shows and type over it, as a technician does."""
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, text)


def _apply(qtbot, editor) -> None:
    assert editor.apply_button.isEnabled(), editor.problems()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "accepted" in editor.verdict.text(), editor.verdict.text()


def test_text_form_limit_is_edited_and_sent_back_in_text_with_every_unshown_condition(qtbot, harness) -> None:
    def make_config(lc: dict[str, str]) -> dict[str, Any]:
        return copy.deepcopy(
            {
                "channel_alarm_configurations": [
                    {
                        "logical_channel_uuid": lc["PV_TEMPERATURE"],
                        "measurementAlarmConditionSet": [
                            {"measurementAlarmConditions": [*TEXT_FRIDGE, RATE, UNKNOWN_TYPE]}
                        ],
                    },
                    {
                        "logical_channel_uuid": lc["PV_HUMIDITY"],
                        "measurementAlarmConditionSet": [{"measurementAlarmConditions": [HUMIDITY_UPPER]}],
                    },
                ]
            }
        )

    config, editor, temperature, humidity = _open_object(qtbot, harness, make_config)
    lc_t, lc_h = temperature.uuid, humidity.uuid
    # Shown in the fields as if they were codes.
    assert temperature.fields[rules.UPPER_ALARM].text() == "8"
    assert temperature.fields[rules.LOWER_ALARM].text() == "2"
    assert temperature.delay.text() == "10 min"
    assert humidity.fields[rules.UPPER_ALARM].text() == "70"
    # The two the form cannot show are listed, readable, as received.
    assert editor.as_received.isVisibleTo(editor)
    shown = editor.as_received.toPlainText()
    assert "MACT_RATE_OF_CHANGE" in shown and "4711" in shown and f"of {temperature.title_text}" in shown
    assert editor.as_received.isReadOnly()

    _retype(qtbot, temperature.fields[rules.UPPER_ALARM], "9")
    _apply(qtbot, editor)

    [body] = _received(harness)
    sent = {c["logical_channel_uuid"]: c for c in body["channel_alarm_configurations"]}
    conditions = sent[lc_t]["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    assert conditions == [*TEXT_FRIDGE[:3], {**TEXT_FRIDGE[3], "limitValue": 9.0}, RATE, UNKNOWN_TYPE]
    assert sent[lc_h] == config["channel_alarm_configurations"][1]
    # After Apply the form shows the cloud's answer; the unshown conditions are still listed.
    assert temperature.fields[rules.UPPER_ALARM].text() == "9"
    assert editor.as_received.isVisibleTo(editor)
    assert editor.as_received.toPlainText() == shown
    assert not editor.dirty


def test_top_level_condition_set_keeps_its_shape_and_new_limits_take_text_form(qtbot, harness) -> None:
    config = {
        "measurementAlarmConditionSet": [
            {"measurementAlarmConditions": [*TEXT_FRIDGE, HUMIDITY_UPPER, RATE]}
        ],
        "alarmConfigurationBackReference": "mo-back-ref-1",
    }
    _config, editor, temperature, humidity = _open_object(qtbot, harness, lambda _lc: config)
    assert temperature.fields[rules.UPPER_WARNING].text() == "7"
    assert humidity.fields[rules.UPPER_ALARM].text() == "70"
    assert humidity.fields[rules.LOWER_ALARM].text() == ""
    assert "MACT_RATE_OF_CHANGE" in editor.as_received.toPlainText()

    _retype(qtbot, humidity.fields[rules.UPPER_ALARM], "75")
    qtbot.keyClicks(humidity.fields[rules.LOWER_ALARM].edit, "30")
    _apply(qtbot, editor)

    [body] = _received(harness)
    assert set(body) == {"measurementAlarmConditionSet", "alarmConfigurationBackReference"}
    assert body["alarmConfigurationBackReference"] == "mo-back-ref-1"
    [condition_set] = body["measurementAlarmConditionSet"]
    conditions = condition_set["measurementAlarmConditions"]
    assert conditions[:4] == TEXT_FRIDGE
    assert conditions[4] == {**HUMIDITY_UPPER, "limitValue": 75.0}
    assert conditions[5] == RATE
    assert conditions[6]["measurementAlarmConditionTypeId"] == "Lower limit"
    assert conditions[6]["alarmSeverityId"] == "Alarm"
    assert conditions[6]["physicalProperty"] == {"physicalValueId": "Humidity"}
    assert (conditions[6]["limitValue"], conditions[6]["physicalUnitId"]) == (30.0, "%rF")


def test_channel_configuration_the_app_cannot_read_is_shown_read_only_and_sent_back(qtbot, harness) -> None:
    def make_config(lc: dict[str, str]) -> dict[str, Any]:
        odd = {
            "logical_channel_uuid": lc["PV_TEMPERATURE"],
            "measurementAlarmConditionSet": "LOWER<2;UPPER>8",
            "vendorRule": {"escalate": True},
        }
        return {"channel_alarm_configurations": [odd]}

    config, editor, temperature, humidity = _open_object(qtbot, harness, make_config)
    odd = config["channel_alarm_configurations"][0]
    assert temperature.locked and temperature.locked_note.isVisibleTo(editor)
    assert not temperature.fields[rules.UPPER_ALARM].edit.isEnabled()
    assert "LOWER<2;UPPER>8" in editor.as_received.toPlainText()

    qtbot.keyClicks(humidity.fields[rules.UPPER_ALARM].edit, "70")
    _apply(qtbot, editor)

    [body] = _received(harness)
    assert body["channel_alarm_configurations"][0] == odd
    assert body["channel_alarm_configurations"][1]["logical_channel_uuid"] == humidity.uuid
    assert "LOWER<2;UPPER>8" in editor.as_received.toPlainText()
    assert temperature.locked


def test_top_level_set_with_two_channels_of_one_property_is_edited_at_the_first(qtbot, qloop) -> None:
    sim = ShapedSimulator()
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2], sim=sim)
    try:
        sensors = []
        for uuid in h.device_uuids:
            device = run(qtbot, h.client.get_device(SITE, uuid))
            sensors.append(run(qtbot, h.client.get_sensor(SITE, device.sensors_connections[0].sensor_uuid)))
        channels = [
            LogicalChannel(
                name=name,
                physical_value_id="PV_TEMPERATURE",
                physical_unit_id="PU_DEGREE_CELSIUS",
                sensor_channel=SensorChannelRef(sensor_uuid=sensor.uuid, channel_index=0),
            )
            for name, sensor in (("Air", sensors[0]), ("Probe", sensors[1]))
        ]
        obj = run(
            qtbot,
            h.client.create_measuring_object(
                SITE, MeasuringObject(name="Two sensors", logical_channels=channels)
            ),
        )
        config = {
            "measurementAlarmConditionSet": [{"measurementAlarmConditions": copy.deepcopy(TEXT_FRIDGE)}]
        }
        sim.cloud.stored[_alarms_path(obj.uuid)] = config
        open_and_wait(qtbot, h, h.device_uuids[0])
        tab = h.view.objects_tab
        tab.reload()
        qtbot.waitUntil(lambda: obj.uuid in tab.objects, timeout=5000)
        tab.select(obj.uuid)
        editor = tab.alarms_editor
        qtbot.waitUntil(lambda: editor.session is not None and editor.session.base == config, timeout=5000)
        air, probe = editor.boxes
        assert not air.locked and air.fields[rules.UPPER_ALARM].text() == "8"
        assert probe.locked and "they are set at Air" in probe.locked_note.text()
        assert not probe.fields[rules.UPPER_ALARM].edit.isEnabled()
        assert not editor.as_received.isVisibleTo(editor)  # the first channel shows every condition
    finally:
        close_harness(qtbot, h)
