"""Units and physical values as technicians read them; °C presets on °F channels."""

from __future__ import annotations

import pytest

from saveris_desktop.core.devices.units import (
    celsius_span_to,
    celsius_to,
    convert_difference,
    convert_reading,
    max_offset,
    offset_after_unit_switch,
    unit_id_of,
    unit_symbol,
    units_for,
    value_id_of,
    value_name,
    value_text,
)


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


def test_values_and_units_read_in_codes_or_plain_text() -> None:
    assert value_id_of("PV_TEMPERATURE") == "PV_TEMPERATURE"
    assert value_id_of("Temperature") == value_id_of(" temperature ") == "PV_TEMPERATURE"
    assert value_id_of("Humidity") == "PV_HUMIDITY"
    assert value_id_of("Door") == value_id_of("Door Contact") == "PV_DOOR_STATE"
    assert value_id_of("PV_CO2_LEVEL") == "PV_CO2_LEVEL"  # an unknown code is still a code
    assert value_id_of("Lux") is None and value_id_of(None) is None and value_id_of(3) is None
    assert unit_id_of("°C") == "PU_DEGREE_CELSIUS" and unit_id_of("°F") == "PU_DEGREE_FAHRENHEIT"
    assert unit_id_of("%rF") == unit_id_of("% rH") == "PU_PERCENT_HUMIDITY"
    assert unit_id_of("PU_HECTOPASCAL") == "PU_HECTOPASCAL" and unit_id_of("hPa") == "PU_HECTOPASCAL"
    assert unit_id_of("furlongs") is None
    assert value_text("PV_HUMIDITY") == "Humidity"


C, F = "PU_DEGREE_CELSIUS", "PU_DEGREE_FAHRENHEIT"


def test_a_reading_converts_on_the_scale_a_difference_without_the_zero_point() -> None:
    assert convert_reading(20.0, C, F) == 68.0
    assert convert_reading(68.0, F, C) == 20.0
    # an offset of 1 °C is 1.8 °F, not 33.8 °F (that would be the reading 1 °C)
    assert convert_difference(1.0, C, F) == pytest.approx(1.8)
    assert convert_difference(-1.8, F, C) == pytest.approx(-1.0)
    assert convert_difference(3.0, "PU_PERCENT_HUMIDITY", "PU_PERCENT_HUMIDITY") == 3.0


def test_an_offset_follows_a_unit_switch_as_a_difference() -> None:
    assert offset_after_unit_switch(1.0, C, F) == 1.8
    assert offset_after_unit_switch(-0.5, C, F) == -0.9
    assert offset_after_unit_switch(0.9, F, C) == 0.5
    assert offset_after_unit_switch(None, C, F) is None  # no offset stays no offset
    assert offset_after_unit_switch(2.0, C, C) == 2.0


def test_switching_back_gives_the_clouds_own_offset_not_a_rounded_one() -> None:
    shown = offset_after_unit_switch(0.333, C, F, base_offset=0.333, base_unit=C)
    assert shown == 0.6  # 0.5994 rounded
    assert offset_after_unit_switch(shown, F, C) == 0.33  # converted back from the rounded number
    assert offset_after_unit_switch(shown, F, C, base_offset=0.333, base_unit=C) == 0.333  # the cloud's own
    # typed since: converted from what was typed
    assert offset_after_unit_switch(0.9, F, C, base_offset=0.333, base_unit=C) == 0.5


def test_the_largest_offset_is_given_in_the_unit_the_channel_shows() -> None:
    assert max_offset("PV_TEMPERATURE", C) == 10.0
    assert max_offset("PV_TEMPERATURE", F) == 18.0
    assert max_offset("PV_HUMIDITY", "PU_PERCENT_HUMIDITY") == 10.0
    assert max_offset("PV_UNKNOWN", None) is None
