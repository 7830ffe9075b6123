"""The live device table: columns, search, sort, refresh in place, pause, and the editors surviving a poll."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.device_rows import COLUMNS
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.devices import DevicesView
from saveris_desktop.ui.devices.new_site_dialog import NewSiteDialog
from saveris_desktop.ui.devices.table_model import UUID_ROLE
from saveris_desktop.ui.stale_list import local_time
from tests.ui.devices_harness import (
    FAST_POLL,
    SITE,
    apply_and_wait,
    close_harness,
    make_devices_harness,
    open_and_wait,
    run,
)
from tests.ui.user_input import click, type_text
from tests.virtual_loggers import set_up_logger


def _column(name: str) -> int:
    return COLUMNS.index(name)


def _cells(view, column: str) -> list[str]:
    return [view.proxy.index(row, _column(column)).data() for row in range(view.proxy.rowCount())]


def test_table_lists_every_logger_with_its_columns(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE, LoggerKind.SAVERIS2, LoggerKind.GATEWAY_164])
    view = h.view
    devices = run(qtbot, h.client.list_devices(SITE))
    assert sorted(_cells(view, "serial_number")) == sorted(d.serial_number for d in devices)
    assert sorted(_cells(view, "device_type")) == [
        "QSR / WiFi logger",
        "Saveris 2 logger",
        "testo 164 gateway",
    ]
    assert set(_cells(view, "firmware")) == {"2.4.1", "1.17.0", "3.2.0"}
    assert "2 of 2" in _cells(view, "sensors")  # the gateway has two wireless sensors
    assert all(_cells(view, "last_change"))
    assert view.timezone_label.text().startswith("Timezone:")
    assert sorted(_cells(view, "name")) == sorted(d.name for d in devices)
    assert all(_cells(view, "name"))
    assert [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))] == [
        "Serial number",
        "Name",
        "Status",
        "Model",
        "Device type",
        "Firmware",
        "Connected sensors",
        "Last change",
    ]
    close_harness(qtbot, h)


def test_search_and_sort(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE, LoggerKind.SAVERIS2, LoggerKind.GATEWAY_164])
    view = h.view
    type_text(qtbot, view.search, "gateway")
    assert _cells(view, "device_type") == ["testo 164 gateway"]
    # The name the technician gave a logger finds it, and heads its editors once applied.
    uuid = h.device_uuids[1]
    open_and_wait(qtbot, h, uuid)
    editor = view.settings_editor
    type_text(qtbot, editor.name_edit, "Vaccine fridge 2")
    apply_and_wait(qtbot, editor)
    # The table row and the editors' title follow the cloud's answer, each in its own step: wait for both.
    qtbot.waitUntil(
        lambda: (
            "Vaccine fridge 2" in _cells(view, "name")
            and view.detail_title.text().endswith(" · Vaccine fridge 2")
        ),
        timeout=5000,
    )
    type_text(qtbot, view.search, "vaccine")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=2000)
    assert [view.proxy.index(0, 0).data(UUID_ROLE)] == [uuid]
    type_text(qtbot, view.search, "")
    view.table.sortByColumn(_column("device_type"), Qt.SortOrder.DescendingOrder)
    assert _cells(view, "device_type") == ["testo 164 gateway", "Saveris 2 logger", "QSR / WiFi logger"]
    view.table.sortByColumn(_column("serial_number"), Qt.SortOrder.AscendingOrder)
    serials = _cells(view, "serial_number")
    assert serials == sorted(serials)
    close_harness(qtbot, h)


def test_refresh_during_editing_keeps_edit_selection_and_sort(qtbot, qloop) -> None:
    h = make_devices_harness(
        qtbot, [LoggerKind.QSR_TEMPERATURE, LoggerKind.SAVERIS2, LoggerKind.QSR_TEMPERATURE]
    )
    view = h.view
    view.table.sortByColumn(_column("serial_number"), Qt.SortOrder.DescendingOrder)
    target = view.proxy.index(1, 0).data(UUID_ROLE)
    open_and_wait(qtbot, h, target)
    editor = view.settings_editor
    type_text(qtbot, editor.measuring, "10 min")  # valid: recorded in the session
    type_text(qtbot, editor.communication, "10 sec x")  # invalid: kept as typed, with its message
    assert editor.dirty and not editor.apply_button.isEnabled()

    resets: list[int] = []
    changed: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.model.dataChanged.connect(lambda *_: changed.append(1))
    # Someone else renames the logger meanwhile: the next poll brings the new name and last change.
    device = run(qtbot, h.client.get_device(SITE, target))
    h.sim.advance_time(120)  # so its "last change" moves on as well
    run(qtbot, h.client.put_device(SITE, device.with_changes(name="Renamed by the office")))
    qtbot.waitUntil(lambda: editor.session.base.get("name") == "Renamed by the office", timeout=5000)

    assert resets == [] and changed  # updated in place
    assert view.selected_uuids() == [target]
    assert view.proxy.index(1, 0).data(UUID_ROLE) == target  # sort order kept
    assert editor.session.get(("measuring_cycle",)) == 600_000  # the edit survived
    assert editor.measuring.text() == "10 min"
    assert editor.communication.text() == "10 sec x"  # so did the text still being corrected
    assert editor.communication.problem()
    assert editor.name_edit.text() == "Renamed by the office"  # an untouched field shows the news
    assert [c.path for c in editor.session.changes()] == [("measuring_cycle",)]
    close_harness(qtbot, h)


def test_new_logger_is_inserted_and_removed_ones_disappear_without_reset(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE])
    view = h.view
    open_and_wait(qtbot, h, h.device_uuids[0])
    resets: list[int] = []
    inserted: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.model.rowsInserted.connect(lambda *_: inserted.append(1))
    key = run(qtbot, h.client.get_connect_key(SITE))
    set_up_logger(h.sim, LoggerKind.SAVERIS2, key.connect_key, "Shop", "pw123456", wait_s=60)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert inserted and resets == []
    assert view.selected_uuids() == [h.device_uuids[0]]
    close_harness(qtbot, h)


def test_poll_pauses_when_hidden_or_minimised(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)
    view = h.view
    assert not view.watcher.paused
    view.hide()
    assert view.watcher.paused
    view.show()
    assert not view.watcher.paused
    view.showMinimized()
    qtbot.waitUntil(lambda: view.watcher.paused, timeout=2000)
    view.showNormal()
    qtbot.waitUntil(lambda: not view.watcher.paused, timeout=2000)
    polls = view.watcher.status().polls
    qtbot.waitUntil(lambda: view.watcher.status().polls > polls, timeout=2000)  # polling again
    close_harness(qtbot, h)


def test_offline_keeps_the_table_and_says_so(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)
    view = h.view
    h.sim.set_network_down(True)
    qtbot.waitUntil(lambda: "cannot be reached" in view.connection_label.text(), timeout=8000)
    assert view.model.rowCount() == 2
    h.sim.set_network_down(False)
    qtbot.waitUntil(lambda: "logger(s)" in view.connection_label.text(), timeout=8000)
    close_harness(qtbot, h)


def test_a_failed_refresh_of_a_filled_list_says_from_when_the_loggers_are(qtbot, qloop) -> None:
    started = datetime.now(UTC)
    h = make_devices_harness(qtbot)
    view = h.view
    listed: list[datetime] = []  # when each listing that worked arrived (a poll may be on its way)
    view.live.sig_listed.connect(lambda _devices: listed.append(datetime.now(UTC)))
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and bool(listed), timeout=5000)
    h.sim.add_fault("error_status", route="list_devices", status=400)
    qtbot.waitUntil(lambda: "could not be refreshed" in view.connection_label.text(), timeout=5000)
    read_at = view.live.read_at
    assert read_at is not None and listed
    assert started <= read_at <= listed[-1]  # the last listing that worked, not the failed one
    text = view.connection_label.text()
    assert text.startswith(f"Showing the values read at {local_time(read_at)}: they could not be refreshed (")
    assert "HTTP 400" in text  # the reason
    assert "could not be listed" not in text and view.model.rowCount() == 2  # the list is still there

    h.sim.clear_faults()
    h.sim.set_network_down(True)
    qtbot.waitUntil(lambda: "cannot be reached" in view.connection_label.text(), timeout=5000)
    assert view.connection_label.text().startswith("Showing the values read at ")
    close_harness(qtbot, h)


def test_a_list_that_could_not_be_read_at_all_says_so(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [])
    view = h.view
    h.sim.add_fault("error_status", route="list_devices", status=400)
    view.show_site("Another site")
    qtbot.waitUntil(lambda: "could not be listed" in view.connection_label.text(), timeout=5000)
    assert view.model.rowCount() == 0
    close_harness(qtbot, h)


def test_open_device_selects_the_row_and_site_switch_starts_over(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)
    view = h.view
    type_text(qtbot, view.search, "no such logger")
    open_and_wait(qtbot, h, h.device_uuids[1])
    assert view.search.text() == ""  # the search that hid the row was cleared
    assert view.selected_uuids() == [h.device_uuids[1]]
    # "New site…" with the name of a site the cloud has already: it is opened
    run(qtbot, h.client.create_connect_key("Second site"))
    click(qtbot, view.site_bar.new_site_button)
    qtbot.waitUntil(lambda: view.findChild(NewSiteDialog) is not None)
    dialog = view.findChild(NewSiteDialog)
    type_text(qtbot, dialog.name, "Second site")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.site == "Second site" and view.watcher.status().polls > 0, timeout=5000)
    assert view.model.rowCount() == 0
    assert "No loggers in Second site" in view.empty_label.text()
    assert h.services.site == "Second site"
    close_harness(qtbot, h)


def _unnamed(root: QWidget) -> list[tuple[str, str, str]]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit | QComboBox) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QComboBox):
            continue  # an editable combo box's own line edit
        if widget.objectName().startswith("qt_"):
            continue  # Qt's internals (tab bar scroll buttons ...)
        if not widget.objectName() or not widget.accessibleName():
            text = widget.text() if hasattr(widget, "text") else ""
            missing.append((type(widget).__name__, widget.objectName(), text))
    return missing


def test_every_interactive_widget_is_named_for_tests_and_screen_readers(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)
    view = h.view
    open_and_wait(qtbot, h, h.device_uuids[0])
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        assert _unnamed(view) == []
    create = view.objects_tab.open_create_dialog()
    qtbot.addWidget(create)
    assert _unnamed(create) == []
    view.table.selectAll()
    bulk = view.open_bulk_settings()
    qtbot.addWidget(bulk)
    assert _unnamed(bulk) == []
    close_harness(qtbot, h)


def test_device_payload_from_the_list_keeps_unknown_fields() -> None:
    device = Device.model_validate(
        {"uuid": "u", "product_type": "PT_SAVERIS2", "connection": {"rssi_dbm": -50}}
    )
    assert device.to_payload()["connection"] == {"rssi_dbm": -50}


def test_a_poll_older_than_our_own_write_does_not_undo_it(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE])
    view = h.view
    uuid = h.device_uuids[0]
    open_and_wait(qtbot, h, uuid)
    view.watcher.pause()  # this test feeds the listings itself
    stale = run(qtbot, h.client.get_device(SITE, uuid))
    h.sim.advance_time(5)
    editor = view.settings_editor
    type_text(qtbot, editor.measuring, "10 min")
    click(qtbot, editor.apply_button)
    qtbot.waitUntil(lambda: not editor.busy and not editor.dirty, timeout=5000)
    view.model.refresh_now([stale])  # a poll that was sent before the write answered
    view._after_refresh([stale])
    assert editor.session.base["measuring_cycle"] == 600_000
    assert editor.measuring.text() == "10 min"
    newer = run(qtbot, h.client.get_device(SITE, uuid)).with_changes(name="Changed later")
    newer = newer.with_changes(last_modified="2999-01-01T00:00:00.000Z")
    view.model.refresh_now([newer])
    view._after_refresh([newer])
    assert editor.session.base["name"] == "Changed later"
    close_harness(qtbot, h)


def test_sort_order_and_recent_sites_are_remembered(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)
    h.view.table.sortByColumn(_column("device_type"), Qt.SortOrder.DescendingOrder)
    close_harness(qtbot, h)
    from saveris_desktop.ui.devices import DevicesView

    again = DevicesView(h.services)
    qtbot.addWidget(again)
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == _column("device_type")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert again.site_box.findText(SITE) >= 0
    run(qtbot, again.aclose())


def test_the_view_and_the_wizard_share_one_recent_sites_list(qtbot, qloop) -> None:
    from saveris_desktop.ui.ui_state import UiState

    UiState().add_recent_site("Cold room")  # as the wizard's site page records a site
    h = make_devices_harness(qtbot)  # opens SITE in the view
    assert UiState().recent_sites() == [SITE, "Cold room"]  # the wizard offers the view's site first
    assert [h.view.site_box.itemText(i) for i in range(h.view.site_box.count())] == [SITE, "Cold room"]
    assert h.view.site_box.currentText() == SITE
    run(qtbot, h.client.create_connect_key("Cold room"))
    h.view.show_site("Cold room")  # recent once the cloud has listed it, first in both lists
    qtbot.waitUntil(lambda: UiState().recent_sites() == ["Cold room", SITE], timeout=5000)
    assert [h.view.site_box.itemText(i) for i in range(h.view.site_box.count())] == ["Cold room", SITE]
    h.view.show_site(f"  {SITE.replace(' ', '   ')} ")  # given with extra blanks: the same site
    assert h.view.site == SITE
    qtbot.waitUntil(lambda: UiState().recent_sites() == [SITE, "Cold room"], timeout=5000)
    close_harness(qtbot, h)


def test_the_list_shows_five_rows_in_a_small_window(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE, LoggerKind.SAVERIS2, LoggerKind.GATEWAY_164])
    # As in the app: the window opens small, before any site (the list is an empty note), then a site.
    view = DevicesView(h.services, timing=FAST_POLL)
    qtbot.addWidget(view)
    view.resize(800, 560)
    view.show()
    qtbot.waitExposed(view)
    view.show_site(SITE)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)
    view.open_device(h.device_uuids[0])
    qtbot.waitUntil(lambda: view.tabs.isEnabled(), timeout=5000)

    def rows_visible() -> int:
        return view.table.viewport().height() // view.table.verticalHeader().defaultSectionSize()

    # The splitter settles a few layout passes after the editors filled: wait for it, then judge.
    qtbot.waitUntil(lambda: rows_visible() >= 5 and view.tabs.height() >= 200, timeout=3000)
    assert rows_visible() >= 5, view.splitter.sizes()
    assert view.tabs.height() >= 200  # and the editors still have room
    run(qtbot, view.aclose())
    close_harness(qtbot, h)


class _RecordingTransport(httpx.AsyncBaseTransport):
    """Notes the path of every request the view sends."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.paths: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return await self.inner.handle_async_request(request)


