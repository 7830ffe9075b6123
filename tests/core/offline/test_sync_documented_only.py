"""The sync engine against the documented simulator profile (testo's documented routes only; real client).

The filter in front of it (tests/documented_only.py) refuses what the profile refuses too; it is there
to count the requests. What the cloud stored is read from the simulator's world: the documented server
offers no read of it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import LogicalChannel, MeasuringObject
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.core.offline.outbox import OutboxState, new_placeholder
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import Outcome, SyncEngine
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.documented_only import DocumentedOnly
from tests.virtual_loggers import set_up_logger

SITE = "Bakery Main Street"
ENDPOINT = Endpoint.custom("http://127.0.0.1:8765", "simulator")


async def _no_wait(seconds: float) -> None:
    return None


async def _never(seconds: float) -> None:
    await asyncio.Event().wait()


@pytest.fixture
def sim() -> Simulator:
    return Simulator(seed=11, join_delay=0.0, clock=ManualClock(), profile="documented")


@pytest.fixture
def transport(sim: Simulator) -> DocumentedOnly:
    return DocumentedOnly(sim.transport(), offline=lambda: sim.network_down)


async def _signed_in(transport: object) -> DeviceManagementClient:
    api = DeviceManagementClient(
        ENDPOINT, transport=transport, retry=RetryPolicy(sleep=_no_wait, jitter_source=lambda: 0.5)
    )
    await api.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    return api


@pytest.fixture
async def client(transport: DocumentedOnly) -> AsyncIterator[DeviceManagementClient]:
    api = await _signed_in(transport)
    yield api
    await api.aclose()


@pytest.fixture
async def full_view(sim: Simulator) -> AsyncIterator[DeviceManagementClient]:
    """Another client of the same cloud, past the filter (a colleague's writes)."""
    api = await _signed_in(sim.transport())
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


async def _join_logger(sim: Simulator, client: DeviceManagementClient) -> str:
    key = await client.create_connect_key(SITE)
    set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Shop", "wifi-secret", wait_s=None)
    (device,) = await client.list_devices(SITE)
    return device.uuid


ALARMS = {
    "alarms": [
        {"alarm_type": "BATTERY_LOW", "enabled": False, "severity": "ASV_ALARM", "delay": 0},
        {"alarm_type": "CONNECTION_TIMEOUT", "enabled": True, "severity": "ASV_WARNING", "delay": 1_800_000},
    ]
}


async def test_an_offline_edit_is_sent_without_its_read_and_says_conflicts_cannot_be_detected(
    sim: Simulator,
    client: DeviceManagementClient,
    engine: SyncEngine,
    transport: DocumentedOnly,
) -> None:
    uuid = await _join_logger(sim, client)
    sim.set_network_down(True)  # the laptop is on the logger's hotspot
    await engine.submit(SITE, "device_alarms", uuid, ALARMS, base={"alarms": []})
    await engine.wait_until_idle()
    assert (await engine.status()).open_changes == 1

    sim.set_network_down(False)
    reads_before = transport.count("get_device_alarm_configuration")
    await client.list_devices(SITE)  # the watcher's next poll notices the network is back
    await engine.wait_until_idle()
    status = await engine.status()
    assert status.open_changes == 0
    [result] = status.last_results
    assert result.outcome is Outcome.SENT
    assert result.message is not None
    assert "conflicts with changes made elsewhere cannot be detected" in result.message
    assert "logger's alarms" in result.message
    assert sim.world.device_alarms[uuid]["alarms"] == ALARMS["alarms"]
    [entry] = await engine.audit.entries()
    assert entry.result == "ok" and entry.message == result.message

    # A second change of the same kind in the same session: the read is not tried again.
    changed = {"alarms": [{**ALARMS["alarms"][0], "enabled": True}, ALARMS["alarms"][1]]}
    await engine.submit(SITE, "device_alarms", uuid, changed, base=ALARMS)
    await engine.wait_until_idle()
    assert sim.world.device_alarms[uuid]["alarms"][0]["enabled"]
    assert transport.count("get_device_alarm_configuration") == reads_before + 1  # one probe online


async def test_device_settings_are_read_from_the_listing_so_conflicts_are_still_found(
    sim: Simulator, client: DeviceManagementClient, full_view: DeviceManagementClient, engine: SyncEngine
) -> None:
    uuid = await _join_logger(sim, client)
    base = (await client.read_device(SITE, uuid)).to_payload()
    low = base["capability"]["measuring_cycle_min"]
    listed = (await full_view.list_devices(SITE))[0]
    await full_view.put_device(SITE, listed.with_changes(measuring_cycle=low * 2))  # a colleague
    engine.set_online(False)
    await engine.submit(SITE, "device", uuid, {**base, "measuring_cycle": low * 3}, base)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.CONFLICT
    assert sim.world.devices[uuid]["measuring_cycle"] == low * 2


def _fridge() -> MeasuringObject:
    return MeasuringObject(
        name="Fridge 3",
        logical_channels=[LogicalChannel(name="Internal temperature", physical_value_id="PV_TEMPERATURE")],
    )


async def test_a_creation_never_sent_goes_out_without_the_listing(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> None:
    await _join_logger(sim, client)
    engine.set_online(False)
    await engine.submit(SITE, "measuring_object", new_placeholder(), _fridge().to_payload())
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT
    assert result.message is not None and "cannot be detected" in result.message
    assert [o["name"] for o in sim.world.measuring_objects.values()] == ["Fridge 3"]


async def test_a_creation_that_may_have_arrived_is_not_sent_again_blindly(
    sim: Simulator, client: DeviceManagementClient, full_view: DeviceManagementClient, engine: SyncEngine
) -> None:
    await _join_logger(sim, client)
    engine.set_online(False)
    item = await engine.submit(SITE, "measuring_object", new_placeholder(), _fridge().to_payload())
    await full_view.create_measuring_object(SITE, _fridge())  # the earlier send that did arrive ...
    await engine.store.write(  # ... and whose answer was lost: the item is still "sending"
        lambda connection: connection.execute(
            "UPDATE outbox SET state = ? WHERE id = ?", (OutboxState.SENDING.value, item.id)
        )
    )
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.FAILED
    assert result.message is not None and "look in the testo cloud" in result.message
    assert len(sim.world.measuring_objects) == 1
