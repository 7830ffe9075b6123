"""A change of a cloud document in the technician's words: "Upper alarm: 8 °C → 10 °C".

The editors' "what will be sent", the waiting-changes list, the audit log and the conflict dialog
all say what a change does. They say it here, once, for every kind of core.offline.resources:
settings by the name the screens give them ("Logger name", "Measuring cycle", "No-connection
alarm"), values in words and units ("15 min", "Warning", "10 °C", "off") and things by their names
("Fridge 3", "Logger 61100042"), never as a JSON path, a code or a uuid. A field this module does
not know is never dropped: it is shown as "Other setting 'foo': 1 → 2".

Everything returned is English (`Sentence`), as the CLI and the log want it; the UI shows it in the
user's language through ui/core_words.translated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from saveris_desktop.core.devices import alarm_rules as rules
from saveris_desktop.core.devices.ranges import format_duration
from saveris_desktop.core.devices.units import unit_id_of, unit_symbol, value_id_of, value_name
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.merge import MISSING, ItemKey, diff
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Number, Sentence, joined

#: Longest value shown for a field this module does not know (its JSON, shortened).
FALLBACK_LENGTH = 80

Words = str  # a Sentence, or text shown as it is (a name the technician typed)


# --- names of things -----------------------------------------------------------------------------


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _tail(uuid: str) -> str:
    return uuid[-4:] if uuid else "?"


@dataclass
class Names:
    """What the technician calls the loggers, sensors, measuring objects and their channels.

    Learnt from whatever documents the caller has (the offline cache, the device list, the
    editors' sessions). A thing not learnt is named by the end of its uuid ("logger …1a2b"), never
    by the whole uuid.
    """

    devices: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    sensors: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    objects: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    #: logical channel uuid -> its channel document (name, physical value)
    channels: dict[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_documents(
        cls,
        *,
        devices: Iterable[Mapping[str, Any]] = (),
        sensors: Iterable[Mapping[str, Any]] = (),
        objects: Iterable[Mapping[str, Any]] = (),
    ) -> Names:
        names = cls()
        for device in devices:
            names.learn(DraftKind.DEVICE, device)
        for sensor in sensors:
            names.learn(DraftKind.SENSOR, sensor)
        for obj in objects:
            names.learn(DraftKind.MEASURING_OBJECT, obj)
        return names

    def learn(self, kind: str, document: Any, object_id: str = "") -> None:
        """Remember `document` (a payload of `kind`); other kinds carry no names and are ignored."""
        if not isinstance(document, Mapping):
            return
        if kind == DraftKind.DEVICE:
            uuid = _text(document.get("uuid")) or object_id
            if uuid:
                self.devices[uuid] = document
        elif kind == DraftKind.SENSOR:
            uuid = _text(document.get("uuid")) or object_id
            if uuid:
                self.sensors[uuid] = document
        elif kind == DraftKind.MEASURING_OBJECT:
            uuid = next(
                (
                    _text(document.get(key))
                    for key in ("uuid", "measuring_object_uuid", "mo_uuid")
                    if _text(document.get(key))
                ),
                object_id,
            )
            if uuid:
                self.objects[uuid] = document
            channels = document.get("logical_channels")
            for channel in channels if isinstance(channels, list) else []:
                if isinstance(channel, Mapping) and _text(channel.get("uuid")):
                    self.channels[_text(channel.get("uuid"))] = channel

    def device(self, uuid: str) -> Words:
        document = self.devices.get(uuid, {})
        name, serial = _text(document.get("name")), _text(str(document.get("serial_number") or ""))
        if name:
            return name
        if serial:
            return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Logger %1"), serial)
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "logger …%1"), _tail(uuid))

    def sensor(self, uuid: str) -> Words:
        name = _text(self.sensors.get(uuid, {}).get("name"))
        if name:
            return name
        for device_uuid, device in self.devices.items():
            slots = device.get("sensors_connections")
            for slot in slots if isinstance(slots, list) else []:
                if isinstance(slot, Mapping) and slot.get("sensor_uuid") == uuid:
                    number = slot.get("slot_index")
                    position = str(number + 1) if isinstance(number, int) else "?"
                    return Sentence(
                        QT_TRANSLATE_NOOP("CoreSentences", "%1, slot %2"), self.device(device_uuid), position
                    )
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "sensor …%1"), _tail(uuid))

    def measuring_object(self, uuid: str) -> Words:
        name = _text(self.objects.get(uuid, {}).get("name"))
        if name:
            return name
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "measuring object …%1"), _tail(uuid))

    def channel(self, uuid: str) -> Words:
        channel = self.channels.get(uuid, {})
        name = _text(channel.get("name"))
        if name:
            return name
        value = value_id_of(channel.get("physical_value_id"))
        if value:
            return value_name(value)
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "channel …%1"), _tail(uuid))

    def knows(self, kind: str, object_id: str) -> bool:
        """Whether the thing a change of `kind` is about was learnt (else `of` gives a short form)."""
        if kind in (DraftKind.DEVICE, DraftKind.DEVICE_ALARMS):
            return object_id in self.devices
        if kind in (DraftKind.SENSOR, DraftKind.SENSOR_ALARMS):
            return object_id in self.sensors or any(
                isinstance(slot, Mapping) and slot.get("sensor_uuid") == object_id
                for device in self.devices.values()
                for slot in (device.get("sensors_connections") or [])
            )
        if kind in (DraftKind.INSTRUCTION_SET, DraftKind.MEASUREMENT_ALARMS, DraftKind.MEASURING_OBJECT):
            return object_id in self.objects or not object_id or object_id.startswith("local:")
        return True

    def of(self, kind: str, object_id: str, site: str = "") -> Words:
        """The thing a change of `kind` is about: the logger for its settings and its alarms, the
        measuring object for its instruction set and its alarm limits, the site for its time zone."""
        if kind in (DraftKind.DEVICE, DraftKind.DEVICE_ALARMS):
            return self.device(object_id)
        if kind in (DraftKind.SENSOR, DraftKind.SENSOR_ALARMS):
            return self.sensor(object_id)
        if kind in (DraftKind.INSTRUCTION_SET, DraftKind.MEASUREMENT_ALARMS):
            return self.measuring_object(object_id)
        if kind == DraftKind.MEASURING_OBJECT:
            if not object_id or object_id.startswith("local:"):
                return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "new measuring object"))
            return self.measuring_object(object_id)
        return site or object_id


# --- values in words -----------------------------------------------------------------------------


def not_set() -> Sentence:
    return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "not set"))


def _on_off(value: Any) -> Words:
    if value is True:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "on"))
    if value is False:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "off"))
    return _plain(value)


def _yes_no(value: Any) -> Words:
    if value is True:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "yes"))
    if value is False:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "no"))
    return _plain(value)


def _whole(value: Any) -> int | None:
    number = rules.finite_number(value)
    return int(number) if number is not None and number == int(number) else None


# `8.5`, "PU_DEGREE_CELSIUS" -> "8.5 °C" (a Number in a Sentence: "8,5 °C" in German)
quantity = rules.quantity


def _duration(value: Any) -> Words:
    ms = _whole(value)
    return format_duration(ms) if ms is not None else _plain(value)


def _severity(value: Any) -> Words:
    code = value.strip().upper() if isinstance(value, str) else ""
    if code in (rules.ALARM, "ALARM"):
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Alarm"))
    if code in (rules.WARNING, "WARNING"):
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Warning"))
    return _plain(value)


def _unit(value: Any) -> Words:
    unit = unit_id_of(value)
    if unit == "PU_NONE":
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "no unit"))
    return unit_symbol(unit) if unit else _plain(value)


def _plain(value: Any) -> Words:
    """Any value, readable: text as it is, numbers as numbers, the rest as short JSON."""
    if value is MISSING or value is None:
        return not_set()
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, str):
        return value if value.strip() else Sentence(QT_TRANSLATE_NOOP("CoreSentences", "(empty)"))
    if isinstance(value, int | float):
        return Number(value) if isinstance(value, float) else str(value)
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= FALLBACK_LENGTH else text[: FALLBACK_LENGTH - 1] + "…"


# --- one changed setting -------------------------------------------------------------------------


def step(before: Words, after: Words) -> Sentence:
    """ "8 °C → 10 °C" (no words to translate: the arrow reads the same in every language)."""
    return Sentence("%1 → %2", before, after)


def _number_and_unit(words: str) -> tuple[str, str] | None:
    """The number and the unit of a quantity ("8 °C"), whether plain text or `quantity`'s Sentence."""
    if isinstance(words, Sentence):
        if words.template == "%1 %2" and len(words.values) == 2 and isinstance(words.values[0], Number):
            return words.values[0], str(words.values[1])
        return None
    head, _, unit = str(words).rpartition(" ")
    return (head, unit) if head and rules.finite_number(head) is not None else None


def _compact(before: str, after: str) -> tuple[str, str]:
    """ "8 °C", "10 °C" -> "8", "10 °C": the unit once, as in "upper alarm 8 → 10 °C"."""
    first, second = _number_and_unit(before), _number_and_unit(after)
    if first is not None and second is not None and first[1] == second[1]:
        return first[0], after
    return before, after


@dataclass(frozen=True)
class SettingChange:
    """One setting a change touches, with each of its values before and after, in words."""

    setting: Words  # "Upper alarm", "No-connection alarm", "Other setting 'foo'"
    steps: tuple[tuple[Words, Words], ...]  # (before, after) pairs: "Alarm", "Warning"; "1 h", "2 h"

    @property
    def before(self) -> Words:
        return joined(", ", [b for b, _a in self.steps]) if len(self.steps) > 1 else self.steps[0][0]

    @property
    def after(self) -> Words:
        return joined(", ", [a for _b, a in self.steps]) if len(self.steps) > 1 else self.steps[0][1]

    def values(self) -> Sentence:
        """ "Alarm → Warning, 1 h → 2 h"."""
        return joined(", ", [step(b, a) for b, a in self.steps])

    def sentence(self) -> Sentence:
        """ "No-connection alarm: Alarm → Warning, 1 h → 2 h"."""
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "%1: %2"), self.setting, self.values())

    def short(self) -> Sentence:
        """For one-line lists: "Upper alarm 8 → 10 °C" (one value), else as `sentence`."""
        if len(self.steps) != 1:
            return self.sentence()
        before, after = _compact(*self.steps[0])
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "%1 %2"), self.setting, step(before, after))


