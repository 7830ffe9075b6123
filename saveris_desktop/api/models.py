"""pydantic models of every payload the app reads or writes.

Rules that hold for every model here:
- `extra="allow"`: fields the app does not model are kept and sent back unchanged on a PUT, so a
  round trip never drops server data (nested models included).
- Date-times stay the server's strings: re-formatting them would change data we merely pass along.
- `to_payload()` dumps only what the server sent or the app set, so absent fields stay absent.
- Field names follow the server: snake_case where testo documents it ([V]); camelCase in the
  measurement alarm conditions, whose shape comes from testo's related APIs ([R]).

Where a shape is this project's assumption ([A]), the docstring says so; keep
resources/openapi/device-management-api.yaml in step.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, ClassVar, NamedTuple, Self

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from saveris_desktop.api.redaction import is_secret_name


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, validate_assignment=True)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        # repr() and str() list unknown fields too: a token answer may carry AccessToken/RefreshToken.
        for name, value in super().__repr_args__():
            if name is None or not is_secret_name(name):
                yield name, value

    def to_payload(self) -> dict[str, Any]:
        """JSON-ready dict with every field the server sent (modelled or not) and every field set since."""
        _mark_edited_defaults(self)
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def with_changes(self, **changes: Any) -> Self:
        """A validated copy with `changes` applied; they count as set, so they are sent."""
        data = self.to_payload()
        data.update(changes)
        return type(self).model_validate(data)


def _mark_edited_defaults(model: BaseModel) -> None:
    """Count a defaulted field as set once it was edited in place (`obj.logical_channels.append(...)`).

    Assignment marks a field as set; an in-place edit of a default list does not, and
    `exclude_unset` would silently drop it from the request.
    """
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if name not in model.model_fields_set and value != info.get_default(call_default_factory=True):
            model.model_fields_set.add(name)
        for child in value if isinstance(value, list) else (value,):
            if isinstance(child, BaseModel):
                _mark_edited_defaults(child)


# --- authentication and sites ------------------------------------------------------------------


class TokenResponse(ApiModel):
    """`POST /token` answer [V]. The reference writes `IdToken`; prose says `idToken`: accept both."""

    id_token: str = Field(
        validation_alias=AliasChoices("IdToken", "idToken"),
        serialization_alias="IdToken",
        repr=False,
        pattern=r"^[!-~]+$",  # it goes into a header: printable ASCII, no spaces or line breaks
    )


class Credentials(ApiModel):
    """`POST /token` body [V]."""

    username: str
    password: str = Field(repr=False)


class ConnectKey(ApiModel):
    """`/connect-keys?site=` answer [V]: exactly one key per site."""

    site: str
    connect_key: str


class GlobalSettings(ApiModel):
    """`PUT /settings/global` body [A]: the site's IANA timezone."""

    timezone: str


# --- devices -----------------------------------------------------------------------------------
#
# Read tolerantly [V: the Redoc example and the 2026-11-28 evidence]. Only what the app cannot do
# without is required: a device's `uuid` (every PUT names it) and a slot's `slot_index` (the slot's
# identity when edits are merged). Everything else may be null; numbers may arrive as strings
# ("900000") or integral floats (900000.0), text may arrive as a number (a serial number 61234567),
# and enum-like codes are plain strings, so an unknown one is kept and shown verbatim. A device that
# still cannot be read is listed as unreadable (api/listing.py), never hiding the others.

#: Settings shared by the device classes: text fields take numbers (serial numbers, versions).
_DEVICE_CONFIG = ConfigDict(
    extra="allow", populate_by_name=True, validate_assignment=True, coerce_numbers_to_str=True
)


class Firmware(ApiModel):
    model_config = _DEVICE_CONFIG

    firmware_version: str | None = None
    firmware_code: str | None = None


class SlotSensor(NamedTuple):
    """A slot that holds a sensor, as the app uses it (empty slots left out)."""

    slot_index: int
    sensor_uuid: str
    connected: bool | None  # None: the server did not say


class SensorConnection(ApiModel):
    """One slot of a device and the sensor in it [V]; `sensor_uuid` is null for an empty slot."""

    model_config = _DEVICE_CONFIG

    slot_index: int
    sensor_uuid: str | None = None
    connected: bool | None = True  # absent: connected, as before; null: unknown
    connected_change_date: str | None = None


