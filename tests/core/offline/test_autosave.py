from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.autosave import DraftAutosaver, SaveFailure, edits_between, resume_draft
from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftStore
from saveris_desktop.core.offline.merge import Side
from saveris_desktop.core.offline.store import StorageProblem, Store
from saveris_desktop.core.runtime.tasks import TaskOwner

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


# --- a save that fails is never taken for saved -------------------------------------------------


async def _disk_full(store: Store, full: bool) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL): the file may not grow by one page;
    False lifts the limit, as freeing disk space would. Works as root too, unlike chmod."""

    def work(connection: Any) -> None:
        current = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {current if full else 1_000_000_000}")

    await store.read(work)


async def test_a_draft_that_hits_a_full_disk_stays_pending_is_reported_and_saved_by_the_retry(
    tmp_path: Path,
) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    drafts = DraftStore(store)
    idle = ManualIdle()
    tasks = TaskOwner("test")
    failures: list[SaveFailure] = []
    saved: list[Draft | None] = []
    saver = DraftAutosaver(
        drafts, KEY, tasks, sleep=idle, on_saved=saved.append, on_failed=failures.append, retry_seconds=(5.0,)
    )
    session = EditSession(SERVER, on_change=saver.changed)
    await _disk_full(store, True)
    session.set(["name"], "Fridge " + "x" * 5000)  # needs new pages
    assert await saver.flush() is False
    assert [f.problem for f in failures] == [StorageProblem.DISK_FULL]
    assert saver.failure is not None and "full" in saver.failure.detail
    assert saver.pending  # not reported as saved: the state waits for the retry
    assert saved == []
    assert await drafts.get(KEY) is None

    await _disk_full(store, False)  # space was freed
    idle.pause()  # the retry timer's wait ends
    for _ in range(400):
        if saved:
            break
        await asyncio.sleep(0.002)
    draft = await drafts.get(KEY)
    assert draft is not None and draft.mine["name"].startswith("Fridge x")
    assert saver.failure is None and not saver.pending and saved == [draft]
    await tasks.aclose()
    await store.close()


async def test_a_read_only_database_keeps_the_newest_typing_for_the_next_edit(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    drafts = DraftStore(store)
    tasks = TaskOwner("test")
    failures: list[SaveFailure] = []
    saver = DraftAutosaver(drafts, KEY, tasks, sleep=ManualIdle(), on_failed=failures.append)
    session = EditSession(SERVER, on_change=saver.changed)
    await store.read(lambda c: c.execute("PRAGMA query_only = ON"))  # every write is refused
    session.set(["name"], "Fridge")
    assert await saver.flush() is False
    session.set(["name"], "Fridge 2")  # the next edit: still refused, still kept
    assert await saver.flush() is False
    assert [f.problem for f in failures] == [StorageProblem.READ_ONLY] * 2
    await store.read(lambda c: c.execute("PRAGMA query_only = OFF"))
    session.set(["measuring_cycle"], 120000)  # the next edit after the folder is writable again
    assert await saver.flush() is True
    draft = await drafts.get(KEY)
    assert draft is not None and (draft.mine["name"], draft.mine["measuring_cycle"]) == ("Fridge 2", 120000)
    await tasks.aclose()
    await store.close()


async def test_editor_drafts_say_when_saving_fails_and_when_it_works_again(tmp_path: Path) -> None:
    from saveris_desktop.core.offline.editor_drafts import EditorDrafts

    store = await Store.open(tmp_path / "db.sqlite3")
    tasks = TaskOwner("test")
    bridge = EditorDrafts(
        DraftStore(store), lambda: "Europe, production", lambda: "Kitchen", tasks, idle_seconds=60
    )
    told: list[str] = []
    bridge.sig_save_failed.connect(lambda failure: told.append(f"failed: {failure.problem}"))
    bridge.sig_saved_again.connect(lambda _none: told.append("saved again"))
    first = EditSession(SERVER, key="device:d1", on_change=bridge.session_changed)
    second = EditSession(SERVER, key="device:d2", on_change=bridge.session_changed)
    await store.read(lambda c: c.execute("PRAGMA query_only = ON"))
    first.set(["name"], "A")
    second.set(["name"], "B")
    assert await bridge.flush_all() is False
    assert told == ["failed: read-only", "failed: read-only"]
    assert bridge.pending and bridge.failure is not None
    await store.read(lambda c: c.execute("PRAGMA query_only = OFF"))
    assert await bridge.flush_all() is True
    assert told[-1] == "saved again" and told.count("saved again") == 1  # once, when all are saved
    assert not bridge.pending and bridge.failure is None
    await tasks.aclose()
    await store.close()
