from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.drafts import DraftKey, DraftStore
from saveris_desktop.core.offline.editor_drafts import EditorDrafts, draft_key_for
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.runtime.tasks import TaskOwner

EU = "Europe, production"
BASE = {"uuid": "o1", "measuring_cycle": 60000, "communication_cycle": 900000}


@pytest.fixture
async def drafts(tmp_path: Path) -> AsyncIterator[DraftStore]:
    store = await Store.open(tmp_path / "db.sqlite3")
    yield DraftStore(store)
    await store.close()


def test_session_names_map_to_draft_kinds() -> None:
    assert draft_key_for(EU, "K", "object-alarms:o1") == DraftKey(EU, "K", "measurement_alarms", "o1")
    assert draft_key_for(EU, "K", "device:d1") == DraftKey(EU, "K", "device", "d1")
    assert draft_key_for(EU, "K", "unknown:x") is None
    assert draft_key_for(EU, "", "device:d1") is None


async def test_edits_survive_a_restart_and_come_back_in_a_new_session(drafts: DraftStore) -> None:
    tasks = TaskOwner("editors")
    bridge = EditorDrafts(drafts, lambda: EU, lambda: "Kitchen", tasks, idle_seconds=60)
    session = EditSession(BASE, key="instruction-set:o1", on_change=bridge.session_changed)
    session.set(["measuring_cycle"], 120000)
    await bridge.flush_all()  # e.g. the field lost focus
    await tasks.aclose()

    # "restart": a new bridge and a fresh session loaded from the server, which changed meanwhile
    tasks = TaskOwner("editors")
    bridge = EditorDrafts(drafts, lambda: EU, lambda: "Kitchen", tasks, idle_seconds=60)
    fresh = EditSession({**BASE, "communication_cycle": 600000}, key="instruction-set:o1")
    resumed = await bridge.restore(fresh)
    assert resumed is not None and resumed.conflicts == []
    assert fresh.payload() == {"uuid": "o1", "measuring_cycle": 120000, "communication_cycle": 600000}
    assert fresh.dirty

    fresh.on_change = bridge.session_changed
    fresh.accept(fresh.payload())  # Apply succeeded: nothing left to keep
    await bridge.flush_all()
    assert await drafts.get(DraftKey(EU, "Kitchen", "instruction_set", "o1")) is None
    await tasks.aclose()


async def test_restore_reports_conflicts_without_applying_them(drafts: DraftStore) -> None:
    await drafts.rebase(DraftKey(EU, "Kitchen", "device", "d1"), BASE, {**BASE, "measuring_cycle": 1})
    bridge = EditorDrafts(drafts, lambda: EU, lambda: "Kitchen", TaskOwner("t"))
    fresh = EditSession({**BASE, "measuring_cycle": 2}, key="device:d1")
    resumed = await bridge.restore(fresh)
    assert resumed is not None and [c.label for c in resumed.conflicts] == ["measuring_cycle"]
    assert not fresh.dirty
