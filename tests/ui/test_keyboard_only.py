"""The main flow with the keyboard alone: every step reached by keys sent to the focused widget."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, run
from tests.ui.wizard_harness import make_harness
from tests.virtual_loggers import set_up_logger


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def activate(qtbot, window: QWidget) -> None:
    """Make `window` the one that gets the keys, as clicking into it would (an earlier test's
    popup may still hold the offscreen platform's activation)."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def tab_to(qtbot, object_name: str, limit: int = 30) -> QWidget:
    """Tab until the widget named `object_name` has the focus (as a user would), and return it."""
    for _ in range(limit):
        if focused().objectName() == object_name:
            return focused()
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {object_name}; it stopped at {focused().objectName()}")


def focus_is_drawn(qtbot, widget: QWidget) -> bool:
    """The widget (which has the focus) looks different without it: a keyboard user sees where they are."""
    assert widget.hasFocus()
    with_focus = widget.grab().toImage()
    widget.clearFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus(), timeout=3000)
    without = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=3000)
    return with_focus != without


def wizard_to_found_with_keys(qtbot, h) -> Any:
    """Sign-in → site → connect key → hotspot guide → waiting → found, with keys only; the logger found."""
    wizard = h.wizard
    activate(qtbot, wizard)
    # Sign in: the demo account is filled in; Enter goes on.
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: h.page() is PageId.SITE, timeout=5000)
    # Site: the focus is in the name; the time zone is this computer's already. Enter creates the site.
    qtbot.waitUntil(lambda: focused().objectName() == "siteCombo", timeout=3000)
    qtbot.keyClicks(focused(), "Bakery North")
    assert wizard.pages[PageId.SITE].timezone.currentText()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)
    # The connect key: the focus is on Copy (Enter or Space copies); Tab to Next.
    qtbot.waitUntil(lambda: focused().objectName() == "copyKeyButton", timeout=3000)
    key = wizard.flow.data.connect_key
    press(qtbot, Qt.Key.Key_Space)
    assert QApplication.clipboard().text() == key
    tab_to(qtbot, "wizardNextButton")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: h.page() is PageId.HOTSPOT_GUIDE, timeout=5000)
    qtbot.waitUntil(lambda: wizard.flow.data.baseline_uuids is not None, timeout=5000)
    # The device type: Tab into the group, the arrow keys choose (as in any radio group).
    guide = wizard.pages[PageId.HOTSPOT_GUIDE]
    tab_to(qtbot, guide.type_buttons[DeviceType.QSR_WIFI].objectName())
    for _ in range(len(guide.type_buttons)):
        if guide.type_buttons[DeviceType.SAVERIS_2].isChecked():
            break
        press(qtbot, Qt.Key.Key_Right)
    assert guide.type_buttons[DeviceType.SAVERIS_2].isChecked()
    tab_to(qtbot, "wizardNextButton")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: h.page() is PageId.WAITING, timeout=5000)
    logger = set_up_logger(h.sim, LoggerKind.SAVERIS2, key, "Bakery-WLAN", "pw123456")
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    return logger


def test_the_wizard_from_sign_in_to_the_found_logger_with_keys_only(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    logger = wizard_to_found_with_keys(qtbot, h)
    tab_to(qtbot, "configureLoggerButton")
    with qtbot.waitSignal(h.wizard.sig_configure_device) as configured:
        press(qtbot, Qt.Key.Key_Space)
    assert configured.args == [logger.device_uuid]


def test_the_main_flow_from_the_main_window_to_an_applied_setting_with_keys_only(qtbot, qloop) -> None:
    """Ctrl+N → the wizard → the logger found → "Configure this logger" → its name changed → Apply,
    in the main window as the app shows it; then Apply refused by the server, said and kept."""
    from saveris_desktop.simulator import Simulator
    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.ui_state import UiState
    from tests.ui.wizard_harness import FAST_TIMING, Harness, make_services

    sim = Simulator(seed=7, join_delay=0.0)
    services = make_services(sim)
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.wizard_timing = FAST_TIMING
    window.resize(1280, 720)
    window.show()
    window.attach_services(services)
    activate(qtbot, window)
    qtbot.waitUntil(lambda: window.add_logger_action.shortcut().toString() == "Ctrl+N", timeout=3000)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.isVisible(), timeout=3000)
    assert window.wizard is not None
    h = Harness(sim, services, window.wizard, [0.0])
    logger = wizard_to_found_with_keys(qtbot, h)
    tab_to(qtbot, "configureLoggerButton")
    press(qtbot, Qt.Key.Key_Space)
    view = window.devices_view
    assert view is not None
    qtbot.waitUntil(lambda: view.current_uuid == logger.device_uuid, timeout=15000)
    editor = view.settings_editor
    qtbot.waitUntil(lambda: editor.session is not None and view.detail_status.text() == "", timeout=5000)
    activate(qtbot, window)
    name = tab_to(qtbot, "device_name", limit=60)
    assert focus_is_drawn(qtbot, name)
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, "Vaccine fridge 2")
    apply_button = tab_to(qtbot, "device_settings_apply")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not editor.busy and not apply_button.isEnabled(), timeout=5000)
    assert sim.world.devices[logger.device_uuid]["name"] == "Vaccine fridge 2"  # what the cloud holds
    # Refused: the reason is shown, the typed text stays, Apply can be pressed again.
    sim.add_fault("error_status", route="put_device", status=400, count=1)
    name = tab_to(qtbot, "device_name")
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, "Vaccine fridge 3")
    tab_to(qtbot, "device_settings_apply")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not editor.busy and editor.verdict.text().startswith("Not saved"), timeout=5000)
    assert editor.name_edit.text() == "Vaccine fridge 3" and apply_button.isEnabled()
    assert sim.world.devices[logger.device_uuid]["name"] == "Vaccine fridge 2"
    run(qtbot, window.aclose())


