"""Device, sensor and alarm editors against the in-process simulator: round trips and validation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.devices.fields import refill_keeping_choice
from saveris_desktop.ui.devices.focus import focusable_descendants
from tests.ui.devices_harness import (
    SITE,
    apply_and_wait,
    close_harness,
    make_devices_harness,
    open_and_wait,
    run,
)
from tests.ui.user_input import choose, click, set_checked, type_text

#: Fields the server sets itself on every write; everything else must come back exactly as sent.
SERVER_STAMPS = {"last_modified", "updated_at"}


def _without_stamps(payload: dict) -> dict:
    return {k: v for k, v in payload.items() if k not in SERVER_STAMPS}


@pytest.fixture
def harness(qtbot, qloop):
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2])
    open_and_wait(qtbot, h, h.device_uuids[0])
    yield h
    close_harness(qtbot, h)


# --- measurement settings --------------------------------------------------------------------


def test_device_settings_round_trip_keeps_unknown_fields(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    uuid = harness.device_uuids[0]
    before = run(qtbot, harness.client.get_device(SITE, uuid)).to_payload()
    assert {
        "product_type",
        "connection",
        "hardware_revision",
    } <= before.keys()  # fields the app does not model

    type_text(qtbot, editor.name_edit, "Vaccine fridge 2")
    type_text(qtbot, editor.measuring, "10 min")
    type_text(qtbot, editor.communication, "1 h")
    assert editor.status_label.text() == "● Unsaved changes"
    sent = editor.session.payload()
    apply_and_wait(qtbot, editor)

    assert "accepted" in editor.verdict.text()
    assert not editor.dirty
    after = run(qtbot, harness.client.get_device(SITE, uuid)).to_payload()
    assert _without_stamps(after) == _without_stamps(sent)
    assert (after["name"], after["measuring_cycle"], after["communication_cycle"]) == (
        "Vaccine fridge 2",
        600_000,
        3_600_000,
    )
    assert after["capability"]["memory_size_values"] == before["capability"]["memory_size_values"]
    assert editor.measuring.text() == "10 min"


def test_measuring_cycle_below_capability_is_refused_with_the_range(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    type_text(qtbot, editor.measuring, "30 s")
    assert editor.measuring.problem() == "30 s is outside the allowed range 1 min … 24 h."
    assert editor.measuring.message.isVisibleTo(editor)
    assert not editor.apply_button.isEnabled()
    assert editor.measuring.text() == "30 s"  # what was typed stays


def test_communication_cycle_above_capability_is_refused(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    type_text(qtbot, editor.communication, "2 days")
    assert "5 min … 24 h" in editor.communication.problem()
    assert not editor.apply_button.isEnabled()


def test_a_duration_that_is_not_one_is_refused(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    type_text(qtbot, editor.measuring, "often")
    assert "not a duration" in editor.measuring.problem()
    assert "1 min … 24 h" in editor.measuring.problem()
    assert not editor.apply_button.isEnabled()


def test_a_bare_number_asks_for_its_unit_and_sends_nothing(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    type_text(qtbot, editor.measuring, "30")  # 30 s or 30 min? The field asks instead of guessing.
    assert "'30' has no unit; write it like 5 min, 15 min or 1 h." in editor.measuring.problem()
    assert not editor.apply_button.isEnabled() and not editor.dirty


def test_communication_shorter_than_measuring_is_refused(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    type_text(qtbot, editor.measuring, "30 min")
    type_text(qtbot, editor.communication, "10 min")
    assert "cannot be shorter than the measuring cycle (30 min)" in editor.order_message.text()
    assert not editor.apply_button.isEnabled()
    type_text(qtbot, editor.communication, "1 h")
    assert editor.apply_button.isEnabled()


def test_empty_name_is_refused(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    type_text(qtbot, editor.name_edit, "  ")
    assert editor.name_message.text().startswith("Give the logger a name")
    assert not editor.apply_button.isEnabled()


def test_apply_needs_a_change_and_revert_restores_the_server_values(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    assert not editor.apply_button.isEnabled() and not editor.revert_button.isEnabled()
    type_text(qtbot, editor.measuring, "5 min")  # the value it already has
    assert not editor.dirty and not editor.apply_button.isEnabled()
    type_text(qtbot, editor.measuring, "10 min")
    assert editor.apply_button.isEnabled()
    click(qtbot, editor.revert_button)
    assert not editor.dirty
    assert editor.measuring.text() == "5 min"


def test_what_will_be_sent_speaks_plainly_and_shows_the_request_only_on_request(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    type_text(qtbot, editor.measuring, "10 min")
    type_text(qtbot, editor.name_edit, "Fridge 3a")
    click(qtbot, editor.toggle_changes)
    view = editor.changes
    plain = [view.plain.item(i).text() for i in range(view.plain.count())]
    old_name = harness.view.model.device(harness.device_uuids[0]).name
    assert plain == [f"Logger name: {old_name} → Fridge 3a", "Measuring cycle: 5 min → 10 min"]
    assert view.plain.isVisible()
    # The request and the JSON are there for support, behind the toggle only.
    assert not view.request_line.isVisible() and not view.body.isVisible() and not view.tree.isVisible()
    assert view.technical_toggle.objectName() == "device_settings_technical"
    assert view.technical_toggle.accessibleName() == "Technical details"
    click(qtbot, view.technical_toggle)
    assert view.body.isVisible() and view.request_line.isVisible()
    tree = view.tree
    rows = [[tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())]
    assert ["measuring_cycle", "300000 (5 min)", "600000 (10 min)"] in rows
    assert view.request_line.text().startswith(f"PUT /devices/{harness.device_uuids[0]}")
    import json

    assert json.loads(view.body.toPlainText()) == editor.session.payload()
    assert '"product_type"' in view.body.toPlainText()  # unknown fields are part of the body
    click(qtbot, view.technical_toggle)
    assert not view.body.isVisible() and view.plain.isVisible()


def test_server_refusal_shows_its_reason_and_keeps_the_edit(qtbot, harness) -> None:
    editor = harness.view.settings_editor
    harness.sim.add_fault("error_status", route="put_device", status=400, count=1)
    type_text(qtbot, editor.measuring, "10 min")
    apply_and_wait(qtbot, editor)
    assert editor.verdict.text().startswith("Not saved — your changes are still here.")
    assert editor.verdict.isVisibleTo(editor)
    assert editor.measuring.text() == "10 min"
    assert editor.dirty and editor.apply_button.isEnabled()  # try again when ready
    apply_and_wait(qtbot, editor)
    assert "accepted" in editor.verdict.text()


def test_server_reason_from_a_real_rule_is_shown(qtbot, harness) -> None:
    """The simulator checks capability ranges too; a client that let 1 s through would see this reason."""
    from saveris_desktop.api.errors import RequestValidationError

    device = run(qtbot, harness.client.get_device(SITE, harness.device_uuids[0]))
    with pytest.raises(RequestValidationError) as refused:
        run(qtbot, harness.client.put_device(SITE, device.with_changes(measuring_cycle=1000)))
    editor = harness.view.settings_editor
    editor._refused(refused.value)
    assert "measuring_cycle must be between" in editor.verdict.text()


# --- sensors ---------------------------------------------------------------------------------


def test_sensor_round_trip_name_unit_offset(qtbot, harness) -> None:
    tab = harness.view.sensors_tab
    editor = tab.editor
    assert tab.picker.count() == 1
    uuid = tab.picker.currentData()
    before = run(qtbot, harness.client.get_sensor(SITE, uuid)).to_payload()
    type_text(qtbot, editor.name_edit, "Fridge probe")
    row = editor.rows[0]
    choose(qtbot, row.unit, data="PU_DEGREE_FAHRENHEIT")
    type_text(qtbot, row.offset, "0,5")
    type_text(qtbot, editor.rows[1].name, "Air humidity")
    sent = editor.session.payload()
    apply_and_wait(qtbot, editor)
    assert "accepted" in editor.verdict.text()

    after = run(qtbot, harness.client.get_sensor(SITE, uuid)).to_payload()
    assert _without_stamps(after) == _without_stamps(sent)
    assert after["name"] == "Fridge probe"
    assert after["channels"][0]["physical_unit_id"] == "PU_DEGREE_FAHRENHEIT"
    assert after["channels"][0]["offset"] == 0.5
    assert after["channels"][1]["name"] == "Air humidity"
    assert after["calibration"] == before["calibration"]  # not shown by the UI, kept
    assert after["channels"][0]["measuring_range"] == before["channels"][0]["measuring_range"]


def test_sensor_offset_out_of_range_is_refused(qtbot, harness) -> None:
    editor = harness.view.sensors_tab.editor
    type_text(qtbot, editor.rows[0].offset, "11")
    assert editor.rows[0].offset.problem() == "Allowed: -10 °C … 10 °C"
    assert not editor.apply_button.isEnabled()
    type_text(qtbot, editor.rows[0].offset, "abc")
    assert "not a number" in editor.rows[0].offset.problem()


def test_switching_celsius_to_fahrenheit_converts_the_offset_as_a_difference(qtbot, harness) -> None:
    editor = harness.view.sensors_tab.editor
    uuid = harness.view.sensors_tab.picker.currentData()
    row = editor.rows[0]
    choose(qtbot, row.unit, data="PU_DEGREE_CELSIUS")
    type_text(qtbot, row.offset, "1")
    choose(qtbot, row.unit, data="PU_DEGREE_FAHRENHEIT")
    # 1 °C more is 1.8 °F more (33.8 °F would be the reading 1 °C; "1" left alone would mean 0.56 °C)
    assert row.offset.edit.text() == "1.8" and row.offset.hint.text() == "°F"
    assert editor.session.get(("channels", 0, "offset")) == 1.8
    type_text(qtbot, row.offset, "18")  # the range speaks °F too: 10 °C is 18 °F
    assert row.offset.problem() == ""
    type_text(qtbot, row.offset, "19")
    assert row.offset.problem() == "Allowed: -18 °F … 18 °F"
    type_text(qtbot, row.offset, "-0,9")
    choose(qtbot, row.unit, data="PU_DEGREE_CELSIUS")
    assert row.offset.edit.text() == "-0.5"
    choose(qtbot, row.unit, data="PU_DEGREE_FAHRENHEIT")
    apply_and_wait(qtbot, editor)
    after = run(qtbot, harness.client.get_sensor(SITE, uuid)).to_payload()
    assert after["channels"][0]["physical_unit_id"] == "PU_DEGREE_FAHRENHEIT"
    assert after["channels"][0]["offset"] == -0.9


def test_switching_the_unit_keeps_an_offset_typed_but_not_valid_yet(qtbot, harness) -> None:
    editor = harness.view.sensors_tab.editor
    row = editor.rows[0]
    choose(qtbot, row.unit, data="PU_DEGREE_CELSIUS")
    type_text(qtbot, row.offset, "1")
    type_text(qtbot, row.offset, "1,2x")  # being typed: not a number yet
    assert "not a number" in row.offset.problem()
    choose(qtbot, row.unit, data="PU_DEGREE_FAHRENHEIT")
    assert row.offset.edit.text() == "1,2x" and "not a number" in row.offset.problem()  # nothing lost
    assert row.offset.hint.text() == "°F" and not editor.apply_button.isEnabled()


# --- alarms ----------------------------------------------------------------------------------


def test_device_alarms_round_trip_and_only_supported_kinds(qtbot, harness) -> None:
    editor = harness.view.alarms_tab.device_editor
    uuid = harness.device_uuids[0]
    # A QSR logger has no external power supply, so that alarm is not offered.
    assert set(editor.rows) == {"BATTERY_LOW", "CONNECTION_TIMEOUT"}
    set_checked(qtbot, editor.rows["BATTERY_LOW"].enabled, False)
    timeout = editor.rows["CONNECTION_TIMEOUT"]
    choose(qtbot, timeout.severity, data="ASV_WARNING")
    type_text(qtbot, timeout.delay, "2 h")
    sent = editor.session.payload()
    apply_and_wait(qtbot, editor)
    assert "accepted" in editor.verdict.text()
    after = run(qtbot, harness.client.get_device_alarm_configuration(SITE, uuid)).to_payload()
    assert after["alarms"] == sent["alarms"]
    by_kind = {a["alarm_type"]: a for a in after["alarms"]}
    assert by_kind["BATTERY_LOW"]["enabled"] is False
    assert by_kind["CONNECTION_TIMEOUT"] == {
        "alarm_type": "CONNECTION_TIMEOUT",
        "enabled": True,
        "severity": "ASV_WARNING",
        "delay": 7_200_000,
    }


def test_alarm_delay_too_long_is_refused(qtbot, harness) -> None:
    editor = harness.view.alarms_tab.device_editor
    type_text(qtbot, editor.rows["CONNECTION_TIMEOUT"].delay, "25 h")
    assert "0 s … 24 h" in editor.rows["CONNECTION_TIMEOUT"].delay.problem()
    assert not editor.apply_button.isEnabled()


def test_switching_off_an_alarm_with_a_wrong_delay_does_not_block_apply(qtbot, harness) -> None:
    editor = harness.view.alarms_tab.device_editor
    row = editor.rows["CONNECTION_TIMEOUT"]
    alarms_before = editor.session.get(("alarms",))
    type_text(qtbot, row.delay, "3 days")
    assert not editor.apply_button.isEnabled()
    set_checked(qtbot, row.enabled, False)  # the delay field greys out: its problem cannot block Apply
    assert not row.delay.isEnabled() and not row.delay.message.isVisibleTo(editor)
    assert editor.apply_button.isEnabled(), editor.problems()
    assert row.delay.text() == "3 days"  # what was typed stays
    set_checked(qtbot, row.enabled, True)
    assert "0 s … 24 h" in row.delay.message.text() and row.delay.message.isVisibleTo(editor)
    assert not editor.apply_button.isEnabled()
    set_checked(qtbot, row.enabled, False)
    apply_and_wait(qtbot, editor)
    uuid = harness.device_uuids[0]
    after = run(qtbot, harness.client.get_device_alarm_configuration(SITE, uuid)).to_payload()
    [timeout] = [a for a in after["alarms"] if a["alarm_type"] == "CONNECTION_TIMEOUT"]
    [before] = [a for a in alarms_before if a["alarm_type"] == "CONNECTION_TIMEOUT"]
    assert timeout["enabled"] is False and timeout["delay"] == before["delay"]  # the last valid delay


def test_sensor_alarms_round_trip(qtbot, harness) -> None:
    tab = harness.view.alarms_tab
    editor = tab.sensor_editor
    sensor_uuid = tab.sensor_picker.currentData()
    assert set(editor.rows) == {"SENSOR_BROKEN", "CALIBRATION_OVERDUE"}  # wired sensor: no battery
    set_checked(qtbot, editor.rows["CALIBRATION_OVERDUE"].enabled, False)
    type_text(qtbot, editor.rows["SENSOR_BROKEN"].delay, "5 min")
    sent = editor.session.payload()
    apply_and_wait(qtbot, editor)
    after = run(qtbot, harness.client.get_sensor_alarm_configuration(SITE, sensor_uuid)).to_payload()
    assert after["alarms"] == sent["alarms"]
    assert {a["alarm_type"]: a["delay"] for a in after["alarms"]}["SENSOR_BROKEN"] == 300_000


def test_editors_keep_edits_per_device(qtbot, harness) -> None:
    view = harness.view
    type_text(qtbot, view.settings_editor.measuring, "10 min")
    open_and_wait(qtbot, harness, harness.device_uuids[1])
    assert not view.settings_editor.dirty
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    assert view.settings_editor.dirty
    assert view.settings_editor.measuring.text() == "10 min"


def test_every_change_reaches_the_drafts_hook(qtbot, harness) -> None:
    seen: list[tuple[str, bool]] = []
    harness.view.sig_session_changed.connect(lambda session: seen.append((session.key, session.dirty)))
    type_text(qtbot, harness.view.settings_editor.measuring, "10 min")
    assert (f"device:{harness.device_uuids[0]}", True) in seen


def test_answer_lands_in_the_session_it_was_sent_for(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.GATEWAY_164])
    open_and_wait(qtbot, h, h.device_uuids[0])
    tab = h.view.sensors_tab
    qtbot.waitUntil(lambda: tab.picker.count() == 2, timeout=5000)
    editor = tab.editor
    first = editor.session
    type_text(qtbot, editor.name_edit, "Cold room door")
    h.sim.add_fault("latency", route="put_sensor", latency=0.3, count=1)
    click(qtbot, editor.apply_button)
    choose(qtbot, tab.picker, index=1)  # the technician moves on while the answer is on its way
    second = editor.session
    assert second is not first
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert not first.dirty and first.base["name"] == "Cold room door"
    assert second.base["name"] != "Cold room door" and not second.dirty
    assert editor.name_edit.text() == second.base["name"]
    close_harness(qtbot, h)


def _tab_sequence(start, count: int) -> list[str]:
    """Object names of the next `count` widgets Tab reaches from `start`, as Qt's focus chain has them."""
    names, widget = [], start
    while len(names) < count:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.objectName():
            names.append(widget.objectName())
    return names