class Capability(ApiModel):
    """What a device can do [V]; the documented example is cut off, so more fields arrive as extras.

    Cycles are milliseconds [R].
    """

    model_config = _DEVICE_CONFIG

    powersupply: bool | None = None
    charger: bool | None = None
    radio: bool | None = None
    ethernet: bool | None = None
    display: bool | None = None
    sum: bool | None = None
    deactivation: bool | None = None
    communication_cycle_min: int | None = None
    communication_cycle_max: int | None = None
    supported_battery_types: list[str] | None = None
    display_measure_rows: int | None = None
    slot_count: int | None = None
    measuring_cycle_min: int | None = None
    measuring_cycle_max: int | None = None


class ServerDocument(ApiModel):
    """A document the server sends whole and takes back whole: nothing received is ever rewritten.

    Tolerant reading normalises values for the app ("900000" is read as 900000, a null list as an
    empty one); `to_payload()` still sends every value exactly as it was received unless the app
    changed it. The received JSON is kept for that comparison: the decoded dict (a reference), or
    its text when the document came in a long listing (keep_received_text).
    """

    #: list fields a null of which the app reads as an empty list (and sends back as null)
    _null_lists: ClassVar[tuple[str, ...]] = ()
    _received: dict[str, Any] | str | None = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_received(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        if not isinstance(data, dict):  # assignment (data is the model) or revalidation
            return handler(data)
        readable = data
        for name in cls._null_lists:
            if name in data and data[name] is None:
                readable = {**readable, name: []}
        document = handler(readable)
        document._received = data
        return document

    def keep_received_text(self, text: str) -> None:
        """Keep the JSON text this document was read from instead of the decoded dict."""
        self._received = text

    def to_payload(self) -> dict[str, Any]:
        payload = super().to_payload()
        received = self._received
        if received is None:
            return payload
        if isinstance(received, str):
            received = json.loads(received)
        # What the received JSON reads as: where the current value still equals it, send the
        # received value itself (its type and spelling), anywhere deep down.
        as_read = ApiModel.to_payload(type(self).model_validate(received))
        restored = _as_received(payload, as_read, received)
        return restored if isinstance(restored, dict) else payload


def _as_received(current: Any, as_read: Any, received: Any) -> Any:
    """`current`, with every part the app left as it was read replaced by the received original."""
    if current == as_read and type(current) is type(as_read):
        return _copy_json(received)  # a payload is the caller's to change; the received JSON is not
    if isinstance(current, dict) and isinstance(as_read, dict) and isinstance(received, dict):
        return {
            key: _as_received(value, as_read[key], received[key])
            if key in as_read and key in received
            else value
            for key, value in current.items()
        }
    same_length = isinstance(current, list) and isinstance(as_read, list) and isinstance(received, list)
    if same_length and len(current) == len(as_read) == len(received):
        return [_as_received(c, a, r) for c, a, r in zip(current, as_read, received, strict=True)]
    return current


def _copy_json(value: Any) -> Any:
    """A copy of decoded JSON: containers new, scalars (immutable) shared; faster than deepcopy."""
    if isinstance(value, dict):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


class Device(ServerDocument):
    """A logger or gateway as `GET /devices` lists it [V].

    The writable measurement settings (`measuring_cycle`, `communication_cycle`, in ms, plus
    `name`) are this project's assumption [A]; `PUT /devices/{uuid}` sends the whole object back.
    """

    model_config = _DEVICE_CONFIG
    _null_lists: ClassVar[tuple[str, ...]] = ("sensors_connections",)

    uuid: str
    valid_from: str | None = None
    valid_until: str | None = None
    customer_uuid: str | None = None
    product_family: str | None = None
    customer_site: str | None = None
    serial_number: str | None = None
    model_code: str | None = None
    firmware: Firmware | None = None
    sensors_connections: list[SensorConnection] = Field(default_factory=list)
    capability: Capability | None = None
    name: str | None = None
    measuring_cycle: int | None = None
    communication_cycle: int | None = None

    def slot_sensors(self) -> list[SlotSensor]:
        """The slots that hold a sensor, in the server's order."""
        return [
            SlotSensor(c.slot_index, c.sensor_uuid, c.connected)
            for c in self.sensors_connections
            if c.sensor_uuid is not None
        ]


class DeviceList(ApiModel):
    devices: list[Device]


_WHOLE_NUMBER: TypeAdapter[int] = TypeAdapter(int)


def whole_number(value: Any) -> int | None:
    """A number field of a payload dict read the way the models read it ("900000" and 900000.0 are
    900000); None when absent or when it is no whole number. For code that works on payloads."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return _WHOLE_NUMBER.validate_python(value)
    except ValidationError:
        return None


# --- sensors -----------------------------------------------------------------------------------


class SensorChannel(ApiModel):
    """A physical channel of a sensor [A]: what it measures and in which unit."""

    channel_index: int
    physical_value_id: str  # PV_TEMPERATURE, PV_HUMIDITY, PV_DOOR_STATE ... [R]
    physical_unit_id: str | None = None  # PU_DEGREE_CELSIUS, PU_PERCENT_HUMIDITY ... [R]
    name: str | None = None
    offset: float | None = None  # user adjustment added to every reading [A]


class Sensor(ApiModel):
    """A sensor of a device [A]: internal probe, plug-in probe, or a wireless sensor of a gateway."""

    uuid: str
    device_uuid: str | None = None
    customer_site: str | None = None
    serial_number: str | None = None
    model_code: str | None = None
    name: str | None = None
    channels: list[SensorChannel] = Field(default_factory=list)


# --- device and sensor (system) alarms ---------------------------------------------------------

#: System alarm kinds seen in related APIs [R]; the server may send others, which are kept.
SYSTEM_ALARM_KINDS = (
    "BATTERY_LOW",
    "EXTERNAL_POWER_LOST",
    "CONNECTION_TIMEOUT",
    "SENSOR_BROKEN",
    "CALIBRATION_OVERDUE",
)


class SystemAlarm(ApiModel):
    """One system alarm rule [A]."""

    alarm_type: str
    enabled: bool = True
    severity: str = "ASV_ALARM"  # ASV_ALARM / ASV_WARNING [R]
    delay: int = 0  # ms before the alarm is raised


class SystemAlarmConfiguration(ApiModel):
    """Body of `PUT /devices|sensors/{uuid}/alarm-configuration` [A]."""

    alarms: list[SystemAlarm] = Field(default_factory=list)


# --- measuring objects -------------------------------------------------------------------------


class SensorChannelRef(ApiModel):
    """Which physical channel of which sensor feeds a logical channel.

    [V]: "the sensor channel with the sensor uuid"; the shape is [A].
    """

    sensor_uuid: str
    channel_index: int = 0


class LogicalChannel(ApiModel):
    """What is monitored on an object ("Internal temperature", "Door") [V]; shape [A]."""

    uuid: str | None = None
    name: str
    physical_value_id: str
    physical_unit_id: str | None = None
    sensor_channel: SensorChannelRef | None = None


class MeasuringObject(ApiModel):
    """A thing being monitored ("Fridge 3") with its logical channels [V]; shape [A].

    `uuid` is None until the server created it.
    """

    uuid: str | None = None
    customer_site: str | None = None
    name: str
    description: str | None = None
    logical_channels: list[LogicalChannel] = Field(default_factory=list)


class MeasuringObjectList(ApiModel):
    measuring_objects: list[MeasuringObject]


class MeasuringInstructionSet(ApiModel):
    """Settings on a measuring object that win over the device's own [V]; fields [A], in ms."""

    measuring_cycle: int | None = None
    communication_cycle: int | None = None


class PhysicalProperty(ApiModel):
    physicalValueId: str


class MeasurementAlarmCondition(ApiModel):
    """One limit of a logical channel [R]."""

    measurementAlarmConditionTypeId: str  # MACT_LOWER_LIMIT / MACT_UPPER_LIMIT
    alarmSeverityId: str  # ASV_ALARM / ASV_WARNING
    physicalProperty: PhysicalProperty
    limitValue: float
    limitHysteresis: float = 0.0
    delay: int = 0  # ms
    physicalUnitId: str


class MeasurementAlarmConditionSet(ApiModel):
    measurementAlarmConditions: list[MeasurementAlarmCondition] = Field(default_factory=list)


class ChannelAlarmConfiguration(ApiModel):
    """Alarm rules of one logical channel [V: one per logical channel]; shape [R]/[A]."""

    logical_channel_uuid: str
    measurementAlarmConditionSet: list[MeasurementAlarmConditionSet] = Field(default_factory=list)


class MeasurementAlarmConfiguration(ApiModel):
    """Body of `PUT /measuring-objects/{uuid}/alarm-configuration` [A]."""

    channel_alarm_configurations: list[ChannelAlarmConfiguration] = Field(default_factory=list)


class ServerErrorBody(ApiModel):
    """Error body seen in related APIs [R]: `{"status": "Error", "message": "..."}`."""

    status: str | None = None
    message: str | None = None
