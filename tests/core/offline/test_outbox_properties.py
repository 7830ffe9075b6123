"""The outbox's coalescing, checked by hypothesis against a plain model of its rules.

Rules (core/offline/outbox.py): a change to an object that still has a *pending* item is folded into that
item, which keeps its place in the queue and its older base; a change without a base names only the
fields it sets, so it is laid over the queued payload. An item already *sending* (maybe on its way
to the cloud) is never changed: an edit made while its request is in flight becomes a new item, or
it would be marked done with the older payload and never sent. Such a new item starts from the
payload on its way (its base), so the technician's two edits never conflict with each other.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saveris_desktop.core.offline.outbox import OutboxState, enqueue_in, fetch_item, set_state
from saveris_desktop.core.offline.store import Store

ENDPOINT = "Europe, production"
SITE = "Bakery"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """One migrated database; every example works in a transaction that is rolled back afterwards."""
    path = tmp_path_factory.mktemp("outbox") / "outbox.sqlite3"

    async def create() -> None:
        store = await Store.open(path)
        await store.close()

    asyncio.run(create())
    connection = sqlite3.connect(path, isolation_level=None)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


@dataclass
class ModelItem:
    target: tuple[str, str]
    payload: dict[str, Any]
    base: dict[str, Any] | None
    state: OutboxState = OutboxState.PENDING


@dataclass
class Model:
    items: list[ModelItem] = field(default_factory=list)

    def enqueue(self, target: tuple[str, str], payload: dict[str, Any], base: dict[str, Any] | None) -> None:
        waiting = [i for i in self.items if i.target == target and i.state is OutboxState.PENDING]
        if waiting:
            item = waiting[-1]
            item.payload = {**item.payload, **payload} if base is None else payload
            return
        in_flight = [i for i in self.items if i.target == target and i.state is OutboxState.SENDING]
        if base is not None and in_flight:
            base = in_flight[-1].payload  # the edit continues from the change on its way
        self.items.append(ModelItem(target, payload, base))


_targets = st.tuples(st.sampled_from(["device", "sensor"]), st.sampled_from(["a", "b"]))
_payloads = st.dictionaries(
    st.sampled_from(["name", "measuring_cycle", "enabled"]),
    st.one_of(st.sampled_from(["Fridge", "Freezer"]), st.integers(1, 3), st.booleans()),
    min_size=1,
    max_size=3,
)
_enqueue = st.tuples(st.just("enqueue"), _targets, _payloads, st.one_of(st.none(), _payloads))
_send_started = st.tuples(st.just("sending"), st.integers(0, 9))
operations = st.lists(st.one_of(_enqueue, _enqueue, _send_started), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(steps=operations)
def test_queued_changes_coalesce_exactly_as_the_rules_say(database: sqlite3.Connection, steps: list) -> None:
    model = Model()
    ids: list[int] = []
    database.execute("BEGIN")
    try:
        for step in steps:
            if step[0] == "enqueue":
                _, (kind, object_id), payload, base = step
                item = enqueue_in(database, ENDPOINT, SITE, kind, object_id, payload, base)
                if item.id not in ids:
                    ids.append(item.id)
                model.enqueue((kind, object_id), payload, base)
            elif ids:  # a sync run commits "sending" just before an item's request goes out
                position = step[1] % len(ids)
                set_state(database, ids[position], OutboxState.SENDING)
                model.items[position].state = OutboxState.SENDING
        stored = [fetch_item(database, item_id) for item_id in ids]
        assert [(i.kind, i.object_id) for i in stored] == [m.target for m in model.items]  # queue order
        assert [i.payload for i in stored] == [m.payload for m in model.items]
        assert [i.base for i in stored] == [m.base for m in model.items]  # the oldest base stays
        assert [i.state for i in stored] == [m.state for m in model.items]
        pending_targets = [m.target for m in model.items if m.state is OutboxState.PENDING]
        assert len(pending_targets) == len(set(pending_targets))  # one waiting item per object
    finally:
        database.execute("ROLLBACK")