def test_tab_visits_the_fields_before_the_buttons(harness) -> None:
    editor = harness.view.settings_editor
    assert _tab_sequence(editor.name_edit, 5) == [
        "measuring_cycle",
        "communication_cycle",
        "device_settings_show_changes",
        "device_settings_revert",
        "device_settings_apply",
    ]


def test_alarms_tab_order_follows_the_screen_after_rows_are_built(harness) -> None:
    tab = harness.view.alarms_tab
    device_rows = [w.objectName() for w in focusable_descendants(tab.device_editor.form)]
    sensor_rows = [w.objectName() for w in focusable_descendants(tab.sensor_editor.form)]
    assert device_rows and sensor_rows
    expected = [
        *device_rows,
        "devices_alarms_show_changes",
        "devices_alarms_revert",
        "devices_alarms_apply",
        "devices_alarms_plain_changes",
        "devices_alarms_technical",
        "devices_alarms_changes",
        "devices_alarms_body",
        "alarm_sensor_picker",
        "sensors_alarms_choose_values",  # on the conflict banner above the form (hidden: Tab skips it)
        *sensor_rows,
        "sensors_alarms_show_changes",
    ]
    first = tab.device_editor.form.findChild(QWidget, device_rows[0])
    assert _tab_sequence(first, len(expected) - 1) == expected[1:]


