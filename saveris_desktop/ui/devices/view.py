"""The main window's centre: the site's live device list and the tabbed editors of one logger.

This module lays the view out and connects its parts, each of which has one job: the site switcher
(site_bar), the live table (live_list), reading a logger into the editors (device_loader), the
editors' shared context (editor_context) and the bulk settings (bulk_settings).

Everything the view talks to the cloud through is given to its constructor (core.runtime.cloud_access:
the client stack and the outbox, built once at start-up). What others may want to follow it
announces with signals, and it never learns who listens: the offline UI keeps drafts from
`sig_session_created`/`sig_session_changed`, caches `sig_devices_listed`, and answers
`sig_listing_unavailable` with `show_cached_devices()`.

A device the cloud lists but the app cannot read is a "Not readable" row: selecting it says why and
offers "Show as received"; it never opens the editors and is never part of a bulk change.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.device_rows import COLUMNS
from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.devices.known_objects import KnownObjects
from saveris_desktop.core.devices.ranges import DurationRange
from saveris_desktop.core.devices.watcher import WatchStatus, WatchTiming
from saveris_desktop.core.offline.autosave import SaveFailure
from saveris_desktop.core.offline.editor_status import OutboxSnapshot
from saveris_desktop.core.onboarding.flow import check_site_name
from saveris_desktop.core.runtime.cloud_access import CloudAccess, build_cloud_access
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.devices.alarms_tab import AlarmsTab
from saveris_desktop.ui.devices.bulk_dialog import BulkApplyDialog
from saveris_desktop.ui.devices.bulk_settings import common_cycle_ranges, open_bulk_settings
from saveris_desktop.ui.devices.device_loader import DeviceLoader, DeviceTabs
from saveris_desktop.ui.devices.editor import SessionEditor
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.focus import focusable_descendants
from saveris_desktop.ui.devices.live_list import LiveList
from saveris_desktop.ui.devices.new_site_dialog import NewSiteDialog
from saveris_desktop.ui.devices.objects_tab import ObjectsTab
from saveris_desktop.ui.devices.received_dialog import ReceivedDialog
from saveris_desktop.ui.devices.sensor_directory import SensorDirectory
from saveris_desktop.ui.devices.sensors_tab import SensorsTab
from saveris_desktop.ui.devices.settings_tab import DeviceSettingsEditor
from saveris_desktop.ui.devices.site_bar import SiteBar
from saveris_desktop.ui.devices.table_model import UUID_ROLE, DeviceFilterProxy, DeviceTableModel
from saveris_desktop.ui.style import TARGET_SIZE
from saveris_desktop.ui.ui_state import UiState

log = logging.getLogger(__name__)

#: v4: the list is a pane beside the editors with fewer columns shown; kept per scope (UiState.view_state)
HEADER_STATE = "devices/table_header_v4"
# the list pane's and the editors' widths as the technician left them (per scope)
SPLITTER_STATE = "devices/splitter_v1"
POLL_INTERVAL_S = 10.0
# The columns the list pane shows by default; the others are a right click on the header away.
COMPACT_COLUMNS = ("serial_number", "name", "status")
# What the columns must show unelided (typical values, in the current font).
COLUMN_SAMPLES = {
    "serial_number": "612345678",
    "name": "Kühlraum 3 – Tür links",
    "status": "OK · battery 100 %",
    "model": "0572 3010",
    "device_type": "Wireless sensor gateway",
    "firmware": "1.17.0",
    "sensors": "2 of 2",
    "last_change": "2026-11-28 10:26",
}


def _older(candidate: dict[str, Any], current: dict[str, Any]) -> bool:
    """True when `candidate` is an older server state than `current` (a poll sent before our PUT
    answered must not undo what the PUT returned). Without timestamps nothing counts as older."""
    stamps = []
    for payload in (candidate, current):
        text = payload.get("last_modified")
        try:
            stamps.append(datetime.fromisoformat(str(text).replace("Z", "+00:00")) if text else None)
        except ValueError:
            stamps.append(None)
    first, second = stamps
    return first is not None and second is not None and first < second


class DevicesView(QWidget):
    #: a new edit session, before any editor shows it (EditSession): a saved draft may be laid over it
    sig_session_created = Signal(object)
    #: any change of any edit session (EditSession): typed edits, revert, rebase, restore
    sig_session_changed = Signal(object)
    #: the cloud listed the site's loggers (site, list[Device]); not sent for cached lists
    sig_devices_listed = Signal(str, object)
    #: the cloud could not be reached before the site's first listing (site): nothing to show yet
    sig_listing_unavailable = Signal(str)
    # an editor's "Choose values…" for the conflict of the object it shows (the OutboxItem)
    sig_choice_wanted = Signal(object)

    settings_editor: DeviceSettingsEditor
    sensors_tab: SensorsTab
    alarms_tab: AlarmsTab
    objects_tab: ObjectsTab

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        *,
        access: CloudAccess | None = None,
        timing: WatchTiming | None = None,
        ui_state: UiState | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("devices_view")
        self.services = services
        self.access = access or build_cloud_access(services)
        self.ui_state = ui_state or UiState()
        self.tasks = TaskOwner("devices-view")
        self.site: str | None = None
        # the site the cloud has listed since it was shown (only then is it a recent site)
        self._listed_site: str | None = None
        self.context: EditorContext | None = None
        self.directory: SensorDirectory | None = None
        self.loader: DeviceLoader | None = None
        #: the measuring objects created here, for a cloud that does not list them (per session)
        self.known_objects = KnownObjects()
        self.current_uuid: str | None = None
        self._pending_open: str | None = None
        self._unavailable_told: set[str] = set()
        #: whether typed changes are kept on this laptop (show_save_state); a new site's editors learn it
        self._save_state: SaveFailure | None = None
        # the outbox as last told (show_outbox); a new site's editors learn it
        self._outbox = OutboxSnapshot()
        self._closed = False

        # --- top bar ----------------------------------------------------------------------------
        self.site_bar = SiteBar(self.ui_state, self)
        self.site_box = self.site_bar.site_box
        self.timezone_label = self.site_bar.timezone_label
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("device_refresh")
        self.refresh_button.setAccessibleName(self.tr("Refresh the device list now"))
        self.bulk_button = QPushButton(self.tr("Apply settings to selected…"), self)
        self.bulk_button.setObjectName("device_bulk_settings")
        self.bulk_button.setAccessibleName(self.tr("Apply measurement settings to the selected loggers"))
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("device_connection_status")
        self.connection_label.setWordWrap(True)  # "could not be listed: <the reason>" in the list's width
        top = QHBoxLayout()
        top.addWidget(self.site_bar, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.bulk_button)
        # The search filters the list, so it sits on top of the list, as wide as the list pane: in the
        # top bar, between the site and the buttons, its hint got 154 px of the 287 German needs.
        self.search = QLineEdit(self)
        self.search.setObjectName("device_search")
        self.search.setAccessibleName(self.tr("Search devices"))
        self.search.setPlaceholderText(self.tr("Search serial number, name, model, status…"))
        self.search.setClearButtonEnabled(True)

        # --- table ------------------------------------------------------------------------------
        self.model = DeviceTableModel(self)
        self.proxy = DeviceFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("device_table")
        self.table.setAccessibleName(self.tr("Devices of the site"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("serial_number"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        # Tab leaves the list for the editor (rows are chosen with the arrow keys); Qt's default
        # walked cell by cell through every column of every logger first.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Rows a gloved finger hits (style.TARGET_SIZE), and never lower than the text needs.
        self.table.verticalHeader().setDefaultSectionSize(max(TARGET_SIZE, self.fontMetrics().height() + 10))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._size_columns()
        self.empty_label = QLabel(
            self.tr("Choose a site, or create one with “New…” beside it, to see its loggers."), self
        )
        self.empty_label.setObjectName("device_table_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wrapped within the list pane: on one line it made the view 47 px wider before a site was
        # loaded than after, and the German sentence alone asked 611 px of a 1280 px window.
        self.empty_label.setWordWrap(True)
        # one poller per site: the wizard's waiting page, watching the same site, shares its answers
        self.live = LiveList(
            self,
            self.model,
            services.listing_feeds,
            timing or WatchTiming(interval=POLL_INTERVAL_S),
            self.tasks,
            self.connection_label,
        )
        self.watcher = self.live.watcher

        # --- detail -----------------------------------------------------------------------------
        self.detail_title = QLabel(
            self.tr("Choose a site above, then select a logger to configure it."), self
        )
        self.detail_title.setObjectName("device_detail_title")
        self.detail_title.setWordWrap(True)
        self.detail_status = QLabel(self)
        self.detail_status.setObjectName("device_detail_status")
        self.detail_status.setWordWrap(True)
        self.show_received_button = QPushButton(self.tr("Show as received…"), self)
        self.show_received_button.setObjectName("device_show_received")
        self.show_received_button.setAccessibleName(self.tr("Show the logger's data as the cloud sent it"))
        self.show_received_button.hide()
        self._shown_unreadable: str | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("device_tabs")
        self.tabs.setAccessibleName(self.tr("Device settings"))
        # The editors are built when a site is shown (they belong to that site's context); until
        # then the tabs stay empty and disabled, which keeps creating the main window cheap.
        self.tabs.setEnabled(False)
        self.tabs.hide()
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_status)
        detail_layout.addWidget(self.show_received_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(self.tabs, 1)

        # The list is a compact pane on the left and the editors a pane of their own beside it, with
        # the full height: stacked, the list showed one row above empty space and the editors got
        # about 300 px of a 1440×900 screen.
        table_host = QWidget(self)
        table_host.setObjectName("device_list_pane")
        table_layout = QVBoxLayout(table_host)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.search)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.empty_label, 1)
        table_layout.addWidget(self.connection_label)
        detail.setObjectName("device_editor_pane")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("device_splitter")
        self.splitter.addWidget(table_host)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.table.setMinimumWidth(self.table.columnWidth(0) + self.table.columnWidth(1) // 2)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 32)
        self._splitter_placed = False
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        # --- wiring -----------------------------------------------------------------------------
        self.search.textChanged.connect(self.proxy.set_search)
        self.refresh_button.clicked.connect(self.watcher.poll_now)
        self.bulk_button.clicked.connect(self.open_bulk_settings)
        self.show_received_button.clicked.connect(self.show_received)
        self.site_bar.sig_site_chosen.connect(self.show_site)
        self.site_bar.sig_new_site.connect(self.open_new_site)
        self.site_bar.sig_timezone.connect(self.model.set_timezone)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.live.sig_listed.connect(self._listed)
        self.live.sig_applied.connect(self._applied)
        self.live.sig_status.connect(self._watch_status)
        header = self.table.horizontalHeader()
        stored_header = self.ui_state.view_state(HEADER_STATE)
        if stored_header is not None:
            header.restoreState(stored_header)  # columns, widths and sort order as the technician left them
        self._build_column_menu()
        header.sortIndicatorChanged.connect(lambda *_: self._save_header())
        header.sectionResized.connect(lambda *_: self._save_header())
        self.splitter.splitterMoved.connect(lambda *_: self._save_splitter())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.watcher.poll_now)
        # The main actions by keyboard: the list, and each editor tab (its first field).
        QShortcut(QKeySequence("Ctrl+L"), self, self.table.setFocus)
        for number in range(1, 5):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, partial(self._open_tab, number - 1))
        # Another request saw the cloud come back (e.g. after the hotspot step): probe at once.
        self._connectivity = services.sig_connectivity.connect(self.watcher.notify_connectivity)
        services.closers.append(self.aclose)
        self._selection_changed()
        self._update_empty()
        self.refresh_button.setEnabled(False)
        if services.site:
            QTimer.singleShot(0, lambda: self.show_site(services.site or ""))

    def _build_tabs(self, context: EditorContext, directory: SensorDirectory) -> DeviceTabs:
        old_pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for page in old_pages:
            if page is not None:
                page.deleteLater()
        self.settings_editor = DeviceSettingsEditor(context)
        self.sensors_tab = SensorsTab(context)
        self.alarms_tab = AlarmsTab(context)
        self.objects_tab = ObjectsTab(context, directory, self._cycle_ranges_of, known=self.known_objects)
        # Each editor scrolls its own fields and keeps Apply in a footer (SessionEditor): no scroll
        # area around a tab, which put scroll areas inside scroll areas and scrolled Apply away.
        for widget, title in (
            (self.settings_editor, self.tr("Measurement settings")),
            (self.sensors_tab, self.tr("Sensors")),
            (self.alarms_tab, self.tr("Alarms")),
            (self.objects_tab, self.tr("Measuring objects")),
        ):
            self.tabs.addTab(widget, title)
        for index in range(self.tabs.count()):
            keys = QKeySequence(f"Ctrl+{index + 1}").toString(QKeySequence.SequenceFormat.NativeText)
            self.tabs.setTabToolTip(index, keys)
        self.settings_editor.sig_applied.connect(lambda _a: self.watcher.poll_now())
        return DeviceTabs(self.settings_editor, self.sensors_tab, self.alarms_tab, self.objects_tab)

    # --- public interface ---------------------------------------------------------------------

    def show_site(self, site: str) -> None:
        site = check_site_name(site).name  # the wizard's rule: "Cold  room " is the site "Cold room"
        if not site or site == self.site:
            return
        if self.loader is not None:
            self.loader.cancel()  # the previous site's logger is no longer shown
        self.site = site
        self.current_uuid = None
        self._shown_unreadable = None
        self.show_received_button.hide()
        self.model.clear()
        context = EditorContext(
            self.access.client, site, self.tasks, lambda: self.access.changes, outbox=self._outbox
        )
        context.sig_session_created.connect(self.sig_session_created.emit)
        context.sig_session_changed.connect(self.sig_session_changed.emit)
        context.sig_choice_wanted.connect(self.sig_choice_wanted.emit)
        self.context = context
        self.directory = SensorDirectory(self.access.client, site)
        tabs = self._build_tabs(context, self.directory)
        self.loader = DeviceLoader(context, self.directory, tabs, self.detail_status, self.model.device, self)
        if self._save_state is not None:  # this site's editors say it as well
            context.draft_saving.emit(self._save_state)
        self.tabs.show()
        self.refresh_button.setEnabled(True)
        # Shown, but recent only once the cloud lists it: a name it does not know never is.
        self.site_bar.show_current(site)
        self.services.set_site(site)
        self.site_bar.timezone_loading()
        self.detail_title.setText(self.tr("Select a logger in the table to configure it."))
        self.detail_status.setText("")
        self.tabs.setEnabled(False)
        self.empty_label.setText(self.tr("Loading the loggers of %1…").replace("%1", site))
        self._update_empty()
        self.live.start(site)
        self.tasks.spawn(
            self.access.client.get_global_settings(site),
            key="timezone",
            on_result=self.site_bar.show_timezone,
            on_error=partial(self.site_bar.timezone_failed, site),
        )
        self.objects_tab.reload()

    def open_new_site(self) -> NewSiteDialog:
        """ "New site…": create one with the wizard's rule and sequence; the view then shows it."""
        dialog = NewSiteDialog(self.services, self.ui_state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_site_created.connect(self.show_site)
        dialog.open()
        return dialog

    def offer_sites(self, sites: list[str]) -> None:
        """Sites the cloud listed before (e.g. the offline cache's), offered in the site box."""
        self.site_bar.offer_sites(sites)

    def show_cached_devices(self, site: str, devices: list[Device], read_at: datetime | None = None) -> bool:
        """Show the last known loggers of `site` (read from the cloud at `read_at`) until the cloud
        answers; False (nothing shown) when the site is no longer shown or the cloud has answered
        meanwhile."""
        if site != self.site or self.watcher.status().polls or self.model.rowCount():
            return False
        if read_at is not None:
            self.live.cached_devices_arrived(devices, read_at)
        else:
            self.live.devices_arrived(devices)
        return True

    def refresh_session(self, session: EditSession) -> None:
        """`session` was changed from outside its editors (a draft laid over it): show it again."""
        for editor in self.findChildren(SessionEditor):
            if editor.session is session:
                editor.session_refreshed()

    def show_save_state(self, failure: SaveFailure | None) -> None:
        """Whoever keeps the drafts says whether typed changes are kept (None: saved again); every
        editor shows it in its banner, those of a site shown later too."""
        self._save_state = failure
        if self.context is not None:
            self.context.draft_saving.emit(failure)

    def show_outbox(self, snapshot: OutboxSnapshot) -> None:
        """Whoever follows the outbox tells what waits for the cloud; every editor derives its status
        from it (and the sessions whose change reached the cloud take the cloud's version)."""
        self._outbox = snapshot
        if self.context is not None:
            self.context.show_outbox(snapshot)

    def edit_sessions(self) -> list[EditSession]:
        """The current site's edit sessions (e.g. to save what was typed before the drafts could be)."""
        return list(self.context.sessions.values()) if self.context is not None else []

    def values_unknown(self, session: EditSession) -> bool:
        """True when the cloud did not let us read the values `session` is based on (a placeholder)."""
        return self.context is not None and session.key in self.context.unreadable

    def open_device(self, uuid: str) -> None:
        """Select the logger and show its editors; waits for the next poll if it is not listed yet."""
        row = self.model.row_of(uuid)
        if row is None:
            self._pending_open = uuid
            if not any(d.uuid == uuid for d in self.watcher.devices):  # else its table update is on its way
                self.watcher.poll_now()
            return
        self._pending_open = None
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():  # hidden by the search: clear it so the technician sees the row
            self.search.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().select(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(proxy_index)
        if self.current_uuid != uuid:  # selecting it has loaded it already: one load, not two racing
            self._show_device(uuid)

    def refresh_now(self, *, unless_listed: str | None = None) -> None:
        """Poll at once instead of at the next interval, e.g. the wizard has just seen a logger join;
        not when the latest listing already has the device `unless_listed`."""
        if unless_listed is not None and any(d.uuid == unless_listed for d in self.watcher.devices):
            return
        if self.site is not None:
            self.watcher.poll_now()

    def selected_uuids(self) -> list[str]:
        """The selected devices that can be edited (a not-readable row is left out)."""
        return [key for key in self._selected_keys() if self.model.device(key) is not None]

    def _selected_keys(self) -> list[str]:
        return [index.data(UUID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def show_received(self) -> ReceivedDialog | None:
        """The selected not-readable device's data exactly as the cloud sent it."""
        item = self.model.unreadable(self._shown_unreadable or "")
        if item is None:
            return None
        serial = item.serial_number or self.tr("without a serial number")
        dialog = ReceivedDialog(
            self.tr("Logger %1 as the cloud sent it").replace("%1", serial),
            self.tr("The app cannot read: %1").replace("%1", item.reason),
            item.as_received(),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_bulk_settings(self) -> BulkApplyDialog | None:
        context = self.context
        uuids = self.selected_uuids()
        if context is None or not uuids:
            return None
        dialog = open_bulk_settings(context, uuids, self.model.device, self)
        dialog.sig_finished.connect(lambda _ok, _failed: self.watcher.poll_now())
        dialog.show()
        return dialog

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._connectivity.disconnect()
        await self.live.aclose()
        await self.tasks.aclose()
        self.model.close()

    # --- the table ----------------------------------------------------------------------------

    def _listed(self, devices: list[Device]) -> None:
        if self.site is not None:
            if self._listed_site != self.site:  # the cloud knows the site: now it is a recent one
                self._listed_site = self.site
                self.site_bar.remember(self.site)
            self.sig_devices_listed.emit(self.site, devices)

    def _applied(self, site: str | None, devices: list[Device]) -> None:
        if site == self.site:
            self._after_refresh(devices)

    def _after_refresh(self, devices: list[Device]) -> None:
        if self.directory is not None:
            self.directory.update_devices(devices)
        self._update_empty()
        if self._pending_open and self.model.row_of(self._pending_open) is not None:
            self.open_device(self._pending_open)
        if self._shown_unreadable and self.model.unreadable(self._shown_unreadable) is None:
            self._shown_unreadable = None  # read by now (or gone): its row was replaced
            self.show_received_button.hide()
            self.detail_title.setText(self.tr("Select a logger in the table to configure it."))
            self.detail_status.setText("")
        uuid = self.current_uuid
        if uuid and self.context is not None:
            device = self.model.device(uuid)
            session = self.context.sessions.get(f"device:{uuid}")
            if device is None:
                self.detail_status.setText(self.tr("This logger is no longer listed in the site."))
                return
            self._show_title(uuid)  # a new name shows at once (applied here or elsewhere)
            if session is not None:
                payload = device.to_payload()
                if payload != session.base and not _older(payload, session.base):
                    self.context.session(f"device:{uuid}", payload)
                    self.settings_editor.session_refreshed()

    def _watch_status(self, status: WatchStatus) -> None:
        if (
            status.online is False
            and status.polls == 0
            and status.site == self.site
            and status.site not in self._unavailable_told
            and self.model.rowCount() == 0
        ):
            self._unavailable_told.add(status.site)
            self.sig_listing_unavailable.emit(status.site)

    def _update_empty(self) -> None:
        has_rows = self.model.rowCount() > 0
        if self.site and self.watcher.status().polls and not has_rows:
            self.empty_label.setText(
                self.tr("No loggers in %1 yet. Use the wizard to add one.").replace("%1", self.site)
            )
        self.empty_label.setVisible(not has_rows)
        self.table.setVisible(has_rows)

    # --- shown or hidden ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.live.shown()
        if not self._splitter_placed and self.splitter.width() > 0:
            # First show: the technician's widths, else the list as wide as its shown columns.
            self._splitter_placed = True
            stored = self.ui_state.view_state(SPLITTER_STATE)
            if stored is None or not self.splitter.restoreState(stored):
                total = sum(self.splitter.sizes()) or self.splitter.width()
                wanted = self._list_width()
                self.splitter.setSizes([wanted, max(total - wanted, 0)])

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.live.hidden()

    def _save_header(self) -> None:
        self.ui_state.set_view_state(HEADER_STATE, self.table.horizontalHeader().saveState())

    def _save_splitter(self) -> None:
        self.ui_state.set_view_state(SPLITTER_STATE, self.splitter.saveState())

    def _size_columns(self) -> None:
        """Widths that show typical values unelided; only the compact columns are shown at first."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        padding = 2 * metrics.averageCharWidth()
        for column, key in enumerate(COLUMNS):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.horizontalAdvance(COLUMN_SAMPLES.get(key, "")),
                header_metrics.horizontalAdvance(title) + metrics.averageCharWidth() * 2,
            )
            self.table.setColumnWidth(column, width + padding)
            self.table.setColumnHidden(column, key not in COMPACT_COLUMNS)

    def _list_width(self) -> int:
        """The list pane's width: its shown columns, the frame and a scroll bar."""
        shown = sum(
            self.table.columnWidth(column)
            for column in range(len(COLUMNS))
            if not self.table.isColumnHidden(column)
        )
        return shown + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width() + 2

    def _build_column_menu(self) -> None:
        """A right click on the header shows or hides a column (model, firmware, last change …)."""
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in range(len(COLUMNS)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = QAction(title, header)
            action.setObjectName(f"device_column_{COLUMNS[column]}")
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != 0)  # the serial number always stays
            action.toggled.connect(partial(self._show_column, column))
            header.addAction(action)

    def _show_column(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        self._save_header()

    def _open_tab(self, index: int) -> None:
        if not self.tabs.isEnabled() or index >= self.tabs.count():
            return
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        if page is None:
            return
        fields = [w for w in focusable_descendants(page) if w.isEnabled() and w.isVisibleTo(page)]
        if fields:
            fields[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- one device ---------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        keys = self._selected_keys()
        selected = [key for key in keys if self.model.device(key) is not None]
        self.bulk_button.setEnabled(len(selected) >= 1)
        if len(keys) == 1 and self.model.unreadable(keys[0]) is not None:
            self._show_unreadable(keys[0])
        elif len(selected) == 1 and selected[0] != self.current_uuid:
            self._show_device(selected[0])

    def _show_unreadable(self, key: str) -> None:
        item = self.model.unreadable(key)
        if item is None or key == self._shown_unreadable:
            return
        if self.loader is not None:
            self.loader.cancel()  # the logger shown before is no longer read into the editors
        self.current_uuid = None
        self._shown_unreadable = key
        self.tabs.setEnabled(False)
        serial = item.serial_number or self.tr("without a serial number")
        self.detail_title.setText(
            self.tr("<b>Logger %1</b> · not readable").replace("%1", html.escape(serial))
        )
        self.detail_status.setText(
            self.tr(
                "The cloud lists this logger, but the app cannot read its data (%1), so it cannot be "
                "edited here. “Show as received” displays the data as the cloud sent it."
            ).replace("%1", item.reason)
        )
        self.show_received_button.show()

    def _show_device(self, uuid: str) -> None:
        if self.loader is None:
            return
        self.current_uuid = uuid
        self._shown_unreadable = None
        self.show_received_button.hide()
        self._show_title(uuid)
        self.tabs.setEnabled(True)
        self.loader.load(uuid)

    def _show_title(self, uuid: str) -> None:
        device = self.model.device(uuid)
        serial = (device.serial_number if device else None) or uuid
        title = self.tr("<b>Logger %1</b>").replace("%1", html.escape(serial))
        name = device.name if device else None
        self.detail_title.setText(f"{title} · {html.escape(name)}" if name else title)

    def _cycle_ranges_of(self, device_uuids: list[str]) -> tuple[DurationRange, DurationRange] | None:
        return common_cycle_ranges([d for d in (self.model.device(u) for u in device_uuids) if d is not None])
