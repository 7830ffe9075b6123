"""Measuring objects: create with channels picked from lists, instruction set, measurement alarms, presets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from saveris_desktop.api.models import LogicalChannel, MeasuringObject, SensorChannelRef
from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.stale_list import local_time
from tests.ui.devices_harness import (
    SITE,
    apply_and_wait,
    close_harness,
    make_devices_harness,
    open_and_wait,
    run,
)
from tests.ui.user_input import choose, click, set_checked, type_text


@pytest.fixture
def harness(qtbot, qloop):
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2])
    open_and_wait(qtbot, h, h.device_uuids[0])
    h.view.tabs.setCurrentWidget(h.view.objects_tab)
    yield h
    close_harness(qtbot, h)


def _sensor_of(qtbot, harness, device_index: int) -> str:
    device = run(qtbot, harness.client.get_device(SITE, harness.device_uuids[device_index]))
    return device.sensors_connections[0].sensor_uuid


def _make_object(qtbot, harness, name: str, device_index: int = 0) -> MeasuringObject:
    """An object fed by every channel of the logger's first sensor (a sensor channel feeds one object)."""
    sensor = run(qtbot, harness.client.get_sensor(SITE, _sensor_of(qtbot, harness, device_index)))
    obj = MeasuringObject(
        name=name,
        logical_channels=[
            LogicalChannel(
                name=f"{c.name} of {name}",
                physical_value_id=c.physical_value_id,
                physical_unit_id=c.physical_unit_id,
                sensor_channel=SensorChannelRef(sensor_uuid=sensor.uuid, channel_index=c.channel_index),
            )
            for c in sensor.channels
        ],
    )
    return run(qtbot, harness.client.create_measuring_object(SITE, obj))


def _select_object(qtbot, harness, uuid: str) -> None:
    tab = harness.view.objects_tab
    tab.reload()
    qtbot.waitUntil(lambda: uuid in tab.objects, timeout=5000)
    tab.select(uuid)
    qtbot.waitUntil(
        lambda: tab.alarms_editor.session is not None and tab.instruction_editor.session is not None,
        timeout=5000,
    )


def test_create_object_with_channels_picked_from_lists(qtbot, harness) -> None:
    tab = harness.view.objects_tab
    dialog = tab.open_create_dialog()
    assert not dialog.create_button.isEnabled()
    assert dialog.name_message.text() == "Give the measuring object a name."
    type_text(qtbot, dialog.name, "Vaccine fridge")
    first = dialog.rows[0]
    # The sensors of the logger being configured come first and are picked for the first channel.
    assert first.sensor.currentData() == _sensor_of(qtbot, harness, 0)
    assert "Logger" in first.sensor.currentText() and "slot 1" in first.sensor.currentText()
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    assert [first.channel.itemText(i) for i in range(first.channel.count())] == [
        "Temperature (°C)",
        "Humidity (%rF)",
    ]
    type_text(qtbot, first.name, "Internal temperature")
    dialog.add_channel()
    second = dialog.rows[1]
    choose(qtbot, second.sensor, index=first.sensor.currentIndex())
    qtbot.waitUntil(lambda: second.channel.isEnabled(), timeout=5000)
    type_text(qtbot, second.name, "Internal temperature")
    assert second.message.text() == "Each logical channel needs its own name."
    assert not dialog.create_button.isEnabled()
    type_text(qtbot, second.name, "Air humidity")
    choose(qtbot, second.channel, index=1)
    assert dialog.create_button.isEnabled()
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created is not None, timeout=5000)

    objects = run(qtbot, harness.client.list_measuring_objects(SITE))
    [created] = [o for o in objects if o.name == "Vaccine fridge"]
    channels = {c.name: c for c in created.logical_channels}
    sensor_uuid = _sensor_of(qtbot, harness, 0)
    assert channels["Internal temperature"].sensor_channel.sensor_uuid == sensor_uuid
    assert channels["Internal temperature"].sensor_channel.channel_index == 0
    assert channels["Internal temperature"].physical_unit_id == "PU_DEGREE_CELSIUS"
    assert channels["Air humidity"].sensor_channel.channel_index == 1
    assert channels["Air humidity"].physical_value_id == "PV_HUMIDITY"
    assert tab.selected_uuids() == [created.uuid]
    assert "(this logger)" in tab.list.selectedItems()[0].text()
    qtbot.waitUntil(lambda: tab.status.text().startswith(f"{len(objects)} measuring object"), timeout=5000)


