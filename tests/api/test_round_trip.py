"""GET -> edit one field -> PUT sends back every other field the server sent, nested unknown ones included."""

from __future__ import annotations

import copy
from typing import Any

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import (
    Device,
    LogicalChannel,
    MeasurementAlarmConfiguration,
    MeasuringObject,
    Sensor,
    SensorChannel,
    SystemAlarm,
    SystemAlarmConfiguration,
)
from tests.api import payloads as p
from tests.api.fakes import FakeApi, reply


def _echo(api: FakeApi) -> Any:
    return lambda request: reply(200, api.body(request))


def _serve(api: FakeApi, path: str, payload: dict[str, Any]) -> None:
    """GET `path` answers `payload`; PUT `path` answers what it is sent."""
    api.on("GET", path, reply(200, payload))
    api.on("PUT", path, _echo(api))


async def test_device_round_trip_keeps_firmware_and_capability_extras(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    path = f"/devices/{p.DEVICE_UUID}"
    _serve(api, path, p.device())

    device = await signed_in.get_device(p.SITE, p.DEVICE_UUID)
    edited = device.with_changes(measuring_cycle=300000)
    await signed_in.put_device(p.SITE, edited)

    expected = p.device()
    expected["measuring_cycle"] = 300000
    sent = api.body(api.calls("PUT", path)[0])
    assert sent == expected
    assert sent["firmware"]["build_date"] == "2026-03-01"
    assert sent["capability"]["alarm_buzzer"] == {"volume_levels": [0, 1, 2], "default": 1}
    assert sent["sensors_connections"][0]["slot_label"] == "internal"
    assert sent["valid_until"] is None  # an explicit null is sent back as null, not dropped


async def test_device_from_list_round_trips_after_nested_edit(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", reply(200, {"devices": [p.device()]}))
    api.on("PUT", f"/devices/{p.DEVICE_UUID}", _echo(api))
    (device,) = await signed_in.list_devices(p.SITE)
    assert device.capability is not None
    device.capability.display_measure_rows = 3  # validate_assignment marks it as set
    await signed_in.put_device(p.SITE, device)
    expected = p.device()
    expected["capability"]["display_measure_rows"] = 3
    assert api.body(api.requests[-1]) == expected


async def test_sensor_round_trip_keeps_channel_extras(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    _serve(api, f"/sensors/{p.SENSOR_UUID}", p.sensor())

    sensor = await signed_in.get_sensor(p.SITE, p.SENSOR_UUID)
    channel = sensor.channels[0].with_changes(offset=-0.3)
    result = await signed_in.put_sensor(p.SITE, sensor.with_changes(channels=[channel.to_payload()]))

    expected = p.sensor()
    expected["channels"][0]["offset"] = -0.3
    assert api.body(api.requests[-1]) == expected
    assert isinstance(result, Sensor) and isinstance(result.channels[0], SensorChannel)
    assert result.channels[0].to_payload()["range"] == {"min": -35.0, "max": 55.0}


async def test_system_alarm_round_trip_keeps_alarm_extras(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    _serve(api, f"/devices/{p.DEVICE_UUID}/alarm-configuration", p.system_alarms())

    config = await signed_in.get_device_alarm_configuration(p.SITE, p.DEVICE_UUID)
    config.alarms[1].enabled = True
    await signed_in.put_device_alarm_configuration(p.SITE, p.DEVICE_UUID, config)

    expected = p.system_alarms()
    expected["alarms"][1]["enabled"] = True
    assert api.body(api.requests[-1]) == expected
    assert isinstance(config, SystemAlarmConfiguration)


async def test_measurement_alarm_round_trip_keeps_condition_extras(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    _serve(api, f"/measuring-objects/{p.OBJECT_UUID}/alarm-configuration", p.measurement_alarms())

    config = await signed_in.get_measuring_object_alarm_configuration(p.SITE, p.OBJECT_UUID)
    upper_alarm = (
        config.channel_alarm_configurations[0].measurementAlarmConditionSet[0].measurementAlarmConditions[3]
    )
    upper_alarm.limitValue = 7.5
    stored = await signed_in.put_measuring_object_alarm_configuration(p.SITE, p.OBJECT_UUID, config)

    expected = copy.deepcopy(p.measurement_alarms())
    conditions = expected["channel_alarm_configurations"][0]["measurementAlarmConditionSet"][0]
    conditions["measurementAlarmConditions"][3]["limitValue"] = 7.5
    sent = api.body(api.requests[-1])
    assert sent == expected
    assert sent["channel_alarm_configurations"][0]["measurementAlarmConditionSet"][0]["schedule"] == {
        "always": True
    }
    assert conditions["measurementAlarmConditions"][3]["conditionUuid"] == "cond-MACT_UPPER_LIMIT-ASV_ALARM"
    assert isinstance(stored, MeasurementAlarmConfiguration) and stored.to_payload() == expected


async def test_a_model_built_by_the_app_sends_only_what_was_set(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("PUT", "/devices/d-1", _echo(api))
    await signed_in.put_device(p.SITE, Device(uuid="d-1", name="New logger"))
    assert api.body(api.requests[-1]) == {"uuid": "d-1", "name": "New logger"}


async def test_in_place_edits_of_default_lists_are_sent(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("POST", "/measuring-objects", lambda r: reply(201, {**FakeApi.body(r), "uuid": "mo-1"}))
    api.on("PUT", "/devices/d-1/alarm-configuration", _echo(api))
    obj = MeasuringObject(name="Fridge 3")
    obj.logical_channels.append(LogicalChannel(name="Door", physical_value_id="PV_DOOR_STATE"))
    config = SystemAlarmConfiguration()
    config.alarms.append(SystemAlarm(alarm_type="BATTERY_LOW", enabled=False))

    created = await signed_in.create_measuring_object(p.SITE, obj)
    await signed_in.put_device_alarm_configuration(p.SITE, "d-1", config)

    door = {"name": "Door", "physical_value_id": "PV_DOOR_STATE"}
    assert api.body(api.calls("POST", "/measuring-objects")[0]) == {
        "name": "Fridge 3",
        "logical_channels": [door],
    }
    assert [c.name for c in created.logical_channels] == ["Door"]
    assert api.body(api.requests[-1]) == {"alarms": [{"alarm_type": "BATTERY_LOW", "enabled": False}]}
    # A default left alone is still not sent.
    assert MeasuringObject(name="Fridge 4").to_payload() == {"name": "Fridge 4"}


async def test_nested_unknown_fields_nulls_and_odd_types_round_trip(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    served = p.device()
    served["firmware"] = None  # an explicit null for a modelled nested object
    served["sensors_connections"][0]["calibration"] = {  # unknown, inside a list element of the device
        "points": [
            {"at": -18.0, "deviation": None, "tags": []},
            {"at": 4, "deviation": 0.1, "tags": ["lab"]},
        ],
        "certificate": None,
    }
    served["capability"]["max_alarm_targets"] = "12"  # unknown with a type the app would not expect
    served["capability"]["future_flags"] = [True, 0, "", {}, [], None, 1.5e-9, 2**63]
    served["sensors_connections"].append(
        {"slot_index": 1, "sensor_uuid": "s-2", "connected": False, "x": None}
    )
    _serve(api, f"/devices/{p.DEVICE_UUID}", served)

    device = await signed_in.get_device(p.SITE, p.DEVICE_UUID)
    device.sensors_connections[1].connected = True  # edit inside the list, next to an unknown null
    stored = await signed_in.put_device(p.SITE, device)

    expected = copy.deepcopy(served)
    expected["sensors_connections"][1]["connected"] = True
    assert api.body(api.requests[-1]) == expected
    assert stored.to_payload() == expected