def test_choosing_a_logger_editing_a_setting_and_applying_with_keys_only(qtbot, qloop) -> None:
    harness = make_devices_harness(qtbot)
    view = harness.view
    activate(qtbot, view)
    view.table.setFocus()  # where Tab from the site field leads; the keys start here
    qtbot.waitUntil(lambda: focused() is view.table, timeout=3000)
    press(qtbot, Qt.Key.Key_Down)  # the first logger is selected and opened
    qtbot.waitUntil(lambda: view.current_uuid is not None and view.detail_status.text() == "", timeout=5000)
    editor = view.settings_editor
    qtbot.waitUntil(lambda: editor.session is not None, timeout=5000)
    name = tab_to(qtbot, "device_name")
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, "Vaccine fridge 2")
    apply_button = tab_to(qtbot, "device_settings_apply")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not editor.busy and not apply_button.isEnabled(), timeout=5000)
    device = run(qtbot, harness.client.get_device(SITE, view.current_uuid))
    assert device.name == "Vaccine fridge 2"  # what the server received
    close_harness(qtbot, harness)


def test_the_editors_apply_button_shows_that_it_has_the_keyboard_focus(qtbot, qloop) -> None:
    harness = make_devices_harness(qtbot)
    view = harness.view
    activate(qtbot, view)
    try:
        view.table.setFocus()
        qtbot.waitUntil(lambda: focused() is view.table, timeout=3000)
        press(qtbot, Qt.Key.Key_Down)
        editor = view.settings_editor
        qtbot.waitUntil(lambda: editor.session is not None, timeout=5000)
        name = tab_to(qtbot, "device_name")
        qtbot.keyClicks(name, " 2")  # Apply is enabled once something changed
        assert focus_is_drawn(qtbot, tab_to(qtbot, "device_settings_apply"))
    finally:
        close_harness(qtbot, harness)


def test_tab_leaves_every_list_and_table_of_every_screen(qtbot, qloop, qt_settings, tmp_path) -> None:
    """No keyboard trap (WCAG 2.1.2): Tab from a table goes on to the next control, it does not circle
    through the table's cells; the arrow keys move inside."""
    from PySide6.QtWidgets import QAbstractItemView

    from tests.ui import screen_tour
    from tests.ui.layout_check import made_by_qt

    trapped: list[str] = []

    def visit(window: QWidget, where: str) -> None:
        if made_by_qt(window):
            return  # Qt's own dialogs (print preview)
        views = [
            v
            for v in window.findChildren(QAbstractItemView)
            if v.isVisibleTo(window) and v.isEnabled() and v.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        if not views:
            return
        activate(qtbot, window)
        for view in views:
            view.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(view.hasFocus, timeout=3000)
            press(qtbot, Qt.Key.Key_Tab)
            if focused() is view:
                trapped.append(f"{where}: {view.objectName()}")

    screen_tour.wizard_pages(qtbot, visit, every_device_type=False)
    screen_tour.main_window_and_editor_tabs(qtbot, visit, every_logger=False)
    screen_tour.device_dialogs(qtbot, visit)
    screen_tour.dialogs(qtbot, visit, tmp_path)
    screen_tour.commissioning(qtbot, visit, tmp_path, print_preview=False)
    assert trapped == []


def test_a_conflict_is_chosen_with_keys_only(qtbot) -> None:
    """The conflict dialog: the arrow keys move through the settings, Space opens a setting's
    choice, Tab goes from the table to each choice and on to the buttons (never round the cells)."""
    from saveris_desktop.core.offline.merge import Conflict, Side
    from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog

    dialog = ConflictDialog(
        [
            Conflict(("name",), "Fridge 3", "Vaccine fridge", "Fridge 3 (left)"),
            Conflict(("measuring_cycle",), 300000, 900000, 600000),
        ],
        title="Logger settings — Fridge 3",
        kind="device",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    tab_to(qtbot, "conflictTable")
    press(qtbot, Qt.Key.Key_Down)  # the first setting
    press(qtbot, Qt.Key.Key_Down)  # the second
    assert dialog.table.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_Space)  # opens its choice: Choose…, Mine, From the cloud, As before
    box = dialog.boxes[1]
    qtbot.waitUntil(lambda: box.view().isVisible(), timeout=3000)
    popup = box.view()
    for _ in range(2):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)
    assert box.currentData() == Side.SERVER.value
    # Tab from the table: the first setting's choice, where the arrow keys choose.
    tab_to(qtbot, "conflictTable")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.boxes[0]
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.boxes[0].currentData() == Side.MINE.value
    tab_to(qtbot, "conflictOk")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Space)
    assert dialog.choices() == {("name",): Side.MINE, ("measuring_cycle",): Side.SERVER}
