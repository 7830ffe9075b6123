"""DeviceWatcher: polling, new uuids, offline pause with automatic resume, backoff, hints."""

from __future__ import annotations

import asyncio

import pytest

from saveris_desktop.api.errors import NetworkError, RateLimitedError, ServerError
from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.watcher import DeviceWatcher, WatchStatus, WatchTiming

FAST = WatchTiming(interval=0.01, max_backoff=0.05, offline_probe=0.01, offline_max=0.02, hint_after=300.0)


class FakeSource:
    """A device list the test edits; `down` makes every call fail like a missing network."""

    def __init__(self, *uuids: str) -> None:
        self.uuids = list(uuids)
        self.down = False
        self.error: Exception | None = None
        self.calls = 0

    async def list_devices(self, site: str) -> list[Device]:
        self.calls += 1
        await asyncio.sleep(0)
        if self.down:
            raise NetworkError("The cloud cannot be reached.")
        if self.error is not None:
            raise self.error
        return [Device(uuid=u, customer_site=site) for u in self.uuids]


async def _until(predicate, timeout: float = 2.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.005)


async def test_a_device_not_in_the_baseline_is_reported_once() -> None:
    source = FakeSource("a")
    watcher = DeviceWatcher(source, timing=FAST)
    found: list[list[str]] = []
    watcher.sig_new_devices.connect(lambda devices: found.append([d.uuid for d in devices]))
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: source.calls >= 3)
    source.uuids.append("b")
    await _until(lambda: found)
    calls = source.calls
    await _until(lambda: source.calls >= calls + 3)
    assert found == [["b"]]
    assert watcher.status().new_uuids == ("b",)
    await watcher.aclose()


async def test_without_a_baseline_the_first_listing_is_the_baseline() -> None:
    source = FakeSource("a", "b")
    watcher = DeviceWatcher(source, timing=FAST)
    found: list[str] = []
    watcher.sig_new_devices.connect(lambda devices: found.extend(d.uuid for d in devices))
    watcher.start("Shop")
    await _until(lambda: watcher.status().polls >= 2)
    assert found == [] and watcher.status().baseline_known
    source.uuids.append("c")
    await _until(lambda: found == ["c"])
    await watcher.aclose()


async def test_losing_the_network_reports_offline_and_it_resumes_by_itself() -> None:
    source = FakeSource("a")
    watcher = DeviceWatcher(source, timing=FAST)
    connectivity: list[bool] = []
    found: list[str] = []
    watcher.sig_connectivity.connect(connectivity.append)
    watcher.sig_new_devices.connect(lambda devices: found.extend(d.uuid for d in devices))
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: connectivity == [True])
    source.down = True  # the laptop joined the logger's hotspot
    await _until(lambda: connectivity == [True, False])
    status = watcher.status()
    assert status.online is False and status.error is None  # offline is a state, not an error
    source.uuids.append("b")  # the logger joins the site meanwhile
    source.down = False  # back on the site Wi-Fi
    await _until(lambda: found == ["b"])
    assert connectivity == [True, False, True]
    await watcher.aclose()


async def test_offline_probes_slow_down_but_stay_capped() -> None:
    timing = WatchTiming(interval=1, offline_probe=3, offline_max=10)
    assert [timing.offline_delay(n) for n in (1, 2, 3, 4, 10)] == [3, 6, 10, 10, 10]


async def test_a_long_time_offline_still_probes_at_the_offline_pace_not_the_error_backoff() -> None:
    """Ten failed probes must not slow the watcher to the server-error backoff (here 5 s): the
    technician coming back from the logger's hotspot sees the logger within an offline probe."""
    timing = WatchTiming(interval=0.01, max_backoff=5.0, offline_probe=0.01, offline_max=0.02)
    source = FakeSource("a")
    source.down = True
    watcher = DeviceWatcher(source, timing=timing)
    found: list[str] = []
    watcher.sig_new_devices.connect(lambda devices: found.extend(d.uuid for d in devices))
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: source.calls >= 10)
    source.uuids.append("b")
    source.down = False
    await _until(lambda: found == ["b"], timeout=1.0)  # ≥ 5 s with the error backoff
    await watcher.aclose()
    # The app's own timing: back on the site Wi-Fi, the logger shows within 10 s however long it took.
    assert max(WatchTiming().offline_delay(n) for n in range(1, 50)) <= 10.0


