"""Measurement alarm limits of one logical channel: the technician's form <-> the API's conditions.

The API describes limits as a list of conditions [R] (lower/upper x alarm/warning, each with value,
hysteresis, delay and unit). Technicians think in one row per channel: "alarm below 2 °C, warn below
3 °C, warn above 7 °C, alarm above 8 °C, 0.5 K hysteresis, after 15 min". `ChannelLimits` is that row;
`validate()` checks it field by field with one message per field, so the form can show each message
next to its input and keep Apply disabled while any remain.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from saveris_desktop.core.ranges import DurationRange, format_duration
from saveris_desktop.core.units import unit_symbol

LOWER = "MACT_LOWER_LIMIT"
UPPER = "MACT_UPPER_LIMIT"
ALARM = "ASV_ALARM"
WARNING = "ASV_WARNING"

#: Allowed alarm delay [A]: none up to one day; the server checks too and says so when it disagrees.
DELAY_RANGE = DurationRange(0, 24 * 3_600_000)

# Field names, shared with the form so each message lands next to its input.
LOWER_ALARM = "lower_alarm"
LOWER_WARNING = "lower_warning"
UPPER_WARNING = "upper_warning"
UPPER_ALARM = "upper_alarm"
HYSTERESIS = "hysteresis"
DELAY = "delay"
UNIT = "unit"
LIMIT_FIELDS = (LOWER_ALARM, LOWER_WARNING, UPPER_WARNING, UPPER_ALARM)

_CONDITION_OF_FIELD: dict[str, tuple[str, str]] = {
    LOWER_ALARM: (LOWER, ALARM),
    LOWER_WARNING: (LOWER, WARNING),
    UPPER_WARNING: (UPPER, WARNING),
    UPPER_ALARM: (UPPER, ALARM),
}


@dataclass(frozen=True)
class ChannelLimits:
    """One logical channel's limits; a limit that is None is not monitored."""

    unit: str
    lower_alarm: float | None = None
    lower_warning: float | None = None
    upper_warning: float | None = None
    upper_alarm: float | None = None
    hysteresis: float = 0.0
    delay_ms: int = 0

    def limit(self, field: str) -> float | None:
        value: float | None = getattr(self, field)
        return value

    def with_limit(self, field: str, value: float | None) -> ChannelLimits:
        if field not in LIMIT_FIELDS:
            raise KeyError(f"{field!r} is not a limit")
        changes: dict[str, Any] = {field: value}
        return replace(self, **changes)

    @property
    def empty(self) -> bool:
        return all(self.limit(name) is None for name in LIMIT_FIELDS)


def same_limits(first: ChannelLimits, second: ChannelLimits) -> bool:
    """Equal up to the rounding of a value shown as text (a °C preset converted to °F, typed back)."""

    def close(a: float | None, b: float | None) -> bool:
        return a is None if b is None else a is not None and math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-9)

    return (
        first.unit == second.unit
        and first.delay_ms == second.delay_ms
        and close(first.hysteresis, second.hysteresis)
        and all(close(first.limit(name), second.limit(name)) for name in LIMIT_FIELDS)
    )


def _fmt(value: float, unit: str) -> str:
    return f"{value:g} {unit_symbol(unit)}".strip()


def validate(
    limits: ChannelLimits, *, channel_unit: str | None, delay_range: DurationRange = DELAY_RANGE
) -> dict[str, str]:
    """Every problem of `limits`, at most one message per field (field name -> message)."""
    problems: dict[str, str] = {}
    unit = limits.unit

    def note(field: str, message: str) -> None:
        problems.setdefault(field, message)

    if channel_unit and unit != channel_unit:
        note(UNIT, f"This channel measures in {unit_symbol(channel_unit)}; limits must use that unit.")

    lower_alarm, upper_alarm = limits.lower_alarm, limits.upper_alarm
    lower_warning, upper_warning = limits.lower_warning, limits.upper_warning

    if lower_alarm is not None and upper_alarm is not None and not lower_alarm < upper_alarm:
        note(UPPER_ALARM, f"The upper alarm must be above the lower alarm ({_fmt(lower_alarm, unit)}).")

    # Warnings must sit inside the alarm band: between the lower and the upper alarm.
    for field, warning in ((LOWER_WARNING, lower_warning), (UPPER_WARNING, upper_warning)):
        if warning is None:
            continue
        if lower_alarm is not None and not warning > lower_alarm:
            note(field, f"A warning must lie inside the alarm band: above {_fmt(lower_alarm, unit)}.")
        elif upper_alarm is not None and not warning < upper_alarm:
            note(field, f"A warning must lie inside the alarm band: below {_fmt(upper_alarm, unit)}.")
    if lower_warning is not None and upper_warning is not None and not lower_warning < upper_warning:
        note(
            UPPER_WARNING, f"The upper warning must be above the lower warning ({_fmt(lower_warning, unit)})."
        )

    if limits.hysteresis < 0:
        note(HYSTERESIS, "Hysteresis cannot be negative.")
    else:
        for band, what in (
            (_band(lower_alarm, upper_alarm), "alarm"),
            (_band(lower_warning, upper_warning), "warning"),
        ):
            if band is not None and not limits.hysteresis < band:
                note(HYSTERESIS, f"Hysteresis must be narrower than the {what} band ({_fmt(band, unit)}).")

    problem = delay_range.problem(limits.delay_ms)
    if problem is not None:
        note(DELAY, problem)
    return problems


