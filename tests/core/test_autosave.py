from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.core.autosave import DraftAutosaver, edits_between, resume_draft
from saveris_desktop.core.drafts import Draft, DraftKey, DraftStore
from saveris_desktop.core.editing import EditSession
from saveris_desktop.core.merge import Side
from saveris_desktop.core.store import Store
from saveris_desktop.core.tasks import TaskOwner

KEY = DraftKey("Europe, production", "Kitchen", "device", "dev-1")
SERVER = {"uuid": "dev-1", "name": "Logger", "measuring_cycle": 60000, "tags": ["a"], "extra": {"x": 1}}


class ManualIdle:
    """A sleep that ends only when the test says the technician paused."""

    def __init__(self) -> None:
        self.waiting: list[asyncio.Future[None]] = []

    async def __call__(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting.append(future)
        await future

    def pause(self) -> None:
        for future in self.waiting:
            if not future.done():
                future.set_result(None)
        self.waiting.clear()


@pytest.fixture
async def drafts(tmp_path: Path) -> AsyncIterator[DraftStore]:
    store = await Store.open(tmp_path / "db.sqlite3")
    yield DraftStore(store)
    await store.close()


async def _settle(saver: DraftAutosaver, saves: int) -> None:
    for _ in range(400):
        if saver.saves >= saves and not saver.pending:
            return
        await asyncio.sleep(0.002)
    raise AssertionError("the autosave did not happen")


async def test_typing_is_saved_once_the_technician_pauses(drafts: DraftStore) -> None:
    idle = ManualIdle()
    tasks = TaskOwner("test")
    saved: list[Draft | None] = []
    saver = DraftAutosaver(drafts, KEY, tasks, sleep=idle, on_saved=saved.append)
    session = EditSession(SERVER, on_change=saver.changed)
    session.set(["name"], "F")
    session.set(["name"], "Fr")
    session.set(["name"], "Fridge")
    await asyncio.sleep(0)
    assert await drafts.get(KEY) is None and saver.pending  # nothing written while typing
    idle.pause()
    await _settle(saver, 1)
    assert saver.saves == 1  # three keystrokes, one write
    draft = await drafts.get(KEY)
    assert draft is not None and draft.mine["name"] == "Fridge" and draft.base == SERVER
    assert saved[-1] == draft

    session.revert()  # nothing left to keep
    await saver.flush()  # focus-out: at once, no idle wait
    assert await drafts.get(KEY) is None
    await tasks.aclose()


async def test_a_draft_comes_back_after_a_restart_on_top_of_the_new_server_version(
    drafts: DraftStore,
) -> None:
    tasks = TaskOwner("test")
    saver = DraftAutosaver(drafts, KEY, tasks)
    session = EditSession(SERVER, on_change=saver.changed)
    session.set(["measuring_cycle"], 120000)
    session.set(["tags"], ["a", "b"])
    await saver.flush()
    await tasks.aclose()

    draft = await drafts.get(KEY)
    assert draft is not None
    newer = {**SERVER, "name": "Renamed in the cloud"}
    resumed = resume_draft(draft, newer)
    assert resumed.conflicts == []
    restored = EditSession(resumed.server)
    restored.restore(resumed.edits)
    assert restored.payload() == {**newer, "measuring_cycle": 120000, "tags": ["a", "b"]}
    assert {c.dotted for c in restored.changes()} == {"measuring_cycle", "tags[1]"}


async def test_a_field_changed_on_both_sides_comes_back_as_a_conflict(drafts: DraftStore) -> None:
    await drafts.rebase(KEY, SERVER, {**SERVER, "measuring_cycle": 120000})
    draft = await drafts.get(KEY)
    assert draft is not None
    resumed = resume_draft(draft, {**SERVER, "measuring_cycle": 30000})
    [conflict] = resumed.conflicts
    assert (conflict.base, conflict.mine, conflict.server) == (60000, 120000, 30000)
    assert resumed.merge.resolve({conflict.path: Side.MINE})["measuring_cycle"] == 120000


def test_edits_between_covers_added_and_changed_fields() -> None:
    assert edits_between({"a": 1, "b": [1]}, {"a": 1, "b": [1, 2], "c": True}) == [
        {"path": ["b"], "value": [1, 2]},
        {"path": ["c"], "value": True},
    ]
