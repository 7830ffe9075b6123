"""Physical values and units as the API names them [R] and as technicians read them.

The same data has been seen in two forms [R]: codes (`PV_TEMPERATURE`, `PU_DEGREE_CELSIUS`) and plain
text (`"Temperature"`, `"°C"`). The app works with codes; `value_id_of` and `unit_id_of` read either
form, and `value_text`/`unit_symbol` give the text form back when a value has to be written in it.
"""

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


#: Plain-text names seen for physical values [R] (lower case) beyond the names above.
_VALUE_ALIASES: dict[str, str] = {
    "door": "PV_DOOR_STATE",
    "door contact": "PV_DOOR_STATE",
    "relative humidity": "PV_HUMIDITY",
}

#: Plain-text unit spellings seen or likely [R] beyond the symbols above.
_UNIT_ALIASES: dict[str, str] = {
    "°c": "PU_DEGREE_CELSIUS",
    "°f": "PU_DEGREE_FAHRENHEIT",
    "%rf": "PU_PERCENT_HUMIDITY",
    "%rh": "PU_PERCENT_HUMIDITY",
    "%": "PU_PERCENT_HUMIDITY",
    "g/m³": "PU_GRAM_PER_CUBIC_METER",
    "g/m3": "PU_GRAM_PER_CUBIC_METER",
    "hpa": "PU_HECTOPASCAL",
}


def value_id_of(value: object) -> str | None:
    """The PV_* code of a physical value given as a code or as plain text; None if not recognised."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text in VALUE_NAMES or text.startswith("PV_"):
        return text
    folded = text.casefold()
    for code, name in VALUE_NAMES.items():
        if name.casefold() == folded:
            return code
    return _VALUE_ALIASES.get(folded)


def unit_id_of(value: object) -> str | None:
    """The PU_* code of a unit given as a code or as a symbol ("°C"); None if not recognised."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text in UNIT_SYMBOLS or text.startswith("PU_"):
        return text
    for code, symbol in UNIT_SYMBOLS.items():
        if symbol and symbol == text:
            return code
    return _UNIT_ALIASES.get(text.casefold().replace(" ", ""))


def value_text(value_id: str) -> str:
    """The plain-text form of a PV_* code, as a server that writes text would ("Temperature")."""
    return VALUE_NAMES.get(value_id, value_name(value_id))


def unit_symbol(unit_id: str | None) -> str:
    """ "°C" for PU_DEGREE_CELSIUS; an unknown id is shown as it came, never hidden."""
    if not unit_id:
        return ""
    return UNIT_SYMBOLS.get(unit_id, unit_id)


def value_name(value_id: str | None) -> str:
    if not value_id:
        return ""
    return VALUE_NAMES.get(value_id, value_id.removeprefix("PV_").replace("_", " ").capitalize())


_CELSIUS, _FAHRENHEIT = "PU_DEGREE_CELSIUS", "PU_DEGREE_FAHRENHEIT"


def convert_reading(value: float, from_unit: str | None, to_unit: str | None) -> float:
    """A reading or a limit (a point on the scale) in another unit: 20 °C is 68 °F.

    Units without a conversion (the same unit, humidity, an unknown id) leave the value as it is."""
    if from_unit == _CELSIUS and to_unit == _FAHRENHEIT:
        return value * 9 / 5 + 32
    if from_unit == _FAHRENHEIT and to_unit == _CELSIUS:
        return (value - 32) * 5 / 9
    return value


def convert_difference(value: float, from_unit: str | None, to_unit: str | None) -> float:
    """A difference in another unit: an offset, a hysteresis. 1 °C more is 1.8 °F more, not 33.8 °F:
    the zero points of the scales cancel out."""
    return convert_reading(value, from_unit, to_unit) - convert_reading(0.0, from_unit, to_unit)


#: Decimals an offset keeps after a unit switch (a reference thermometer reads to 0.1; 0.01 keeps 1/1.8).
OFFSET_DECIMALS = 2


def offset_after_unit_switch(
    offset: float | None,
    from_unit: str | None,
    to_unit: str | None,
    *,
    base_offset: float | None = None,
    base_unit: str | None = None,
) -> float | None:
    """The sensor offset `offset` (in `from_unit`) once the channel shows `to_unit`, as a difference.

    `base_offset`/`base_unit`: what the cloud holds. While `offset` is still that value (only shown in
    another unit, not typed since), the result is converted from it, so switching °C → °F → °C gives
    the cloud's own number back instead of a rounded one."""
    if offset is None:
        return None
    source, unit = offset, from_unit
    if base_offset is not None and base_unit:
        shown_base = round(convert_difference(base_offset, base_unit, from_unit), OFFSET_DECIMALS)
        if abs(shown_base - offset) < 10**-OFFSET_DECIMALS / 2:
            source, unit = base_offset, base_unit
    if unit == to_unit:
        return source
    return round(convert_difference(source, unit, to_unit), OFFSET_DECIMALS)


def celsius_to(unit_id: str, celsius: float) -> float:
    """A °C limit in the channel's unit (presets are written in °C)."""
    return round(convert_reading(celsius, _CELSIUS, unit_id), 1) if unit_id == _FAHRENHEIT else celsius


def celsius_span_to(unit_id: str, span: float) -> float:
    """A °C difference (hysteresis) in the channel's unit."""
    return round(convert_difference(span, _CELSIUS, unit_id), 1) if unit_id == _FAHRENHEIT else span


#: Units a sensor channel may be switched to, per physical value [A]; the first is the factory default.
UNITS_BY_VALUE: dict[str, tuple[str, ...]] = {
    "PV_TEMPERATURE": ("PU_DEGREE_CELSIUS", "PU_DEGREE_FAHRENHEIT"),
    "PV_HUMIDITY": ("PU_PERCENT_HUMIDITY",),
    "PV_DOOR_STATE": ("PU_NONE",),
}

#: Largest user offset (+/-) per physical value, in the channel's unit [A]; a door contact takes none.
MAX_OFFSET: dict[str, float] = {"PV_TEMPERATURE": 10.0, "PV_HUMIDITY": 10.0, "PV_DOOR_STATE": 0.0}


def max_offset(value_id: str | None, unit_id: str | None) -> float | None:
    """The largest offset (+/-) of a channel in the unit it shows: 10 °C is 18 °F. None: no limit known."""
    limit = MAX_OFFSET.get(value_id or "")
    default_units = UNITS_BY_VALUE.get(value_id or "", ())
    if limit is None or not default_units:
        return limit
    return round(convert_difference(limit, default_units[0], unit_id), OFFSET_DECIMALS)


def units_for(value_id: str | None, current: str | None = None) -> list[str]:
    """Units offered for a channel; the channel's current unit is always among them."""
    units = list(UNITS_BY_VALUE.get(value_id or "", ()))
    if current and current not in units:
        units.insert(0, current)
    return units