def test_server_errors_back_off_exponentially_and_honour_retry_after() -> None:
    timing = WatchTiming(interval=3, max_backoff=30)
    assert [timing.error_delay(n) for n in (1, 2, 3, 4, 5)] == [3, 6, 12, 24, 30]
    assert timing.error_delay(1, retry_after=20) == 20


async def test_a_server_error_is_reported_and_polling_continues() -> None:
    source = FakeSource("a")
    source.error = ServerError("The cloud failed.", status=503)
    watcher = DeviceWatcher(source, timing=FAST)
    statuses: list[WatchStatus] = []
    watcher.sig_status.connect(statuses.append)
    watcher.start("Shop", baseline=[])
    await _until(lambda: source.calls >= 3)
    assert statuses[-1].online is True  # the server answered
    assert isinstance(statuses[-1].error, ServerError) and statuses[-1].failures >= 2
    source.error = None
    await _until(lambda: watcher.status().polls >= 1)
    assert watcher.status().error is None and watcher.status().failures == 0
    await watcher.aclose()


async def test_rate_limiting_waits_as_long_as_the_server_asks() -> None:
    source = FakeSource()
    source.error = RateLimitedError("Slow down.", retry_after=60)
    watcher = DeviceWatcher(source, timing=FAST)
    watcher.start("Shop")
    await _until(lambda: source.calls == 1)
    await asyncio.sleep(0.1)
    assert source.calls == 1
    await watcher.aclose()


async def test_an_unexpected_exception_becomes_a_visible_error_not_a_silent_stop() -> None:
    source = FakeSource()
    source.error = KeyError("bug")
    watcher = DeviceWatcher(source, timing=FAST)
    watcher.start("Shop")
    await _until(lambda: source.calls >= 2)
    assert watcher.running
    assert "unexpectedly" in watcher.status().error.message  # type: ignore[union-attr]
    await watcher.aclose()


async def test_pause_stops_polling_and_resume_polls_at_once() -> None:
    source = FakeSource("a")
    watcher = DeviceWatcher(source, timing=WatchTiming(interval=60))
    watcher.start("Shop")
    await _until(lambda: source.calls == 1)
    watcher.pause()
    assert watcher.status().paused
    watcher.poll_now()
    await asyncio.sleep(0.05)
    assert source.calls == 1
    watcher.resume()
    await _until(lambda: source.calls == 2)
    watcher.poll_now()
    await _until(lambda: source.calls == 3)
    await watcher.aclose()


async def test_a_connectivity_hint_from_the_client_wakes_an_offline_watcher() -> None:
    source = FakeSource()
    source.down = True
    watcher = DeviceWatcher(source, timing=WatchTiming(offline_probe=60, offline_max=60))
    watcher.start("Shop")
    await _until(lambda: watcher.status().online is False)
    source.down = False
    watcher.notify_connectivity(True)
    await _until(lambda: watcher.status().online is True)
    await watcher.aclose()


async def test_hints_appear_after_the_configured_time_with_nothing_new() -> None:
    now = [1000.0]
    source = FakeSource("a")
    watcher = DeviceWatcher(source, timing=FAST, clock=lambda: now[0])
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: watcher.status().polls >= 1)
    assert not watcher.status().taking_long
    now[0] += 299
    assert not watcher.status().taking_long
    now[0] += 2
    status = watcher.status()
    assert status.taking_long and status.elapsed == pytest.approx(301)
    assert watcher.running  # keeps waiting
    await watcher.aclose()


async def test_stop_and_aclose_are_idempotent_and_restart_switches_site() -> None:
    source = FakeSource("a")
    sites: list[str] = []
    watcher = DeviceWatcher(source, timing=FAST)
    watcher.sig_status.connect(lambda status: sites.append(status.site))
    watcher.start("One")
    await _until(lambda: "One" in sites)
    watcher.start("Two")
    await _until(lambda: "Two" in sites)
    watcher.stop()
    watcher.stop()
    assert not watcher.running
    await watcher.aclose()
    await watcher.aclose()


