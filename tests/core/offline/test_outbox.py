"""The outbox's own operations: binding a created object's real id, discarding a planned creation,
resolving a conflict."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from saveris_desktop.core.offline import store as store_module
from saveris_desktop.core.offline.outbox import (
    Outbox,
    OutboxState,
    bind_placeholders,
    new_placeholder,
    set_state,
)
from saveris_desktop.core.offline.store import Store

ENDPOINT = "Europe, production"
SITE = "Bakery"


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    store = await Store.open(tmp_path / "outbox.sqlite3")
    try:
        yield store
    finally:
        await store.close()


async def test_binding_a_created_object_rewrites_every_later_change_that_names_it(store: Store) -> None:
    outbox = Outbox(store)
    planned = new_placeholder()
    creation = await outbox.enqueue(ENDPOINT, SITE, "measuring_object", planned, {"name": "Fridge 2"})
    settings = await outbox.enqueue(
        ENDPOINT, SITE, "alarm_settings", planned, {"upper": 8.0, "name": "Fridge 2"}
    )
    # the logger's channel is assigned to the object that does not exist yet
    assignment = {"name": "Logger 7", "channels": [{"channel_no": 1, "measuring_object_uuid": planned}]}
    device = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-7", assignment)
    other = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-8", {"name": "Logger 8"})
    await store.write(
        lambda connection: set_state(connection, creation.id, OutboxState.DONE, result_id="mo-1")
    )

    await store.write(lambda connection: bind_placeholders(connection, ENDPOINT, {planned: "mo-1"}))

    bound_settings, bound_device, untouched = (
        await outbox.get(settings.id),
        await outbox.get(device.id),
        await outbox.get(other.id),
    )
    assert bound_settings.object_id == "mo-1" and bound_settings.payload == {"upper": 8.0, "name": "Fridge 2"}
    assert bound_device.object_id == "dev-7"  # only what named the placeholder changes
    assert bound_device.payload == {
        "name": "Logger 7",
        "channels": [{"channel_no": 1, "measuring_object_uuid": "mo-1"}],
    }
    assert untouched == other


async def test_discarding_a_planned_creation_takes_the_changes_queued_for_it(store: Store) -> None:
    outbox = Outbox(store)
    planned, kept = new_placeholder(), new_placeholder()
    creation = await outbox.enqueue(ENDPOINT, SITE, "measuring_object", planned, {"name": "Fridge 2"})
    await outbox.enqueue(ENDPOINT, SITE, "alarm_settings", planned, {"upper": 8.0})
    other = await outbox.enqueue(ENDPOINT, SITE, "measuring_object", kept, {"name": "Fridge 3"})
    device = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-7", {"name": "Logger 7"})

    assert await outbox.discard(creation.id) is True
    assert [item.id for item in await outbox.items()] == [other.id, device.id]
    # a plain change goes alone
    assert await outbox.discard(device.id) is True
    assert [item.id for item in await outbox.items()] == [other.id]


async def test_a_resolved_conflict_is_sent_against_the_server_version_the_technician_saw(
    store: Store,
) -> None:
    outbox = Outbox(store)
    item = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-7", {"name": "Mine"}, {"name": "Old"})
    await store.write(lambda connection: set_state(connection, item.id, OutboxState.CONFLICT, message="x"))
    resolved = await outbox.resolve(item.id, {"name": "Mine"}, {"name": "Theirs"})
    assert resolved.state is OutboxState.PENDING and resolved.message is None
    assert resolved.payload == {"name": "Mine"} and resolved.base == {"name": "Theirs"}


async def test_attempts_result_and_site_of_an_item_read_back(store: Store) -> None:
    outbox = Outbox(store)
    item = await outbox.enqueue(ENDPOINT, SITE, "measuring_object", new_placeholder(), {"name": "Fridge 2"})
    elsewhere = await outbox.enqueue(ENDPOINT, "Dairy", "device", "dev-9", {"name": "Logger 9"})
    await store.write(
        lambda c: set_state(c, item.id, OutboxState.FAILED, message="refused", count_attempt=True)
    )
    await store.write(lambda c: set_state(c, item.id, OutboxState.PENDING))  # a retry is no attempt
    await store.write(lambda c: set_state(c, item.id, OutboxState.DONE, result_id="mo-1", count_attempt=True))
    done = await outbox.get(item.id)
    assert (done.state, done.attempts, done.result_id) == (OutboxState.DONE, 2, "mo-1")
    assert done.created_at == item.created_at and done.created_at
    assert await outbox.items(site=SITE, states=[OutboxState.DONE]) == [done]
    assert await outbox.items(site="Dairy") == [elsewhere]


async def test_an_item_shows_when_it_last_changed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """`updated_at` (what prune_sent's 30 days count from) reads back as each change wrote it."""
    moments = iter(datetime(2026, 11, 28, 9, minute, tzinfo=UTC) for minute in range(60))
    monkeypatch.setattr(store_module, "utc_now", lambda: next(moments))
    outbox = Outbox(store)
    queued = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-7", {"name": "Logger 7"})
    assert (queued.created_at, queued.updated_at) == ("2026-11-28T09:00:00.000+00:00",) * 2
    edited = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-7", {"name": "Logger 7b"})
    assert (edited.id, edited.created_at) == (queued.id, queued.created_at)
    assert edited.updated_at == "2026-11-28T09:01:00.000+00:00"
    await store.write(lambda c: set_state(c, queued.id, OutboxState.DONE))
    done = await outbox.get(queued.id)
    assert (done.created_at, done.updated_at) == (queued.created_at, "2026-11-28T09:02:00.000+00:00")


async def test_a_base_that_is_not_an_object_is_kept_behind_a_change_in_flight(store: Store) -> None:
    """Only an object's edit is rebased on the object being sent; any other shape keeps its base."""
    outbox = Outbox(store)
    for in_flight, base in (({"name": "Sent"}, ["not", "an", "object"]), (["a", "list"], {"name": "Old"})):
        sending = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-7", in_flight, {"name": "Seen"})
        await store.write(lambda c, item_id=sending.id: set_state(c, item_id, OutboxState.SENDING))
        queued = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-7", {"name": "Mine"}, base)
        assert queued.base == base
        await store.write(lambda c, item_id=sending.id: set_state(c, item_id, OutboxState.DONE))
        await store.write(lambda c, item_id=queued.id: set_state(c, item_id, OutboxState.DONE))


async def test_binding_leaves_an_item_nested_too_deeply_to_read_unparsed(store: Store) -> None:
    """One such item (from an older version or an import) must not stop the binding for all."""
    outbox = Outbox(store)
    planned = new_placeholder()
    settings = await outbox.enqueue(ENDPOINT, SITE, "alarm_settings", planned, {"upper": 8.0})
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(RecursionError):
        json.loads(deep)
    poisoned = await outbox.enqueue(ENDPOINT, SITE, "device", "dev-9", {"name": "Logger 9"})
    await store.write(lambda c: c.execute("UPDATE outbox SET payload = ? WHERE id = ?", (deep, poisoned.id)))

    await store.write(lambda connection: bind_placeholders(connection, ENDPOINT, {planned: "mo-1"}))

    assert (await outbox.get(settings.id)).object_id == "mo-1"
    raw = await store.read(
        lambda c: c.execute("SELECT payload FROM outbox WHERE id = ?", (poisoned.id,)).fetchone()[0]
    )
    assert raw == deep
