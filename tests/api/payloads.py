"""Server payloads as the API sends them, each with fields the app does not model (nested ones too)."""

from __future__ import annotations

from typing import Any

SITE = "Bakery Main Street"
DEVICE_UUID = "8f0c4f5e-1c1a-4c55-9d0e-2b1f7c3a9d01"
SENSOR_UUID = "c2d9a1b0-77aa-4e1b-8a51-3f5e0d6c1e22"
OBJECT_UUID = "5a7e9c10-0b3f-4d4e-a1c2-9e8f7d6c5b43"


def device() -> dict[str, Any]:
    return {
        "uuid": DEVICE_UUID,
        "valid_from": "2026-11-20T08:15:00Z",
        "valid_until": None,
        "customer_uuid": "cust-42",
        "product_family": "PF_ANY",
        "customer_site": SITE,
        "serial_number": "61234567",
        "model_code": "QSR_T1",
        "firmware": {"firmware_version": "1.4.2", "firmware_code": "FW-QSR", "build_date": "2026-03-01"},
        "sensors_connections": [
            {
                "slot_index": 0,
                "sensor_uuid": SENSOR_UUID,
                "connected": True,
                "connected_change_date": "2026-11-20T08:16:00Z",
                "slot_label": "internal",
            }
        ],
        "capability": {
            "powersupply": True,
            "charger": False,
            "radio": False,
            "ethernet": False,
            "display": True,
            "sum": False,
            "deactivation": True,
            "communication_cycle_min": 300000,
            "communication_cycle_max": 86400000,
            "supported_battery_types": ["ALKALINE", "LITHIUM"],
            "display_measure_rows": 2,
            "slot_count": 1,
            "measuring_cycle_min": 60000,
            "measuring_cycle_max": 86400000,
            "alarm_buzzer": {"volume_levels": [0, 1, 2], "default": 1},
        },
        "name": "Cold room logger",
        "measuring_cycle": 900000,
        "communication_cycle": 900000,
        "battery_level": 87,
    }


REDOC_DEVICE_UUID = "497f6eca-6276-4993-bfeb-53cbbbba6f08"


def redoc_device() -> dict[str, Any]:
    """The device object of testo's Redoc reference (`GET /devices`), with its placeholder values.

    The reference shows these keys in this order (../shared/docs/saveris-api.md, "The device
    object"); its example is cut off inside `capability` after `measuring_cycle_min`, continuing
    with `measuring_rate_mi…`: that key is kept here as an unknown field the app must send back.
    """
    return {
        "uuid": REDOC_DEVICE_UUID,
        "valid_from": "2019-08-24T14:15:22Z",
        "valid_until": "2019-08-24T14:15:22Z",
        "customer_uuid": "a169451c-8525-4352-b8ca-070dd449a1a5",
        "product_family": "PF_ANY",
        "customer_site": "string",
        "serial_number": "string",
        "model_code": "string",
        "firmware": {"firmware_version": "string", "firmware_code": "string"},
        "sensors_connections": [
            {
                "slot_index": 0,
                "sensor_uuid": "9f3e2d8c-2b6a-4c1e-8f55-0c9a7b3d2e11",
                "connected": True,
                "connected_change_date": "2019-08-24T14:15:22Z",
            }
        ],
        "capability": {
            "powersupply": True,
            "charger": True,
            "radio": True,
            "ethernet": True,
            "display": True,
            "sum": True,
            "deactivation": True,
            "communication_cycle_min": 0,
            "communication_cycle_max": 0,
            "supported_battery_types": ["string"],
            "display_measure_rows": 0,
            "slot_count": 0,
            "measuring_cycle_min": 0,
            "measuring_rate_min": 0,
        },
    }


def redoc_device_with_gaps() -> dict[str, Any]:
    """The Redoc example as a real account may send it: an empty slot and nulls wherever the
    reference promises nothing, numbers as strings or integral floats, an unknown enum value."""
    device = redoc_device()
    device["serial_number"] = 61234567  # digits sent as a number
    device["valid_until"] = None
    device["product_family"] = "PF_SAVERIS_QSR"  # an enum value the app has never seen
    device["firmware"] = {"firmware_version": None, "firmware_code": None}
    device["sensors_connections"].append(
        {"slot_index": 1, "sensor_uuid": None, "connected": None, "connected_change_date": None}
    )
    capability = device["capability"]
    capability["supported_battery_types"] = None
    capability["display"] = None
    capability["slot_count"] = "2"
    capability["communication_cycle_min"] = "900000"
    capability["communication_cycle_max"] = 86400000.0
    capability["measuring_cycle_min"] = None
    device["measuring_cycle"] = "900000"
    device["communication_cycle"] = 900000.0
    return device


