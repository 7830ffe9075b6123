"""Reads that fall back to the last known version: the editors open without a network.

`CacheBackedClient` wraps the API client for the editors only. Every successful read is kept in
the offline cache; a read that fails because the cloud cannot be reached answers the cached
version instead (and tells `on_cached(kind, object_id, fetched_at)` so the UI can show its age).
A read the server does not offer (OperationNotOfferedError) is not answered from the cache: the
callers fall back in their own way and say that the cloud's values are unknown. Writes are passed
through untouched, so a write without a network still fails with NetworkError
(and the editors queue it in the outbox). Anything not wrapped here is the client's own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.listing import DeviceListing
from saveris_desktop.api.models import (
    ApiModel,
    Device,
    GlobalSettings,
    MeasurementAlarmConfiguration,
    MeasuringInstructionSet,
    MeasuringObject,
    Sensor,
    SystemAlarmConfiguration,
)
from saveris_desktop.core.cache import Cache
from saveris_desktop.core.drafts import DraftKind

M = TypeVar("M", bound=ApiModel)
CachedListener = Callable[[str, str, str], None]


class CacheBackedClient:
    def __init__(
        self, client: Any, cache: Cache, endpoint: Callable[[], str], on_cached: CachedListener | None = None
    ) -> None:
        self._client = client
        self._cache = cache
        self._endpoint = endpoint
        self.on_cached = on_cached

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    async def _read(self, kind: str, site: str, object_id: str, model: type[M], call: Awaitable[M]) -> M:
        try:
            answer = await call
        except NetworkError:
            cached = await self._cache.get(self._endpoint(), site, kind, object_id)
            if cached is None:
                raise
            if self.on_cached is not None:
                self.on_cached(kind, object_id, cached.fetched_at)
            return model.model_validate(cached.payload)
        await self._cache.put(self._endpoint(), site, kind, object_id, answer.to_payload())
        return answer

    async def _read_list(self, kind: str, site: str, model: type[M], call: Awaitable[list[M]]) -> list[M]:
        try:
            answer = await call
        except NetworkError:
            rows = await self._cache.find(self._endpoint(), site, kind)
            if not rows:
                raise
            if self.on_cached is not None:
                self.on_cached(kind, "", min(r.fetched_at for r in rows))
            return [model.model_validate(r.payload) for r in rows]
        await self._cache.replace_all(
            self._endpoint(),
            site,
            kind,
            {getattr(item, "uuid", None) or "": item.to_payload() for item in answer},
        )
        return answer

    # --- wrapped reads --------------------------------------------------------------------------

    async def get_global_settings(self, site: str) -> GlobalSettings:
        call = self._client.get_global_settings(site)
        return await self._read(DraftKind.GLOBAL_SETTINGS, site, site, GlobalSettings, call)

    async def list_devices(self, site: str) -> DeviceListing:
        listing = await self._read_list(DraftKind.DEVICE, site, Device, self._client.list_devices(site))
        # The cloud's answer carries its unreadable devices; the offline copy holds the readable ones.
        return listing if isinstance(listing, DeviceListing) else DeviceListing(listing)

    async def get_device(self, site: str, uuid: str) -> Device:
        return await self._read(DraftKind.DEVICE, site, uuid, Device, self._client.get_device(site, uuid))

    async def read_device(self, site: str, uuid: str, *, listed: Device | None = None) -> Device:
        call = self._client.read_device(site, uuid, listed=listed)
        return await self._read(DraftKind.DEVICE, site, uuid, Device, call)

    async def get_sensor(self, site: str, uuid: str) -> Sensor:
        return await self._read(DraftKind.SENSOR, site, uuid, Sensor, self._client.get_sensor(site, uuid))

    async def get_device_alarm_configuration(self, site: str, uuid: str) -> SystemAlarmConfiguration:
        call = self._client.get_device_alarm_configuration(site, uuid)
        return await self._read(DraftKind.DEVICE_ALARMS, site, uuid, SystemAlarmConfiguration, call)

    async def get_sensor_alarm_configuration(self, site: str, uuid: str) -> SystemAlarmConfiguration:
        call = self._client.get_sensor_alarm_configuration(site, uuid)
        return await self._read(DraftKind.SENSOR_ALARMS, site, uuid, SystemAlarmConfiguration, call)

    async def list_measuring_objects(self, site: str) -> list[MeasuringObject]:
        call = self._client.list_measuring_objects(site)
        return await self._read_list(DraftKind.MEASURING_OBJECT, site, MeasuringObject, call)

    async def get_measuring_object(self, site: str, uuid: str) -> MeasuringObject:
        call = self._client.get_measuring_object(site, uuid)
        return await self._read(DraftKind.MEASURING_OBJECT, site, uuid, MeasuringObject, call)

    async def get_measuring_instruction_set(self, site: str, uuid: str) -> MeasuringInstructionSet:
        call = self._client.get_measuring_instruction_set(site, uuid)
        return await self._read(DraftKind.INSTRUCTION_SET, site, uuid, MeasuringInstructionSet, call)

    async def get_measuring_object_alarm_configuration(
        self, site: str, uuid: str
    ) -> MeasurementAlarmConfiguration:
        call = self._client.get_measuring_object_alarm_configuration(site, uuid)
        return await self._read(DraftKind.MEASUREMENT_ALARMS, site, uuid, MeasurementAlarmConfiguration, call)
