"""The table model alone: in-place updates keep scroll position, selection and sort order."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt, QTranslator
from PySide6.QtWidgets import QTableView

from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.device_rows import COLUMNS
from saveris_desktop.ui.devices.table_model import UUID_ROLE, DeviceFilterProxy, DeviceTableModel


def _device(index: int, status: str = "ok") -> Device:
    return Device.model_validate(
        {
            "uuid": f"u{index:04d}",
            "serial_number": f"6{index:08d}",
            "model_code": "0572 3010",
            "product_type": "PT_QSR_TEMPERATURE",
            "firmware": {"firmware_version": "2.4.1"},
            "sensors_connections": [
                {"slot_index": 0, "sensor_uuid": f"s{index}", "connected": status == "ok"}
            ],
            "last_modified": "2026-03-01T10:00:00Z",
        }
    )


def test_refresh_keeps_scroll_selection_and_sort(qtbot, qloop) -> None:
    model = DeviceTableModel()
    proxy = DeviceFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(COLUMNS.index("serial_number"), Qt.SortOrder.DescendingOrder)
    view.resize(800, 400)
    view.show()
    devices = [_device(i) for i in range(500)]
    model.refresh_now(devices)
    view.verticalScrollBar().setValue(200)
    scroll = view.verticalScrollBar().value()
    target = proxy.index(210, 0)
    uuid = target.data(UUID_ROLE)
    view.selectionModel().select(
        target, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )

    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda *_: changed.append(1))
    fresh = [_device(i, "lost" if i % 100 == 7 else "ok") for i in range(500) if i != 3]
    fresh.append(_device(999))  # a new logger
    plan = model.refresh_now(fresh)

    assert plan.counts == (1, 5, 1)
    assert resets == [] and len(changed) == 5
    assert view.verticalScrollBar().value() == scroll
    assert [i.data(UUID_ROLE) for i in view.selectionModel().selectedRows()] == [uuid]
    serials = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert serials == sorted(serials, reverse=True)
    assert model.row_of("u0003") is None and model.row_of("u0999") is not None


def test_timezone_formats_last_change_in_site_time(qtbot, qloop) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(1)])
    column = COLUMNS.index("last_change")
    assert model.index(0, column).data() == "2026-03-01 10:00"
    model.set_timezone("Europe/Berlin")
    assert model.index(0, column).data() == "2026-03-01 11:00"
    model.set_timezone("Not/AZone")
    assert model.index(0, column).data() == "2026-03-01 10:00"


def test_tooltips_carry_the_whole_cell_text_and_the_server_time(qtbot, qloop) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(1)])
    tooltip = Qt.ItemDataRole.ToolTipRole
    for name in COLUMNS:
        index = model.index(0, COLUMNS.index(name))
        expected = model.row_at(0).last_change if name == "last_change" else index.data() or None
        assert index.data(tooltip) == expected, name
    assert model.index(0, COLUMNS.index("last_change")).data(tooltip).endswith("Z")  # as the server wrote it


def test_a_device_that_cannot_be_read_is_a_not_readable_row(qtbot, qloop, qtmodeltester) -> None:
    from saveris_desktop.api.listing import DeviceListing, UnreadableItem
    from saveris_desktop.ui.devices.table_model import RECEIVED_ROLE

    received = {
        "uuid": "broken-1",
        "serial_number": "60000001",
        "sensors_connections": [{"slot_index": None}],
    }
    broken = UnreadableItem(
        1, received, "sensors_connections[0].slot_index", "input should be a valid integer"
    )
    model = DeviceTableModel()
    proxy = DeviceFilterProxy()
    proxy.setSourceModel(model)
    model.refresh_now(DeviceListing([_device(0), _device(1)], [broken]))
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)

    assert model.rowCount() == 3
    row = model.row_of(broken.key)
    assert row is not None
    status = model.index(row, COLUMNS.index("status"))
    serial = model.index(row, COLUMNS.index("serial_number"))
    assert status.data() == "Not readable" and serial.data() == "60000001"
    assert "sensors_connections[0].slot_index: input should be a valid integer" in serial.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert json.loads(serial.data(RECEIVED_ROLE)) == received  # the data as the cloud sent it
    assert model.index(0, 0).data(RECEIVED_ROLE) is None
    # It is never handed to an editor: the model has no device for it, under any key.
    assert model.device(broken.key) is None and model.device("broken-1") is None
    assert model.unreadable(broken.key) is broken
    assert [d.uuid for d in model.devices()] == ["u0000", "u0001"]

    proxy.set_search("not readable")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "60000001"

    # The next poll reads it: the not-readable row goes, the device's row comes, nothing resets.
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.refresh_now(
        DeviceListing([_device(0), _device(1), Device(uuid="broken-1", serial_number="60000001")])
    )
    qtmodeltester.check(model)
    assert resets == [] and model.row_of(broken.key) is None and model.device("broken-1") is not None


def test_a_changed_logger_repaints_exactly_the_cells_that_changed(qtbot, qloop, qtmodeltester) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(i) for i in range(20)])
    qtmodeltester.check(model, force_py=True)
    row = model.row_of("u0007")
    before = [model.index(row, column).data() for column in range(model.columnCount())]
    ranges: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, *_: ranges.append((top.row(), bottom.row(), top.column(), bottom.column()))
    )
    # Its sensor lost the connection and it got new firmware: two cells of one row change.
    changed = _device(7, "lost").with_changes(firmware={"firmware_version": "2.5.0"})
    model.refresh_now([changed if i == 7 else _device(i) for i in range(20)])
    after = [model.index(row, column).data() for column in range(model.columnCount())]
    differing = [column for column in range(model.columnCount()) if before[column] != after[column]]
    assert len(differing) >= 2, differing
    assert ranges and all(top == bottom == row for top, bottom, _, _ in ranges)
    for column in differing:  # a view repaints only what dataChanged names
        assert any(left <= column <= right for _, _, left, right in ranges), (column, ranges)
    qtmodeltester.check(model, force_py=True)


def test_after_a_poll_that_only_removed_loggers_every_row_still_names_its_logger(qtbot, qloop) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(i) for i in range(10)])
    removed = model.refresh_now([_device(i) for i in range(10) if i not in (1, 2, 5)])
    assert removed.counts == (3, 0, 0)  # nothing new, nothing changed: only removals
    for uuid in ("u0000", "u0003", "u0004", "u0006", "u0009"):
        row = model.row_of(uuid)
        assert row is not None and model.index(row, 0).data(UUID_ROLE) == uuid
        assert model.device(uuid) is not None and model.device(uuid).uuid == uuid
    assert model.row_of("u0005") is None


def _device_with_sensors(index: int, connected: int) -> Device:
    slots = [{"slot_index": n, "sensor_uuid": f"s{index}-{n}", "connected": True} for n in range(connected)]
    return _device(index).with_changes(sensors_connections=slots)


def test_a_fresh_model_answers_before_the_first_poll(qtbot, qloop, qtmodeltester) -> None:
    parent = QObject()
    model = DeviceTableModel(parent)
    assert model.parent() is parent  # Qt ownership: the model goes with the view that made it
    proxy = DeviceFilterProxy(parent)
    assert proxy.parent() is parent
    # The view asks for a logger before the first poll has come back.
    assert model.row_of("u0001") is None and model.device("u0001") is None
    assert model.unreadable("u0001") is None and model.devices() == []
    qtmodeltester.check(model)


def test_headers_name_the_columns_and_cells_have_no_children(qtbot, qloop) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(1)])
    horizontal, display = Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    headers = [model.headerData(c, horizontal, display) for c in range(model.columnCount())]
    assert headers[COLUMNS.index("serial_number")] == "Serial number"
    assert headers[COLUMNS.index("sensors")] == "Connected sensors"
    assert headers[COLUMNS.index("status")] == "Status"
    assert model.headerData(0, Qt.Orientation.Vertical, display) is None  # rows are numbered by Qt
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    cell = model.index(0, 0)
    assert model.rowCount(cell) == 0 and model.columnCount(cell) == 0  # a table, not a tree


def test_sorting_by_connected_sensors_is_numeric(qtbot, qloop) -> None:
    model = DeviceTableModel()
    proxy = DeviceFilterProxy()
    proxy.setSourceModel(model)
    model.refresh_now([_device_with_sensors(1, 10), _device_with_sensors(2, 2), _device_with_sensors(3, 9)])
    proxy.sort(COLUMNS.index("sensors"), Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, COLUMNS.index("sensors")).data() for r in range(proxy.rowCount())]
    assert shown == ["2 of 2", "9 of 9", "10 of 10"]  # as text "10 of 10" would come first


def test_a_not_readable_row_sorts_by_its_serial_number_and_is_shown_in_italics(qtbot, qloop) -> None:
    model = DeviceTableModel()
    proxy = DeviceFilterProxy()
    proxy.setSourceModel(model)
    broken = UnreadableItem(1, {"uuid": "b", "serial_number": "600000001"}, "firmware", "not an object")
    model.refresh_now(DeviceListing([_device(0), _device(2)], [broken]))
    proxy.sort(COLUMNS.index("serial_number"), Qt.SortOrder.AscendingOrder)
    serials = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert serials == ["600000000", "600000001", "600000002"]
    row = model.row_of(broken.key)
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None  # readable rows: the view's font
    status = model.index(row, COLUMNS.index("status"))
    assert status.data(Qt.ItemDataRole.ToolTipRole) == (
        "The cloud lists this device, but the app cannot read its data (firmware: not an object). "
        "It cannot be edited here; “Show as received” displays the data as the cloud sent it."
    )


def test_a_new_timezone_repaints_the_whole_last_change_column(qtbot, qloop) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(i) for i in range(4)])
    column = COLUMNS.index("last_change")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.set_timezone("Europe/Berlin")
    top, bottom = blocker.args[0], blocker.args[1]
    assert (top.row(), top.column(), bottom.row(), bottom.column()) == (0, column, 3, column)
    assert model.index(3, column).data() == "2026-03-01 11:00"
    model.set_timezone(None)  # the site's timezone is unknown: server time again
    assert model.index(3, column).data() == "2026-03-01 10:00"


def test_times_without_a_zone_or_without_a_value(qtbot, qloop, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")  # this computer's zone must not matter
    time.tzset()
    try:
        model = DeviceTableModel()
        model.set_timezone("Europe/Berlin")
        # A time without a zone is shown as written: converting it would guess this computer's zone.
        assert model.format_time("2026-03-01T10:00:00") == "2026-03-01 10:00"
        assert model.format_time("2026-03-01T10:00:00Z") == "2026-03-01 11:00"
        assert model.format_time("") == ""  # never changed: an empty cell
        assert model.format_time("yesterday") == "yesterday"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_refresh_builds_rows_in_a_worker_and_close_ends_it(qtbot, qloop, qtmodeltester) -> None:
    model = DeviceTableModel()
    task = asyncio.ensure_future(model.refresh([_device(i) for i in range(5)]))
    qtbot.waitUntil(task.done)
    assert task.result().counts == (0, 0, 5)
    assert [model.index(r, 0).data(UUID_ROLE) for r in range(model.rowCount())] == [
        f"u{i:04d}" for i in range(5)
    ]
    assert model.device("u0004") is not None
    qtmodeltester.check(model)
    model.close()
    model.close()  # twice is harmless (the view closes, then the window)
    task = asyncio.ensure_future(model.refresh([_device(i) for i in range(3)]))  # a new worker
    qtbot.waitUntil(task.done)
    assert task.result().counts == (2, 0, 0) and model.rowCount() == 3


class _HeldListing(list[Device]):
    """A listing whose reading in the worker waits until the test releases it."""

    def __init__(self, devices: Iterable[Device]) -> None:
        super().__init__(devices)
        self.being_read = threading.Event()
        self.release = threading.Event()

    def __iter__(self) -> Iterator[Device]:
        self.being_read.set()
        self.release.wait(timeout=30)
        return super().__iter__()


def test_a_poll_applied_while_another_was_being_built_is_not_undone(qtbot, qloop) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(i) for i in range(3)])
    # A slow poll starts from rows 0-2; meanwhile a quicker one (our own write) lands with 0-4.
    listing = _HeldListing(_device(i) for i in range(4))
    slow = asyncio.ensure_future(model.refresh(listing))
    qtbot.waitUntil(listing.being_read.is_set)  # the worker is building the slow plan
    model.refresh_now([_device(i) for i in range(5)])
    listing.release.set()
    qtbot.waitUntil(slow.done)
    # The slow plan was rebuilt on the rows it finds: one removal, no duplicate, no stale row.
    assert slow.result().counts == (1, 0, 0)
    assert [model.index(r, 0).data(UUID_ROLE) for r in range(model.rowCount())] == [
        f"u{i:04d}" for i in range(4)
    ]
    assert model.row_of("u0003") == 3


def test_clear_starts_over_for_another_site(qtbot, qloop) -> None:
    model = DeviceTableModel()
    broken = UnreadableItem(1, {"uuid": "b", "serial_number": "1"}, "firmware", "not an object")
    model.refresh_now(DeviceListing([_device(0), _device(1)], [broken]))
    with qtbot.waitSignal(model.modelReset):
        model.clear()
    assert model.rowCount() == 0 and model.devices() == []
    assert model.row_of("u0000") is None and model.device("u0000") is None
    assert model.unreadable(broken.key) is None
    model.refresh_now([_device(1)])
    assert model.row_of("u0001") == 0


def test_a_poll_that_finishes_after_a_site_switch_is_built_on_the_emptied_table(qtbot, qloop) -> None:
    model = DeviceTableModel()
    model.refresh_now([_device(i) for i in range(3)])
    listing = _HeldListing(_device(i) for i in range(4))
    slow = asyncio.ensure_future(model.refresh(listing))
    qtbot.waitUntil(listing.being_read.is_set)
    model.clear()
    listing.release.set()
    qtbot.waitUntil(slow.done)
    # The plan made for the three old rows would have appended one row to an empty table.
    assert slow.result().counts == (0, 0, 4)
    assert [model.index(r, 0).data(UUID_ROLE) for r in range(model.rowCount())] == [
        f"u{i:04d}" for i in range(4)
    ]


def test_close_ends_the_thread_that_built_the_rows(qtbot, qloop) -> None:
    model = DeviceTableModel()
    before = set(threading.enumerate())
    task = asyncio.ensure_future(model.refresh([_device(i) for i in range(3)]))
    qtbot.waitUntil(task.done)
    started = set(threading.enumerate()) - before
    assert started  # the rows were built off the Qt thread
    model.close()  # the view closes: no thread of its own may outlive it
    qtbot.waitUntil(lambda: not any(thread.is_alive() for thread in started))


class _GermanTable(QTranslator):
    """The few words this test needs, looked up by context as a .qm file made by lupdate would."""

    WORDS = {
        "Serial number": "Seriennummer",
        "Status": "Status",
        "Not readable": "Nicht lesbar",
        "The cloud lists this device, but the app cannot read its data (%1). "
        "It cannot be edited here; “Show as received” displays the data as the cloud sent it.": (
            "Die Cloud listet dieses Gerät, die App kann seine Daten nicht lesen (%1)."
        ),
    }

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.WORDS.get(source) if context == "DeviceTableModel" else None

    def isEmpty(self) -> bool:
        return False


def test_headers_and_the_not_readable_row_are_translated(qtbot, qloop, qapp) -> None:
    model = DeviceTableModel()
    broken = UnreadableItem(1, {"uuid": "b", "serial_number": "1"}, "firmware", "not an object")
    model.refresh_now(DeviceListing([], [broken]))
    translator = _GermanTable()
    assert QCoreApplication.installTranslator(translator)
    try:
        header = model.headerData(COLUMNS.index("serial_number"), Qt.Orientation.Horizontal)
        assert header == "Seriennummer"
        status = model.index(0, COLUMNS.index("status"))
        assert status.data() == "Nicht lesbar"
        assert status.data(Qt.ItemDataRole.ToolTipRole) == (
            "Die Cloud listet dieses Gerät, die App kann seine Daten nicht lesen (firmware: not an object)."
        )
    finally:
        QCoreApplication.removeTranslator(translator)
