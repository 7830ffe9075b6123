"""Numbers in the plain words of a change are written in the reader's locale ("8,5 °C" in German),
in "What will be sent", the waiting changes and the audit log alike (they share the describer)."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import QApplication

from saveris_desktop.core.devices.presets import preset
from saveris_desktop.core.offline.change_words import Names
from saveris_desktop.ui.offline.common import change_sentences, change_summary

SENSOR = {
    "uuid": "sensor-0001-c3d4",
    "name": "Probe",
    "channels": [
        {
            "channel_index": 0,
            "physical_value_id": "PV_TEMPERATURE",
            "physical_unit_id": "PU_DEGREE_CELSIUS",
            "offset": 0.5,
        },
    ],
}


def _alarms(upper_alarm: float) -> dict[str, Any]:
    conditions = [c.to_payload() for c in preset("fridge").conditions("PU_DEGREE_CELSIUS")]
    conditions[3]["limitValue"] = upper_alarm
    return {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": "lc-1",
                "measurementAlarmConditionSet": [{"measurementAlarmConditions": conditions}],
            }
        ]
    }


def test_an_alarm_limit_with_a_fraction_has_the_german_decimal_comma(german: str) -> None:
    before, after = _alarms(8.5), _alarms(10.5)
    assert change_sentences("measurement_alarms", before, after, Names()) == [
        "Oberer Alarmgrenzwert: 8,5 °C → 10,5 °C"
    ]
    # the one-line form of the waiting changes keeps the unit once
    assert change_summary("measurement_alarms", "object-1", before, after, Names()).endswith(
        "Oberer Alarmgrenzwert 8,5 → 10,5 °C"
    )


def test_a_sensor_offset_with_a_fraction_has_the_german_decimal_comma(german: str) -> None:
    after = copy.deepcopy(SENSOR)
    after["channels"][0]["offset"] = 1.5
    lines = change_sentences("sensor", SENSOR, after, Names())
    assert len(lines) == 1
    assert lines[0].endswith("0,5 °C → 1,5 °C"), lines


def test_english_keeps_the_decimal_point(qapp: QApplication) -> None:
    before, after = _alarms(8.5), _alarms(10.5)
    assert change_sentences("measurement_alarms", before, after, Names()) == ["Upper alarm: 8.5 °C → 10.5 °C"]
    assert change_summary("measurement_alarms", "object-1", before, after, Names()).endswith(
        "Upper alarm 8.5 → 10.5 °C"
    )
