"""What each outcome of a sync run leaves behind: the item's state and message, the audit entry (what
the technician exports), what the server received, and the status bar's counts.

The runs' own logic (order, blocking, merging) is tested in test_sync.py; here each way an item can
end is pinned down to the words and values a technician or the next run relies on: a site created,
found or refused at each step, a conflict on one or several fields, a refusal, a change already in
the cloud, and a conflict resolved while the cloud moved on.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from saveris_desktop.api.errors import (
    ConflictError,
    NetworkError,
    OperationNotOfferedError,
    RequestValidationError,
    ServerError,
)
from saveris_desktop.api.models import ConnectKey, Device, MeasuringInstructionSet, MeasuringObject
from saveris_desktop.core.offline.audit import AuditResult
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.drafts import DraftKey, DraftStore
from saveris_desktop.core.offline.merge import Side
from saveris_desktop.core.offline.outbox import OutboxState, new_placeholder
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import Outcome, SyncEngine, SyncStatus
from tests.core.offline.fake_sync_client import FakeServer, FakeSyncClient, fridge_object
from tests.core.offline.test_sync import EU, SITE, device, engine_for
from tests.core.offline.test_sync import server as server
from tests.core.offline.test_sync import store as store


class _ScriptedSites(FakeSyncClient):
    """The site's two calls answer as the test says: a key the cloud already has (`found`), or an error."""

    def __init__(self, server: FakeServer) -> None:
        super().__init__(server)
        self.found: ConnectKey | None = None
        self.lookup_error: Exception | None = None
        self.create_error: Exception | None = None
        self.creations = 0

    async def get_connect_key(self, site: str) -> ConnectKey:
        if self.lookup_error is not None:
            raise self.lookup_error
        if self.found is not None:
            return self.found
        return await super().get_connect_key(site)

    async def create_connect_key(self, site: str) -> ConnectKey:
        self.creations += 1
        if self.create_error is not None:
            raise self.create_error
        return await super().create_connect_key(site)


def _site_engine(store: Store, server: FakeServer) -> tuple[SyncEngine, _ScriptedSites]:
    engine = engine_for(store, server)
    client = _ScriptedSites(server)
    engine.client = client
    return engine, client


async def test_a_new_site_is_created_once_and_its_audit_entry_names_it(
    store: Store, server: FakeServer
) -> None:
    engine, client = _site_engine(store, server)
    item = await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    [result] = await engine.sync_now()
    assert (result.item_id, result.kind, result.object_id, result.outcome, result.message) == (
        item.id,
        "site",
        SITE,
        Outcome.SENT,
        None,
    )
    assert client.creations == 1 and server.writes == [("site", SITE)]
    assert (await engine.outbox.get(item.id)).state is OutboxState.DONE
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.kind, entry.object_id, entry.before, entry.after) == (
        AuditResult.OK,
        "site",
        SITE,
        None,
        {"site": SITE},
    )


@pytest.mark.parametrize(
    ("cloud_spelling", "recorded"),
    [
        pytest.param("KITCHEN", "KITCHEN", id="the cloud's spelling"),
        pytest.param("", SITE, id="no name given"),
    ],
)
async def test_a_site_that_exists_is_not_created_and_the_audit_records_it_as_the_cloud_has_it(
    store: Store, server: FakeServer, cloud_spelling: str, recorded: str
) -> None:
    engine, client = _site_engine(store, server)
    client.found = ConnectKey(site=cloud_spelling, connect_key="key-1")
    item = await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.ALREADY_APPLIED and client.creations == 0
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.after) == (AuditResult.ALREADY_APPLIED, {"site": recorded})
    assert (await engine.outbox.get(item.id)).state is OutboxState.DONE


async def test_a_site_created_meanwhile_by_a_colleague_is_recorded_with_its_name(
    store: Store, server: FakeServer
) -> None:
    engine, client = _site_engine(store, server)
    client.create_error = ConflictError("The site exists already.", status=409)
    await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.ALREADY_APPLIED
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.after) == (AuditResult.ALREADY_APPLIED, {"site": SITE})


async def test_a_failed_site_lookup_leaves_the_site_queued_and_never_sent(
    store: Store, server: FakeServer
) -> None:
    """The lookup failed before anything was sent: the item is plainly pending (discardable), the run
    stops with the server's words, and the next run creates the site."""
    engine, client = _site_engine(store, server)
    client.lookup_error = ServerError("The cloud failed.", status=503)
    item = await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome, result.message) == (item.id, Outcome.WAITING, "The cloud failed.")
    stored = await engine.outbox.get(item.id)
    assert (stored.state, stored.message) == (OutboxState.PENDING, "The cloud failed.")
    assert client.creations == 0 and await engine.audit.entries() == []

    client.lookup_error = None
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT and server.sites.keys() == {SITE}


