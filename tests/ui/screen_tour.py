"""A walk through every screen a technician sees, for tests that look at each one.

Each tour drives the app like a user (against the in-process simulator) and calls `visit(window,
where)` at each screen: the pseudo-translation test (tests/ui/test_layouts.py) measures the text in
it, the screenshot run (tests/ui/screenshots.py) saves a picture of it and measures the same. One
walk, so both always look at the same screens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QWidget

from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.layout_check import MAX_WINDOW
from tests.ui.user_input import click, set_checked, type_text
from tests.ui.wizard_harness import make_harness
from tests.virtual_loggers import set_up_logger

#: Called at each screen with its window and a short name of where the tour is ("wizard site").
Visit = Callable[[QWidget, str], None]


def wizard_pages(qtbot: Any, visit: Visit, *, every_device_type: bool = True) -> None:
    """Sign-in → site → connect key → hotspot guide (each device type) → waiting → found."""
    h = make_harness(qtbot, default_size=True)
    wizard = h.wizard
    wizard.setObjectName("wizard")
    visit(wizard, "wizard sign-in")

    def next_page(target: PageId) -> None:
        click(qtbot, wizard.button(wizard.WizardButton.NextButton))
        qtbot.waitUntil(lambda: h.page() is target, timeout=5000)

    next_page(PageId.SITE)
    visit(wizard, "wizard site")
    site = wizard.pages[PageId.SITE]
    type_text(qtbot, site.site, "Bakery North")
    type_text(qtbot, site.timezone, "Europe/Berlin")
    next_page(PageId.CONNECT_KEY)
    visit(wizard, "wizard connect key")
    key = wizard.flow.data.connect_key
    next_page(PageId.HOTSPOT_GUIDE)
    guide = wizard.pages[PageId.HOTSPOT_GUIDE]
    type_text(qtbot, guide.ssid, "Bakery-WLAN")
    qtbot.waitUntil(lambda: wizard.flow.data.baseline_uuids is not None, timeout=5000)
    buttons = list(guide.type_buttons.items())
    for device_type, button in buttons if every_device_type else buttons[-1:]:
        set_checked(qtbot, button, True)
        visit(wizard, f"wizard hotspot guide {device_type}")
    next_page(PageId.WAITING)
    visit(wizard, "wizard waiting")
    set_up_logger(h.sim, LoggerKind.SAVERIS2, key, "Bakery-WLAN", "pw123456")
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    visit(wizard, "wizard found")


def _tasks_done(widget: Any) -> bool:
    """A dialog's own background work (its TaskOwner, where it has one) has ended."""
    tasks = getattr(widget, "tasks", None)
    return tasks is None or tasks.running == 0


def main_window_and_editor_tabs(qtbot: Any, visit: Visit, *, every_logger: bool = True) -> None:
    """The main window with the list of loggers, then every editor tab of each logger (or the first)."""
    harness = make_devices_harness(qtbot)
    harness.view.hide()  # the harness's own view; the window below gets one of its own
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.resize(*MAX_WINDOW)
    window.show()
    window.attach_services(harness.services)
    view = window.devices_view
    assert view is not None
    view.show_site(SITE)
    window.stack.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(harness.device_uuids), timeout=5000)
    visit(window, "main window")
    for uuid in harness.device_uuids if every_logger else harness.device_uuids[:1]:
        view.open_device(uuid)
        qtbot.waitUntil(
            lambda uuid=uuid: view.current_uuid == uuid and view.detail_status.text() == "", timeout=5000
        )
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            # the tab's editor reads its data in the view's tasks: pictured once they have answered
            qtbot.waitUntil(lambda: view.tasks.running == 0, timeout=5000)
            tab = view.tabs.tabText(index).replace("&", "")
            visit(window, f"{uuid[:4]} tab {index} {tab[:12]}")
    run(qtbot, window.aclose())
    close_harness(qtbot, harness)