def test_a_failed_refresh_of_the_objects_says_from_when_the_shown_ones_are(qtbot, harness) -> None:
    obj = _make_object(qtbot, harness, "Fridge 3")
    tab = harness.view.objects_tab
    before = datetime.now(UTC)
    tab.reload()
    qtbot.waitUntil(lambda: obj.uuid in tab.objects, timeout=5000)
    harness.sim.add_fault("error_status", route="list_measuring_objects", status=400)
    tab.reload()
    qtbot.waitUntil(lambda: "could not be refreshed" in tab.status.text(), timeout=5000)
    assert tab.listed_at is not None and tab.listed_at >= before
    assert tab.status.text().startswith(f"Showing the values read at {local_time(tab.listed_at)}: ")
    assert "HTTP 400" in tab.status.text() and tab.list.count() == 1  # the reason; the list stays


def test_proposed_channel_name_follows_the_picked_channel_but_a_typed_one_stays(qtbot, harness) -> None:
    dialog = harness.view.objects_tab.open_create_dialog()
    first = dialog.rows[0]
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    assert first.name.text() == "Temperature"  # proposed from the sensor channel picked for it
    choose(qtbot, first.channel, index=1)
    assert first.name.text() == "Humidity"  # a proposal never outlives the channel it names
    choose(qtbot, first.sensor, data=_sensor_of(qtbot, harness, 1))
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    assert first.name.text() == "Probe temperature"  # the Saveris 2 probe's channel name
    type_text(qtbot, first.name, "Cabinet air")
    choose(qtbot, first.sensor, data=_sensor_of(qtbot, harness, 0))
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    choose(qtbot, first.channel, index=1)
    assert first.name.text() == "Cabinet air"  # what the technician typed is never replaced


def test_create_dialog_tab_order_runs_through_each_channel_row(qtbot, harness) -> None:
    dialog = harness.view.objects_tab.open_create_dialog()
    dialog.add_channel()
    order, widget = [], dialog.name
    for _ in range(13):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.objectName():
            widget = widget.nextInFocusChain()
    assert order == [
        "new_object_name",
        "new_object_description",
        *[f"new_channel_{i}_{part}" for i in (0, 1) for part in ("name", "sensor", "channel", "remove")],
        "new_object_add_channel",
        "new_object_create",
        "new_object_cancel",
    ]


def test_create_refused_by_the_server_keeps_the_dialog_filled(qtbot, harness) -> None:
    tab = harness.view.objects_tab
    _make_object(qtbot, harness, "Cold room")
    tab.reload()
    qtbot.waitUntil(lambda: len(tab.objects) == 1, timeout=5000)
    dialog = tab.open_create_dialog()
    type_text(qtbot, dialog.name, "Cold room")  # the server refuses a second object with the same name (409)
    first = dialog.rows[0]
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    # The channels of this logger already feed "Cold room": refused here, before any request.
    assert first.channel.currentText().endswith("in use")
    assert "already feeds “Temperature of Cold room” of “Cold room”" in first.message.text()
    assert not dialog.create_button.isEnabled()
    choose(qtbot, first.sensor, data=_sensor_of(qtbot, harness, 1))
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    type_text(qtbot, first.name, "Door side")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.verdict.isVisibleTo(dialog), timeout=5000)
    assert "already exists" in dialog.verdict.text()
    assert dialog.name.text() == "Cold room" and first.name.text() == "Door side"
    assert dialog.create_button.isEnabled()


def test_instruction_set_round_trip_and_override_note(qtbot, harness) -> None:
    obj = _make_object(qtbot, harness, "Fridge A")
    _select_object(qtbot, harness, obj.uuid)
    editor = harness.view.objects_tab.instruction_editor
    note = editor.findChild(type(editor.title), "instruction_set_note")
    assert "override" in note.text()
    type_text(qtbot, editor.measuring, "30 s")
    assert "1 min … 24 h" in editor.measuring.problem()  # the feeding logger's own range
    type_text(qtbot, editor.communication, "1 min")
    assert "5 min … 24 h" in editor.communication.problem()
    type_text(qtbot, editor.measuring, "1 h")
    type_text(qtbot, editor.communication, "30 min")
    assert "cannot be shorter than the measuring cycle (1 h)" in editor.order_message.text()
    assert editor.order_message.isVisibleTo(editor) and not editor.apply_button.isEnabled()
    type_text(qtbot, editor.measuring, "2 min")
    assert editor.order_message.text() == "" and editor.apply_button.isEnabled()
    apply_and_wait(qtbot, editor)
    assert "accepted" in editor.verdict.text()
    after = run(qtbot, harness.client.get_measuring_instruction_set(SITE, obj.uuid))
    assert (after.measuring_cycle, after.communication_cycle) == (120_000, 1_800_000)
    # Emptying a field removes the override: null is sent and the logger's own setting applies again.
    type_text(qtbot, editor.measuring, "")
    assert editor.measuring.problem() == "" and editor.session.get(("measuring_cycle",)) is None
    apply_and_wait(qtbot, editor)
    after = run(qtbot, harness.client.get_measuring_instruction_set(SITE, obj.uuid))
    assert (after.measuring_cycle, after.communication_cycle) == (None, 1_800_000)
    assert editor.measuring.text() == ""


