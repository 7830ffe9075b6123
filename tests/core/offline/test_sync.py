from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from saveris_desktop.api.errors import ConflictError
from saveris_desktop.api.models import ConnectKey, Device, SensorChannelRef
from saveris_desktop.core.offline.audit import AuditResult, entries_to_csv
from saveris_desktop.core.offline.drafts import DraftKey, DraftStore
from saveris_desktop.core.offline.merge import Side
from saveris_desktop.core.offline.outbox import OutboxState, new_placeholder
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import Outcome, SyncEngine, SyncStatus
from tests.core.offline.fake_sync_client import FakeServer, FakeSyncClient, ProcessDied, fridge_object

EU = "Europe, production"
SITE = "Kitchen"


def device(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uuid": "dev-1",
        "serial_number": "S1",
        "name": "Logger",
        "measuring_cycle": 60000,
        "communication_cycle": 900000,
        "vendor_field": {"kept": True},
    }
    data.update(changes)
    return data


_engines: list[SyncEngine] = []


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    yield opened
    while _engines:  # engines first: a background probe must not outlive its database
        await _engines.pop().aclose()
    await opened.close()


@pytest.fixture
def server() -> FakeServer:
    fake = FakeServer()
    fake.objects[("device", "dev-1")] = device()
    fake.objects[("device", "dev-2")] = device(uuid="dev-2", serial_number="S2")
    return fake


def engine_for(store: Store, server: FakeServer, **options: Any) -> SyncEngine:
    engine = SyncEngine(store, FakeSyncClient(server), endpoint=EU, user="tech@example.com", **options)
    _engines.append(engine)
    return engine


async def test_offline_edit_is_queued_and_synced_when_back_online(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    statuses: list[SyncStatus] = []
    engine.sig_status.connect(statuses.append)
    server.offline = True
    engine.set_online(False)
    await engine.submit(SITE, "device", "dev-1", device(measuring_cycle=120000), base=device())
    await engine.submit(SITE, "device", "dev-1", device(measuring_cycle=300000), base=device())  # coalesced
    await engine.wait_until_idle()
    assert server.writes == []
    assert (await engine.status()).open_changes == 1
    assert statuses[-1].online is False and statuses[-1].open_changes == 1

    server.offline = False
    engine.set_online(True)  # what the client's connectivity listener calls
    await engine.wait_until_idle()
    assert server.writes == [("device", "dev-1")]
    assert server.objects[("device", "dev-1")]["measuring_cycle"] == 300000
    assert server.objects[("device", "dev-1")]["vendor_field"] == {"kept": True}
    assert statuses[-1].open_changes == 0
    assert [r.outcome for r in statuses[-1].last_results] == [Outcome.SENT]
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.user, entry.endpoint, entry.site) == ("ok", "tech@example.com", EU, SITE)
    assert entry.before["measuring_cycle"] == 60000 and entry.after["measuring_cycle"] == 300000
    await engine.aclose()


async def test_network_lost_during_a_run_keeps_the_change_queued(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="A"), device())
    server.offline = True
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.OFFLINE
    assert engine.online is False
    [item] = await engine.outbox.items()
    assert item.state is OutboxState.PENDING


async def test_while_offline_the_engine_probes_until_the_cloud_answers(
    store: Store, server: FakeServer
) -> None:
    delays: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        delays.append(seconds)
        if len(delays) == 3:
            server.offline = False  # back on the normal Wi-Fi

    engine = engine_for(store, server, probe_delays=(1.0, 2.0), sleep=fake_sleep)
    server.offline = True
    await engine.submit(SITE, "device", "dev-1", device(name="probe"), base=device())
    await engine.wait_until_idle()  # the first try found no network and started probing
    assert engine.online is False
    for _ in range(400):  # a few ms in practice: every step is a fake sleep or a tiny sqlite write
        if engine.online and (await engine.status()).open_changes == 0:
            break
        await asyncio.sleep(0.005)
    assert delays == [1.0, 2.0, 2.0]
    assert server.writes == [("device", "dev-1")]
    assert engine.online is True


async def test_fields_changed_on_different_sides_merge_by_themselves(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    base = device()
    server.objects[("device", "dev-1")] = device(name="Renamed in the cloud", new_server_field=7)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(measuring_cycle=120000), base)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT
    on_server = server.objects[("device", "dev-1")]
    assert on_server["name"] == "Renamed in the cloud"
    assert on_server["measuring_cycle"] == 120000
    assert on_server["new_server_field"] == 7


