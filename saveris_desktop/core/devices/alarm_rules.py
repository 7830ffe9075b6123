"""Measurement alarm limits of one logical channel: the technician's form <-> the API's conditions.

The API describes limits as a list of conditions [R] (lower/upper x alarm/warning, each with value,
hysteresis, delay and unit). Technicians think in one row per channel: "alarm below 2 °C, warn below
3 °C, warn above 7 °C, alarm above 8 °C, 0.5 K hysteresis, after 15 min". `ChannelLimits` is that row;
`validate()` checks it field by field with one message per field, so the form can show each message
next to its input and keep Apply disabled while any remain.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from saveris_desktop.core.devices.ranges import DurationRange, format_duration
from saveris_desktop.core.devices.units import unit_id_of, unit_symbol, value_id_of, value_text
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Number, Sentence, joined

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


def quantity(value: float, unit: str | None) -> str:
    """A value with its unit ("5.5 °C"); the number is a Number, written "5,5 °C" in German."""
    symbol = unit_symbol(unit)
    return Sentence("%1 %2", Number(value), symbol) if symbol else Sentence("%1", Number(value))


def validate(
    limits: ChannelLimits, *, channel_unit: str | None, delay_range: DurationRange = DELAY_RANGE
) -> dict[str, str]:
    """Every problem of `limits`, at most one message per field (field name -> message)."""
    problems: dict[str, str] = {}
    unit = limits.unit

    def note(field: str, message: str) -> None:
        problems.setdefault(field, message)

    if channel_unit and unit != channel_unit:
        note(
            UNIT,
            Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "This channel measures in %1; limits must use that unit."),
                unit_symbol(channel_unit),
            ),
        )

    lower_alarm, upper_alarm = limits.lower_alarm, limits.upper_alarm
    lower_warning, upper_warning = limits.lower_warning, limits.upper_warning

    if lower_alarm is not None and upper_alarm is not None and not lower_alarm < upper_alarm:
        note(
            UPPER_ALARM,
            Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "The upper alarm must be above the lower alarm (%1)."),
                quantity(lower_alarm, unit),
            ),
        )

    # Warnings must sit inside the alarm band: between the lower and the upper alarm.
    for field, warning in ((LOWER_WARNING, lower_warning), (UPPER_WARNING, upper_warning)):
        if warning is None:
            continue
        if lower_alarm is not None and not warning > lower_alarm:
            above = QT_TRANSLATE_NOOP("CoreSentences", "A warning must lie inside the alarm band: above %1.")
            note(field, Sentence(above, quantity(lower_alarm, unit)))
        elif upper_alarm is not None and not warning < upper_alarm:
            below = QT_TRANSLATE_NOOP("CoreSentences", "A warning must lie inside the alarm band: below %1.")
            note(field, Sentence(below, quantity(upper_alarm, unit)))
    if lower_warning is not None and upper_warning is not None and not lower_warning < upper_warning:
        note(
            UPPER_WARNING,
            Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "The upper warning must be above the lower warning (%1)."),
                quantity(lower_warning, unit),
            ),
        )

    if limits.hysteresis < 0:
        note(HYSTERESIS, Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Hysteresis cannot be negative.")))
    else:
        for band, template in (
            (
                _band(lower_alarm, upper_alarm),
                QT_TRANSLATE_NOOP("CoreSentences", "Hysteresis must be narrower than the alarm band (%1)."),
            ),
            (
                _band(lower_warning, upper_warning),
                QT_TRANSLATE_NOOP("CoreSentences", "Hysteresis must be narrower than the warning band (%1)."),
            ),
        ):
            if band is not None and not limits.hysteresis < band:
                note(HYSTERESIS, Sentence(template, quantity(band, unit)))

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
#
# Conditions arrive in two forms [R]: codes (MACT_LOWER_LIMIT, ASV_WARNING, PV_TEMPERATURE,
# PU_DEGREE_CELSIUS) and plain text ("Lower limit", "Warning", "Temperature", "°C"). Both are read;
# what is written keeps the form the server used. A condition the app cannot read (an unknown type,
# a value that is not a number, a property it does not know) is never shown in the form and never
# touched: it goes back exactly as it came, and `unshown_items` lists it for the "as received" view.

TYPE_KEY = "measurementAlarmConditionTypeId"
SEVERITY_KEY = "alarmSeverityId"
PROPERTY_KEY = "physicalProperty"
VALUE_KEY = "physicalValueId"
UNIT_KEY = "physicalUnitId"
SETS_KEY = "measurementAlarmConditionSet"
CONDITIONS_KEY = "measurementAlarmConditions"
CHANNELS_KEY = "channel_alarm_configurations"

#: The forms conditions are written in.
CODES = "codes"
TEXT = "text"

_TYPE_TEXT = {LOWER: "Lower limit", UPPER: "Upper limit"}
_SEVERITY_TEXT = {ALARM: "Alarm", WARNING: "Warning"}


def _code_of(value: Any, texts: Mapping[str, str]) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text in texts:
        return text
    folded = text.casefold()
    return next((code for code, name in texts.items() if name.casefold() == folded), None)


def finite_number(value: Any) -> float | None:
    """A finite number, also when it came as a string ("2.5"); None when it is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True)
