"""Measurement settings of one logger -> `PUT /devices/{uuid}`.

The cycles are bounded by the device's own `capability` (min/max in ms); the field refuses a value
outside them with the range in words. Everything else in the device object goes back unchanged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from saveris_desktop.api.models import Device, whole_number
from saveris_desktop.core.devices.device_rows import device_type_of, model_and_type
from saveris_desktop.core.devices.ranges import (
    communication_shorter_than_measuring,
    cycle_ranges,
)
from saveris_desktop.ui import core_words, locale_format
from saveris_desktop.ui.devices.editor import SessionEditor
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.fields import DurationField, FieldMessage, labels_beside_fields
from saveris_desktop.ui.style import glove_sized
from saveris_desktop.ui.widgets.error_label import reserved_row

MEASURING_CYCLE = "measuring_cycle"
COMMUNICATION_CYCLE = "communication_cycle"


def cycle_order_problem(measuring: int | None, communication: int | None) -> str:
    """A logger cannot send more often than it measures."""
    if measuring is not None and communication_shorter_than_measuring(measuring, communication):
        return QCoreApplication.translate(
            "DeviceSettingsEditor", "The communication cycle cannot be shorter than the measuring cycle (%1)."
        ).replace("%1", locale_format.duration(measuring))
    return ""


class CyclesEditor(SessionEditor):
    """An editor with a measuring and a communication cycle (device settings, instruction set).

    Subclasses create `measuring`, `communication` and `order_message`, then call `wire_cycles()`.
    """

    measuring: DurationField
    communication: DurationField
    #: None until the subclass has built its form (the frame updates its state once before that)
    order_message: FieldMessage | None = None

    def cycle_key(self, key: str) -> str:
        """The payload key the session holds `key` under (a subclass may read another shape)."""
        return key

    def wire_cycles(self) -> None:
        for key, field in ((MEASURING_CYCLE, self.measuring), (COMMUNICATION_CYCLE, self.communication)):
            field.sig_value_changed.connect(lambda ms, k=key: self.edit((self.cycle_key(k),), ms))
            field.sig_problem_changed.connect(lambda message, k=key: self.set_problem(k, message))

    def extra_problems(self) -> dict[str, str]:
        if self.session is None:
            return {}
        problem = cycle_order_problem(
            whole_number(self.session.get((self.cycle_key(MEASURING_CYCLE),))),
            whole_number(self.session.get((self.cycle_key(COMMUNICATION_CYCLE),))),
        )
        return {"cycle_order": problem} if problem else {}

    def update_state(self) -> None:
        if self.order_message is not None:
            self.order_message.show_message(self.extra_problems().get("cycle_order", ""))
        super().update_state()


class DeviceSettingsEditor(CyclesEditor):
    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "device_settings", self.tr("Measurement settings"), parent)
        self.identity = QLabel(self.form)
        self.identity.setObjectName("device_settings_identity")
        self.identity.setWordWrap(True)
        self.name_edit = QLineEdit(self.form)
        self.name_edit.setObjectName("device_name")
        self.name_edit.setAccessibleName(self.tr("Logger name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Pharmacy fridge 2"))
        self.name_edit.setMaxLength(64)
        glove_sized(self.name_edit)
        self.name_message = FieldMessage(self.form)
        self.name_message.setObjectName("device_name_message")
        self.measuring = DurationField("measuring_cycle", self.tr("Measuring cycle"), self.form)
        self.communication = DurationField("communication_cycle", self.tr("Communication cycle"), self.form)
        self.order_message = FieldMessage(self.form)
        self.order_message.setObjectName("device_settings_cycle_order")
        layout = QFormLayout(self.form)
        layout.addRow(self.identity)
        layout.addRow(self.tr("Name"), reserved_row(self.name_edit, self.name_message))
        layout.addRow(self.tr("Measuring cycle"), self.measuring)
        layout.addRow(self.tr("Communication cycle"), self.communication)
        layout.addRow(reserved_row(self.order_message))
        explain = QLabel(
            self.tr(
                "How often the logger measures, and how often it sends its readings to the cloud. "
                "Longer cycles save battery; alarms are only raised when the logger reports."
            ),
            self.form,
        )
        explain.setWordWrap(True)
        layout.addRow(explain)
        labels_beside_fields(layout)

        self.name_edit.textEdited.connect(self._name_typed)
        self.wire_cycles()

    def _name_typed(self, text: str) -> None:
        # The cloud refuses an empty name; say so here instead of after a round trip.
        message = "" if text.strip() else self.tr("Give the logger a name, e.g. the fridge it guards.")
        self.name_message.show_message(message)
        self.set_problem("name", message)
        if not message:
            self.edit(("name",), text)

    def load(self) -> None:
        assert self.session is not None  # noqa: S101
        current = self.session.current
        measuring_range, communication_range = cycle_ranges(current)
        self.measuring.set_allowed(measuring_range)
        self.communication.set_allowed(communication_range)
        # Typed values whatever the cloud's spelling (a serial number sent as a number is text).
        device = Device.model_validate(current)
        firmware = (device.firmware.firmware_version if device.firmware else None) or "?"
        self.identity.setText(
            self.tr("Serial number %1 · model %2 · firmware %3")
            .replace("%1", device.serial_number or "?")
            .replace(
                "%2", core_words.translated(model_and_type(device.model_code, device_type_of(device))) or "?"
            )
            .replace("%3", firmware)
        )
        typing = self.name_edit.hasFocus() and self.name_edit.isModified()
        if self.force_load or not (typing or "name" in self._problems):
            self.name_edit.setText(device.name or "")
            self.name_message.show_message("")
        self.measuring.set_value(device.measuring_cycle, force=self.force_load)
        self.communication.set_value(device.communication_cycle, force=self.force_load)

    def request_label(self) -> str:
        uuid = self.session.base.get("uuid", "") if self.session else ""
        return f"PUT /devices/{uuid}?site={self.context.site}"

    async def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        answer = await self.context.client.put_device(self.context.site, Device.model_validate(payload))
        return answer.to_payload()
