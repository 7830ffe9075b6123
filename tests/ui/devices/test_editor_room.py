"""Room to work (issue 15): the editors get a laptop screen's height, Apply stays in sight and in
place, nothing scrolls inside something that scrolls, error lines never move the fields, and what a
gloved hand clicks is big enough.

With SAVERIS_EDITOR_SHOTS set, `test_the_editors_on_laptop_screens` keeps its screenshots there
(resources/screenshots/layout-after/ was made that way); without, in a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.devices import DevicesView
from saveris_desktop.ui.style import TARGET_SIZE
from saveris_desktop.ui.ui_state import DEMO_SCOPE, UiState
from saveris_desktop.ui.widgets.error_label import ErrorLabel, reserved_row
from tests.api.payloads import alarm_condition
from tests.ui.cloud_shapes import ShapedSimulator
from tests.ui.devices_harness import (
    FAST_POLL,
    SITE,
    close_harness,
    make_devices_harness,
    open_and_wait,
    run,
)
from tests.ui.editor_room import (
    LONG_NAME,
    DemoWindow,
    make_object,
    nested_scroll_areas,
    open_demo_window,
    save_shot,
    scroll_host,
    usable_height,
    visible_in_window,
)
from tests.ui.user_input import choose, click, type_text

SIZES = [(1366, 768), (1440, 900)]
#: The room the editors' fields had before the redesign (tests/ui/editor_room.usable_height; pictures in
#: resources/screenshots/layout-before/), at 1366×768 and 1440×900: measurement settings 290 and
#: 369 px, logger alarms 281/360, sensor alarms 93/172, a measuring object's alarm limits 27/106
#: (they started below the fold, under the instruction set, in one scroll area with its Apply).
LEAST_SETTINGS_HEIGHT = {(1366, 768): 480, (1440, 900): 600}
LEAST_OBJECT_ALARMS_HEIGHT = {(1366, 768): 240, (1440, 900): 360}


def _open_objects(qtbot, demo: DemoWindow) -> Any:
    view = demo.view
    tab = view.objects_tab
    view.tabs.setCurrentWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: demo.object_uuid in tab.objects, timeout=5000)
    tab.select(demo.object_uuid)
    qtbot.waitUntil(lambda: tab.alarms_editor.session is not None, timeout=5000)
    return tab


def _settle(qtbot) -> None:
    """Run the layout passes a tab switch or a toggle asked for: posted events, not a time span (a
    layout that activates asks its parent's next; a few passes reach the window from any editor)."""
    for _pass in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        QCoreApplication.processEvents()


def _place(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _inner_scrollers(editor: Any) -> list[str]:
    """Scrolling widgets inside the editor's own scroll area: any is scrolling inside scrolling."""
    found = []
    for inner in editor.form.findChildren(QAbstractScrollArea):
        policies = (inner.verticalScrollBarPolicy(), inner.horizontalScrollBarPolicy())
        if any(policy != Qt.ScrollBarPolicy.ScrollBarAlwaysOff for policy in policies):
            found.append(inner.objectName() or type(inner).__name__)
    return found


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_editors_on_laptop_screens(qtbot, qloop, tmp_path: Path, width: int, height: int) -> None:
    demo = open_demo_window(qtbot, width, height)
    view, window = demo.view, demo.window
    folder = Path(os.environ.get("SAVERIS_EDITOR_SHOTS") or tmp_path)
    size = f"{width}x{height}"
    settings = view.settings_editor

    view.tabs.setCurrentIndex(0)
    _settle(qtbot)
    save_shot(window, folder, f"{size}-1-device-settings")
    # The editors' fields get most of the height: the device list is a pane beside them.
    assert usable_height(settings.form) >= LEAST_SETTINGS_HEIGHT[(width, height)]
    assert settings.form_scroll.horizontalScrollBar().maximum() == 0  # nothing hidden to the right
    # The name column shows a technician's logger name in full.
    name_column = view.table.horizontalHeader().logicalIndex(1)
    shown = view.table.columnWidth(name_column)
    assert shown >= view.table.fontMetrics().horizontalAdvance(LONG_NAME) + 6

    # "What will be sent" opens below the fields; Apply stays where it was, in the window.
    apply_before = _place(settings.apply_button, window)
    type_text(qtbot, settings.name_edit, "Fridge 3 - door on the right of the cold store entrance")
    click(qtbot, settings.toggle_changes)
    _settle(qtbot)
    save_shot(window, folder, f"{size}-2-device-settings-what-will-be-sent")
    assert settings.changes.isVisible()
    assert visible_in_window(settings.apply_button, window)
    assert _place(settings.apply_button, window) == apply_before

    view.tabs.setCurrentIndex(2)
    _settle(qtbot)
    save_shot(window, folder, f"{size}-3-alarms")  # the logger's alarms, the sensors' a page beside
    pages = view.alarms_tab.pages
    for index, editor in enumerate((view.alarms_tab.device_editor, view.alarms_tab.sensor_editor)):
        pages.setCurrentIndex(index)
        _settle(qtbot)
        assert usable_height(editor.form) >= LEAST_SETTINGS_HEIGHT[(width, height)] - 80
        bar = editor.form_scroll.verticalScrollBar()
        assert bar.maximum() == 0, f"{editor.objectName()}: its alarm rows need scrolling"
        assert editor.form_scroll.horizontalScrollBar().maximum() == 0
        apply_before = _place(editor.apply_button, window)
        click(qtbot, editor.toggle_changes)
        _settle(qtbot)
        save_shot(window, folder, f"{size}-3{'ab'[index]}-alarms-what-will-be-sent")
        assert visible_in_window(editor.apply_button, window)
        assert _place(editor.apply_button, window) == apply_before
        click(qtbot, editor.toggle_changes)

    tab = _open_objects(qtbot, demo)
    alarms = tab.alarms_editor
    _settle(qtbot)
    assert usable_height(alarms.form) >= LEAST_OBJECT_ALARMS_HEIGHT[(width, height)]
    assert alarms.form_scroll.horizontalScrollBar().maximum() == 0
    type_text(qtbot, alarms.boxes[0].fields[rules.UPPER_ALARM], "10")
    save_shot(window, folder, f"{size}-4-measuring-objects")
    apply_before = _place(alarms.apply_button, window)
    click(qtbot, alarms.toggle_changes)
    _settle(qtbot)
    save_shot(window, folder, f"{size}-5-measuring-objects-what-will-be-sent")
    assert visible_in_window(alarms.apply_button, window)
    assert _place(alarms.apply_button, window) == apply_before

    # One scroll area per editor, none inside another, nothing scrolling inside an editor's fields.
    assert nested_scroll_areas(view.tabs) == []
    for editor in (
        settings,
        view.sensors_tab.editor,
        view.alarms_tab.device_editor,
        view.alarms_tab.sensor_editor,
        tab.instruction_editor,
        alarms,
    ):
        assert isinstance(scroll_host(editor.form), QScrollArea)
        assert _inner_scrollers(editor) == [], editor.objectName()
    demo.close(qtbot)


def test_the_list_and_editor_panes_are_remembered_per_scope(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)  # its view keeps the cloud scope's state
    view = h.view
    qtbot.waitUntil(lambda: view.splitter.sizes()[0] > 0, timeout=3000)
    first = view.splitter.sizes()[0]
    handle = view.splitter.handle(1)
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle + QPoint(120, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle + QPoint(120, 0))
    qtbot.waitUntil(lambda: view.splitter.sizes()[0] > first + 60, timeout=3000)
    dragged = view.splitter.sizes()[0]

    def opened(scope: str) -> DevicesView:
        again = DevicesView(h.services, ui_state=UiState(scope=scope), timing=FAST_POLL)
        qtbot.addWidget(again)
        again.resize(view.size())
        again.show()
        qtbot.waitUntil(lambda: again.splitter.sizes()[0] > 0, timeout=3000)
        return again

    same = opened(view.ui_state.scope)
    assert same.splitter.sizes()[0] == dragged  # the technician's widths, next time
    demo = opened(DEMO_SCOPE)
    assert demo.splitter.sizes()[0] == first  # the demo keeps its own
    for other in (same, demo):
        run(qtbot, other.aclose())
    close_harness(qtbot, h)


def test_an_error_line_appearing_moves_no_field(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE])
    open_and_wait(qtbot, h, h.device_uuids[0])
    editor = h.view.settings_editor
    below = editor.communication.edit
    before = _place(below, editor)
    message_before = _place(editor.measuring.message, editor)

    type_text(qtbot, editor.measuring, "3 weeks")
    assert editor.measuring.message.isVisibleTo(editor)  # the reason is shown, on its reserved line
    assert _place(below, editor) == before  # the field under the pointer did not jump
    assert _place(editor.measuring.message, editor) == message_before
    type_text(qtbot, editor.measuring, "10 min")
    assert not editor.measuring.message.isVisibleTo(editor)
    assert _place(below, editor) == before

    # A message on a row of its own (the name's, the cycles' order) keeps its line free as well.
    measuring_place = _place(editor.measuring.edit, editor)
    type_text(qtbot, editor.name_edit, "")
    assert editor.name_message.isVisibleTo(editor)
    assert _place(editor.measuring.edit, editor) == measuring_place
    type_text(qtbot, editor.name_edit, "Fridge 3")
    type_text(qtbot, editor.measuring, "30 min")
    last_field = _place(editor.communication.edit, editor)
    after_order = _place(editor.order_message, editor)
    type_text(qtbot, editor.communication, "20 min")  # sends more often than it measures
    assert editor.order_message.isVisibleTo(editor)
    assert _place(editor.order_message, editor) == after_order
    assert _place(editor.communication.edit, editor) == last_field
    close_harness(qtbot, h)


def test_an_error_label_keeps_its_line_free_in_any_form(qtbot) -> None:
    """The wizard's and dialogs' error lines (ErrorLabel) reserve their line as the editors' do."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    error = ErrorLabel("error", host)
    below = QLineEdit(host)
    layout.addWidget(error)
    layout.addWidget(below)
    layout.addStretch(1)
    host.resize(400, 200)
    host.show()
    qtbot.waitExposed(host)
    before = _place(below, host)
    error.show_message("The server does not know this user name.")
    QApplication.processEvents()
    assert error.isVisible() and _place(below, host) == before
    error.clear_message()
    QApplication.processEvents()
    assert not error.isVisible() and _place(below, host) == before


def test_a_long_message_on_a_reserved_form_row_takes_the_lines_its_width_needs(qtbot) -> None:
    """A message that fits a wide form on one line takes one line: the row once grew by the lines
    the label's own narrow size hint wrapped it into, and moved the field below."""
    host = QWidget()
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    hint = QLabel("Type a new name; sites you use are offered here next time.", host)
    hint.setWordWrap(True)
    error = ErrorLabel("error", host)
    below = QLineEdit(host)
    form.addRow("Site", QLineEdit(host))
    form.addRow("", reserved_row(hint, error))
    form.addRow("Timezone", below)
    column.addLayout(form)
    column.addStretch(1)
    host.resize(860, 400)
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()  # the layout settled at the window's width
    before = _place(below, host)
    error.show_message(
        "The name has 80 characters; a site name has at most 64: shorten it from position 65 on."
    )
    QApplication.processEvents()
    assert error.isVisible() and error.height() == error.fontMetrics().height()
    assert _place(below, host) == before


def test_what_is_wrong_with_the_servers_values_shows_after_the_first_edit(qtbot, qloop) -> None:
    sim = ShapedSimulator()
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY], sim=sim)
    open_and_wait(qtbot, h, h.device_uuids[0])
    h.view.tabs.setCurrentWidget(h.view.objects_tab)
    obj = make_object(qtbot, h)
    temperature_uuid = next(c.uuid for c in obj.logical_channels if c.physical_value_id == "PV_TEMPERATURE")
    # The cloud holds a lower alarm above the upper one (set elsewhere, e.g. in testo's web app).
    sim.cloud.stored[f"/measuring-objects/{obj.uuid}/alarm-configuration"] = {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": temperature_uuid,
                "measurementAlarmConditionSet": [
                    {
                        "measurementAlarmConditions": [
                            alarm_condition("Lower limit", "Alarm", 9),
                            alarm_condition("Upper limit", "Alarm", 4),
                        ]
                    }
                ],
            }
        ]
    }
    tab = h.view.objects_tab
    tab.reload()
    qtbot.waitUntil(lambda: obj.uuid in tab.objects, timeout=5000)
    tab.select(obj.uuid or "")
    editor = tab.alarms_editor
    qtbot.waitUntil(
        lambda: editor.session is not None and bool(editor.session.base.get("channel_alarm_configurations")),
        timeout=5000,
    )
    box = editor.boxes[0]
    upper = box.fields[rules.UPPER_ALARM]  # where the rule "upper above lower" speaks
    assert upper.text() == "4"
    # Untouched: no red line greets the technician, though Apply would not accept these values.
    assert not upper.message.isVisibleTo(editor)
    assert not editor.valid

    type_text(qtbot, box.fields[rules.HYSTERESIS], "1")  # the first edit, in another field
    assert upper.message.isVisibleTo(editor)
    assert "above the lower alarm" in upper.message.text()
    assert not editor.apply_button.isEnabled()

    click(qtbot, editor.revert_button)  # back to the server's values: untouched again
    assert not upper.message.isVisibleTo(editor)
    close_harness(qtbot, h)