async def test_a_site_creation_that_failed_after_it_left_stays_on_its_way_and_is_not_sent_blindly(
    store: Store, server: FakeServer
) -> None:
    """The creation request left and the answer was an error: it may have arrived. The item stays
    "sending" (not discardable), its audit entry says what was being sent, and the next run looks
    before it creates."""
    engine, client = _site_engine(store, server)
    client.create_error = ServerError("The cloud failed.", status=502)
    item = await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome, result.message) == (item.id, Outcome.WAITING, "The cloud failed.")
    stored = await engine.outbox.get(item.id)
    assert (stored.state, stored.message) == (OutboxState.SENDING, "The cloud failed.")
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.before, entry.after) == (AuditResult.SENDING, None, {"site": SITE})

    # it did arrive: the next run finds it and confirms, without a second creation
    client.create_error = None
    client.found = ConnectKey(site=SITE, connect_key="key-1")
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.ALREADY_APPLIED and client.creations == 1
    assert result.message == "Confirmed on the server after an interruption; not sent again."


async def test_a_site_creation_cut_off_by_the_network_stops_the_run_offline(
    store: Store, server: FakeServer
) -> None:
    engine, client = _site_engine(store, server)
    client.create_error = NetworkError("The cloud cannot be reached.")
    item = await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    await engine.outbox.enqueue(EU, "Other site", "device", "dev-1", device(name="A"), device())
    results = await engine.sync_now()
    assert [(r.item_id, r.outcome) for r in results] == [(item.id, Outcome.OFFLINE)]
    assert (await engine.outbox.get(item.id)).state is OutboxState.SENDING
    assert engine.online is False and server.writes == []


@pytest.mark.parametrize(
    ("cloud_changes", "message"),
    [
        pytest.param(
            {"name": "Cloud name"},
            "1 field was changed in the cloud as well: choose which value to keep.",
            id="one field",
        ),
        pytest.param(
            {"name": "Cloud name", "measuring_cycle": 30000},
            "2 fields were changed in the cloud as well: choose which value to keep.",
            id="two fields",
        ),
    ],
)
async def test_a_conflict_says_how_many_fields_changed_on_both_sides(
    store: Store, server: FakeServer, cloud_changes: dict[str, Any], message: str
) -> None:
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(**cloud_changes)
    mine = device(name="My name", measuring_cycle=120000)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", mine, device())
    [result] = await engine.sync_now()
    assert (result.item_id, result.kind, result.object_id, result.outcome, result.message) == (
        item.id,
        "device",
        "dev-1",
        Outcome.CONFLICT,
        message,
    )
    stored = await engine.outbox.get(item.id)
    assert (stored.state, stored.message, stored.server) == (
        OutboxState.CONFLICT,
        message,
        device(**cloud_changes),
    )
    assert len(stored.conflicts) == len(cloud_changes) and server.writes == []


async def test_the_status_counts_conflicts_and_refusals_of_this_region_and_shows_a_run(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(name="Cloud name")
    server.refuse["dev-2"] = "name too long"
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    await engine.outbox.enqueue(EU, SITE, "device", "dev-2", device(uuid="dev-2", name="X" * 99), None)
    await engine.outbox.enqueue("America, production", SITE, "device", "dev-1", device(name="A"), device())
    statuses: list[SyncStatus] = []
    engine.sig_status.connect(statuses.append)
    await engine.sync_now()
    assert statuses[0].running is True and statuses[-1].running is False
    # a later change to the refused logger waits behind the refusal
    await engine.outbox.enqueue(
        EU, SITE, "device", "dev-2", device(uuid="dev-2", name="Y"), device(uuid="dev-2")
    )
    status = await engine.status()
    assert (status.open_changes, status.conflicts, status.failed, status.attention) == (3, 1, 1, 0)


async def test_a_refusal_is_recorded_with_the_servers_reason_in_the_audit(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    server.refuse["dev-1"] = "measuring_cycle out of range"
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(measuring_cycle=1), device())
    [result] = await engine.sync_now()
    message = "The server refused the change. (measuring_cycle out of range)"
    assert (result.item_id, result.kind, result.object_id, result.outcome, result.message) == (
        item.id,
        "device",
        "dev-1",
        Outcome.FAILED,
        message,
    )
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.message) == (AuditResult.FAILED, message)


async def test_a_change_already_in_the_cloud_is_recorded_with_the_clouds_version(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(name="Same")
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Same"), device())
    [result] = await engine.sync_now()
    assert (result.outcome, result.message) == (
        Outcome.ALREADY_APPLIED,
        "Already on the server; not sent again.",
    )
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.after) == (AuditResult.ALREADY_APPLIED, device(name="Same"))
    assert server.writes == []


