"""The commissioning report of a site: what the cloud holds at handover, read once, as one typed model.

The same model feeds the PDF (ui/commissioning/report_document.py), the CSV and the JSON
(report_files.py), in the app and in `saveris-cli report`. It holds data, not sentences: states are
codes (`PartState`), durations milliseconds, times aware datetimes; the writers word them.

Where each part comes from, and what happens when the cloud does not give it:

- Loggers: the documented listing `GET /devices?site=` [V], which carries the full device documents
  (serial, model, firmware, name, cycles, slots). The report needs nothing else to list a logger;
  a failing listing fails the report, as there would be nothing to report.
- "First listed by the cloud": the device document's `valid_from` [V], the start of the document's
  validity, i.e. when the cloud took the logger into this site. Weighed and not taken: the audit log
  (it records what this laptop sent, never when a logger joined, and knows nothing of loggers added
  from another laptop) and the slots' `connected_change_date` (it changes with every re-plug).
  Shown as the server wrote it and, when it carries a zone, in the site's time zone.
- State at handover: the status the device table shows (core.devices.device_rows), at the report's time.
- Sensors (`GET /sensors/{uuid}`), measuring objects (`GET /measuring-objects`), their alarm limits
  (`GET .../alarm-configuration`) and the site's time zone (`GET /settings/global`) are reads testo
  does not document. Where the server does not offer one, that part is NOT_READABLE and the report
  is made all the same; a read failing for another reason (network, server error) is FAILED with the
  client's one-sentence reason. The report never fails for an optional part.
- Alarm limits are read with core.devices.alarm_rules, in both forms (codes and plain text) and both shapes.
- The connect key is never read: whoever has it can add loggers to the site.
- Rows of a commissioning plan that were not completed come from the caller as plain data
  (`OpenPlanRow`), so the plan's runner can hand them in without this module knowing the plan.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from saveris_desktop.api.errors import ApiError, NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import (
    Device,
    GlobalSettings,
    LogicalChannel,
    MeasurementAlarmConfiguration,
    MeasuringObject,
    Sensor,
)
from saveris_desktop.api.optional import OptionalOperations
from saveris_desktop.core.commissioning.runner import STATE_WORDS, Board, LoggerState
from saveris_desktop.core.devices import alarm_rules
from saveris_desktop.core.devices.alarm_rules import ChannelLimits
from saveris_desktop.core.devices.device_rows import row_from_device
from saveris_desktop.core.devices.object_setup import sensor_channel_name
from saveris_desktop.core.devices.units import unit_id_of, value_id_of
from saveris_desktop.core.runtime.sentences import Sentence

#: Written into the JSON so a reader can tell what it holds and which layout.
FORMAT_NAME = "saveris-desktop commissioning report"
FORMAT_VERSION = 1

#: Reads in flight at once: quick against a slow cloud, gentle on its rate limits.
PARALLEL_READS = 4

T = TypeVar("T")


class PartState(StrEnum):
    """How a part of the report was read."""

    READ = "read"
    NOT_SET = "not_set"  # the cloud answered that there is none (no time zone, no alarm limits)
    NOT_READABLE = "not_readable"  # this cloud does not offer reading it
    FAILED = "failed"  # reading it failed for another reason; `problem` says which


class TimezoneSource(StrEnum):
    CLOUD = "cloud"
    THIS_LAPTOP = "this_laptop"  # as chosen on this laptop (the cloud could not tell)
    NONE = "none"  # unknown: the report's times are in UTC


@dataclass(frozen=True)
class OpenPlanRow:
    """A row of the commissioning plan that was not completed, and why (the plan's own words)."""

    serial_number: str
    measuring_object: str
    reason: str

    @classmethod
    def of_board(cls, board: Board) -> list[OpenPlanRow]:
        """The plan's rows not configured at handover, with why: what the board says of each."""
        return [
            cls(
                serial_number=progress.serial,
                measuring_object=progress.object,
                # A Sentence: the window's report says it in the reader's language (JSON keeps English)
                reason=Sentence("%1: %2", STATE_WORDS[progress.state], progress.detail)
                if progress.detail
                else STATE_WORDS[progress.state],
            )
            for progress in board.loggers
            if progress.state is not LoggerState.CONFIGURED
        ]

    @classmethod
    def from_mapping(cls, row: Any) -> OpenPlanRow:
        """From a plain dict, as another feature or a JSON file hands it in (missing keys: empty)."""
        return cls(
            serial_number=str(row.get("serial_number") or row.get("serial") or ""),
            measuring_object=str(row.get("measuring_object") or row.get("object") or ""),
            reason=str(row.get("reason") or ""),
        )


@dataclass(frozen=True)
class SiteTimezone:
    zone: str | None
    source: TimezoneSource
    state: PartState  # how reading the cloud's zone went (also when the zone came from this laptop)
    problem: str | None = None


@dataclass(frozen=True)
class SensorChannelEntry:
    number: int  # from 1, as the app shows it
    name: str
    physical_value_id: str | None
    unit_id: str | None


@dataclass(frozen=True)
class SensorEntry:
    slot: int  # from 1, as the app shows it
    uuid: str
    connected: bool | None  # None: the cloud did not say
    state: PartState  # of the sensor's own document (`GET /sensors/{uuid}`)
    serial_number: str | None = None
    model_code: str | None = None
    name: str | None = None
    channels: tuple[SensorChannelEntry, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class ObjectChannel:
    """A logical channel of a measuring object, what feeds it and its alarm limits."""

    name: str
    physical_value_id: str | None
    unit_id: str | None
    sensor_uuid: str | None
    sensor_channel: int | None  # from 1; None when the feeding channel cannot be told
    #: None: not known (the configuration could not be read); `limits.empty`: none are set
    limits: ChannelLimits | None


@dataclass(frozen=True)
class ObjectEntry:
    uuid: str | None
    name: str | None  # related APIs list objects without a name [R]
    channels: tuple[ObjectChannel, ...]
    alarms: PartState
    alarms_problem: str | None = None

    @property
    def sensor_uuids(self) -> frozenset[str]:
        return frozenset(c.sensor_uuid for c in self.channels if c.sensor_uuid)


@dataclass(frozen=True)
class ObjectsPart:
    state: PartState
    objects: tuple[ObjectEntry, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class LoggerEntry:
    uuid: str
    serial_number: str
    name: str
    model_code: str
    device_type: str
    firmware: str
    measuring_cycle_ms: int | None
    communication_cycle_ms: int | None
    sensors: tuple[SensorEntry, ...]
    #: `valid_from` as the server wrote it; `first_listed_at` the same moment in the site's zone
    first_listed: str | None
    first_listed_at: datetime | None
    status: str  # as the device table shows it, at the report's time


@dataclass(frozen=True)
class CommissioningReport:
    site: str
    timezone: SiteTimezone
    created_at: datetime  # in the site's time zone (UTC when it is unknown)
    technician: str | None  # the sign-in name
    server: str  # the endpoint's label, e.g. "Europe · production"
    app_version: str
    loggers: tuple[LoggerEntry, ...]
    objects: ObjectsPart
    #: None: no plan was handed in; (): every row of the plan was completed
    open_plan_rows: tuple[OpenPlanRow, ...] | None = None

    def objects_of(self, logger: LoggerEntry) -> list[ObjectEntry]:
        """The measuring objects fed by one of this logger's sensors."""
        mine = {sensor.uuid for sensor in logger.sensors}
        return [obj for obj in self.objects.objects if obj.sensor_uuids & mine]

    def objects_without_logger(self) -> list[ObjectEntry]:
        """Objects no logger of this report feeds (unmapped, or fed by a logger no longer listed)."""
        fed = {sensor.uuid for logger in self.loggers for sensor in logger.sensors}
        return [obj for obj in self.objects.objects if not obj.sensor_uuids & fed]

    @property
    def incomplete(self) -> bool:
        """True when some part could not be read (the writers say which); the report is still valid."""
        states = [self.objects.state, self.timezone.state]
        states += [sensor.state for logger in self.loggers for sensor in logger.sensors]
        states += [obj.alarms for obj in self.objects.objects]
        return any(state in (PartState.NOT_READABLE, PartState.FAILED) for state in states)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: codes for states, ISO 8601 for times, milliseconds for durations."""
        data = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
        body = _jsonable(self)
        assert isinstance(body, dict)  # noqa: S101  (a dataclass becomes a dict)
        for logger, entry in zip(self.loggers, body["loggers"], strict=True):
            entry["measuring_objects"] = [obj.uuid for obj in self.objects_of(logger)]
        return data | body


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list | tuple | frozenset):
        return [_jsonable(item) for item in value]
    return value


# --- reading ---------------------------------------------------------------------------------------


class ReportClient(Protocol):
    """What the report reads (api/client.DeviceManagementClient; the CLI and the app share it)."""

    optional: OptionalOperations

    async def list_devices(self, site: str) -> list[Device]: ...

    async def get_global_settings(self, site: str) -> GlobalSettings: ...

    async def get_sensor(self, site: str, uuid: str) -> Sensor: ...

    async def list_measuring_objects(self, site: str) -> list[MeasuringObject]: ...

    async def get_measuring_object_alarm_configuration(
        self, site: str, uuid: str
    ) -> MeasurementAlarmConfiguration: ...


@dataclass(frozen=True)
class _Read(Generic[T]):
    state: PartState
    value: T | None = None
    problem: str | None = None


async def _optional(read: Awaitable[T], *, missing: PartState = PartState.NOT_SET) -> _Read[T]:
    """An undocumented read: its value, or why there is none (never raises an ApiError)."""
    try:
        return _Read(PartState.READ, await read)
    except OperationNotOfferedError:
        return _Read(PartState.NOT_READABLE)
    except NotFoundError as error:
        return _Read(missing, problem=error.message if missing is PartState.FAILED else None)
    except ApiError as error:
        return _Read(PartState.FAILED, problem=error.message)


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _moment(text: str | None, zone: tzinfo) -> datetime | None:
    """An ISO date-time of the server in `zone`; None when it has no offset or cannot be read."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(zone) if moment.tzinfo is not None else None


async def read_timezone(client: ReportClient, site: str, laptop_zone: str | None) -> SiteTimezone:
    """The site's zone from the cloud; where the cloud cannot tell, the one chosen on this laptop."""
    read = await _optional(client.get_global_settings(site))
    cloud_zone = read.value.timezone if read.value is not None else None
    if cloud_zone:
        return SiteTimezone(cloud_zone, TimezoneSource.CLOUD, read.state)
    if laptop_zone and read.state is not PartState.NOT_SET:
        return SiteTimezone(laptop_zone, TimezoneSource.THIS_LAPTOP, read.state, read.problem)
    state = PartState.NOT_SET if read.state is PartState.READ else read.state
    return SiteTimezone(None, TimezoneSource.NONE, state, read.problem)


def _sensor_entry(slot: int, uuid: str, connected: bool | None, read: _Read[Sensor]) -> SensorEntry:
    sensor = read.value
    if sensor is None:
        return SensorEntry(slot, uuid, connected, read.state, problem=read.problem)
    channels = tuple(
        SensorChannelEntry(
            number=channel.channel_index + 1,
            name=sensor_channel_name(channel),
            physical_value_id=value_id_of(channel.physical_value_id) or channel.physical_value_id,
            unit_id=unit_id_of(channel.physical_unit_id) or channel.physical_unit_id,
        )
        for channel in sorted(sensor.channels, key=lambda c: c.channel_index)
    )
    return SensorEntry(
        slot, uuid, connected, PartState.READ, sensor.serial_number, sensor.model_code, sensor.name, channels
    )


def _assigned_sensor(channel: LogicalChannel) -> tuple[str | None, Any]:
    """(sensor uuid, cloud channel id) of a channel listed with `channel_assignments` [R]."""
    assignments = (channel.model_extra or {}).get("channel_assignments")
    for item in assignments if isinstance(assignments, list) else []:
        if isinstance(item, dict) and isinstance(item.get("equipment_parts_uuid"), str):
            return item["equipment_parts_uuid"], item.get("channel_id")
    return None, None


def _channel_number(sensor: Sensor | None, cloud_channel_id: Any) -> int | None:
    if sensor is None or cloud_channel_id is None:
        return None
    found = next((c for c in sensor.channels if c.cloud_channel_id == cloud_channel_id), None)
    return found.channel_index + 1 if found is not None else None


def _limits(
    config: dict[str, Any] | None, channel_uuid: str | None, value_id: str | None, unit: str | None
) -> ChannelLimits | None:
    if config is None:
        return None
    if channel_uuid is None and not alarm_rules.is_top_level(config):
        return ChannelLimits(unit=unit or "")  # a channel without uuid cannot have limits of its own
    if not alarm_rules.channel_readable(config, channel_uuid or ""):
        return None
    conditions = alarm_rules.channel_conditions(config, channel_uuid or "")
    return alarm_rules.read_channel(conditions, channel_unit=unit or "", physical_value_id=value_id).limits


def _object_entry(
    obj: MeasuringObject, read: _Read[MeasurementAlarmConfiguration], sensors: dict[str, Sensor]
) -> ObjectEntry:
    config = read.value.to_payload() if read.value is not None else None
    if read.state is PartState.NOT_SET:
        config = {alarm_rules.CHANNELS_KEY: []}  # the cloud has none for this object: no limits
    channels: list[ObjectChannel] = []
    value_id: str | None
    unit: str | None
    for channel in obj.logical_channels:
        value_id = value_id_of(channel.physical_value_id) or channel.physical_value_id
        unit = unit_id_of(channel.physical_unit_id) or channel.physical_unit_id
        if channel.sensor_channel is not None:
            sensor_uuid: str | None = channel.sensor_channel.sensor_uuid
            number: int | None = channel.sensor_channel.channel_index + 1
        else:
            sensor_uuid, cloud_id = _assigned_sensor(channel)
            number = _channel_number(sensors.get(sensor_uuid or ""), cloud_id)
        limits = _limits(config, channel.uuid, value_id, unit)
        channels.append(ObjectChannel(channel.name, value_id, unit, sensor_uuid, number, limits))
    if not obj.logical_channels:
        # Listed with object-level channel assignments only [R]: each assigned sensor channel is a
        # channel of the object, named as its sensor names it (when the sensor could be read).
        for assignment in obj.assignments():
            sensor = sensors.get(assignment.equipment_parts_uuid or "")
            number = _channel_number(sensor, assignment.channel_id)
            physical = (
                next((c for c in sensor.channels if c.channel_index + 1 == number), None) if sensor else None
            )
            value_id = value_id_of(physical.physical_value_id) if physical else None
            unit = unit_id_of(physical.physical_unit_id) if physical else None
            name = sensor_channel_name(physical) if physical else f"#{assignment.channel_id}"
            limits = _limits(config, None, value_id, unit) if physical else None
            channels.append(
                ObjectChannel(name, value_id, unit, assignment.equipment_parts_uuid, number, limits)
            )
    alarms = PartState.READ if read.state is PartState.NOT_SET else read.state
    return ObjectEntry(obj.uuid, obj.name, tuple(channels), alarms, read.problem)


async def gather_report(
    client: ReportClient,
    site: str,
    *,
    technician: str | None,
    server: str,
    app_version: str,
    laptop_timezone: str | None = None,
    open_plan_rows: Iterable[OpenPlanRow] | None = None,
    now: Callable[[], datetime] | None = None,
) -> CommissioningReport:
    """Read what the report holds. Raises ApiError only when the site's loggers cannot be listed.

    `laptop_timezone`: the zone chosen for this site on this laptop, used when the cloud cannot
    tell its own. `now`: the clock (aware datetimes), for tests.
    """
    devices = await client.list_devices(site)  # documented; without it there is no report
    read_at = (now or (lambda: datetime.now(UTC)))().replace(microsecond=0)
    timezone = await read_timezone(client, site, laptop_timezone)
    zone = _zone(timezone.zone) or UTC
    gate = asyncio.Semaphore(PARALLEL_READS)

    async def gently(read: Awaitable[_Read[T]]) -> _Read[T]:
        async with gate:
            return await read

    slots = [
        (device, connection)
        for device in devices
        for connection in sorted(device.slot_sensors(), key=lambda c: c.slot_index)  # free slots left out
    ]
    # A cloud without the sensor read costs one request, not one per sensor: the first read probes
    # the route and the others wait for its verdict (api/optional.py).
    sensor_reads = await asyncio.gather(
        *(gently(_sensor_read(client, site, c.sensor_uuid)) for _device, c in slots)
    )
    sensors = {
        c.sensor_uuid: read.value for (_d, c), read in zip(slots, sensor_reads, strict=True) if read.value
    }
    entries: dict[str, list[SensorEntry]] = {device.uuid: [] for device in devices}
    for (device, connection), read in zip(slots, sensor_reads, strict=True):
        entries[device.uuid].append(
            _sensor_entry(connection.slot_index + 1, connection.sensor_uuid, connection.connected, read)
        )

    listed = await _optional(client.list_measuring_objects(site), missing=PartState.FAILED)
    objects = ObjectsPart(listed.state, (), listed.problem)
    if listed.value is not None:
        alarm_reads = await asyncio.gather(
            *(
                gently(_optional(client.get_measuring_object_alarm_configuration(site, obj.uuid)))
                if obj.uuid
                else _nothing()
                for obj in listed.value
            )
        )
        objects = ObjectsPart(
            PartState.READ,
            tuple(
                _object_entry(obj, read, sensors) for obj, read in zip(listed.value, alarm_reads, strict=True)
            ),
        )

    loggers = tuple(
        _logger_entry(device, tuple(entries[device.uuid]), zone)
        for device in sorted(devices, key=lambda d: (d.serial_number or "", d.uuid))
    )
    return CommissioningReport(
        site=site,
        timezone=timezone,
        created_at=read_at.astimezone(zone),
        technician=technician,
        server=server,
        app_version=app_version,
        loggers=loggers,
        objects=objects,
        open_plan_rows=None if open_plan_rows is None else tuple(open_plan_rows),
    )


async def _nothing() -> _Read[MeasurementAlarmConfiguration]:
    return _Read(PartState.NOT_SET)


async def _sensor_read(client: ReportClient, site: str, uuid: str) -> _Read[Sensor]:
    try:
        return _Read(PartState.READ, await client.get_sensor(site, uuid))
    except OperationNotOfferedError:
        return _Read(PartState.NOT_READABLE)
    except NotFoundError as error:
        # The logger lists this sensor, so a 404 means the read is missing, unless the route has
        # answered before in this session (then this one sensor is unknown to the cloud).
        if client.optional.missing_known_resource("get_sensor"):
            return _Read(PartState.NOT_READABLE)
        return _Read(PartState.FAILED, problem=error.message)
    except ApiError as error:
        return _Read(PartState.FAILED, problem=error.message)


def _logger_entry(device: Device, sensors: tuple[SensorEntry, ...], zone: tzinfo) -> LoggerEntry:
    row = row_from_device(device)
    return LoggerEntry(
        uuid=device.uuid,
        serial_number=row.serial_number,
        name=row.name,
        model_code=row.model,
        device_type=row.device_type,
        firmware=row.firmware,
        measuring_cycle_ms=device.measuring_cycle,
        communication_cycle_ms=device.communication_cycle,
        sensors=sensors,
        first_listed=device.valid_from,
        first_listed_at=_moment(device.valid_from, zone),
        status=row.status,
    )
