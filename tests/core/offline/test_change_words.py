"""Changes of every resource kind in the technician's words: names, values in units, never codes or uuids."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from saveris_desktop.core.devices.presets import preset
from saveris_desktop.core.offline.change_words import (
    Names,
    describe_change,
    describe_conflict,
    summary,
    system_alarm_name,
)
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.merge import MISSING, ItemKey, three_way_merge
from saveris_desktop.core.offline.resources import RESOURCES
from saveris_desktop.core.runtime.sentences import Sentence

DEVICE = {
    "uuid": "5b0f6c1e-0000-4000-8000-00000000a1b2",
    "serial_number": "61100042",
    "name": "Fridge 3",
    "model_code": "0572 2031",
    "measuring_cycle": 300000,
    "communication_cycle": 900000,
    "sensors_connections": [{"slot_index": 0, "sensor_uuid": "sensor-0001-c3d4", "connected": True}],
    "capability": {"measuring_cycle_min": 60000},
}

SENSOR = {
    "uuid": "sensor-0001-c3d4",
    "name": "Probe",
    "channels": [
        {"channel_index": 0, "physical_value_id": "PV_TEMPERATURE", "physical_unit_id": "PU_DEGREE_CELSIUS"},
        {"channel_index": 1, "physical_value_id": "PV_HUMIDITY", "physical_unit_id": "PU_PERCENT_HUMIDITY"},
    ],
}

OBJECT = {
    "uuid": "object-77-e5f6",
    "name": "Vaccine fridge",
    "logical_channels": [
        {
            "uuid": "lc-temperature",
            "name": "Internal temperature",
            "physical_value_id": "PV_TEMPERATURE",
            "physical_unit_id": "PU_DEGREE_CELSIUS",
            "sensor_channel": {"sensor_uuid": "sensor-0001-c3d4", "channel_index": 0},
        },
        {
            "uuid": "lc-humidity",
            "name": "Air humidity",
            "physical_value_id": "PV_HUMIDITY",
            "physical_unit_id": "PU_PERCENT_HUMIDITY",
            "sensor_channel": {"sensor_uuid": "sensor-0001-c3d4", "channel_index": 1},
        },
    ],
}

NAMES = Names.from_documents(devices=[DEVICE], sensors=[], objects=[OBJECT])

#: What a technician must never read in a plain line.
TECHNICAL = re.compile(
    r"PUT |/devices/|ASV_|PU_|PV_|MACT_|measuring_cycle|limitValue|channel_alarm|\[\d\]"
    r"|[0-9a-f]{8}-[0-9a-f]{4}"
)


def lines(kind: str, before: Any, after: Any, names: Names = NAMES) -> list[str]:
    found = [str(line.sentence()) for line in describe_change(kind, before, after, names)]
    for line in found:
        assert not TECHNICAL.search(line), line
    return found


def fridge_conditions(upper_alarm: float = 8.0, unit: str = "PU_DEGREE_CELSIUS") -> list[dict[str, Any]]:
    conditions = [c.to_payload() for c in preset("fridge").conditions(unit)]
    conditions[3]["limitValue"] = upper_alarm
    return conditions


def per_channel(*channels: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": uuid,
                "measurementAlarmConditionSet": [{"measurementAlarmConditions": c}],
            }
            for uuid, c in channels
        ]
    }


# --- device --------------------------------------------------------------------------------------


def test_logger_settings_by_their_names_and_durations_in_words() -> None:
    after = {**DEVICE, "name": "Fridge 3a", "measuring_cycle": 900000, "communication_cycle": 3600000}
    assert lines("device", DEVICE, after) == [
        "Logger name: Fridge 3 → Fridge 3a",
        "Measuring cycle: 5 min → 15 min",
        "Communication cycle: 15 min → 1 h",
    ]


def test_a_field_the_app_does_not_know_is_shown_readably_never_dropped() -> None:
    after = {**DEVICE, "foo": 2, "capability": {"measuring_cycle_min": 30000}}
    found = describe_change("device", {**DEVICE, "foo": 1}, after, NAMES)
    assert [line.sentence() for line in found] == [
        "Other setting 'capability › measuring cycle min': 60000 → 30000",
        "Other setting 'foo': 1 → 2",
    ]


def test_a_sensors_slot_and_connection_are_named_by_slot_counting_from_one() -> None:
    after = copy.deepcopy(DEVICE)
    after["sensors_connections"][0]["connected"] = False
    assert lines("device", DEVICE, after) == ["Sensor in slot 1 connected: yes → no"]


# --- sensor --------------------------------------------------------------------------------------


def test_sensor_name_channel_unit_and_offset_in_the_channels_unit() -> None:
    after = copy.deepcopy(SENSOR)
    after["name"] = "Door probe"
    after["channels"][0]["physical_unit_id"] = "PU_DEGREE_FAHRENHEIT"
    after["channels"][0]["offset"] = 0.5
    after["channels"][1]["name"] = "Air"
    assert lines("sensor", SENSOR, after) == [
        "Sensor name: Probe → Door probe",
        "Unit of channel 1: °C → °F",
        "Offset of channel 1: not set → 0.5 °F",
        "Name of channel 2: not set → Air",
    ]


# --- device and sensor alarms ----------------------------------------------------------------------


def _alarm(
    kind: str, severity: str = "ASV_ALARM", delay: int = 3_600_000, enabled: bool = True
) -> dict[str, Any]:
    return {"alarm_type": kind, "enabled": enabled, "severity": severity, "delay": delay}


@pytest.mark.parametrize("kind", ["device_alarms", "sensor_alarms"])
def test_system_alarms_one_line_per_alarm_with_each_changed_value(kind: str) -> None:
    before = {"alarms": [_alarm("CONNECTION_TIMEOUT"), _alarm("BATTERY_LOW")]}
    after = {
        "alarms": [
            _alarm("CONNECTION_TIMEOUT", "ASV_WARNING", 7_200_000),
            _alarm("BATTERY_LOW", enabled=False),
            _alarm("SENSOR_BROKEN", "ASV_WARNING", 900_000),
        ]
    }
    assert lines(kind, before, after) == [
        "No-connection alarm: Alarm → Warning, 1 h → 2 h",
        "Battery alarm: on → off",
        "Broken-sensor alarm: not set → on, Warning, after 15 min",
    ]


def test_an_alarm_kind_the_app_does_not_know_keeps_a_readable_name() -> None:
    assert system_alarm_name("DOOR_OPEN_TOO_LONG") == "Alarm 'Door open too long'"
    assert lines("device_alarms", {"alarms": []}, {"alarms": [_alarm("DOOR_OPEN_TOO_LONG", delay=0)]}) == [
        "Alarm 'Door open too long': not set → on, Alarm"
    ]


# --- measuring object ------------------------------------------------------------------------------


def test_a_new_measuring_object_with_its_channels_and_their_sensors_by_name() -> None:
    new = {key: value for key, value in OBJECT.items() if key != "uuid"}
    assert lines("measuring_object", None, new) == [
        "New measuring object: not set → Vaccine fridge (Internal temperature from Fridge 3, slot 1, "
        "channel 1; Air humidity from Fridge 3, slot 1, channel 2)"
    ]


def test_a_renamed_measuring_object_and_channel() -> None:
    after = copy.deepcopy(OBJECT)
    after["name"] = "Vaccine fridge 2"
    after["logical_channels"][0]["name"] = "Core temperature"
    assert lines("measuring_object", OBJECT, after) == [
        "Object name: Vaccine fridge → Vaccine fridge 2",
        "Name of channel Core temperature: Internal temperature → Core temperature",
    ]


# --- instruction set -------------------------------------------------------------------------------


def test_instruction_set_overrides_and_the_loggers_own_setting() -> None:
    before = {"measuring_cycle": None, "communication_cycle": 900000}
    after = {"measuring_cycle": 300000, "communication_cycle": None}
    assert lines("instruction_set", before, after) == [
        "Measuring cycle: the logger's setting → 5 min",
        "Communication cycle: 15 min → the logger's setting",
    ]


def test_instruction_set_in_the_shape_of_related_apis() -> None:
    assert lines("instruction_set", {"measuring_rate_ms": 900000}, {"measuring_rate_ms": 600000}) == [
        "Measuring cycle: 15 min → 10 min"
    ]


# --- measurement alarms ----------------------------------------------------------------------------


def test_one_limit_changed_is_one_line_in_the_channels_unit() -> None:
    before = per_channel(("lc-temperature", fridge_conditions(8.0)))
    after = per_channel(("lc-temperature", fridge_conditions(10.0)))
    assert lines("measurement_alarms", before, after) == ["Upper alarm: 8 °C → 10 °C"]


def test_a_preset_on_a_new_channel_lists_every_limit() -> None:
    after = per_channel(("lc-temperature", fridge_conditions()))
    assert lines("measurement_alarms", {"channel_alarm_configurations": []}, after) == [
        "Lower alarm: off → 2 °C",
        "Lower warning: off → 3 °C",
        "Upper warning: off → 7 °C",
        "Upper alarm: off → 8 °C",
        "Hysteresis: not set → 0.5 °C",
        "Alarm delay: not set → 15 min",
    ]


def test_several_channels_are_told_apart_by_their_names() -> None:
    humidity = [c.to_payload() for c in preset("humidity").conditions("PU_PERCENT_HUMIDITY")]
    before = per_channel(("lc-temperature", fridge_conditions(8.0)), ("lc-humidity", humidity))
    wetter = copy.deepcopy(humidity)
    wetter[3]["limitValue"] = 75.0
    wetter = wetter[1:]  # the lower alarm is cleared
    after = per_channel(("lc-temperature", fridge_conditions(9.0)), ("lc-humidity", wetter))
    assert lines("measurement_alarms", before, after) == [
        "Upper alarm (Internal temperature): 8 °C → 9 °C",
        "Lower alarm (Air humidity): 30 %rF → off",
        "Upper alarm (Air humidity): 70 %rF → 75 %rF",
    ]


def test_conditions_in_plain_text_and_at_the_top_level_read_the_same() -> None:
    def text_form(conditions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        words = {
            "MACT_LOWER_LIMIT": "Lower limit",
            "MACT_UPPER_LIMIT": "Upper limit",
            "ASV_ALARM": "Alarm",
            "ASV_WARNING": "Warning",
        }
        return [
            {
                **c,
                "measurementAlarmConditionTypeId": words[c["measurementAlarmConditionTypeId"]],
                "alarmSeverityId": words[c["alarmSeverityId"]],
                "physicalProperty": {"physicalValueId": "Temperature"},
                "physicalUnitId": "°C",
            }
            for c in conditions
        ]

    def top(conditions: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "alarmConfigurationBackReference": {"id": 1},
            "measurementAlarmConditionSet": [{"measurementAlarmConditions": conditions}],
        }

    before, after = top(text_form(fridge_conditions(8.0))), top(text_form(fridge_conditions(6.5)))
    after["measurementAlarmConditionSet"][0]["measurementAlarmConditions"][1]["delay"] = 1_800_000
    assert lines("measurement_alarms", before, after) == [
        "Upper alarm: 8 °C → 6.5 °C",
        "Alarm delay: 15 min → 30 min",
    ]


def test_a_condition_the_app_cannot_read_is_still_shown() -> None:
    odd = {"measurementAlarmConditionTypeId": "MACT_RATE_OF_CHANGE", "limitValue": 2}
    before = per_channel(("lc-temperature", fridge_conditions()))
    after = per_channel(("lc-temperature", [*fridge_conditions(), odd]))
    [line] = describe_change("measurement_alarms", before, after, NAMES)
    assert line.setting == "Other alarm conditions"
    assert "MACT_RATE_OF_CHANGE" in line.steps[0][1]  # as received: the app has no words for it


def test_fahrenheit_limits_in_fahrenheit() -> None:
    before = per_channel(("lc-temperature", fridge_conditions(46.4, "PU_DEGREE_FAHRENHEIT")))
    after = per_channel(("lc-temperature", fridge_conditions(50.0, "PU_DEGREE_FAHRENHEIT")))
    assert lines("measurement_alarms", before, after) == ["Upper alarm: 46.4 °F → 50 °F"]


# --- site settings ---------------------------------------------------------------------------------


def test_the_sites_time_zone() -> None:
    assert lines("global_settings", {"timezone": "Europe/Berlin"}, {"timezone": "Europe/Vienna"}) == [
        "Site time zone: Europe/Berlin → Europe/Vienna"
    ]


def test_every_kind_of_the_resource_table_has_words_for_its_own_fields() -> None:
    examples: dict[str, tuple[Any, Any]] = {
        "device": ({"name": "a"}, {"name": "b"}),
        "sensor": ({"name": "a"}, {"name": "b"}),
        "device_alarms": ({"alarms": []}, {"alarms": [_alarm("BATTERY_LOW")]}),
        "sensor_alarms": ({"alarms": []}, {"alarms": [_alarm("SENSOR_BROKEN")]}),
        "measuring_object": ({"name": "a"}, {"name": "b"}),
        "instruction_set": ({"measuring_cycle": 60000}, {"measuring_cycle": 120000}),
        "measurement_alarms": ({}, per_channel(("lc-temperature", fridge_conditions()))),
        "global_settings": ({"timezone": "UTC"}, {"timezone": "Europe/Berlin"}),
    }
    assert set(examples) == set(RESOURCES)
    for kind, (before, after) in examples.items():
        found = describe_change(kind, before, after, NAMES)
        assert found, kind
        assert not any(str(line.setting).startswith("Other setting") for line in found), (kind, found)


# --- names -----------------------------------------------------------------------------------------


def test_things_are_named_as_the_technician_knows_them() -> None:
    assert NAMES.of(DraftKind.DEVICE, DEVICE["uuid"]) == "Fridge 3"
    assert NAMES.of(DraftKind.DEVICE_ALARMS, DEVICE["uuid"]) == "Fridge 3"
    assert NAMES.of(DraftKind.SENSOR, "sensor-0001-c3d4") == "Fridge 3, slot 1"
    assert NAMES.of(DraftKind.MEASUREMENT_ALARMS, "object-77-e5f6") == "Vaccine fridge"
    assert NAMES.of(DraftKind.GLOBAL_SETTINGS, "Bakery", site="Bakery") == "Bakery"
    unnamed = Names.from_documents(devices=[{"uuid": "d-9", "serial_number": 61100099}])
    assert unnamed.of(DraftKind.DEVICE, "d-9") == "Logger 61100099"


def test_an_unknown_thing_is_named_by_the_end_of_its_uuid_never_the_whole_uuid() -> None:
    uuid = "5b0f6c1e-1111-4000-8000-00000000ffff"
    assert Names().of(DraftKind.DEVICE, uuid) == "logger …ffff"
    assert Names().of(DraftKind.SENSOR, uuid) == "sensor …ffff"
    assert Names().of(DraftKind.INSTRUCTION_SET, uuid) == "measuring object …ffff"
    assert Names().channel(uuid) == "channel …ffff"


def test_names_say_which_things_they_know() -> None:
    assert NAMES.knows(DraftKind.DEVICE_ALARMS, DEVICE["uuid"])
    assert NAMES.knows(DraftKind.SENSOR, "sensor-0001-c3d4")  # by its slot in a known logger
    assert NAMES.knows(DraftKind.INSTRUCTION_SET, "object-77-e5f6")
    assert not NAMES.knows(DraftKind.DEVICE, "other")
    assert not NAMES.knows(DraftKind.MEASUREMENT_ALARMS, "other")
    assert NAMES.knows(DraftKind.GLOBAL_SETTINGS, "Bakery")  # a site is named by itself


def test_names_are_sentences_the_ui_can_translate() -> None:
    name = Names().of(DraftKind.DEVICE, "abcd-1234")
    assert isinstance(name, Sentence) and name.template == "logger …%1" and name.values == ("1234",)


# --- one line for lists ----------------------------------------------------------------------------


def test_summary_names_the_object_and_puts_the_unit_once() -> None:
    before = per_channel(("lc-temperature", fridge_conditions(8.0)))
    after = per_channel(("lc-temperature", fridge_conditions(10.0)))
    assert summary("measurement_alarms", "object-77-e5f6", before, after, NAMES) == (
        "Vaccine fridge: Upper alarm 8 → 10 °C"
    )
    many = {**DEVICE, "name": "Fridge 3a", "measuring_cycle": 900000, "communication_cycle": 3600000}
    assert summary("device", DEVICE["uuid"], DEVICE, many, NAMES) == (
        "Fridge 3: Logger name Fridge 3 → Fridge 3a; Measuring cycle 5 → 15 min; 1 more"
    )


# --- conflicts -------------------------------------------------------------------------------------


def test_a_conflicts_field_and_values_in_words() -> None:
    base = {**DEVICE}
    mine = {**DEVICE, "name": "Mine", "measuring_cycle": 600000}
    server = {**DEVICE, "name": "Colleague", "measuring_cycle": 900000}
    conflicts = three_way_merge(base, mine, server).conflicts
    words = [describe_conflict("device", c.path, c.base, c.mine, c.server, NAMES) for c in conflicts]
    assert [(w.setting, w.base, w.mine, w.server) for w in words] == [
        ("Logger name", "Fridge 3", "Mine", "Colleague"),
        ("Measuring cycle", "5 min", "10 min", "15 min"),
    ]


def test_a_conflict_on_a_system_alarm_and_on_alarm_limits() -> None:
    path = ("alarms", ItemKey(("alarm_type",), ("CONNECTION_TIMEOUT",)), "severity")
    words = describe_conflict("device_alarms", path, "ASV_ALARM", "ASV_WARNING", MISSING)
    assert (words.setting, words.base, words.mine, words.server) == (
        "No-connection alarm",
        "Alarm",
        "Warning",
        "not set",
    )
    limits = ("channel_alarm_configurations", ItemKey(("logical_channel_uuid",), ("lc-temperature",)))
    sets = per_channel(("lc-temperature", fridge_conditions(10.0)))["channel_alarm_configurations"][0]
    words = describe_conflict(
        "measurement_alarms",
        (*limits, "measurementAlarmConditionSet"),
        MISSING,
        sets["measurementAlarmConditionSet"],
        [],
        NAMES,
    )
    assert words.setting == "Alarm limits of Internal temperature"
    assert words.mine == (
        "alarm below 2 °C, warning below 3 °C, warning above 7 °C, alarm above 10 °C, after 15 min"
    )
    assert words.server == "off"
    other = describe_conflict("device", ("firmware", "updateChannel"), 1, 2, 3)
    assert (other.setting, other.mine) == ("Other setting 'firmware › update channel'", "2")