# --- what each field of each kind is called ------------------------------------------------------

Path = tuple[str | ItemKey, ...]
Formatter = Callable[[Any], Words]


@dataclass(frozen=True)
class Field:
    """A field's name for the technician and how its values read."""

    setting: Words
    words: Formatter = _plain


def _key_value(part: str | ItemKey) -> Any:
    return part.values[0] if isinstance(part, ItemKey) and len(part.values) == 1 else None


_SYSTEM_ALARMS: dict[str, str] = {
    "BATTERY_LOW": QT_TRANSLATE_NOOP("CoreSentences", "Battery alarm"),
    "EXTERNAL_POWER_LOST": QT_TRANSLATE_NOOP("CoreSentences", "Power-loss alarm"),
    "CONNECTION_TIMEOUT": QT_TRANSLATE_NOOP("CoreSentences", "No-connection alarm"),
    "SENSOR_BROKEN": QT_TRANSLATE_NOOP("CoreSentences", "Broken-sensor alarm"),
    "CALIBRATION_OVERDUE": QT_TRANSLATE_NOOP("CoreSentences", "Calibration alarm"),
}


def system_alarm_name(alarm_type: Any) -> Words:
    """ "No-connection alarm" for CONNECTION_TIMEOUT; a kind the app does not know in readable form."""
    if isinstance(alarm_type, str) and alarm_type in _SYSTEM_ALARMS:
        return Sentence(_SYSTEM_ALARMS[alarm_type])
    text = str(alarm_type).replace("_", " ").strip().capitalize() if alarm_type else "?"
    return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Alarm '%1'"), text)


