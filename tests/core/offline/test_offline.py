"""OfflineWork follows the app services: sign-in starts syncing, connectivity drives it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.core.offline.outbox import SENT_KEPT_FOR, Outbox, OutboxState
from saveris_desktop.core.offline.store import Store, timestamp, utc_now
from saveris_desktop.core.offline.sync import SyncStatus
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.virtual_loggers import set_up_logger

SITE = "Kitchen"


async def _no_wait(seconds: float) -> None:
    return None


@pytest.fixture
def sim() -> Simulator:
    return Simulator(seed=5, join_delay=0.0, clock=ManualClock())


@pytest.fixture
async def services(sim: Simulator) -> AsyncIterator[AppServices]:
    app = AppServices(
        endpoint=Endpoint.custom("http://127.0.0.1:8765", "simulator"),
        client_factory=lambda endpoint: DeviceManagementClient(
            endpoint, transport=sim.transport(), retry=RetryPolicy(sleep=_no_wait, jitter_source=lambda: 0.5)
        ),
        endpoint_fixed=True,
    )
    yield app
    await app.aclose()


async def _until(condition: object, attempts: int = 400) -> None:
    for _ in range(attempts):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.002)
    raise AssertionError("condition not reached")


async def test_queued_change_goes_out_after_sign_in_and_reconnect(
    sim: Simulator, services: AppServices, tmp_path: Path
) -> None:
    work = await OfflineWork.open(services, tmp_path / "db.sqlite3")
    assert work.problem is None and work.engine is None
    statuses: list[SyncStatus] = []
    work.sig_status.connect(statuses.append)

    await services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    key = await services.client.create_connect_key(SITE)
    set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Shop", "wifi-secret", wait_s=None)
    [device] = await services.client.list_devices(SITE)
    await work.remember_devices(SITE, [device])

    # signed out (e.g. app restarted, not yet signed in): Apply queues
    base = device.to_payload()
    await work.queue_change(SITE, "device", device.uuid, {**base, "name": "Fridge logger"}, base)
    assert statuses[-1].open_changes == 1

    services.set_signed_in(DEMO_USERNAME)  # the engine starts and sends what waited
    assert work.engine is not None
    await _until(lambda: statuses[-1].open_changes == 0 and not statuses[-1].running)
    assert (await services.client.get_device(SITE, device.uuid)).name == "Fridge logger"

    # on the logger's hotspot: Apply queues; back on the normal Wi-Fi: it goes out by itself
    sim.set_network_down(True)
    current = (await work.cached_devices(SITE))[0][0].to_payload()  # refreshed by the sync
    assert current["name"] == "Fridge logger"
    await work.queue_change(SITE, "device", device.uuid, {**current, "name": "Freezer logger"}, current)
    await _until(lambda: statuses[-1].online is False and statuses[-1].open_changes == 1)
    sim.set_network_down(False)
    await services.client.list_devices(SITE)  # the device list's next poll
    await _until(lambda: statuses[-1].online is True and statuses[-1].open_changes == 0)
    assert (await services.client.get_device(SITE, device.uuid)).name == "Freezer logger"
    assert [e.result for e in await work.audit.entries()] == ["ok", "ok"]

    cached, fetched_at = await work.cached_devices(SITE)
    assert [d.uuid for d in cached] == [device.uuid] and fetched_at is not None
    assert await work.known_sites() == [SITE]
    assert await work.object_label(SITE, "device_alarms", device.uuid) == "Freezer logger"
    assert await work.object_label(SITE, "global_settings", SITE) == SITE
    # an object the cache does not know: by the end of its uuid, never the whole uuid
    assert await work.object_label(SITE, "sensor", "unknown-uuid") == "sensor …uuid"
    await services.aclose()  # runs OfflineWork.aclose through the services' closers
    await work.aclose()  # idempotent


async def test_opening_prunes_changes_sent_long_ago_and_keeps_recent_ones(
    services: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    outbox = Outbox(store)
    for name in ("old", "recent", "open"):
        await outbox.enqueue("Europe, production", SITE, "device", name, {"name": name}, None)
    long_ago = timestamp(utc_now() - SENT_KEPT_FOR - timedelta(days=1))
    await store.write(
        lambda c: c.execute(
            "UPDATE outbox SET state = 'done', "
            "updated_at = CASE object_id WHEN 'old' THEN ? ELSE updated_at END WHERE object_id != 'open'",
            (long_ago,),
        )
    )
    await store.close()

    work = await OfflineWork.open(services, path)
    left = await work.outbox.items(states=tuple(OutboxState))
    assert sorted(i.object_id for i in left) == ["open", "recent"]