def test_selecting_another_logger_replaces_the_load_of_the_previous_one(qtbot, qloop) -> None:
    transports: list[_RecordingTransport] = []

    def record(inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        transports.append(_RecordingTransport(inner))
        return transports[-1]

    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE, LoggerKind.QSR_TEMPERATURE], wrap=record)
    first, second = h.device_uuids
    transports[-1].paths.clear()
    h.view.open_device(first)
    h.view.open_device(second)  # picked before the first logger's reads went out: only one load runs
    open_and_wait(qtbot, h, second)
    assert h.view.settings_editor.session.base["uuid"] == second
    assert not [path for path in transports[-1].paths if first in path]
    # one load of the second logger: opening it also selects its row, which no longer reads it twice
    assert transports[-1].paths.count(f"/devices/{second}") == 1
    close_harness(qtbot, h)


def test_a_logger_the_app_cannot_read_is_listed_and_shown_as_received(qtbot, qloop) -> None:
    import json

    from PySide6.QtTest import QTest

    from saveris_desktop.ui.devices.received_dialog import ReceivedDialog

    h = make_devices_harness(qtbot)
    view = h.view
    broken_uuid, good_uuid = h.device_uuids
    document = h.sim.world.devices[broken_uuid]
    document["sensors_connections"][0]["slot_index"] = "first"  # the cloud sends what the app cannot read
    serial = document["serial_number"]
    view.refresh_now()
    qtbot.waitUntil(lambda: "Not readable" in _cells(view, "status"), timeout=5000)
    assert sorted(_cells(view, "serial_number")) == sorted(
        [serial, h.sim.world.devices[good_uuid]["serial_number"]]
    )
    assert view.model.device(good_uuid) is not None  # the other logger is listed and editable as before

    # The technician clicks the row: the reason is shown, the editors stay closed.
    row = _cells(view, "status").index("Not readable")
    rect = view.table.visualRect(view.proxy.index(row, _column("serial_number")))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(view.show_received_button.isVisible)
    assert "sensors_connections[0].slot_index" in view.detail_status.text()
    assert serial in view.detail_title.text()
    assert not view.tabs.isEnabled() and view.current_uuid is None
    assert view.selected_uuids() == [] and not view.bulk_button.isEnabled()
    assert "1 not readable" in view.connection_label.text()

    qtbot.mouseClick(view.show_received_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(ReceivedDialog)
    assert dialog is not None and dialog.isVisible()
    assert json.loads(dialog.text.toPlainText()) == document  # exactly what the cloud sent
    assert dialog.text.isReadOnly()
    dialog.close()

    # Fixed in the cloud: the next poll reads it and it opens in the editors again.
    document["sensors_connections"][0]["slot_index"] = 0
    view.refresh_now()
    qtbot.waitUntil(lambda: "Not readable" not in _cells(view, "status"), timeout=5000)
    assert not view.show_received_button.isVisible()
    open_and_wait(qtbot, h, broken_uuid)
    close_harness(qtbot, h)
