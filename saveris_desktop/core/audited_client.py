"""Writes the editors send directly (online Apply) recorded in the audit log, like the outbox's.

`AuditedClient` wraps the API client: before each PUT/POST an entry "sending" is written with the
last known server version as "before" (the editors' reads keep it in the cache), after it the
verdict and what the cloud answered. A write that ends in NetworkError leaves no entry here: the
editors hand it to the outbox, which checks the server before sending and records what happened.
Reads and everything else pass through.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from saveris_desktop.api.errors import ApiError, NetworkError
from saveris_desktop.api.models import (
    ApiModel,
    Device,
    MeasurementAlarmConfiguration,
    MeasuringInstructionSet,
    MeasuringObject,
    Sensor,
    SystemAlarmConfiguration,
)
from saveris_desktop.core.audit import AuditLog, AuditResult
from saveris_desktop.core.cache import Cache
from saveris_desktop.core.drafts import DraftKind

M = TypeVar("M", bound=ApiModel)


class AuditedClient:
    def __init__(
        self,
        client: Any,
        audit: AuditLog,
        cache: Cache,
        *,
        endpoint: Callable[[], str],
        user: Callable[[], str | None],
    ) -> None:
        self._client = client
        self._audit = audit
        self._cache = cache
        self._endpoint = endpoint
        self._user = user

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    async def _write(
        self, kind: str, site: str, object_id: str, body: ApiModel, call: Callable[[], Awaitable[M]]
    ) -> M:
        endpoint = self._endpoint()
        known = await self._cache.get(endpoint, site, kind, object_id) if object_id else None
        entry = await self._audit.record(
            user=self._user() or "",
            endpoint=endpoint,
            site=site,
            kind=kind,
            object_id=object_id,
            before=None if known is None else known.payload,
            after=body.to_payload(),
            result=AuditResult.SENDING,
        )
        try:
            answer = await call()
        except NetworkError:
            await self._audit.forget(entry)  # the outbox takes over: it checks first, then records
            raise
        except ApiError as error:
            reason = error.message + (f" ({error.server_reason})" if error.server_reason else "")
            await self._audit.complete(entry, AuditResult.FAILED, message=reason)
            raise
        except BaseException:
            await self._audit.complete(
                entry, AuditResult.FAILED, message="interrupted; the verdict is unknown"
            )
            raise
        payload = answer.to_payload()
        created_id = getattr(answer, "uuid", None) or object_id
        await self._audit.complete(entry, AuditResult.OK, after=payload, object_id=created_id or None)
        if created_id:
            await self._cache.put(endpoint, site, kind, created_id, payload)
        return answer

    async def put_device(self, site: str, device: Device) -> Device:
        return await self._write(
            DraftKind.DEVICE, site, device.uuid, device, lambda: self._client.put_device(site, device)
        )

    async def put_sensor(self, site: str, sensor: Sensor) -> Sensor:
        return await self._write(
            DraftKind.SENSOR, site, sensor.uuid, sensor, lambda: self._client.put_sensor(site, sensor)
        )

    async def put_device_alarm_configuration(
        self, site: str, uuid: str, config: SystemAlarmConfiguration
    ) -> SystemAlarmConfiguration:
        return await self._write(
            DraftKind.DEVICE_ALARMS,
            site,
            uuid,
            config,
            lambda: self._client.put_device_alarm_configuration(site, uuid, config),
        )

    async def put_sensor_alarm_configuration(
        self, site: str, uuid: str, config: SystemAlarmConfiguration
    ) -> SystemAlarmConfiguration:
        return await self._write(
            DraftKind.SENSOR_ALARMS,
            site,
            uuid,
            config,
            lambda: self._client.put_sensor_alarm_configuration(site, uuid, config),
        )

    async def put_measuring_instruction_set(
        self, site: str, uuid: str, instruction_set: MeasuringInstructionSet
    ) -> MeasuringInstructionSet:
        return await self._write(
            DraftKind.INSTRUCTION_SET,
            site,
            uuid,
            instruction_set,
            lambda: self._client.put_measuring_instruction_set(site, uuid, instruction_set),
        )

    async def put_measuring_object_alarm_configuration(
        self, site: str, uuid: str, config: MeasurementAlarmConfiguration
    ) -> MeasurementAlarmConfiguration:
        return await self._write(
            DraftKind.MEASUREMENT_ALARMS,
            site,
            uuid,
            config,
            lambda: self._client.put_measuring_object_alarm_configuration(site, uuid, config),
        )

    async def create_measuring_object(self, site: str, obj: MeasuringObject) -> MeasuringObject:
        return await self._write(
            DraftKind.MEASURING_OBJECT, site, "", obj, lambda: self._client.create_measuring_object(site, obj)
        )
