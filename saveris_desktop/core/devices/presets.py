"""Alarm presets for the cases technicians set up every day: fridge, freezer, room, humidity.

Values are the usual commissioning defaults: the alarm band from the task's norm (2–8 °C for
medicine fridges, ≤ −18 °C for freezers ...), warnings one step inside it so staff can act before
the alarm, a hysteresis that stops a reading hovering at a limit from flapping, and a delay that
ignores a door opened for a moment. Temperatures are written in °C and converted to the channel's
unit (°F) when needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from saveris_desktop.api.models import MeasurementAlarmCondition
from saveris_desktop.core.devices.alarm_rules import (
    ChannelLimits,
    channel_conditions,
    conditions_from_limits,
    configuration_form,
    with_conditions,
)
from saveris_desktop.core.devices.units import celsius_span_to, celsius_to, unit_id_of, value_id_of

MINUTE_MS = 60_000


@dataclass(frozen=True)
class AlarmPreset:
    key: str
    title: str
    physical_value_id: str
    unit: str  # the unit the values below are written in
    lower_alarm: float | None
    lower_warning: float | None
    upper_warning: float | None
    upper_alarm: float | None
    hysteresis: float
    delay_ms: int

    def fits(self, physical_value_id: str | None) -> bool:
        """Whether the preset is for this physical value (a code, or plain text like "Temperature")."""
        return value_id_of(physical_value_id) == self.physical_value_id

    def limits_for(self, channel_unit: str | None) -> ChannelLimits:
        """The preset in the channel's unit (°C presets on a °F channel are converted)."""
        unit = unit_id_of(channel_unit) or self.unit  # a channel may name its unit as text ("°F")
        if self.unit == "PU_DEGREE_CELSIUS" and unit != self.unit:

            def convert(value: float | None) -> float | None:
                return None if value is None else celsius_to(unit, value)

            return ChannelLimits(
                unit=unit,
                lower_alarm=convert(self.lower_alarm),
                lower_warning=convert(self.lower_warning),
                upper_warning=convert(self.upper_warning),
                upper_alarm=convert(self.upper_alarm),
                hysteresis=celsius_span_to(unit, self.hysteresis),
                delay_ms=self.delay_ms,
            )
        return ChannelLimits(
            unit=unit,
            lower_alarm=self.lower_alarm,
            lower_warning=self.lower_warning,
            upper_warning=self.upper_warning,
            upper_alarm=self.upper_alarm,
            hysteresis=self.hysteresis,
            delay_ms=self.delay_ms,
        )

    def conditions(self, channel_unit: str | None = None) -> list[MeasurementAlarmCondition]:
        """The preset as new API conditions (codes) for one logical channel without limits yet."""
        raw = conditions_from_limits(self.limits_for(channel_unit), physical_value_id=self.physical_value_id)
        return [MeasurementAlarmCondition.model_validate(item) for item in raw]


PRESETS: tuple[AlarmPreset, ...] = (
    AlarmPreset(
        "fridge",
        "Fridge 2–8 °C",
        "PV_TEMPERATURE",
        "PU_DEGREE_CELSIUS",
        2.0,
        3.0,
        7.0,
        8.0,
        0.5,
        15 * MINUTE_MS,
    ),
    AlarmPreset(
        "freezer",
        "Freezer ≤ −18 °C",
        "PV_TEMPERATURE",
        "PU_DEGREE_CELSIUS",
        None,
        None,
        -20.0,
        -18.0,
        1.0,
        15 * MINUTE_MS,
    ),
    AlarmPreset(
        "room",
        "Room 15–25 °C",
        "PV_TEMPERATURE",
        "PU_DEGREE_CELSIUS",
        15.0,
        16.0,
        24.0,
        25.0,
        0.5,
        30 * MINUTE_MS,
    ),
    AlarmPreset(
        "humidity",
        "Humidity 30–70 %rF",
        "PV_HUMIDITY",
        "PU_PERCENT_HUMIDITY",
        30.0,
        35.0,
        65.0,
        70.0,
        2.0,
        30 * MINUTE_MS,
    ),
)


def preset(key: str) -> AlarmPreset:
    for candidate in PRESETS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"no alarm preset {key!r}")


def presets_for(physical_value_id: str | None) -> list[AlarmPreset]:
    return [candidate for candidate in PRESETS if candidate.fits(physical_value_id)]


def apply_preset(
    configuration: Mapping[str, Any],
    *,
    logical_channel_uuid: str,
    chosen: AlarmPreset,
    channel_unit: str | None,
) -> dict[str, Any]:
    """A MeasurementAlarmConfiguration payload with `chosen` set on one logical channel.

    The configuration keeps its shape and its form (codes or plain text); other channels, every
    unknown field and every condition the preset does not set (another property, one the app
    cannot read, further condition sets) stay as they were.
    """
    previous = channel_conditions(configuration, logical_channel_uuid)
    conditions = conditions_from_limits(
        chosen.limits_for(channel_unit),
        physical_value_id=chosen.physical_value_id,
        previous=previous,
        form=configuration_form(configuration),
    )
    return with_conditions(configuration, logical_channel_uuid, conditions)