def sensor() -> dict[str, Any]:
    return {
        "uuid": SENSOR_UUID,
        "device_uuid": DEVICE_UUID,
        "customer_site": SITE,
        "serial_number": "61234567-0",
        "model_code": "NTC_INTERNAL",
        "name": "Internal NTC",
        "channels": [
            {
                "channel_index": 0,
                "physical_value_id": "PV_TEMPERATURE",
                "physical_unit_id": "PU_DEGREE_CELSIUS",
                "name": "Temperature",
                "offset": 0.0,
                "resolution": 0.1,
                "range": {"min": -35.0, "max": 55.0},
            }
        ],
        "calibration": {"date": "2025-01-01"},
    }


def system_alarms() -> dict[str, Any]:
    return {
        "alarms": [
            {
                "alarm_type": "BATTERY_LOW",
                "enabled": True,
                "severity": "ASV_WARNING",
                "delay": 0,
                "threshold": 10,
            },
            {"alarm_type": "CONNECTION_TIMEOUT", "enabled": False, "severity": "ASV_ALARM", "delay": 3600000},
        ],
        "recipients": ["shift-lead@example.com"],
    }


def measuring_object(uuid: str | None = OBJECT_UUID, name: str = "Fridge 3") -> dict[str, Any]:
    payload: dict[str, Any] = {
        "customer_site": SITE,
        "name": name,
        "description": "Dairy fridge",
        "logical_channels": [
            {
                "uuid": "lc-1",
                "name": "Internal temperature",
                "physical_value_id": "PV_TEMPERATURE",
                "physical_unit_id": "PU_DEGREE_CELSIUS",
                "sensor_channel": {"sensor_uuid": SENSOR_UUID, "channel_index": 0, "mapped_at": "2026-11-20"},
                "colour": "#1f77b4",
            },
            {
                "uuid": "lc-2",
                "name": "Door",
                "physical_value_id": "PV_DOOR_STATE",
                "sensor_channel": {"sensor_uuid": "door-sensor", "channel_index": 0},
            },
        ],
        "tags": ["dairy"],
    }
    if uuid is not None:
        payload["uuid"] = uuid
    return payload


def instruction_set() -> dict[str, Any]:
    return {"measuring_cycle": 300000, "communication_cycle": 900000, "valid_from": "2026-11-21T00:00:00Z"}


def _condition(kind: str, severity: str, value: float) -> dict[str, Any]:
    return {
        "measurementAlarmConditionTypeId": kind,
        "alarmSeverityId": severity,
        "physicalProperty": {"physicalValueId": "PV_TEMPERATURE", "displayName": "Temperature"},
        "limitValue": value,
        "limitHysteresis": 0.5,
        "delay": 600000,
        "physicalUnitId": "PU_DEGREE_CELSIUS",
        "conditionUuid": f"cond-{kind}-{severity}",
    }


def measurement_alarms() -> dict[str, Any]:
    return {
        "channel_alarm_configurations": [
            {
                "logical_channel_uuid": "lc-1",
                "measurementAlarmConditionSet": [
                    {
                        "measurementAlarmConditions": [
                            _condition("MACT_LOWER_LIMIT", "ASV_ALARM", 0.0),
                            _condition("MACT_LOWER_LIMIT", "ASV_WARNING", 1.0),
                            _condition("MACT_UPPER_LIMIT", "ASV_WARNING", 6.0),
                            _condition("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0),
                        ],
                        "schedule": {"always": True},
                    }
                ],
                "escalation_level": 2,
            }
        ],
        "revision": 7,
    }


def alarm_condition(
    kind: str, severity: str, value: float, *, prop: str = "Temperature", unit: str = "°C"
) -> dict[str, Any]:
    """One measurement alarm condition [R], in either form: codes (`MACT_LOWER_LIMIT`) or plain
    text (`"Lower limit"`); plain text by default, as later observations of the data show it."""
    return {
        "measurementAlarmConditionTypeId": kind,
        "alarmSeverityId": severity,
        "physicalProperty": {"physicalValueId": prop},
        "limitValue": value,
        "limitHysteresis": 0.5,
        "delay": 600_000,
        "physicalUnitId": unit,
    }


#: A fridge's four limits in plain text: 2 / 3 / 7 / 8 °C.
TEXT_FRIDGE = [
    alarm_condition("Lower limit", "Alarm", 2),
    alarm_condition("Lower limit", "Warning", 3),
    alarm_condition("Upper limit", "Warning", 7),
    alarm_condition("Upper limit", "Alarm", 8),
]