async def test_a_failing_observer_does_not_stop_the_watcher(caplog) -> None:
    source = FakeSource("a")
    watcher = DeviceWatcher(source, timing=FAST)

    def broken(devices):
        raise RuntimeError("observer bug")

    watcher.sig_devices.connect(broken)
    watcher.start("Shop")
    await _until(lambda: source.calls >= 3)
    assert watcher.running
    assert "observer" in caplog.text
    await watcher.aclose()


async def test_against_the_simulator_a_joining_logger_is_found_across_a_network_loss() -> None:
    from saveris_desktop.api.client import DeviceManagementClient
    from saveris_desktop.api.regions import Endpoint
    from saveris_desktop.api.retry import RetryPolicy
    from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, Simulator
    from saveris_desktop.simulator.clock import ManualClock

    async def no_sleep(_seconds: float) -> None:
        await asyncio.sleep(0)

    sim = Simulator(seed=9, join_delay=5.0, clock=ManualClock())
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:9"), transport=sim.transport(), retry=RetryPolicy(sleep=no_sleep)
    )
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    key = (await client.create_connect_key("Depot")).connect_key
    watcher = DeviceWatcher(client, timing=FAST)
    connectivity: list[bool] = []
    found: list[str] = []
    watcher.sig_connectivity.connect(connectivity.append)
    watcher.sig_new_devices.connect(lambda devices: found.extend(d.serial_number or "" for d in devices))
    watcher.start("Depot", baseline=[])
    await _until(lambda: watcher.status().polls >= 2)

    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id, 3.0)
    sim.set_network_down(True)  # the laptop is on the logger's hotspot
    await _until(lambda: connectivity == [True, False])
    assert sim.submit_configuration(logger.id, key, "Depot-WLAN", "password123").ok
    sim.advance_time(6)
    await asyncio.sleep(0.05)
    assert found == []  # nothing can be seen while offline
    sim.set_network_down(False)
    await _until(lambda: found == [logger.serial_number])
    assert connectivity == [True, False, True]
    await watcher.aclose()
    await client.aclose()


async def test_closing_during_a_wake_up_stops_the_watcher() -> None:
    """A cancel that arrives in the same loop pass as a wake-up must not be swallowed (wait_for race)."""
    source = FakeSource("a")
    watcher = DeviceWatcher(source, timing=WatchTiming(interval=60.0))
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: watcher.status().polls >= 1)
    await asyncio.sleep(0)  # the loop is now asleep for 60 s
    task = watcher._task
    assert task is not None
    watcher.poll_now()  # the wake-up ...
    await asyncio.wait_for(watcher.aclose(), timeout=1.0)  # ... and the close, in the same pass
    assert task.done() and task.cancelled()
    calls = source.calls
    await asyncio.sleep(0.05)
    assert source.calls == calls and not watcher.running


async def test_stop_during_a_wake_up_stops_the_watcher() -> None:
    source = FakeSource("a")
    watcher = DeviceWatcher(source, timing=WatchTiming(interval=60.0))
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: watcher.status().polls >= 1)
    await asyncio.sleep(0)
    task = watcher._task
    assert task is not None
    watcher.resume()
    watcher.poll_now()
    watcher.stop()
    await asyncio.sleep(0.05)
    assert task.cancelled() and source.calls == 1
    await watcher.aclose()


class ListingSource(FakeSource):
    """Like FakeSource, plus devices the cloud lists but the app could not read."""

    def __init__(self, *uuids: str) -> None:
        super().__init__(*uuids)
        self.unreadable: list[UnreadableItem] = []

    async def list_devices(self, site: str) -> list[Device]:
        return DeviceListing(await super().list_devices(site), self.unreadable)


def _unreadable(position: int, **received: object) -> UnreadableItem:
    return UnreadableItem(position, dict(received), "sensors_connections[0].slot_index", "missing")


