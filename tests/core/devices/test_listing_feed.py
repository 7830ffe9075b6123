"""One poller per site: watchers of the same site share one listing, as often as the most eager one wants."""

from __future__ import annotations

import asyncio

from saveris_desktop.core.devices.listing_feed import ListingFeeds
from saveris_desktop.core.devices.watcher import DeviceWatcher, WatchTiming
from tests.core.devices.test_watcher import FakeSource, _until

EAGER = WatchTiming(interval=0.01, max_backoff=0.05, offline_probe=0.01, offline_max=0.02)
CALM = WatchTiming(interval=60.0, max_backoff=60.0, offline_probe=60.0, offline_max=60.0)


async def test_two_watchers_of_a_site_share_every_listing_of_one_poller() -> None:
    source = FakeSource("a")
    feeds = ListingFeeds(source)
    wizard = DeviceWatcher(timing=EAGER, feeds=feeds)
    view = DeviceWatcher(timing=CALM, feeds=feeds)
    wizard.start("Shop", baseline=["a"])
    view.start("Shop")
    await _until(lambda: wizard.status().polls >= 5)
    # the calm one gets the eager one's answers; nobody sends a listing of its own
    assert view.status().polls >= 4
    assert source.calls <= wizard.status().polls + 1
    found: list[str] = []
    view.sig_new_devices.connect(lambda devices: found.extend(d.uuid for d in devices))
    source.uuids.append("b")
    await _until(lambda: found == ["b"])  # within the eager interval, not the calm one's 60 s
    await wizard.aclose()
    await view.aclose()


async def test_watchers_starting_together_send_one_listing() -> None:
    source = FakeSource("a")
    feeds = ListingFeeds(source)
    watchers = [DeviceWatcher(timing=CALM, feeds=feeds) for _ in range(4)]
    for watcher in watchers:
        watcher.start("Shop")
    await _until(lambda: all(w.status().polls == 1 for w in watchers))
    await asyncio.sleep(0.05)
    assert source.calls == 1
    for watcher in watchers:
        await watcher.aclose()


async def test_when_the_eager_watcher_leaves_the_calm_ones_interval_applies() -> None:
    source = FakeSource("a")
    feeds = ListingFeeds(source)
    wizard = DeviceWatcher(timing=EAGER, feeds=feeds)
    view = DeviceWatcher(timing=CALM, feeds=feeds)
    view.start("Shop")
    wizard.start("Shop")
    await _until(lambda: source.calls >= 3)
    await wizard.aclose()
    calls = source.calls
    await asyncio.sleep(0.1)
    assert source.calls == calls and view.running
    view.poll_now()  # Refresh still works for the one left
    await _until(lambda: source.calls == calls + 1)
    await view.aclose()
    assert feeds.active_sites() == []


async def test_a_paused_watcher_neither_drives_nor_receives_and_resuming_lists_at_once() -> None:
    source = FakeSource("a")
    feeds = ListingFeeds(source)
    wizard = DeviceWatcher(timing=CALM, feeds=feeds)
    view = DeviceWatcher(timing=EAGER, feeds=feeds)
    wizard.start("Shop")
    view.start("Shop")
    await _until(lambda: view.status().polls >= 1 and wizard.status().polls >= 1)
    view.pause()  # the devices view was hidden: the eager interval no longer counts
    await asyncio.sleep(0.02)
    calls, view_polls = source.calls, view.status().polls
    await asyncio.sleep(0.1)
    assert source.calls == calls and view.status().polls == view_polls
    wizard.poll_now()
    await _until(lambda: source.calls == calls + 1)
    assert view.status().polls == view_polls  # a paused watcher is not fed
    view.resume()
    await _until(lambda: view.status().polls == view_polls + 1)
    await wizard.aclose()
    await view.aclose()


async def test_offline_every_watcher_hears_it_from_one_probe_and_both_resume() -> None:
    source = FakeSource("a")
    feeds = ListingFeeds(source)
    wizard = DeviceWatcher(timing=EAGER, feeds=feeds)
    view = DeviceWatcher(timing=CALM, feeds=feeds)
    heard: list[tuple[str, bool]] = []
    wizard.sig_connectivity.connect(lambda online: heard.append(("wizard", online)))
    view.sig_connectivity.connect(lambda online: heard.append(("view", online)))
    wizard.start("Shop", baseline=["a"])
    view.start("Shop")
    await _until(lambda: len(heard) == 2)
    source.down = True
    await _until(lambda: ("view", False) in heard and ("wizard", False) in heard)
    assert view.status().error is None and view.status().online is False
    source.down = False
    await _until(lambda: heard.count(("view", True)) == 2 and heard.count(("wizard", True)) == 2)
    await wizard.aclose()
    await view.aclose()


async def test_each_site_has_its_own_poller() -> None:
    source = FakeSource("a")
    seen: list[str] = []
    original = source.list_devices

    async def listing(site: str):
        seen.append(site)
        return await original(site)

    source.list_devices = listing  # type: ignore[method-assign]
    feeds = ListingFeeds(source)
    one = DeviceWatcher(timing=CALM, feeds=feeds)
    two = DeviceWatcher(timing=CALM, feeds=feeds)
    one.start("One")
    two.start("Two")
    await _until(lambda: sorted(seen) == ["One", "Two"])
    assert sorted(feeds.active_sites()) == ["One", "Two"]
    assert one.status().site == "One" and two.status().site == "Two"
    await one.aclose()
    assert feeds.active_sites() == ["Two"]
    await two.aclose()


async def test_the_last_watcher_leaving_stops_the_poller() -> None:
    source = FakeSource("a")
    feeds = ListingFeeds(source)
    first = DeviceWatcher(timing=EAGER, feeds=feeds)
    second = DeviceWatcher(timing=EAGER, feeds=feeds)
    first.start("Shop")
    second.start("Shop")
    await _until(lambda: source.calls >= 2)
    task = first._task
    first.stop()
    assert task is not None and not task.done() and second.running
    await second.aclose()
    assert task.done()
    calls = source.calls
    await asyncio.sleep(0.05)
    assert source.calls == calls


async def test_closing_the_feeds_stops_a_poller_whose_watcher_was_never_closed() -> None:
    source = FakeSource("a")
    feeds = ListingFeeds(source)
    forgotten = DeviceWatcher(timing=EAGER, feeds=feeds)
    forgotten.start("Shop")
    await _until(lambda: source.calls >= 1)
    task = forgotten._task
    await feeds.aclose()
    assert task is not None and task.done() and not forgotten.running
    await feeds.aclose()  # idempotent
