"""The sensor picker of a new measuring object speaks the technician's language ("Steckplatz")."""

from __future__ import annotations

from tests.ui.devices_harness import close_harness, make_devices_harness, open_and_wait


def test_the_sensors_are_named_by_logger_and_slot_in_german(qtbot, qloop, german) -> None:
    harness = make_devices_harness(qtbot)
    try:
        open_and_wait(qtbot, harness, harness.device_uuids[0])
        dialog = harness.view.objects_tab.open_create_dialog()
        qtbot.addWidget(dialog)
        sensor = dialog.rows[0].sensor
        qtbot.waitUntil(lambda: "Steckplatz 1" in sensor.currentText(), timeout=5000)
        assert sensor.currentText().startswith("Logger ") and "slot" not in sensor.currentText()
        dialog.close()
    finally:
        close_harness(qtbot, harness)
