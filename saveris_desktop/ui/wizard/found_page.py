"""Step 6: the new logger with serial number, model, firmware and sensors; configure it or add another."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from saveris_desktop.api.errors import ApiError, OperationNotOfferedError
from saveris_desktop.api.listing import UnreadableItem
from saveris_desktop.api.models import Device, Sensor
from saveris_desktop.core.devices.device_rows import device_type_of, model_and_type
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
        unreadable = self.ctx.unreadable.get(self.uuid)
        self.configure_button.setEnabled(unreadable is None)
        if unreadable is not None:
            self.show_unreadable(unreadable)
            self.focus_later(self.another_button)
            announce(
                self,
                self.tr("Logger %1 found, but the app cannot read its data.").replace(
                    "%1", unreadable.serial_number or ""
                ),
            )
            return
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
        if device.slot_sensors():
            self.run_job(self._load_sensors(site, device), self._sensors_loaded, lambda _error: None)

    def show_unreadable(self, item: UnreadableItem) -> None:
        """A logger joined whose description the app cannot read: say what is known, and why not more."""
        unknown = self.tr("not reported")
        self.serial.setText(item.serial_number or unknown)
        for label in (self.name, self.model, self.firmware):
            label.setText(unknown)
        self.sensors.setText(
            _html(
                self.tr(
                    "The cloud lists this logger, but the app cannot read its data (%1), so it cannot "
                    "be configured here. The device table lists it as “Not readable” and shows its "
                    "data as received."
                ).replace("%1", item.reason)
            )
        )

    def show_device(self, device: Device) -> None:
        unknown = self.tr("not reported")
        self.serial.setText(device.serial_number or unknown)
        # the table's, the report's and the CLI's words for the model and the type of this logger
        model = model_and_type(device.model_code, device_type_of(device))
        self.model.setText(core_words.translated(model) or unknown)
        self.name.setText(device.name or unknown)
        firmware = device.firmware.firmware_version if device.firmware else None
        self.firmware.setText(firmware or unknown)
        # The listing names a sensor by uuid only, which tells a technician nothing: the slot (counted
        # from 1, as on the logger and everywhere else in the app) until the sensor's own name is read.
        lines = [
            self._slot_line(c.slot_index, self.tr("sensor"), c.connected is not False)
            for c in device.slot_sensors()
        ]
        self.sensors.setText("<br>".join(lines) if lines else self.tr("none reported"))

    def _slot_line(self, slot_index: int, what: str, connected: bool) -> str:
        text = self.tr("Slot %1: %2").replace("%1", str(slot_index + 1)).replace("%2", what)
        return text + (" " + self.tr("(not connected)") if not connected else "")

    async def _load_sensors(
        self, site: str, device: Device
    ) -> tuple[list[tuple[int, Sensor | None, bool]], bool]:
        """Each slot's sensor where the cloud lets us read it; True as well when it does not offer
        reading sensors at all (not among testo's documented operations), so the page can say why
        the sensors are named by slot only."""
        client = self.ctx.services.client
        not_offered = False

        async def one(uuid: str) -> Sensor | None:
            nonlocal not_offered
            try:
                return await client.get_sensor(site, uuid)
            except OperationNotOfferedError:
                not_offered = True
                return None
            except ApiError:
                return None  # the slot stays on screen; details are a bonus

        slots = device.slot_sensors()
        sensors = await asyncio.gather(*(one(c.sensor_uuid) for c in slots))
        read = [(c.slot_index, s, c.connected is not False) for c, s in zip(slots, sensors, strict=True)]
        return read, not_offered

    def _sensors_loaded(self, result: tuple[list[tuple[int, Sensor | None, bool]], bool]) -> None:
        sensors, not_offered = result
        lines = []
        for slot, sensor, connected in sensors:
            what = self.tr("sensor")
            if sensor is not None:
                channels = ", ".join(c.name or c.physical_value_id for c in sensor.channels)
                what = f"<b>{_html(sensor.name or sensor.model_code or self.tr('sensor'))}</b>"
                if channels:
                    what += f" — {_html(channels)}"
            lines.append(self._slot_line(slot, what, connected))
        if not_offered:
            lines.append(
                "<i>"
                + _html(self.tr("The cloud does not let us read the sensors' names and channels."))
                + "</i>"
            )
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
