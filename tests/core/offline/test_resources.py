"""The resource table: each cloud document declared once; the client wrappers and the sync generic over it."""

from __future__ import annotations

import inspect
import uuid as uuids
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.models import ApiModel
from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline import cache as cache_module
from saveris_desktop.core.offline import sync
from saveris_desktop.core.offline.audit import AuditLog
from saveris_desktop.core.offline.audited_client import AuditedClient
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.cached_client import CacheBackedClient
from saveris_desktop.core.offline.drafts import DraftKey, DraftKind, DraftStore
from saveris_desktop.core.offline.editor_drafts import EditorDrafts
from saveris_desktop.core.offline.resources import (
    OPERATIONS,
    RESOURCES,
    SITE_KIND,
    Operation,
    Resource,
    Role,
    Shape,
    object_id_of,
    parse_session_key,
    session_key,
)
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.runtime.tasks import TaskOwner

EU = "Europe, production"
SITE = "Kitchen"
#: what a document of each kind needs to be valid (the rest is optional in the models)
SEED: dict[str, dict[str, Any]] = {
    DraftKind.DEVICE: {"uuid": "obj-1", "name": "Fridge logger"},
    DraftKind.SENSOR: {"uuid": "obj-1", "name": "Probe"},
    DraftKind.MEASURING_OBJECT: {"uuid": "obj-1", "name": "Fridge 3", "logical_channels": []},
    DraftKind.GLOBAL_SETTINGS: {"timezone": "Europe/Berlin"},
}

READS = [(r, op) for r in RESOURCES.values() for op in r.operations if op.role is Role.READ]
WRITES = [(r, op) for r in RESOURCES.values() for op in r.operations if op.role in (Role.WRITE, Role.CREATE)]


def _document(resource: Resource, object_id: str = "obj-1") -> ApiModel:
    payload = dict(SEED.get(resource.kind, {}))
    if "uuid" in payload:
        payload["uuid"] = object_id
    return resource.model.model_validate(payload)


class TableClient:
    """A fake cloud answering every operation of the table by its role and shape (and nothing else)."""

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], dict[str, Any]] = {}
        self.offline = False
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        resource, op = OPERATIONS[name]

        async def operation(site: str, *args: Any, **_kwargs: Any) -> Any:
            self.calls.append(name)
            if self.offline:
                raise NetworkError("The cloud cannot be reached.")
            kind = resource.kind.value
            if op.role is Role.LIST:
                return [resource.model.model_validate(p) for (k, _), p in self.stored.items() if k == kind]
            if op.role is Role.READ:
                return resource.model.model_validate(self.stored[(kind, object_id_of(op, site, args))])
            document: ApiModel = args[-1]
            object_id = object_id_of(op, site, args) or uuids.uuid4().hex
            payload = {**document.to_payload(), **({"uuid": object_id} if op.role is Role.CREATE else {})}
            self.stored[(kind, object_id)] = payload
            return resource.model.model_validate(payload)

        return operation


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    store = await Store.open(tmp_path / "db.sqlite3")
    yield store
    await store.close()


def _args(op: Operation, document: ApiModel | None = None) -> tuple[Any, ...]:
    return {
        Shape.SITE: (SITE,) if document is None else (SITE, document),
        Shape.UUID: (SITE, "obj-1"),
        Shape.MODEL: (SITE, document),
        Shape.UUID_MODEL: (SITE, "obj-1", document),
    }[op.shape]


# --- the table itself -------------------------------------------------------------------------------


def test_every_cloud_document_kind_is_declared_once() -> None:
    not_documents = {DraftKind.WIZARD, DraftKind.SITE_PLAN, DraftKind.COMMISSIONING_PLAN}
    assert set(RESOURCES) == {kind.value for kind in DraftKind} - not_documents
    assert len(OPERATIONS) == sum(len(r.operations) for r in RESOURCES.values())  # no operation twice


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_each_operation_is_a_client_method_taking_what_its_shape_says(name: str) -> None:
    _resource, op = OPERATIONS[name]
    parameters = [
        p
        for p in inspect.signature(getattr(DeviceManagementClient, name)).parameters.values()
        if p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "self"
    ]
    expected = {
        (Shape.SITE, Role.READ): 1,
        (Shape.SITE, Role.LIST): 1,
        (Shape.SITE, Role.WRITE): 2,
        (Shape.UUID, Role.READ): 2,
        (Shape.MODEL, Role.WRITE): 2,
        (Shape.MODEL, Role.CREATE): 2,
        (Shape.UUID_MODEL, Role.WRITE): 3,
    }[(op.shape, op.role)]
    assert len(parameters) == expected, (name, parameters)


