"""Reads one logger's documents into the editors: its settings, alarms and sensors, in that order.

Each part is shown as soon as it is read (the settings first, which most visits are about). The
cloud may not let us read alarms or sensors (api/optional.py): an alarm editor is then marked
"not read from the cloud" and sends a complete document; the sensors are listed by slot and say
why they cannot be edited. Selecting another logger starts a new load that replaces this one
(TaskOwner key), so a slow answer for the previous logger never lands in the editors.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QLabel

from saveris_desktop.api.errors import NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import ApiModel, Device, Sensor
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.resources import session_key
from saveris_desktop.ui.devices.alarms_tab import AlarmsTab
from saveris_desktop.ui.devices.editor_context import EditorContext
from saveris_desktop.ui.devices.objects_tab import ObjectsTab
from saveris_desktop.ui.devices.sensor_directory import SensorDirectory
from saveris_desktop.ui.devices.sensors_tab import SensorsTab
from saveris_desktop.ui.devices.settings_tab import DeviceSettingsEditor
from saveris_desktop.ui.error_text import describe_error

LOAD_KEY = "load-device"

# Reading alarms and sensors is not among testo's documented operations (api/optional.py).
UNREADABLE_ALARMS = QT_TRANSLATE_NOOP(
    "DeviceLoader", "The cloud does not let us read the current alarms; what you apply here replaces them."
)
# Decision: without `GET /sensors/{uuid}` there is no source for a sensor's document. The listing's
# `sensors_connections` names only uuid, slot and connection state; `PUT /sensors/{uuid}` replaces the
# whole sensor, and sent without its channels it would reset every channel's name, unit and offset.
# So the Sensors tab lists the sensors by slot and says why they cannot be edited; their alarms (a
# complete document of the kinds the logger's capability implies) still work. A measuring object's
# channel is then given by number and what it measures (create_object.py); the cloud checks it.
SENSORS_UNREADABLE = QT_TRANSLATE_NOOP(
    "DeviceLoader",
    "The cloud does not let us read the sensors' settings, so they cannot be changed here: sending "
    "them without the current values would reset each channel's name, unit and offset. Their alarms "
    "can be set on the Alarms tab.",
)


@dataclass(frozen=True)
class DeviceTabs:
    """The editors of one site (rebuilt with each site's context)."""

    settings: DeviceSettingsEditor
    sensors: SensorsTab
    alarms: AlarmsTab
    objects: ObjectsTab


class DeviceLoader(QObject):
    def __init__(
        self,
        context: EditorContext,
        directory: SensorDirectory,
        tabs: DeviceTabs,
        status: QLabel,
        listed: Callable[[str], Device | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.directory = directory
        self.tabs = tabs
        self.status = status
        self.listed = listed

    def load(self, uuid: str) -> None:
        """Show what is known at once, then read the logger (replacing any load still running)."""
        context = self.context
        self.tabs.objects.set_device(uuid)
        # Edits made earlier (and kept in the context) show at once; the server's answer follows.
        self.tabs.settings.set_session(context.sessions.get(f"device:{uuid}"))
        self.tabs.alarms.set_device(uuid)
        self.status.setText(self.tr("Reading the logger's settings…"))
        context.tasks.spawn(self._load(uuid), key=LOAD_KEY, on_result=lambda _r: None, on_error=self._failed)

    def cancel(self) -> None:
        self.context.tasks.cancel(LOAD_KEY)

    async def _load(self, uuid: str) -> None:
        context, directory, tabs = self.context, self.directory, self.tabs
        client, site = context.client, context.site
        # The listing (documented) carries the whole device document; its own GET is only a bonus.
        device = await client.read_device(site, uuid, listed=self.listed(uuid))
        device_payload = device.to_payload()
        tabs.settings.show_session(context.session(f"device:{uuid}", device_payload))
        await self._load_alarms(
            session_key(DraftKind.DEVICE_ALARMS, uuid),
            "get_device_alarm_configuration",
            partial(client.get_device_alarm_configuration, site, uuid),
        )
        tabs.alarms.set_device(uuid, device_payload)
        entries: list[tuple[str, str]] = []
        problems: list[str] = []
        sensors_unreadable = False
        for connection in device.slot_sensors():
            sensor_uuid = connection.sensor_uuid
            sensor: Sensor | None = None
            try:
                sensor = await client.get_sensor(site, sensor_uuid)
            except OperationNotOfferedError:
                sensors_unreadable = True
            except NotFoundError:
                # The logger lists this sensor, so a 404 means the read is missing, unless the read
                # has answered before in this session: then this one sensor is unknown to the cloud.
                if not client.optional.missing_known_resource("get_sensor"):
                    problems.append(
                        self.tr("Sensor in slot %1 is not known to the cloud.").replace(
                            "%1", str(connection.slot_index + 1)
                        )
                    )
                    continue
                sensors_unreadable = True
            await self._load_alarms(
                session_key(DraftKind.SENSOR_ALARMS, sensor_uuid),
                "get_sensor_alarm_configuration",
                partial(client.get_sensor_alarm_configuration, site, sensor_uuid),
            )
            if sensor is not None:
                directory.remember(sensor)
                context.session(f"sensor:{sensor_uuid}", sensor.to_payload())
            name = (sensor.name or sensor.model_code) if sensor is not None else None
            label = (
                self.tr("Slot %1 · %2")
                .replace("%1", str(connection.slot_index + 1))
                .replace("%2", name or self.tr("sensor"))
            )
            if connection.connected is False:
                label += self.tr(" (disconnected)")
            entries.append((sensor_uuid, label))
        if sensors_unreadable:
            problems.append(self.tr(str(SENSORS_UNREADABLE)))
        tabs.sensors.set_sensors(
            entries, "\n".join(problems) if entries or problems else self.tr("No sensors connected.")
        )
        for sensor_uuid, _ in entries:
            tabs.sensors.refresh_session(sensor_uuid)
        tabs.alarms.set_sensors(entries)
        self.status.setText("")
        tabs.objects.set_objects(list(tabs.objects.objects.values()))

    async def _load_alarms(self, key: str, read_name: str, read: Callable[[], Awaitable[ApiModel]]) -> None:
        """The session `key` with the cloud's current alarms, or, where the cloud does not let us read
        them, marked unreadable: its editor then says so and sends a complete document."""
        context = self.context
        try:
            payload = (await read()).to_payload()
        except OperationNotOfferedError:
            payload = None
        except NotFoundError:
            # The device or sensor is listed, so its configuration cannot be "gone": either the read
            # is missing (remembered for the session) or this one has none we can read. Either way
            # we do not know what the cloud has.
            context.client.optional.missing_known_resource(read_name)
            payload = None
        if payload is not None:
            context.set_unreadable(key, None)
            context.session(key, payload)
            return
        context.set_unreadable(key, self.tr(str(UNREADABLE_ALARMS)))
        if key not in context.sessions:  # keep what an earlier Apply made known, and any edits
            context.session(key, {"alarms": []})

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not read the logger: %1").replace("%1", describe_error(error)))
