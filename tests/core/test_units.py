"""Units and physical values as technicians read them; °C presets on °F channels."""

from __future__ import annotations

from saveris_desktop.core.units import celsius_span_to, celsius_to, unit_symbol, units_for, value_name


def test_unit_symbols_and_unknown_ids_shown_as_they_came() -> None:
    assert unit_symbol("PU_DEGREE_CELSIUS") == "°C"
    assert unit_symbol("PU_PERCENT_HUMIDITY") == "%rF"
    assert unit_symbol("PU_NONE") == ""
    assert unit_symbol(None) == ""
    assert unit_symbol("PU_LUX") == "PU_LUX"  # never hidden: the technician sees what the server sent


def test_value_names_and_a_readable_fallback() -> None:
    assert value_name("PV_TEMPERATURE") == "Temperature"
    assert value_name("PV_DOOR_STATE") == "Door state"
    assert value_name("PV_CO2_LEVEL") == "Co2 level"
    assert value_name(None) == ""


def test_celsius_values_and_spans_in_fahrenheit() -> None:
    assert celsius_to("PU_DEGREE_FAHRENHEIT", 2.0) == 35.6
    assert celsius_to("PU_DEGREE_FAHRENHEIT", -18.0) == -0.4
    assert celsius_to("PU_DEGREE_CELSIUS", 8.0) == 8.0
    # A span (hysteresis) has no +32: 0.5 K is 0.9 °F wide.
    assert celsius_span_to("PU_DEGREE_FAHRENHEIT", 0.5) == 0.9
    assert celsius_span_to("PU_DEGREE_CELSIUS", 0.5) == 0.5


def test_units_offered_always_include_the_current_one() -> None:
    assert units_for("PV_TEMPERATURE") == ["PU_DEGREE_CELSIUS", "PU_DEGREE_FAHRENHEIT"]
    assert units_for("PV_HUMIDITY", "PU_GRAM_PER_CUBIC_METER") == [
        "PU_GRAM_PER_CUBIC_METER",
        "PU_PERCENT_HUMIDITY",
    ]
    assert units_for(None) == []