async def test_a_resolved_conflict_keeps_what_the_cloud_changed_after_the_conflict(
    store: Store, server: FakeServer
) -> None:
    """The resolution is merged against the cloud's version the technician saw: a field someone
    changed in the cloud after that (not part of the conflict) is not overwritten with the old value."""
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(name="Cloud name")
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    await engine.sync_now()
    conflicted = await engine.outbox.get(item.id)
    server.objects[("device", "dev-1")] = device(name="Cloud name", communication_cycle=60000)
    [conflict] = conflicted.conflicts
    await engine.resolve_conflict(item.id, {conflict.path: Side.MINE})
    await engine.wait_until_idle()
    assert server.objects[("device", "dev-1")] == device(name="Mine", communication_cycle=60000)
    assert (await engine.outbox.get(item.id)).state is OutboxState.DONE


async def test_only_a_conflict_can_be_resolved(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    with pytest.raises(ValueError) as refused:
        await engine.resolve_conflict(item.id, {})
    assert str(refused.value) == f"change {item.id} has no conflict to resolve"


class _ScriptedObjects(FakeSyncClient):
    """Listing or creating measuring objects fails as the test says."""

    def __init__(self, server: FakeServer) -> None:
        super().__init__(server)
        self.list_error: Exception | None = None
        self.create_error: Exception | None = None

    async def list_measuring_objects(self, site: str) -> list[MeasuringObject]:
        if self.list_error is not None:
            raise self.list_error
        return await super().list_measuring_objects(site)

    async def create_measuring_object(self, site: str, obj: MeasuringObject) -> MeasuringObject:
        if self.create_error is not None:
            raise self.create_error
        return await super().create_measuring_object(site, obj)


def _objects_engine(store: Store, server: FakeServer) -> tuple[SyncEngine, _ScriptedObjects]:
    engine = engine_for(store, server)
    client = _ScriptedObjects(server)
    engine.client = client
    return engine, client


async def test_a_created_object_is_recorded_with_the_uuid_the_cloud_gave_it(
    store: Store, server: FakeServer
) -> None:
    engine, _client = _objects_engine(store, server)
    placeholder = new_placeholder()
    item = await engine.outbox.enqueue(
        EU, SITE, "measuring_object", placeholder, fridge_object().to_payload(), None
    )
    [result] = await engine.sync_now()
    [created] = server.measuring_objects[SITE]
    assert (result.item_id, result.object_id, result.outcome, result.message) == (
        item.id,
        created["uuid"],
        Outcome.SENT,
        None,
    )
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.object_id, entry.after) == (AuditResult.OK, created["uuid"], created)


async def test_an_object_found_in_the_cloud_is_recorded_as_the_cloud_has_it(
    store: Store, server: FakeServer
) -> None:
    engine, _client = _objects_engine(store, server)
    existing = {**fridge_object().to_payload(), "uuid": "mo-1", "description": "made by a colleague"}
    server.measuring_objects[SITE] = [existing]
    await engine.outbox.enqueue(
        EU, SITE, "measuring_object", new_placeholder(), fridge_object().to_payload(), None
    )
    [result] = await engine.sync_now()
    assert (result.object_id, result.outcome) == ("mo-1", Outcome.ALREADY_APPLIED)
    [entry] = await engine.audit.entries()
    assert entry.after == MeasuringObject.model_validate(existing).to_payload()
    assert server.writes == []


async def test_a_failed_object_listing_leaves_the_creation_queued_and_never_sent(
    store: Store, server: FakeServer
) -> None:
    engine, client = _objects_engine(store, server)
    client.list_error = ServerError("The cloud failed.", status=500)
    item = await engine.outbox.enqueue(
        EU, SITE, "measuring_object", new_placeholder(), fridge_object().to_payload(), None
    )
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome, result.message) == (item.id, Outcome.WAITING, "The cloud failed.")
    stored = await engine.outbox.get(item.id)
    assert (stored.state, stored.message) == (OutboxState.PENDING, "The cloud failed.")
    assert server.writes == [] and await engine.audit.entries() == []


