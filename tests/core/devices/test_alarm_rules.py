from __future__ import annotations

import pytest

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.core.devices.alarm_rules import ChannelLimits, validate
from saveris_desktop.core.devices.ranges import DurationRange

C = "PU_DEGREE_CELSIUS"
FRIDGE = ChannelLimits(C, lower_alarm=2, lower_warning=3, upper_warning=7, upper_alarm=8, hysteresis=0.5)


def test_a_sound_fridge_passes() -> None:
    assert validate(FRIDGE, channel_unit=C) == {}


def test_lower_alarm_must_be_below_upper_alarm() -> None:
    problems = validate(ChannelLimits(C, lower_alarm=8, upper_alarm=2), channel_unit=C)
    assert set(problems) == {rules.UPPER_ALARM}
    assert "above the lower alarm" in problems[rules.UPPER_ALARM]


def test_equal_alarms_are_refused() -> None:
    assert rules.UPPER_ALARM in validate(ChannelLimits(C, lower_alarm=5, upper_alarm=5), channel_unit=C)


def test_lower_warning_outside_the_band_is_refused() -> None:
    problems = validate(FRIDGE.with_limit(rules.LOWER_WARNING, 1.0), channel_unit=C)
    assert set(problems) == {rules.LOWER_WARNING}
    assert "2 °C" in problems[rules.LOWER_WARNING]


def test_upper_warning_outside_the_band_is_refused() -> None:
    problems = validate(FRIDGE.with_limit(rules.UPPER_WARNING, 8.0), channel_unit=C)
    assert set(problems) == {rules.UPPER_WARNING}
    assert "below 8 °C" in problems[rules.UPPER_WARNING]


def test_crossed_warnings_are_refused() -> None:
    limits = FRIDGE.with_limit(rules.LOWER_WARNING, 6.0).with_limit(rules.UPPER_WARNING, 4.0)
    assert set(validate(limits, channel_unit=C)) == {rules.UPPER_WARNING}


def test_negative_hysteresis_is_refused() -> None:
    problems = validate(ChannelLimits(C, upper_alarm=8, hysteresis=-0.1), channel_unit=C)
    assert problems == {rules.HYSTERESIS: "Hysteresis cannot be negative."}


def test_hysteresis_as_wide_as_the_band_is_refused() -> None:
    problems = validate(ChannelLimits(C, lower_alarm=2, upper_alarm=8, hysteresis=6), channel_unit=C)
    assert set(problems) == {rules.HYSTERESIS}
    assert "alarm band (6 °C)" in problems[rules.HYSTERESIS]
    assert validate(ChannelLimits(C, lower_alarm=2, upper_alarm=8, hysteresis=5.9), channel_unit=C) == {}


def test_delay_outside_the_range_names_the_range() -> None:
    problems = validate(ChannelLimits(C, upper_alarm=8, delay_ms=25 * 3_600_000), channel_unit=C)
    assert set(problems) == {rules.DELAY}
    assert "0 s … 24 h" in problems[rules.DELAY]
    narrow = DurationRange(60_000, 3_600_000)
    assert (
        "1 min … 1 h"
        in validate(ChannelLimits(C, upper_alarm=8), channel_unit=C, delay_range=narrow)[rules.DELAY]
    )


def test_unit_must_be_that_of_the_channel() -> None:
    problems = validate(ChannelLimits("PU_PERCENT_HUMIDITY", upper_alarm=8), channel_unit=C)
    assert set(problems) == {rules.UNIT}
    assert "°C" in problems[rules.UNIT]


def test_one_message_per_field_even_with_several_problems() -> None:
    limits = ChannelLimits(C, lower_alarm=2, lower_warning=1, upper_warning=9, upper_alarm=8, hysteresis=-1)
    problems = validate(limits, channel_unit=C)
    assert set(problems) == {rules.LOWER_WARNING, rules.UPPER_WARNING, rules.HYSTERESIS}
    assert all(isinstance(message, str) and message for message in problems.values())


@pytest.mark.parametrize("field", rules.LIMIT_FIELDS)
def test_single_limit_is_valid(field: str) -> None:
    assert validate(ChannelLimits(C).with_limit(field, 4.0), channel_unit=C) == {}