@pytest.mark.parametrize(("choice", "expected", "writes"), [(Side.MINE, 120000, 1), (Side.SERVER, 30000, 0)])
async def test_same_field_on_both_sides_waits_for_the_technician(
    store: Store, server: FakeServer, choice: Side, expected: int, writes: int
) -> None:
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(measuring_cycle=30000, name="Cloud name")
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(measuring_cycle=120000), device())
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.CONFLICT
    assert server.writes == []  # nothing overwritten
    conflicted = await engine.outbox.get(item.id)
    assert conflicted.state is OutboxState.CONFLICT
    [conflict] = conflicted.conflicts
    assert (conflict.label, conflict.base, conflict.mine, conflict.server) == (
        "measuring_cycle",
        60000,
        120000,
        30000,
    )
    # a second run does not touch it either
    assert await engine.sync_now() == []

    await engine.resolve_conflict(item.id, {conflict.path: choice})
    await engine.wait_until_idle()
    assert server.objects[("device", "dev-1")]["measuring_cycle"] == expected
    assert server.objects[("device", "dev-1")]["name"] == "Cloud name"
    assert len(server.writes) == writes
    assert (await engine.outbox.get(item.id)).state is OutboxState.DONE


async def test_crash_between_send_and_acknowledgement_never_sends_twice(
    tmp_path: Path, server: FakeServer
) -> None:
    path = tmp_path / "db.sqlite3"
    first = await Store.open(path)
    engine = engine_for(first, server)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Fridge 3"), device())
    server.die_after_next_write = True
    with pytest.raises(ProcessDied):
        await engine.sync_now()
    [item] = await engine.outbox.items()
    assert item.state is OutboxState.SENDING  # "maybe sent" is what survived on disk
    await first.close()

    second = await Store.open(path)
    restarted = engine_for(second, server)
    [result] = await restarted.sync_now()
    assert result.outcome is Outcome.ALREADY_APPLIED
    assert server.writes == [("device", "dev-1")]  # exactly once
    [entry] = await restarted.audit.entries()
    assert entry.result == AuditResult.OK and "not sent again" in (entry.message or "")
    await second.close()


async def test_crash_after_creating_an_object_does_not_create_it_twice(
    tmp_path: Path, server: FakeServer
) -> None:
    path = tmp_path / "db.sqlite3"
    first = await Store.open(path)
    engine = engine_for(first, server)
    placeholder = new_placeholder()
    await engine.outbox.enqueue(EU, SITE, "measuring_object", placeholder, fridge_object().to_payload())
    server.die_after_next_write = True
    with pytest.raises(ProcessDied):
        await engine.sync_now()
    await first.close()

    second = await Store.open(path)
    restarted = engine_for(second, server)
    [result] = await restarted.sync_now()
    assert result.outcome is Outcome.ALREADY_APPLIED
    assert len(server.measuring_objects[SITE]) == 1
    assert result.object_id == server.measuring_objects[SITE][0]["uuid"]
    await second.close()


async def test_an_older_object_on_another_sensor_is_not_taken_for_the_one_to_create(
    store: Store, server: FakeServer
) -> None:
    # same name and channel names, but fed by another sensor: a different object, so create ours
    older = fridge_object()
    older.logical_channels[0].sensor_channel = SensorChannelRef(sensor_uuid="sensor-old")
    server.measuring_objects[SITE] = [{**older.to_payload(), "uuid": "older"}]
    wanted = fridge_object()
    wanted.logical_channels[0].sensor_channel = SensorChannelRef(sensor_uuid="sensor-new")
    engine = engine_for(store, server)
    await engine.outbox.enqueue(EU, SITE, "measuring_object", new_placeholder(), wanted.to_payload())
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT
    assert len(server.measuring_objects[SITE]) == 2


async def test_an_object_the_server_stored_with_trimmed_name_counts_as_created(
    store: Store, server: FakeServer
) -> None:
    server.measuring_objects[SITE] = [{**fridge_object("Fridge 3").to_payload(), "uuid": "made"}]
    engine = engine_for(store, server)
    await engine.outbox.enqueue(
        EU, SITE, "measuring_object", new_placeholder(), fridge_object(" Fridge 3 ").to_payload()
    )
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.ALREADY_APPLIED and result.object_id == "made"
    assert len(server.measuring_objects[SITE]) == 1


class _EditsWhileReading(FakeSyncClient):
    """Runs `during_read` once, while the engine waits for the server's current version."""

    def __init__(self, server: FakeServer, during_read: Callable[[], Awaitable[object]]) -> None:
        super().__init__(server)
        self._during_read: Callable[[], Awaitable[object]] | None = during_read

    async def get_device(self, site: str, uuid: str) -> Device:
        if self._during_read is not None:
            during, self._during_read = self._during_read, None
            await during()
        return await super().get_device(site, uuid)


