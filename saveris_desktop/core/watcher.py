"""Watch a site's device list: poll, back off on errors, notice lost connectivity, resume by itself.

The onboarding wizard uses it to spot the logger that has just joined (a uuid that was not listed
when waiting began); the device table uses it for live refresh. Field reality drives the design:
while the laptop sits on a logger's hotspot it has no internet, so a network failure is not an
error to show but a state: the watcher reports "offline", stops regular polling and only probes,
more and more rarely (capped), until the cloud answers again; then it carries on by itself.

Everything timing-related is injectable (`WatchTiming`, `clock`), so tests run in milliseconds.
The watcher runs one task through its own TaskOwner; `aclose()` cancels it and is idempotent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from saveris_desktop.api.errors import ApiError, NetworkError, RateLimitedError
from saveris_desktop.api.models import Device
from saveris_desktop.core.signal import Signal
from saveris_desktop.core.tasks import TaskOwner

log = logging.getLogger(__name__)

T = TypeVar("T")


class DeviceSource(Protocol):
    """What the watcher needs from the API client."""

    async def list_devices(self, site: str) -> list[Device]: ...


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
    device_count: int = 0
    error: ApiError | None = None  # last failure other than "offline", cleared by a success
    taking_long: bool = False  # hint_after passed and nothing new appeared
    new_uuids: tuple[str, ...] = ()
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
    new_uuids: list[str] = field(default_factory=list)


class DeviceWatcher:
    """Poll `source.list_devices(site)` until stopped; report devices, new uuids and connectivity."""

    def __init__(
        self,
        source: DeviceSource,
        *,
        timing: WatchTiming | None = None,
        clock: Callable[[], float] = time.monotonic,
        name: str = "device-watcher",
    ) -> None:
        self._source = source
        self.timing = timing or WatchTiming()
        self._clock = clock
        self._owner = TaskOwner(name)
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._paused = False
        self._run: _Run | None = None
        #: every successful listing, in server order
        self.sig_devices: Signal[list[Device]] = Signal("devices listed")
        #: devices not in the baseline, each reported once
        self.sig_new_devices: Signal[list[Device]] = Signal("new devices")
        #: True when the cloud answers again, False when it stopped answering
        self.sig_connectivity: Signal[bool] = Signal("watcher connectivity")
        #: after every attempt and every pause/resume
        self.sig_status: Signal[WatchStatus] = Signal("watch status")

    # --- control -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def devices(self) -> list[Device]:
        return list(self._run.devices.values()) if self._run else []

    def start(self, site: str, baseline: Iterable[str] | None = None) -> None:
        """Begin watching `site`; call from a running event loop.

        `baseline`: uuids that count as "already there". None: the first successful listing is the
        baseline. A watcher that is already running is restarted for the new site.
        """
        self.stop()
        self._paused = False
        self._wake = asyncio.Event()
        self._run = _Run(site, set(baseline) if baseline is not None else None, self._clock())
        self._task = self._owner.spawn(self._loop(self._run), name=f"watch:{site}")

    def stop(self) -> None:
        """Stop polling now (the task is cancelled; `aclose()` also waits for it)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self._emit_status()

    def pause(self) -> None:
        """Stop polling until resume(), e.g. while the device table is hidden."""
        if not self._paused:
            self._paused = True
            self._emit_status()

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            self._wake.set()
            self._emit_status()

    def poll_now(self) -> None:
        """Skip the current wait (e.g. the user pressed Refresh)."""
        self._wake.set()

    def notify_connectivity(self, online: bool) -> None:
        """Another request (the client's listener) saw the cloud come back: probe at once."""
        if online and self._run is not None and self._run.online is False:
            self._wake.set()

    async def aclose(self) -> None:
        self._task = None
        await self._owner.aclose()

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
            device_count=len(run.devices),
            error=run.error,
            taking_long=not run.new_uuids and elapsed >= self.timing.hint_after,
            new_uuids=tuple(run.new_uuids),
            baseline_known=run.baseline is not None,
        )

    # --- the loop ------------------------------------------------------------------------------

    async def _loop(self, run: _Run) -> None:
        while True:
            if self._paused:
                await self._sleep(None)
                continue
            delay = await self._attempt(run)
            self._emit_status()
            await self._sleep(delay)

    async def _attempt(self, run: _Run) -> float:
        """One listing; returns how long to wait before the next one."""
        try:
            devices = await self._source.list_devices(run.site)
        except NetworkError:
            run.failures = run.failures + 1 if run.online is False else 1
            self._set_online(run, False)
            return self.timing.offline_delay(run.failures)
        except ApiError as error:
            # The server answered, so we are online; it just did not like the request (or failed).
            self._set_online(run, True)
            run.failures += 1
            run.error = error
            log.warning("listing devices of %r failed: %s", run.site, error.message)
            retry_after = error.retry_after if isinstance(error, RateLimitedError) else None
            return self.timing.error_delay(run.failures, retry_after)
        except Exception as error:  # a bug must not leave the UI waiting forever without a word
            log.exception("device watcher failed unexpectedly")
            run.failures += 1
            run.error = ApiError("Checking for devices failed unexpectedly; see the log file.")
            run.error.__cause__ = error
            return self.timing.error_delay(run.failures)
        self._set_online(run, True)
        run.failures = 0
        run.error = None
        run.polls += 1
        self._process(run, devices)
        return self.timing.interval

    def _process(self, run: _Run, devices: Sequence[Device]) -> None:
        run.devices = {device.uuid: device for device in devices}
        if run.baseline is None:
            run.baseline = set(run.devices)
        fresh = [d for d in devices if d.uuid not in run.baseline and d.uuid not in run.new_uuids]
        run.new_uuids.extend(d.uuid for d in fresh)
        self.sig_devices.emit(list(devices))
        if fresh:
            self.sig_new_devices.emit(fresh)

    def _set_online(self, run: _Run, online: bool) -> None:
        if run.online is online:
            return
        run.online = online
        log.info("cloud %s for site %r", "reachable" if online else "unreachable", run.site)
        self.sig_connectivity.emit(online)

    async def _sleep(self, delay: float | None) -> None:
        """Wait `delay` seconds (None: until woken); poll_now/resume/connectivity wake it early.

        The event is awaited in this task under `asyncio.timeout`, not through `wait_for`: in 3.11
        `wait_for` runs the wait as a second task and returns its result when a cancel arrives in the
        same loop pass as the wake-up, swallowing the cancel (the watcher would outlive its close).
        The wake-up is consumed after waking, so one that arrives while a listing is running is
        not lost either.
        """
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(delay):
                await self._wake.wait()
        self._wake.clear()

    def _emit_status(self) -> None:
        self.sig_status.emit(self.status())
