from __future__ import annotations

import pytest

from saveris_desktop.api.models import MeasurementAlarmConfiguration
from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.core.devices.presets import PRESETS, apply_preset, preset, presets_for


@pytest.mark.parametrize("chosen", PRESETS, ids=lambda p: p.key)
def test_every_preset_passes_validation(chosen) -> None:
    limits = chosen.limits_for(chosen.unit)
    assert rules.validate(limits, channel_unit=chosen.unit) == {}


def test_fridge_is_2_to_8_celsius() -> None:
    limits = preset("fridge").limits_for("PU_DEGREE_CELSIUS")
    assert (limits.lower_alarm, limits.upper_alarm) == (2.0, 8.0)


def test_freezer_only_has_an_upper_alarm_at_minus_18() -> None:
    limits = preset("freezer").limits_for("PU_DEGREE_CELSIUS")
    assert limits.lower_alarm is None and limits.upper_alarm == -18.0


def test_room_and_humidity() -> None:
    room = preset("room").limits_for(None)
    assert (room.lower_alarm, room.upper_alarm) == (15.0, 25.0)
    humidity = preset("humidity").limits_for(None)
    assert (humidity.lower_alarm, humidity.upper_alarm, humidity.unit) == (30.0, 70.0, "PU_PERCENT_HUMIDITY")


def test_fahrenheit_channel_gets_converted_limits() -> None:
    limits = preset("fridge").limits_for("PU_DEGREE_FAHRENHEIT")
    assert (limits.lower_alarm, limits.upper_alarm, limits.hysteresis) == (35.6, 46.4, 0.9)
    assert rules.validate(limits, channel_unit="PU_DEGREE_FAHRENHEIT") == {}


def test_presets_for_a_property() -> None:
    assert [p.key for p in presets_for("PV_TEMPERATURE")] == ["fridge", "freezer", "room"]
    assert [p.key for p in presets_for("PV_HUMIDITY")] == ["humidity"]
    assert presets_for("PV_DOOR_STATE") == []


def test_apply_preset_sets_one_channel_and_keeps_the_rest() -> None:
    config = {
        "channel_alarm_configurations": [
            {"logical_channel_uuid": "other", "measurementAlarmConditionSet": [], "x": 1},
        ],
        "server_field": "kept",
    }
    result = apply_preset(config, logical_channel_uuid="lc-1", chosen=preset("fridge"), channel_unit=None)
    model = MeasurementAlarmConfiguration.model_validate(result)
    assert result["server_field"] == "kept"
    assert result["channel_alarm_configurations"][0] == config["channel_alarm_configurations"][0]
    target = model.channel_alarm_configurations[1]
    assert target.logical_channel_uuid == "lc-1"
    conditions = target.measurementAlarmConditionSet[0].measurementAlarmConditions
    assert sorted(c.limitValue for c in conditions) == [2.0, 3.0, 7.0, 8.0]
    assert {c.physicalUnitId for c in conditions} == {"PU_DEGREE_CELSIUS"}
    # The input is not changed in place.
    assert len(config["channel_alarm_configurations"]) == 1