class ReadCondition:
    """A condition the app understands, in codes whatever form it came in."""

    field: str  # LOWER_ALARM ... UPPER_ALARM
    value_id: str | None  # None: the condition names no physical property
    unit: str | None  # None: the condition names no unit
    limit: float
    hysteresis: float
    delay_ms: int
    form: str  # CODES or TEXT


def read_condition(condition: Any) -> ReadCondition | None:
    """`condition` as the app understands it; None when it is in a form the app cannot interpret."""
    if not isinstance(condition, Mapping):
        return None
    kind = _code_of(condition.get(TYPE_KEY), _TYPE_TEXT)
    severity = _code_of(condition.get(SEVERITY_KEY), _SEVERITY_TEXT)
    field = next((f for f, expected in _CONDITION_OF_FIELD.items() if expected == (kind, severity)), None)
    limit = finite_number(condition.get("limitValue"))
    hysteresis = finite_number(condition.get("limitHysteresis", 0) or 0)
    delay = finite_number(condition.get("delay", 0) or 0)
    if field is None or limit is None or hysteresis is None or delay is None or delay != int(delay):
        return None
    prop = condition.get(PROPERTY_KEY)
    raw_value = prop.get(VALUE_KEY) if isinstance(prop, Mapping) else prop
    value_id = value_id_of(raw_value)
    if raw_value is not None and value_id is None:
        return None  # a property the app does not know: it cannot tell which channel it is for
    raw_unit = condition.get(UNIT_KEY)
    unit = unit_id_of(raw_unit)
    if raw_unit not in (None, "") and unit is None:
        return None
    form = CODES if str(condition.get(TYPE_KEY)).strip().startswith("MACT_") else TEXT
    return ReadCondition(field, value_id, unit or None, limit, hysteresis, int(delay), form)


@dataclass(frozen=True)
class ChannelReading:
    """One channel's condition list as the form sees it."""

    limits: ChannelLimits
    shown: dict[int, str]  # position in the list -> the form field that shows it
    form: str | None  # the form of the conditions shown; None when none is

    def unshown(self, conditions: Sequence[Any]) -> list[Any]:
        return [c for index, c in enumerate(conditions) if index not in self.shown]


def read_channel(
    conditions: Sequence[Any], *, channel_unit: str, physical_value_id: str | None = None
) -> ChannelReading:
    """Which conditions the form shows (the first readable one of each limit of this channel's
    property, in one unit) and the limits they make; every other condition stays unshown."""
    limits = ChannelLimits(unit=channel_unit)
    shown: dict[int, str] = {}
    unit: str | None = None
    form: str | None = None
    hysteresis = 0.0
    delay = 0
    for index, condition in enumerate(conditions):
        read = read_condition(condition)
        if read is None or read.field in shown.values():
            continue
        if physical_value_id is not None and read.value_id not in (None, physical_value_id):
            continue  # another property's limit (e.g. humidity next to temperature)
        if unit is not None and read.unit not in (None, unit):
            continue  # one box shows one unit: a limit in another unit is shown as received
        unit = unit or read.unit
        form = form or read.form
        shown[index] = read.field
        limits = limits.with_limit(read.field, read.limit)
        hysteresis = max(hysteresis, read.hysteresis)
        delay = max(delay, read.delay_ms)
    return ChannelReading(
        replace(limits, unit=unit or channel_unit, hysteresis=hysteresis, delay_ms=delay), shown, form
    )


def limits_from_conditions(
    conditions: Iterable[Any], *, channel_unit: str, physical_value_id: str | None = None
) -> ChannelLimits:
    """The four limits of one channel from its conditions (codes or text); others are not read."""
    return read_channel(
        list(conditions), channel_unit=channel_unit, physical_value_id=physical_value_id
    ).limits