async def test_a_new_logger_is_found_while_another_device_is_unreadable() -> None:
    source = ListingSource("a")
    source.unreadable = [_unreadable(1, uuid="broken", serial_number="60000001")]
    watcher = DeviceWatcher(source, timing=FAST)
    found: list[str] = []
    listed: list[int] = []
    watcher.sig_new_devices.connect(lambda devices: found.extend(d.uuid for d in devices))
    watcher.sig_devices.connect(lambda listing: listed.append(len(listing.unreadable)))
    watcher.start("Shop", baseline=["a", "broken"])
    await _until(lambda: watcher.status().polls >= 2)
    source.uuids.append("b")
    await _until(lambda: found == ["b"])
    status = watcher.status()
    assert status.device_count == 3 and status.unreadable_count == 1 and status.new_unreadable == ()
    assert set(listed) == {1} and [item.uuid for item in watcher.unreadable] == ["broken"]
    await watcher.aclose()


async def test_an_unreadable_new_logger_counts_as_a_logger_that_appeared() -> None:
    source = ListingSource("a")
    source.unreadable = [_unreadable(1, serial_number="60000002")]  # no uuid: known by its serial
    watcher = DeviceWatcher(source, timing=FAST)
    appeared: list[list[str | None]] = []
    watcher.sig_new_unreadable.connect(lambda items: appeared.append([i.serial_number for i in items]))
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: watcher.status().polls >= 2)
    assert appeared == []  # already in the first listing: taken as known, never a false "found"
    source.unreadable = [*source.unreadable, _unreadable(2, uuid="new-1", serial_number="60000003")]
    await _until(lambda: appeared)
    polls = watcher.status().polls
    await _until(lambda: watcher.status().polls >= polls + 3)
    assert appeared == [["60000003"]]  # reported once
    assert watcher.status().new_unreadable == ("new-1",) and watcher.status().new_uuids == ()
    await watcher.aclose()


class ScriptedSource:
    """Answers each listing with the next outcome of a script (a list of uuids, or an exception to
    raise); once the script is used up, a listing waits forever, so the test sees exactly the
    scripted attempts."""

    def __init__(self, *outcomes: list[str] | Exception) -> None:
        self.outcomes = list(outcomes)
        self.calls = 0

    async def list_devices(self, site: str) -> list[Device]:
        self.calls += 1
        await asyncio.sleep(0)
        if not self.outcomes:
            await asyncio.Event().wait()
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return [Device(uuid=uuid, customer_site=site) for uuid in outcome]


async def _let_the_feed_run() -> None:
    """Enough passes of the event loop for a woken feed to start a listing (it needs one or two)."""
    for _ in range(20):
        await asyncio.sleep(0)


def _offline() -> NetworkError:
    return NetworkError("The cloud cannot be reached.")


async def test_failures_count_up_while_offline_and_start_again_at_one_after_an_answer() -> None:
    """The failure count drives the probe pace: offline probing starts at its shortest delay each
    time the network goes (also right after a server error) and slows down only while it stays gone."""
    source = ScriptedSource(
        ["a"],
        ServerError("The cloud failed.", status=503),
        _offline(),
        _offline(),
        _offline(),
        ["a"],
        _offline(),
    )
    watcher = DeviceWatcher(source, timing=FAST)
    seen: list[tuple[bool | None, int]] = []
    watcher.sig_status.connect(lambda status: seen.append((status.online, status.failures)))
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: len(seen) == 7)
    assert seen == [(True, 0), (True, 1), (False, 1), (False, 2), (False, 3), (True, 0), (False, 1)]
    await watcher.aclose()


async def test_an_unexpected_exception_is_counted_worded_for_the_technician_and_logged_with_its_traceback(
    caplog,
) -> None:
    bug = KeyError("bug")
    source = ScriptedSource(bug, KeyError("again"))
    watcher = DeviceWatcher(source, timing=FAST)
    statuses: list[WatchStatus] = []
    watcher.sig_status.connect(statuses.append)
    with caplog.at_level("ERROR", logger="saveris_desktop.core.devices.watcher"):
        watcher.start("Shop")
        await _until(lambda: len(statuses) == 2)
    assert [status.failures for status in statuses] == [1, 2]
    error = statuses[0].error
    assert (
        error is not None and error.message == "Checking for devices failed unexpectedly; see the log file."
    )
    assert error.__cause__ is bug  # the log and the crash report keep what really happened
    records = [r for r in caplog.records if r.name == "saveris_desktop.core.devices.watcher"]
    assert [r.getMessage() for r in records] == ["device watcher failed unexpectedly"] * 2
    assert records[0].exc_info is not None and records[0].exc_info[1] is bug
    await watcher.aclose()


