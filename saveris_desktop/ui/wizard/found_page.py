"""Step 6: the new logger with serial number, model, firmware and sensors; configure it or add another."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from saveris_desktop.api.errors import ApiError
from saveris_desktop.api.models import Device, Sensor
from saveris_desktop.core.device_rows import device_type
from saveris_desktop.ui import core_words
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.wizard.common import FlowPage, WizardContext, named


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FoundPage(FlowPage):
    sig_configure = Signal(str)
    sig_add_another = Signal()

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("foundPage")
        self.setTitle(self.tr("Device found"))
        self.setFinalPage(True)
        self.name = self._value("foundName", self.tr("Name"))
        self.serial = self._value("foundSerial", self.tr("Serial number"))
        self.model = self._value("foundModel", self.tr("Model"))
        self.firmware = self._value("foundFirmware", self.tr("Firmware"))
        self.sensors = self._value("foundSensors", self.tr("Sensors"))
        self.sensors.setTextFormat(Qt.TextFormat.RichText)

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Serial number:"), self.serial)
        form.addRow(self.tr("Model:"), self.model)
        form.addRow(self.tr("Firmware:"), self.firmware)
        form.addRow(self.tr("Sensors:"), self.sensors)

        self.configure_button = named(
            QPushButton(self.tr("&Configure this logger"), self),
            "configureLoggerButton",
            self.tr("Configure this logger"),
        )
        self.another_button = named(
            QPushButton(self.tr("&Add another logger to this site"), self),
            "addAnotherButton",
            self.tr("Add another logger to this site"),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.configure_button)
        buttons.addWidget(self.another_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(self.fontMetrics().height())
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.configure_button.clicked.connect(self._configure)
        self.another_button.clicked.connect(self.sig_add_another)

    @property
    def uuid(self) -> str:
        return self.ctx.flow.data.last_found_uuid or ""

    def initializePage(self) -> None:
        site = self.ctx.flow.data.site
        self.setSubTitle(self.tr("It is now part of the site “%1”.").replace("%1", site))
        device = self.ctx.devices.get(self.uuid)
        if device is None:  # cannot happen through the wizard; keep the page readable anyway
            device = Device(uuid=self.uuid)
        self.show_device(device)
        self.focus_later(self.configure_button)
        announce(
            self,
            self.tr("Logger %1 found: it is now part of the site “%2”.")
            .replace("%1", device.serial_number or device.name or "")
            .replace("%2", site),
        )
        if device.sensors_connections:
            self.run_job(self._load_sensors(site, device), self._sensors_loaded, lambda _error: None)

    def show_device(self, device: Device) -> None:
        unknown = self.tr("not reported")
        self.serial.setText(device.serial_number or unknown)
        kind = device_type(device.model_code, device.product_family)
        known = kind != "Logger"  # device_rows' fallback when the model code says nothing
        model = device.model_code or unknown
        self.model.setText(f"{model} ({core_words.translated(kind)})" if known else model)
        self.name.setText(device.name or unknown)
        firmware = device.firmware.firmware_version if device.firmware else None
        self.firmware.setText(firmware or unknown)
        lines = [
            self.tr("Slot %1: %2").replace("%1", str(c.slot_index)).replace("%2", _html(c.sensor_uuid))
            + ("" if c.connected else " " + self.tr("(not connected)"))
            for c in device.sensors_connections
        ]
        self.sensors.setText("<br>".join(lines) if lines else self.tr("none reported"))

    async def _load_sensors(self, site: str, device: Device) -> list[tuple[int, Sensor | None, bool]]:
        client = self.ctx.services.client

        async def one(uuid: str) -> Sensor | None:
            try:
                return await client.get_sensor(site, uuid)
            except ApiError:
                return None  # the uuid stays on screen; details are a bonus

        connections = device.sensors_connections
        sensors = await asyncio.gather(*(one(c.sensor_uuid) for c in connections))
        return [(c.slot_index, s, c.connected) for c, s in zip(connections, sensors, strict=True)]

    def _sensors_loaded(self, sensors: list[tuple[int, Sensor | None, bool]]) -> None:
        lines = []
        for slot, sensor, connected in sensors:
            if sensor is None:
                continue
            channels = ", ".join(c.name or c.physical_value_id for c in sensor.channels)
            name = sensor.name or sensor.model_code or sensor.uuid
            text = self.tr("Slot %1: %2").replace("%1", str(slot)).replace("%2", f"<b>{_html(name)}</b>")
            if channels:
                text += f" — {_html(channels)}"
            if not connected:
                text += " " + self.tr("(not connected)")
            lines.append(text)
        if lines:
            self.sensors.setText("<br>".join(lines))

    def _configure(self) -> None:
        self.sig_configure.emit(self.uuid)

    def _value(self, object_name: str, accessible: str) -> QLabel:
        label = named(QLabel(self), object_name, accessible)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setWordWrap(True)
        return label