async def test_an_object_creation_that_failed_after_it_left_stays_on_its_way(
    store: Store, server: FakeServer
) -> None:
    engine, client = _objects_engine(store, server)
    client.create_error = ServerError("The cloud failed.", status=502)
    payload = fridge_object().to_payload()
    item = await engine.outbox.enqueue(EU, SITE, "measuring_object", new_placeholder(), payload, None)
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome, result.message) == (item.id, Outcome.WAITING, "The cloud failed.")
    stored = await engine.outbox.get(item.id)
    assert (stored.state, stored.message) == (OutboxState.SENDING, "The cloud failed.")
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.before, entry.after) == (AuditResult.SENDING, None, payload)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        pytest.param(
            {"name": "Fridge", "logical_channels": [{"name": "Inside"}]},
            "The change cannot be sent: logical_channels.0.physical_value_id: Field required.",
            id="a nested field",
        ),
        pytest.param(
            "Fridge",
            "The change cannot be sent: the change: Input should be a valid dictionary or instance of "
            "MeasuringObject.",
            id="not an object at all",
        ),
    ],
)
async def test_a_creation_that_does_not_fit_the_model_fails_with_where_and_why(
    store: Store, server: FakeServer, payload: Any, message: str
) -> None:
    engine, _client = _objects_engine(store, server)
    item = await engine.outbox.enqueue(EU, SITE, "measuring_object", new_placeholder(), payload, None)
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome, result.message) == (item.id, Outcome.FAILED, message)
    assert (await engine.outbox.get(item.id)).state is OutboxState.FAILED
    assert server.writes == []


async def test_a_change_without_base_that_the_cloud_already_has_is_not_sent(
    store: Store, server: FakeServer
) -> None:
    """A partial change (no base: "these fields") whose values, nested ones too, are in the cloud."""
    engine = engine_for(store, server)
    item = await engine.outbox.enqueue(
        EU, SITE, "device", "dev-1", {"name": "Logger", "vendor_field": {"kept": True}}, None
    )
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome) == (item.id, Outcome.ALREADY_APPLIED)
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.after) == (AuditResult.ALREADY_APPLIED, device())
    assert server.writes == []


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"vendor_field": {"kept": False}}, id="a nested value differs"),
        pytest.param({"vendor_field": {"kept": True, "new": 1}}, id="a nested field is missing"),
        pytest.param({"name": None}, id="set to null"),
    ],
)
async def test_a_change_without_base_that_differs_from_the_cloud_is_sent(
    store: Store, server: FakeServer, fields: dict[str, Any]
) -> None:
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(vendor_field=None) if "vendor_field" in fields else device()
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", fields, None)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT
    assert server.objects[("device", "dev-1")] == device(**fields)


class _NormalisingServer(FakeSyncClient):
    """Stores a logger's name without the spaces around it and answers with what it stored."""

    async def put_device(self, site: str, device: Device) -> Device:
        return await super().put_device(site, device.model_copy(update={"name": (device.name or "").strip()}))


async def test_what_the_cloud_answered_is_kept_for_offline_editing_and_in_the_audit(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    engine.client = _NormalisingServer(server)
    drafts = DraftStore(store)
    key = DraftKey(EU, SITE, "device", "dev-1")
    await drafts.save(key, device(name="  Fridge  ", measuring_cycle=5), base=device())  # typed on since
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="  Fridge  "), device())
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT and server.objects[("device", "dev-1")] == device(name="Fridge")
    [entry] = await engine.audit.entries()
    assert (entry.before, entry.after) == (device(), device(name="Fridge"))
    cached = await Cache(store).get(EU, SITE, "device", "dev-1")
    assert cached is not None and cached.payload == device(name="Fridge")
    # the later edit stays, on top of what was sent
    kept = await drafts.get(key)
    assert kept is not None and kept.base == device(name="  Fridge  ")
    assert kept.mine == device(name="  Fridge  ", measuring_cycle=5)


async def test_a_change_whose_put_failed_after_it_left_stays_on_its_way_with_what_was_sent(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(communication_cycle=60000)
    engine.client = _FailingPut(server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome, result.message) == (
        item.id,
        Outcome.WAITING,
        "The cloud failed. (gateway timeout)",
    )
    stored = await engine.outbox.get(item.id)
    assert (stored.state, stored.message) == (OutboxState.SENDING, "The cloud failed. (gateway timeout)")
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.before, entry.after) == (
        AuditResult.SENDING,
        device(communication_cycle=60000),
        device(name="Mine", communication_cycle=60000),
    )


class _FailingPut(FakeSyncClient):
    async def put_device(self, site: str, device: Device) -> Device:
        raise ServerError("The cloud failed.", status=504, server_reason="gateway timeout")


