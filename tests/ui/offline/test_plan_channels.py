"""The plan's channel table: a model the model tester accepts, edited through the boxes a technician uses."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableView

from saveris_desktop.api.models import Sensor
from saveris_desktop.core.offline.site_plan import PlannedChannel, PlannedObject, SitePlan
from saveris_desktop.ui.offline.plan_channels import (
    COLUMN_MEASURES,
    COLUMN_NAME,
    COLUMN_PRESET,
    COLUMN_SENSOR,
    CUSTOM_LIMITS,
    PlanChannelsModel,
)
from saveris_desktop.ui.widgets.choice_delegate import ChoiceDelegate
from tests.ui.user_input import choose


def _plan() -> SitePlan:
    channels = [
        PlannedChannel(name="Air", physical_value_id="PV_TEMPERATURE", physical_unit_id="PU_DEGREE_CELSIUS"),
        PlannedChannel(name="Wet", physical_value_id="PV_HUMIDITY", physical_unit_id="PU_PERCENT_HUMIDITY"),
    ]
    obj = PlannedObject(name="Fridge 1", logical_channels=channels)
    obj.alarms["Wet"] = [{"measurementAlarmConditions": [{"custom": True}]}]  # none of the presets
    return SitePlan(site="Bakery", timezone="Europe/Berlin", objects=[obj])


def _sensor() -> Sensor:
    return Sensor.model_validate(
        {
            "uuid": "s-1",
            "channels": [
                {
                    "channel_index": 0,
                    "physical_value_id": "PV_TEMPERATURE",
                    "physical_unit_id": "PU_DEGREE_CELSIUS",
                },
                {
                    "channel_index": 1,
                    "physical_value_id": "PV_HUMIDITY",
                    "physical_unit_id": "PU_PERCENT_HUMIDITY",
                },
            ],
        }
    )


def test_the_channel_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = PlanChannelsModel()
    qtmodeltester.check(model, force_py=True)  # no object yet
    model.show_object(_plan(), 0, editable=True)
    qtmodeltester.check(model, force_py=True)
    model.set_sensors([("Logger 1 · slot 1", _sensor())])
    assert model.setData(model.index(0, COLUMN_PRESET), "fridge")
    assert model.setData(model.index(0, COLUMN_NAME), "Air 2")
    qtmodeltester.check(model, force_py=True)


def test_custom_limits_are_kept_and_an_empty_name_is_refused(qtbot: Any) -> None:
    model = PlanChannelsModel()
    plan = _plan()
    model.show_object(plan, 0, editable=True)
    assert model.index(1, COLUMN_PRESET).data(Qt.ItemDataRole.EditRole) == CUSTOM_LIMITS
    refused: list[object] = []
    model.sig_edited.connect(refused.append)
    assert not model.setData(model.index(0, COLUMN_NAME), "   ")
    assert [getattr(p, "code", None) for p in refused] != [None] and plan.objects[0].logical_channels[
        0
    ].name == "Air"
    with qtbot.waitSignal(model.dataChanged):
        model.setData(model.index(1, COLUMN_PRESET), CUSTOM_LIMITS)  # choosing it again changes nothing
    assert plan.objects[0].alarms["Wet"] == [{"measurementAlarmConditions": [{"custom": True}]}]


def test_what_a_channel_measures_changes_the_presets_offered_in_its_box(qtbot: Any) -> None:
    model = PlanChannelsModel()
    plan = _plan()
    model.show_object(plan, 0, editable=True)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    for column, prefix in ((COLUMN_MEASURES, "m"), (COLUMN_PRESET, "p"), (COLUMN_SENSOR, "s")):
        view.setItemDelegateForColumn(column, ChoiceDelegate(prefix, view))
        view.openPersistentEditor(model.index(0, column))
    view.show()
    presets = view.indexWidget(model.index(0, COLUMN_PRESET))
    measures = view.indexWidget(model.index(0, COLUMN_MEASURES))
    assert isinstance(presets, QComboBox) and isinstance(measures, QComboBox)
    choose(qtbot, presets, data="fridge")
    assert plan.objects[0].alarms["Air"]  # the box's choice landed in the plan

    choose(qtbot, measures, text="Humidity (%rF)")
    channel = plan.objects[0].logical_channels[0]
    assert channel.physical_value_id == "PV_HUMIDITY" and "Air" not in plan.objects[0].alarms
    offered = [presets.itemData(i) for i in range(presets.count())]
    assert "fridge" not in offered and "humidity" in offered  # the box was filled anew
    assert presets.currentData() is None and presets.accessibleName() == "Alarm preset of channel Air"


def test_a_sensor_chosen_earlier_is_shown_as_chosen(qtbot: Any) -> None:
    model = PlanChannelsModel()
    plan = _plan()
    model.show_object(plan, 0, editable=True)
    model.set_sensors([("Logger 1 · slot 1", _sensor())])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegateForColumn(COLUMN_SENSOR, ChoiceDelegate("s", view))
    view.openPersistentEditor(model.index(1, COLUMN_SENSOR))
    box = view.indexWidget(model.index(1, COLUMN_SENSOR))
    assert isinstance(box, QComboBox) and box.count() == 2
    choose(qtbot, box, index=1)
    ref = plan.objects[0].logical_channels[1].sensor_channel
    assert ref is not None and (ref.sensor_uuid, ref.channel_index) == ("s-1", 1)
    view.closePersistentEditor(model.index(1, COLUMN_SENSOR))
    view.openPersistentEditor(model.index(1, COLUMN_SENSOR))  # shown anew: the choice, not the first entry
    again = view.indexWidget(model.index(1, COLUMN_SENSOR))
    assert isinstance(again, QComboBox) and again.currentIndex() == 1
