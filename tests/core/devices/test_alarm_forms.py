"""Alarm conditions as the real cloud may send them: codes or plain text, per channel or for the
whole object; whatever the form does not show goes back untouched."""

from __future__ import annotations

import copy

import pytest

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.core.devices.alarm_rules import ChannelInfo, ChannelLimits
from saveris_desktop.core.devices.presets import apply_preset, preset
from tests.api.payloads import TEXT_FRIDGE, alarm_condition

C = "PU_DEGREE_CELSIUS"


#: A third kind of limit and an unknown type id: the form shows neither.
RATE = {
    "measurementAlarmConditionTypeId": "MACT_RATE_OF_CHANGE",
    "alarmSeverityId": "ASV_ALARM",
    "physicalProperty": {"physicalValueId": "PV_TEMPERATURE"},
    "limitValue": 3,
    "physicalUnitId": C,
}
UNKNOWN_TYPE = {**alarm_condition("Upper limit", "Alarm", 30), "measurementAlarmConditionTypeId": 4711}


def test_plain_text_conditions_are_read_like_codes() -> None:
    limits = rules.limits_from_conditions(TEXT_FRIDGE, channel_unit=C, physical_value_id="PV_TEMPERATURE")
    assert limits == ChannelLimits(C, 2, 3, 7, 8, hysteresis=0.5, delay_ms=600_000)
    read = rules.read_condition(alarm_condition("lower LIMIT", "warning", 1.5, unit="°F"))
    assert read is not None and read.form == rules.TEXT
    assert (read.field, read.value_id, read.unit) == (
        rules.LOWER_WARNING,
        "PV_TEMPERATURE",
        "PU_DEGREE_FAHRENHEIT",
    )
    humidity = rules.read_condition(alarm_condition("Upper limit", "Alarm", 70, prop="Humidity", unit="%rF"))
    assert humidity is not None and (humidity.value_id, humidity.unit) == (
        "PV_HUMIDITY",
        "PU_PERCENT_HUMIDITY",
    )


def test_conditions_the_app_cannot_read_are_recognised() -> None:
    assert rules.read_condition(RATE) is None
    assert rules.read_condition(UNKNOWN_TYPE) is None
    assert rules.read_condition({**TEXT_FRIDGE[0], "limitValue": "two"}) is None
    assert rules.read_condition({**TEXT_FRIDGE[0], "physicalProperty": {"physicalValueId": "Lux"}}) is None
    assert rules.read_condition("Lower limit 2 °C") is None
    assert rules.read_condition({**TEXT_FRIDGE[0], "limitValue": "2.5"}).limit == 2.5  # a number as text


def test_editing_a_text_limit_keeps_the_text_form_and_every_unshown_condition() -> None:
    previous = [*TEXT_FRIDGE, RATE, UNKNOWN_TYPE]
    shown = rules.limits_from_conditions(previous, channel_unit=C, physical_value_id="PV_TEMPERATURE")
    edited = shown.with_limit(rules.UPPER_ALARM, 9.0)
    result = rules.conditions_from_limits(edited, physical_value_id="PV_TEMPERATURE", previous=previous)
    assert result == [*TEXT_FRIDGE[:3], {**TEXT_FRIDGE[3], "limitValue": 9.0}, RATE, UNKNOWN_TYPE]


def test_clearing_a_limit_removes_only_that_condition() -> None:
    previous = [*TEXT_FRIDGE, RATE]
    shown = rules.limits_from_conditions(previous, channel_unit=C, physical_value_id="PV_TEMPERATURE")
    result = rules.conditions_from_limits(
        shown.with_limit(rules.LOWER_WARNING, None), physical_value_id="PV_TEMPERATURE", previous=previous
    )
    assert result == [TEXT_FRIDGE[0], *TEXT_FRIDGE[2:], RATE]


def test_a_new_limit_takes_the_form_of_its_neighbours_or_of_the_object() -> None:
    previous = [TEXT_FRIDGE[3]]
    limits = rules.limits_from_conditions(previous, channel_unit=C).with_limit(rules.LOWER_ALARM, 2.0)
    result = rules.conditions_from_limits(limits, physical_value_id="PV_TEMPERATURE", previous=previous)
    assert result[1] == {**alarm_condition("Lower limit", "Alarm", 2.0)}
    # No neighbour on this channel: the form the server used for the object, codes if unknown.
    fresh = ChannelLimits("PU_PERCENT_HUMIDITY", upper_alarm=70)
    [text] = rules.conditions_from_limits(fresh, physical_value_id="PV_HUMIDITY", form=rules.TEXT)
    assert (text["measurementAlarmConditionTypeId"], text["physicalUnitId"]) == ("Upper limit", "%rF")
    assert text["physicalProperty"] == {"physicalValueId": "Humidity"}
    [code] = rules.conditions_from_limits(fresh, physical_value_id="PV_HUMIDITY")
    assert (code["measurementAlarmConditionTypeId"], code["physicalUnitId"]) == (
        "MACT_UPPER_LIMIT",
        "PU_PERCENT_HUMIDITY",
    )