def test_conditions_round_trip_and_keep_unknown_fields() -> None:
    previous = [
        {
            "measurementAlarmConditionTypeId": rules.UPPER,
            "alarmSeverityId": rules.ALARM,
            "physicalProperty": {"physicalValueId": "PV_TEMPERATURE", "vendor": 1},
            "limitValue": 10,
            "physicalUnitId": C,
            "serverId": "keep-me",
        }
    ]
    raw = rules.conditions_from_limits(FRIDGE, physical_value_id="PV_TEMPERATURE", previous=previous)
    assert len(raw) == 4
    upper = next(
        c
        for c in raw
        if c["measurementAlarmConditionTypeId"] == rules.UPPER and c["alarmSeverityId"] == rules.ALARM
    )
    assert upper["serverId"] == "keep-me"
    assert upper["physicalProperty"]["vendor"] == 1
    assert upper["limitValue"] == 8
    back = rules.limits_from_conditions(raw, channel_unit=C, physical_value_id="PV_TEMPERATURE")
    assert back == FRIDGE


def test_describe() -> None:
    text = rules.describe(ChannelLimits(C, lower_alarm=2, upper_alarm=8, delay_ms=900_000))
    assert text == "alarm < 2 °C / > 8 °C, after 15 min"
    assert rules.describe(ChannelLimits(C)) == "no limits"


def test_hysteresis_as_wide_as_the_warning_band_is_refused() -> None:
    limits = ChannelLimits(C, lower_alarm=0, lower_warning=4, upper_warning=5, upper_alarm=10, hysteresis=1)
    problems = validate(limits, channel_unit=C)
    assert set(problems) == {rules.HYSTERESIS}
    assert "warning band (1 °C)" in problems[rules.HYSTERESIS]


# --- one channel inside a whole alarm configuration -------------------------------------------


def _configuration() -> dict:
    return {
        "vendor_note": "kept",
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": "other",
                "measurementAlarmConditionSet": [{"measurementAlarmConditions": []}],
            },
            {
                "logical_channel_uuid": "lc-1",
                "escalation": "shift lead",
                "measurementAlarmConditionSet": [
                    {"set_id": "s1", "measurementAlarmConditions": [{"limitValue": 8.0, "extra": 1}]},
                    {"set_id": "s2", "measurementAlarmConditions": [{"limitValue": 99.0}]},
                ],
            },
        ],
    }


def test_channel_conditions_reads_the_first_set_of_that_channel_only() -> None:
    assert rules.channel_conditions(_configuration(), "lc-1") == [{"limitValue": 8.0, "extra": 1}]
    assert rules.channel_conditions(_configuration(), "missing") == []
    assert rules.channel_conditions({}, "lc-1") == []


def test_with_channel_conditions_replaces_the_first_set_and_keeps_everything_else() -> None:
    config = _configuration()
    channels = rules.with_channel_conditions(config, "lc-1", [{"limitValue": 2.0}])
    assert channels[0] == config["channel_alarm_configurations"][0]
    target = channels[1]
    assert target["escalation"] == "shift lead"
    assert target["measurementAlarmConditionSet"] == [
        {"set_id": "s1", "measurementAlarmConditions": [{"limitValue": 2.0}]},
        {"set_id": "s2", "measurementAlarmConditions": [{"limitValue": 99.0}]},
    ]
    assert config == _configuration()  # the input is not changed


def test_with_channel_conditions_adds_a_new_channel_only_when_there_is_something_to_set() -> None:
    config = _configuration()
    assert rules.with_channel_conditions(config, "new", []) == config["channel_alarm_configurations"]
    channels = rules.with_channel_conditions(config, "new", [{"limitValue": 1.0}])
    assert channels[-1] == {
        "logical_channel_uuid": "new",
        "measurementAlarmConditionSet": [{"measurementAlarmConditions": [{"limitValue": 1.0}]}],
    }


def test_same_limits_tolerates_the_rounding_of_shown_values_only() -> None:
    fahrenheit = ChannelLimits("PU_DEGREE_FAHRENHEIT", lower_alarm=35.6, upper_alarm=46.4, hysteresis=0.9)
    typed_back = ChannelLimits(
        "PU_DEGREE_FAHRENHEIT", lower_alarm=35.6000001, upper_alarm=46.4, hysteresis=0.9000000001
    )
    assert rules.same_limits(fahrenheit, typed_back)
    assert not rules.same_limits(FRIDGE, FRIDGE.with_limit(rules.LOWER_ALARM, 2.1))
    assert not rules.same_limits(FRIDGE, FRIDGE.with_limit(rules.LOWER_WARNING, None))
    assert not rules.same_limits(FRIDGE, ChannelLimits("PU_DEGREE_FAHRENHEIT", 2, 3, 7, 8, 0.5))
    assert not rules.same_limits(FRIDGE, ChannelLimits(C, 2, 3, 7, 8, 0.5, delay_ms=60_000))
