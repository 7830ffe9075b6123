"""The one resource table: each kind of cloud document the app reads and writes, declared once.

A kind (core.offline.drafts.DraftKind value: "device", "device_alarms", …) is the same word everywhere it is
stored or shown: draft, outbox item, cache row, audit entry and the editors' session key
(`<kind>:<object id>`, see `session_key`). For each kind the table says which model it is, which
client operations read, list, write or create it and how they are called, and what it is in the
words of a result message. The client wrappers (core.offline.cached_client,
core.offline.audited_client) and the sync engine (core.offline.sync) are generic over this table;
api/client.py keeps one method per operation, including its fallbacks (`read_device`: the single
read where offered, else the listing).

Calls go through the operation's name on whatever client is given (the real one, a wrapper, a
fake), so every layer of the client stack keeps the same interface; tests/core/offline/test_resources.py
checks each name against DeviceManagementClient.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

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
from saveris_desktop.core.offline.drafts import DraftKind

#: outbox kind of "create the site (and its connect key)", and cache kind of a site used here
SITE_KIND = "site"


class Role(StrEnum):
    READ = "read"  # one document, by object id
    LIST = "list"  # every document of the kind in the site
    WRITE = "write"  # PUT a whole document
    CREATE = "create"  # POST a new one; the server gives it its uuid


class Shape(StrEnum):
    """How an operation takes its arguments after the site."""

    SITE = "site"  # (site) — the object is the site itself (its settings)
    UUID = "uuid"  # (site, uuid)
    MODEL = "model"  # (site, document) — the document carries its uuid
    UUID_MODEL = "uuid, model"  # (site, uuid, document)


@dataclass(frozen=True)
class Operation:
    name: str  # the client method, e.g. "get_sensor"
    role: Role
    shape: Shape


@dataclass(frozen=True)
class Resource:
    kind: DraftKind
    model: type[ApiModel]
    #: what it is, in the words of a result message ("the logger's alarms")
    what: str
    #: the read the sync engine checks the cloud with (the first READ in `operations`)
    operations: tuple[Operation, ...]
    #: the kind whose name labels it in lists of changes ("Logger 4711" for its alarms)
    named_after: DraftKind | None = None
    #: what its listing is, built from documents (a DeviceListing for devices: callers ask it
    #: for the devices it could not read, an offline copy has none)
    as_listing: Callable[[list[Any]], list[Any]] = list

    def operation(self, role: Role) -> Operation | None:
        return next((op for op in self.operations if op.role is role), None)

    def session_key(self, object_id: str) -> str:
        return session_key(self.kind, object_id)

    async def read(self, client: Any, site: str, object_id: str) -> ApiModel:
        """The cloud's current version, through `client`'s read of this kind."""
        op = self.operation(Role.READ)
        if op is None:
            raise ValueError(f"{self.kind} cannot be read")
        answer: ApiModel = await call(client, op, site, object_id)
        return answer

    async def write(self, client: Any, site: str, object_id: str, document: ApiModel) -> ApiModel:
        """PUT `document` through `client`'s write of this kind; the server's answer."""
        op = self.operation(Role.WRITE)
        if op is None:
            raise ValueError(f"{self.kind} cannot be written")
        answer: ApiModel = await call(client, op, site, object_id, document)
        return answer


def call(
    client: Any, op: Operation, site: str, object_id: str, document: ApiModel | None = None
) -> Awaitable[Any]:
    method = cast(Callable[..., Awaitable[Any]], getattr(client, op.name))
    if op.shape is Shape.SITE:
        return method(site) if document is None else method(site, document)
    if op.shape is Shape.UUID:
        return method(site, object_id)
    if op.shape is Shape.MODEL:
        return method(site, document)
    return method(site, object_id, document)


def _ops(*entries: tuple[str, Role, Shape]) -> tuple[Operation, ...]:
    return tuple(Operation(name, role, shape) for name, role, shape in entries)


R, L, W, C = Role.READ, Role.LIST, Role.WRITE, Role.CREATE

RESOURCES: dict[str, Resource] = {
    r.kind.value: r
    for r in (
        # read_device first: the single read where offered, else the documented listing (always readable)
        Resource(
            DraftKind.DEVICE,
            Device,
            "logger's settings",
            _ops(
                ("read_device", R, Shape.UUID),
                ("get_device", R, Shape.UUID),
                ("list_devices", L, Shape.SITE),
                ("put_device", W, Shape.MODEL),
            ),
            as_listing=DeviceListing,
        ),
        Resource(
            DraftKind.SENSOR,
            Sensor,
            "sensor",
            _ops(("get_sensor", R, Shape.UUID), ("put_sensor", W, Shape.MODEL)),
        ),
        Resource(
            DraftKind.DEVICE_ALARMS,
            SystemAlarmConfiguration,
            "logger's alarms",
            _ops(
                ("get_device_alarm_configuration", R, Shape.UUID),
                ("put_device_alarm_configuration", W, Shape.UUID_MODEL),
            ),
            named_after=DraftKind.DEVICE,
        ),
        Resource(
            DraftKind.SENSOR_ALARMS,
            SystemAlarmConfiguration,
            "sensor's alarms",
            _ops(
                ("get_sensor_alarm_configuration", R, Shape.UUID),
                ("put_sensor_alarm_configuration", W, Shape.UUID_MODEL),
            ),
            named_after=DraftKind.SENSOR,
        ),
        Resource(
            DraftKind.MEASURING_OBJECT,
            MeasuringObject,
            "measuring object",
            _ops(
                ("get_measuring_object", R, Shape.UUID),
                ("list_measuring_objects", L, Shape.SITE),
                ("create_measuring_object", C, Shape.MODEL),
            ),
        ),
        Resource(
            DraftKind.INSTRUCTION_SET,
            MeasuringInstructionSet,
            "measuring object's measurement settings",
            _ops(
                ("get_measuring_instruction_set", R, Shape.UUID),
                ("put_measuring_instruction_set", W, Shape.UUID_MODEL),
            ),
            named_after=DraftKind.MEASURING_OBJECT,
        ),
        Resource(
            DraftKind.MEASUREMENT_ALARMS,
            MeasurementAlarmConfiguration,
            "measuring object's alarm limits",
            _ops(
                ("get_measuring_object_alarm_configuration", R, Shape.UUID),
                ("put_measuring_object_alarm_configuration", W, Shape.UUID_MODEL),
            ),
            named_after=DraftKind.MEASURING_OBJECT,
        ),
        Resource(
            DraftKind.GLOBAL_SETTINGS,
            GlobalSettings,
            "site's time zone",
            _ops(("get_global_settings", R, Shape.SITE), ("put_global_settings", W, Shape.SITE)),
        ),
    )
}

#: client operation name -> (its resource, the operation)
OPERATIONS: dict[str, tuple[Resource, Operation]] = {
    op.name: (resource, op) for resource in RESOURCES.values() for op in resource.operations
}


def object_id_of(op: Operation, site: str, args: tuple[Any, ...]) -> str:
    """Which object a call of `op` with `args` (after the site) is about ("" for a creation)."""
    if op.role is Role.CREATE or op.role is Role.LIST:
        return ""
    if op.shape is Shape.SITE:
        return site
    if op.shape is Shape.MODEL:
        return str(getattr(args[0], "uuid", "") or "")
    return str(args[0])


# --- the editors' session keys --------------------------------------------------------------------

#: how session keys were spelt before this table; still read, so nothing named the old way is lost
_OLD_SESSION_PREFIXES: dict[str, DraftKind] = {
    "device-alarms": DraftKind.DEVICE_ALARMS,
    "sensor-alarms": DraftKind.SENSOR_ALARMS,
    "instruction-set": DraftKind.INSTRUCTION_SET,
    "object-alarms": DraftKind.MEASUREMENT_ALARMS,
}


def session_key(kind: str, object_id: str) -> str:
    """The editors' name for the edit session of one document: `<kind>:<object id>`."""
    return f"{DraftKind(kind).value}:{object_id}"


def parse_session_key(key: str) -> tuple[Resource, str] | None:
    """(resource, object id) of a session key, or None when it names no resource or no object."""
    prefix, _, object_id = key.partition(":")
    kind = _OLD_SESSION_PREFIXES.get(prefix, prefix)
    resource = RESOURCES.get(kind)
    if resource is None or not object_id:
        return None
    return resource, object_id
