from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.api.errors import NetworkError, RequestValidationError
from saveris_desktop.api.models import Device
from saveris_desktop.core.offline.audit import AuditLog
from saveris_desktop.core.offline.audited_client import AuditedClient
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.store import Store
from tests.core.offline.fake_sync_client import FakeServer, FakeSyncClient, fridge_object

EU = "Europe, production"


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    yield opened
    await opened.close()


async def test_direct_writes_are_audited_with_before_and_after(store: Store) -> None:
    server = FakeServer()
    server.objects[("device", "d1")] = {"uuid": "d1", "name": "Old"}
    cache, audit = Cache(store), AuditLog(store)
    await cache.put(EU, "Kitchen", "device", "d1", {"uuid": "d1", "name": "Old"})  # what the editor loaded
    client = AuditedClient(FakeSyncClient(server), audit, cache, endpoint=lambda: EU, user=lambda: "tech")

    await client.put_device("Kitchen", Device(uuid="d1", name="New"))
    server.refuse["d1"] = "name too long"
    with pytest.raises(RequestValidationError):
        await client.put_device("Kitchen", Device(uuid="d1", name="N" * 300))
    server.offline = True
    with pytest.raises(NetworkError):
        await client.put_device("Kitchen", Device(uuid="d1", name="Offline"))
    server.offline = False
    created = await client.create_measuring_object("Kitchen", fridge_object())

    created_entry, refused, sent = await audit.entries()
    assert (sent.result, sent.user, sent.before, sent.after) == (
        "ok",
        "tech",
        {"uuid": "d1", "name": "Old"},
        {"uuid": "d1", "name": "New"},
    )
    assert refused.result == "failed" and "name too long" in (refused.message or "")
    assert refused.before == {"uuid": "d1", "name": "New"}  # the cache follows what the cloud accepted
    assert (created_entry.kind, created_entry.object_id, created_entry.result) == (
        "measuring_object",
        created.uuid,
        "ok",
    )
