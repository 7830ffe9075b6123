"""Bulk apply: many loggers or measuring objects, one result each, retry only the failed ones."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QCheckBox, QLabel

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.devices.fields import DurationField
from tests.ui.devices.test_devices_objects import _make_object
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.user_input import click, set_checked, type_text


def _results(dialog) -> list[str]:
    return [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]


def _select_all_rows(view) -> None:
    selection = view.table.selectionModel()
    for row in range(view.proxy.rowCount()):
        selection.select(
            view.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_bulk_settings_with_one_failure_and_retry(qtbot, qloop) -> None:
    h = make_devices_harness(
        qtbot, [LoggerKind.QSR_TEMPERATURE, LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2]
    )
    view = h.view
    _select_all_rows(view)
    assert len(view.selected_uuids()) == 3 and view.bulk_button.isEnabled()
    dialog = view.open_bulk_settings()
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "bulk_heading").text() == "3 logger(s) selected."
    assert dialog.table.horizontalHeaderItem(0).text() == "Logger"
    form = dialog.form
    measuring_on = form.findChild(QCheckBox, "bulk_measuring_on")
    [measuring] = [
        f for f in form.findChildren(DurationField) if f.edit.objectName() == "bulk_measuring_cycle"
    ]
    click(qtbot, dialog.start_button)
    assert dialog.message.text() == "Tick at least one setting to apply."
    set_checked(qtbot, measuring_on, True)
    type_text(qtbot, measuring, "30 s")
    assert "1 min … 24 h" in measuring.problem()  # what every selected logger accepts
    click(qtbot, dialog.start_button)
    assert "1 min … 24 h" in dialog.message.text() and not dialog.results
    type_text(qtbot, measuring, "10 min")

    h.sim.add_fault("error_status", route="put_device", status=422, count=1)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: not dialog.running and len(dialog.results) == 3, timeout=5000)
    results = _results(dialog)
    assert sum(r.startswith("OK") for r in results) == 2
    assert sum(r.startswith("Failed") for r in results) == 1
    assert dialog.summary.text() == "2 succeeded, 1 failed."
    assert dialog.retry_button.isEnabled() and dialog.retry_button.text() == "Retry failed (1)"

    click(qtbot, dialog.retry_button)
    qtbot.waitUntil(lambda: not dialog.running and not dialog.failed(), timeout=5000)
    assert all(r.startswith("OK — measuring cycle 10 min") for r in _results(dialog))
    assert not dialog.retry_button.isEnabled()
    for uuid in h.device_uuids:
        device = run(qtbot, h.client.get_device(SITE, uuid))
        assert device.measuring_cycle == 600_000
        assert device.model_extra["product_type"]  # the rest of the device went back unchanged
    close_harness(qtbot, h)


def test_bulk_alarm_preset_on_measuring_objects_with_retry(qtbot, qloop) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY] * 3)
    open_and_wait(qtbot, h, h.device_uuids[0])
    tab = h.view.objects_tab
    names = ("Fridge 1", "Fridge 2", "Fridge 3")
    objects = [_make_object(qtbot, h, name, device) for device, name in enumerate(names)]
    tab.reload()
    qtbot.waitUntil(lambda: len(tab.objects) == 3, timeout=5000)
    for index in range(tab.list.count()):
        tab.list.item(index).setSelected(True)
    assert tab.preset_button.isEnabled()
    dialog = tab.open_bulk_preset()
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "bulk_heading").text() == "3 measuring object(s) selected."
    assert dialog.table.horizontalHeaderItem(0).text() == "Measuring object"
    h.sim.add_fault("error_status", route="put_measuring_object_alarm_configuration", status=400, count=1)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: not dialog.running and len(dialog.results) == 3, timeout=5000)
    assert len(dialog.failed()) == 1
    failed_row = next(r for r in _results(dialog) if r.startswith("Failed"))
    assert "the server refused the values" in failed_row and "HTTP 400" in failed_row  # says why
    click(qtbot, dialog.retry_button)
    qtbot.waitUntil(lambda: not dialog.running and not dialog.failed(), timeout=5000)
    for obj in objects:
        config = run(qtbot, h.client.get_measuring_object_alarm_configuration(SITE, obj.uuid)).to_payload()
        temperature = next(c for c in obj.logical_channels if c.physical_value_id == "PV_TEMPERATURE")
        [channel] = [
            c for c in config["channel_alarm_configurations"] if c["logical_channel_uuid"] == temperature.uuid
        ]
        conditions = channel["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
        limits = rules.limits_from_conditions(conditions, channel_unit="PU_DEGREE_CELSIUS")
        assert (limits.lower_alarm, limits.upper_alarm) == (2, 8)  # the fridge preset, the first in the list
        # The humidity channel does not measure temperature, so the preset left it alone.
        assert all(
            c["logical_channel_uuid"] == temperature.uuid for c in config["channel_alarm_configurations"]
        )
    close_harness(qtbot, h)
