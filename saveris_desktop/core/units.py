"""Physical values and units as the API names them [R] and as technicians read them."""

from __future__ import annotations

UNIT_SYMBOLS: dict[str, str] = {
    "PU_DEGREE_CELSIUS": "°C",
    "PU_DEGREE_FAHRENHEIT": "°F",
    "PU_PERCENT_HUMIDITY": "%rF",
    "PU_GRAM_PER_CUBIC_METER": "g/m³",
    "PU_HECTOPASCAL": "hPa",
    "PU_NONE": "",
}

VALUE_NAMES: dict[str, str] = {
    "PV_TEMPERATURE": "Temperature",
    "PV_HUMIDITY": "Humidity",
    "PV_DOOR_STATE": "Door state",
    "PV_ABSOLUTE_HUMIDITY": "Absolute humidity",
    "PV_PRESSURE": "Pressure",
    "PV_DEW_POINT": "Dew point",
}


def unit_symbol(unit_id: str | None) -> str:
    """ "°C" for PU_DEGREE_CELSIUS; an unknown id is shown as it came, never hidden."""
    if not unit_id:
        return ""
    return UNIT_SYMBOLS.get(unit_id, unit_id)


def value_name(value_id: str | None) -> str:
    if not value_id:
        return ""
    return VALUE_NAMES.get(value_id, value_id.removeprefix("PV_").replace("_", " ").capitalize())


def celsius_to(unit_id: str, celsius: float) -> float:
    """A °C limit in the channel's unit (presets are written in °C)."""
    if unit_id == "PU_DEGREE_FAHRENHEIT":
        return round(celsius * 9 / 5 + 32, 1)
    return celsius


def celsius_span_to(unit_id: str, span: float) -> float:
    """A °C difference (hysteresis) in the channel's unit."""
    if unit_id == "PU_DEGREE_FAHRENHEIT":
        return round(span * 9 / 5, 1)
    return span


#: Units a sensor channel may be switched to, per physical value [A]; the first is the factory default.
UNITS_BY_VALUE: dict[str, tuple[str, ...]] = {
    "PV_TEMPERATURE": ("PU_DEGREE_CELSIUS", "PU_DEGREE_FAHRENHEIT"),
    "PV_HUMIDITY": ("PU_PERCENT_HUMIDITY",),
    "PV_DOOR_STATE": ("PU_NONE",),
}

#: Largest user offset (+/-) per physical value, in the channel's unit [A]; a door contact takes none.
MAX_OFFSET: dict[str, float] = {"PV_TEMPERATURE": 10.0, "PV_HUMIDITY": 10.0, "PV_DOOR_STATE": 0.0}


def units_for(value_id: str | None, current: str | None = None) -> list[str]:
    """Units offered for a channel; the channel's current unit is always among them."""
    units = list(UNITS_BY_VALUE.get(value_id or "", ()))
    if current and current not in units:
        units.insert(0, current)
    return units
