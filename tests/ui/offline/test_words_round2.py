"""The last words left in English or raw: the result of a sending and durations in German, names in the
draft's conflict dialog, the status bar's plain count of choices to make, and an open editor that
follows an import which replaced its draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui import i18n, plurals
from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog
from saveris_desktop.ui.offline.integration import install_offline
from saveris_desktop.ui.offline.pending_dialog import PendingChangesDialog
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.offline.test_plain_words import _fridge_with_limits
from tests.ui.user_input import click, type_text


@pytest.fixture
def german(qapp: QApplication) -> Iterator[str]:
    """The app's translations installed as app.py does on a German computer; English again after."""
    default = QLocale()
    code = i18n.install(qapp, i18n.SYSTEM, system=QLocale("de_DE"))
    try:
        yield code
    finally:
        i18n.install(qapp, i18n.SOURCE_LANGUAGE, system=QLocale("en_US"))
        QLocale.setDefault(default)


@pytest.fixture
def setup(qtbot: Any, qloop: Any, tmp_path: Path) -> Any:
    harness = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE], offline_db=tmp_path / "db.sqlite3")
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, harness.work, devices_view=harness.view)
    window.show()
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    yield harness, integration
    close_harness(qtbot, harness)


def _conflict_on_the_name(qtbot: Any, harness: Any, number: int = 0) -> Any:
    """A colleague renamed the logger in the cloud while this laptop's rename waited: a conflict."""
    client, work = harness.client, harness.work
    device = run(qtbot, client.get_device(SITE, harness.device_uuids[number]))
    base = device.to_payload()
    run(qtbot, client.put_device(SITE, device.with_changes(name="Colleague")))
    engine = work.engine
    item = run(
        qtbot,
        engine.outbox.enqueue(work.endpoint, SITE, "device", device.uuid, {**base, "name": "Mine"}, base),
    )
    run(qtbot, engine.sync_now())
    return item


def test_the_result_of_a_sending_reads_german(qtbot: Any, german: str, setup: Any) -> None:
    harness, integration = setup
    _conflict_on_the_name(qtbot, harness)
    integration.pending_action.trigger()  # Offline → Changes waiting for the cloud
    pending = integration.dialogs["pending"]

    def said() -> bool:
        first = pending.results.item(0)
        return first is not None and "Wahl" in first.text()

    qtbot.waitUntil(said, timeout=5000)
    line = pending.results.item(0).text()
    assert line.endswith(
        "braucht Ihre Wahl (1 Feld wurde auch in der Cloud geändert: wählen Sie, welcher Wert bleibt.)"
    ), line
    assert "changed in the cloud" not in line
    click(qtbot, pending.close_button)


def test_what_will_be_sent_writes_durations_as_the_locale_does(qtbot: Any, german: str, setup: Any) -> None:
    harness, _integration = setup
    obj = _fridge_with_limits(qtbot, harness, "Fridge 3")
    tab = harness.view.objects_tab
    tab.reload()
    qtbot.waitUntil(lambda: obj.uuid in tab.objects, timeout=5000)
    tab.select(obj.uuid)
    editor = tab.alarms_editor
    qtbot.waitUntil(lambda: editor.session is not None and bool(editor.boxes), timeout=5000)
    [temperature] = editor.boxes
    qtbot.waitUntil(lambda: temperature.fields[rules.UPPER_ALARM].text() == "8", timeout=5000)

    temperature.delay.edit.clear()
    type_text(qtbot, temperature.delay.edit, "1,5 s")
    click(qtbot, editor.toggle_changes)
    click(qtbot, editor.changes.technical_toggle)
    tree = editor.changes.tree
    shown = []
    for index in range(tree.topLevelItemCount()):
        stack = [tree.topLevelItem(index)]
        while stack:
            row = stack.pop()
            shown.append(" | ".join(row.text(column) for column in range(3)))
            stack.extend(row.child(child) for child in range(row.childCount()))
    delays = [line for line in shown if "1500" in line]
    assert delays and all("1500 (1,5 s)" in line for line in delays), shown


@pytest.fixture
def english_plurals(qapp: QApplication) -> Iterator[None]:
    """ "1 change", not "1 change(s)": the English plural forms app.py installs."""
    translator = plurals.install(qapp)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def test_the_status_bar_says_a_choice_is_needed_and_a_click_opens_it(
    qtbot: Any, english_plurals: None, setup: Any
) -> None:
    harness, integration = setup
    button = integration.status_widget.pending_button
    _conflict_on_the_name(qtbot, harness)
    qtbot.waitUntil(lambda: button.text() == "⚠ Needs your choice: 1 change", timeout=5000)
    assert "Choose which values to keep" in button.toolTip()

    click(qtbot, button)
    qtbot.waitUntil(lambda: "editor-conflict" in integration.dialogs, timeout=5000)
    dialog = integration.dialogs["editor-conflict"]
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert (
        "Colleague" in dialog.windowTitle()
        or "Colleague" in dialog.findChild(type(dialog.table)).item(0, 2).text()
    )
    assert "pending" not in integration.dialogs  # straight to the choice, not through the list
    dialog.reject()
    qtbot.waitUntil(lambda: "editor-conflict" not in integration.dialogs, timeout=3000)

    # with the keyboard: the button takes focus and Space presses it
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    window = button.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus, timeout=3000)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "editor-conflict" in integration.dialogs, timeout=5000)
    integration.dialogs["editor-conflict"].reject()


def test_with_two_choices_the_status_bar_opens_the_waiting_changes(
    qtbot: Any, qloop: Any, german: str, tmp_path: Path
) -> None:
    harness = make_devices_harness(
        qtbot, [LoggerKind.QSR_TEMPERATURE, LoggerKind.QSR_TEMPERATURE], offline_db=tmp_path / "db.sqlite3"
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, harness.work, devices_view=harness.view)
    window.show()
    try:
        button = integration.status_widget.pending_button
        _conflict_on_the_name(qtbot, harness, 0)
        _conflict_on_the_name(qtbot, harness, 1)
        qtbot.waitUntil(lambda: button.text() == "⚠ Ihre Wahl ist nötig: 2 Änderungen", timeout=5000)
        click(qtbot, button)
        qtbot.waitUntil(lambda: "pending" in integration.dialogs, timeout=5000)
        assert isinstance(integration.dialogs["pending"], PendingChangesDialog)
        assert "editor-conflict" not in integration.dialogs
        integration.dialogs["pending"].close()
    finally:
        close_harness(qtbot, harness)