def _band(lower: float | None, upper: float | None) -> float | None:
    """Width between a lower and an upper limit; None when one side is not monitored (or crossed)."""
    if lower is None or upper is None or upper <= lower:
        return None
    return upper - lower


# --- conversion to and from the API's condition list -------------------------------------------


def limits_from_conditions(
    conditions: Iterable[Mapping[str, Any]], *, channel_unit: str, physical_value_id: str | None = None
) -> ChannelLimits:
    """Read the four limits of one channel from its condition dicts; others (other property) are ignored."""
    limits = ChannelLimits(unit=channel_unit)
    hysteresis: float | None = None
    delay: int | None = None
    for condition in conditions:
        prop = (condition.get("physicalProperty") or {}).get("physicalValueId")
        if physical_value_id is not None and prop not in (None, physical_value_id):
            continue
        kind = (condition.get("measurementAlarmConditionTypeId"), condition.get("alarmSeverityId"))
        for field, expected in _CONDITION_OF_FIELD.items():
            if kind == expected:
                limits = limits.with_limit(field, float(condition["limitValue"]))
                limits = replace(limits, unit=str(condition.get("physicalUnitId") or channel_unit))
                hysteresis = max(hysteresis or 0.0, float(condition.get("limitHysteresis") or 0.0))
                delay = max(delay or 0, int(condition.get("delay") or 0))
    return replace(limits, hysteresis=hysteresis or 0.0, delay_ms=delay or 0)


def conditions_from_limits(
    limits: ChannelLimits,
    *,
    physical_value_id: str,
    previous: Iterable[Mapping[str, Any]] = (),
) -> list[dict[str, Any]]:
    """The condition dicts for `limits`, lower alarm first.

    A condition the server already had keeps its unknown fields (matched by type and severity), so
    a round trip drops nothing the UI does not show.
    """
    earlier: dict[tuple[Any, Any], Mapping[str, Any]] = {
        (c.get("measurementAlarmConditionTypeId"), c.get("alarmSeverityId")): c for c in previous
    }
    result: list[dict[str, Any]] = []
    for field in LIMIT_FIELDS:
        value = limits.limit(field)
        if value is None:
            continue
        kind = _CONDITION_OF_FIELD[field]
        condition = dict(earlier.get(kind, {}))
        condition.update(
            {
                "measurementAlarmConditionTypeId": kind[0],
                "alarmSeverityId": kind[1],
                "physicalProperty": {
                    **dict(condition.get("physicalProperty") or {}),
                    "physicalValueId": physical_value_id,
                },
                "limitValue": value,
                "limitHysteresis": limits.hysteresis,
                "delay": limits.delay_ms,
                "physicalUnitId": limits.unit,
            }
        )
        result.append(condition)
    return result


def channel_conditions(configuration: Mapping[str, Any], logical_channel_uuid: str) -> list[dict[str, Any]]:
    """The conditions of one logical channel's first condition set in an alarm configuration payload."""
    for channel in configuration.get("channel_alarm_configurations") or []:
        if channel.get("logical_channel_uuid") == logical_channel_uuid:
            sets = channel.get("measurementAlarmConditionSet") or []
            return [dict(c) for c in sets[0].get("measurementAlarmConditions") or []] if sets else []
    return []


def with_channel_conditions(
    configuration: Mapping[str, Any], logical_channel_uuid: str, conditions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The `channel_alarm_configurations` list with one channel's first condition set replaced.

    Other channels, further condition sets and every unknown field stay as they were; a channel
    the configuration does not have yet is added (unless there is nothing to set on it).
    """
    channels = [dict(c) for c in configuration.get("channel_alarm_configurations") or []]
    target = next((c for c in channels if c.get("logical_channel_uuid") == logical_channel_uuid), None)
    if target is None:
        if not conditions:
            return channels
        target = {"logical_channel_uuid": logical_channel_uuid, "measurementAlarmConditionSet": []}
        channels.append(target)
    sets = [dict(s) for s in target.get("measurementAlarmConditionSet") or []]
    first = sets[0] if sets else {}
    first["measurementAlarmConditions"] = conditions
    target["measurementAlarmConditionSet"] = [first, *sets[1:]]
    return channels


def describe(limits: ChannelLimits) -> str:
    """One line for lists and bulk results: "alarm < 2 °C / > 8 °C, warn < 3 °C / > 7 °C, after 15 min"."""
    if limits.empty:
        return "no limits"
    unit = limits.unit
    alarm = [
        f"{sign} {_fmt(v, unit)}"
        for sign, v in (("<", limits.lower_alarm), (">", limits.upper_alarm))
        if v is not None
    ]
    warn = [
        f"{sign} {_fmt(v, unit)}"
        for sign, v in (("<", limits.lower_warning), (">", limits.upper_warning))
        if v is not None
    ]
    parts = []
    if alarm:
        parts.append("alarm " + " / ".join(alarm))
    if warn:
        parts.append("warn " + " / ".join(warn))
    if limits.delay_ms:
        parts.append(f"after {format_duration(limits.delay_ms)}")
    return ", ".join(parts)
