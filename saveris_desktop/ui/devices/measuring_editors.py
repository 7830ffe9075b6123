"""Editors of one measuring object: its instruction set and its measurement alarms.

Instruction set -> `PUT /measuring-objects/{uuid}/measuring-instruction-set`: the cycles here win
over the loggers' own settings for this object, and the screen says so.

Measurement alarms -> `PUT /measuring-objects/{uuid}/alarm-configuration`: per logical channel the
lower/upper alarm and warning limits, hysteresis and delay, in the channel's unit, with presets.
Each rule of core.devices.alarm_rules is shown at the field it concerns. Conditions come in codes or plain
text, per channel or as one set for the object (core.devices.alarm_rules reads both and writes back the form
and shape received); whatever the form cannot show is listed read-only "as received" below the
limits and sent back untouched.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.models import MeasurementAlarmConfiguration, MeasuringInstructionSet
from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.core.devices.alarm_rules import ChannelLimits
from saveris_desktop.core.devices.presets import AlarmPreset, preset, presets_for
from saveris_desktop.core.devices.ranges import DurationRange
from saveris_desktop.core.devices.units import unit_id_of, unit_symbol, value_id_of
from saveris_desktop.ui import core_words
from saveris_desktop.ui.devices.editor import SessionEditor
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.fields import (
    ON_THE_FIELD_LINE,
    DurationField,
    FieldMessage,
    NumberField,
    field_label,
    labels_beside_fields,
)
from saveris_desktop.ui.devices.settings_tab import CyclesEditor
from saveris_desktop.ui.style import TextRole, glove_sized, set_text_role
from saveris_desktop.ui.widgets.error_label import reserved_row
from saveris_desktop.ui.widgets.fitting_text import FittingText

#: The measuring cycle's key in instruction sets of related APIs [R] (`measuring_rate_ms`).
SIBLING_MEASURING_KEY = next(
    s.key for s in MeasuringInstructionSet.SIBLING_KEYS if s.field == "measuring_cycle"
)

#: Cycle bounds when no logger feeds the object yet [A] (the server's own default bounds).
DEFAULT_CYCLE_RANGE = DurationRange(60_000, 86_400_000)


def _validated(limits: rules.ChannelLimits, unit: str | None) -> dict[str, str]:
    """core's rule check of the limits, its sentences in the user's language (field -> message)."""
    found = rules.validate(limits, channel_unit=unit or None)
    return {field: core_words.translated(message) for field, message in found.items()}


class InstructionSetEditor(CyclesEditor):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "instruction_set", self.tr("Measuring instruction set"), parent)
        self.uuid = ""
        note = QLabel(
            self.tr(
                "These values override the loggers' own measurement settings for this measuring object. "
                "Leave a field empty to use the logger's setting."
            ),
            self.form,
        )
        note.setObjectName("instruction_set_note")
        note.setWordWrap(True)
        note.setStyleSheet("font-style: italic;")
        self.measuring = DurationField(
            "instruction_measuring_cycle", self.tr("Measuring cycle override"), self.form, optional=True
        )
        self.communication = DurationField(
            "instruction_communication_cycle",
            self.tr("Communication cycle override"),
            self.form,
            optional=True,
        )
        for field in (self.measuring, self.communication):
            field.edit.setPlaceholderText(self.tr("logger's setting"))
        self.order_message = FieldMessage(self.form)
        layout = QFormLayout(self.form)
        layout.addRow(note)
        layout.addRow(self.tr("Measuring cycle"), self.measuring)
        layout.addRow(self.tr("Communication cycle"), self.communication)
        layout.addRow(reserved_row(self.order_message))
        labels_beside_fields(layout)
        self.set_ranges(DEFAULT_CYCLE_RANGE, DEFAULT_CYCLE_RANGE)
        self.wire_cycles()  # an emptied field means "no override" and sends null

    def set_ranges(self, measuring: DurationRange, communication: DurationRange) -> None:
        self.measuring.set_allowed(measuring)
        self.communication.set_allowed(communication)

    def cycle_key(self, key: str) -> str:
        # Related APIs [R] write the measuring cycle as `measuring_rate_ms`: edited under that key.
        base = self.session.base if self.session is not None else {}
        if key == "measuring_cycle" and SIBLING_MEASURING_KEY in base and key not in base:
            return SIBLING_MEASURING_KEY
        return key

    def load(self) -> None:
        assert self.session is not None  # noqa: S101
        current = self.session.current
        measuring = current.get(self.cycle_key("measuring_cycle"))
        self.measuring.set_value(measuring, force=self.force_load)
        self.communication.set_value(current.get("communication_cycle"), force=self.force_load)

    def request_label(self) -> str:
        return f"PUT /measuring-objects/{self.uuid}/measuring-instruction-set?site={self.context.site}"

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        answer = await self.context.client.put_measuring_instruction_set(
            self.context.site, self.uuid, MeasuringInstructionSet.model_validate(payload)
        )
        return answer.to_payload()


class _ChannelLimitsBox(QGroupBox):
    """The limits of one logical channel."""

    # QT_TRANSLATE_NOOP marks the titles for lupdate (editor.tr(variable) alone is never extracted).
    FIELD_TITLES = {
        rules.LOWER_ALARM: QT_TRANSLATE_NOOP("MeasurementAlarmsEditor", "Lower alarm"),
        rules.LOWER_WARNING: QT_TRANSLATE_NOOP("MeasurementAlarmsEditor", "Lower warning"),
        rules.UPPER_WARNING: QT_TRANSLATE_NOOP("MeasurementAlarmsEditor", "Upper warning"),
        rules.UPPER_ALARM: QT_TRANSLATE_NOOP("MeasurementAlarmsEditor", "Upper alarm"),
        rules.HYSTERESIS: QT_TRANSLATE_NOOP("MeasurementAlarmsEditor", "Hysteresis"),
    }

    def __init__(self, editor: MeasurementAlarmsEditor, position: int, channel: dict[str, Any]) -> None:
        self.uuid: str = channel.get("uuid") or ""
        # A logical channel may name what it measures in codes or in plain text ("Temperature", "°C").
        raw_value, raw_unit = channel.get("physical_value_id"), channel.get("physical_unit_id")
        self.value_id: str = value_id_of(raw_value) or raw_value or ""
        # An assigned sensor channel of an object without logical channels [R]: nothing to key a
        # per-channel configuration on, only a per-object condition set can hold its limits.
        self.assigned = bool(channel.get("assigned"))
        self.unit: str = unit_id_of(raw_unit) or raw_unit or ""
        symbol = unit_symbol(self.unit)
        title = channel.get("name") or core_words.value_name(self.value_id)
        super().__init__(f"{title} ({symbol})" if symbol else title)
        self.setObjectName(f"limits_{position}")
        prefix = f"limits_{position}"
        self.preset = QComboBox(self)
        self.preset.setObjectName(f"{prefix}_preset")
        self.preset.setAccessibleName(
            QCoreApplication.translate("MeasurementAlarmsEditor", "Preset for %1").replace("%1", title)
        )
        self.preset.addItem(QCoreApplication.translate("MeasurementAlarmsEditor", "Choose a preset…"), "")
        for candidate in presets_for(self.value_id):
            self.preset.addItem(core_words.translated(candidate.title), candidate.key)
        self.preset.setEnabled(self.preset.count() > 1)
        glove_sized(self.preset)
        self.fields: dict[str, NumberField] = {}
        grid = QGridLayout(self)
        grid.addWidget(field_label(QCoreApplication.translate("MeasurementAlarmsEditor", "Preset")), 0, 0)
        grid.addWidget(self.preset, 0, 1, 1, 3)
        for index, key in enumerate(rules.LIMIT_FIELDS):
            field = NumberField(
                f"{prefix}_{key}", f"{editor.tr(str(self.FIELD_TITLES[key]))} ({title})", self, optional=True
            )
            field.set_unit(symbol)
            self.fields[key] = field
            grid.addWidget(
                field_label(editor.tr(str(self.FIELD_TITLES[key]))),
                1 + index // 2,
                (index % 2) * 2,
                ON_THE_FIELD_LINE,
            )
            grid.addWidget(field, 1 + index // 2, (index % 2) * 2 + 1)
        hysteresis = NumberField(
            f"{prefix}_hysteresis",
            f"{QCoreApplication.translate('MeasurementAlarmsEditor', 'Hysteresis')} ({title})",
            self,
            optional=False,
        )
        hysteresis.set_unit(symbol)
        self.fields[rules.HYSTERESIS] = hysteresis
        self.delay = DurationField(
            f"{prefix}_delay",
            f"{QCoreApplication.translate('MeasurementAlarmsEditor', 'Delay')} ({title})",
            self,
        )
        self.delay.set_allowed(rules.DELAY_RANGE)
        hysteresis_label = field_label(QCoreApplication.translate("MeasurementAlarmsEditor", "Hysteresis"))
        grid.addWidget(hysteresis_label, 3, 0, ON_THE_FIELD_LINE)
        grid.addWidget(hysteresis, 3, 1)
        # The delay with its allowed range spans the row: in the limits' column it made the box
        # wider than a laptop's editor pane.
        delay_label = field_label(QCoreApplication.translate("MeasurementAlarmsEditor", "Delay"))
        grid.addWidget(delay_label, 4, 0, ON_THE_FIELD_LINE)
        grid.addWidget(self.delay, 4, 1, 1, 3)
        self.unit_message = FieldMessage(self)
        self.unit_message.setObjectName(f"{prefix}_unit_message")
        grid.addWidget(self.unit_message, 5, 0, 1, 4)
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{prefix}_summary")
        set_text_role(self.summary, TextRole.MUTED)
        grid.addWidget(self.summary, 6, 0, 1, 4)
        # Says why the fields are read-only when they are (see `lock`); hidden otherwise.
        self.locked_note = QLabel(self)
        self.locked_note.setObjectName(f"{prefix}_locked")
        self.locked_note.setWordWrap(True)
        self.locked_note.hide()
        grid.addWidget(self.locked_note, 7, 0, 1, 4)
        self.loaded_unit = self.unit
        self.title_text = title

    def lock(self, reason: str) -> None:
        """Read-only with `reason` shown, or editable again for an empty reason."""
        self.locked_note.setText(reason)
        self.locked_note.setVisible(bool(reason))
        for widget in (self.preset, self.delay, *self.fields.values()):
            widget.setEnabled(not reason and (widget is not self.preset or self.preset.count() > 1))

    @property
    def locked(self) -> bool:
        return bool(self.locked_note.text())

    def typed_limits(self) -> ChannelLimits | None:
        """The limits as typed; None while a field does not even parse."""
        if any(field.typing_problem() for field in self.fields.values()) or self.delay.problem():
            return None
        return ChannelLimits(
            unit=self.loaded_unit or self.unit,
            lower_alarm=self.fields[rules.LOWER_ALARM].value(),
            lower_warning=self.fields[rules.LOWER_WARNING].value(),
            upper_warning=self.fields[rules.UPPER_WARNING].value(),
            upper_alarm=self.fields[rules.UPPER_ALARM].value(),
            hysteresis=self.fields[rules.HYSTERESIS].value() or 0.0,
            delay_ms=self.delay.value() or 0,
        )

    def show_rules(self, problems: dict[str, str]) -> None:
        for key, field in self.fields.items():
            field.set_rule_problem(problems.get(key, ""))
        self.unit_message.show_message(problems.get(rules.UNIT, ""))

    def load(self, limits: ChannelLimits, force: bool) -> None:
        self.loaded_unit = limits.unit
        for key, field in self.fields.items():
            value = limits.hysteresis if key == rules.HYSTERESIS else limits.limit(key)
            field.set_value(value, force=force)
        self.delay.set_value(limits.delay_ms, force=force)
        self.summary.setText(core_words.translated(rules.describe(limits)))


class MeasurementAlarmsEditor(SessionEditor):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "measurement_alarms", self.tr("Measurement alarms"), parent)
        self.uuid = ""
        self.channels: list[dict[str, Any]] = []
        self.boxes: list[_ChannelLimitsBox] = []
        self.layout_ = QVBoxLayout(self.form)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.empty_note = QLabel(self.tr("This measuring object has no logical channels."), self.form)
        self.empty_note.setObjectName("measurement_alarms_note")
        self.empty_note.setWordWrap(True)
        self.layout_.addWidget(self.empty_note)
        self.as_received_label = QLabel(
            self.tr(
                "Received from the cloud in a form this app cannot show in the fields above. "
                "It is sent back unchanged:"
            ),
            self.form,
        )
        self.as_received_label.setObjectName("measurement_alarms_as_received_label")
        self.as_received_label.setWordWrap(True)
        # As high as its text: it sits in the editor's scroll area and must not scroll on its own.
        self.as_received = FittingText(self.form)
        self.as_received.setObjectName("measurement_alarms_as_received")
        self.as_received.setAccessibleName(self.tr("Alarm settings as received, read-only"))
        self.as_received.setFont(QFont("monospace"))
        self.layout_.addWidget(self.as_received_label)
        self.layout_.addWidget(self.as_received)
        self.as_received_label.hide()
        self.as_received.hide()
        self._rule_problems: dict[str, dict[str, str]] = {}

    def set_object(self, uuid: str, channels: list[dict[str, Any]]) -> None:
        """Which object, and its logical channels (names, units), before `set_session`."""
        self.uuid = uuid
        if [c.get("uuid") for c in channels] != [c.get("uuid") for c in self.channels] or not self.boxes:
            self.channels = channels
            self._build()

    def _build(self) -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        doors: list[str] = []
        for position, channel in enumerate(self.channels):
            if value_id_of(channel.get("physical_value_id")) == "PV_DOOR_STATE":
                # A door has no limits to set; its alarm is "open too long", not modelled here.
                doors.append(channel.get("name") or core_words.value_name("PV_DOOR_STATE"))
                continue
            box = _ChannelLimitsBox(self, position, channel)
            for field in box.fields.values():
                field.edit.textEdited.connect(lambda _t, b=box: self._typed(b))
            box.delay.edit.textEdited.connect(lambda _t, b=box: self._typed(b))
            box.preset.activated.connect(lambda _i, b=box: self._preset_chosen(b))
            self.layout_.addWidget(box)
            self.boxes.append(box)
        self.layout_.addWidget(self.empty_note)  # below the boxes: it speaks about the channels left out
        self.layout_.addWidget(self.as_received_label)
        self.layout_.addWidget(self.as_received)
        if not self.channels:
            self.empty_note.setText(self.tr("This measuring object has no logical channels."))
        elif doors:
            self.empty_note.setText(
                self.tr(
                    "%1: door contacts have no limits to set; their alarms come from the sensor alarms."
                ).replace("%1", ", ".join(doors))
            )
        self.empty_note.setVisible(not self.boxes or bool(doors))

    def _preset_chosen(self, box: _ChannelLimitsBox) -> None:
        key = box.preset.currentData()
        if not key:
            return
        chosen: AlarmPreset = preset(key)
        limits = chosen.limits_for(box.unit)
        box.load(limits, force=True)
        self._typed(box)

    def _typed(self, box: _ChannelLimitsBox) -> None:
        if self._loading or self.session is None or box.locked:
            return
        limits = box.typed_limits()
        if limits is None:
            self.set_problem(
                f"{box.uuid}:parse", self.tr("A limit of %1 is not a number.").replace("%1", box.title())
            )
            return
        self.set_problem(f"{box.uuid}:parse", "")
        key = box.preset.currentData()
        if key and not rules.same_limits(limits, preset(key).limits_for(box.unit)):
            box.preset.setCurrentIndex(0)  # edited away from the preset: the box no longer names it
        problems = _validated(limits, box.unit)
        box.show_rules(problems)
        self._rule_problems[box.uuid] = problems
        config = self.session.current
        # The conditions the form does not show stay in place; new ones take the server's form.
        conditions = rules.conditions_from_limits(
            limits,
            physical_value_id=box.value_id,
            previous=rules.channel_conditions(config, box.uuid),
            form=rules.configuration_form(config),
        )
        box.summary.setText(core_words.translated(rules.describe(limits)))
        key = rules.conditions_key(config)
        self.edit((key,), rules.with_conditions(config, box.uuid, conditions)[key])

    def extra_problems(self) -> dict[str, str]:
        return {
            f"{uuid}:{key}": message
            for uuid, problems in self._rule_problems.items()
            for key, message in problems.items()
        }

    def load(self) -> None:
        assert self.session is not None  # noqa: S101
        config = self.session.current
        if self.force_load:
            self._rule_problems.clear()
        first_of_value: dict[str, _ChannelLimitsBox] = {}
        for box in self.boxes:
            limits = rules.limits_from_conditions(
                rules.channel_conditions(config, box.uuid),
                channel_unit=box.unit,
                physical_value_id=box.value_id,
            )
            box.load(limits, force=self.force_load)
            box.preset.setCurrentIndex(0)
            box.lock(self._lock_reason(config, box, first_of_value.setdefault(box.value_id, box)))
            problems = _validated(limits, box.unit) if not limits.empty and not box.locked else {}
            self._rule_problems[box.uuid] = problems
            box.show_rules(problems)
        self._show_as_received(config)

    def _lock_reason(self, config: dict[str, Any], box: _ChannelLimitsBox, first: _ChannelLimitsBox) -> str:
        if not rules.channel_readable(config, box.uuid):
            return self.tr(
                "The cloud sent this channel's alarm settings in a form this app cannot read; "
                "they are shown below as received and sent back unchanged."
            )
        if box.assigned and not rules.is_top_level(config):
            return self.tr(
                "This object has no logical channels in the cloud, so limits cannot be attached to "
                "this sensor channel here."
            )
        if rules.is_top_level(config) and first is not box:
            # One condition set for the whole object: its limits are per property, not per channel.
            return self.tr(
                "This object has one set of limits per measured value; they are set at %1."
            ).replace("%1", first.title_text)
        return ""

    def _show_as_received(self, config: dict[str, Any]) -> None:
        channels = [
            rules.ChannelInfo(
                uuid=str(channel.get("uuid") or ""),
                physical_value_id=value_id_of(channel.get("physical_value_id")),
                unit=unit_id_of(channel.get("physical_unit_id")) or "",
                has_form=any(box.uuid == channel.get("uuid") and not box.locked for box in self.boxes),
            )
            for channel in self.channels
        ]
        names = {str(c.get("uuid")): str(c.get("name") or "") for c in self.channels if c.get("uuid")}
        what = {
            "condition": self.tr("Condition"),
            "condition set": self.tr("Further condition set"),
            "channel configuration": self.tr("Channel alarm configuration"),
        }
        blocks = []
        for item in rules.unshown_items(config, channels):
            heading = what.get(item.what, item.what)
            name = names.get(item.channel_uuid or "") or item.channel_uuid
            if name:
                heading = self.tr("%1 of %2").replace("%1", heading).replace("%2", name)
            blocks.append(f"{heading}:\n{json.dumps(item.raw, indent=2, ensure_ascii=False)}")
        self.as_received.setPlainText("\n\n".join(blocks))
        self.as_received_label.setVisible(bool(blocks))
        self.as_received.setVisible(bool(blocks))

    def request_label(self) -> str:
        return f"PUT /measuring-objects/{self.uuid}/alarm-configuration?site={self.context.site}"

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        answer = await self.context.client.put_measuring_object_alarm_configuration(
            self.context.site, self.uuid, MeasurementAlarmConfiguration.model_validate(payload)
        )
        return answer.to_payload()