def _like(previous: Any, value: float) -> Any:
    """`value` as the server wrote the number it replaces: a string stays a string."""
    return f"{value:g}" if isinstance(previous, str) else value


def _in_form(code: str, form: str, texts: Mapping[str, str]) -> str:
    return texts.get(code, code) if form == TEXT else code


def _new_condition(field: str, limits: ChannelLimits, physical_value_id: str, form: str) -> dict[str, Any]:
    kind, severity = _CONDITION_OF_FIELD[field]
    value = limits.limit(field)
    return {
        TYPE_KEY: _in_form(kind, form, _TYPE_TEXT),
        SEVERITY_KEY: _in_form(severity, form, _SEVERITY_TEXT),
        PROPERTY_KEY: {VALUE_KEY: value_text(physical_value_id) if form == TEXT else physical_value_id},
        "limitValue": value,
        "limitHysteresis": limits.hysteresis,
        "delay": limits.delay_ms,
        UNIT_KEY: unit_symbol(limits.unit) if form == TEXT else limits.unit,
    }


def _updated_condition(
    condition: Mapping[str, Any], field: str, limits: ChannelLimits, shown: ChannelLimits, form: str
) -> dict[str, Any]:
    """A shown condition with the form's values; what the technician did not change keeps its raw
    value, so a plain-text "°C" or a per-condition delay is sent back as it came."""
    result = copy.deepcopy(dict(condition))
    value = limits.limit(field)
    assert value is not None  # noqa: S101  (the caller drops cleared limits)
    if value != shown.limit(field):
        result["limitValue"] = _like(condition.get("limitValue"), value)
    if limits.hysteresis != shown.hysteresis:
        result["limitHysteresis"] = _like(condition.get("limitHysteresis"), limits.hysteresis)
    if limits.delay_ms != shown.delay_ms:
        result["delay"] = limits.delay_ms
    if limits.unit != shown.unit or UNIT_KEY not in condition:
        result[UNIT_KEY] = unit_symbol(limits.unit) if form == TEXT else limits.unit
    return result


def conditions_from_limits(
    limits: ChannelLimits,
    *,
    physical_value_id: str,
    previous: Iterable[Any] = (),
    form: str | None = None,
) -> list[Any]:
    """`previous` (one channel's condition list) with the form's `limits` laid over it.

    A shown limit is updated in place, a cleared one removed, a new one appended in the form of
    its neighbours (else `form`, else codes). Every condition the form does not show — unreadable,
    another property, a duplicate — stays exactly as it came, in its place: saving a form never
    deletes a limit the form did not show.
    """
    conditions = list(previous)
    reading = read_channel(conditions, channel_unit=limits.unit, physical_value_id=physical_value_id)
    written_form = reading.form or form or CODES
    result: list[Any] = []
    for index, condition in enumerate(conditions):
        field = reading.shown.get(index)
        if field is None:
            result.append(copy.deepcopy(condition))
        elif limits.limit(field) is not None:
            result.append(_updated_condition(condition, field, limits, reading.limits, written_form))
    for field in LIMIT_FIELDS:
        if limits.limit(field) is not None and field not in reading.shown.values():
            result.append(_new_condition(field, limits, physical_value_id, written_form))
    return result


# --- one channel inside a whole alarm configuration (both shapes) -------------------------------


def is_top_level(configuration: Mapping[str, Any]) -> bool:
    """True for the shape seen in related APIs [R]: one condition set for the whole object, next to
    `alarmConfigurationBackReference`, its conditions told apart by physical property only."""
    return CHANNELS_KEY not in configuration and SETS_KEY in configuration


def conditions_key(configuration: Mapping[str, Any]) -> str:
    """The top-level key that holds the conditions in this configuration's shape."""
    return SETS_KEY if is_top_level(configuration) else CHANNELS_KEY


def configuration_form(configuration: Mapping[str, Any]) -> str | None:
    """The form (codes or text) of the first readable condition anywhere in the configuration."""
    for _owner, conditions in _condition_lists(configuration):
        for condition in conditions:
            read = read_condition(condition)
            if read is not None:
                return read.form
    return None


def _sets(holder: Any) -> list[Any]:
    sets = holder.get(SETS_KEY) if isinstance(holder, Mapping) else None
    return sets if isinstance(sets, list) else []


