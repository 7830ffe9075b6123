"""The documented onboarding, step by step, through the project's client and the control API.

Shared by the in-process test and the loopback test, so both walk exactly the same path. The
"physical" steps (button, the logger's configuration page, time passing) go through the HTTP
control API, as a browser on the logger's hotspot and the technician's waiting would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import (
    ChannelAlarmConfiguration,
    Device,
    GlobalSettings,
    LogicalChannel,
    MeasurementAlarmCondition,
    MeasurementAlarmConditionSet,
    MeasurementAlarmConfiguration,
    MeasuringInstructionSet,
    MeasuringObject,
    PhysicalProperty,
    Sensor,
    SensorChannelRef,
    SystemAlarm,
    SystemAlarmConfiguration,
)
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME
from saveris_desktop.simulator.world import World

SITE = "Bakery Main Street"
WIFI = ("Bakery-Staff", "flour-and-water-42")


@dataclass
class Onboarded:
    connect_key: str
    device: Device
    measuring_object: MeasuringObject


def _condition(kind: str, severity: str, limit: float) -> MeasurementAlarmCondition:
    return MeasurementAlarmCondition(
        measurementAlarmConditionTypeId=kind,
        alarmSeverityId=severity,
        physicalProperty=PhysicalProperty(physicalValueId="PV_TEMPERATURE"),
        limitValue=limit,
        limitHysteresis=0.5,
        delay=600_000,
        physicalUnitId="PU_DEGREE_CELSIUS",
    )


async def find_logger(
    client: DeviceManagementClient, control: httpx.AsyncClient, kind: str = "qsr_temperature_humidity"
) -> tuple[str, Device]:
    """Sign-in -> site -> time zone -> the logger joins -> listed, with documented operations only.

    Returns the connect key and the logger's device as `GET /devices` lists it. Runs unchanged
    against both simulator profiles: nothing here reads an operation testo's overview leaves out.
    """
    # 1. token
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    # 2. site and connect key: asking again answers the same key
    key = await client.create_connect_key(SITE)
    assert key.site == SITE and re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", key.connect_key)
    assert (await client.create_connect_key(SITE)).connect_key == key.connect_key
    assert (await client.get_connect_key(SITE)).connect_key == key.connect_key
    # 3. timezone (the answer to the PUT is all the documented operations tell)
    stored = await client.put_global_settings(SITE, GlobalSettings(timezone="Europe/Berlin"))
    assert stored.timezone == "Europe/Berlin"

    # 4. a logger in hotspot mode: a short press does nothing, 3 seconds open the hotspot
    logger = (await control.post("/_sim/loggers", json={"kind": kind})).json()
    assert logger["led"] == "off"
    assert (await control.get(f"/_sim/loggers/{logger['id']}/config")).status_code == 409
    short = (await control.post(f"/_sim/loggers/{logger['id']}/button", json={"seconds": 1.0})).json()
    assert short["logger"]["led"] == "off" and "ignored" in short["message"]
    held = (await control.post(f"/_sim/loggers/{logger['id']}/button", json={"seconds": 3.0})).json()
    assert held["logger"]["led"] == "hotspot"
    page = await control.get(f"/_sim/loggers/{logger['id']}/config")
    assert page.status_code == 200 and 'name="accountId"' in page.text

    # 5. the configuration page, filled in with the connect key
    saved = await control.post(
        f"/_sim/loggers/{logger['id']}/config",
        data={"accountId": key.connect_key, "wifi_ssid": WIFI[0], "wifi_password": WIFI[1]},
    )
    assert saved.status_code == 200 and "Saved." in saved.text, saved.text
    assert (await control.get(f"/_sim/loggers/{logger['id']}")).json()["led"] == "connecting"

    # 6. the logger joins after its delay and appears in GET /devices
    assert await client.list_devices(SITE) == []
    await control.post("/_sim/time", json={"advance": 8.0})
    devices = await client.list_devices(SITE)
    assert [d.serial_number for d in devices] == [logger["serial_number"]]
    device = devices[0]
    assert (await control.get(f"/_sim/loggers/{logger['id']}")).json()["led"] == "normal"
    assert device.product_family == "PF_ANY" and device.customer_site == SITE
    assert device.capability is not None and device.capability.measuring_cycle_min == 60_000
    return key.connect_key, device


async def onboard(client: DeviceManagementClient, control: httpx.AsyncClient) -> Onboarded:
    """The whole documented procedure, each step read back through the single-resource reads."""
    connect_key, device = await find_logger(client, control)
    assert (await client.get_global_settings(SITE)).timezone == "Europe/Berlin"

    # 7. device settings, written and read back; fields the client does not model survive
    extras_before = {
        key: value for key, value in device.to_payload().items() if key not in Device.model_fields
    }
    assert {"product_type", "connection", "hardware_revision"} <= extras_before.keys()
    changed = device.with_changes(name="Cold room 1", measuring_cycle=600_000, communication_cycle=1_800_000)
    await client.put_device(SITE, changed)
    device = await client.get_device(SITE, device.uuid)
    assert (device.name, device.measuring_cycle, device.communication_cycle) == (
        "Cold room 1",
        600_000,
        1_800_000,
    )
    extras_after = {
        key: value for key, value in device.to_payload().items() if key not in Device.model_fields
    }
    assert {k: v for k, v in extras_after.items() if k != "last_modified"} == {
        k: v for k, v in extras_before.items() if k != "last_modified"
    }
    assert device.capability.model_extra == {
        "memory_size_values": 10_000,
        "wifi_bands": ["2.4GHz"],
        "buzzer": False,
    }

    # 8. sensor: channel names and an offset
    sensor_uuid = device.sensors_connections[0].sensor_uuid
    sensor = await client.get_sensor(SITE, sensor_uuid)
    assert [c.physical_value_id for c in sensor.channels] == ["PV_TEMPERATURE", "PV_HUMIDITY"]
    channels = [sensor.channels[0].with_changes(name="Air", offset=-0.3), sensor.channels[1]]
    await client.put_sensor(SITE, sensor.with_changes(name="Cold room probe", channels=channels))
    sensor = await client.get_sensor(SITE, sensor_uuid)
    assert sensor.name == "Cold room probe"
    assert (sensor.channels[0].name, sensor.channels[0].offset) == ("Air", -0.3)
    assert sensor.channels[0].model_extra["measuring_range"] == {"min": -30.0, "max": 50.0}

    # 9. device alarms: battery warning only after a day, power loss alarm off
    alarms = await client.get_device_alarm_configuration(SITE, device.uuid)
    assert {a.alarm_type for a in alarms.alarms} == {"BATTERY_LOW", "CONNECTION_TIMEOUT"}
    edited = [
        a.with_changes(severity="ASV_WARNING", delay=86_400_000) if a.alarm_type == "BATTERY_LOW" else a
        for a in alarms.alarms
    ]
    await client.put_device_alarm_configuration(SITE, device.uuid, alarms.with_changes(alarms=edited))
    alarms = await client.get_device_alarm_configuration(SITE, device.uuid)
    battery = next(a for a in alarms.alarms if a.alarm_type == "BATTERY_LOW")
    assert (battery.severity, battery.delay, battery.enabled) == ("ASV_WARNING", 86_400_000, True)

    # 10. a measuring object whose logical channels are fed by the logger's sensor
    created = await client.create_measuring_object(
        SITE,
        MeasuringObject(
            name="Cold room 1",
            logical_channels=[
                LogicalChannel(
                    name="Air temperature",
                    physical_value_id="PV_TEMPERATURE",
                    sensor_channel=SensorChannelRef(sensor_uuid=sensor_uuid, channel_index=0),
                ),
                LogicalChannel(
                    name="Humidity",
                    physical_value_id="PV_HUMIDITY",
                    sensor_channel=SensorChannelRef(sensor_uuid=sensor_uuid, channel_index=1),
                ),
            ],
        ),
    )
    assert created.uuid and all(channel.uuid for channel in created.logical_channels)
    read = await client.get_measuring_object(SITE, created.uuid)
    assert read.to_payload() == created.to_payload()
    assert [o.uuid for o in await client.list_measuring_objects(SITE)] == [created.uuid]
    temperature = read.logical_channels[0]
    assert temperature.physical_unit_id == "PU_DEGREE_CELSIUS"
    assert temperature.sensor_channel is not None and temperature.sensor_channel.sensor_uuid == sensor_uuid

    # 11. its instruction set
    await client.put_measuring_instruction_set(
        SITE, created.uuid, MeasuringInstructionSet(measuring_cycle=300_000, communication_cycle=900_000)
    )
    instructions = await client.get_measuring_instruction_set(SITE, created.uuid)
    assert (instructions.measuring_cycle, instructions.communication_cycle) == (300_000, 900_000)

    # 12. its measurement alarm configuration: four limits on the temperature channel
    conditions = [
        _condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0),
        _condition("MACT_LOWER_LIMIT", "ASV_WARNING", 3.0),
        _condition("MACT_UPPER_LIMIT", "ASV_WARNING", 7.0),
        _condition("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0),
    ]
    config = MeasurementAlarmConfiguration(
        channel_alarm_configurations=[
            ChannelAlarmConfiguration(
                logical_channel_uuid=temperature.uuid,
                measurementAlarmConditionSet=[
                    MeasurementAlarmConditionSet(measurementAlarmConditions=conditions)
                ],
            )
        ]
    )
    await client.put_measuring_object_alarm_configuration(SITE, created.uuid, config)
    stored = await client.get_measuring_object_alarm_configuration(SITE, created.uuid)
    assert len(stored.channel_alarm_configurations) == 1
    stored_conditions = stored.channel_alarm_configurations[0].measurementAlarmConditionSet[0]
    assert [c.to_payload() for c in stored_conditions.measurementAlarmConditions] == [
        c.to_payload() for c in conditions
    ]
    return Onboarded(connect_key, device, read)


async def set_up_logger(client: DeviceManagementClient, device: Device) -> Device:
    """Device settings, device alarms and a sensor's name with documented operations only.

    Each write is checked in its answer and, for the device, in a fresh `GET /devices` (the only
    documented read); fields the client does not model must come back unchanged.
    """
    extras_before = {k: v for k, v in device.to_payload().items() if k not in Device.model_fields}
    changed = device.with_changes(name="Cold room 1", measuring_cycle=600_000, communication_cycle=1_800_000)
    await client.put_device(SITE, changed)
    (device,) = [d for d in await client.list_devices(SITE) if d.uuid == device.uuid]
    assert (device.name, device.measuring_cycle, device.communication_cycle) == (
        "Cold room 1",
        600_000,
        1_800_000,
    )
    extras_after = {k: v for k, v in device.to_payload().items() if k not in Device.model_fields}
    assert {k: v for k, v in extras_after.items() if k != "last_modified"} == {
        k: v for k, v in extras_before.items() if k != "last_modified"
    }
    # A complete alarm document needs no read first: battery warning after a day, timeout as usual.
    alarms = SystemAlarmConfiguration(
        alarms=[
            SystemAlarm(alarm_type="BATTERY_LOW", enabled=True, severity="ASV_WARNING", delay=86_400_000),
            SystemAlarm(alarm_type="CONNECTION_TIMEOUT", enabled=True, severity="ASV_ALARM", delay=3_600_000),
        ]
    )
    stored = await client.put_device_alarm_configuration(SITE, device.uuid, alarms)
    assert [(a.alarm_type, a.severity, a.delay) for a in stored.alarms] == [
        ("BATTERY_LOW", "ASV_WARNING", 86_400_000),
        ("CONNECTION_TIMEOUT", "ASV_ALARM", 3_600_000),
    ]
    sensor_uuid = device.sensors_connections[0].sensor_uuid
    assert sensor_uuid is not None
    sensor = await client.put_sensor(SITE, Sensor(uuid=sensor_uuid, name="Cold room probe"))
    assert sensor.name == "Cold room probe"
    return device


async def measuring_object_with_alarms(client: DeviceManagementClient, device: Device) -> str:
    """A measuring object fed by the logger, its instruction set and alarm limits, documented only.

    Returns the object's uuid. Only what both answer shapes carry is checked here (the sibling shape
    has no name, `measuring_rate_ms`, alarm values in plain text); callers check what the server stored
    with `check_measuring_object`.
    """
    sensor_uuid = device.sensors_connections[0].sensor_uuid
    assert sensor_uuid is not None
    created = await client.create_measuring_object(
        SITE,
        MeasuringObject(
            name="Cold room 1",
            logical_channels=[
                LogicalChannel(
                    name="Air temperature",
                    physical_value_id="PV_TEMPERATURE",
                    sensor_channel=SensorChannelRef(sensor_uuid=sensor_uuid, channel_index=0),
                )
            ],
        ),
    )
    assert created.uuid
    (temperature,) = created.logical_channels
    assert temperature.uuid
    await client.put_measuring_instruction_set(
        SITE, created.uuid, MeasuringInstructionSet(measuring_cycle=300_000, communication_cycle=900_000)
    )
    conditions = [
        _condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0),
        _condition("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0),
    ]
    config = MeasurementAlarmConfiguration(
        channel_alarm_configurations=[
            ChannelAlarmConfiguration(
                logical_channel_uuid=temperature.uuid,
                measurementAlarmConditionSet=[
                    MeasurementAlarmConditionSet(measurementAlarmConditions=conditions)
                ],
            )
        ]
    )
    stored = await client.put_measuring_object_alarm_configuration(SITE, created.uuid, config)
    (channel,) = stored.channel_alarm_configurations
    assert [c.limitValue for c in channel.measurementAlarmConditionSet[0].measurementAlarmConditions] == [
        2.0,
        8.0,
    ]
    return created.uuid


def check_measuring_object(world: World, object_uuid: str, sensor_uuid: str) -> None:
    """What the server stored from `measuring_object_with_alarms`, whatever shape it answered in."""
    stored = world.measuring_objects[object_uuid]
    assert stored["name"] == "Cold room 1"
    assert stored["logical_channels"][0]["sensor_channel"] == {"sensor_uuid": sensor_uuid, "channel_index": 0}
    assert world.instruction_sets[object_uuid]["measuring_cycle"] == 300_000
    (channel,) = world.object_alarms[object_uuid]["channel_alarm_configurations"]
    limits = channel["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    assert [(c["measurementAlarmConditionTypeId"], c["limitValue"]) for c in limits] == [
        ("MACT_LOWER_LIMIT", 2.0),
        ("MACT_UPPER_LIMIT", 8.0),
    ]
