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
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, NamedTuple, Self

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    TypeAdapter,
    ValidationError,
    model_serializer,
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


@dataclass(frozen=True)
class SiblingKey:
    """A modelled field that related APIs send under another key [R] (`mo_uuid` for `uuid`).

    `offset` is added to an integer read from `key`: `channel_no` counts from 1 where
    `channel_index` counts from 0.
    """

    field: str
    key: str
    offset: int = 0


#: Carries "field -> sibling key" from the before- to the after-validator; never sent.
_READ_FROM = "x-saveris-desktop-read-from"


class SiblingKeysModel(ApiModel):
    """A model whose fields may arrive under sibling keys (`SIBLING_KEYS`).

    The field is filled from the sibling key so the app reads one shape; the payload carries the
    value back under the key it came under (changed if the app changed it), never under a second
    key the server did not send.
    """

    SIBLING_KEYS: ClassVar[tuple[SiblingKey, ...]] = ()
    _read_from: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _fill_from_sibling_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        filled = dict(data)
        read_from: dict[str, str] = {}
        for sibling in cls.SIBLING_KEYS:
            value = data.get(sibling.key)
            if sibling.field in data or sibling.field in read_from or value is None:
                continue
            if sibling.offset and isinstance(value, int) and not isinstance(value, bool):
                value += sibling.offset
            filled[sibling.field] = value
            read_from[sibling.field] = sibling.key
        if read_from:
            filled[_READ_FROM] = read_from
        return filled

    @model_validator(mode="after")
    def _remember_sibling_keys(self) -> Self:
        extra = self.__pydantic_extra__
        if extra and _READ_FROM in extra:
            read_from = extra.pop(_READ_FROM)
            self._read_from.update(read_from)
            for field in read_from:
                self.model_fields_set.discard(field)  # the server sent it under the sibling key
            self.model_fields_set.discard(_READ_FROM)
        return self

    @model_serializer(mode="wrap")
    def _write_sibling_keys(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if not self._read_from or not isinstance(data, dict):
            return data
        for sibling in self.SIBLING_KEYS:
            if self._read_from.get(sibling.field) != sibling.key or sibling.field not in data:
                continue
            value = data.pop(sibling.field)
            if sibling.offset and isinstance(value, int) and not isinstance(value, bool):
                value -= sibling.offset
            data[sibling.key] = value
        return data


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


class SensorChannel(SiblingKeysModel):
    """A physical channel of a sensor [A]: what it measures and in which unit.

    Related APIs [R] number channels from 1 (`channel_no`), give each an integer `channel_id`
    (9241001) and name value and unit in plain text (`physical_property_name` "Temperature",
    `physical_unit` "°C"): read into the fields below, sent back under the keys they came under.
    """

    SIBLING_KEYS = (
        SiblingKey("channel_index", "channel_no", offset=-1),
        SiblingKey("physical_value_id", "physical_property_name"),
        SiblingKey("physical_unit_id", "physical_unit"),
    )

    channel_index: int
    physical_value_id: str  # PV_TEMPERATURE, PV_HUMIDITY, PV_DOOR_STATE ... [R], or plain text [R]
    physical_unit_id: str | None = None  # PU_DEGREE_CELSIUS, PU_PERCENT_HUMIDITY ... [R], or "°C" [R]

    @property
    def cloud_channel_id(self) -> Any:
        """The channel's id across the cloud [R] (9241001), which channel assignments name; kept as
        an unmodelled field, so whatever type it comes in goes back unchanged."""
        return (self.model_extra or {}).get("channel_id")

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


@dataclass(frozen=True)
class ChannelAssignment:
    """A sensor channel assigned to a measuring object, as related APIs list them [R]."""

    channel_id: Any  # the sensor channel's `channel_id` (SensorChannel.cloud_channel_id)
    equipment_parts_uuid: str | None  # the sensor it belongs to


class MeasuringObject(SiblingKeysModel):
    """A thing being monitored ("Fridge 3") with its logical channels [V]; shape [A].

    `uuid` is None until the server created it. Rows seen in related APIs [R] carry it as
    `measuring_object_uuid` or `mo_uuid` (sent back under that key), have no name, and list
    `channel_assignments` instead of logical channels.
    """

    SIBLING_KEYS = (SiblingKey("uuid", "measuring_object_uuid"), SiblingKey("uuid", "mo_uuid"))

    uuid: str | None = None
    customer_site: str | None = None
    name: str | None = None
    description: str | None = None
    logical_channels: list[LogicalChannel] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """The name; for an object the server sent without one, its uuid's start."""
        if self.name and self.name.strip():
            return self.name
        return f"Unnamed object ({(self.uuid or 'not created yet')[:8]})"

    def assignments(self) -> list[ChannelAssignment]:
        """The `channel_assignments` [R] the app can read. They stay an unmodelled field, sent back
        as they came (also when they are not a list: seen as a JSON-encoded string)."""
        raw = (self.model_extra or {}).get("channel_assignments")
        items = raw if isinstance(raw, list) else []
        return [
            ChannelAssignment(item.get("channel_id"), uuid if isinstance(uuid, str) else None)
            for item in items
            if isinstance(item, dict)
            for uuid in [item.get("equipment_parts_uuid")]
        ]


class MeasuringObjectList(ApiModel):
    measuring_objects: list[MeasuringObject]


class MeasuringInstructionSet(SiblingKeysModel):
    """Settings on a measuring object that win over the device's own [V]; fields [A], in ms.

    Related APIs [R] write the measuring cycle as `measuring_rate_ms`; sent back under that key.
    """

    SIBLING_KEYS = (SiblingKey("measuring_cycle", "measuring_rate_ms"),)

    measuring_cycle: int | None = None
    communication_cycle: int | None = None


class PhysicalProperty(ApiModel):
    physicalValueId: str  # PV_TEMPERATURE or, in the plain-text form, "Temperature" [R]


class MeasurementAlarmCondition(ApiModel):
    """One limit of a logical channel [R], in codes or in plain text (both seen [R]):
    `MACT_LOWER_LIMIT` / "Lower limit", `ASV_WARNING` / "Warning", `PU_DEGREE_CELSIUS` / "°C".

    core.devices.alarm_rules reads both forms; a condition it cannot read is kept as it came (see
    `_AsReceived`) and sent back untouched.
    """

    measurementAlarmConditionTypeId: str
    alarmSeverityId: str
    physicalProperty: PhysicalProperty
    limitValue: float
    limitHysteresis: float = 0.0
    delay: int = 0  # ms
    physicalUnitId: str


#: Read as the model when it fits, else kept exactly as it came (a dict, a string, anything): a
#: condition or channel configuration in a form the app does not know must survive the round trip,
#: and one odd item must not make the whole configuration unreadable.
_AsReceived = Any


class MeasurementAlarmConditionSet(ApiModel):
    measurementAlarmConditions: list[
        Annotated[MeasurementAlarmCondition | _AsReceived, Field(union_mode="left_to_right")]
    ] = Field(default_factory=list)


class ChannelAlarmConfiguration(ApiModel):
    """Alarm rules of one logical channel [V: one per logical channel]; shape [R]/[A]."""

    logical_channel_uuid: str
    measurementAlarmConditionSet: list[
        Annotated[MeasurementAlarmConditionSet | _AsReceived, Field(union_mode="left_to_right")]
    ] = Field(default_factory=list)


class MeasurementAlarmConfiguration(ApiModel):
    """Body of `PUT /measuring-objects/{uuid}/alarm-configuration` [A].

    Two shapes: one `channel_alarm_configurations` entry per logical channel [A], or, as seen in
    related APIs [R], one `measurementAlarmConditionSet` for the whole object next to
    `alarmConfigurationBackReference`, its conditions told apart by physical property. Whichever
    came is sent back; the other stays absent (`to_payload` leaves out what was not sent).
    """

    channel_alarm_configurations: list[
        Annotated[ChannelAlarmConfiguration | _AsReceived, Field(union_mode="left_to_right")]
    ] = Field(default_factory=list)
    # The top-level `measurementAlarmConditionSet` and `alarmConfigurationBackReference` [R] stay
    # unmodelled fields: kept and sent back exactly as received (core.devices.alarm_rules reads them).


class ServerErrorBody(ApiModel):
    """Error body seen in related APIs [R]: `{"status": "Error", "message": "..."}`."""

    status: str | None = None
    message: str | None = None
