"""A commissioned site in the in-process simulator, for the report's tests (core, CLI and UI).

Two QSR loggers (their documents have no free slots, so both simulator profiles list them), each
with a measuring object on its first sensor channel and the preset's alarm limits, the site's time
zone set. Everything goes through the app's own client and core code, as a technician's session
would; only documented operations are needed, so it works against both profiles.
"""

from __future__ import annotations

from dataclasses import dataclass

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import GlobalSettings, LogicalChannel, SensorChannelRef
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.devices.object_setup import apply_preset_to_object, new_measuring_object
from saveris_desktop.core.devices.presets import preset
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator

SITE = "Pharmacy Main Street"
ZONE = "Europe/Berlin"
WIFI = ("Shop Wi-Fi", "secret-wifi-password")
#: measuring object name -> the logger kind that feeds it
OBJECTS = {"Vaccine fridge": LoggerKind.QSR_TEMPERATURE, "Cold room": LoggerKind.QSR_TEMPERATURE_HUMIDITY}


@dataclass
class CommissionedSite:
    sim: Simulator
    client: DeviceManagementClient
    connect_key: str
    serials: dict[str, str]  # object name -> serial number of the logger feeding it


def simulator(profile: str) -> Simulator:
    return Simulator(seed=11, join_delay=0.0, clock=ManualClock(), profile=profile)


async def join_logger(sim: Simulator, kind: LoggerKind, connect_key: str) -> str:
    logger = sim.create_logger(kind)
    sim.press_button(logger.id, 3.0)
    outcome = sim.submit_configuration(logger.id, connect_key, *WIFI)
    assert outcome.ok, outcome.message
    return logger.serial_number


async def commission(sim: Simulator, site: str = SITE) -> CommissionedSite:
    client = DeviceManagementClient(Endpoint.custom("http://127.0.0.1:9", "sim"), transport=sim.transport())
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    key = await client.create_connect_key(site)
    await client.put_global_settings(site, GlobalSettings(timezone=ZONE))
    serials = {name: await join_logger(sim, kind, key.connect_key) for name, kind in OBJECTS.items()}
    devices = {d.serial_number: d for d in await client.list_devices(site)}
    for name, serial in serials.items():
        device = devices[serial]
        # The first sensor's first channel is temperature in both QSR loggers; built from the
        # listing alone, as a cloud without `GET /sensors/{uuid}` allows.
        channel = LogicalChannel(
            name="Inside",
            physical_value_id="PV_TEMPERATURE",
            physical_unit_id="PU_DEGREE_CELSIUS",
            sensor_channel=SensorChannelRef(
                sensor_uuid=device.sensors_connections[0].sensor_uuid, channel_index=0
            ),
        )
        created = await client.create_measuring_object(site, new_measuring_object(name, [channel]))
        await apply_preset_to_object(client, site, created, preset("fridge"))
    return CommissionedSite(sim, client, key.connect_key, serials)