def _system_alarm_words(alarm: Any) -> Words:
    """A whole alarm rule: "on, Warning, after 2 h" or "off"."""
    if not isinstance(alarm, Mapping):
        return _plain(alarm)
    if alarm.get("enabled") is False:
        return _on_off(False)
    parts: list[Words] = [_on_off(True)]
    if "severity" in alarm:
        parts.append(_severity(alarm.get("severity")))
    delay = _whole(alarm.get("delay"))
    if delay:
        parts.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "after %1"), format_duration(delay)))
    return joined(", ", parts)


def _channel_number(part: str | ItemKey) -> str:
    value = _key_value(part)
    if isinstance(part, ItemKey) and part.fields == ("channel_no",) and isinstance(value, int):
        return str(value)
    return str(value + 1) if isinstance(value, int) and not isinstance(value, bool) else str(value)


class _Describer:
    """The field names of one change (its kind, the documents on both sides, the names known)."""

    def __init__(self, kind: str, before: Any, after: Any, names: Names) -> None:
        self.kind = kind
        self.before = before if isinstance(before, Mapping) else {}
        self.after = after if isinstance(after, Mapping) else {}
        self.names = names

    # -- per kind --

    def field(self, path: Path) -> Field | None:
        handlers: dict[str, Callable[[Path], Field | None]] = {
            DraftKind.DEVICE: self._device,
            DraftKind.SENSOR: self._sensor,
            DraftKind.DEVICE_ALARMS: self._system_alarms,
            DraftKind.SENSOR_ALARMS: self._system_alarms,
            DraftKind.MEASURING_OBJECT: self._measuring_object,
            DraftKind.INSTRUCTION_SET: self._instruction_set,
            DraftKind.MEASUREMENT_ALARMS: self._measurement_alarms,
            DraftKind.GLOBAL_SETTINGS: self._global_settings,
        }
        handler = handlers.get(self.kind)
        return handler(path) if handler is not None else None

    def _device(self, path: Path) -> Field | None:
        named = {
            ("name",): Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Logger name"))),
            ("measuring_cycle",): Field(
                Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Measuring cycle")), _duration
            ),
            ("communication_cycle",): Field(
                Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Communication cycle")), _duration
            ),
        }
        if path in named:
            return named[path]
        if len(path) >= 2 and path[0] == "sensors_connections" and isinstance(path[1], ItemKey):
            slot = _channel_number(path[1])
            if path[2:] == ("connected",):
                template = QT_TRANSLATE_NOOP("CoreSentences", "Sensor in slot %1 connected")
                return Field(Sentence(template, slot), _yes_no)
            if path[2:] == ("sensor_uuid",):
                return Field(
                    Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Sensor in slot %1"), slot),
                    lambda uuid: self.names.sensor(uuid) if isinstance(uuid, str) else _plain(uuid),
                )
        return None

    def _channel_unit(self, part: str | ItemKey) -> str | None:
        """The unit of a sensor channel (as it will be, else as it was)."""
        for document in (self.after, self.before):
            channels = document.get("channels")
            for channel in channels if isinstance(channels, list) else []:
                if isinstance(part, ItemKey) and part.matches(channel):
                    return unit_id_of(channel.get("physical_unit_id") or channel.get("physical_unit"))
        return None

    def _sensor(self, path: Path) -> Field | None:
        if path == ("name",):
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Sensor name")))
        if len(path) == 3 and path[0] == "channels" and isinstance(path[1], ItemKey):
            number, what = _channel_number(path[1]), path[2]
            if what == "name":
                return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Name of channel %1"), number))
            if what in ("physical_unit_id", "physical_unit"):
                return Field(
                    Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Unit of channel %1"), number), _unit
                )
            if what == "offset":
                unit = self._channel_unit(path[1])

                def offset(value: Any) -> Words:
                    number_value = rules.finite_number(value)
                    return quantity(number_value, unit) if number_value is not None else _plain(value)

                return Field(
                    Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Offset of channel %1"), number), offset
                )
        return None

    def _system_alarms(self, path: Path) -> Field | None:
        if len(path) < 2 or path[0] != "alarms" or not isinstance(path[1], ItemKey):
            return None
        if path[1].fields != ("alarm_type",):
            return None
        title = system_alarm_name(_key_value(path[1]))
        rest = path[2:]
        if not rest:
            return Field(title, _system_alarm_words)
        if rest == ("enabled",):
            return Field(title, _on_off)
        if rest == ("severity",):
            return Field(title, _severity)
        if rest == ("delay",):
            return Field(title, _duration)
        return None

    def _measuring_object(self, path: Path) -> Field | None:
        if path == ():
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Measuring object")), self._object_words)
        if path == ("name",):
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Object name")))
        if path == ("description",):
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Description")))
        if path and path[0] == "logical_channels":
            if len(path) == 1:
                return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Channels")), self._channels_words)
            if len(path) == 2:
                return Field(
                    Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Channel %1"), self._channel_title(path[1])),
                    self._channel_words,
                )
            if len(path) == 3 and path[2] == "name":
                return Field(
                    Sentence(
                        QT_TRANSLATE_NOOP("CoreSentences", "Name of channel %1"), self._channel_title(path[1])
                    )
                )
            if len(path) >= 3 and path[2] == "sensor_channel":
                return Field(
                    Sentence(
                        QT_TRANSLATE_NOOP("CoreSentences", "Sensor of channel %1"),
                        self._channel_title(path[1]),
                    ),
                    self._source_words,
                )
        return None

    def _channel_title(self, part: str | ItemKey) -> Words:
        for document in (self.after, self.before):
            channels = document.get("logical_channels")
            for channel in channels if isinstance(channels, list) else []:
                if isinstance(part, ItemKey) and part.matches(channel):
                    return _text(channel.get("name")) or value_name(
                        value_id_of(channel.get("physical_value_id"))
                    )
        value = _key_value(part)
        return self.names.channel(value) if isinstance(value, str) else str(value)

    def _source_words(self, source: Any) -> Words:
        """A logical channel's sensor channel: "Fridge 3, slot 1, channel 1"."""
        if not isinstance(source, Mapping) or not isinstance(source.get("sensor_uuid"), str):
            return _plain(source)
        index = source.get("channel_index", 0)
        number = str(index + 1) if isinstance(index, int) and not isinstance(index, bool) else "?"
        return Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "%1, channel %2"),
            self.names.sensor(source["sensor_uuid"]),
            number,
        )

    def _channel_words(self, channel: Any) -> Words:
        if not isinstance(channel, Mapping):
            return _plain(channel)
        title = _text(channel.get("name")) or value_name(value_id_of(channel.get("physical_value_id"))) or "?"
        source = channel.get("sensor_channel")
        if isinstance(source, Mapping):
            return Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "%1 from %2"), title, self._source_words(source)
            )
        return title

    def _channels_words(self, channels: Any) -> Words:
        if not isinstance(channels, list):
            return _plain(channels)
        if not channels:
            return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "none"))
        return joined("; ", [self._channel_words(channel) for channel in channels])

    def _object_words(self, obj: Any) -> Words:
        if not isinstance(obj, Mapping):
            return _plain(obj)
        name = _text(obj.get("name")) or Sentence(QT_TRANSLATE_NOOP("CoreSentences", "without a name"))
        channels = obj.get("logical_channels")
        if isinstance(channels, list) and channels:
            return Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "%1 (%2)"), name, self._channels_words(channels)
            )
        return name

    def _instruction_set(self, path: Path) -> Field | None:
        def override(value: Any) -> Words:
            if value is None:
                return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "the logger's setting"))
            return _duration(value)

        if path in (("measuring_cycle",), ("measuring_rate_ms",)):
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Measuring cycle")), override)
        if path == ("communication_cycle",):
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Communication cycle")), override)
        return None

    def _global_settings(self, path: Path) -> Field | None:
        if path in (("timezone",), ("main_timezone",)):
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Site time zone")))
        return None

    def _measurement_alarms(self, path: Path) -> Field | None:
        """Only for a conflict's path: a change lists alarm limits one by one (`_limit_changes`)."""
        if path and path[0] == rules.CHANNELS_KEY:
            if len(path) == 1:
                return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Alarm limits")), _limits_words)
            channel = _key_value(path[1])
            title = self.names.channel(channel) if isinstance(channel, str) else str(channel)
            if path[2:] in ((), (rules.SETS_KEY,)):
                return Field(
                    Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Alarm limits of %1"), title), _limits_words
                )
        if path == (rules.SETS_KEY,):
            return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Alarm limits")), _limits_words)
        return None


