"""The onboarding wizard's draft: the flow's own data, saved after a pause, never the key or a password."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from saveris_desktop.core.offline.audit import AuditLog
from saveris_desktop.core.offline.drafts import DraftStore
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.onboarding.flow import OnboardingData, OnboardingFlow, Step
from saveris_desktop.core.onboarding.onboarding_drafts import OnboardingDrafts
from saveris_desktop.core.runtime.tasks import TaskOwner


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    yield opened
    await opened.close()


def _drafts(store: Store, tasks: TaskOwner, idle: float = 0.0) -> OnboardingDrafts:
    return OnboardingDrafts(
        DraftStore(store),
        AuditLog(store),
        tasks,
        endpoint=lambda: "Europe, production",
        user=lambda: "tech@example.com",
        idle_seconds=idle,
    )


def test_only_what_the_technician_typed_is_draft_data() -> None:
    data = OnboardingData(
        username="tech@example.com",
        site="Bakery",
        site_typed="Bakery",
        timezone="Europe/Berlin",
        connect_key="KEY-1234",
        baseline_uuids=["a"],
        found_uuids=["b"],
    )
    draft = data.to_draft()
    assert draft["username"] == "tech@example.com" and draft["site_typed"] == "Bakery"
    assert "connect_key" not in draft and "KEY-1234" not in json.dumps(draft)
    assert not {"baseline_uuids", "found_uuids", "site", "baseline_frozen"} & set(draft)
    assert not any("password" in name for name in draft)


async def test_changes_are_saved_after_a_pause_and_come_back(store: Store) -> None:
    tasks = TaskOwner("test")
    drafts = _drafts(store, tasks, idle=3600)  # only flush() writes in this test
    flow = OnboardingFlow(signed_in=True)
    drafts.changed(flow)
    flow.note(site_typed="Bakery Nord", timezone="Europe/Berlin")
    drafts.changed(flow)
    assert await DraftStore(store).get(drafts.key) is None  # still in its pause
    await drafts.flush()
    again = _drafts(store, TaskOwner("again"))
    saved = await again.load()
    assert saved is not None and saved.step is Step.SITE
    assert (saved.data.site_typed, saved.data.timezone) == ("Bakery Nord", "Europe/Berlin")
    assert again.latest == saved
    await tasks.aclose()


async def test_the_latest_change_wins_after_the_pause(store: Store) -> None:
    tasks = TaskOwner("test")
    drafts = _drafts(store, tasks, idle=0.01)
    flow = OnboardingFlow()
    for name in ("t", "te", "tech"):
        flow.note(username=name)
        drafts.changed(flow)
    for _ in range(100):
        draft = await DraftStore(store).get(drafts.key)
        if draft is not None:
            break
        await asyncio.sleep(0.01)
    assert draft is not None and draft.mine["flow"]["username"] == "tech"
    await tasks.aclose()


async def test_a_finished_wizard_drops_its_draft_a_cancelled_one_keeps_it(store: Store) -> None:
    tasks = TaskOwner("test")
    drafts = _drafts(store, tasks, idle=3600)
    flow = OnboardingFlow()
    flow.note(username="tech@example.com")
    drafts.finished(flow, accepted=False)
    await asyncio.gather(
        *[t for t in asyncio.all_tasks() if t is not asyncio.current_task()], return_exceptions=True
    )
    assert (await DraftStore(store).get(drafts.key)) is not None
    drafts.changed(flow)  # a change still in its pause must not come back after Finish
    drafts.finished(flow, accepted=True)
    await asyncio.gather(
        *[t for t in asyncio.all_tasks() if t is not asyncio.current_task()], return_exceptions=True
    )
    assert await DraftStore(store).get(drafts.key) is None
    assert drafts.latest is None
    await tasks.aclose()


def test_note_takes_typed_fields_only() -> None:
    flow = OnboardingFlow()
    seen: list[Step] = []
    flow.sig_changed.connect(lambda f: seen.append(f.step))
    flow.note(region="am")
    flow.note(region="am")  # no change, no signal
    assert str(flow.data.region) == "am" and seen == [Step.SIGN_IN]
    from saveris_desktop.core.onboarding.flow import InvalidTransitionError

    with pytest.raises(InvalidTransitionError):
        flow.note(connect_key="KEY-1234")


def test_a_wizard_reopens_where_it_stopped_as_far_as_its_data_allows() -> None:
    full = OnboardingData(site="Bakery", site_typed="Bakery", connect_key="KEY-1234")
    assert OnboardingFlow(full, signed_in=False, resume_at=Step.HOTSPOT_GUIDE).step is Step.SIGN_IN
    assert OnboardingFlow(full, signed_in=True, resume_at=Step.CONNECT_KEY).step is Step.CONNECT_KEY
    assert OnboardingFlow(full, signed_in=True, resume_at=Step.HOTSPOT_GUIDE).step is Step.HOTSPOT_GUIDE
    waiting = OnboardingFlow(full, signed_in=True, resume_at=Step.WAITING)
    assert waiting.step is Step.HOTSPOT_GUIDE and not waiting.can_go_back()  # lists once more first
    assert OnboardingFlow(full, signed_in=True, resume_at=Step.FOUND).step is Step.SITE
    from_disk = OnboardingData.from_dict(full.to_draft())  # no key after a restart
    assert OnboardingFlow(from_disk, signed_in=True, resume_at=Step.HOTSPOT_GUIDE).step is Step.SITE


async def test_in_memory_the_draft_keeps_the_key_on_disk_it_does_not(store: Store) -> None:
    tasks = TaskOwner("test")
    drafts = _drafts(store, tasks, idle=3600)
    flow = OnboardingFlow(signed_in=True)
    flow.site_ready("Bakery", "Europe/Berlin", "KEY-1234", [])
    drafts.changed(flow)
    assert drafts.latest is not None and drafts.latest.data.connect_key == "KEY-1234"
    assert drafts.latest.step is Step.CONNECT_KEY
    await drafts.flush()
    again = await _drafts(store, TaskOwner("again")).load()
    assert again is not None and again.data.connect_key == "" and again.step is Step.CONNECT_KEY
    await tasks.aclose()


async def test_a_save_the_disk_refuses_is_said_kept_waiting_and_retried(store: Store) -> None:
    """A read-only database (SQLite's own error, as for a read-only file or folder): the typed input
    is not taken for saved; the failure is said once per attempt, and the retry saves it."""
    tasks = TaskOwner("test")
    drafts = OnboardingDrafts(
        DraftStore(store),
        AuditLog(store),
        tasks,
        endpoint=lambda: "Europe, production",
        user=lambda: "tech@example.com",
        idle_seconds=3600,  # only flush() and the retry write in this test
        retry_seconds=(0.05,),
    )
    told: list[str] = []
    drafts.sig_save_failed.connect(lambda failure: told.append(f"failed: {failure.problem}"))
    drafts.sig_saved_again.connect(lambda _none: told.append("saved again"))
    flow = OnboardingFlow(signed_in=True)
    flow.note(site_typed="Bakery Nord")
    drafts.changed(flow)

    await store.read(lambda c: c.execute("PRAGMA query_only = ON"))
    await drafts.flush()
    assert drafts.failure is not None and told == [f"failed: {drafts.failure.problem}"]
    assert await DraftStore(store).get(drafts.key) is None

    await store.read(lambda c: c.execute("PRAGMA query_only = OFF"))
    for _ in range(100):  # the retry after 0.05 s
        if told[-1] == "saved again":
            break
        await asyncio.sleep(0.02)
    assert told[-1] == "saved again" and drafts.failure is None
    saved = await DraftStore(store).get(drafts.key)
    assert saved is not None and saved.mine["flow"]["site_typed"] == "Bakery Nord"
    await tasks.aclose()
