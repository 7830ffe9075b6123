"""The client stack, built once: it follows a region change, reads offline from the cache, audits writes."""

from __future__ import annotations

from pathlib import Path

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import Device
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.cloud_access import build_cloud_access
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.core.runtime.test_services import AM, _services
from tests.virtual_loggers import set_up_logger

SITE = "Bakery"


async def test_the_stack_built_once_follows_a_region_change() -> None:
    services, made = _services()
    access = build_cloud_access(services)
    assert access.changes is None and access.client.endpoint is made[0].endpoint
    await services.use_endpoint(AM)
    # (the device list is polled by services.listing_feeds, which follows the region: test_listing_feed)
    assert access.client.endpoint is made[1].endpoint


async def test_with_offline_work_reads_fall_back_to_the_cache_and_writes_are_audited(tmp_path: Path) -> None:
    sim = Simulator(seed=3, join_delay=0.0, clock=ManualClock())
    services = AppServices(
        endpoint=Endpoint.custom("http://127.0.0.1", "simulator"),
        client_factory=lambda endpoint: DeviceManagementClient(endpoint, transport=sim.transport()),
        simulator=sim,
        endpoint_fixed=True,
    )
    client: DeviceManagementClient = services.client
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    services.set_signed_in(DEMO_USERNAME)
    key = await client.create_connect_key(SITE)
    set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Shop", "pw123456", wait_s=None)
    [device] = await client.list_devices(SITE)
    work = await OfflineWork.open(services, tmp_path / "db.sqlite3")
    access = build_cloud_access(services, work)
    assert access.changes is work
    ages: list[str] = []
    work.sig_served_from_cache.connect(ages.append)

    read = await access.client.get_device(SITE, device.uuid)  # online: kept in the cache
    sim.set_network_down(True)
    offline = await access.client.get_device(SITE, device.uuid)
    assert offline == read and len(ages) == 1  # answered by the cache, and its age announced

    sim.set_network_down(False)
    await access.client.put_device(SITE, Device.model_validate({**read.to_payload(), "name": "Fridge"}))
    [entry] = await work.audit.entries()
    assert (entry.result, entry.kind, entry.after["name"]) == ("ok", "device", "Fridge")
    await services.aclose()


async def test_the_offline_layer_added_later_serves_the_client_handed_out_before(tmp_path: Path) -> None:
    """The local data opened only after start-up (ui/offline/unavailable.py retried): whoever got
    `access.client` at start (the editors, the sensor directory) gains the cache and the outbox."""
    sim = Simulator(seed=3, join_delay=0.0, clock=ManualClock())
    services = AppServices(
        endpoint=Endpoint.custom("http://127.0.0.1", "simulator"),
        client_factory=lambda endpoint: DeviceManagementClient(endpoint, transport=sim.transport()),
        simulator=sim,
        endpoint_fixed=True,
    )
    await services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    services.set_signed_in(DEMO_USERNAME)
    key = await services.client.create_connect_key(SITE)
    set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Shop", "pw123456", wait_s=None)
    [device] = await services.client.list_devices(SITE)
    access = build_cloud_access(services)
    held = access.client  # as the editors hold it from start-up
    assert access.changes is None

    work = await OfflineWork.open(services, tmp_path / "db.sqlite3")
    access.open_offline(work)
    assert access.changes is work
    read = await held.get_device(SITE, device.uuid)  # now kept in the cache
    sim.set_network_down(True)
    assert await held.get_device(SITE, device.uuid) == read  # answered by the cache
    await services.aclose()
