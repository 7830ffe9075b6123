"""The last words left in English or raw: the result of a sending and durations in German, names in the
draft's conflict dialog, the status bar's plain count of choices to make, and an open editor that
follows an import which replaced its draft."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from saveris_desktop.api.models import MeasurementAlarmConfiguration
from saveris_desktop.core.offline.drafts import DraftKey
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui import plurals
from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog
from saveris_desktop.ui.offline.integration import install_offline
from saveris_desktop.ui.offline.pending_dialog import PendingChangesDialog
from tests.core.offline.exchange_documents import exchange_document
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.offline.test_plain_words import _fridge_with_limits, open_fridge_limits
from tests.ui.user_input import click, type_text


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
    _obj, editor, temperature = open_fridge_limits(qtbot, harness, "Fridge 3")

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


def _with_upper_alarm(config: dict[str, Any], value: float) -> dict[str, Any]:
    changed = copy.deepcopy(config)
    channel = changed["channel_alarm_configurations"][0]
    channel["measurementAlarmConditionSet"][0]["measurementAlarmConditions"][3]["limitValue"] = value
    return changed


def test_a_saved_draft_that_conflicts_names_the_object_and_its_channel(qtbot: Any, setup: Any) -> None:
    harness, integration = setup
    client, work = harness.client, harness.work
    obj = _fridge_with_limits(qtbot, harness, "Fridge 3")
    config = run(qtbot, client.get_measuring_object_alarm_configuration(SITE, obj.uuid)).to_payload()
    # typed here before (upper alarm 10 °C), while a colleague set 12 °C in the cloud
    key = DraftKey(work.endpoint, SITE, "measurement_alarms", obj.uuid)
    run(qtbot, work.drafts.save(key, _with_upper_alarm(config, 10), base=config))
    server = MeasurementAlarmConfiguration.model_validate(_with_upper_alarm(config, 12))
    run(qtbot, client.put_measuring_object_alarm_configuration(SITE, obj.uuid, server))

    tab = harness.view.objects_tab
    tab.reload()
    qtbot.waitUntil(lambda: obj.uuid in tab.objects, timeout=5000)
    tab.select(obj.uuid)
    qtbot.waitUntil(lambda: "draft-conflict" in integration.dialogs, timeout=5000)
    dialog = integration.dialogs["draft-conflict"]
    assert dialog.table.item(0, 0).text() == "Alarm limits of Temperature"  # not "channel …1a2b"
    assert dialog.table.item(0, 1).text().endswith("alarm above 10 °C, after 15 min")
    assert dialog.table.item(0, 2).text().endswith("alarm above 12 °C, after 15 min")
    intro = dialog.findChild(QLabel, "conflictIntro")
    assert intro.text().startswith("Your saved draft (Measurement alarms — Fridge 3)"), intro.text()
    dialog.reject()


def test_an_open_editor_takes_the_draft_an_import_replaced(qtbot: Any, setup: Any, tmp_path: Path) -> None:
    harness, integration = setup
    work, uuid = harness.work, harness.device_uuids[0]
    editor = harness.view.settings_editor
    key = DraftKey(work.endpoint, SITE, "device", uuid)
    type_text(qtbot, editor.name_edit, "Mine")
    run(qtbot, integration.editor_drafts.flush_all())  # what the idle second does
    assert run(qtbot, work.drafts.get(key)).mine["name"] == "Mine"
    base = editor.session.base
    colleague = exchange_document(
        drafts=[
            {
                **exchange_document()["drafts"][0],
                **dict(zip(("endpoint", "site", "kind", "object_id"), key.as_tuple(), strict=True)),
                "base": base,
                "mine": {**base, "name": "Colleague", "measuring_cycle": 900000},
            }
        ]
    )
    file = tmp_path / "colleague.saveris.json"
    file.write_text(json.dumps(colleague), encoding="utf-8")

    integration.exchange.import_from(file)
    qtbot.waitUntil(lambda: integration.exchange.choices_dialog is not None, timeout=5000)
    choices = integration.exchange.choices_dialog
    row = choices.table.item(0, 0)
    qtbot.mouseClick(
        choices.table.viewport(), Qt.MouseButton.LeftButton, pos=choices.table.visualItemRect(row).center()
    )
    click(qtbot, choices.replace_button)
    qtbot.waitUntil(lambda: editor.name_edit.text() == "Colleague", timeout=5000)
    assert editor.measuring.edit.text() == "15 min"
    assert editor.session.payload()["name"] == "Colleague"

    # the next edit keeps the file's values: it is saved on top of them, not over them
    type_text(qtbot, editor.communication.edit, "30 min")
    run(qtbot, integration.editor_drafts.flush_all())
    stored = run(qtbot, work.drafts.get(key))
    assert stored.mine["name"] == "Colleague" and stored.mine["measuring_cycle"] == 900000
    assert stored.mine["communication_cycle"] == 1_800_000
    click(qtbot, choices.close_button)


def test_reasons_kept_in_the_outbox_and_the_audit_log_read_german(
    qtbot: Any, german: str, setup: Any
) -> None:
    """Stored as English text (no migration); shown translated when they are the sync's own."""
    harness, integration = setup
    client, work = harness.client, harness.work
    item = _conflict_on_the_name(qtbot, harness)
    stored = run(qtbot, work.outbox.get(item.id)).message
    assert stored == "1 field was changed in the cloud as well: choose which value to keep."
    assert type(stored) is str  # read back from the database: only the English text is there

    integration.pending_action.trigger()
    pending = integration.dialogs["pending"]
    qtbot.waitUntil(lambda: pending.tree.topLevelItemCount() == 1, timeout=5000)
    details = "1 Feld wurde auch in der Cloud geändert: wählen Sie, welcher Wert bleibt."
    assert pending.tree.topLevelItem(0).text(4) == details
    assert pending.tree.topLevelItem(0).toolTip(4) == details
    click(qtbot, pending.close_button)

    # a change the cloud had already: the audit log says why it was not sent again
    device = run(qtbot, client.get_device(SITE, harness.device_uuids[0]))
    base = device.to_payload()
    run(qtbot, client.put_device(SITE, device.with_changes(measuring_cycle=900000)))
    engine = work.engine
    run(qtbot, engine.outbox.discard(item.id))
    run(
        qtbot,
        engine.outbox.enqueue(
            work.endpoint, SITE, "device", device.uuid, {**base, "measuring_cycle": 900000}, base
        ),
    )
    run(qtbot, engine.sync_now())
    integration.audit_action.trigger()
    audit = integration.dialogs["audit"]
    qtbot.waitUntil(lambda: audit.model.rowCount() == 1, timeout=5000)
    result = audit.model.index(0, audit.model.columnCount() - 1).data()
    assert result == "Schon in der Cloud — Bereits auf dem Server; nicht erneut gesendet.", result
    audit.close()
