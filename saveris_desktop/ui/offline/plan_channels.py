"""The logical channels of one planned measuring object as a table model: name, what it measures, its
alarm preset and the sensor channel that feeds it.

Every edit goes through the plan's rules in core/offline/site_plan.py (rename, change what it measures,
take a preset or a sensor) and is announced with `sig_edited`; a refused edit (an empty name) is
announced with the plan's problem and leaves the plan as it was. The choices of the combo-box columns
are offered under `CHOICES_ROLE` for ui/widgets/choice_delegate.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from saveris_desktop.api.models import Sensor, SensorChannelRef
from saveris_desktop.core.devices.presets import PRESETS, AlarmPreset
from saveris_desktop.core.devices.units import unit_symbol
from saveris_desktop.core.offline.site_plan import (
    PlannedChannel,
    PlannedObject,
    PlanProblem,
    SitePlan,
    change_measures,
    rename_channel,
    sensor_fits,
)
from saveris_desktop.ui import core_words
from saveris_desktop.ui.widgets.choice_delegate import ACCESSIBLE_NAME_ROLE, CHOICES_ROLE

#: What a planned channel can measure: (physical value, unit)
MEASURES: tuple[tuple[str, str], ...] = (
    ("PV_TEMPERATURE", "PU_DEGREE_CELSIUS"),
    ("PV_TEMPERATURE", "PU_DEGREE_FAHRENHEIT"),
    ("PV_HUMIDITY", "PU_PERCENT_HUMIDITY"),
    ("PV_DOOR_STATE", "PU_NONE"),
)
COLUMN_NAME, COLUMN_MEASURES, COLUMN_PRESET, COLUMN_SENSOR = range(4)
#: The preset column's data when the limits are none of the presets (edited elsewhere): kept as they are.
CUSTOM_LIMITS = "__custom__"

Index = QModelIndex | QPersistentModelIndex


def preset_sets(chosen: AlarmPreset, unit: str | None) -> list[dict[str, Any]]:
    return [{"measurementAlarmConditions": [c.to_payload() for c in chosen.conditions(unit)]}]


def measures_label(value_id: str, unit: str | None) -> str:
    symbol = unit_symbol(unit)
    name = core_words.value_name(value_id)
    return f"{name} ({symbol})" if symbol else name


class PlanChannelsModel(QAbstractTableModel):
    #: an edit landed in the plan (None) or was refused (the plan's problem)
    sig_edited = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan: SitePlan | None = None
        self.object_row = -1
        self.sensors: list[tuple[str, Sensor]] = []  # (label of its logger slot, sensor)
        self.editable = True

    # --- what is shown -----------------------------------------------------------------------

    def show_object(self, plan: SitePlan | None, object_row: int, *, editable: bool) -> None:
        self.beginResetModel()
        self.plan, self.object_row, self.editable = plan, object_row, editable
        self.endResetModel()

    def set_sensors(self, sensors: list[tuple[str, Sensor]]) -> None:
        self.sensors = sensors
        for row in range(self.rowCount()):  # one cell at a time: the view refills each box it shows
            index = self.index(row, COLUMN_SENSOR)
            self.dataChanged.emit(index, index)

    def planned_object(self) -> PlannedObject | None:
        if self.plan is None or not 0 <= self.object_row < len(self.plan.objects):
            return None
        return self.plan.objects[self.object_row]

    def _channel(self, index: Index) -> PlannedChannel | None:
        obj = self.planned_object()
        if obj is None or not index.isValid() or not 0 <= index.row() < len(obj.logical_channels):
            return None
        return obj.logical_channels[index.row()]

    # --- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        obj = self.planned_object()
        return 0 if parent.isValid() or obj is None else len(obj.logical_channels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 4:
            return None
        return (self.tr("Channel"), self.tr("Measures"), self.tr("Alarm preset"), self.tr("Sensor"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        channel = self._channel(index)
        if channel is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.EditRole:
            return self._chosen(channel, column)
        if role == CHOICES_ROLE:
            return self._choices(channel, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COLUMN_NAME:
                return channel.name
            chosen = self._chosen(channel, column)
            return next((label for label, data in self._choices(channel, column) if data == chosen), "")
        if role == ACCESSIBLE_NAME_ROLE:
            template = {
                COLUMN_MEASURES: self.tr("What channel %1 measures"),
                COLUMN_PRESET: self.tr("Alarm preset of channel %1"),
                COLUMN_SENSOR: self.tr("Sensor of channel %1"),
            }.get(column, self.tr("Name of channel %1"))
            return template.replace("%1", channel.name)
        return None

    def _chosen(self, channel: PlannedChannel, column: int) -> Any:
        if column == COLUMN_NAME:
            return channel.name
        if column == COLUMN_MEASURES:
            return (channel.physical_value_id, channel.physical_unit_id)
        if column == COLUMN_PRESET:
            obj = self.planned_object()
            sets = obj.alarms.get(channel.name) if obj is not None else None
            if not sets:
                return None
            fitting = (p for p in PRESETS if p.fits(channel.physical_value_id))
            found = next((p.key for p in fitting if sets == preset_sets(p, channel.physical_unit_id)), None)
            return found or CUSTOM_LIMITS
        ref = channel.sensor_channel
        return None if ref is None else (ref.sensor_uuid, ref.channel_index)

    def _choices(self, channel: PlannedChannel, column: int) -> list[tuple[str, Any]]:
        choices: list[tuple[str, Any]]
        if column == COLUMN_MEASURES:
            choices = [(measures_label(value, unit), (value, unit)) for value, unit in MEASURES]
            current = (channel.physical_value_id, channel.physical_unit_id)
            if current not in MEASURES:  # read from a template or an older plan: offered, not lost
                choices.append((measures_label(*current), current))
            return choices
        if column == COLUMN_PRESET:
            choices = [(self.tr("(no alarms)"), None)]
            choices += [
                (core_words.translated(p.title), p.key) for p in PRESETS if p.fits(channel.physical_value_id)
            ]
            if self._chosen(channel, column) == CUSTOM_LIMITS:
                choices.append((self.tr("(custom limits)"), CUSTOM_LIMITS))
            return choices
        if column == COLUMN_SENSOR:
            choices = [(self.tr("waiting for a sensor"), None)]
            for label, sensor in self.sensors:
                for physical in sensor.channels:
                    if sensor_fits(channel, physical.physical_value_id):
                        words = measures_label(physical.physical_value_id, physical.physical_unit_id)
                        choices.append((f"{label} · {words}", (sensor.uuid, physical.channel_index)))
            chosen = self._chosen(channel, column)
            if chosen is not None and chosen not in [data for _label, data in choices]:
                choices.append((self.tr("sensor %1").replace("%1", chosen[0]), chosen))
            return choices
        return []

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        channel = self._channel(index)
        obj = self.planned_object()
        if channel is None or obj is None or self.plan is None or role != Qt.ItemDataRole.EditRole:
            return False
        column, row = index.column(), index.row()
        if column == COLUMN_NAME:
            refused: PlanProblem | None = rename_channel(self.plan, self.object_row, row, str(value))
            if refused is not None:
                self.sig_edited.emit(refused)
                return False
        elif column == COLUMN_MEASURES:
            value_id, unit = value
            change_measures(obj, row, value_id, unit)  # its preset and sensor go: both change below
        elif column == COLUMN_PRESET:
            if value is None:
                obj.alarms.pop(channel.name, None)
            elif value != CUSTOM_LIMITS:
                chosen = next(p for p in PRESETS if p.key == value)
                obj.alarms[channel.name] = preset_sets(chosen, channel.physical_unit_id)
        elif column == COLUMN_SENSOR:
            channel.sensor_channel = (
                None if value is None else SensorChannelRef(sensor_uuid=value[0], channel_index=value[1])
            )
        for changed in range(4):  # one cell at a time: the view refills each box it shows
            cell = self.index(row, changed)
            self.dataChanged.emit(cell, cell)
        self.sig_edited.emit(None)
        return True
