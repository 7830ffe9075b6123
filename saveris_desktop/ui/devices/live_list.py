"""Keeps the device table live: the site's poller, refreshes that never overlap, pause when unseen.

The poller is a core.devices.watcher.DeviceWatcher on the app's shared listing feeds (services.listing_feeds):
the wizard's waiting page watching the same site gets the answers of the same one poller.

The poller (core.devices.watcher.DeviceWatcher) pauses while the window is minimised or the view hidden;
while the cloud is unreachable it only probes (it reports "offline") and the table keeps the last
known list. Each listing updates rows in place (DeviceTableModel.refresh plans in a worker thread),
so selection, sort order, scroll position and every open edit survive it. A listing that lands
while one is being applied is applied right after it; one that lands during that wait replaces it.
When a refresh fails while the table shows loggers, the status line says from when they are
(ui/stale_list.py), never that the list failed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.listing_feed import ListingFeeds
from saveris_desktop.core.devices.watcher import DeviceWatcher, WatchStatus, WatchTiming
from saveris_desktop.core.runtime import heap
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui import locale_format
from saveris_desktop.ui.devices.table_model import DeviceTableModel
from saveris_desktop.ui.error_text import explain_error
from saveris_desktop.ui.stale_list import not_refreshed

log = logging.getLogger(__name__)

# The table's one refresh at a time, in the view's task owner (cancelled when the site changes).
_REFRESH_KEY = "refresh-table"


class LiveList(QObject):
    #: a listing from the cloud (not one replayed from the cache), in server order
    sig_listed = Signal(object)
    #: a listing (from the cloud or the cache) is now in the table: (site it was for, devices)
    sig_applied = Signal(object, object)
    sig_status = Signal(object)  # WatchStatus, after every attempt and every pause/resume

    def __init__(
        self,
        view: QWidget,
        model: DeviceTableModel,
        feeds: ListingFeeds,
        timing: WatchTiming,
        tasks: TaskOwner,
        status_label: QLabel,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self.tasks = tasks
        self.status_label = status_label
        self.watcher = DeviceWatcher(timing=timing, feeds=feeds)
        self.site: str | None = None
        #: when the listing in the table was read from the cloud (None: nothing read yet)
        self.read_at: datetime | None = None
        self._pending: tuple[str | None, list[Device]] | None = None
        self._refreshing = False
        self._closed = False
        self._window_filtered: QObject | None = None
        self.watcher.sig_devices.connect(self._listed)
        self.watcher.sig_status.connect(self._watch_status)

    @property
    def refreshing(self) -> bool:
        return self._refreshing

    def start(self, site: str) -> None:
        if site != self.site:
            # The previous site's listing, waiting or being planned, means nothing now: applied after
            # the view cleared the table, it put the old site's loggers into the new site's table.
            self._pending = None
            if self.tasks.cancel(_REFRESH_KEY):
                self._refreshing = False
        self.site = site
        self.read_at = None
        self.watcher.start(site)
        if not self.view.isVisible():
            self.watcher.pause()

    def cached_devices_arrived(self, devices: list[Device], read_at: datetime) -> None:
        """The last known loggers of the current site, read from the cloud at `read_at`."""
        self.read_at = read_at
        self.devices_arrived(devices)

    def devices_arrived(self, devices: list[Device]) -> None:
        """Put `devices` of the current site into the table (after any refresh already running)."""
        self._pending = (self.site, devices)
        if not self._refreshing:
            self._refresh_next()

    # --- pause while minimised or hidden (the view calls these from its show/hide events) ------

    def shown(self) -> None:
        window = self.view.window()
        if window is not self._window_filtered:
            window.installEventFilter(self)
            self._window_filtered = window
        if not window.isMinimized():
            self.watcher.resume()

    def hidden(self) -> None:
        self.watcher.pause()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window_filtered and event.type() == QEvent.Type.WindowStateChange:
            if self.view.window().isMinimized():
                self.watcher.pause()
                heap.collect_everything()  # nobody watches the window: the stall is not seen
            elif self.view.isVisible():
                self.watcher.resume()
                self.watcher.poll_now()
        return super().eventFilter(watched, event)

    async def aclose(self) -> None:
        self._closed = True
        await self.watcher.aclose()

    # --- internals ------------------------------------------------------------------------------

    def _listed(self, devices: list[Device]) -> None:
        self.read_at = datetime.now(UTC)
        self.sig_listed.emit(devices)
        self.devices_arrived(devices)

    def _refresh_next(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None or self._closed:
            return
        site, devices = pending
        self._refreshing = True

        async def refresh() -> None:
            await self.model.refresh(devices)

        def done(_: object = None) -> None:
            self._refreshing = False
            self.sig_applied.emit(site, devices)
            if len(devices) >= heap.LARGE_LISTING:
                heap.settle()  # keep the next full GC pass from walking this listing mid-refresh
            self._refresh_next()

        def failed(error: BaseException) -> None:
            log.error("updating the device table failed", exc_info=error)
            done()

        self.tasks.spawn(refresh(), key=_REFRESH_KEY, on_result=done, on_error=failed)

    def _watch_status(self, status: WatchStatus) -> None:
        if status.paused:
            text = self.tr("Live refresh paused.")
        elif status.online is False and self.model.rowCount():
            text = not_refreshed(self.read_at, self.tr("the cloud cannot be reached; retrying by itself"))
        elif status.online is False:
            text = self.tr("The cloud cannot be reached; retrying by itself.")
        elif status.error is not None and self.model.rowCount():
            text = not_refreshed(self.read_at, explain_error(status.error))
        elif status.error is not None:
            text = self.tr("The loggers could not be listed: %1").replace("%1", explain_error(status.error))
        elif status.polls:
            text = self.tr("%n logger(s) · refreshed every %1", "", status.device_count).replace(
                "%1", locale_format.duration(int(self.watcher.timing.interval * 1000))
            )
            if status.unreadable_count:
                text += " · " + self.tr("%n not readable", "", status.unreadable_count)
        else:
            text = ""
        self.status_label.setText(text)
        self.sig_status.emit(status)
