"""An in-memory stand-in for the API client, shaped like `core.offline.sync.SyncClient`, for sync engine
tests."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from typing import Any, TypeVar

from saveris_desktop.api.errors import NetworkError, NotFoundError, RequestValidationError
from saveris_desktop.api.models import (
    ApiModel,
    ConnectKey,
    Device,
    GlobalSettings,
    LogicalChannel,
    MeasurementAlarmConfiguration,
    MeasuringInstructionSet,
    MeasuringObject,
    Sensor,
    SystemAlarmConfiguration,
)

M = TypeVar("M", bound=ApiModel)


class ProcessDied(BaseException):
    """Raised after the server applied a request, as if the app was killed before it saw the answer."""


@dataclass
class FakeServer:
    """Per (kind, uuid) the stored JSON, per site its measuring objects; counts every write."""

    objects: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    measuring_objects: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    sites: dict[str, str] = field(default_factory=dict)
    writes: list[tuple[str, str]] = field(default_factory=list)
    offline: bool = False
    die_after_next_write: bool = False
    refuse: dict[str, str] = field(default_factory=dict)  # object uuid -> reason


class FakeSyncClient:
    def __init__(self, server: FakeServer | None = None) -> None:
        self.server = server or FakeServer()

    # --- helpers ---------------------------------------------------------------------------------

    def _check(self) -> None:
        if self.server.offline:
            raise NetworkError("The cloud cannot be reached.")

    def _read(self, kind: str, uuid_: str, model: type[M]) -> M:
        self._check()
        try:
            return model.model_validate(copy.deepcopy(self.server.objects[(kind, uuid_)]))
        except KeyError:
            raise NotFoundError(f"{kind} {uuid_} does not exist", status=404) from None

    def _write(self, kind: str, uuid_: str, obj: M) -> M:
        self._check()
        if (kind, uuid_) not in self.server.objects:
            raise NotFoundError(f"{kind} {uuid_} does not exist", status=404)
        if uuid_ in self.server.refuse:
            raise RequestValidationError(
                "The server refused the change.", server_reason=self.server.refuse[uuid_]
            )
        self.server.objects[(kind, uuid_)] = obj.to_payload()
        self.server.writes.append((kind, uuid_))
        self._maybe_die()
        return type(obj).model_validate(obj.to_payload())

    def _maybe_die(self) -> None:
        if self.server.die_after_next_write:
            self.server.die_after_next_write = False
            raise ProcessDied

    # --- the SyncClient protocol ----------------------------------------------------------------

    async def create_connect_key(self, site: str) -> ConnectKey:
        self._check()
        if site not in self.server.sites:
            self.server.sites[site] = uuid.uuid4().hex[:12]
            self.server.objects[("global_settings", site)] = {"timezone": "UTC"}
            self.server.writes.append(("site", site))
        return ConnectKey(site=site, connect_key=self.server.sites[site])

    async def get_connect_key(self, site: str) -> ConnectKey:
        self._check()
        if site not in self.server.sites:
            raise NotFoundError(f"site {site} does not exist", status=404)
        return ConnectKey(site=site, connect_key=self.server.sites[site])

    async def get_global_settings(self, site: str) -> GlobalSettings:
        return self._read("global_settings", site, GlobalSettings)

    async def put_global_settings(self, site: str, settings: GlobalSettings) -> GlobalSettings:
        return self._write("global_settings", site, settings)

    async def get_device(self, site: str, uuid: str) -> Device:
        return self._read("device", uuid, Device)

    async def read_device(self, site: str, uuid: str) -> Device:
        return await self.get_device(site, uuid)

    async def put_device(self, site: str, device: Device) -> Device:
        return self._write("device", device.uuid, device)

    async def get_sensor(self, site: str, uuid: str) -> Sensor:
        return self._read("sensor", uuid, Sensor)

    async def put_sensor(self, site: str, sensor: Sensor) -> Sensor:
        return self._write("sensor", sensor.uuid, sensor)

    async def get_device_alarm_configuration(self, site: str, uuid: str) -> SystemAlarmConfiguration:
        return self._read("device_alarms", uuid, SystemAlarmConfiguration)

    async def put_device_alarm_configuration(
        self, site: str, uuid: str, config: SystemAlarmConfiguration
    ) -> SystemAlarmConfiguration:
        return self._write("device_alarms", uuid, config)

    async def get_sensor_alarm_configuration(self, site: str, uuid: str) -> SystemAlarmConfiguration:
        return self._read("sensor_alarms", uuid, SystemAlarmConfiguration)

    async def put_sensor_alarm_configuration(
        self, site: str, uuid: str, config: SystemAlarmConfiguration
    ) -> SystemAlarmConfiguration:
        return self._write("sensor_alarms", uuid, config)

    async def list_measuring_objects(self, site: str) -> list[MeasuringObject]:
        self._check()
        return [MeasuringObject.model_validate(o) for o in self.server.measuring_objects.get(site, [])]

    async def create_measuring_object(self, site: str, obj: MeasuringObject) -> MeasuringObject:
        self._check()
        data = obj.to_payload()
        data["uuid"] = uuid.uuid4().hex
        data["logical_channels"] = [
            {**channel, "uuid": channel.get("uuid") or uuid.uuid4().hex}
            for channel in data.get("logical_channels", [])
        ]
        self.server.measuring_objects.setdefault(site, []).append(data)
        self.server.objects[("instruction_set", data["uuid"])] = {}
        self.server.objects[("measurement_alarms", data["uuid"])] = {"channel_alarm_configurations": []}
        self.server.writes.append(("measuring_object", data["uuid"]))
        self._maybe_die()
        return MeasuringObject.model_validate(data)

    async def get_measuring_instruction_set(self, site: str, uuid: str) -> MeasuringInstructionSet:
        return self._read("instruction_set", uuid, MeasuringInstructionSet)

    async def put_measuring_instruction_set(
        self, site: str, uuid: str, instruction_set: MeasuringInstructionSet
    ) -> MeasuringInstructionSet:
        return self._write("instruction_set", uuid, instruction_set)

    async def get_measuring_object_alarm_configuration(
        self, site: str, uuid: str
    ) -> MeasurementAlarmConfiguration:
        return self._read("measurement_alarms", uuid, MeasurementAlarmConfiguration)

    async def put_measuring_object_alarm_configuration(
        self, site: str, uuid: str, config: MeasurementAlarmConfiguration
    ) -> MeasurementAlarmConfiguration:
        return self._write("measurement_alarms", uuid, config)


def fridge_object(name: str = "Fridge 3") -> MeasuringObject:
    return MeasuringObject(
        name=name,
        logical_channels=[LogicalChannel(name="Internal temperature", physical_value_id="PV_TEMPERATURE")],
    )