def device_dialogs(qtbot: Any, visit: Visit) -> None:
    """Settings for several loggers at once, and a new measuring object with two channels."""
    harness = make_devices_harness(qtbot)
    view = harness.view
    selection = view.table.selectionModel()
    for row in range(view.proxy.rowCount()):
        selection.select(
            view.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    bulk = view.open_bulk_settings()
    assert bulk is not None
    qtbot.addWidget(bulk)
    click(qtbot, bulk.start_button)  # nothing ticked: the dialog's message says so
    qtbot.waitUntil(bulk.message.isVisible, timeout=3000)
    visit(bulk, "bulk settings")
    bulk.close()
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    view.tabs.setCurrentWidget(view.objects_tab)
    create = view.objects_tab.open_create_dialog()
    qtbot.addWidget(create)
    first = create.rows[0]
    qtbot.waitUntil(first.channel.isEnabled, timeout=5000)
    create.add_channel()  # a second row, and its "needs a name" message
    visit(create, "create measuring object")
    create.close()
    close_harness(qtbot, harness)


def dialogs(qtbot: Any, visit: Visit, tmp_path: Path) -> None:
    """First contact, pending changes, audit log, templates, site plan, a conflict to choose in, the
    site's connect key, New site, the commissioning guide, an import's choices and a logger's data
    as received."""
    from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftKind
    from saveris_desktop.core.offline.exchange import SkippedDraft
    from saveris_desktop.core.offline.merge import MISSING, Conflict
    from saveris_desktop.core.offline.work import OfflineWork
    from saveris_desktop.ui.connect_key_dialog import ConnectKeyDialog
    from saveris_desktop.ui.devices.new_site_dialog import NewSiteDialog
    from saveris_desktop.ui.devices.received_dialog import ReceivedDialog
    from saveris_desktop.ui.first_contact_dialog import FirstContactDialog
    from saveris_desktop.ui.help_guide import CommissioningGuideDialog
    from saveris_desktop.ui.offline.audit_dialog import AuditLogDialog
    from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog, conflict_title
    from saveris_desktop.ui.offline.import_choices_dialog import ImportChoicesDialog
    from saveris_desktop.ui.offline.pending_dialog import PendingChangesDialog
    from saveris_desktop.ui.offline.site_plan_dialog import SitePlanDialog
    from saveris_desktop.ui.offline.templates_dialog import TemplatesDialog

    harness = make_devices_harness(qtbot)
    harness.services.set_site(SITE)
    work = run(qtbot, OfflineWork.open(harness.services, tmp_path / "offline.sqlite3"))
    conflict = ConflictDialog(
        [
            Conflict(("measuring_cycle",), 60000, 120000, 30000),
            Conflict(("name",), "Logger", "Fridge", MISSING),
        ],
        # as the app opens it: the kind words the fields, the title is in the reader's language
        title=conflict_title("device", "Logger 61100042"),
        kind="device",
    )
    # A change made without a network: the pending changes and the audit log have a row to show.
    device = run(qtbot, harness.client.get_device(SITE, harness.device_uuids[0]))
    payload = device.to_payload()
    run(qtbot, work.remember_devices(SITE, [device]))
    harness.sim.set_network_down(True)
    changed = {**payload, "name": "Vaccine fridge 2", "measuring_cycle": 600_000}
    run(qtbot, work.queue_change(SITE, "device", device.uuid, changed, payload))
    first_contact = FirstContactDialog(harness.services)
    # An import that met a draft of this laptop's: both versions, to compare and choose.
    key = DraftKey(work.endpoint, SITE, DraftKind.DEVICE, device.uuid)
    skipped = SkippedDraft(
        Draft(key, payload, {**payload, "name": "Vaccine fridge 2"}, "2026-11-28T09:30:00+00:00"),
        Draft(key, payload, {**payload, "measuring_cycle": 600_000}, "2026-11-28T10:15:00+00:00"),
    )
    for dialog in (
        PendingChangesDialog(work),
        AuditLogDialog(work),
        first_contact,  # the network back before it: it asks the cloud
        TemplatesDialog(work),
        SitePlanDialog(work),
        conflict,
        ConnectKeyDialog(harness.services),
        NewSiteDialog(harness.services, UiState()),
        CommissioningGuideDialog(),
        ImportChoicesDialog(work, "1 draft was not imported: this laptop has its own.", [skipped]),
        ReceivedDialog(
            "Logger 61100042",
            "The cloud sent this logger's data in a shape the app does not know.",
            '{"uuid": "8a0a", "serial_number": "61100042", "sensors_connections": [{"slot_index": "first"}]}',
        ),
    ):
        qtbot.addWidget(dialog)
        if dialog is first_contact:
            harness.sim.set_network_down(False)
        dialog.show()
        # what the dialog reads at the start (templates, objects, the queue) has been read
        qtbot.waitUntil(lambda dialog=dialog: _tasks_done(dialog), timeout=5000)
        visit(dialog, dialog.objectName())
        dialog.close()
    run(qtbot, work.aclose())
    close_harness(qtbot, harness)


def commissioning(qtbot: Any, visit: Visit, tmp_path: Path, *, print_preview: bool = True) -> None:
    """The commissioning board and plan (with a problem to fix), the report and its print preview."""
    from saveris_desktop.core.commissioning.plan import PlanRow
    from saveris_desktop.core.offline.work import OfflineWork
    from saveris_desktop.ui.commissioning.report_dialog import CommissioningReportDialog
    from saveris_desktop.ui.commissioning.window import CommissioningWindow

    harness = make_devices_harness(qtbot)
    harness.services.set_site(SITE)
    work = run(qtbot, OfflineWork.open(harness.services, tmp_path / "offline.sqlite3"))
    assert work.engine is not None
    window = CommissioningWindow(work, work.engine, SITE)
    qtbot.addWidget(window)
    window.show()
    # a row with problems, so the cell's problem line and the summary show (a serial planned twice)
    window.editor.model.replace_rows(
        [PlanRow(serial="61100042", object="Fridge 1"), PlanRow(serial="61100042")]
    )
    visit(window, "commissioning board")
    window.tabs.setCurrentIndex(1)
    window.editor.table.setCurrentIndex(window.editor.model.index(1, 0))
    visit(window, "commissioning plan")
    window.close()
    run(qtbot, window.aclose())
    report = CommissioningReportDialog(harness.services, SITE)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitUntil(lambda: report.save_button.isEnabled(), timeout=10000)
    visit(report, "commissioning report")
    if print_preview:
        preview = report.open_print_preview()
        assert preview is not None
        qtbot.waitUntil(preview.isVisible, timeout=5000)
        QApplication.processEvents()
        visit(preview, "commissioning report print preview")
        preview.reject()
    report.close()
    run(qtbot, work.aclose())
    close_harness(qtbot, harness)
