"""The site's sensors as technicians pick them: "Logger 61100042 · slot 1 · Temperature", never a uuid.

Built from the device list (which sensor sits in which slot of which logger); the channels of a
sensor come from `GET /sensors/{uuid}`, fetched once on demand and cached, so a site with thousands
of loggers does not fetch thousands of sensors up front. Where the cloud does not offer that read
(not among testo's documented operations), `sensor()` raises OperationNotOfferedError and the create
dialog asks for the channel by number instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import Device, Sensor
from saveris_desktop.core.devices.object_setup import sensor_channel_name
from saveris_desktop.core.devices.units import unit_symbol

# The labels are built outside any widget: QCoreApplication.translate in the context "SensorDirectory".


@dataclass(frozen=True)
class SensorSlot:
    sensor_uuid: str
    device_uuid: str
    device_serial: str
    slot_index: int
    connected: bool

    def label(self, sensor: Sensor | None = None) -> str:
        text = (
            QCoreApplication.translate("SensorDirectory", "Logger %1 · slot %2")
            .replace("%1", self.device_serial or "?")
            .replace("%2", str(self.slot_index + 1))
        )
        if sensor is not None and (sensor.name or sensor.model_code):
            text += f" · {sensor.name or sensor.model_code}"
        if not self.connected:
            text += QCoreApplication.translate("SensorDirectory", " (disconnected)")
        return text


def channel_label(sensor: Sensor, channel_index: int) -> str:
    channel = next((c for c in sensor.channels if c.channel_index == channel_index), None)
    if channel is None:
        return QCoreApplication.translate("SensorDirectory", "Channel %1").replace(
            "%1", str(channel_index + 1)
        )
    unit = unit_symbol(channel.physical_unit_id)
    name = sensor_channel_name(channel)
    return f"{name} ({unit})" if unit else name


class SensorDirectory:
    def __init__(self, client: DeviceManagementClient, site: str) -> None:
        self.client = client
        self.site = site
        self.slots: dict[str, SensorSlot] = {}
        self.sensors: dict[str, Sensor] = {}

    def update_devices(self, devices: Iterable[Device]) -> None:
        self.slots = {
            slot.sensor_uuid: SensorSlot(
                slot.sensor_uuid,
                device.uuid,
                device.serial_number or "",
                slot.slot_index,
                slot.connected is not False,  # unknown is not worth a "disconnected" warning
            )
            for device in devices
            for slot in device.slot_sensors()
        }

    def remember(self, sensor: Sensor) -> None:
        self.sensors[sensor.uuid] = sensor

    async def sensor(self, uuid: str) -> Sensor:
        cached = self.sensors.get(uuid)
        if cached is None:
            cached = await self.client.get_sensor(self.site, uuid)
            self.sensors[uuid] = cached
        return cached

    def label(self, sensor_uuid: str) -> str:
        slot = self.slots.get(sensor_uuid)
        sensor = self.sensors.get(sensor_uuid)
        if slot is None:
            name = sensor.name if sensor is not None and sensor.name else ""
            name = name or QCoreApplication.translate("SensorDirectory", "sensor")
            where = QCoreApplication.translate("SensorDirectory", "%1 (not on a logger of this site)")
            return where.replace("%1", name)
        return slot.label(sensor)

    def device_of(self, sensor_uuid: str) -> str | None:
        slot = self.slots.get(sensor_uuid)
        return slot.device_uuid if slot else None

    def mapping_label(self, sensor_uuid: str, channel_index: int) -> str:
        sensor = self.sensors.get(sensor_uuid)
        channel = channel_label(sensor, channel_index) if sensor else f"channel {channel_index + 1}"
        return f"{self.label(sensor_uuid)} · {channel}"