def _top_level() -> dict:
    """A fresh document each call (deep copies), so editing the expected one cannot change the input."""
    document = {
        "measurementAlarmConditionSet": [
            {
                "measurementAlarmConditions": [
                    *TEXT_FRIDGE,
                    alarm_condition("Upper limit", "Alarm", 70, prop="Humidity", unit="%rF"),
                    RATE,
                ]
            },
            {
                "measurementAlarmConditions": [alarm_condition("Upper limit", "Alarm", 99)],
                "note": "second set",
            },
        ],
        "alarmConfigurationBackReference": "mo-1",
    }
    return copy.deepcopy(document)


CHANNELS = [
    ChannelInfo("lc-t", "PV_TEMPERATURE", C),
    ChannelInfo("lc-h", "PV_HUMIDITY", "PU_PERCENT_HUMIDITY"),
]


def test_top_level_condition_set_is_read_per_property_and_written_back_in_its_shape() -> None:
    config = _top_level()
    assert rules.is_top_level(config) and rules.conditions_key(config) == "measurementAlarmConditionSet"
    assert rules.configuration_form(config) == rules.TEXT
    conditions = rules.channel_conditions(config, "lc-t")
    limits = rules.limits_from_conditions(conditions, channel_unit=C, physical_value_id="PV_TEMPERATURE")
    assert (limits.lower_alarm, limits.upper_alarm) == (2, 8)
    edited = rules.conditions_from_limits(
        limits.with_limit(rules.UPPER_ALARM, 9.0), physical_value_id="PV_TEMPERATURE", previous=conditions
    )
    result = rules.with_conditions(config, "lc-t", edited)
    expected = _top_level()
    expected["measurementAlarmConditionSet"][0]["measurementAlarmConditions"][3]["limitValue"] = 9.0
    assert result == expected
    assert "channel_alarm_configurations" not in result
    assert config == _top_level()  # the input is not changed


def test_unshown_items_lists_what_the_form_cannot_show_in_either_shape() -> None:
    unshown = rules.unshown_items(_top_level(), CHANNELS)
    assert [(i.what, i.raw) for i in unshown] == [
        ("condition", RATE),
        ("condition set", _top_level()["measurementAlarmConditionSet"][1]),
    ]
    wrapped = {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": "lc-t",
                "measurementAlarmConditionSet": [
                    {"measurementAlarmConditions": [*TEXT_FRIDGE, UNKNOWN_TYPE]}
                ],
            },
            {
                "logical_channel_uuid": "lc-gone",
                "measurementAlarmConditionSet": [{"measurementAlarmConditions": [RATE]}],
            },
            {"channel": "no uuid at all"},
            {"logical_channel_uuid": "lc-h", "measurementAlarmConditionSet": "not a list"},
        ]
    }
    unshown = rules.unshown_items(wrapped, CHANNELS)
    assert [(i.what, i.channel_uuid) for i in unshown] == [
        ("condition", "lc-t"),
        ("channel configuration", "lc-gone"),
        ("channel configuration", None),
        ("channel configuration", "lc-h"),
    ]
    assert unshown[0].raw == UNKNOWN_TYPE


def test_a_channel_configuration_the_app_cannot_read_survives_an_edit_of_another_channel() -> None:
    odd = {"logical_channel_uuid": "lc-h", "measurementAlarmConditionSet": "not a list"}
    config = {"channel_alarm_configurations": [odd, "a string"]}
    conditions = rules.conditions_from_limits(
        ChannelLimits(C, upper_alarm=8), physical_value_id="PV_TEMPERATURE"
    )
    result = rules.with_conditions(config, "lc-t", conditions)
    assert result["channel_alarm_configurations"][:2] == [odd, "a string"]
    assert result["channel_alarm_configurations"][2]["logical_channel_uuid"] == "lc-t"


def test_a_preset_on_a_text_form_object_is_written_in_text_and_keeps_the_rest() -> None:
    config = _top_level()
    result = apply_preset(config, logical_channel_uuid="lc-h", chosen=preset("humidity"), channel_unit="%rF")
    conditions = result["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    assert conditions[:4] == TEXT_FRIDGE and conditions[5] == RATE
    assert conditions[4]["limitValue"] == 70 and conditions[4]["limitHysteresis"] == 2.0
    added = conditions[6:]
    assert {c["measurementAlarmConditionTypeId"] for c in added} == {"Lower limit", "Upper limit"}
    assert {c["physicalUnitId"] for c in added} == {"%rF"}
    assert result["alarmConfigurationBackReference"] == "mo-1"
    assert result["measurementAlarmConditionSet"][1] == copy.deepcopy(
        _top_level()["measurementAlarmConditionSet"][1]
    )


def test_a_channel_whose_configuration_cannot_be_read_is_never_overwritten() -> None:
    config = {
        "channel_alarm_configurations": [
            {"logical_channel_uuid": "lc-h", "measurementAlarmConditionSet": "?"}
        ]
    }
    assert not rules.channel_readable(config, "lc-h")
    assert rules.channel_readable(config, "lc-t") and rules.channel_readable({}, "lc-t")
    assert not rules.channel_readable(
        {"measurementAlarmConditionSet": [{"measurementAlarmConditions": 7}]}, "x"
    )
    with pytest.raises(ValueError, match="cannot be read"):
        rules.with_conditions(config, "lc-h", [])
