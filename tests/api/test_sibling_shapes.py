"""Payloads in the shapes seen in testo's related APIs [R] survive a round trip through the models:
alarm conditions in codes or plain text, per channel or as one top-level set, measuring objects
without a name under `measuring_object_uuid`/`mo_uuid`, sensor channels numbered from 1."""

from __future__ import annotations

import copy

import pytest

from saveris_desktop.api.client import same_measuring_object
from saveris_desktop.api.models import (
    LogicalChannel,
    MeasurementAlarmConfiguration,
    MeasuringInstructionSet,
    MeasuringObject,
    MeasuringObjectList,
    Sensor,
    SensorChannelRef,
)
from tests.api.payloads import alarm_condition

CODES = [
    alarm_condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0, prop="PV_TEMPERATURE", unit="PU_DEGREE_CELSIUS"),
    alarm_condition("MACT_UPPER_LIMIT", "ASV_WARNING", 7.0, prop="PV_TEMPERATURE", unit="PU_DEGREE_CELSIUS"),
]
TEXT = [
    alarm_condition("Lower limit", "Alarm", 2.0, prop="Temperature", unit="°C"),
    alarm_condition("Upper limit", "Warning", 65.0, prop="Humidity", unit="%rF"),
    alarm_condition("Upper limit", "Alarm", 1.0, prop="Door", unit=""),
]
UNREADABLE = [
    {"measurementAlarmConditionTypeId": "MACT_RATE_OF_CHANGE", "limitValue": "fast"},
    "Lower limit 2 °C",
    {"measurementAlarmConditionTypeId": 4711, "physicalProperty": "Temperature"},
]


@pytest.mark.parametrize("conditions", [CODES, TEXT, [*TEXT, *UNREADABLE]], ids=["codes", "text", "odd"])
def test_per_channel_configuration_round_trips_in_either_form(conditions: list) -> None:
    payload = {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": "lc-1",
                "measurementAlarmConditionSet": [{"measurementAlarmConditions": conditions, "setId": 1}],
                "escalation": "shift lead",
            },
            {"logical_channel_uuid": None, "measurementAlarmConditionSet": "unreadable"},
            "not even an object",
        ],
        "updated_at": "2026-11-28T08:00:00Z",
    }
    model = MeasurementAlarmConfiguration.model_validate(copy.deepcopy(payload))
    assert model.to_payload() == payload
    assert MeasurementAlarmConfiguration.model_validate(model.to_payload()).to_payload() == payload


@pytest.mark.parametrize("conditions", [CODES, TEXT, [*CODES, *UNREADABLE]], ids=["codes", "text", "odd"])
def test_top_level_condition_set_round_trips_without_gaining_the_per_channel_key(conditions: list) -> None:
    payload = {
        "measurementAlarmConditionSet": [{"measurementAlarmConditions": conditions}],
        "alarmConfigurationBackReference": "mo-4711",
    }
    sent = MeasurementAlarmConfiguration.model_validate(copy.deepcopy(payload)).to_payload()
    assert sent == payload
    assert "channel_alarm_configurations" not in sent


SIBLING_ROW = {
    "measuring_object_uuid": "mo-1",
    "customer_site": "Pharmacy",
    "measurement_alarm_configuration": '{"measurementAlarmConditionSet": []}',
    "channel_assignments": [{"channel_id": 9241001, "equipment_parts_uuid": "sensor-1"}],
    "measuring_instructions": {"measuring_rate_ms": 900000},
}


@pytest.mark.parametrize("key", ["measuring_object_uuid", "mo_uuid"])
def test_nameless_object_with_a_sibling_uuid_key_is_read_and_sent_back_under_that_key(key: str) -> None:
    row = {key: "mo-1", **{k: v for k, v in SIBLING_ROW.items() if k != "measuring_object_uuid"}}
    obj = MeasuringObject.model_validate(copy.deepcopy(row))
    assert obj.uuid == "mo-1" and obj.name is None
    assert obj.label == "Unnamed object (mo-1)"
    assert [(a.channel_id, a.equipment_parts_uuid) for a in obj.assignments()] == [(9241001, "sensor-1")]
    assert obj.to_payload() == row  # no "uuid" and no "name" added
    assert obj.with_changes(description="Door side").to_payload() == {**row, "description": "Door side"}
    listed = MeasuringObjectList.model_validate(
        {"measuring_objects": [row, {"uuid": "u2", "name": "Fridge"}]}
    )
    assert [o.uuid for o in listed.measuring_objects] == ["mo-1", "u2"]
    assert listed.to_payload()["measuring_objects"][0] == row


def test_channel_assignments_that_are_not_a_list_are_kept_as_received() -> None:
    row = {"mo_uuid": "mo-2", "channel_assignments": '[{"channel_id": 9241001}]'}
    obj = MeasuringObject.model_validate(row)
    assert obj.assignments() == []
    assert obj.to_payload() == row


def test_measuring_rate_is_the_measuring_cycle_and_goes_back_under_its_own_key() -> None:
    instructions = MeasuringInstructionSet.model_validate({"measuring_rate_ms": 900000})
    assert instructions.measuring_cycle == 900000
    assert instructions.to_payload() == {"measuring_rate_ms": 900000}
    instructions.measuring_cycle = 300000
    assert instructions.to_payload() == {"measuring_rate_ms": 300000}


def test_sensor_channels_numbered_from_one_with_plain_text_names_round_trip() -> None:
    payload = {
        "uuid": "sensor-1",
        "channels": [
            {
                "channel_id": 9241001,
                "channel_no": 1,
                "physical_property_name": "Temperature",
                "physical_unit": "°C",
            },
            {
                "channel_id": 9241002,
                "channel_no": 2,
                "physical_property_name": "Humidity",
                "physical_unit": "%rF",
            },
        ],
    }
    sensor = Sensor.model_validate(copy.deepcopy(payload))
    first, second = sensor.channels
    assert (first.channel_index, first.physical_value_id, first.physical_unit_id) == (0, "Temperature", "°C")
    assert (second.channel_index, second.cloud_channel_id) == (1, 9241002)
    assert sensor.to_payload() == payload
    first.physical_unit_id = "°F"  # the sensors tab switches the unit: sent under the key it came under
    assert sensor.to_payload()["channels"][0] == {**payload["channels"][0], "physical_unit": "°F"}


def _created() -> MeasuringObject:
    return MeasuringObject(
        name="Vaccine fridge",
        logical_channels=[
            LogicalChannel(
                name="Temperature",
                physical_value_id="PV_TEMPERATURE",
                sensor_channel=SensorChannelRef(sensor_uuid="sensor-1", channel_index=0),
            )
        ],
    )


def test_the_object_just_created_is_recognised_in_a_sibling_shaped_listing() -> None:
    listed = MeasuringObject.model_validate(SIBLING_ROW)
    assert same_measuring_object(_created(), listed)
    named = MeasuringObject.model_validate({**SIBLING_ROW, "name": "Vaccine fridge "})
    assert same_measuring_object(_created(), named)
    other_name = MeasuringObject.model_validate({**SIBLING_ROW, "name": "Freezer"})
    assert not same_measuring_object(_created(), other_name)
    other_sensor = MeasuringObject.model_validate(
        {**SIBLING_ROW, "channel_assignments": [{"channel_id": 1, "equipment_parts_uuid": "sensor-2"}]}
    )
    assert not same_measuring_object(_created(), other_sensor)
    assert same_measuring_object(_created(), _created())
