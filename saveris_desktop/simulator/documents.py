"""The documents the simulated cloud serves (devices, sensors, alarms) and the rules they obey.

Devices and sensors carry realistic fields the client does not model (`product_type`, `connection`,
`battery`, `calibration`, `measuring_range`, ...), at top level and nested, so the client's rule
"keep every unknown field and send it back unchanged" is exercised for real.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .catalog import (
    DEVICE_ALARM_KINDS,
    SENSOR_ALARM_KINDS,
    UNITS_BY_VALUE,
)
from .loggers import LoggerKind, SensorSpec, VirtualLogger
from .validation import Obj, fail

if TYPE_CHECKING:
    from .world import Site

VALID_UNTIL_OPEN = "9999-12-31T23:59:59.000Z"


def device_document(logger: VirtualLogger, site: Site, joined: str) -> dict[str, Any]:
    spec = logger.spec
    capability = copy.deepcopy(spec.capability)
    doc: dict[str, Any] = {
        "uuid": logger.device_uuid,
        "valid_from": joined,
        "valid_until": VALID_UNTIL_OPEN,
        "customer_uuid": site.customer_uuid,
        "product_family": "PF_ANY",
        "customer_site": site.name,
        "serial_number": logger.serial_number,
        "model_code": spec.model_code,
        "firmware": {
            "firmware_version": spec.firmware_version,
            "firmware_code": spec.firmware_code,
            "bootloader_version": "1.0.3",
            "update_available": False,
        },
        "sensors_connections": [
            {
                "slot_index": slot,
                "sensor_uuid": sensor_uuid,
                "connected": True,
                "connected_change_date": joined,
                "slot_type": sensor_spec.slot_type,
            }
            for slot, (sensor_uuid, sensor_spec) in enumerate(
                zip(logger.sensor_uuids, spec.sensors, strict=True)
            )
        ],
        "capability": capability,
        "name": "",
        "measuring_cycle": spec.default_measuring_cycle,
        "communication_cycle": spec.default_communication_cycle,
        "tags": [],
        # Server data the client does not model: it must come back unchanged.
        "product_type": product_type(logger.kind),
        "hardware_revision": "C",
        "connection": {"wifi_ssid": logger.wifi_ssid, "rssi_dbm": -57, "last_communication": joined},
        "last_modified": joined,
    }
    doc["name"] = default_device_name(doc)
    if capability["supported_battery_types"]:
        doc["battery"] = {"battery_type": capability["supported_battery_types"][0], "level_percent": 100}
    if capability["display"]:
        doc["display_settings"] = display_settings(None)
    return doc


def sensor_document(
    sensor_uuid: str, serial: str, spec: SensorSpec, logger: VirtualLogger, site: Site, slot: int
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "uuid": sensor_uuid,
        "device_uuid": logger.device_uuid,
        "customer_uuid": site.customer_uuid,
        "customer_site": site.name,
        "serial_number": serial,
        "model_code": spec.model_code,
        "name": spec.name,
        "factory_name": spec.name,
        "slot_index": slot,
        "channels": [
            {
                "channel_index": index,
                "physical_value_id": channel.physical_value_id,
                "physical_unit_id": channel.physical_unit_id,
                "name": channel.name,
                "factory_name": channel.name,
                "offset": 0.0,
                "measuring_range": {"min": channel.range_min, "max": channel.range_max},
                "resolution": channel.resolution,
            }
            for index, channel in enumerate(spec.channels)
        ],
        "calibration": {"last_calibration_date": None, "interval_months": 12},
    }
    if spec.wireless:
        doc["wireless"] = {"battery_level_percent": 96, "rssi_dbm": -71}
    return doc


def default_device_name(doc: dict[str, Any]) -> str:
    return f"{kind_of(doc).product_name} {doc['serial_number']}"


def product_type(kind: LoggerKind) -> str:
    return f"PT_{kind.value.upper()}"


def kind_of(doc: dict[str, Any]) -> LoggerKind:
    """The kind of logger a device document describes (every device is a virtual logger's)."""
    return LoggerKind(doc["product_type"].removeprefix("PT_").lower())


def display_settings(body: Obj | None) -> dict[str, Any]:
    if body is None:
        return {"temperature_unit": "PU_DEGREE_CELSIUS", "show_min_max": False}
    body.only(("temperature_unit", "show_min_max"))
    unit = (
        body.choice("temperature_unit", UNITS_BY_VALUE["PV_TEMPERATURE"])
        if body.has("temperature_unit")
        else "PU_DEGREE_CELSIUS"
    )
    return {"temperature_unit": unit, "show_min_max": body.boolean("show_min_max", default=False)}


def device_alarm_kinds(doc: dict[str, Any]) -> tuple[str, ...]:
    capability = doc["capability"]
    kinds = []
    for kind in DEVICE_ALARM_KINDS:
        if kind == "EXTERNAL_POWER_LOST" and not capability.get("powersupply"):
            continue
        if kind == "BATTERY_LOW" and not capability.get("supported_battery_types"):
            continue
        kinds.append(kind)
    return tuple(kinds)


def sensor_alarm_kinds(doc: dict[str, Any]) -> tuple[str, ...]:
    return tuple(kind for kind in SENSOR_ALARM_KINDS if kind != "BATTERY_LOW" or "wireless" in doc)


def default_alarms(kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {
            "alarm_type": kind,
            "enabled": True,
            "severity": "ASV_ALARM",
            "delay": 3_600_000 if kind == "CONNECTION_TIMEOUT" else 0,
        }
        for kind in kinds
    ]


def same_uuid(body: Obj, expected: str) -> None:
    sent = body.data.get("uuid")
    if sent is not None and sent != expected:
        fail(f"uuid in the body ({sent!r}) differs from the uuid in the path ({expected!r})")


def duration(ms: int) -> str:
    minutes = ms // 60_000
    return f"{minutes // 60} h" if minutes >= 60 and minutes % 60 == 0 else f"{minutes} min"


def listing(values: Any) -> str:
    return ", ".join(str(value) for value in sorted(values))
