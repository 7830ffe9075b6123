"""The sync engine against each answer the cloud can give in the middle of a run (real client + simulator).

Two loggers have a queued change each; the first change's request meets the answer under test. What
must hold every time: nothing typed is lost, nothing is sent twice, a run stops where going on would
be pointless (the cloud is down, throttling, or the sign-in is refused) and goes on where only one
change is affected, and once the cloud answers normally the next run brings the server to exactly
what was queued.
"""

from __future__ import annotations

import asyncio

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.core.offline.outbox import OutboxState
from saveris_desktop.core.offline.sync import Outcome, SyncEngine
from saveris_desktop.simulator import LoggerKind, Simulator
from tests.core.offline.test_sync_simulator import SITE
from tests.core.offline.test_sync_simulator import client as client
from tests.core.offline.test_sync_simulator import engine as engine
from tests.core.offline.test_sync_simulator import sim as sim
from tests.virtual_loggers import set_up_logger


async def _two_queued_edits(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> tuple[list[str], list[int]]:
    """Two loggers, a renamed each, queued while the engine believes it is offline (no run starts)."""
    key = await client.create_connect_key(SITE)
    for _ in range(2):
        set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Shop", "wifi-secret", wait_s=None)
    uuids = [d.uuid for d in await client.list_devices(SITE)]
    engine.set_online(False)
    ids = []
    for number, uuid in enumerate(uuids, start=1):
        base = (await client.get_device(SITE, uuid)).to_payload()
        item = await engine.submit(SITE, "device", uuid, {**base, "name": f"Fridge {number}"}, base)
        ids.append(item.id)
    return uuids, ids


async def _names(client: DeviceManagementClient, uuids: list[str]) -> list[str | None]:
    return [(await client.get_device(SITE, uuid)).name for uuid in uuids]


@pytest.mark.parametrize(
    ("fault", "outcome", "stops_the_run"),
    [
        pytest.param({"kind": "error_status", "status": 500}, Outcome.WAITING, True, id="500"),
        pytest.param({"kind": "error_status", "status": 503}, Outcome.WAITING, True, id="503-retried"),
        pytest.param({"kind": "rate_limit", "retry_after": 1}, Outcome.WAITING, True, id="429"),
        pytest.param({"kind": "drop_connection"}, Outcome.OFFLINE, True, id="dropped-before"),
        pytest.param({"kind": "error_status", "status": 409}, Outcome.WAITING, False, id="409"),
    ],
)
async def test_a_failing_answer_keeps_the_change_and_the_next_run_sends_it_once(
    sim: Simulator,
    client: DeviceManagementClient,
    engine: SyncEngine,
    fault: dict[str, object],
    outcome: Outcome,
    stops_the_run: bool,
) -> None:
    uuids, ids = await _two_queued_edits(sim, client, engine)
    before = await _names(client, uuids)
    options = dict(fault)  # the parameter is shared by every run of the test (mutmut runs it twice)
    kind = str(options.pop("kind"))
    sim.add_fault(kind, route="put_device", count=None if stops_the_run else 1, **options)

    results = await engine.sync_now()

    assert [r.item_id for r in results] == (ids[:1] if stops_the_run else ids)
    assert results[0].outcome is outcome and results[0].message  # the reason is shown
    first = await engine.outbox.get(ids[0])
    assert first.state in (OutboxState.PENDING, OutboxState.SENDING)  # still queued, not failed or done
    assert first.payload["name"] == "Fridge 1"  # what was typed is kept
    if stops_the_run:
        assert await _names(client, uuids) == before
        assert (await engine.outbox.get(ids[1])).state is OutboxState.PENDING
    else:
        assert results[1].outcome is Outcome.SENT  # one refused change does not hold up the others

    sim.clear_faults()
    await engine.sync_now()
    assert await _names(client, uuids) == ["Fridge 1", "Fridge 2"]
    assert [(await engine.outbox.get(i)).state for i in ids] == [OutboxState.DONE, OutboxState.DONE]
    sent = [e for e in await engine.audit.entries() if e.result == "ok"]
    assert len(sent) == 2  # each change recorded as sent exactly once


async def test_a_sign_in_that_expired_mid_run_is_renewed_and_the_run_goes_on(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> None:
    uuids, _ = await _two_queued_edits(sim, client, engine)
    sim.add_fault("expire_token", route="put_device", count=1)
    results = await engine.sync_now()
    assert [r.outcome for r in results] == [Outcome.SENT, Outcome.SENT]
    assert await _names(client, uuids) == ["Fridge 1", "Fridge 2"]


async def test_an_answer_lost_after_the_change_arrived_is_not_sent_twice(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> None:
    """The PUT was carried out, then the connection dropped; the change must end up applied once."""
    uuids, ids = await _two_queued_edits(sim, client, engine)
    sim.add_fault("drop_connection", route="put_device", count=None, after=True)
    results = await engine.sync_now()
    assert results[0].outcome is Outcome.OFFLINE
    assert (
        await engine.outbox.get(ids[0])
    ).state is OutboxState.SENDING  # maybe arrived: not resendable blindly
    assert (await _names(client, uuids))[0] == "Fridge 1"  # it did arrive
    sim.clear_faults()
    await engine.sync_now()
    # The next run reads the server first and finds the change there: recorded, not sent again.
    # (The reads above told the engine the cloud is back, so its own run may be the one that did it;
    # an idle run after it keeps that run's report.)
    results = (await engine.status()).last_results
    assert [r.outcome for r in results] == [Outcome.ALREADY_APPLIED, Outcome.SENT]
    assert await _names(client, uuids) == ["Fridge 1", "Fridge 2"]


async def test_an_edit_made_while_its_put_is_in_flight_is_sent_by_the_next_run(
    sim: Simulator, client: DeviceManagementClient, engine: SyncEngine
) -> None:
    uuids, ids = await _two_queued_edits(sim, client, engine)
    sim.add_fault("latency", route="put_device", count=1, latency=0.2)
    engine.set_online(True)  # back online: the engine starts a run by itself
    while (await engine.outbox.get(ids[0])).state is not OutboxState.SENDING:
        await asyncio.sleep(0.005)  # wait until the first PUT is on its way
    base = (await client.get_device(SITE, uuids[0])).to_payload()
    later = await engine.submit(SITE, "device", uuids[0], {**base, "name": "Fridge 1 (left)"}, base)
    await engine.wait_until_idle()
    assert later.id != ids[0]  # not folded into the change that was already on its way
    assert (await engine.outbox.get(ids[0])).state is OutboxState.DONE
    assert (await engine.outbox.get(later.id)).state is OutboxState.DONE
    assert await _names(client, uuids) == ["Fridge 1 (left)", "Fridge 2"]