async def test_a_put_answered_with_a_conflict_is_merged_again_by_the_next_run(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    engine.client = _ConflictOnce(server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    [result] = await engine.sync_now()
    message = "The logger was changed meanwhile."
    assert (result.item_id, result.kind, result.object_id, result.outcome, result.message) == (
        item.id,
        "device",
        "dev-1",
        Outcome.WAITING,
        message,
    )
    stored = await engine.outbox.get(item.id)
    assert (stored.state, stored.message) == (OutboxState.PENDING, message)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT and server.objects[("device", "dev-1")] == device(name="Mine")


class _ConflictOnce(FakeSyncClient):
    conflicts = 1

    async def put_device(self, site: str, device: Device) -> Device:
        if self.conflicts:
            self.conflicts -= 1
            raise ConflictError("The logger was changed meanwhile.", status=409)
        return await super().put_device(site, device)


class _NoDeviceRead(FakeSyncClient):
    async def get_device(self, site: str, uuid: str) -> Device:
        raise OperationNotOfferedError("Not offered.", status=501)


async def test_a_change_sent_without_reading_the_cloud_says_so(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    engine.client = _NoDeviceRead(server)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    [result] = await engine.sync_now()
    assert (result.outcome, result.message) == (
        Outcome.SENT,
        "Sent without checking the cloud first: it does not let us read the current logger's settings, "
        "so conflicts with changes made elsewhere cannot be detected.",
    )


async def test_while_offline_the_probe_waits_longer_each_time_up_to_the_last_delay(
    store: Store, server: FakeServer
) -> None:
    delays: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        delays.append(seconds)
        if len(delays) == 5:
            server.offline = False

    engine = engine_for(store, server, probe_delays=(1.0, 2.0, 4.0), sleep=fake_sleep)
    server.offline = True
    await engine.submit(SITE, "device", "dev-1", device(name="probe"), base=device())
    await _until(lambda: server.writes != [])
    assert delays == [1.0, 2.0, 4.0, 4.0, 4.0]


async def test_a_change_queued_while_offline_after_the_probe_gave_up_starts_it_again(
    store: Store, server: FakeServer
) -> None:
    """Offline with nothing queued, the probe stops; a change queued later must start it again, else
    it would wait for a connectivity event that may never come."""
    sleeps: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        await asyncio.sleep(0)

    engine = engine_for(store, server, probe_delays=(1.0,), sleep=fake_sleep)
    server.offline = True
    engine.set_online(False)
    await _until(lambda: sleeps == [1.0])
    await engine.wait_until_idle()
    server.offline = False
    await engine.submit(SITE, "device", "dev-1", device(name="Queued offline"), base=device())
    await _until(lambda: server.writes == [("device", "dev-1")])


async def test_only_kinds_the_outbox_can_send_are_queued(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    with pytest.raises(ValueError) as refused:
        await engine.submit(SITE, "wallpaper", "x", {}, None)
    assert str(refused.value) == "the outbox cannot send changes of kind 'wallpaper'"


async def _until(condition: Callable[[], bool]) -> None:
    """Let the engine's background tasks run until `condition` holds (each step is a fake sleep or a
    small sqlite write: a few ms)."""
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.005)
    raise AssertionError("condition not reached")


class _NoInstructionSetRead(FakeSyncClient):
    async def get_measuring_instruction_set(self, site: str, uuid: str) -> MeasuringInstructionSet:
        raise OperationNotOfferedError("Not offered.", status=501)


async def test_a_change_without_base_goes_out_unchecked_when_the_cloud_cannot_be_read(
    store: Store, server: FakeServer
) -> None:
    """Nothing known about the object: what the audit shows as "before" is an empty document."""
    engine = engine_for(store, server)
    engine.client = _NoInstructionSetRead(server)
    server.objects[("instruction_set", "mo-1")] = {}
    await engine.outbox.enqueue(EU, SITE, "instruction_set", "mo-1", {"measuring_cycle": 300000}, None)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT and (result.message or "").startswith("Sent without checking")
    assert server.objects[("instruction_set", "mo-1")] == {"measuring_cycle": 300000}
    [entry] = await engine.audit.entries()
    assert (entry.before, entry.after) == ({}, {"measuring_cycle": 300000})


async def test_waiting_for_the_runs_survives_a_run_that_failed(
    store: Store, server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clean shutdown waits for the runs; one that failed (here the database) must not break it."""
    engine = engine_for(store, server)

    async def broken_items(**_filters: Any) -> list[Any]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(engine.outbox, "items", broken_items)
    engine.request_sync()
    await engine.wait_until_idle()  # returns; the failure is logged by the task's owner


async def test_what_waits_says_what_it_waits_for(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    server.refuse["dev-1"] = "measuring_cycle out of range"
    refused = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(measuring_cycle=1), device())
    await engine.sync_now()
    behind_refusal = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Later"), device())
    # a logger's change that refers to a measuring object not created yet
    on_new_object = await engine.outbox.enqueue(
        EU, SITE, "device", "dev-2", device(uuid="dev-2", sensor_channel=f"{new_placeholder()}#Inside"), None
    )
    results = {r.item_id: r for r in await engine.sync_now()}
    assert refused.id not in results  # a stopped item is the technician's, not the run's
    assert (
        results[behind_refusal.id].kind,
        results[behind_refusal.id].object_id,
        results[behind_refusal.id].outcome,
        results[behind_refusal.id].message,
    ) == ("device", "dev-1", Outcome.WAITING, "Waiting for an earlier change to the same object.")
    assert (results[on_new_object.id].outcome, results[on_new_object.id].message) == (
        Outcome.WAITING,
        "Waiting until the measuring object it belongs to is created.",
    )
    assert server.writes == []


async def test_the_rest_of_a_site_waits_for_its_creation(store: Store, server: FakeServer) -> None:
    engine, client = _site_engine(store, server)
    client.create_error = RequestValidationError("The server refused the site.")
    site_item = await engine.outbox.enqueue(EU, "New site", "site", "New site", {"site": "New site"}, None)
    timezone = await engine.outbox.enqueue(
        EU, "New site", "global_settings", "New site", {"timezone": "Europe/Berlin"}, None
    )
    results = await engine.sync_now()
    assert [(r.item_id, r.kind, r.object_id, r.outcome, r.message) for r in results] == [
        (site_item.id, "site", "New site", Outcome.FAILED, "The server refused the site."),
        (
            timezone.id,
            "global_settings",
            "New site",
            Outcome.WAITING,
            "Waiting: the site could not be created yet.",
        ),
    ]


async def test_a_run_sends_only_its_own_regions_changes(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    other = await engine.outbox.enqueue(
        "America, production", SITE, "device", "dev-1", device(name="A"), device()
    )
    assert await engine.sync_now() == []
    assert server.writes == [] and (await engine.outbox.get(other.id)).state is OutboxState.PENDING


async def test_a_change_discarded_during_the_run_does_not_stop_the_changes_after_it(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    first = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="First"), device())
    discarded = await engine.outbox.enqueue(EU, SITE, "sensor", "sen-1", {"name": "Gone"}, None)
    last = await engine.outbox.enqueue(EU, SITE, "device", "dev-2", device(uuid="dev-2", name="Last"), None)
    engine.client = _DiscardsWhileReading(server, lambda: engine.outbox.discard(discarded.id))
    results = await engine.sync_now()
    assert [(r.item_id, r.outcome) for r in results] == [(first.id, Outcome.SENT), (last.id, Outcome.SENT)]
    assert server.writes == [("device", "dev-1"), ("device", "dev-2")]


class _DiscardsWhileReading(FakeSyncClient):
    """Runs `during_read` once, while the engine reads dev-1."""

    def __init__(self, server: FakeServer, during_read: Callable[[], Awaitable[object]]) -> None:
        super().__init__(server)
        self._during_read: Callable[[], Awaitable[object]] | None = during_read

    async def get_device(self, site: str, uuid: str) -> Device:
        if self._during_read is not None:
            during, self._during_read = self._during_read, None
            await during()
        return await super().get_device(site, uuid)


class _EditedOnEveryRead(FakeSyncClient):
    """Each read of dev-1 comes with a newer edit of the change being sent (a technician typing on)."""

    def __init__(self, server: FakeServer, engine: SyncEngine) -> None:
        super().__init__(server)
        self.engine = engine
        self.reads = 0

    async def get_device(self, site: str, uuid: str) -> Device:
        self.reads += 1
        await self.engine.outbox.enqueue(
            EU, SITE, "device", "dev-1", device(name=f"Edit {self.reads}"), device()
        )
        return await super().get_device(site, uuid)


async def test_a_change_that_keeps_changing_while_it_is_read_goes_with_the_next_run(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    client = _EditedOnEveryRead(server, engine)
    engine.client = client
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Edit 0"), device())
    [result] = await engine.sync_now()
    assert (result.item_id, result.kind, result.object_id, result.outcome, result.message) == (
        item.id,
        "device",
        "dev-1",
        Outcome.WAITING,
        "Changed again while being sent; it goes with the next run.",
    )
    assert client.reads == 3 and server.writes == []
    engine.client = FakeSyncClient(server)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT and server.objects[("device", "dev-1")]["name"] == "Edit 3"


async def test_a_change_whose_base_cannot_be_used_needs_attention(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    item = await engine.outbox.enqueue(
        EU, SITE, "device", "dev-1", device(name="Mine"), device(name=float("nan"))
    )
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome) == (item.id, Outcome.ATTENTION)
    assert server.writes == []


class _RaisesOnRead(FakeSyncClient):
    def __init__(self, server: FakeServer, error: BaseException) -> None:
        super().__init__(server)
        self.error = error

    async def get_device(self, site: str, uuid: str) -> Device:
        raise self.error


async def test_a_recursion_error_is_put_aside_with_its_own_words(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    engine.client = _RaisesOnRead(server, RecursionError("maximum recursion depth exceeded"))
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    [result] = await engine.sync_now()
    message = "This change is nested too deeply to be sent. Discard it and make it again."
    assert (result.item_id, result.outcome, result.message) == (item.id, Outcome.ATTENTION, message)
    assert (await engine.outbox.get(item.id)).message == message


async def test_an_unforeseen_failure_is_worded_for_the_technician_and_logged_for_support(
    store: Store, server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    engine = engine_for(store, server)
    engine.client = _RaisesOnRead(server, TypeError("a bug nobody foresaw"))
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    with caplog.at_level("ERROR", logger="saveris_desktop.core.offline.sync"):
        [result] = await engine.sync_now()
    assert result.message == (
        "This change could not be sent because of an unexpected problem (details in the log file). "
        "Retry it, or discard it and make it again."
    )
    [record] = [r for r in caplog.records if r.levelname == "ERROR"]
    assert record.getMessage() == f"outbox item {item.id} (device) could not be processed"
    assert record.exc_info is not None and isinstance(record.exc_info[1], TypeError)


async def test_a_change_of_a_kind_this_version_cannot_send_fails_with_that_reason(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)  # e.g. imported from a file a newer version wrote
    item = await engine.outbox.enqueue(EU, SITE, "wallpaper", "x", {"colour": "blue"}, None)
    [result] = await engine.sync_now()
    assert (result.item_id, result.outcome, result.message) == (
        item.id,
        Outcome.FAILED,
        "Changes of kind 'wallpaper' cannot be sent by this version.",
    )
    assert (await engine.outbox.get(item.id)).state is OutboxState.FAILED


async def test_a_change_sent_again_after_an_interruption_keeps_one_audit_entry_and_counts_both_attempts(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    engine.client = _FailingPut(server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    await engine.sync_now()  # left, no verdict: "sending"
    engine.client = FakeSyncClient(server)
    [result] = await engine.sync_now()  # the cloud does not have it: sent again
    assert result.outcome is Outcome.SENT and server.writes == [("device", "dev-1")]
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.before, entry.after) == (AuditResult.OK, device(), device(name="Mine"))
    assert (await engine.outbox.get(item.id)).attempts == 2


async def test_an_answer_that_cannot_be_kept_is_recorded_as_what_was_sent(
    store: Store, server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    engine = engine_for(store, server)
    engine.client = _HugeAnswer(server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    with caplog.at_level("WARNING", logger="saveris_desktop.core.offline.sync"):
        [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT
    [entry] = await engine.audit.entries()
    assert entry.after == device(name="Mine")
    cached = await Cache(store).get(EU, SITE, "device", "dev-1")
    assert cached is not None and cached.payload == device(name="Mine")
    assert [r.getMessage() for r in caplog.records if r.name == "saveris_desktop.core.offline.sync"] == [
        f"the cloud's answer to outbox item {item.id} is not kept: it holds a number too large to use at "
        "'vendor_field'"
    ]


class _HugeAnswer(FakeSyncClient):
    async def put_device(self, site: str, device: Device) -> Device:
        await super().put_device(site, device)
        return device.model_copy(update={"vendor_field": 2**70})


async def test_an_already_applied_change_is_recorded_with_its_message(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    server.objects[("device", "dev-1")] = device(name="Same")
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Same"), device())
    await engine.sync_now()
    message = "Already on the server; not sent again."
    [entry] = await engine.audit.entries()
    assert entry.message == message
    assert (await engine.outbox.get(item.id)).message == message


async def test_a_created_object_is_kept_for_offline_editing(store: Store, server: FakeServer) -> None:
    engine, _client = _objects_engine(store, server)
    await engine.outbox.enqueue(
        EU, SITE, "measuring_object", new_placeholder(), fridge_object().to_payload(), None
    )
    await engine.sync_now()
    [created] = server.measuring_objects[SITE]
    cached = await Cache(store).get(EU, SITE, "measuring_object", created["uuid"])
    assert cached is not None and cached.payload == created
    assert await Cache(store).get(EU, SITE, "site", SITE) is None


async def test_a_draft_that_matches_what_was_sent_or_what_the_cloud_has_now_is_dropped(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    drafts = DraftStore(store)
    # dev-1: the draft is the change as queued; the cloud merged in a field changed there meanwhile
    server.objects[("device", "dev-1")] = device(communication_cycle=60000)
    one = DraftKey(EU, SITE, "device", "dev-1")
    await drafts.save(one, device(name="Mine"), base=device())
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    # dev-2: a change naming one field; the draft is the whole document as the cloud now has it
    two = DraftKey(EU, SITE, "device", "dev-2")
    await drafts.save(two, device(uuid="dev-2", serial_number="S2", name="Two"), base=None)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-2", {"name": "Two"}, None)
    await engine.sync_now()
    assert await drafts.get(one) is None and await drafts.get(two) is None


async def test_before_anything_happened_the_status_shows_nothing_going_on(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    assert await engine.status() == SyncStatus(
        online=None, open_changes=0, conflicts=0, failed=0, running=False
    )


async def test_without_probe_delays_the_probe_waits_half_a_minute(store: Store, server: FakeServer) -> None:
    delays: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        delays.append(seconds)
        server.offline = False

    engine = engine_for(store, server, probe_delays=(), sleep=fake_sleep)
    server.offline = True
    await engine.submit(SITE, "device", "dev-1", device(name="probe"), base=device())
    await _until(lambda: server.writes != [])
    assert delays == [30.0]


async def test_the_change_the_run_stopped_at_is_named_in_the_result(store: Store, server: FakeServer) -> None:
    engine = engine_for(store, server)
    engine.client = _FailingPut(server)
    item = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    await engine.outbox.enqueue(EU, SITE, "device", "dev-2", device(uuid="dev-2", name="Next"), None)
    [result] = await engine.sync_now()  # a server error stops the run
    assert (result.item_id, result.kind, result.object_id, result.outcome) == (
        item.id,
        "device",
        "dev-1",
        Outcome.WAITING,
    )


async def test_a_change_discarded_while_it_is_read_does_not_stop_the_changes_after_it(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    first = await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="First"), device())
    last = await engine.outbox.enqueue(EU, SITE, "device", "dev-2", device(uuid="dev-2", name="Last"), None)
    engine.client = _DiscardsWhileReading(server, lambda: engine.outbox.discard(first.id))
    results = await engine.sync_now()
    assert [(r.item_id, r.outcome) for r in results] == [(last.id, Outcome.SENT)]
    assert server.writes == [("device", "dev-2")]


class _FailingPutTwice(FakeSyncClient):
    """Both sends leave and get no verdict; between them someone changes another field in the cloud."""

    puts = 0

    async def put_device(self, site: str, device: Device) -> Device:
        self.puts += 1
        raise ServerError("The cloud failed.", status=504)


async def test_the_audit_entry_of_a_change_sent_twice_without_verdict_shows_the_last_send(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    engine.client = _FailingPutTwice(server)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    await engine.sync_now()
    server.objects[("device", "dev-1")] = device(communication_cycle=60000)
    await engine.sync_now()
    [entry] = await engine.audit.entries()
    assert (entry.result, entry.after) == (
        AuditResult.SENDING,
        device(name="Mine", communication_cycle=60000),
    )


async def test_an_answer_that_cannot_be_kept_is_recorded_as_the_merged_change_that_was_sent(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    engine.client = _HugeAnswer(server)
    server.objects[("device", "dev-1")] = device(communication_cycle=60000)
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    await engine.sync_now()
    [entry] = await engine.audit.entries()
    assert entry.after == device(name="Mine", communication_cycle=60000)


class _HugeCreation(FakeSyncClient):
    async def create_measuring_object(self, site: str, obj: MeasuringObject) -> MeasuringObject:
        created = await super().create_measuring_object(site, obj)
        return created.model_copy(update={"reading": 2**70})


async def test_a_creation_whose_answer_cannot_be_kept_is_recorded_as_what_was_asked_for(
    store: Store, server: FakeServer
) -> None:
    engine = engine_for(store, server)
    engine.client = _HugeCreation(server)
    payload = fridge_object().to_payload()
    await engine.outbox.enqueue(EU, SITE, "measuring_object", new_placeholder(), payload, None)
    [result] = await engine.sync_now()
    assert result.outcome is Outcome.SENT
    [entry] = await engine.audit.entries()
    assert entry.after == payload
    cached = await Cache(store).get(EU, SITE, "measuring_object", result.object_id)
    assert cached is not None and cached.payload == payload


async def test_a_created_site_is_not_kept_as_an_editable_document(store: Store, server: FakeServer) -> None:
    engine, _client = _site_engine(store, server)
    await engine.outbox.enqueue(EU, SITE, "site", SITE, {"site": SITE}, None)
    await engine.sync_now()
    assert await Cache(store).get(EU, SITE, "site", SITE) is None
