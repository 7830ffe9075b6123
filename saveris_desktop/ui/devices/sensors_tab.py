"""Sensors of one logger -> `PUT /sensors/{uuid}`: name, and per channel its name, unit and offset.

Every sensor listed in the device's `sensors_connections` can be picked; each has its own edit
session, so switching between sensors keeps unsent edits of the others.

A sensor's document comes only from `GET /sensors/{uuid}`, which testo does not document. Where the
cloud does not offer it, a sensor has no session: it stays listed by slot, the form stays disabled
and the status line says why (see SENSORS_UNREADABLE in device_loader.py) — a PUT without the channels would
reset them, so nothing is sent on guessed values.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.models import Sensor
from saveris_desktop.core.devices.units import max_offset, offset_after_unit_switch, unit_symbol, units_for
from saveris_desktop.ui import core_words
from saveris_desktop.ui.devices.editor import SessionEditor
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.fields import (
    ON_THE_FIELD_LINE,
    NumberField,
    field_label,
    labels_beside_fields,
    refill_keeping_choice,
)
from saveris_desktop.ui.style import glove_sized


class _ChannelRow:
    """The inputs of one channel inside the grid."""

    def __init__(self, editor: SensorEditor, index: int, channel: dict[str, Any]) -> None:
        value_id = channel.get("physical_value_id")
        self.caption = field_label(
            QCoreApplication.translate("SensorEditor", "Channel %1: %2")
            .replace("%1", str(channel.get("channel_index", index) + 1))
            .replace("%2", core_words.value_name(value_id))
        )
        self.name = QLineEdit()
        self.name.setObjectName(f"sensor_channel_{index}_name")
        self.name.setAccessibleName(
            QCoreApplication.translate("SensorEditor", "Name of channel %1").replace("%1", str(index + 1))
        )
        self.name.setMaxLength(64)
        self.unit = QComboBox()
        self.unit.setObjectName(f"sensor_channel_{index}_unit")
        self.unit.setAccessibleName(
            QCoreApplication.translate("SensorEditor", "Unit of channel %1").replace("%1", str(index + 1))
        )
        for unit in units_for(value_id, channel.get("physical_unit_id")):
            self.unit.addItem(unit_symbol(unit) or QCoreApplication.translate("SensorEditor", "(none)"), unit)
        self.value_id = value_id
        limit = max_offset(value_id, channel.get("physical_unit_id"))
        self.offset = NumberField(
            f"sensor_channel_{index}_offset",
            QCoreApplication.translate("SensorEditor", "Offset of channel %1").replace("%1", str(index + 1)),
            optional=True,
        )
        self.set_offset_unit(channel.get("physical_unit_id"))
        self.offset.edit.setPlaceholderText("0")
        if limit == 0:
            self.offset.setEnabled(False)
            self.offset.setToolTip(
                QCoreApplication.translate("SensorEditor", "This channel takes no offset.")
            )
        glove_sized(self.name, self.unit)
        self.index = index

    def widgets(self) -> list[QWidget]:
        return [self.caption, self.name, self.unit, self.offset]

    def set_offset_unit(self, unit_id: str | None) -> None:
        """The offset field speaks `unit_id`: its symbol and its range (10 °C is 18 °F)."""
        limit = max_offset(self.value_id, unit_id)
        self.offset.set_range(None if limit is None else -limit, limit)
        self.offset.set_unit(unit_symbol(unit_id))


class SensorEditor(SessionEditor):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "sensor_settings", self.tr("Sensor"), parent)
        self.identity = QLabel(self.form)
        self.identity.setObjectName("sensor_identity")
        self.identity.setWordWrap(True)
        self.name_edit = QLineEdit(self.form)
        self.name_edit.setObjectName("sensor_name")
        self.name_edit.setAccessibleName(self.tr("Sensor name"))
        self.name_edit.setMaxLength(64)
        glove_sized(self.name_edit)
        self.channels_host = QWidget(self.form)
        self.channels_grid = QGridLayout(self.channels_host)
        self.channels_grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[_ChannelRow] = []
        layout = QFormLayout(self.form)
        layout.addRow(self.identity)
        layout.addRow(self.tr("Name"), self.name_edit)
        layout.addRow(self.channels_host)
        note = QLabel(
            self.tr(
                "The offset is added to every reading of the channel, e.g. to match a reference thermometer."
            ),
            self.form,
        )
        note.setWordWrap(True)
        layout.addRow(note)
        labels_beside_fields(layout)
        self.name_edit.textEdited.connect(lambda text: self.edit(("name",), text))
        self._channel_count = -1

    def _build_rows(self, channels: list[dict[str, Any]]) -> None:
        while self.channels_grid.count():
            item = self.channels_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        for column, title in enumerate(["", self.tr("Channel name"), self.tr("Unit"), self.tr("Offset")]):
            header = QLabel(title)
            self.channels_grid.addWidget(header, 0, column)
        for index, channel in enumerate(channels):
            row = _ChannelRow(self, index, channel)
            for column, widget in enumerate(row.widgets()):
                self.channels_grid.addWidget(widget, index + 1, column, ON_THE_FIELD_LINE)
            row.name.textEdited.connect(lambda text, i=index: self.edit(("channels", i, "name"), text))
            row.unit.activated.connect(lambda _pos, r=row: self._unit_chosen(r))
            row.offset.sig_value_changed.connect(lambda value, i=index: self._offset_typed(i, value))
            row.offset.sig_problem_changed.connect(
                lambda message, i=index: self.set_problem(f"offset{i}", message)
            )
            self.rows.append(row)
        self._channel_count = len(channels)

    def _unit_chosen(self, row: _ChannelRow) -> None:
        if self.session is None:
            return
        channel = ("channels", row.index)
        old_unit, new_unit = self.session.get((*channel, "physical_unit_id")), row.unit.currentData()
        if new_unit == old_unit:
            return
        self.edit((*channel, "physical_unit_id"), new_unit)
        row.set_offset_unit(new_unit)
        # The offset is a difference, in the channel's unit: 1 °C becomes 1.8 °F (not 33.8 °F), and
        # left as the number 1 it would silently become 0.56 °C.
        offset = self.session.get((*channel, "offset"))
        if isinstance(offset, int | float) and not isinstance(offset, bool):
            base_offset = self.session.base_value((*channel, "offset"))
            converted = offset_after_unit_switch(
                float(offset),
                old_unit,
                new_unit,
                base_offset=base_offset if isinstance(base_offset, int | float) else None,
                base_unit=self.session.base_value((*channel, "physical_unit_id")),
            )
            self.edit((*channel, "offset"), converted)
            if not row.offset.problem():  # typed text that is not a valid offset yet stays as typed
                row.offset.set_value(converted, force=True)

    def _offset_typed(self, index: int, value: float | None) -> None:
        # An emptied offset means "no offset": 0, unless the server never had one (then leave it out).
        if (
            value is None
            and self.session is not None
            and self.session.base_value(("channels", index, "offset")) is None
        ):
            self.session.revert_field(("channels", index, "offset"))
            self.update_state()
            return
        self.edit(("channels", index, "offset"), 0.0 if value is None else value)

    def load(self) -> None:
        assert self.session is not None  # noqa: S101
        current = self.session.current
        channels = current.get("channels") or []
        if self.force_load or len(channels) != self._channel_count:
            self._build_rows(channels)
        self.identity.setText(
            self.tr("Serial number %1 · model %2")
            .replace("%1", current.get("serial_number") or "?")
            .replace("%2", current.get("model_code") or "?")
        )
        if self.force_load or not (self.name_edit.hasFocus() and self.name_edit.isModified()):
            self.name_edit.setText(current.get("name") or "")
        for row, channel in zip(self.rows, channels, strict=False):
            if self.force_load or not (row.name.hasFocus() and row.name.isModified()):
                row.name.setText(channel.get("name") or "")
            position = row.unit.findData(channel.get("physical_unit_id"))
            if position >= 0:
                row.unit.setCurrentIndex(position)
            row.set_offset_unit(channel.get("physical_unit_id"))
            row.offset.set_value(channel.get("offset"), force=self.force_load)

    def request_label(self) -> str:
        uuid = self.session.base.get("uuid", "") if self.session else ""
        return f"PUT /sensors/{uuid}?site={self.context.site}"

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        answer = await self.context.client.put_sensor(self.context.site, Sensor.model_validate(payload))
        return answer.to_payload()


class SensorsTab(QWidget):
    """A sensor picker over one SensorEditor; the device view feeds it loaded sensors."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sensors_tab")
        self.context = context
        self.picker = QComboBox(self)
        self.picker.setObjectName("sensor_picker")
        self.picker.setAccessibleName(self.tr("Sensor"))
        glove_sized(self.picker)
        self.status = QLabel(self)
        self.status.setObjectName("sensors_status")
        self.status.setWordWrap(True)
        self.editor = SensorEditor(context, self)
        top = QFormLayout()
        top.addRow(self.tr("Sensor"), self.picker)
        labels_beside_fields(top)
        head = QVBoxLayout()  # the picker lines up with the editor's fields (the editor has margins)
        editor_layout = self.editor.layout()
        if editor_layout is not None:
            head.setContentsMargins(editor_layout.contentsMargins())
        head.addLayout(top)
        head.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.editor, 1)  # it scrolls its channels itself, Apply stays below them
        self.picker.currentIndexChanged.connect(self._picked)

    def set_sensors(self, entries: list[tuple[str, str]], message: str = "") -> None:
        """`entries`: (sensor uuid, label). Keeps the picked sensor when it is still there."""
        picked = self.picker.currentData()
        refill_keeping_choice(self.picker, entries)
        self.status.setText(message)
        self.status.setVisible(bool(message))
        if self.picker.currentData() != picked or self.editor.session is None:
            self._picked()

    def refresh_session(self, uuid: str) -> None:
        """A sensor's session got newer server data; show it if it is the picked one."""
        if self.picker.currentData() == uuid and self.editor.session is not None:
            self.editor.session_refreshed()

    def _picked(self, *_: object) -> None:
        uuid = self.picker.currentData()
        session = self.context.sessions.get(f"sensor:{uuid}") if uuid else None
        if session is not self.editor.session:
            self.editor.set_session(session)
