"""A measuring object from the objects tab, end to end, against both simulator profiles: created with
logical channels, its instruction set and its alarm limits applied, and what the server stored.

Against the documented server there is no `GET /sensors/{uuid}` (the channel is given by number and
what it measures), no `GET /measuring-objects` (the tab lists the objects created here and says why)
and no read of the instruction set or alarms (the editors say that what is applied replaces them).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.simulator import LoggerKind, Simulator
from saveris_desktop.simulator.clock import ManualClock
from tests.sim_profiles import both_profiles
from tests.ui.devices_harness import (
    SITE,
    DevicesHarness,
    apply_and_wait,
    close_harness,
    make_devices_harness,
    open_and_wait,
)
from tests.ui.user_input import choose, click, step_to, type_text

NOT_LISTED = "The cloud does not list measuring objects"


@pytest.fixture
def harness(qtbot, qloop, sim_profile: str) -> Iterator[DevicesHarness]:
    sim = Simulator(seed=5, join_delay=1.0, clock=ManualClock(), profile=sim_profile)
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2], sim=sim)
    open_and_wait(qtbot, h, h.device_uuids[0])
    h.view.tabs.setCurrentWidget(h.view.objects_tab)
    yield h
    close_harness(qtbot, h)


def _pick_channel(qtbot, dialog, row, profile: str, number: int, measures: str) -> None:
    """Pick the sensor channel as the dialog offers it: from the sensor's channels where they can be
    read, else by number and what it measures."""
    if profile == "assumed":
        qtbot.waitUntil(lambda: row.channel.isEnabled(), timeout=5000)
        choose(qtbot, row.channel, index=number - 1)
        return
    qtbot.waitUntil(lambda: not row.number.isHidden(), timeout=5000)
    assert row.channel.isHidden()
    assert dialog.channels_note.isVisibleTo(dialog)
    assert "does not let us read the sensors' channels" in dialog.channels_note.text()
    step_to(qtbot, row.number, number)
    if row.name.text() and not row.measures.currentData():
        assert row.message.text() == "Say what this channel measures."
    choose(qtbot, row.measures, text=measures)


@both_profiles()
def test_object_with_channels_instruction_set_and_alarm_limits(qtbot, harness, sim_profile) -> None:
    tab = harness.view.objects_tab
    if sim_profile == "documented":
        qtbot.waitUntil(lambda: tab.status.text().startswith(NOT_LISTED), timeout=5000)
    dialog = tab.open_create_dialog()
    type_text(qtbot, dialog.name, "Vaccine fridge")
    assert not dialog.channels_note.isVisibleTo(dialog) or sim_profile == "documented"
    first = dialog.rows[0]
    _pick_channel(qtbot, dialog, first, sim_profile, 1, "Temperature")
    assert first.name.text() == "Temperature"  # proposed from what the channel measures
    type_text(qtbot, first.name, "Internal temperature")
    click(qtbot, dialog.add_button)
    second = dialog.rows[1]
    type_text(qtbot, second.name, "Air humidity")
    choose(qtbot, second.sensor, index=first.sensor.currentIndex())
    _pick_channel(qtbot, dialog, second, sim_profile, 2, "Humidity")
    assert second.name.text() == "Air humidity"  # a typed name stays
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created is not None, timeout=5000)

    # What the server stored: each logical channel fed by the channel picked, measuring its value.
    (stored,) = harness.sim.world.measuring_objects.values()
    sensor_uuid = first.sensor.currentData()
    assert stored["name"] == "Vaccine fridge"
    assert [
        (c["name"], c["physical_value_id"], c["physical_unit_id"], c["sensor_channel"])
        for c in stored["logical_channels"]
    ] == [
        (
            "Internal temperature",
            "PV_TEMPERATURE",
            "PU_DEGREE_CELSIUS",
            {"sensor_uuid": sensor_uuid, "channel_index": 0},
        ),
        (
            "Air humidity",
            "PV_HUMIDITY",
            "PU_PERCENT_HUMIDITY",
            {"sensor_uuid": sensor_uuid, "channel_index": 1},
        ),
    ]
    # Listed under the name it was given (the documented answer has none) and selected.
    assert tab.selected_uuids() == [stored["uuid"]]
    assert tab.list.selectedItems()[0].text() == "Vaccine fridge  (this logger)"
    if sim_profile == "documented":
        assert tab.status.text().startswith(NOT_LISTED)
    qtbot.waitUntil(
        lambda: tab.alarms_editor.session is not None and tab.instruction_editor.session is not None,
        timeout=5000,
    )
    instruction, alarms = tab.instruction_editor, tab.alarms_editor
    for editor in (instruction, alarms):
        assert editor.notice.isVisibleTo(editor) is (sim_profile == "documented")
    if sim_profile == "documented":
        assert "what you apply here replaces it" in instruction.notice.text()

    type_text(qtbot, instruction.measuring, "10 min")
    apply_and_wait(qtbot, instruction)
    assert "accepted" in instruction.verdict.text(), instruction.verdict.text()
    assert harness.sim.world.instruction_sets[stored["uuid"]]["measuring_cycle"] == 600_000

    temperature, humidity = alarms.boxes
    assert (temperature.title(), humidity.title()) == ("Internal temperature (°C)", "Air humidity (%rF)")
    choose(qtbot, temperature.preset, data="fridge")
    type_text(qtbot, humidity.fields[rules.UPPER_ALARM], "80")
    apply_and_wait(qtbot, alarms)
    assert "accepted" in alarms.verdict.text(), alarms.verdict.text()
    # The answer (plain text on the documented server) is read back into the form: nothing left to apply.
    assert temperature.fields[rules.UPPER_ALARM].text() == "8"
    assert humidity.fields[rules.UPPER_ALARM].text() == "80"
    assert not alarms.dirty
    configs = harness.sim.world.object_alarms[stored["uuid"]]["channel_alarm_configurations"]
    by_channel = {c["logical_channel_uuid"]: c["measurementAlarmConditionSet"][0] for c in configs}
    temperature_limits = rules.limits_from_conditions(
        by_channel[temperature.uuid]["measurementAlarmConditions"], channel_unit="PU_DEGREE_CELSIUS"
    )
    assert (temperature_limits.lower_alarm, temperature_limits.upper_alarm) == (2, 8)
    humidity_limits = rules.limits_from_conditions(
        by_channel[humidity.uuid]["measurementAlarmConditions"], channel_unit="PU_PERCENT_HUMIDITY"
    )
    assert humidity_limits.upper_alarm == 80


def _create(qtbot, tab, profile: str, name: str, channel: str, number: int, measures: str):
    dialog = tab.open_create_dialog()
    type_text(qtbot, dialog.name, name)
    row = dialog.rows[0]
    _pick_channel(qtbot, dialog, row, profile, number, measures)
    type_text(qtbot, row.name, channel)
    return dialog, row


@both_profiles()
def test_a_channel_in_use_is_named_and_a_preset_applies_to_the_selected_objects(
    qtbot, harness, sim_profile
) -> None:
    tab = harness.view.objects_tab
    dialog, _row = _create(qtbot, tab, sim_profile, "Fridge 1", "Air", 1, "Temperature")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created is not None, timeout=5000)
    # The same sensor channel again: named as taken before anything is sent (on the documented server
    # the app knows it from the object it created, as the cloud does not list objects).
    dialog, row = _create(qtbot, tab, sim_profile, "Fridge 2", "Inside", 1, "Temperature")
    assert row.message.text() == "This sensor channel already feeds “Air” of “Fridge 1”."
    assert not dialog.create_button.isEnabled()
    _pick_channel(qtbot, dialog, row, sim_profile, 2, "Humidity")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created is not None, timeout=5000)
    assert tab.list.count() == 2

    for index in range(tab.list.count()):
        tab.list.item(index).setSelected(True)
    bulk = tab.open_bulk_preset()
    qtbot.addWidget(bulk)
    choose(
        qtbot, bulk.findChild(type(tab.alarms_editor.boxes[0].preset), "bulk_preset_picker"), data="fridge"
    )
    click(qtbot, bulk.start_button)
    qtbot.waitUntil(lambda: not bulk.running and len(bulk.results) == 2, timeout=5000)
    assert not bulk.failed()
    fridge_1 = next(o for o in harness.sim.world.measuring_objects.values() if o["name"] == "Fridge 1")
    (config,) = harness.sim.world.object_alarms[fridge_1["uuid"]]["channel_alarm_configurations"]
    conditions = config["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    limits = rules.limits_from_conditions(conditions, channel_unit="PU_DEGREE_CELSIUS")
    assert (limits.lower_alarm, limits.upper_alarm) == (2, 8)
    fridge_2 = next(o for o in harness.sim.world.measuring_objects.values() if o["name"] == "Fridge 2")
    assert harness.sim.world.object_alarms[fridge_2["uuid"]]["channel_alarm_configurations"] == []


@both_profiles()
def test_objects_created_here_are_listed_again_after_another_site(qtbot, harness, sim_profile) -> None:
    tab = harness.view.objects_tab
    dialog, _row = _create(qtbot, tab, sim_profile, "Cold room", "Air", 1, "Temperature")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created is not None, timeout=5000)
    view = harness.view
    view.show_site("Bakery")
    qtbot.waitUntil(
        lambda: view.objects_tab is not tab and view.objects_tab.status.text() != "", timeout=5000
    )
    view.show_site(SITE)
    tab = view.objects_tab
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=5000)
    assert tab.list.item(0).text() == "Cold room"
    if sim_profile == "documented":
        qtbot.waitUntil(lambda: tab.status.text().startswith(NOT_LISTED), timeout=5000)
        assert "only the 1 created here since the app started" in tab.status.text()
