"""What the simulated cloud knows about physical values, units and system alarms.

Identifiers follow testo's related APIs [R] (`PV_*`, `PU_*`, `ASV_*`, `MACT_*`); `PU_NONE` for the
door state and the system alarm kinds are this project's assumption [A], shared with api/models.py.
"""

from __future__ import annotations

#: Units each physical value may be shown in; the first is the sensor's factory default.
UNITS_BY_VALUE: dict[str, tuple[str, ...]] = {
    "PV_TEMPERATURE": ("PU_DEGREE_CELSIUS", "PU_DEGREE_FAHRENHEIT"),
    "PV_HUMIDITY": ("PU_PERCENT_HUMIDITY",),
    "PV_DOOR_STATE": ("PU_NONE",),
}

#: Largest user offset per physical value (in the channel's unit); a door contact takes none.
MAX_OFFSET: dict[str, float] = {"PV_TEMPERATURE": 10.0, "PV_HUMIDITY": 10.0, "PV_DOOR_STATE": 0.0}

SEVERITIES = ("ASV_ALARM", "ASV_WARNING")
CONDITION_TYPES = ("MACT_LOWER_LIMIT", "MACT_UPPER_LIMIT")

#: Together these are api.models.SYSTEM_ALARM_KINDS (a test keeps them in step).
DEVICE_ALARM_KINDS = ("BATTERY_LOW", "EXTERNAL_POWER_LOST", "CONNECTION_TIMEOUT")
SENSOR_ALARM_KINDS = ("SENSOR_BROKEN", "CALIBRATION_OVERDUE", "BATTERY_LOW")

#: Longest alarm delay the server accepts: one day, in ms.
MAX_ALARM_DELAY_MS = 86_400_000
#: Bounds of an instruction set's cycles when no device feeds the measuring object yet (ms).
CYCLE_BOUNDS_MS = (60_000, 86_400_000)

#: The plain-text form of the alarm codes, as later observations of testo's related APIs show them
#: [R] ("Lower limit", "Warning", "Temperature", "°C"; the door as "Door"). `PU_NONE` has no known
#: text form and stays a code.
ALARM_CODE_TEXTS: dict[str, str] = {
    "MACT_LOWER_LIMIT": "Lower limit",
    "MACT_UPPER_LIMIT": "Upper limit",
    "ASV_ALARM": "Alarm",
    "ASV_WARNING": "Warning",
    "PV_TEMPERATURE": "Temperature",
    "PV_HUMIDITY": "Humidity",
    "PV_DOOR_STATE": "Door",
    "PU_DEGREE_CELSIUS": "°C",
    "PU_DEGREE_FAHRENHEIT": "°F",
    "PU_PERCENT_HUMIDITY": "%rF",
}