# --- measurement alarm limits, limit by limit ----------------------------------------------------

_LIMIT_NAMES: dict[str, str] = {
    rules.LOWER_ALARM: QT_TRANSLATE_NOOP("CoreSentences", "Lower alarm"),
    rules.LOWER_WARNING: QT_TRANSLATE_NOOP("CoreSentences", "Lower warning"),
    rules.UPPER_WARNING: QT_TRANSLATE_NOOP("CoreSentences", "Upper warning"),
    rules.UPPER_ALARM: QT_TRANSLATE_NOOP("CoreSentences", "Upper alarm"),
}


@dataclass
class _Limits:
    """The limits of one channel (and one physical value) as read from its conditions."""

    limits: dict[str, tuple[float, str | None]] = field(default_factory=dict)  # field -> (value, unit)
    hysteresis: tuple[float, str | None] | None = None
    delay_ms: int | None = None
    unread: list[Any] = field(default_factory=list)  # conditions the app cannot read, as they came


def _condition_groups(configuration: Any) -> dict[tuple[str | None, str | None], _Limits]:
    """(logical channel uuid or None, physical value) -> the limits read from its first condition set;
    every other condition set and condition the app cannot read is kept as `unread`."""
    groups: dict[tuple[str | None, str | None], _Limits] = {}
    if not isinstance(configuration, Mapping):
        return groups

    def read(channel: str | None, sets: Any) -> None:
        sets = sets if isinstance(sets, list) else []
        for position, condition_set in enumerate(sets):
            conditions = (
                condition_set.get(rules.CONDITIONS_KEY) if isinstance(condition_set, Mapping) else None
            )
            if position > 0 or not isinstance(conditions, list):
                groups.setdefault((channel, None), _Limits()).unread.append(condition_set)
                continue
            for condition in conditions:
                found = rules.read_condition(condition)
                group = groups.setdefault((channel, found.value_id if found else None), _Limits())
                if found is None or found.field in group.limits:
                    group.unread.append(condition)
                    continue
                group.limits[found.field] = (found.limit, found.unit)
                if group.hysteresis is None or found.hysteresis > group.hysteresis[0]:
                    group.hysteresis = (found.hysteresis, found.unit)
                group.delay_ms = max(group.delay_ms or 0, found.delay_ms)

    if rules.is_top_level(configuration):
        read(None, configuration.get(rules.SETS_KEY))
    else:
        channels = configuration.get(rules.CHANNELS_KEY)
        for channel in channels if isinstance(channels, list) else []:
            if isinstance(channel, Mapping) and isinstance(channel.get("logical_channel_uuid"), str):
                read(channel["logical_channel_uuid"], channel.get(rules.SETS_KEY))
    return groups