def test_the_site_kind_is_one_word_for_the_outbox_and_the_cache() -> None:
    assert cache_module.SITE_KIND is SITE_KIND
    assert SITE_KIND in sync.SUPPORTED_KINDS


def test_the_sync_sends_every_writable_kind_of_the_table() -> None:
    writable = {kind for kind, r in RESOURCES.items() if r.operation(Role.WRITE) is not None}
    creatable = {kind for kind, r in RESOURCES.items() if r.operation(Role.CREATE) is not None}
    assert writable | creatable | {SITE_KIND} == set(sync.SUPPORTED_KINDS)


# --- session keys -------------------------------------------------------------------------------------


def test_session_keys_are_spelt_like_the_stored_kinds_and_the_old_spelling_still_reads() -> None:
    assert session_key(DraftKind.DEVICE_ALARMS, "d1") == "device_alarms:d1"
    assert session_key(DraftKind.MEASUREMENT_ALARMS, "o1") == "measurement_alarms:o1"
    for old, kind in (
        ("device-alarms:d1", DraftKind.DEVICE_ALARMS),
        ("sensor-alarms:d1", DraftKind.SENSOR_ALARMS),
        ("instruction-set:d1", DraftKind.INSTRUCTION_SET),
        ("object-alarms:d1", DraftKind.MEASUREMENT_ALARMS),
    ):
        parsed = parse_session_key(old)
        assert parsed is not None and parsed[0].kind is kind and parsed[1] == "d1"
        assert parse_session_key(session_key(kind, "d1")) == parsed
    assert parse_session_key("unknown:x") is None and parse_session_key("device:") is None


async def test_a_draft_saved_before_the_table_comes_back_in_the_editor(store: Store) -> None:
    """Drafts in technicians' databases are stored under the kind ("device_alarms"), which did not
    change; the session that opens the logger's alarms today finds them."""
    drafts = DraftStore(store)
    base = {"alarms": []}
    await drafts.save(DraftKey(EU, SITE, "device_alarms", "d1"), {"alarms": [{"kind": "battery"}]}, base=base)
    bridge = EditorDrafts(drafts, lambda: EU, lambda: SITE, TaskOwner("editors"))
    session = EditSession(base, key=session_key(DraftKind.DEVICE_ALARMS, "d1"))
    resumed = await bridge.restore(session)
    assert resumed is not None and session.payload() == {"alarms": [{"kind": "battery"}]}


# --- the wrappers, generic over the table ----------------------------------------------------------


@pytest.mark.parametrize(("resource", "op"), READS, ids=[op.name for _, op in READS])
async def test_every_read_of_the_table_is_cached_and_answers_offline(
    store: Store, resource: Resource, op: Operation
) -> None:
    cloud = TableClient()
    object_id = SITE if op.shape is Shape.SITE else "obj-1"
    cloud.stored[(resource.kind.value, object_id)] = _document(resource).to_payload()
    served: list[tuple[str, str]] = []
    client = CacheBackedClient(cloud, Cache(store), lambda: EU, lambda k, o, _at: served.append((k, o)))
    online = await getattr(client, op.name)(*_args(op))
    cloud.offline = True
    offline = await getattr(client, op.name)(*_args(op))
    assert offline == online and type(offline) is resource.model
    assert served == [(resource.kind.value, object_id)]


@pytest.mark.parametrize(("resource", "op"), WRITES, ids=[op.name for _, op in WRITES])
async def test_every_write_of_the_table_is_audited(store: Store, resource: Resource, op: Operation) -> None:
    cloud = TableClient()
    audit = AuditLog(store)
    client = AuditedClient(cloud, audit, Cache(store), endpoint=lambda: EU, user=lambda: "tech")
    answer = await getattr(client, op.name)(*_args(op, _document(resource)))
    [entry] = await audit.entries()
    assert (entry.kind, entry.result) == (resource.kind.value, "ok")
    assert entry.object_id == (getattr(answer, "uuid", None) or (SITE if op.shape is Shape.SITE else "obj-1"))


async def test_what_is_not_in_the_table_passes_through(store: Store) -> None:
    class Client:
        async def sign_in(self, user: str, password: str) -> str:
            return f"signed in as {user}"

    cached = CacheBackedClient(
        AuditedClient(Client(), AuditLog(store), Cache(store), endpoint=lambda: EU, user=lambda: None),
        Cache(store),
        lambda: EU,
    )
    assert await cached.sign_in("tech", "pw") == "signed in as tech"
    assert await AuditLog(store).entries() == []