@pytest.mark.parametrize("first_name", ["First", "Logger"])  # "Logger": the server has it already
async def test_an_edit_queued_while_its_item_is_read_is_sent_not_lost(
    store: Store, server: FakeServer, first_name: str
) -> None:
    engine = engine_for(store, server)
    engine.client = _EditsWhileReading(
        server, lambda: engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Second"), device())
    )
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name=first_name), device())
    results = await engine.sync_now()
    assert server.objects[("device", "dev-1")]["name"] == "Second"
    assert [r.outcome for r in results] == [Outcome.SENT]
    assert await engine.outbox.items() == []


async def test_a_conflict_is_judged_on_the_edit_queued_while_it_was_read(
    store: Store, server: FakeServer
) -> None:
    server.objects[("device", "dev-1")]["name"] = "Cloud name"
    engine = engine_for(store, server)
    second = device(name="Cloud name", measuring_cycle=120000)  # the technician took the cloud's name
    engine.client = _EditsWhileReading(
        server, lambda: engine.outbox.enqueue(EU, SITE, "device", "dev-1", second, device())
    )
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT
    assert server.objects[("device", "dev-1")]["measuring_cycle"] == 120000


async def test_an_item_discarded_while_it_is_read_is_not_sent(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="First"), device())
    engine.client = _EditsWhileReading(server, lambda: engine.outbox.discard(item.id))
    assert await engine.sync_now() == []
    assert server.writes == []
    assert await engine.audit.entries() == []


async def test_an_item_discarded_while_it_is_read_and_then_refused_is_dropped_quietly(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="First"), device())
    engine.client = _EditsWhileReading(server, lambda: engine.outbox.discard(item.id))
    del server.objects[("device", "dev-1")]  # the read is refused (404) after the discard
    assert await engine.sync_now() == []


async def test_a_change_that_may_be_on_its_way_cannot_be_discarded(
    tmp_path: Path, server: FakeServer
) -> None:
    path = tmp_path / "db.sqlite3"
    first = await Store.open(path)
    engine = engine_for(first, server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Fridge 3"), device())
    server.die_after_next_write = True
    with pytest.raises(ProcessDied):
        await engine.sync_now()
    assert await engine.outbox.discard(item.id) is False  # "sending": maybe arrived already
    [kept] = await engine.outbox.items()
    assert kept.state is OutboxState.SENDING
    [result] = await engine.sync_now()  # settles it against the server, with its audit verdict
    assert result.outcome is Outcome.ALREADY_APPLIED
    [entry] = await engine.audit.entries()
    assert entry.result == AuditResult.OK
    await first.close()


async def test_a_partial_change_coalesced_into_a_waiting_one_keeps_the_fields_queued_before(
    store: Store, server: FakeServer
) -> None:
    # base None: "the payload names the fields it sets"; a second such change must not drop the first's
    engine = engine_for(store, server)
    server.offline = True
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", {"name": "Shop fridge"}, None)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", {"measuring_cycle": 300000}, None)
    # ... nor a whole edit's fields, which its base would otherwise merge as "removed"
    await engine.outbox.enqueue(EU, SITE, "device", "dev-2", device(uuid="dev-2", name="Cold room"), device())
    await engine.outbox.enqueue(EU, SITE, "device", "dev-2", {"communication_cycle": 60000}, None)
    server.offline = False
    await engine.sync_now()
    assert server.objects[("device", "dev-1")] == device(name="Shop fridge", measuring_cycle=300000)
    assert server.objects[("device", "dev-2")] == device(
        uuid="dev-2", serial_number="S2", name="Cold room", communication_cycle=60000
    )


class _SiteMadeMeanwhile(FakeSyncClient):
    """The site did not exist when looked up, and a colleague created it just before our request."""

    creations = 0

    async def create_connect_key(self, site: str) -> ConnectKey:
        self.creations += 1
        raise ConflictError("The site exists already.", status=409)