def _without_conditions(configuration: Any) -> Any:
    """The configuration without its condition sets (compared field by field, like any document);
    a channel's entry that holds nothing else is left out (its limits are described already)."""
    if not isinstance(configuration, Mapping):
        return configuration
    result = {key: value for key, value in configuration.items() if key != rules.SETS_KEY}
    channels = configuration.get(rules.CHANNELS_KEY)
    if isinstance(channels, list):
        stripped = [
            {key: value for key, value in channel.items() if key != rules.SETS_KEY}
            if isinstance(channel, Mapping)
            else channel
            for channel in channels
        ]
        kept = [
            channel
            for channel in stripped
            if not (isinstance(channel, Mapping) and set(channel) <= {"logical_channel_uuid"})
        ]
        if kept:
            result[rules.CHANNELS_KEY] = kept
        else:
            del result[rules.CHANNELS_KEY]
    return result


def _off() -> Sentence:
    return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "off"))


def _limit_changes(before: Any, after: Any, names: Names) -> list[SettingChange]:
    old, new = _condition_groups(before), _condition_groups(after)
    keys = list(dict.fromkeys([*old, *new]))
    monitored = {
        key for key in keys if (old.get(key) or _Limits()).limits or (new.get(key) or _Limits()).limits
    }
    several = len(monitored) > 1

    def title(key: tuple[str | None, str | None], setting: Words) -> Words:
        if not several:
            return setting
        channel, value = key
        where = names.channel(channel) if channel is not None else value_name(value) or "?"
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "%1 (%2)"), setting, where)

    changes: list[SettingChange] = []
    for key in keys:
        was, will = old.get(key) or _Limits(), new.get(key) or _Limits()
        for name in rules.LIMIT_FIELDS:
            first, second = was.limits.get(name), will.limits.get(name)
            if first == second:
                continue
            changes.append(
                SettingChange(
                    title(key, Sentence(_LIMIT_NAMES[name])),
                    ((quantity(*first) if first else _off(), quantity(*second) if second else _off()),),
                )
            )
        hysteresis_before = was.hysteresis if was.limits else None
        hysteresis_after = will.hysteresis if will.limits else None
        if hysteresis_before != hysteresis_after and (hysteresis_after or (0.0,))[0] != 0.0:
            changes.append(
                SettingChange(
                    title(key, Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Hysteresis"))),
                    (
                        (
                            quantity(*hysteresis_before) if hysteresis_before else not_set(),
                            quantity(*hysteresis_after) if hysteresis_after else not_set(),
                        ),
                    ),
                )
            )
        delay_before = was.delay_ms if was.limits else None
        delay_after = will.delay_ms if will.limits else None
        if delay_before != delay_after and delay_after:
            changes.append(
                SettingChange(
                    title(key, Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Alarm delay"))),
                    (
                        (
                            format_duration(delay_before) if delay_before is not None else not_set(),
                            format_duration(delay_after),
                        ),
                    ),
                )
            )
        if was.unread != will.unread:
            changes.append(
                SettingChange(
                    title(key, Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Other alarm conditions"))),
                    ((_plain(was.unread or MISSING), _plain(will.unread or MISSING)),),
                )
            )
    return changes


def _limits_words(value: Any) -> Words:
    """Alarm limits held anywhere in `value` (condition sets, a channel's configuration, a whole
    configuration): "alarm below 2 °C, warning above 7 °C, after 15 min"; unreadable ones as JSON."""
    conditions: list[Any] = []

    def collect(node: Any) -> None:
        if isinstance(node, Mapping):
            found = node.get(rules.CONDITIONS_KEY)
            if isinstance(found, list):
                conditions.extend(found)
            for key, item in node.items():
                if key != rules.CONDITIONS_KEY:
                    collect(item)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(value)
    if value is MISSING or value is None:
        return not_set()
    read = [found for found in map(rules.read_condition, conditions) if found is not None]
    if not read:
        return _plain(value) if conditions or not isinstance(value, list | Mapping) else _off()
    templates = {
        rules.LOWER_ALARM: QT_TRANSLATE_NOOP("CoreSentences", "alarm below %1"),
        rules.LOWER_WARNING: QT_TRANSLATE_NOOP("CoreSentences", "warning below %1"),
        rules.UPPER_WARNING: QT_TRANSLATE_NOOP("CoreSentences", "warning above %1"),
        rules.UPPER_ALARM: QT_TRANSLATE_NOOP("CoreSentences", "alarm above %1"),
    }
    order = {name: position for position, name in enumerate(rules.LIMIT_FIELDS)}
    parts: list[Words] = [
        Sentence(templates[found.field], quantity(found.limit, found.unit))
        for found in sorted(read, key=lambda found: order[found.field])
    ]
    delay = max(found.delay_ms for found in read)
    if delay:
        parts.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "after %1"), format_duration(delay)))
    if len(read) < len(conditions):
        parts.append(
            Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "%1 other condition(s)"), str(len(conditions) - len(read))
            )
        )
    return joined(", ", parts)


