"""A new measuring object and its alarm preset, the way the app's dialogs build them.

The create-object dialog and `saveris-cli object create` build each logical channel from the sensor
channel that feeds it (its physical value and unit come from the sensor, so they always match) and
check the channel list by the same rules. Where the cloud does not let us read a sensor's channels
(`GET /sensors/{uuid}` is not among testo's documented operations), the technician names the channel
by its number and says what it measures (`logical_channel_by_number`); the cloud checks the rest and
refuses in its own words if the channel measures something else.

The objects tab's "Apply alarm preset" and the CLI's `--preset` set a preset on every logical
channel that measures the preset's value and send the whole measurement alarm configuration.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, Protocol

from saveris_desktop.api.errors import NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import (
    LogicalChannel,
    MeasurementAlarmConfiguration,
    MeasuringObject,
    Sensor,
    SensorChannel,
    SensorChannelRef,
)
from saveris_desktop.core.devices.presets import AlarmPreset, apply_preset
from saveris_desktop.core.devices.units import VALUE_NAMES, value_id_of, value_name

#: (sensor uuid, channel index): one sensor channel
ChannelKey = tuple[str, int]


class ChannelProblem(StrEnum):
    """Why a logical channel of a new object cannot be created as given; callers word it."""

    NO_NAME = "no_name"
    DUPLICATE_NAME = "duplicate_name"
    NO_SENSOR_CHANNEL = "no_sensor_channel"
    TAKEN = "taken"  # the sensor channel already feeds another object
    PICKED_TWICE = "picked_twice"  # the same sensor channel twice in this object


def channel_problems(
    channels: Sequence[tuple[str, ChannelKey | None]], taken: Mapping[ChannelKey, str]
) -> list[ChannelProblem | None]:
    """The first problem of each (name, sensor channel) row, in order, None where the row is fine."""
    problems: list[ChannelProblem | None] = []
    seen: set[str] = set()
    picked: set[ChannelKey] = set()
    for raw_name, key in channels:
        name = raw_name.strip()
        problem: ChannelProblem | None = None
        if not name:
            problem = ChannelProblem.NO_NAME
        elif name.casefold() in seen:
            problem = ChannelProblem.DUPLICATE_NAME
        elif key is None:
            problem = ChannelProblem.NO_SENSOR_CHANNEL
        else:
            if key in taken:
                problem = ChannelProblem.TAKEN
            elif key in picked:
                problem = ChannelProblem.PICKED_TWICE
            picked.add(key)
        seen.add(name.casefold())
        problems.append(problem)
    return problems


def sensor_channel_name(channel: SensorChannel) -> str:
    """What the app calls a sensor channel: its own name, else what it measures ("Temperature")."""
    return channel.name or value_name(channel.physical_value_id)


def logical_channel_for(name: str, sensor: Sensor, channel_index: int) -> LogicalChannel:
    """A logical channel fed by `sensor`'s channel `channel_index` (KeyError if it has none such)."""
    physical = next((c for c in sensor.channels if c.channel_index == channel_index), None)
    if physical is None:
        raise KeyError(f"sensor {sensor.uuid} has no channel {channel_index}")
    return LogicalChannel(
        name=name.strip(),
        physical_value_id=physical.physical_value_id,
        physical_unit_id=physical.physical_unit_id,
        sensor_channel=SensorChannelRef(sensor_uuid=sensor.uuid, channel_index=channel_index),
    )


#: What a technician can say a sensor channel measures when its channels cannot be read: the
#: physical values the app knows by name (core.devices.units), temperature first.
MEASURABLE_VALUES: tuple[str, ...] = tuple(VALUE_NAMES)


def measured_value_of(text: str) -> str | None:
    """The PV_* code a technician means by `text` ("temperature", "Door", "PV_HUMIDITY"), if known."""
    code = value_id_of(text)
    return code if code in MEASURABLE_VALUES else None


def logical_channel_by_number(
    name: str, sensor_uuid: str, channel_index: int, physical_value_id: str
) -> LogicalChannel:
    """A logical channel fed by channel `channel_index` of a sensor whose channels cannot be read.

    What it measures is the technician's word; the unit is left out, so the cloud takes the sensor
    channel's own (a °F probe stays °F), and it answers with the unit it chose.
    """
    return LogicalChannel(
        name=name.strip(),
        physical_value_id=physical_value_id,
        sensor_channel=SensorChannelRef(sensor_uuid=sensor_uuid, channel_index=channel_index),
    )


def as_created(sent: MeasuringObject, answer: MeasuringObject) -> MeasuringObject:
    """The object the cloud created, as the app shows it and remembers it.

    Answers in the shape of testo's related APIs [R] carry no name, and name the sensor channel of a
    logical channel by `channel_assignments` (an id the app cannot map without reading the sensor).
    Both are exactly what this app sent, so they are filled in from the request where the answer has
    none. Measuring objects are never sent back whole (there is no PUT), so nothing filled in here
    reaches the cloud.
    """
    shown = answer.model_copy(deep=True)
    if not (shown.name and shown.name.strip()) and sent.name:
        shown.name = sent.name
    sent_channels = {c.name.casefold(): c for c in sent.logical_channels}
    for channel in shown.logical_channels:
        origin = sent_channels.get(channel.name.casefold())
        if channel.sensor_channel is None and origin is not None and origin.sensor_channel is not None:
            channel.sensor_channel = origin.sensor_channel.model_copy()
    return shown


def new_measuring_object(
    name: str, channels: Sequence[LogicalChannel], description: str = ""
) -> MeasuringObject:
    data: dict[str, Any] = {"name": name.strip(), "logical_channels": list(channels)}
    if description.strip():
        data["description"] = description.strip()
    return MeasuringObject(**data)


class ObjectAlarmClient(Protocol):
    async def get_measuring_object_alarm_configuration(
        self, site: str, uuid: str
    ) -> MeasurementAlarmConfiguration: ...

    async def put_measuring_object_alarm_configuration(
        self, site: str, uuid: str, config: MeasurementAlarmConfiguration
    ) -> MeasurementAlarmConfiguration: ...


def preset_channels(obj: MeasuringObject, chosen: AlarmPreset) -> list[LogicalChannel]:
    """The object's logical channels the preset applies to (those measuring its value)."""
    return [c for c in obj.logical_channels if chosen.fits(c.physical_value_id) and c.uuid]


async def apply_preset_to_object(
    client: ObjectAlarmClient, site: str, obj: MeasuringObject, chosen: AlarmPreset
) -> list[LogicalChannel]:
    """Set `chosen` on every fitting logical channel of `obj` and send the alarm configuration.

    The current configuration is read first so other channels' limits stay; where the cloud has none
    (404) or does not offer reading it, the preset goes into an empty one. Returns the channels set
    (none: nothing was sent).
    """
    channels = preset_channels(obj, chosen)
    if not channels or obj.uuid is None:
        return []
    try:
        config = (await client.get_measuring_object_alarm_configuration(site, obj.uuid)).to_payload()
    except (NotFoundError, OperationNotOfferedError):
        config = {"channel_alarm_configurations": []}
    for channel in channels:
        config = apply_preset(
            config,
            logical_channel_uuid=channel.uuid or "",
            chosen=chosen,
            channel_unit=channel.physical_unit_id,
        )
    await client.put_measuring_object_alarm_configuration(
        site, obj.uuid, MeasurementAlarmConfiguration.model_validate(config)
    )
    return channels