async def test_the_log_says_when_a_site_went_offline_came_back_and_why_a_listing_was_refused(caplog) -> None:
    """What support reads afterwards: each change of connectivity once, with the site, and the
    server's reason for a refused listing."""
    source = ScriptedSource(
        ["a"], _offline(), _offline(), ServerError("The cloud failed.", status=503), ["a"]
    )
    watcher = DeviceWatcher(source, timing=FAST)
    with caplog.at_level("INFO", logger="saveris_desktop.core.devices.watcher"):
        watcher.start("Shop", baseline=["a"])
        await _until(lambda: source.calls == 6)
    messages = [r.getMessage() for r in caplog.records if r.name == "saveris_desktop.core.devices.watcher"]
    assert messages == [
        "cloud reachable for site 'Shop'",
        "cloud unreachable for site 'Shop'",
        "cloud reachable for site 'Shop'",
        "listing devices of 'Shop' failed: The cloud failed.",
    ]
    await watcher.aclose()


async def test_the_status_before_start_while_running_and_after_resume() -> None:
    source = ScriptedSource(["a"])
    watcher = DeviceWatcher(source, timing=FAST)
    assert watcher.status() == WatchStatus(site="")  # not running, not paused, nothing known
    watcher.pause()
    assert watcher.status() == WatchStatus(site="", paused=True)
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: watcher.status().polls == 1)
    status = watcher.status()
    assert (status.site, status.running, status.paused, status.online) == ("Shop", True, False, True)
    watcher.pause()
    watcher.resume()
    assert watcher.status().paused is False and watcher.status().running is True
    await watcher.aclose()


def test_a_watcher_without_a_source_or_feeds_is_refused() -> None:
    with pytest.raises(TypeError) as refused:
        DeviceWatcher()
    assert str(refused.value) == "a DeviceWatcher needs a source or shared feeds"


async def test_a_connectivity_hint_wakes_only_a_watcher_that_is_offline() -> None:
    """ "Back online" from another request wakes an offline watcher; it must not make an online one
    list again (every listing is a request), nor does "offline" make an offline one probe early."""
    slow = WatchTiming(interval=60, offline_probe=60, offline_max=60)
    watcher = DeviceWatcher(ScriptedSource(), timing=slow)
    watcher.notify_connectivity(True)  # before start: nothing to wake, and no error

    online_source = ScriptedSource(["a"], ["a"])
    online = DeviceWatcher(online_source, timing=slow)
    online.start("Shop", baseline=["a"])
    await _until(lambda: online.status().polls == 1)
    online.notify_connectivity(True)
    await _let_the_feed_run()
    assert online_source.calls == 1
    await online.aclose()

    offline_source = ScriptedSource(_offline(), _offline(), ["a"])
    offline = DeviceWatcher(offline_source, timing=slow)
    offline.start("Shop", baseline=["a"])
    await _until(lambda: offline.status().online is False)
    offline.notify_connectivity(False)
    await _let_the_feed_run()
    assert offline_source.calls == 1
    offline.notify_connectivity(True)
    await _until(lambda: offline_source.calls == 2)
    await offline.aclose()


async def test_no_hints_once_a_logger_appeared_and_hints_from_the_exact_configured_time() -> None:
    now = [1000.0]
    source = ScriptedSource(["a"], ["a", "b"])
    watcher = DeviceWatcher(source, timing=WatchTiming(interval=60, hint_after=300), clock=lambda: now[0])
    watcher.start("Shop", baseline=["a"])
    await _until(lambda: watcher.status().polls == 1)
    now[0] += 300.0  # exactly hint_after
    assert watcher.status().taking_long
    watcher.poll_now()
    await _until(lambda: watcher.status().new_uuids == ("b",))
    now[0] += 100.0
    assert not watcher.status().taking_long  # a logger appeared: nothing to troubleshoot
    await watcher.aclose()
