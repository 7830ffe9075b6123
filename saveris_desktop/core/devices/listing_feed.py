"""One poller per site: every watcher of a site's device list shares one listing and its answers.

The wizard's waiting page and the devices view both watch the site's devices (every 3 s and every
10 s). Each polling on its own sent the same `GET /devices` twice as often as needed, and four of them
within a few milliseconds after a logger joined. Here one task per site lists the devices and hands
every answer (a listing or the failure) to all its subscribers at once.

Each subscriber keeps its own rules for *when* it wants the next listing (core.devices.watcher: its interval,
its backoff after errors, its probing while offline) and says so after every answer; the feed lists
again at the earliest time any active subscriber asked for. So the polling interval is the fastest
subscriber's need, and a subscriber that is paused (a hidden view) neither drives nor receives.
`want_now` (Refresh, resume, the cloud came back) makes the next listing happen at once.

No Qt: the task belongs to the feed's TaskOwner; it stops when the last subscriber leaves.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from saveris_desktop.api.models import Device
from saveris_desktop.core.runtime.tasks import TaskOwner

log = logging.getLogger(__name__)

#: seconds until a subscriber whose handling of an answer raised wants the next one
_AFTER_A_FAILED_SUBSCRIBER = 10.0


class DeviceSource(Protocol):
    """What the feed needs from the API client; a DeviceListing also reports unreadable devices,
    and the feed hands it on as it is (the watchers look at them)."""

    async def list_devices(self, site: str) -> list[Device]: ...


@dataclass(frozen=True)
class Listing:
    """One attempt's answer: the devices, or why there are none this time."""

    devices: list[Device] | None = None
    error: Exception | None = None


class ListingSubscriber(Protocol):
    def listing_arrived(self, listing: Listing) -> float:
        """Take the answer; return how many seconds until this subscriber wants the next listing."""
        ...


class SiteFeed:
    """The device listing of one site, polled by one task for all its subscribers."""

    def __init__(
        self, source: DeviceSource, site: str, *, name: str, on_idle: Callable[[SiteFeed], None]
    ) -> None:
        self.site = site
        self._source = source
        self._on_idle = on_idle
        self._owner = TaskOwner(f"{name}:{site}")
        #: subscriber -> when it wants the next listing (loop time); None while it is paused
        self._due: dict[ListingSubscriber, float | None] = {}
        self._wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self.listings = 0  # attempts made (answers and failures): what the server received

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    @property
    def subscribers(self) -> int:
        return len(self._due)

    def subscribe(self, subscriber: ListingSubscriber, *, paused: bool = False) -> None:
        """Join; an active subscriber wants a listing at once. Call from a running event loop."""
        self._due[subscriber] = None if paused else self._now()
        if not self.running:
            self._wake = asyncio.Event()
            self.task = self._owner.spawn(self._loop(), name="poll")
        self._wake.set()

    def unsubscribe(self, subscriber: ListingSubscriber) -> None:
        """Leave; the last one to leave stops the polling task at once (cancelled, not awaited)."""
        self._due.pop(subscriber, None)
        if not self._due:
            if self.task is not None:
                self.task.cancel()
            self._on_idle(self)

    def pause(self, subscriber: ListingSubscriber) -> None:
        if subscriber in self._due:
            self._due[subscriber] = None

    def want_now(self, subscriber: ListingSubscriber) -> None:
        """This subscriber wants a listing now (it is resumed if it was paused)."""
        if subscriber in self._due:
            self._due[subscriber] = self._now()
            self._wake.set()

    async def aclose(self) -> None:
        """Wait for a stopped polling task to end (cancelled tasks finish on their next step)."""
        await self._owner.aclose()

    # --- the loop -------------------------------------------------------------------------------

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()

    def _next_due(self) -> float | None:
        wanted = [due for due in self._due.values() if due is not None]
        return min(wanted) if wanted else None

    async def _loop(self) -> None:
        while True:
            due = self._next_due()
            if due is None:
                await self._sleep(None)
                continue
            wait = due - self._now()
            if wait > 0:
                await self._sleep(wait)
                continue  # woken early or on time: look again at who wants what
            listing = await self._list()
            self.listings += 1
            for subscriber in [s for s, due in self._due.items() if due is not None]:
                try:
                    delay = subscriber.listing_arrived(listing)
                except Exception:
                    log.exception("listing subscriber %r failed", subscriber)
                    delay = _AFTER_A_FAILED_SUBSCRIBER  # a bug must not make the feed poll in a loop
                if self._due.get(subscriber, None) is not None:  # still here and not paused by its answer
                    self._due[subscriber] = self._now() + delay

    async def _list(self) -> Listing:
        try:
            return Listing(devices=await self._source.list_devices(self.site))
        except asyncio.CancelledError:
            raise
        except Exception as error:  # the subscribers tell failures apart (offline, refused, a bug)
            return Listing(error=error)

    async def _sleep(self, delay: float | None) -> None:
        """Wait `delay` seconds (None: until woken).

        Awaited in this task under `asyncio.timeout`, not through `wait_for`: in 3.11 `wait_for` runs
        the wait as a second task and returns its result when a cancel arrives in the same loop pass
        as the wake-up, swallowing the cancel (the feed would outlive its last subscriber). The wake-up
        is consumed after waking; what it asked for is kept in the due times, so none is lost.
        """
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(delay):
                await self._wake.wait()
        self._wake.clear()


class ListingFeeds:
    """The feeds of one device source, one per site, shared by everything that watches that site."""

    def __init__(self, source: DeviceSource, *, name: str = "listing") -> None:
        self._source = source
        self._name = name
        self._feeds: dict[str, SiteFeed] = {}
        self._stopped: set[SiteFeed] = set()

    def feed(self, site: str) -> SiteFeed:
        feed = self._feeds.get(site)
        if feed is None:
            feed = SiteFeed(self._source, site, name=self._name, on_idle=self._idle)
            self._feeds[site] = feed
        return feed

    def active_sites(self) -> list[str]:
        return [site for site, feed in self._feeds.items() if feed.running]

    def _idle(self, feed: SiteFeed) -> None:
        if self._feeds.get(feed.site) is feed:
            del self._feeds[feed.site]
        self._stopped.add(feed)

    async def aclose(self) -> None:
        """Stop every poller, watched or not (the app quits). Idempotent."""
        feeds, self._feeds = list(self._feeds.values()), {}
        for feed in feeds:
            self._stopped.add(feed)
        await self.settle()

    async def settle(self) -> None:
        """Wait until the polling tasks of feeds nobody watches any more have ended."""
        stopped, self._stopped = self._stopped, set()
        for feed in stopped:
            await feed.aclose()
