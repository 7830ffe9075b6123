from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from saveris_desktop.core.offline.cache import Cache, describe_age
from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftStore
from saveris_desktop.core.offline.store import Store

KEY = DraftKey("Europe, production", "Kitchen", "device", "dev-1")


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    yield opened
    await opened.close()


async def test_first_save_fixes_the_base_later_saves_keep_it(store: Store) -> None:
    drafts = DraftStore(store)
    first = await drafts.save(KEY, {"name": "A"}, base={"name": "server"})
    second = await drafts.save(KEY, {"name": "AB"}, base={"name": "newer server"})
    assert first.base == second.base == {"name": "server"}
    assert second.mine == {"name": "AB"} and second.changed
    rebased = await drafts.rebase(KEY, {"name": "newer server"}, {"name": "AB"})
    assert (await drafts.get(KEY)) == rebased


def test_a_switch_turned_on_where_the_server_had_one_is_a_change() -> None:
    # JSON true is not the number 1 (Python's == says it is): the switch was really changed
    assert Draft(KEY, {"enabled": 1}, {"enabled": True}, "2026-01-01T00:00:00+00:00").changed
    assert not Draft(KEY, {"enabled": True}, {"enabled": True}, "2026-01-01T00:00:00+00:00").changed


async def test_drafts_are_kept_apart_by_endpoint_and_site(store: Store) -> None:
    drafts = DraftStore(store)
    await drafts.save(KEY, {"n": 1})
    await drafts.save(DraftKey("Americas, production", "Kitchen", "device", "dev-1"), {"n": 2})
    await drafts.save(DraftKey("Europe, production", "Bakery", "wizard", "onboarding"), {"step": 3})
    assert [d.mine for d in await drafts.find(endpoint="Europe, production", site="Kitchen")] == [{"n": 1}]
    assert len(await drafts.find(endpoint="Europe, production")) == 2
    assert [d.key.kind for d in await drafts.find(kind="wizard")] == ["wizard"]
    assert await drafts.delete(KEY) and not await drafts.delete(KEY)
    assert await drafts.get(KEY) is None


async def test_drafts_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = await Store.open(path)
    await DraftStore(first).save(KEY, {"name": "typed before closing"})
    await first.close()
    second = await Store.open(path)
    try:
        draft = await DraftStore(second).get(KEY)
        assert draft is not None and draft.mine == {"name": "typed before closing"}
    finally:
        await second.close()


async def test_cache_replaces_a_list_and_tells_its_age(store: Store) -> None:
    cache = Cache(store)
    eu = "Europe, production"
    await cache.replace_all(eu, "Kitchen", "device", {"d1": {"uuid": "d1"}, "d2": {"uuid": "d2"}})
    await cache.replace_all(eu, "Kitchen", "device", {"d2": {"uuid": "d2", "name": "new"}})
    [only] = await cache.find(eu, "Kitchen", "device")
    assert (only.object_id, only.payload["name"]) == ("d2", "new")
    assert only.age() < timedelta(minutes=1)
    await cache.put(eu, "Kitchen", "device_alarms", "d2", {"alarms": []})
    cached = await cache.get(eu, "Kitchen", "device_alarms", "d2")
    assert cached is not None and cached.payload == {"alarms": []}
    await cache.remember_site(eu, "Kitchen")
    await cache.remember_site(eu, "Bakery")
    assert [s.object_id for s in await cache.sites(eu)] == ["Bakery", "Kitchen"]
    assert await cache.sites("Americas, production") == []


@pytest.mark.parametrize(
    ("age", "words"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(minutes=5), "5 min ago"),
        (timedelta(hours=3), "3 h ago"),
        (timedelta(days=1, hours=2), "1 day ago"),
        (timedelta(days=4), "4 days ago"),
    ],
)
def test_age_in_words(age: timedelta, words: str) -> None:
    assert describe_age(age) == words