async def test_a_site_created_meanwhile_by_someone_else_counts_as_created_once(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    client = _SiteMadeMeanwhile(server)
    engine.client = client
    await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    [result] = await engine.sync_now()
    assert (
        result.outcome is Outcome.ALREADY_APPLIED
        and result.message == "Already on the server; not sent again."
    )
    assert client.creations == 1
    [entry] = await engine.audit.entries()
    assert entry.result == AuditResult.ALREADY_APPLIED


async def test_new_object_then_its_settings_in_one_run(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    placeholder = new_placeholder()
    await engine.submit(SITE, "site", SITE, {"site": SITE})
    await engine.submit(SITE, "global_settings", SITE, {"timezone": "Europe/Berlin"})
    await engine.submit(SITE, "measuring_object", placeholder, fridge_object().to_payload())
    await engine.submit(SITE, "instruction_set", placeholder, {"measuring_cycle": 300000})
    alarms = {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": f"{placeholder}#Internal temperature",
                "measurementAlarmConditionSet": [],
            }
        ]
    }
    await engine.submit(SITE, "measurement_alarms", placeholder, alarms)
    await engine.wait_until_idle()
    assert (await engine.status()).open_changes == 0
    [created] = server.measuring_objects[SITE]
    channel_uuid = created["logical_channels"][0]["uuid"]
    assert server.objects[("instruction_set", created["uuid"])] == {"measuring_cycle": 300000}
    stored_alarms = server.objects[("measurement_alarms", created["uuid"])]
    assert stored_alarms["channel_alarm_configurations"][0]["logical_channel_uuid"] == channel_uuid
    assert server.objects[("global_settings", SITE)] == {"timezone": "Europe/Berlin"}
    assert SITE in server.sites


async def test_settings_of_an_uncreated_object_wait(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    placeholder = new_placeholder()
    item = await engine.outbox.enqueue(EU, SITE, "instruction_set", placeholder, {"measuring_cycle": 1})
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.WAITING and "created" in (result.message or "")
    assert (await engine.outbox.get(item.id)).state is OutboxState.PENDING


async def test_refused_change_blocks_only_its_own_object(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    server.refuse["dev-1"] = "measuring_cycle out of range"
    first = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(measuring_cycle=1), device())
    await engine.outbox.enqueue(
        EU, SITE, "device", "dev-2", device(uuid="dev-2", serial_number="S2", name="B")
    )
    results = await engine.sync_now()
    assert [r.outcome for r in results] == [Outcome.FAILED, Outcome.SENT]
    failed = await engine.outbox.get(first.id)
    assert failed.state is OutboxState.FAILED and "out of range" in (failed.message or "")
    # the next change to dev-1 waits behind the failed one
    later = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="X"), device())
    [waiting] = await engine.sync_now()
    assert (waiting.item_id, waiting.outcome) == (later.id, Outcome.WAITING)
    assert (await engine.outbox.get(later.id)).state is OutboxState.PENDING
    assert (await engine.status()).failed == 1

    del server.refuse["dev-1"]
    await engine.retry(first.id)
    await engine.wait_until_idle()
    assert (await engine.outbox.get(first.id)).state is OutboxState.DONE
    assert (await engine.outbox.get(later.id)).state is OutboxState.DONE
    entries = await engine.audit.entries()
    assert sorted(e.result for e in entries) == ["failed", "ok", "ok", "ok"]
    await engine.aclose()


async def test_sent_draft_is_removed_and_later_edits_are_kept(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    drafts = DraftStore(store)
    key = DraftKey(EU, SITE, "device", "dev-1")
    await drafts.save(key, device(name="Sent"), base=device())
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Sent"), device())
    await engine.sync_now()
    assert await drafts.get(key) is None

    await drafts.save(key, device(name="Sent", measuring_cycle=5), base=device(name="Sent"))
    await engine.outbox.enqueue(
        EU, SITE, "device", "dev-1", device(name="Sent", measuring_cycle=6), device(name="Sent")
    )
    await engine.sync_now()
    kept = await drafts.get(key)
    assert kept is not None and kept.mine["measuring_cycle"] == 5
    assert kept.base is not None and kept.base["measuring_cycle"] == 6


async def test_audit_csv_has_every_column_and_defuses_formulas(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    await engine.audit.record(
        user="=HYPERLINK(evil)",
        endpoint=EU,
        site=SITE,
        kind="device",
        object_id="dev-1",
        before={"a": 1},
        after={"a": 2},
        result=AuditResult.OK,
    )
    text = entries_to_csv(await engine.audit.entries())
    header, row = text.strip().split("\r\n")
    assert header == "when,user,region,site,kind,object,before,after,result,message"
    assert "'=HYPERLINK(evil)" in row and '"{""a"":1}"' in row
    target = Path(store.path.parent / "audit.csv")
    assert await engine.audit.export_csv(target) == 1
    assert target.read_text(encoding="utf-8-sig").startswith("when,")


async def test_a_change_that_does_not_fit_the_model_fails_with_the_reason(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(measuring_cycle="often"), device())
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.FAILED and "measuring_cycle" in (result.message or "")
    assert (await engine.outbox.get(item.id)).state is OutboxState.FAILED
    assert server.writes == []