def test_refilling_a_picker_keeps_the_choice_and_sends_no_change_signal(qtbot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    refill_keeping_choice(combo, [("a", "Slot 1"), ("b", "Slot 2")])
    assert combo.currentData() == "a"
    choose(qtbot, combo, index=1)
    changes.clear()
    refill_keeping_choice(combo, [("c", "Slot 3"), ("b", "Slot 2 (disconnected)")])
    assert (combo.currentData(), combo.currentText(), changes) == ("b", "Slot 2 (disconnected)", [])
    refill_keeping_choice(combo, [("c", "Slot 3")])
    assert combo.currentData() == "c"
    refill_keeping_choice(combo, [])
    assert combo.currentIndex() == -1 and changes == []


def test_an_unforeseen_failure_is_explained_not_shown_as_raw_exception_text(qapp) -> None:
    from saveris_desktop.api.errors import RequestValidationError
    from saveris_desktop.ui.error_text import describe_error, explain_error

    refused = RequestValidationError("The cloud refused the settings.", server_reason="cycle too short")
    assert describe_error(refused) == "The cloud refused the settings.\ncycle too short"
    bug = KeyError("measuring_cycle")
    assert describe_error(bug) == explain_error(bug)
    assert "measuring_cycle" not in describe_error(bug)


def test_a_logger_whose_numbers_come_as_text_opens_and_keeps_their_spelling(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE])
    uuid = h.device_uuids[0]
    document = h.sim.world.devices[uuid]
    document["serial_number"] = int(document["serial_number"])  # digits sent as a number
    document["measuring_cycle"] = "900000"
    document["communication_cycle"] = 1800000.0
    document["capability"]["measuring_cycle_min"] = "60000"
    open_and_wait(qtbot, h, uuid)
    editor = h.view.settings_editor

    assert editor.measuring.text() == "15 min" and editor.communication.text() == "30 min"
    assert f"Serial number {document['serial_number']} ·" in editor.identity.text()
    type_text(qtbot, editor.measuring, "30 s")  # the limit sent as text still applies
    assert editor.measuring.problem() == "30 s is outside the allowed range 1 min … 24 h."
    type_text(qtbot, editor.measuring, "1 h")
    assert "cannot be shorter than the measuring cycle (1 h)" in editor.order_message.text()
    type_text(qtbot, editor.measuring, "5 min")
    payload = editor.session.payload()
    assert payload["measuring_cycle"] == 300000
    # What the technician did not touch goes back spelled as the cloud sent it.
    assert payload["communication_cycle"] == 1800000.0 and isinstance(payload["communication_cycle"], float)
    assert payload["capability"]["measuring_cycle_min"] == "60000"
    assert payload["serial_number"] == document["serial_number"]
    close_harness(qtbot, h)
