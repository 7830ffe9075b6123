"""The offline core against the real API client and the in-process simulator (no fakes in between)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import SensorChannelRef
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.core.devices.presets import preset
from saveris_desktop.core.offline.merge import Side
from saveris_desktop.core.offline.outbox import OutboxState
from saveris_desktop.core.offline.site_plan import (
    ObjectState,
    PlannedChannel,
    PlannedObject,
    SitePlan,
    SitePlanner,
)
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import Outcome, SyncEngine
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.sim_profiles import both_profiles

SITE = "Bakery Main Street"


async def _no_wait(seconds: float) -> None:
    return None


async def _never(seconds: float) -> None:
    await asyncio.Event().wait()  # the background probe stays out of these tests' way


@pytest.fixture
def sim(request: pytest.FixtureRequest) -> Simulator:
    profile = getattr(request, "param", "assumed")  # tests/sim_profiles.both_profiles(fixture="sim")
    return Simulator(seed=11, join_delay=0.0, clock=ManualClock(), profile=profile)


@pytest.fixture
async def client(sim: Simulator) -> AsyncIterator[DeviceManagementClient]:
    api = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:8765", "simulator"),
        transport=sim.transport(),
        retry=RetryPolicy(sleep=_no_wait, jitter_source=lambda: 0.5),
    )
    await api.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    yield api
    await api.aclose()


@pytest.fixture
async def engine(tmp_path: Path, client: DeviceManagementClient) -> AsyncIterator[SyncEngine]:
    store = await Store.open(tmp_path / "db.sqlite3")
    sync = SyncEngine(store, client, endpoint=client.endpoint.label, user=DEMO_USERNAME, sleep=_never)
    client.sig_connectivity.connect(sync.set_online)
    yield sync
    await sync.aclose()
    await store.close()


async def _join_logger(sim: Simulator, client: DeviceManagementClient, site: str) -> str:
    key = await client.create_connect_key(site)
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id, seconds=3.0)
    result = sim.submit_configuration(logger.id, key.connect_key, "Shop", "wifi-secret")
    assert result.ok, result.message
    (device,) = await client.list_devices(site)
    return device.uuid


@both_profiles(fixture="sim")
async def test_offline_edit_reconnect_sync(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> None:
    uuid = await _join_logger(sim, client, SITE)
    (device,) = await client.list_devices(SITE)  # the documented read: full device documents
    assert device.capability is not None
    cycle = (device.capability.measuring_cycle_min or 60000) * 4
    base = device.to_payload()

    sim.set_network_down(True)  # the laptop joins a logger's hotspot
    await engine.submit(SITE, "device", uuid, {**base, "measuring_cycle": cycle}, base)
    await engine.wait_until_idle()
    assert engine.online is False
    status = await engine.status()
    assert status.open_changes == 1 and status.last_results[0].outcome is Outcome.OFFLINE

    sim.set_network_down(False)
    await client.list_devices(SITE)  # any request (the device watcher's poll) notices the network is back
    await engine.wait_until_idle()
    assert (await engine.status()).open_changes == 0
    (stored,) = await client.list_devices(SITE)
    assert stored.measuring_cycle == cycle
    assert {k: v for k, v in stored.to_payload().items() if k != "measuring_cycle"} == {
        k: v for k, v in base.items() if k != "measuring_cycle"
    }
    [entry] = await engine.audit.entries()
    assert entry.result == "ok" and entry.after["measuring_cycle"] == cycle


async def test_conflict_with_a_change_made_in_the_cloud(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> None:
    uuid = await _join_logger(sim, client, SITE)
    device = await client.get_device(SITE, uuid)
    assert device.capability is not None
    low = device.capability.measuring_cycle_min or 60000
    base = device.to_payload()
    # a colleague changes the same field (and the name) in the cloud meanwhile
    await client.put_device(SITE, device.with_changes(measuring_cycle=low * 2, name="Colleague's name"))
    engine.set_online(False)
    item = await engine.submit(SITE, "device", uuid, {**base, "measuring_cycle": low * 3}, base)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.CONFLICT
    [conflict] = (await engine.outbox.get(item.id)).conflicts
    assert (conflict.label, conflict.mine, conflict.server) == ("measuring_cycle", low * 3, low * 2)
    assert (await client.get_device(SITE, uuid)).measuring_cycle == low * 2  # nothing overwritten

    await engine.resolve_conflict(item.id, {conflict.path: Side.MINE})
    await engine.sync_now()
    stored = await client.get_device(SITE, uuid)
    assert (stored.measuring_cycle, stored.name) == (low * 3, "Colleague's name")
    assert (await engine.outbox.get(item.id)).state is OutboxState.DONE


async def test_site_prepared_offline_then_created_and_completed_after_the_logger_joined(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> None:
    fridge = preset("fridge")
    conditions = [
        {"measurementAlarmConditions": [c.to_payload() for c in fridge.conditions("PU_DEGREE_CELSIUS")]}
    ]
    plan = SitePlan(
        site="Bakery Nord",
        timezone="Europe/Berlin",
        objects=[
            PlannedObject(
                name="Fridge 1",
                logical_channels=[
                    PlannedChannel(
                        name="Internal temperature",
                        physical_value_id="PV_TEMPERATURE",
                        physical_unit_id="PU_DEGREE_CELSIUS",
                    )
                ],
                alarms={"Internal temperature": conditions},
            )
        ],
    )
    planner = SitePlanner(engine)
    sim.set_network_down(True)
    engine.set_online(False)
    report = await planner.create_in_cloud(plan)
    assert report.queued == [] and [w.state for w in report.waiting] == [ObjectState.WAITING_FOR_SENSOR]

    sim.set_network_down(False)
    engine.set_online(True)
    await engine.wait_until_idle()
    key = await client.get_connect_key("Bakery Nord")  # the site exists now
    assert key.site == "Bakery Nord"

    uuid = await _join_logger(sim, client, "Bakery Nord")
    device = await client.get_device("Bakery Nord", uuid)
    sensor = await client.get_sensor("Bakery Nord", device.sensors_connections[0].sensor_uuid)
    stored = await planner.load("Bakery Nord")
    assert stored is not None
    stored.objects[0].logical_channels[0].sensor_channel = SensorChannelRef(
        sensor_uuid=sensor.uuid, channel_index=sensor.channels[0].channel_index
    )
    again = await planner.create_in_cloud(stored)
    assert again.queued == ["Fridge 1"]
    await engine.wait_until_idle()
    [progress] = await planner.progress(again.plan)
    assert progress.state is ObjectState.CREATED, progress
    [obj] = await client.list_measuring_objects("Bakery Nord")
    assert obj.uuid == progress.uuid
    alarms = await client.get_measuring_object_alarm_configuration("Bakery Nord", obj.uuid or "")
    [channel_config] = alarms.channel_alarm_configurations
    assert channel_config.logical_channel_uuid == obj.logical_channels[0].uuid
    assert len(channel_config.measurementAlarmConditionSet[0].measurementAlarmConditions) == 4


async def test_a_site_that_exists_already_is_not_created_again(
    client: DeviceManagementClient, engine: SyncEngine
) -> None:
    await client.create_connect_key("Bakery Süd")  # made by the wizard, or before a crash
    await engine.submit("Bakery Süd", "site", "Bakery Süd", {"site": "Bakery Süd"})
    await engine.wait_until_idle()
    status = await engine.status()
    assert status.open_changes == 0
    [result] = status.last_results
    assert result.outcome is Outcome.ALREADY_APPLIED
