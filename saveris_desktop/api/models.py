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

from collections.abc import Iterator
from typing import Annotated, Any, Self

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

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


class Firmware(ApiModel):
    firmware_version: str | None = None
    firmware_code: str | None = None


class SensorConnection(ApiModel):
    """One slot of a device and the sensor in it [V]."""

    slot_index: int
    sensor_uuid: str
    connected: bool = True
    connected_change_date: str | None = None


class Capability(ApiModel):
    """What a device can do [V]; the documented example is cut off, so more fields arrive as extras.

    Cycles are milliseconds [R].
    """

    powersupply: bool | None = None
    charger: bool | None = None
    radio: bool | None = None
    ethernet: bool | None = None
    display: bool | None = None
    sum: bool | None = None
    deactivation: bool | None = None
    communication_cycle_min: int | None = None
    communication_cycle_max: int | None = None
    supported_battery_types: list[str] = Field(default_factory=list)
    display_measure_rows: int | None = None
    slot_count: int | None = None
    measuring_cycle_min: int | None = None
    measuring_cycle_max: int | None = None


class Device(ApiModel):
    """A logger or gateway as `GET /devices` lists it [V].

    The writable measurement settings (`measuring_cycle`, `communication_cycle`, in ms, plus
    `name`) are this project's assumption [A]; `PUT /devices/{uuid}` sends the whole object back.
    """

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


class DeviceList(ApiModel):
    devices: list[Device]


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
    physicalValueId: str  # PV_TEMPERATURE or, in the plain-text form, "Temperature" [R]


class MeasurementAlarmCondition(ApiModel):
    """One limit of a logical channel [R], in codes or in plain text (both seen [R]):
    `MACT_LOWER_LIMIT` / "Lower limit", `ASV_WARNING` / "Warning", `PU_DEGREE_CELSIUS` / "°C".

    core.alarm_rules reads both forms; a condition it cannot read is kept as it came (see
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
    came is sent back; the other stays absent.
    """

    channel_alarm_configurations: list[
        Annotated[ChannelAlarmConfiguration | _AsReceived, Field(union_mode="left_to_right")]
    ] = Field(default_factory=list)
    measurementAlarmConditionSet: list[
        Annotated[MeasurementAlarmConditionSet | _AsReceived, Field(union_mode="left_to_right")]
    ] = Field(default_factory=list)
    alarmConfigurationBackReference: Any = None


class ServerErrorBody(ApiModel):
    """Error body seen in related APIs [R]: `{"status": "Error", "message": "..."}`."""

    status: str | None = None
    message: str | None = None