# --- the describer -------------------------------------------------------------------------------


def _key_words(key: str) -> str:
    """A field's key as words: "alarmConfigurationBackReference", "measuring_cycle_min" ->
    "alarm configuration back reference", "measuring cycle min"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key).replace("_", " ").replace("-", " ")
    return " ".join(spaced.split()).lower() or key


def _path_words(path: Path) -> str:
    """A field the app does not know, as readable as it gets: "firmware › update available"."""
    parts: list[str] = []
    for part in path:
        if isinstance(part, ItemKey):
            parts.append(", ".join(str(value) for value in part.values))
        else:
            parts.append(_key_words(part))
    return " › ".join(parts)


def _other(path: Path) -> Field:
    if not path:
        return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Whole document")))
    return Field(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Other setting '%1'"), _path_words(path)))


def _words(field_: Field, value: Any) -> Words:
    if value is MISSING:
        return not_set()
    return field_.words(value)


def _merge_steps(changes: Sequence[tuple[Words, Words, Words]]) -> list[SettingChange]:
    """(setting, before, after) triples; those of one setting (one alarm rule) make one line."""
    grouped: dict[str, tuple[Words, list[tuple[Words, Words]]]] = {}
    for setting, before, after in changes:
        grouped.setdefault(str(setting), (setting, []))[1].append((before, after))
    return [SettingChange(setting, tuple(steps)) for setting, steps in grouped.values()]


def describe_change(kind: str, before: Any, after: Any, names: Names | None = None) -> list[SettingChange]:
    """What a change of a `kind` document from `before` to `after` does, setting by setting.

    `before` None: the cloud's version is not known (a creation, or a document the cloud does not
    let us read); every setting of `after` is listed then, coming from "not set"."""
    names = names or Names()
    if kind == DraftKind.MEASURING_OBJECT and before is None:
        describer = _Describer(kind, {}, after, names)
        return [
            SettingChange(
                Sentence(QT_TRANSLATE_NOOP("CoreSentences", "New measuring object")),
                ((not_set(), describer._object_words(after)),),
            )
        ]
    lines: list[SettingChange] = []
    old = before if before is not None else {}
    if kind == DraftKind.MEASUREMENT_ALARMS:
        lines.extend(_limit_changes(old, after, names))
        old, after = _without_conditions(old), _without_conditions(after)
    describer = _Describer(kind, old, after, names)
    triples: list[tuple[Words, Words, Words]] = []
    for change in diff(old, after):
        field_ = describer.field(change.path) or _other(change.path)
        triples.append((field_.setting, _words(field_, change.before), _words(field_, change.after)))
    return _merge_steps(triples) + lines


@dataclass(frozen=True)
class ConflictWords:
    """A conflict's field and its three values, in words."""

    setting: Words
    base: Words
    mine: Words
    server: Words