def _conditions_of(condition_set: Any) -> list[Any] | None:
    conditions = condition_set.get(CONDITIONS_KEY) if isinstance(condition_set, Mapping) else None
    return conditions if isinstance(conditions, list) else None


def _condition_lists(configuration: Mapping[str, Any]) -> Iterator[tuple[str | None, list[Any]]]:
    """(logical channel uuid or None for the top-level set, conditions) for every readable set."""
    if is_top_level(configuration):
        for condition_set in _sets(configuration):
            conditions = _conditions_of(condition_set)
            if conditions is not None:
                yield None, conditions
        return
    channels = configuration.get(CHANNELS_KEY)
    for channel in channels if isinstance(channels, list) else []:
        for condition_set in _sets(channel):
            conditions = _conditions_of(condition_set)
            if conditions is not None:
                yield channel.get("logical_channel_uuid"), conditions


def channel_conditions(configuration: Mapping[str, Any], logical_channel_uuid: str) -> list[Any]:
    """The conditions the form of one logical channel works on: its first condition set; in the
    top-level shape the object's first set (the channel's property picks its conditions there)."""
    if is_top_level(configuration):
        sets = _sets(configuration)
        conditions = _conditions_of(sets[0]) if sets else None
        return copy.deepcopy(conditions or [])
    channels = configuration.get(CHANNELS_KEY)
    for channel in channels if isinstance(channels, list) else []:
        if isinstance(channel, Mapping) and channel.get("logical_channel_uuid") == logical_channel_uuid:
            sets = _sets(channel)
            return copy.deepcopy(_conditions_of(sets[0]) or []) if sets else []
    return []


def channel_readable(configuration: Mapping[str, Any], logical_channel_uuid: str) -> bool:
    """Whether the form may edit this channel: its configuration (if any) has a first condition set
    the app can read. One it cannot read is shown as received and must not be overwritten."""
    if is_top_level(configuration):
        sets = configuration.get(SETS_KEY)
        return isinstance(sets, list) and (not sets or _conditions_of(sets[0]) is not None)
    channels = configuration.get(CHANNELS_KEY)
    if channels is None:
        return True
    if not isinstance(channels, list):
        return False
    for channel in channels:
        if isinstance(channel, Mapping) and channel.get("logical_channel_uuid") == logical_channel_uuid:
            sets = channel.get(SETS_KEY, [])
            return isinstance(sets, list) and (not sets or _conditions_of(sets[0]) is not None)
    return True


def with_channel_conditions(
    configuration: Mapping[str, Any], logical_channel_uuid: str, conditions: list[Any]
) -> list[Any]:
    """The `channel_alarm_configurations` list with one channel's first condition set replaced.

    Other channels (also those the app cannot read), further condition sets and every unknown
    field stay as they were; a channel the configuration does not have yet is added (unless
    there is nothing to set on it).
    """
    raw = configuration.get(CHANNELS_KEY)
    channels = copy.deepcopy(raw) if isinstance(raw, list) else []
    target = next(
        (
            c
            for c in channels
            if isinstance(c, dict) and c.get("logical_channel_uuid") == logical_channel_uuid
        ),
        None,
    )
    if target is not None and not channel_readable(configuration, logical_channel_uuid):
        raise ValueError(f"the alarm configuration of channel {logical_channel_uuid} cannot be read")
    if target is None:
        if not conditions:
            return channels
        target = {"logical_channel_uuid": logical_channel_uuid, SETS_KEY: []}
        channels.append(target)
    target[SETS_KEY] = _with_first_set(target.get(SETS_KEY), conditions)
    return channels


def _with_first_set(sets: Any, conditions: list[Any]) -> list[Any]:
    sets = list(sets) if isinstance(sets, list) else []
    first = dict(sets[0]) if sets and isinstance(sets[0], Mapping) else {}
    first[CONDITIONS_KEY] = conditions
    return [first, *sets[1:]] if sets and isinstance(sets[0], Mapping) else [first, *sets]


def with_conditions(
    configuration: Mapping[str, Any], logical_channel_uuid: str, conditions: list[Any]
) -> dict[str, Any]:
    """The whole configuration with one channel's conditions set, in the shape it came in."""
    if not channel_readable(configuration, logical_channel_uuid):
        raise ValueError(f"the alarm configuration of channel {logical_channel_uuid} cannot be read")
    result = copy.deepcopy(dict(configuration))
    if is_top_level(configuration):
        result[SETS_KEY] = _with_first_set(configuration.get(SETS_KEY), conditions)
    else:
        result[CHANNELS_KEY] = with_channel_conditions(configuration, logical_channel_uuid, conditions)
    return result


