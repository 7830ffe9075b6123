"""One status per editor (core.offline.editor_status): the rule, and the outbox as the editors follow it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.cache import Cache
from saveris_desktop.core.offline.editor_status import (
    AnsweredChange,
    EditorFacts,
    EditorStatus,
    OutboxFollower,
    OutboxSnapshot,
    answer_session,
    editor_state,
    edits_queued,
    session_edits,
)
from saveris_desktop.core.offline.merge import Side
from saveris_desktop.core.offline.outbox import OutboxItem, OutboxState
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import SyncEngine
from saveris_desktop.core.runtime.tasks import TaskOwner
from tests.core.offline.fake_sync_client import FakeServer, FakeSyncClient

EU = "Europe, production"
SITE = "Kitchen"
KEY = "device:dev-1"


def item(state: OutboxState = OutboxState.PENDING, payload: Any = None, **fields: Any) -> OutboxItem:
    values: dict[str, Any] = {
        "id": 1,
        "endpoint": EU,
        "site": SITE,
        "kind": "device",
        "object_id": "dev-1",
        "payload": payload if payload is not None else {"name": "Mine", "measuring_cycle": 60000},
        "base": {"name": "Logger", "measuring_cycle": 60000},
        "state": state,
        "created_at": "2026-11-28T10:00:00",
        "updated_at": "2026-11-28T10:00:00",
    }
    values.update(fields)
    return OutboxItem(**values)


NAME_EDIT = [(("name",), "Mine")]


# --- the rule -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "status", "unapplied"),
    [
        (EditorFacts(has_session=False), EditorStatus.EMPTY, False),
        (EditorFacts(has_session=True), EditorStatus.SAVED, False),
        (EditorFacts(has_session=True, values_unknown=True), EditorStatus.NOT_READ, False),
        (EditorFacts(has_session=True, edits=NAME_EDIT), EditorStatus.UNSAVED, True),
        (EditorFacts(has_session=True, typed_invalid=True), EditorStatus.UNSAVED, True),
        (EditorFacts(has_session=True, edits=NAME_EDIT, save_failed=True), EditorStatus.NOT_KEPT, True),
        # applied offline: the edits are in the queue, nothing is left to apply
        (EditorFacts(has_session=True, edits=NAME_EDIT, queued=[item()]), EditorStatus.QUEUED, False),
        # a change queued elsewhere (bulk, template) for an object shown unchanged
        (EditorFacts(has_session=True, queued=[item()]), EditorStatus.QUEUED, False),
        # typed again after Apply: unsaved on top of the queued change
        (
            EditorFacts(has_session=True, edits=[(("name",), "Mine 2")], queued=[item()]),
            EditorStatus.UNSAVED,
            True,
        ),
        (
            EditorFacts(has_session=True, edits=NAME_EDIT, queued=[item()], queue_running=True),
            EditorStatus.SENDING,
            False,
        ),
        # left "sending" by a lost connection: checked by the next run before anything is sent again
        (
            EditorFacts(has_session=True, edits=NAME_EDIT, queued=[item(OutboxState.SENDING)]),
            EditorStatus.QUEUED,
            False,
        ),
        (EditorFacts(has_session=True, edits=NAME_EDIT, applying=True), EditorStatus.SENDING, True),
        (
            EditorFacts(has_session=True, edits=NAME_EDIT, queued=[item(OutboxState.CONFLICT)]),
            EditorStatus.NEEDS_CHOICE,
            False,
        ),
        (
            EditorFacts(has_session=True, edits=NAME_EDIT, queued=[item(OutboxState.FAILED)]),
            EditorStatus.REFUSED,
            False,
        ),
        (
            EditorFacts(has_session=True, queued=[item(OutboxState.ATTENTION)]),
            EditorStatus.REFUSED,
            False,
        ),
    ],
)
def test_one_status_from_everything_that_decides_it(
    facts: EditorFacts, status: EditorStatus, unapplied: bool
) -> None:
    state = editor_state(facts)
    assert (state.status, state.unapplied) == (status, unapplied)


def test_a_conflict_names_its_item_and_a_refusal_its_reason() -> None:
    conflict = item(OutboxState.CONFLICT, id=7)
    state = editor_state(EditorFacts(has_session=True, queued=[conflict]))
    assert state.conflict is conflict and state.reason is None
    refused = item(OutboxState.FAILED, message="measuring_cycle must be between 1 min and 24 h")
    state = editor_state(EditorFacts(has_session=True, queued=[refused]))
    assert state.conflict is None and state.reason == "measuring_cycle must be between 1 min and 24 h"


def test_the_conflict_outranks_the_queue_and_the_editors_own_apply_outranks_all() -> None:
    queued = [item(OutboxState.PENDING, id=1), item(OutboxState.CONFLICT, id=2)]
    facts = EditorFacts(has_session=True, edits=NAME_EDIT, queued=queued, queue_running=True)
    assert editor_state(facts).status is EditorStatus.NEEDS_CHOICE
    busy = EditorFacts(has_session=True, edits=NAME_EDIT, queued=queued, applying=True)
    assert editor_state(busy).status is EditorStatus.SENDING


def test_queued_edits_are_compared_per_field_not_as_whole_documents() -> None:
    # a refresh rebased the session on a newer cloud version: the edit is still the queued one
    queued = item(payload={"name": "Mine", "last_modified": "2026-11-28T09:00:00Z"})
    assert edits_queued(NAME_EDIT, queued)
    assert not edits_queued([(("name",), "Other")], queued)
    assert not edits_queued([(("comment",), None)], queued)  # a field the queued change lacks
    nested = item(payload={"alarms": [{"alarm_type": "BATTERY_LOW", "enabled": True}]})
    assert edits_queued([(("alarms", 0, "enabled"), True)], nested)
    assert not edits_queued([(("alarms", 0, "enabled"), False)], nested)
    assert edits_queued([], queued)


def test_a_snapshot_gives_each_session_its_objects_items_only() -> None:
    mine = item(id=1)
    alarms = item(id=2, kind="device_alarms")
    elsewhere = item(id=3, site="Bakery")
    other = item(id=4, object_id="dev-2")
    snapshot = OutboxSnapshot((mine, alarms, elsewhere, other))
    assert snapshot.for_session(SITE, KEY) == (mine,)
    assert snapshot.for_session(SITE, "device_alarms:dev-1") == (alarms,)
    assert snapshot.for_session(SITE, "not a session") == ()
    assert session_edits(KEY, "device", "dev-1") and not session_edits(KEY, "device", "dev-2")


def test_the_choice_is_laid_over_the_session_keeping_what_was_typed_since() -> None:
    base = {"name": "Logger", "measuring_cycle": 60000, "communication_cycle": 900000}
    session = EditSession(base, key=KEY)
    session.set(("name",), "Mine")
    queued = item(OutboxState.CONFLICT, payload={**base, "name": "Mine"}, base=base)
    session.set(("communication_cycle",), 1800000)  # typed after Apply, not queued
    cloud = {**base, "name": "Colleague's", "measuring_cycle": 120000}
    chosen = {**cloud, "measuring_cycle": 60000}  # the cloud's name kept, my cycle … as it was
    answer_session(session, AnsweredChange(queued, cloud, chosen))
    assert session.base == cloud
    assert session.payload() == {**chosen, "communication_cycle": 1800000}
    resolved = item(payload=chosen, base=cloud)
    state = editor_state(EditorFacts(has_session=True, edits=list(session.edits), queued=[resolved]))
    assert state.unapplied  # the later edit still waits for Apply


def test_a_change_that_reached_the_cloud_leaves_the_session_clean_or_with_what_was_typed_since() -> None:
    base = {"name": "Logger", "measuring_cycle": 60000}
    session = EditSession(base, key=KEY)
    session.set(("name",), "Mine")
    queued = item(payload={**base, "name": "Mine"}, base=base)
    cloud = {**base, "name": "Mine", "last_modified": "2026-11-28T10:00:00Z"}
    answer_session(session, AnsweredChange(queued, cloud, cloud))
    assert session.base == cloud and not session.dirty

    session.set(("name",), "Mine")  # as before it was sent …
    session.rebase(base)
    session.set(("measuring_cycle",), 120000)  # … and typed after it was queued
    answer_session(session, AnsweredChange(queued, cloud, cloud))
    assert session.base == cloud and [(p, v) for p, v in session.edits] == [(("measuring_cycle",), 120000)]


# --- following the outbox -------------------------------------------------------------------------


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    yield opened
    await opened.close()


def device(**changes: Any) -> dict[str, Any]:
    return {"uuid": "dev-1", "serial_number": "S1", "name": "Logger", "measuring_cycle": 60000, **changes}


async def test_the_follower_reports_queued_sending_conflict_and_the_cloud_version_once_sent(
    store: Store,
) -> None:
    server = FakeServer()
    server.objects[("device", "dev-1")] = device()
    tasks = TaskOwner("test")
    engine = SyncEngine(store, FakeSyncClient(server), endpoint=EU, user="tech", tasks=TaskOwner("sync"))
    follower = OutboxFollower(engine.outbox, Cache(store), lambda: EU, tasks)
    snapshots: list[OutboxSnapshot] = []
    follower.sig_snapshot.connect(snapshots.append)
    engine.sig_status.connect(follower.status_changed)

    server.offline = True
    engine.set_online(False)
    await engine.submit(SITE, "device", "dev-1", device(name="Mine"), base=device())
    latest = await follower.refresh()
    [queued] = latest.for_session(SITE, KEY)
    assert queued.state is OutboxState.PENDING and not latest.running and latest.answered == ()
    await engine.sync_now()  # what the probe does while offline: it only looks for the cloud
    while tasks.running:
        await asyncio.sleep(0.01)
    assert snapshots and not any(s.running for s in snapshots)  # the queue just waits: not "sending"

    server.offline = False
    engine.set_online(True)
    await engine.wait_until_idle()
    while tasks.running:  # the refreshes the status reports started, to their end
        await asyncio.sleep(0.01)
    assert any(s.running and s.for_session(SITE, KEY) for s in snapshots)  # seen while sending
    last = snapshots[-1]
    assert last.for_session(SITE, KEY) == () and not last.running
    sent = [answered for s in snapshots for answered in s.answered_for(SITE, KEY)]
    assert len(sent) == 1  # told once, not on every later report
    assert sent[0].base["name"] == "Mine" and sent[0].target == sent[0].base  # the cloud's answer (cache)
    assert sent[0].queued.payload["name"] == "Mine"  # the change as it waited
    await tasks.aclose()
    await engine.aclose()


async def test_a_conflict_is_reported_and_a_discarded_change_is_not_settled(store: Store) -> None:
    server = FakeServer()
    server.objects[("device", "dev-1")] = device(name="Colleague's")
    engine = SyncEngine(store, FakeSyncClient(server), endpoint=EU, user="tech", tasks=TaskOwner("sync"))
    follower = OutboxFollower(engine.outbox, Cache(store), lambda: EU, TaskOwner("test"))
    await engine.outbox.enqueue(EU, SITE, "device", "dev-1", device(name="Mine"), device())
    await engine.sync_now()
    [conflict] = (await follower.refresh()).for_session(SITE, KEY)
    assert conflict.state is OutboxState.CONFLICT and [c.path for c in conflict.conflicts] == [("name",)]
    state = editor_state(EditorFacts(has_session=True, edits=NAME_EDIT, queued=[conflict]))
    assert state.status is EditorStatus.NEEDS_CHOICE and state.conflict == conflict

    resolved = await engine.resolve_conflict(conflict.id, {("name",): Side.SERVER})
    assert resolved.payload["name"] == "Colleague's"
    [chosen] = (await follower.refresh()).answered_for(SITE, KEY)  # told once, like a sent change
    assert chosen.queued == conflict and chosen.target["name"] == "Colleague's"
    assert chosen.base["name"] == "Colleague's"  # the cloud's version the choice was made on
    assert (await follower.refresh()).answered == ()
    await engine.outbox.discard(resolved.id)
    after = await follower.refresh()
    assert after.items == () and after.answered == ()  # discarded: the edits were never sent
    await engine.aclose()