def describe_conflict(
    kind: str, path: Path, base: Any, mine: Any, server: Any, names: Names | None = None
) -> ConflictWords:
    """A field changed on both sides (core.offline.merge.Conflict): its name and its values."""
    documents = [value for value in (mine, server, base) if isinstance(value, Mapping)]
    describer = _Describer(kind, documents[0] if documents else {}, {}, names or Names())
    field_ = describer.field(path) or _other(path)
    return ConflictWords(field_.setting, _words(field_, base), _words(field_, mine), _words(field_, server))


def describe_document_change(
    kind: str, before: Any, after: Any, names: Names | None = None
) -> list[Sentence]:
    """`describe_change` as one sentence per setting."""
    return [line.sentence() for line in describe_change(kind, before, after, names)]


def settings_summary(
    kind: str, before: Any, after: Any, names: Names | None = None, *, most: int = 2
) -> Sentence:
    """The settings a change touches in one line: "Upper alarm 8 → 10 °C; Alarm delay 15 → 30 min",
    "… ; 2 more" beyond `most` settings."""
    lines = describe_change(kind, before, after, names)
    if not lines:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "no change"))
    shown: list[Words] = [line.short() for line in lines[:most]]
    if len(lines) > most:
        shown.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "%1 more"), str(len(lines) - most)))
    return joined("; ", shown)


def summary(
    kind: str,
    object_id: str,
    before: Any,
    after: Any,
    names: Names | None = None,
    *,
    site: str = "",
    most: int = 2,
) -> Sentence:
    """One line for lists: "Fridge 3: Upper alarm 8 → 10 °C" (see `settings_summary`)."""
    names = names or Names()
    return Sentence(
        QT_TRANSLATE_NOOP("CoreSentences", "%1: %2"),
        names.of(kind, object_id, site),
        settings_summary(kind, before, after, names, most=most),
    )


__all__ = [
    "ConflictWords",
    "Names",
    "SettingChange",
    "describe_change",
    "describe_conflict",
    "describe_document_change",
    "not_set",
    "quantity",
    "settings_summary",
    "step",
    "summary",
    "system_alarm_name",
]