@dataclass(frozen=True)
class ChannelInfo:
    """What the form knows of a logical channel: enough to tell which conditions it shows."""

    uuid: str
    physical_value_id: str | None
    unit: str
    has_form: bool = True  # False for a channel without limits in the form (a door contact)


@dataclass(frozen=True)
class UnshownItem:
    """Something in the configuration the form does not show; it is sent back untouched."""

    what: str  # "condition", "condition set" or "channel configuration"
    channel_uuid: str | None  # the logical channel it belongs to, when known
    raw: Any


def unshown_items(configuration: Mapping[str, Any], channels: Sequence[ChannelInfo]) -> list[UnshownItem]:
    """Everything of the alarm configuration no field of the form shows, in the order it came."""
    items: list[UnshownItem] = []
    with_form = {c.uuid: c for c in channels if c.has_form}
    if is_top_level(configuration):
        sets = _sets(configuration)
        conditions = _conditions_of(sets[0]) if sets else None
        if sets and conditions is None:
            items.append(UnshownItem("condition set", None, sets[0]))
        shown: set[int] = set()
        seen_values: set[str | None] = set()
        for channel in with_form.values():
            if channel.physical_value_id in seen_values:
                continue  # one property, one set of limits: the first channel of it shows them
            seen_values.add(channel.physical_value_id)
            reading = read_channel(
                conditions or [], channel_unit=channel.unit, physical_value_id=channel.physical_value_id
            )
            shown.update(reading.shown)
        items.extend(
            UnshownItem("condition", None, c) for i, c in enumerate(conditions or []) if i not in shown
        )
        items.extend(UnshownItem("condition set", None, s) for s in sets[1:])
        return items
    raw_channels = configuration.get(CHANNELS_KEY)
    for channel in raw_channels if isinstance(raw_channels, list) else []:
        uuid = channel.get("logical_channel_uuid") if isinstance(channel, Mapping) else None
        info = with_form.get(uuid) if isinstance(uuid, str) else None
        sets = _sets(channel)
        first = _conditions_of(sets[0]) if sets else None
        if info is None or (sets and first is None) or not isinstance(channel.get(SETS_KEY, []), list):
            if _has_content(channel):
                items.append(
                    UnshownItem("channel configuration", uuid if isinstance(uuid, str) else None, channel)
                )
            continue
        reading = read_channel(first or [], channel_unit=info.unit, physical_value_id=info.physical_value_id)
        items.extend(UnshownItem("condition", uuid, c) for c in reading.unshown(first or []))
        items.extend(UnshownItem("condition set", uuid, s) for s in sets[1:])
    return items


def _has_content(channel: Any) -> bool:
    """A channel configuration worth showing: anything but an empty one for a channel without form."""
    if not isinstance(channel, Mapping) or not isinstance(channel.get(SETS_KEY, []), list):
        return True
    return any(_conditions_of(s) != [] for s in _sets(channel)) or bool(
        set(channel) - {"logical_channel_uuid", SETS_KEY}
    )


def describe(limits: ChannelLimits) -> str:
    """One line for lists and bulk results: "alarm < 2 °C / > 8 °C, warn < 3 °C / > 7 °C, after 15 min"
    (a Sentence: the window shows it translated, with the locale's numbers)."""
    if limits.empty:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "no limits"))
    unit = limits.unit

    def bounds(lower: float | None, upper: float | None) -> Sentence:
        return joined(
            " / ",
            [
                Sentence(f"{sign} %1", quantity(v, unit))
                for sign, v in (("<", lower), (">", upper))
                if v is not None
            ],
        )

    parts: list[str] = []
    if limits.lower_alarm is not None or limits.upper_alarm is not None:
        alarm = bounds(limits.lower_alarm, limits.upper_alarm)
        parts.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "alarm %1"), alarm))
    if limits.lower_warning is not None or limits.upper_warning is not None:
        warn = bounds(limits.lower_warning, limits.upper_warning)
        parts.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "warn %1"), warn))
    if limits.delay_ms:
        parts.append(
            Sentence(QT_TRANSLATE_NOOP("CoreSentences", "after %1"), format_duration(limits.delay_ms))
        )
    return joined(", ", parts)
