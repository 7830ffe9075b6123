"""Watch a site's device list: poll, back off on errors, notice lost connectivity, resume by itself.

The onboarding wizard uses it to spot the logger that has just joined (a uuid that was not listed
when waiting began); the device table uses it for live refresh. Field reality drives the design:
while the laptop sits on a logger's hotspot it has no internet, so a network failure is not an
error to show but a state: the watcher reports "offline", stops regular polling and only probes,
more and more rarely (capped), until the cloud answers again; then it carries on by itself.

A device the cloud lists but the app cannot read (api/listing.UnreadableItem) still counts: the
wizard's one job is to notice that a logger joined, and a logger whose description has a field the
app does not understand has joined all the same. Such an entry is identified by its uuid when it
has one (the identity the baseline uses), else by its serial number; `sig_new_unreadable` reports
it once. One without a uuid that is already in the first listing is taken as known: the baseline
(uuids) cannot tell, and a false "logger found" would send the technician on with the wrong logger.
One with neither uuid nor serial number cannot be told apart from the others and is never "new".

Everything timing-related is injectable (`WatchTiming`, `clock`), so tests run in milliseconds.

The listing itself comes from a shared feed (core.devices.listing_feed): the wizard and the devices view
watching the same site get the answers of one poller, which lists as often as the most eager of
them wants. Each watcher keeps its own state (baseline, new devices, online, failures) and its own
timing, and tells the feed after each answer when it wants the next one. Without a shared feed
(`feeds=None`) a watcher has one of its own. `aclose()` stops it and is idempotent.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from saveris_desktop.api.errors import ApiError, NetworkError, RateLimitedError
from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.listing_feed import DeviceSource, Listing, ListingFeeds, SiteFeed
from saveris_desktop.foundation.signal import Signal

log = logging.getLogger(__name__)


__all__ = ["DeviceSource", "DeviceWatcher", "WatchStatus", "WatchTiming"]


@dataclass(frozen=True)
class WatchTiming:
    interval: float = 3.0  # seconds between polls while all is well
    max_backoff: float = 30.0  # cap for the delay after repeated server errors
    offline_probe: float = 3.0  # first probe delay once offline; doubles up to offline_max
    offline_max: float = 10.0  # keep probing at least this often, so resuming feels prompt
    hint_after: float = 300.0  # after this long with nothing new, the UI shows troubleshooting hints

    def error_delay(self, failures: int, retry_after: float | None = None) -> float:
        delay = min(self.interval * 2.0 ** max(failures - 1, 0), self.max_backoff)
        return max(delay, retry_after or 0.0)

    def offline_delay(self, failures: int) -> float:
        return min(self.offline_probe * 2.0 ** max(failures - 1, 0), self.offline_max)


@dataclass(frozen=True)
class WatchStatus:
    """A snapshot for the UI: everything it needs to say what is going on."""

    site: str
    running: bool = False
    paused: bool = False
    online: bool | None = None  # None until the first answer (or failure)
    elapsed: float = 0.0  # seconds since start()
    polls: int = 0  # successful listings
    failures: int = 0  # consecutive failed attempts
    device_count: int = 0  # every listed device, readable or not
    unreadable_count: int = 0  # of them, listed but not readable
    error: ApiError | None = None  # last failure other than "offline", cleared by a success
    taking_long: bool = False  # hint_after passed and nothing new appeared
    new_uuids: tuple[str, ...] = ()
    new_unreadable: tuple[str, ...] = ()  # identities (uuid, else "serial …") of new unreadable ones
    baseline_known: bool = False


@dataclass
class _Run:
    site: str
    baseline: set[str] | None
    started_at: float
    online: bool | None = None
    polls: int = 0
    failures: int = 0
    error: ApiError | None = None
    devices: dict[str, Device] = field(default_factory=dict)
    unreadable: list[UnreadableItem] = field(default_factory=list)
    new_uuids: list[str] = field(default_factory=list)
    new_unreadable: list[str] = field(default_factory=list)


class DeviceWatcher:
    """Watch `source.list_devices(site)` until stopped; report devices, new uuids and connectivity."""

    def __init__(
        self,
        source: DeviceSource | None = None,
        *,
        timing: WatchTiming | None = None,
        clock: Callable[[], float] = time.monotonic,
        name: str = "device-watcher",
        feeds: ListingFeeds | None = None,
    ) -> None:
        """`feeds`: the app's shared feeds (one poller per site); without them, a poller of `source`'s own."""
        if feeds is None:
            if source is None:
                raise TypeError("a DeviceWatcher needs a source or shared feeds")
            feeds = ListingFeeds(source, name=name)
        self.timing = timing or WatchTiming()
        self._clock = clock
        self._feeds = feeds
        self._feed: SiteFeed | None = None
        self._paused = False
        self._run: _Run | None = None
        #: every successful listing, in server order (its `unreadable` included)
        self.sig_devices: Signal[DeviceListing] = Signal("devices listed")
        #: devices not in the baseline, each reported once
        self.sig_new_devices: Signal[list[Device]] = Signal("new devices")
        #: listed devices the app cannot read, not in the baseline, each reported once
        self.sig_new_unreadable: Signal[list[UnreadableItem]] = Signal("new unreadable devices")
        #: True when the cloud answers again, False when it stopped answering
        self.sig_connectivity: Signal[bool] = Signal("watcher connectivity")
        #: after every attempt and every pause/resume
        self.sig_status: Signal[WatchStatus] = Signal("watch status")

    # --- control -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._feed is not None and self._feed.running

    @property
    def _task(self) -> asyncio.Task[None] | None:
        """The polling task this watcher is fed by (shared with the other watchers of the site)."""
        return self._feed.task if self._feed is not None else None

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def devices(self) -> list[Device]:
        return list(self._run.devices.values()) if self._run else []

    @property
    def unreadable(self) -> list[UnreadableItem]:
        return list(self._run.unreadable) if self._run else []

    def start(self, site: str, baseline: Iterable[str] | None = None) -> None:
        """Begin watching `site`; call from a running event loop.

        `baseline`: uuids that count as "already there". None: the first successful listing is the
        baseline. A watcher that is already running is restarted for the new site.
        """
        self.stop()
        self._paused = False
        self._run = _Run(site, set(baseline) if baseline is not None else None, self._clock())
        self._feed = self._feeds.feed(site)
        self._feed.subscribe(self)

    def stop(self) -> None:
        """Stop watching now (a poller nobody else watches is cancelled; `aclose()` waits for it)."""
        if self._feed is not None:
            feed, self._feed = self._feed, None
            feed.unsubscribe(self)
            self._emit_status()

    def pause(self) -> None:
        """Stop listening until resume(), e.g. while the device table is hidden."""
        if not self._paused:
            self._paused = True
            if self._feed is not None:
                self._feed.pause(self)
            self._emit_status()

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            if self._feed is not None:
                self._feed.want_now(self)
            self._emit_status()

    def poll_now(self) -> None:
        """Skip the current wait (e.g. the user pressed Refresh)."""
        if self._feed is not None and not self._paused:
            self._feed.want_now(self)

    def notify_connectivity(self, online: bool) -> None:
        """Another request (the client's listener) saw the cloud come back: probe at once."""
        if online and self._run is not None and self._run.online is False:
            self.poll_now()

    async def aclose(self) -> None:
        """Stop without a last status (its observers may be gone already) and wait for the poller."""
        if self._feed is not None:
            feed, self._feed = self._feed, None
            feed.unsubscribe(self)
        await self._feeds.settle()

    def status(self) -> WatchStatus:
        run = self._run
        if run is None:
            return WatchStatus(site="", paused=self._paused)
        elapsed = self._clock() - run.started_at
        return WatchStatus(
            site=run.site,
            running=self.running,
            paused=self._paused,
            online=run.online,
            elapsed=elapsed,
            polls=run.polls,
            failures=run.failures,
            device_count=len(run.devices) + len(run.unreadable),
            unreadable_count=len(run.unreadable),
            error=run.error,
            taking_long=not (run.new_uuids or run.new_unreadable) and elapsed >= self.timing.hint_after,
            new_uuids=tuple(run.new_uuids),
            new_unreadable=tuple(run.new_unreadable),
            baseline_known=run.baseline is not None,
        )

    # --- answers from the feed -----------------------------------------------------------------

    def listing_arrived(self, listing: Listing) -> float:
        """The feed's answer; returns how long this watcher wants to wait for the next one."""
        run = self._run
        if run is None:
            return self.timing.interval
        delay = self._attempt(run, listing)
        self._emit_status()
        return delay

    def _attempt(self, run: _Run, listing: Listing) -> float:
        """Take one listing (or its failure); returns how long to wait before the next one."""
        error = listing.error
        if isinstance(error, NetworkError):
            run.failures = run.failures + 1 if run.online is False else 1
            self._set_online(run, False)
            return self.timing.offline_delay(run.failures)
        if isinstance(error, ApiError):
            # The server answered, so we are online; it just did not like the request (or failed).
            self._set_online(run, True)
            run.failures += 1
            run.error = error
            log.warning("listing devices of %r failed: %s", run.site, error.message)
            retry_after = error.retry_after if isinstance(error, RateLimitedError) else None
            return self.timing.error_delay(run.failures, retry_after)
        if error is not None:  # a bug must not leave the UI waiting forever without a word
            log.error("device watcher failed unexpectedly", exc_info=error)
            run.failures += 1
            run.error = ApiError("Checking for devices failed unexpectedly; see the log file.")
            run.error.__cause__ = error
            return self.timing.error_delay(run.failures)
        self._set_online(run, True)
        run.failures = 0
        run.error = None
        run.polls += 1
        # `is None`, not `or`: a listing of only devices it cannot read is an empty list, but it
        # carries them (DeviceListing.unreadable) and one of them may be the logger just joined.
        self._process(run, listing.devices if listing.devices is not None else [])
        return self.timing.interval

    def _process(self, run: _Run, devices: Sequence[Device]) -> None:
        unreadable = list(devices.unreadable) if isinstance(devices, DeviceListing) else []
        run.devices = {device.uuid: device for device in devices}
        run.unreadable = unreadable
        identified = {item.identity: item for item in unreadable if item.identity}
        first_listing = run.polls == 1
        if run.baseline is None:
            run.baseline = set(run.devices) | set(identified)
        elif first_listing:  # a given baseline holds uuids only; see the module docstring
            run.baseline |= {key for key, item in identified.items() if item.uuid is None}
        fresh = [d for d in devices if d.uuid not in run.baseline and d.uuid not in run.new_uuids]
        run.new_uuids.extend(d.uuid for d in fresh)
        fresh_unreadable = [
            item
            for key, item in identified.items()
            if key not in run.baseline and key not in run.new_unreadable and key not in run.new_uuids
        ]
        run.new_unreadable.extend(item.identity for item in fresh_unreadable)
        self.sig_devices.emit(DeviceListing(devices, unreadable))
        if fresh:
            self.sig_new_devices.emit(fresh)
        if fresh_unreadable:
            self.sig_new_unreadable.emit(fresh_unreadable)

    def _set_online(self, run: _Run, online: bool) -> None:
        if run.online is online:
            return
        run.online = online
        log.info("cloud %s for site %r", "reachable" if online else "unreachable", run.site)
        self.sig_connectivity.emit(online)

    def _emit_status(self) -> None:
        self.sig_status.emit(self.status())
