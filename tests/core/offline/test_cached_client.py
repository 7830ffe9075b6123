from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.models import Device
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.cached_client import CacheBackedClient, read_or_cached
from saveris_desktop.core.offline.resources import RESOURCES
from saveris_desktop.core.offline.store import Store
from tests.core.offline.fake_sync_client import FakeServer, FakeSyncClient, fridge_object

EU = "Europe, production"


@pytest.fixture
async def cache(tmp_path: Path) -> AsyncIterator[Cache]:
    store = await Store.open(tmp_path / "db.sqlite3")
    yield Cache(store)
    await store.close()


async def test_reads_are_kept_and_answer_offline(cache: Cache) -> None:
    server = FakeServer()
    server.objects[("device", "d1")] = {"uuid": "d1", "name": "Fridge logger", "vendor": {"x": 1}}
    served: list[tuple[str, str]] = []
    client = CacheBackedClient(
        FakeSyncClient(server), cache, lambda: EU, lambda k, o, _at: served.append((k, o))
    )
    online = await client.get_device("Kitchen", "d1")
    created = await FakeSyncClient(server).create_measuring_object("Kitchen", fridge_object())
    assert [o.uuid for o in await client.list_measuring_objects("Kitchen")] == [created.uuid]

    server.offline = True
    offline = await client.get_device("Kitchen", "d1")
    assert offline == online and offline.to_payload()["vendor"] == {"x": 1}
    assert [o.name for o in await client.list_measuring_objects("Kitchen")] == ["Fridge 3"]
    assert served == [("device", "d1"), ("measuring_object", "")]
    with pytest.raises(NetworkError):
        await client.get_sensor("Kitchen", "never-read")
    with pytest.raises(NetworkError):  # writes are never answered from the cache
        await client.put_device("Kitchen", Device(uuid="d1", name="x"))


async def test_one_read_says_whether_it_came_from_the_cache_and_from_when(cache: Cache) -> None:
    server = FakeServer()
    server.objects[("device", "d1")] = {"uuid": "d1", "name": "Fridge logger"}
    client = FakeSyncClient(server)
    device = RESOURCES["device"]

    fresh = await read_or_cached(
        cache, EU, "Kitchen", device, "d1", lambda: client.get_device("Kitchen", "d1")
    )
    assert fresh.cached_at is None and fresh.value.to_payload()["name"] == "Fridge logger"
    [kept] = await cache.find(EU, "Kitchen", "device")

    server.offline = True
    offline = await read_or_cached(
        cache, EU, "Kitchen", device, "d1", lambda: client.get_device("Kitchen", "d1")
    )
    assert offline.value == fresh.value and offline.cached_at == kept.fetched_at
    with pytest.raises(NetworkError):  # nothing known: the caller says so
        await read_or_cached(cache, EU, "Other", device, "d1", lambda: client.get_device("Other", "d1"))
