"""Changes in plain words everywhere they are shown: the editor's "what will be sent", the waiting
changes, the audit log and the conflict dialog, whose choice table reads without scrolling sideways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMainWindow, QStyle, QTableWidget

from saveris_desktop.api.models import (
    LogicalChannel,
    MeasurementAlarmConfiguration,
    MeasuringObject,
    SensorChannelRef,
)
from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.core.devices.presets import preset
from saveris_desktop.core.offline.change_words import Names
from saveris_desktop.core.offline.merge import MISSING, Conflict, ItemKey
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog
from saveris_desktop.ui.offline.integration import install_offline
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run
from tests.ui.user_input import click, type_text


@pytest.fixture
def setup(qtbot: Any, qloop: Any, tmp_path: Path) -> Any:
    harness = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE], offline_db=tmp_path / "db.sqlite3")
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, harness.work, devices_view=harness.view)
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    yield harness, integration
    close_harness(qtbot, harness)


def _fridge_with_limits(qtbot: Any, harness: Any, name: str) -> MeasuringObject:
    """An object fed by the logger's temperature channel, with the fridge preset (8 °C upper alarm)."""
    device = run(qtbot, harness.client.get_device(SITE, harness.device_uuids[0]))
    sensor = run(qtbot, harness.client.get_sensor(SITE, device.sensors_connections[0].sensor_uuid))
    channel = sensor.channels[0]
    obj = run(
        qtbot,
        harness.client.create_measuring_object(
            SITE,
            MeasuringObject(
                name=name,
                logical_channels=[
                    LogicalChannel(
                        name="Temperature",
                        physical_value_id=channel.physical_value_id,
                        physical_unit_id=channel.physical_unit_id,
                        sensor_channel=SensorChannelRef(sensor_uuid=sensor.uuid, channel_index=0),
                    )
                ],
            ),
        ),
    )
    conditions = [c.to_payload() for c in preset("fridge").conditions(channel.physical_unit_id)]
    config = {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": obj.logical_channels[0].uuid,
                "measurementAlarmConditionSet": [{"measurementAlarmConditions": conditions}],
            }
        ]
    }
    run(
        qtbot,
        harness.client.put_measuring_object_alarm_configuration(
            SITE, obj.uuid, MeasurementAlarmConfiguration.model_validate(config)
        ),
    )
    return obj


def open_fridge_limits(qtbot: Any, harness: Any, name: str) -> tuple[MeasuringObject, Any, Any]:
    """A fridge object with an upper alarm of 8 °C, open in the objects tab: (object, its alarm
    limits editor, the temperature channel's box)."""
    obj = _fridge_with_limits(qtbot, harness, name)
    tab = harness.view.objects_tab
    tab.reload()
    qtbot.waitUntil(lambda: obj.uuid in tab.objects, timeout=5000)
    tab.select(obj.uuid)
    editor = tab.alarms_editor
    qtbot.waitUntil(lambda: editor.session is not None and bool(editor.boxes), timeout=5000)
    [temperature] = editor.boxes
    qtbot.waitUntil(lambda: temperature.fields[rules.UPPER_ALARM].text() == "8", timeout=5000)
    return obj, editor, temperature


def _reads_without_scrolling(qtbot: Any, view: Any, header: Any, change_column: int) -> None:
    """The change is shown in full and no column needs scrolling sideways (once the view is laid out)."""

    def readable() -> bool:
        text = view.model().index(0, change_column).data()
        room = header.sectionSize(change_column) - 2 * view.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin
        )
        fits = header.length() <= view.viewport().width()
        return (
            fits
            and view.fontMetrics().horizontalAdvance(text) <= room
            and not view.horizontalScrollBar().isVisible()
        )

    qtbot.waitUntil(readable, timeout=3000)