def test_glove_sized_targets(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)
    view = h.view
    open_and_wait(qtbot, h, h.device_uuids[0])
    view.tabs.setCurrentWidget(view.alarms_tab)
    editor = view.alarms_tab.device_editor
    qtbot.waitUntil(lambda: bool(editor.rows), timeout=5000)
    row = next(iter(editor.rows.values()))
    box = row.enabled
    assert box.height() >= TARGET_SIZE
    # A click near the bottom right of its row, far from the small square and the text, toggles it.
    was = box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 3, box.height() - 3))
    assert box.isChecked() is not was
    assert editor.dirty
    assert row.severity.height() >= TARGET_SIZE and row.delay.edit.height() >= TARGET_SIZE
    assert editor.apply_button.height() >= TARGET_SIZE and editor.revert_button.height() >= TARGET_SIZE
    assert view.table.rowHeight(0) >= TARGET_SIZE
    close_harness(qtbot, h)


def test_the_main_actions_by_keyboard(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot)
    view = h.view
    view.window().activateWindow()
    open_and_wait(qtbot, h, h.device_uuids[0])
    editor = view.settings_editor
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the first editor tab
    assert view.tabs.currentIndex() == 0
    type_text(qtbot, editor.name_edit, "Vaccine fridge 2")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert editor.changes.isVisibleTo(editor)  # "What will be sent"
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Apply
    qtbot.waitUntil(lambda: not editor.busy and not editor.dirty, timeout=5000)
    device = run(qtbot, h.client.get_device(SITE, h.device_uuids[0]))
    assert device.name == "Vaccine fridge 2"  # what the server received

    type_text(qtbot, editor.name_edit, "typo")
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_R, shift_ctrl)  # Revert
    assert editor.name_edit.text() == "Vaccine fridge 2" and not editor.dirty

    qtbot.keyClick(editor.name_edit, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentWidget() is view.alarms_tab
    qtbot.keyClick(view.alarms_tab, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert view.table.hasFocus() or view.focusWidget() is view.table
    close_harness(qtbot, h)


@pytest.mark.skipif(
    not os.environ.get("SAVERIS_README_SHOTS"), reason="makes the README's pictures on request"
)
def test_the_readme_picture_of_the_editors(qtbot, qloop, qapp) -> None:
    """SAVERIS_README_SHOTS=resources/screenshots: the README's picture of the device list, the
    editors and the virtual logger panel, as a technician sees them on a 1366×768 laptop."""
    from saveris_desktop.ui import plurals

    english = plurals.install(qapp)  # as the app does: "5 loggers", not "5 logger(s)"
    names = ("Kühlraum 3 – Tür links", "Vaccine fridge 2", "Freezer – back room", "Store room climate")
    kinds = (
        LoggerKind.QSR_TEMPERATURE_HUMIDITY,
        LoggerKind.SAVERIS2,
        LoggerKind.QSR_TEMPERATURE,
        LoggerKind.QSR_TEMPERATURE_HUMIDITY,
        LoggerKind.GATEWAY_164,
    )
    demo = open_demo_window(qtbot, 1366, 768, kinds, names)
    tab = _open_objects(qtbot, demo)
    box = tab.alarms_editor.boxes[0]
    choose(qtbot, box.preset, data="fridge")
    qtbot.waitUntil(lambda: tab.alarms_editor.dirty, timeout=3000)
    _settle(qtbot)
    save_shot(demo.window, Path(os.environ["SAVERIS_README_SHOTS"]), "devices-and-virtual-logger")
    demo.close(qtbot)
    qapp.removeTranslator(english)