def test_measurement_alarms_with_presets_round_trip(qtbot, harness) -> None:
    obj = _make_object(qtbot, harness, "Fridge B")
    _select_object(qtbot, harness, obj.uuid)
    editor = harness.view.objects_tab.alarms_editor
    temperature, humidity = editor.boxes
    assert [temperature.preset.itemData(i) for i in range(temperature.preset.count())] == [
        "",
        "fridge",
        "freezer",
        "room",
    ]
    choose(qtbot, temperature.preset, data="fridge")
    choose(qtbot, humidity.preset, data="humidity")
    assert temperature.fields[rules.LOWER_ALARM].text() == "2"
    assert temperature.delay.text() == "15 min"
    # "What will be sent" says each new limit in plain words, the channel named as the object names it.
    set_checked(qtbot, editor.toggle_changes, True)
    plain = [editor.changes.plain.item(i).text() for i in range(editor.changes.plain.count())]
    assert "Upper alarm (Temperature of Fridge B): off → 8 °C" in plain, plain
    assert "Alarm delay (Temperature of Fridge B): not set → 15 min" in plain, plain
    assert "Upper alarm (Humidity of Fridge B): off → 70 %rF" in plain, plain
    assert not any("PU_" in line or "limitValue" in line for line in plain)
    # Behind "Technical details": each new value on its own row as the API names it.
    click(qtbot, editor.changes.technical_toggle)
    tree = editor.changes.tree
    new_channel = tree.topLevelItem(0)
    assert [new_channel.text(i) for i in range(3)] == [
        "channel_alarm_configurations[0]",
        "(not set)",
        "(new, see below)",
    ]
    rows = {}
    stack = [new_channel]
    while stack:  # every value row by its full field name (its tooltip): (shown name, value to send)
        node = stack.pop()
        stack.extend(node.child(i) for i in range(node.childCount()))
        if node.toolTip(0):
            rows[node.toolTip(0)] = (node.text(0), node.text(2))
    prefix = "measurementAlarmConditionSet[0].measurementAlarmConditions"
    assert rows[f"{prefix}[0].limitValue"] == ("limitValue", "2.0")
    assert rows[f"{prefix}[3].limitValue"] == ("limitValue", "8.0")
    assert rows[f"{prefix}[0].delay"] == ("delay", "900000 (15 min)")
    assert rows["logical_channel_uuid"] == ("logical_channel_uuid", temperature.uuid)
    levels = [new_channel.child(i).text(0) for i in range(new_channel.childCount())]
    assert levels == ["logical_channel_uuid", "measurementAlarmConditionSet[0]"]  # nested, not one long name
    sent = editor.session.payload()
    apply_and_wait(qtbot, editor)
    assert "accepted" in editor.verdict.text(), editor.verdict.text()

    after = run(qtbot, harness.client.get_measuring_object_alarm_configuration(SITE, obj.uuid)).to_payload()
    assert after["channel_alarm_configurations"] == sent["channel_alarm_configurations"]
    by_channel = {c["logical_channel_uuid"]: c for c in after["channel_alarm_configurations"]}
    conditions = by_channel[temperature.uuid]["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    limits = rules.limits_from_conditions(conditions, channel_unit="PU_DEGREE_CELSIUS")
    assert (limits.lower_alarm, limits.lower_warning, limits.upper_warning, limits.upper_alarm) == (
        2,
        3,
        7,
        8,
    )
    hum = by_channel[humidity.uuid]["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    assert {c["physicalUnitId"] for c in hum} == {"PU_PERCENT_HUMIDITY"}
    # Reading back into the form shows the same values.
    assert temperature.fields[rules.UPPER_ALARM].text() == "8"
    assert not editor.dirty


@pytest.fixture
def limits_box(qtbot, harness):
    obj = _make_object(qtbot, harness, "Fridge C")
    _select_object(qtbot, harness, obj.uuid)
    editor = harness.view.objects_tab.alarms_editor
    box = editor.boxes[0]
    choose(qtbot, box.preset, data="fridge")
    assert editor.apply_button.isEnabled()
    return editor, box


def test_the_preset_box_stops_naming_a_preset_once_a_limit_is_edited_away(qtbot, limits_box) -> None:
    editor, box = limits_box
    assert box.preset.currentData() == "fridge"
    type_text(qtbot, box.fields[rules.UPPER_ALARM], "8")  # the preset's own value: still the preset
    assert box.preset.currentData() == "fridge"
    type_text(qtbot, box.fields[rules.UPPER_ALARM], "9")
    assert box.preset.currentData() == ""
    assert box.preset.currentText() == "Choose a preset…"
    assert editor.apply_button.isEnabled()  # a custom limit is still a valid one


def test_lower_alarm_not_below_upper_is_refused(qtbot, limits_box) -> None:
    editor, box = limits_box
    type_text(qtbot, box.fields[rules.LOWER_ALARM], "9")
    assert "above the lower alarm" in box.fields[rules.UPPER_ALARM].problem()
    assert not editor.apply_button.isEnabled()


def test_warning_outside_the_alarm_band_is_refused(qtbot, limits_box) -> None:
    editor, box = limits_box
    type_text(qtbot, box.fields[rules.UPPER_WARNING], "8.5")
    assert (
        box.fields[rules.UPPER_WARNING].problem() == "A warning must lie inside the alarm band: below 8 °C."
    )
    assert not editor.apply_button.isEnabled()
    type_text(qtbot, box.fields[rules.UPPER_WARNING], "7.5")
    assert box.fields[rules.UPPER_WARNING].problem() == ""
    assert editor.apply_button.isEnabled()


def test_negative_hysteresis_is_refused(qtbot, limits_box) -> None:
    editor, box = limits_box
    type_text(qtbot, box.fields[rules.HYSTERESIS], "-1")
    assert box.fields[rules.HYSTERESIS].problem() == "Hysteresis cannot be negative."
    assert not editor.apply_button.isEnabled()


def test_hysteresis_wider_than_the_band_is_refused(qtbot, limits_box) -> None:
    editor, box = limits_box
    type_text(qtbot, box.fields[rules.HYSTERESIS], "4")
    assert "narrower than the warning band (4 °C)" in box.fields[rules.HYSTERESIS].problem()
    assert not editor.apply_button.isEnabled()


def test_alarm_delay_out_of_range_is_refused(qtbot, limits_box) -> None:
    editor, box = limits_box
    type_text(qtbot, box.delay, "2 days")
    assert "0 s … 24 h" in box.delay.problem()
    assert not editor.apply_button.isEnabled()


def test_limit_that_is_not_a_number_is_refused(qtbot, limits_box) -> None:
    editor, box = limits_box
    type_text(qtbot, box.fields[rules.LOWER_ALARM], "two")
    assert "not a number" in box.fields[rules.LOWER_ALARM].problem()
    assert not editor.apply_button.isEnabled()
    assert box.fields[rules.LOWER_ALARM].text() == "two"


def test_unit_is_that_of_the_channel(limits_box) -> None:
    _editor, box = limits_box
    assert box.fields[rules.LOWER_ALARM].hint.text() == "°C"
    assert box.title().endswith("(°C)")


def test_door_channels_are_named_in_a_note_next_to_the_limits(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.GATEWAY_164])
    try:
        device = run(qtbot, h.client.get_device(SITE, h.device_uuids[0]))
        sensors = [run(qtbot, h.client.get_sensor(SITE, c.sensor_uuid)) for c in device.sensors_connections]
        channels = [
            LogicalChannel(
                name=f"{s.channels[0].name} side",
                physical_value_id=s.channels[0].physical_value_id,
                physical_unit_id=s.channels[0].physical_unit_id,
                sensor_channel=SensorChannelRef(
                    sensor_uuid=s.uuid, channel_index=s.channels[0].channel_index
                ),
            )
            for s in sensors
        ]
        obj = run(
            qtbot,
            h.client.create_measuring_object(
                SITE, MeasuringObject(name="Cold room", logical_channels=channels)
            ),
        )
        open_and_wait(qtbot, h, h.device_uuids[0])
        _select_object(qtbot, h, obj.uuid)
        editor = h.view.objects_tab.alarms_editor
        [door] = [c.name for c in channels if c.physical_value_id == "PV_DOOR_STATE"]
        assert len(editor.boxes) == 1  # the temperature channel; a door has no limits
        assert editor.empty_note.isVisibleTo(editor)
        assert editor.empty_note.text().startswith(f"{door}: door contacts have no limits to set")
    finally:
        close_harness(qtbot, h)