def test_an_offline_apply_reads_plainly_in_the_editor_the_waiting_list_and_the_audit_log(
    qtbot: Any, setup: Any
) -> None:
    harness, integration = setup
    obj, editor, temperature = open_fridge_limits(qtbot, harness, "Fridge 3")

    type_text(qtbot, temperature.fields[rules.UPPER_ALARM], "10")
    click(qtbot, editor.toggle_changes)
    plain = editor.changes.plain
    assert [plain.item(i).text() for i in range(plain.count())] == ["Upper alarm: 8 °C → 10 °C"]
    assert not editor.changes.body.isVisible()

    harness.sim.set_network_down(True)  # on the logger's hotspot
    click(qtbot, editor.apply_button)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
    assert "queued" in editor.verdict.text()

    pending = integration.show_pending()
    qtbot.waitUntil(lambda: pending.tree.topLevelItemCount() == 1, timeout=5000)
    row = pending.tree.topLevelItem(0)
    assert row.text(2) == "Fridge 3: Upper alarm 8 → 10 °C"
    assert row.toolTip(2) == "Upper alarm: 8 °C → 10 °C"
    assert obj.uuid not in "".join(row.text(c) for c in range(pending.tree.columnCount()))
    _reads_without_scrolling(qtbot, pending.tree, pending.tree.header(), 2)

    harness.sim.set_network_down(False)
    run(qtbot, harness.client.list_devices(SITE))  # the next poll: connectivity is back
    qtbot.waitUntil(lambda: pending.tree.topLevelItemCount() == 0, timeout=5000)

    audit = integration.show_audit_log()
    qtbot.waitUntil(lambda: audit.model.rowCount() == 1, timeout=5000)
    model = audit.model
    cells = [model.index(0, column).data() for column in range(model.columnCount())]
    assert cells[4:] == ["Upper alarm 8 → 10 °C", "Fridge 3", "Accepted by the cloud"]
    _reads_without_scrolling(qtbot, audit.table, audit.table.horizontalHeader(), 4)
    entry = model.entries[0]
    assert cells[0] != entry.at and "T" not in cells[0]  # a local time, not the stored UTC stamp
    rect = audit.table.visualRect(model.index(0, 0))
    qtbot.mouseClick(audit.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = audit.detail
    rows = [[detail.topLevelItem(i).text(c) for c in range(3)] for i in range(detail.topLevelItemCount())]
    assert rows == [["Upper alarm", "8 °C", "10 °C"]]


# --- the conflict dialog -----------------------------------------------------------------------------


def _long_conflicts() -> list[Conflict]:
    """Conflicts of a measuring object's alarm limits: the longest values the dialog shows."""

    def limits(upper: float) -> list[dict[str, Any]]:
        conditions = [c.to_payload() for c in preset("fridge").conditions("PU_DEGREE_CELSIUS")]
        conditions[3]["limitValue"] = upper
        return [{"measurementAlarmConditions": conditions}]

    channel = ("channel_alarm_configurations", ItemKey(("logical_channel_uuid",), ("lc-1",)))
    return [
        Conflict((*channel, "measurementAlarmConditionSet"), limits(8.0), limits(10.0), limits(12.0)),
        Conflict(("alarmConfigurationBackReference",), {"id": 1}, {"id": 2}, MISSING),
    ]


def _cell_fits(table: QTableWidget, row: int, column: int) -> bool:
    """The cell's whole text is shown: it fits its cell on one line or, wrapped at words, in its height."""
    item = table.item(row, column)
    rect = table.visualItemRect(item)
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = QRect(0, 0, rect.width() - 2 * margin, 100_000)
    needed = table.fontMetrics().boundingRect(room, int(Qt.TextFlag.TextWordWrap), item.text())
    return needed.width() <= room.width() and needed.height() <= rect.height()


@pytest.mark.parametrize("conflicts", ["device", "object alarms"])
def test_the_choice_table_reads_without_scrolling_sideways_at_its_default_size(
    qtbot: Any, conflicts: str
) -> None:
    if conflicts == "device":
        dialog = ConflictDialog(
            [
                Conflict(("name",), "Fridge 3", "Vaccine fridge in the pharmacy", "Fridge 3 (left)"),
                Conflict(("measuring_cycle",), 300000, 900000, 600000),
            ],
            title="Logger settings — Fridge 3",
            kind="device",
        )
    else:
        names = Names.from_documents(
            objects=[{"uuid": "o", "logical_channels": [{"uuid": "lc-1", "name": "Core"}]}]
        )
        dialog = ConflictDialog(_long_conflicts(), title="Fridge 3", kind="measurement_alarms", names=names)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert not table.horizontalScrollBar().isVisible()
    for row in range(table.rowCount()):
        for column in range(3):
            assert _cell_fits(table, row, column), (row, column, table.item(row, column).text())
        box = dialog.boxes[row]
        assert box.width() >= box.sizeHint().width()  # every choice readable in the box
        assert table.columnViewportPosition(3) + table.columnWidth(3) <= table.viewport().width()
    if conflicts == "object alarms":
        assert table.item(0, 0).text() == "Alarm limits of Core"
        assert table.item(0, 1).text().endswith("alarm above 10 °C, after 15 min")


def test_the_conflict_dialog_reads_german(qtbot: Any, german: str) -> None:
    dialog = ConflictDialog(
        [
            Conflict(("name",), "Fridge 3", "Kühlschrank 3", MISSING),
            Conflict(
                ("alarms", ItemKey(("alarm_type",), ("CONNECTION_TIMEOUT",)), "severity"),
                "ASV_ALARM",
                "ASV_WARNING",
                "ASV_ALARM",
            ),
        ],
        kind="device_alarms",
    )
    qtbot.addWidget(dialog)
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["Einstellung", "Ihr Wert", "Wert in der Cloud", "Behalten"]
    assert [dialog.table.item(1, c).text() for c in range(3)] == ["Verbindungsalarm", "Warnung", "Alarm"]
    assert dialog.table.item(0, 2).text() == "nicht gesetzt"


def test_a_waiting_change_reads_german(german: str) -> None:
    from saveris_desktop.ui.offline.common import change_sentences, change_summary

    before = {
        "alarms": [
            {"alarm_type": "CONNECTION_TIMEOUT", "enabled": True, "severity": "ASV_ALARM", "delay": 3600000}
        ]
    }
    after = {"alarms": [{**before["alarms"][0], "severity": "ASV_WARNING", "delay": 7200000}]}
    line = change_summary("device_alarms", "5b0f6c1e-aaaa-4000-8000-00000000a1b2", before, after, Names())
    assert line == "Logger …a1b2: Verbindungsalarm: Alarm → Warnung, 1 h → 2 h"
    assert change_sentences("device", {"measuring_cycle": 300000}, {"measuring_cycle": 900000}, Names()) == [
        "Messtakt: 5 min → 15 min"
    ]
