"""The device table: a model that updates rows in place and a proxy for search and sort.

A poll never resets the model. `DeviceTableModel.apply_plan` removes, updates and appends rows as
`core.devices.device_rows.plan_refresh` says, so selection, sort order, scroll position and an open editor
all survive. Building the plan (turning thousands of Device objects into rows and comparing) runs
in a worker thread; only the few resulting signals run on the Qt thread.

A device the cloud lists but the app cannot read is a row with the status "Not readable"; its
tooltip says why, and `RECEIVED_ROLE` holds its JSON as received (the view's "Show as received").
`device()` never returns it, so no editor can open it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.device_rows import (
    COLUMNS,
    NOT_READABLE,
    DeviceRow,
    RowPlan,
    plan_refresh,
    row_from_device,
    row_from_unreadable,
)
from saveris_desktop.ui import core_words, locale_format

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: a not-readable row's JSON as the cloud sent it, pretty-printed; None for every other row
RECEIVED_ROLE = Qt.ItemDataRole.UserRole + 3

_HEADERS = {
    "serial_number": QT_TRANSLATE_NOOP("DeviceTableModel", "Serial number"),
    "name": QT_TRANSLATE_NOOP("DeviceTableModel", "Name"),
    "model": QT_TRANSLATE_NOOP("DeviceTableModel", "Model"),
    "device_type": QT_TRANSLATE_NOOP("DeviceTableModel", "Device type"),
    "firmware": QT_TRANSLATE_NOOP("DeviceTableModel", "Firmware"),
    "sensors": QT_TRANSLATE_NOOP("DeviceTableModel", "Connected sensors"),
    "last_change": QT_TRANSLATE_NOOP("DeviceTableModel", "Last change"),
    "status": QT_TRANSLATE_NOOP("DeviceTableModel", "Status"),
}

#: core.devices.device_rows.NOT_READABLE, marked for lupdate (the row keeps the English text for the search)
_NOT_READABLE = QT_TRANSLATE_NOOP("DeviceTableModel", "Not readable")
assert _NOT_READABLE == NOT_READABLE  # noqa: S101 - one wording, checked at import

AnyIndex = QModelIndex | QPersistentModelIndex


def unreadable_of(devices: Sequence[Device]) -> tuple[UnreadableItem, ...]:
    """The devices a listing could not read (a plain list of devices has none)."""
    return devices.unreadable if isinstance(devices, DeviceListing) else ()


def build_plan(current: Sequence[DeviceRow], devices: Sequence[Device]) -> RowPlan:
    """Runs in a worker thread: pure data in, pure data out."""
    rows = [row_from_device(device) for device in devices]
    rows.extend(row_from_unreadable(item) for item in unreadable_of(devices))
    return plan_refresh(current, rows)


class DeviceTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeviceRow] = []
        self._index_of: dict[str, int] = {}
        self._devices: dict[str, Device] = {}
        self._unreadable: dict[str, UnreadableItem] = {}
        self._timezone: ZoneInfo | None = None
        self._generation = 0  # bumped on every change, so a plan built on stale rows is rebuilt
        # One worker of our own: plans are built one at a time, and close() ends the thread with the view.
        self._worker: ThreadPoolExecutor | None = None

    # --- data for the views ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DeviceTableModel", str(_HEADERS[COLUMNS[section]]))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if not row.readable:
            return self._unreadable_data(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "last_change":
                return self.format_time(row.last_change)
            if column in ("device_type", "status", "sensors"):  # core's words, not the server's
                return core_words.translated(row.value(index.column()))
            return row.value(index.column())
        if role == SORT_ROLE:
            if column == "sensors":
                return row.connected_sensors
            return row.value(index.column()).casefold()
        if role == UUID_ROLE:
            return row.uuid
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of a cell a narrow column cuts off; the exact server time for a date.
            return row.last_change if column == "last_change" else row.value(index.column()) or None
        return None

    def _unreadable_data(self, row: DeviceRow, column: str, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                return QCoreApplication.translate("DeviceTableModel", str(_NOT_READABLE))
            return row.value(COLUMNS.index(column))
        if role == SORT_ROLE:
            return str(row.value(COLUMNS.index(column))).casefold()
        if role == UUID_ROLE:
            return row.uuid
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate(
                    "DeviceTableModel",
                    "The cloud lists this device, but the app cannot read its data (%1). "
                    "It cannot be edited here; “Show as received” displays the data as the cloud sent it.",
                )
            ).replace("%1", row.unreadable_reason)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == RECEIVED_ROLE:
            item = self._unreadable.get(row.uuid)
            return item.as_received() if item is not None else None
        return None

    # --- access ----------------------------------------------------------------------------

    def row_at(self, row: int) -> DeviceRow:
        return self._rows[row]

    def row_of(self, uuid: str) -> int | None:
        return self._index_of.get(uuid)

    def device(self, uuid: str) -> Device | None:
        """The readable device of a row; None for a not-readable one (it is never edited)."""
        return self._devices.get(uuid)

    def unreadable(self, key: str) -> UnreadableItem | None:
        return self._unreadable.get(key)

    def devices(self) -> list[Device]:
        return [self._devices[row.uuid] for row in self._rows if row.uuid in self._devices]

    @property
    def rows(self) -> list[DeviceRow]:
        return list(self._rows)

    # --- timezone --------------------------------------------------------------------------

    def set_timezone(self, name: str | None) -> None:
        try:
            self._timezone = ZoneInfo(name) if name else None
        except (ZoneInfoNotFoundError, ValueError):
            self._timezone = None
        if self._rows:
            column = COLUMNS.index("last_change")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def format_time(self, iso: str) -> str:
        """Server time (UTC) shown in the site's timezone, so it matches the clocks on site."""
        if not iso:
            return ""
        try:
            moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            return iso
        if self._timezone is not None and moment.tzinfo is not None:
            moment = moment.astimezone(self._timezone)
        return locale_format.date_time(moment)

    # --- refresh ---------------------------------------------------------------------------

    def clear(self) -> None:
        """A different site: the old rows mean nothing any more (the one place a reset is right)."""
        self.beginResetModel()
        self._rows = []
        self._index_of = {}
        self._devices = {}
        self._unreadable = {}
        self._generation += 1
        self.endResetModel()

    async def refresh(self, devices: Sequence[Device]) -> RowPlan:
        """Bring the rows in line with a fresh listing; the heavy part runs in a worker thread.

        A DeviceListing's `unreadable` devices become "Not readable" rows."""
        while True:
            generation = self._generation
            snapshot = list(self._rows)
            if self._worker is None:
                self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="device-rows")
            loop = asyncio.get_running_loop()
            plan = await loop.run_in_executor(self._worker, build_plan, snapshot, devices)
            if generation == self._generation:
                break  # nobody changed the rows meanwhile: the plan fits
        self.apply_plan(plan, devices)
        return plan

    def close(self) -> None:
        """End the worker thread (the view calls this when it closes)."""
        if self._worker is not None:
            self._worker.shutdown(wait=False, cancel_futures=True)
            self._worker = None

    def refresh_now(self, devices: Sequence[Device]) -> RowPlan:
        """The same, all on the calling thread (tests, tiny sites)."""
        plan = build_plan(self._rows, devices)
        self.apply_plan(plan, devices)
        return plan

    def apply_plan(self, plan: RowPlan, devices: Sequence[Device]) -> None:
        self._generation += 1
        self._devices = {device.uuid: device for device in devices}
        self._unreadable = {item.key: item for item in unreadable_of(devices)}
        for first, last in plan.removals:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        for position, row, columns in plan.updates:
            self._rows[position] = row
            if columns:
                self.dataChanged.emit(self.index(position, min(columns)), self.index(position, max(columns)))
        if plan.appends:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(plan.appends) - 1)
            self._rows.extend(plan.appends)
            self.endInsertRows()
        if plan.removals or plan.appends:
            self._index_of = {row.uuid: index for index, row in enumerate(self._rows)}


class DeviceFilterProxy(QSortFilterProxyModel):
    """Search across all columns (plain text, case-insensitive) and sort by each column's sort key."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        needle = text.strip()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        if not isinstance(model, DeviceTableModel):
            return True
        return model.row_at(source_row).matches(self._needle)
