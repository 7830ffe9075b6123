"""The main window's centre: the site's live device list and the tabbed editors of one logger.

The view owns its poller (a core.watcher.DeviceWatcher) and its TaskOwner. The poll pauses while
the window is minimised or the view hidden; while the cloud is unreachable the watcher only probes
(it reports "offline") and the table keeps the last known list. Each poll updates rows in place,
so selection, sort order, scroll position and every open edit survive it.

A device the cloud lists but the app cannot read is a "Not readable" row: selecting it says why and
offers "Show as received"; it never opens the editors and is never part of a bulk change.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.errors import NetworkError, NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import ApiModel, Device, Sensor
from saveris_desktop.core import heap
from saveris_desktop.core.device_rows import COLUMNS
from saveris_desktop.core.drafts import DraftKind
from saveris_desktop.core.known_objects import KnownObjects
from saveris_desktop.core.onboarding import check_site_name
from saveris_desktop.core.ranges import DurationRange, cycle_ranges, format_duration
from saveris_desktop.core.resources import session_key
from saveris_desktop.core.services import AppServices
from saveris_desktop.core.tasks import TaskOwner
from saveris_desktop.core.watcher import DeviceWatcher, WatchStatus, WatchTiming
from saveris_desktop.ui.devices.alarms_tab import AlarmsTab
from saveris_desktop.ui.devices.bulk_dialog import BulkApplyDialog, Change
from saveris_desktop.ui.devices.editor import EditorContext, describe_error
from saveris_desktop.ui.devices.fields import DurationField
from saveris_desktop.ui.devices.objects_tab import ObjectsTab
from saveris_desktop.ui.devices.received_dialog import ReceivedDialog
from saveris_desktop.ui.devices.sensor_directory import SensorDirectory
from saveris_desktop.ui.devices.sensors_tab import SensorsTab
from saveris_desktop.ui.devices.settings_tab import DeviceSettingsEditor
from saveris_desktop.ui.devices.table_model import UUID_ROLE, DeviceFilterProxy, DeviceTableModel
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.wheel_guard import never_by_wheel

log = logging.getLogger(__name__)

# Reading alarms and sensors is not among testo's documented operations (api/optional.py).
UNREADABLE_ALARMS = QT_TRANSLATE_NOOP(
    "DevicesView", "The cloud does not let us read the current alarms; what you apply here replaces them."
)
# Decision: without `GET /sensors/{uuid}` there is no source for a sensor's document. The listing's
# `sensors_connections` names only uuid, slot and connection state; `PUT /sensors/{uuid}` replaces the
# whole sensor, and sent without its channels it would reset every channel's name, unit and offset.
# So the Sensors tab lists the sensors by slot and says why they cannot be edited; their alarms (a
# complete document of the kinds the logger's capability implies) still work. A measuring object's
# channel is then given by number and what it measures (create_object.py); the cloud checks it.
SENSORS_UNREADABLE = QT_TRANSLATE_NOOP(
    "DevicesView",
    "The cloud does not let us read the sensors' settings, so they cannot be changed here: sending "
    "them without the current values would reset each channel's name, unit and offset. Their alarms "
    "can be set on the Alarms tab.",
)

#: v3: name column added, status moved; an older header state would put widths on the wrong columns
HEADER_STATE_KEY = "devices/table_header_v3"
POLL_INTERVAL_S = 10.0


def intersect(ranges: list[DurationRange]) -> DurationRange:
    """What every one of several devices accepts."""
    lows = [r.minimum_ms for r in ranges if r.minimum_ms is not None]
    highs = [r.maximum_ms for r in ranges if r.maximum_ms is not None]
    return DurationRange(max(lows) if lows else None, min(highs) if highs else None)


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
    settings_editor: DeviceSettingsEditor
    sensors_tab: SensorsTab
    alarms_tab: AlarmsTab
    objects_tab: ObjectsTab

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        *,
        timing: WatchTiming | None = None,
        ui_state: UiState | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("devices_view")
        self.services = services
        self.ui_state = ui_state or UiState()
        self.tasks = TaskOwner("devices-view")
        # one poller per site: the wizard's waiting page, watching the same site, shares its answers
        self.watcher = DeviceWatcher(
            timing=timing or WatchTiming(interval=POLL_INTERVAL_S), feeds=services.listing_feeds
        )
        self.site: str | None = None
        self.context: EditorContext | None = None
        self.directory: SensorDirectory | None = None
        #: the measuring objects created here, for a cloud that does not list them (per session)
        self.known_objects = KnownObjects()
        self.current_uuid: str | None = None
        self._pending_open: str | None = None
        self._pending_devices: list[Device] | None = None
        self._refreshing = False
        self._closed = False
        self._window_filtered: QObject | None = None
        #: the drafts store plugs in here; forwarded to every edit session of every site
        self.on_session_change: Any = None

        # --- top bar ----------------------------------------------------------------------------
        self.site_box = QComboBox(self)
        self.site_box.setObjectName("site_switcher")
        self.site_box.setAccessibleName(self.tr("Site"))
        self.site_box.setEditable(True)
        self.site_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        never_by_wheel(self.site_box)  # one notch over it switched the whole app to another site
        self.site_box.setMinimumWidth(200)
        self.timezone_label = QLabel(self)
        self.timezone_label.setObjectName("site_timezone")
        self.search = QLineEdit(self)
        self.search.setObjectName("device_search")
        self.search.setAccessibleName(self.tr("Search devices"))
        self.search.setPlaceholderText(self.tr("Search serial number, name, model, status…"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("device_refresh")
        self.refresh_button.setAccessibleName(self.tr("Refresh the device list now"))
        self.bulk_button = QPushButton(self.tr("Apply settings to selected…"), self)
        self.bulk_button.setObjectName("device_bulk_settings")
        self.bulk_button.setAccessibleName(self.tr("Apply measurement settings to the selected loggers"))
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("device_connection_status")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Site:")))
        top.addWidget(self.site_box)
        top.addWidget(self.timezone_label)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.bulk_button)

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
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((115, 165, 135, 75, 165, 65, 135)):
            self.table.setColumnWidth(column, width)
        self.empty_label = QLabel(self.tr("Choose or type a site to see its loggers."), self)
        self.empty_label.setObjectName("device_table_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

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

        table_host = QWidget(self)
        table_layout = QVBoxLayout(table_host)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table)
        table_layout.addWidget(self.empty_label)
        table_layout.addWidget(self.connection_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(table_host)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        # The editors' size hints are tall; without a floor the list shrank to one row in a laptop window.
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
        self.site_box.activated.connect(lambda _i: self._site_chosen())
        line_edit = self.site_box.lineEdit()
        if line_edit is not None:
            line_edit.setAccessibleName(self.tr("Site"))  # the editable combo's text field has focus
            line_edit.returnPressed.connect(self._site_chosen)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.watcher.sig_devices.connect(self._devices_arrived)
        self.watcher.sig_status.connect(self._watch_status)
        header = self.table.horizontalHeader()
        stored_header = QSettings().value(HEADER_STATE_KEY)
        if isinstance(stored_header, QByteArray) and not stored_header.isEmpty():
            header.restoreState(stored_header)  # column widths and sort order as the technician left them
        header.sortIndicatorChanged.connect(lambda *_: self._save_header())
        header.sectionResized.connect(lambda *_: self._save_header())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.watcher.poll_now)
        # Another request saw the cloud come back (e.g. after the hotspot step): probe at once.
        services.sig_connectivity.connect(self.watcher.notify_connectivity)
        services.closers.append(self.aclose)
        self._load_recent_sites()
        self._selection_changed()
        self._update_empty()
        self.refresh_button.setEnabled(False)
        if services.site:
            QTimer.singleShot(0, lambda: self.show_site(services.site or ""))

    def _build_tabs(self, context: EditorContext) -> None:
        old_pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for page in old_pages:
            if page is not None:
                page.deleteLater()
        directory = self.directory or SensorDirectory(context.client, context.site)
        self.settings_editor = DeviceSettingsEditor(context)
        self.sensors_tab = SensorsTab(context)
        self.alarms_tab = AlarmsTab(context)
        self.objects_tab = ObjectsTab(context, directory, self._cycle_ranges_of, known=self.known_objects)
        for widget, title in (
            (self.settings_editor, self.tr("Measurement settings")),
            (self.sensors_tab, self.tr("Sensors")),
            (self.alarms_tab, self.tr("Alarms")),
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(widget)
            self.tabs.addTab(scroll, title)
        self.tabs.addTab(self.objects_tab, self.tr("Measuring objects"))
        self.settings_editor.sig_applied.connect(lambda _a: self.watcher.poll_now())

    # --- public interface ---------------------------------------------------------------------

    def show_site(self, site: str) -> None:
        site = check_site_name(site).name  # the wizard's rule: "Cold  room " is the site "Cold room"
        if not site or site == self.site:
            return
        self.site = site
        self.current_uuid = None
        self._shown_unreadable = None
        self.show_received_button.hide()
        self.model.clear()
        self.context = EditorContext(
            self.services.client, site, self.tasks, on_session_change=self._session_changed
        )
        self.directory = SensorDirectory(self.services.client, site)
        self._build_tabs(self.context)
        self.tabs.show()
        self.refresh_button.setEnabled(True)
        self._remember_site(site)
        self.services.set_site(site)
        self.timezone_label.setText(self.tr("Timezone: loading…"))
        self.detail_title.setText(self.tr("Select a logger in the table to configure it."))
        self.detail_status.setText("")
        self.tabs.setEnabled(False)
        self.empty_label.setText(self.tr("Loading the loggers of %1…").replace("%1", site))
        self._update_empty()
        self.watcher.start(site)
        if not self.isVisible():
            self.watcher.pause()
        self.tasks.spawn(
            self.services.client.get_global_settings(site),
            name="timezone",
            on_result=self._timezone,
            on_error=self._timezone_failed,
        )
        self.objects_tab.reload()

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

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.services.sig_connectivity.disconnect(self.watcher.notify_connectivity)
        await self.watcher.aclose()
        await self.tasks.aclose()
        self.model.close()

    # --- polling ------------------------------------------------------------------------------

    def _devices_arrived(self, devices: list[Device]) -> None:
        # Refreshes never overlap: a poll that lands during one is applied right after it.
        self._pending_devices = devices
        if not self._refreshing:
            self._refresh_next()

    def _refresh_next(self) -> None:
        devices, self._pending_devices = self._pending_devices, None
        if devices is None or self._closed:
            return
        self._refreshing = True
        site = self.site

        async def refresh() -> None:
            await self.model.refresh(devices)

        def done(_: object = None) -> None:
            self._refreshing = False
            if site == self.site:
                self._after_refresh(devices)
            if len(devices) >= heap.LARGE_LISTING:
                heap.settle()  # keep the next full GC pass from walking this listing mid-refresh
            self._refresh_next()

        def failed(error: BaseException) -> None:
            log.error("updating the device table failed", exc_info=error)
            done()

        self.tasks.spawn(refresh(), name="refresh-table", on_result=done, on_error=failed)

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
        if status.paused:
            text = self.tr("Live refresh paused.")
        elif status.online is False:
            text = self.tr("The cloud cannot be reached — showing the last known list; retrying by itself.")
        elif status.error is not None:
            text = self.tr("Refreshing failed: %1").replace("%1", status.error.message)
        elif status.polls:
            text = self.tr("%n logger(s) · refreshed every %1", "", status.device_count).replace(
                "%1", format_duration(int(self.watcher.timing.interval * 1000))
            )
            if status.unreadable_count:
                text += " · " + self.tr("%n not readable", "", status.unreadable_count)
        else:
            text = ""
        self.connection_label.setText(text)

    def _update_empty(self) -> None:
        has_rows = self.model.rowCount() > 0
        if self.site and self.watcher.status().polls and not has_rows:
            self.empty_label.setText(
                self.tr("No loggers in %1 yet. Use the wizard to add one.").replace("%1", self.site)
            )
        self.empty_label.setVisible(not has_rows)
        self.table.setVisible(has_rows)

    # --- pause while minimised or hidden ------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._window_filtered:
            window.installEventFilter(self)
            self._window_filtered = window
        if not window.isMinimized():
            self.watcher.resume()
        if not self._splitter_placed and self.splitter.height() > 0:
            # First show: two fifths for the list, the rest for the editors (then the technician's).
            self._splitter_placed = True
            total = sum(self.splitter.sizes()) or self.splitter.height()
            self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.watcher.pause()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window_filtered and event.type() == QEvent.Type.WindowStateChange:
            if self.window().isMinimized():
                self.watcher.pause()
                heap.collect_everything()  # nobody watches the window: the stall is not seen
            elif self.isVisible():
                self.watcher.resume()
                self.watcher.poll_now()
        return super().eventFilter(watched, event)

    def _save_header(self) -> None:
        QSettings().setValue(HEADER_STATE_KEY, self.table.horizontalHeader().saveState())

    # --- sites --------------------------------------------------------------------------------

    def _site_chosen(self) -> None:
        self.show_site(self.site_box.currentText())

    def _load_recent_sites(self) -> None:
        # One list with the wizard's site page: a site opened here is offered there, and back.
        self.site_box.clear()
        self.site_box.addItems(self.ui_state.recent_sites())
        self.site_box.setCurrentIndex(-1)

    def _remember_site(self, site: str) -> None:
        self.ui_state.add_recent_site(site)
        self._load_recent_sites()  # most recent first, no duplicates (whatever their case)
        self.site_box.setCurrentIndex(max(0, self.site_box.findText(site)))

    def _timezone(self, settings: Any) -> None:
        zone = getattr(settings, "timezone", None) or ""
        self.timezone_label.setText(self.tr("Timezone: %1").replace("%1", zone or self.tr("not set")))
        self.model.set_timezone(zone or None)

    def _timezone_failed(self, error: BaseException) -> None:
        if isinstance(error, OperationNotOfferedError):
            # Reading it is not documented; the zone chosen in the wizard on this laptop is the best
            # we know (it may wait in the outbox), and it is labelled as such.
            zone = self.ui_state.site_timezone(self.site) if self.site else None
            if zone:
                self.timezone_label.setText(
                    self.tr(
                        "Timezone: %1 (as chosen on this laptop; the cloud does not let us read it)"
                    ).replace("%1", zone)
                )
                self.model.set_timezone(zone)
            else:
                self.timezone_label.setText(
                    self.tr("Timezone: unknown (the cloud does not let us read it; times in UTC)")
                )
        elif isinstance(error, NotFoundError):
            self.timezone_label.setText(self.tr("Timezone: not set (times in UTC)"))
        else:
            self.timezone_label.setText(
                self.tr("Timezone: unknown (%1)").replace("%1", describe_error(error))
            )

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

    def _session_changed(self, session: Any) -> None:
        if callable(self.on_session_change):
            self.on_session_change(session)

    def _show_device(self, uuid: str) -> None:
        context = self.context
        if context is None:
            return
        self.current_uuid = uuid
        self._shown_unreadable = None
        self.show_received_button.hide()
        self.objects_tab.current_device = uuid
        self._show_title(uuid)
        self.tabs.setEnabled(True)
        # Edits made earlier (and kept in the context) show at once; the server's answer follows.
        self.settings_editor.set_session(context.sessions.get(f"device:{uuid}"))
        self.alarms_tab.set_device(uuid)
        self.detail_status.setText(self.tr("Reading the logger's settings…"))
        self.tasks.spawn(
            self._load_device(uuid),
            name=f"load-device:{uuid}",
            on_result=lambda _r: None,
            on_error=self._load_failed,
        )

    def _show_title(self, uuid: str) -> None:
        device = self.model.device(uuid)
        serial = (device.serial_number if device else None) or uuid
        title = self.tr("<b>Logger %1</b>").replace("%1", html.escape(serial))
        name = device.name if device else None
        self.detail_title.setText(f"{title} · {html.escape(name)}" if name else title)

    async def _load_device(self, uuid: str) -> None:
        context = self.context
        directory = self.directory
        if context is None or directory is None:
            return
        client, site = context.client, context.site
        # The listing (documented) carries the whole device document; its own GET is only a bonus.
        device = await client.read_device(site, uuid, listed=self.model.device(uuid))
        if self.current_uuid != uuid:
            return
        device_payload = device.to_payload()
        self.settings_editor.show_session(context.session(f"device:{uuid}", device_payload))
        await self._load_alarms(
            session_key(DraftKind.DEVICE_ALARMS, uuid),
            "get_device_alarm_configuration",
            partial(client.get_device_alarm_configuration, site, uuid),
        )
        if self.current_uuid != uuid:
            return
        self.alarms_tab.set_device(uuid, device_payload)
        entries: list[tuple[str, str]] = []
        problems: list[str] = []
        sensors_unreadable = False
        for connection in device.slot_sensors():
            sensor_uuid = connection.sensor_uuid
            sensor: Sensor | None = None
            try:
                sensor = await client.get_sensor(site, sensor_uuid)
            except OperationNotOfferedError:
                sensors_unreadable = True
            except NotFoundError:
                # The logger lists this sensor, so a 404 means the read is missing, unless the read
                # has answered before in this session: then this one sensor is unknown to the cloud.
                if not client.optional.missing_known_resource("get_sensor"):
                    problems.append(
                        self.tr("Sensor in slot %1 is not known to the cloud.").replace(
                            "%1", str(connection.slot_index + 1)
                        )
                    )
                    continue
                sensors_unreadable = True
            await self._load_alarms(
                session_key(DraftKind.SENSOR_ALARMS, sensor_uuid),
                "get_sensor_alarm_configuration",
                partial(client.get_sensor_alarm_configuration, site, sensor_uuid),
            )
            if sensor is not None:
                directory.remember(sensor)
                context.session(f"sensor:{sensor_uuid}", sensor.to_payload())
            name = (sensor.name or sensor.model_code) if sensor is not None else None
            label = (
                self.tr("Slot %1 · %2")
                .replace("%1", str(connection.slot_index + 1))
                .replace("%2", name or self.tr("sensor"))
            )
            if connection.connected is False:
                label += self.tr(" (disconnected)")
            entries.append((sensor_uuid, label))
        if self.current_uuid != uuid:
            return
        if sensors_unreadable:
            problems.append(self.tr(str(SENSORS_UNREADABLE)))
        self.sensors_tab.set_sensors(
            entries, "\n".join(problems) if entries or problems else self.tr("No sensors connected.")
        )
        for sensor_uuid, _ in entries:
            self.sensors_tab.refresh_session(sensor_uuid)
        self.alarms_tab.set_sensors(entries)
        self.detail_status.setText("")
        self.objects_tab.set_objects(list(self.objects_tab.objects.values()))

    async def _load_alarms(self, key: str, read_name: str, read: Callable[[], Awaitable[ApiModel]]) -> None:
        """The session `key` with the cloud's current alarms, or, where the cloud does not let us read
        them, marked unreadable: its editor then says so and sends a complete document."""
        context = self.context
        if context is None:
            return
        try:
            payload = (await read()).to_payload()
        except OperationNotOfferedError:
            payload = None
        except NotFoundError:
            # The device or sensor is listed, so its configuration cannot be "gone": either the read
            # is missing (remembered for the session) or this one has none we can read. Either way
            # we do not know what the cloud has.
            context.client.optional.missing_known_resource(read_name)
            payload = None
        if payload is not None:
            context.set_unreadable(key, None)
            context.session(key, payload)
            return
        context.set_unreadable(key, self.tr(str(UNREADABLE_ALARMS)))
        if key not in context.sessions:  # keep what an earlier Apply made known, and any edits
            context.session(key, {"alarms": []})

    def _load_failed(self, error: BaseException) -> None:
        self.detail_status.setText(
            self.tr("Could not read the logger: %1").replace("%1", describe_error(error))
        )

    def _cycle_ranges_of(self, device_uuids: list[str]) -> tuple[DurationRange, DurationRange] | None:
        devices = [d for d in (self.model.device(u) for u in device_uuids) if d is not None]
        if not devices:
            return None
        pairs = [cycle_ranges(d.to_payload()) for d in devices]
        return intersect([p[0] for p in pairs]), intersect([p[1] for p in pairs])

    # --- bulk ---------------------------------------------------------------------------------

    def open_bulk_settings(self) -> BulkApplyDialog | None:
        context = self.context
        uuids = self.selected_uuids()
        if context is None or not uuids:
            return None
        ranges = self._cycle_ranges_of(uuids) or (DurationRange(None, None), DurationRange(None, None))
        form = QWidget()
        measuring_on = QCheckBox(self.tr("Measuring cycle"), form)
        measuring_on.setObjectName("bulk_measuring_on")
        measuring_on.setAccessibleName(self.tr("Set the measuring cycle"))
        measuring = DurationField("bulk_measuring_cycle", self.tr("Measuring cycle for all"), form)
        measuring.set_allowed(ranges[0])
        communication_on = QCheckBox(self.tr("Communication cycle"), form)
        communication_on.setObjectName("bulk_communication_on")
        communication_on.setAccessibleName(self.tr("Set the communication cycle"))
        communication = DurationField(
            "bulk_communication_cycle", self.tr("Communication cycle for all"), form
        )
        communication.set_allowed(ranges[1])
        layout = QFormLayout(form)
        layout.addRow(measuring_on, measuring)
        layout.addRow(communication_on, communication)
        layout.addRow(QLabel(self.tr("The allowed range is what every selected logger accepts.")))

        def change_factory() -> Change | str:
            changes: dict[str, int] = {}
            for switch, field, key in (
                (measuring_on, measuring, "measuring_cycle"),
                (communication_on, communication, "communication_cycle"),
            ):
                if switch.isChecked():
                    if field.problem() or field.value() is None:
                        return field.problem() or self.tr("Enter the %1.").replace(
                            "%1", switch.text().lower()
                        )
                    changes[key] = field.value() or 0
            if not changes:
                return self.tr("Tick at least one setting to apply.")
            # Translated phrases, not the payload's key names: the result column is read by technicians.
            phrases = {
                "measuring_cycle": self.tr("measuring cycle %1"),
                "communication_cycle": self.tr("communication cycle %1"),
            }
            words = ", ".join(phrases[k].replace("%1", format_duration(v)) for k, v in changes.items())

            async def change(uuid: str) -> str:
                try:
                    listed = self.model.device(uuid)
                    device = await context.client.read_device(context.site, uuid, listed=listed)
                    await context.client.put_device(context.site, device.with_changes(**changes))
                except NetworkError:
                    # Offline: as the editor's Apply does, queue it on the last listing of the logger;
                    # the outbox checks the cloud's state and merges before it sends.
                    known, queue = self.model.device(uuid), context.queue_offline
                    if known is None or queue is None:
                        raise
                    session = context.session(f"device:{uuid}", known.to_payload())
                    await queue(session, known.with_changes(**changes).to_payload())
                    return self.tr("queued (no connection), sent by itself later: %1").replace("%1", words)
                return words

            return change

        items = []
        for uuid in uuids:
            device = self.model.device(uuid)
            items.append(
                (uuid, self.tr("Logger %1").replace("%1", (device.serial_number if device else None) or uuid))
            )
        dialog = BulkApplyDialog(
            self.tr("Apply settings to loggers"),
            items,
            change_factory,
            self.tasks,
            form=form,
            heading=self.tr("%n logger(s) selected.", "", len(items)),
            item_header=self.tr("Logger"),
            parent=self,
        )
        dialog.sig_finished.connect(lambda _ok, _failed: self.watcher.poll_now())
        dialog.show()
        return dialog
