"""The device table's rows, and how a fresh poll turns into in-place row changes.

A poll returns the whole device list. Resetting the table model on every poll would drop the
technician's selection, scroll position and any open editor, and costs a full re-sort of thousands
of rows; instead `plan_refresh` compares the rows by uuid and says which rows to remove, which to
update in place and which to append. The Qt model only executes the plan.

A device the cloud lists but the app cannot read gets a row too ("Not readable", its serial number
if it has one), keyed by `UnreadableItem.key`, which never equals a device uuid: it can be seen and
looked at as received, never opened in an editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from saveris_desktop.api.listing import UnreadableItem
from saveris_desktop.api.models import Device, SlotSensor
from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence, joined

# The one name of each device type, on every screen (device table, the wizard's guide and found
# page, the editors), in the report and in the CLI: a technician who reads "testo 164 gateway" in
# the guide finds the same words in the table. The UI translates them (ui/core_words.py).
QSR_LOGGER = "QSR / WiFi logger"
SAVERIS_2_LOGGER = "Saveris 2 logger"
T2_LOGGER = "T2 logger"
GATEWAY_164 = "testo 164 gateway"
# A device whose codes say nothing about its type.
ANY_LOGGER = "Logger"

# Fragments of the product type [A] or model code -> the device type a technician knows from the case.
_DEVICE_TYPES: tuple[tuple[str, str], ...] = (
    ("GATEWAY", GATEWAY_164),
    ("164", GATEWAY_164),
    ("QSR", QSR_LOGGER),
    ("WIFI", QSR_LOGGER),
    ("SAVERIS2", SAVERIS_2_LOGGER),
    ("SAVERIS_2", SAVERIS_2_LOGGER),
    ("S2", SAVERIS_2_LOGGER),
    ("T2", T2_LOGGER),
)

# The hotspot guide's device choices by the same names.
_GUIDE_NAMES: dict[DeviceType, str] = {
    DeviceType.QSR_WIFI: QSR_LOGGER,
    DeviceType.SAVERIS_2: SAVERIS_2_LOGGER,
    DeviceType.GATEWAY_164: GATEWAY_164,
}


def guide_device_name(kind: DeviceType) -> str:
    """The name of a device type the hotspot guide explains (the same as the table shows)."""
    return _GUIDE_NAMES[kind]


#: Status right after the names: what needs attention is seen without scrolling in a laptop window.
COLUMNS: tuple[str, ...] = (
    "serial_number",
    "name",
    "status",
    "model",
    "device_type",
    "firmware",
    "sensors",
    "last_change",
)


def device_type(
    model_code: str | None, product_family: str | None = None, product_type: str | None = None
) -> str:
    for text in (product_type, model_code):
        code = (text or "").upper().replace("-", "_").replace(" ", "_")
        for fragment, name in _DEVICE_TYPES:
            if fragment in code:
                return name
    if product_family and product_family != "PF_ANY":
        return product_family
    return ANY_LOGGER


def device_type_of(device: Device) -> str:
    """The device's type by its one name: what every screen, the report and the CLI call it.

    Reads every code the cloud gives (the product type [A] among the fields the app does not model
    too): the found page once read the model code alone and named a logger the table typed."""
    extras: Mapping[str, Any] = device.model_extra or {}
    return device_type(device.model_code, device.product_family, _text(extras.get("product_type")))


def model_and_type(model_code: str | None, kind: str) -> str:
    """The model line of a logger: "0572 2031 · Saveris 2 logger" (a Sentence: the type is translated
    by the UI); the type alone when the model is not given, the model alone when the type says nothing."""
    known = kind and kind != ANY_LOGGER
    if model_code and known:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "%1 · %2"), model_code, kind)
    return model_code or kind or ""


def _latest(dates: Iterable[str | None]) -> str:
    """The latest ISO date-time of `dates` (as the server wrote it); "" when there is none."""
    best: tuple[datetime, str] | None = None
    for text in dates:
        if not text:
            continue
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is None:
            continue  # a naive time cannot be ordered against the others; the server sends UTC
        if best is None or moment > best[0]:
            best = (moment, text)
    return best[1] if best else ""


#: At or below this charge the status column warns [A]: loggers report weeks ahead of running empty.
LOW_BATTERY_PERCENT = 20


def _reported_state(extras: Mapping[str, Any]) -> str:
    """An online state when the server reports one [A]; "" when it does not."""
    for key in ("status", "connection_status", "connection_state", "state"):
        value = extras.get(key)
        if isinstance(value, str) and value:
            return value.replace("_", " ").capitalize()
    online = extras.get("online")
    if isinstance(online, bool):
        return "Online" if online else "Offline"
    return ""


def _battery_percent(extras: Mapping[str, Any]) -> int | None:
    battery = extras.get("battery")
    level = battery.get("level_percent") if isinstance(battery, Mapping) else None
    return round(level) if isinstance(level, (int, float)) and not isinstance(level, bool) else None


def _status(device: Device, extras: Mapping[str, Any], slots: Sequence[SlotSensor]) -> str:
    """What needs the technician's attention, most important first; "OK" (with the charge) when nothing.

    The documented device object has no status field: the server's own state is shown when it sends
    one [A], then disconnected sensors, a low battery and a pending firmware update [A].
    """
    problems = [_reported_state(extras)]
    # `slots`: an empty slot is no sensor, and not a disconnected one either
    disconnected = sum(1 for slot in slots if slot.connected is False)
    if not slots:
        problems.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "No sensors")))
    elif disconnected:
        disconnected_text = QT_TRANSLATE_NOOP("CoreSentences", "%1 sensor(s) disconnected")
        problems.append(Sentence(disconnected_text, str(disconnected)))
    battery = _battery_percent(extras)
    if battery is not None and battery <= LOW_BATTERY_PERCENT:
        problems.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Battery low (%1 %)"), str(battery)))
    firmware_extras = (device.firmware.model_extra or {}) if device.firmware is not None else {}
    if firmware_extras.get("update_available") is True:
        problems.append(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Firmware update available")))
    shown = [problem for problem in problems if problem]
    if shown:
        return joined(" · ", shown)
    if battery is None:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "OK"))
    return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "OK · battery %1 %"), str(battery))


@dataclass(frozen=True)
class DeviceRow:
    """What the table shows for one device; equality tells whether a row needs repainting."""

    uuid: str
    serial_number: str
    model: str
    device_type: str
    firmware: str
    sensors: str
    last_change: str  # ISO date-time as the server wrote it; the view formats it in the site's timezone
    status: str
    connected_sensors: int = field(default=0, compare=True)
    name: str = ""  # what the technician called it ("Vaccine fridge 2"); after the columns the issue lists
    unreadable_reason: str = ""  # set for a device listed but not readable: where and what failed

    @property
    def readable(self) -> bool:
        return not self.unreadable_reason

    def value(self, column: int) -> str:
        text: str = getattr(self, COLUMNS[column])
        return text

    def matches(self, needle: str) -> bool:
        """Search across every visible column, case-insensitive."""
        lowered = needle.casefold()
        return any(lowered in self.value(c).casefold() for c in range(len(COLUMNS)))


#: The status of a device the cloud lists but the app could not read.
NOT_READABLE = "Not readable"


def row_from_unreadable(item: UnreadableItem) -> DeviceRow:
    received: Mapping[str, Any] = item.received if isinstance(item.received, Mapping) else {}
    return DeviceRow(
        uuid=item.key,
        serial_number=item.serial_number or "",
        name=_text(received.get("name")) or "",
        model=_text(received.get("model_code")) or "",
        device_type="",
        firmware="",
        sensors="",
        last_change="",
        status=NOT_READABLE,
        unreadable_reason=item.reason,
    )


def row_from_device(device: Device) -> DeviceRow:
    extras: Mapping[str, Any] = device.model_extra or {}
    slots = device.slot_sensors()
    connected = sum(1 for slot in slots if slot.connected)
    total = len(slots)
    firmware = ""
    if device.firmware is not None:
        firmware = device.firmware.firmware_version or device.firmware.firmware_code or ""
    connection = extras.get("connection")
    last_contact = connection.get("last_communication") if isinstance(connection, Mapping) else None
    last_change = _latest(
        [
            *(str(extras[k]) for k in ("last_modified", "last_change", "updated_at") if extras.get(k)),
            str(last_contact) if last_contact else None,
            *(connection.connected_change_date for connection in device.sensors_connections),
            device.valid_from,
        ]
    )
    return DeviceRow(
        uuid=device.uuid,
        serial_number=device.serial_number or "",
        name=device.name or "",
        model=device.model_code or "",
        device_type=device_type_of(device),
        firmware=firmware,
        sensors=(
            Sentence(QT_TRANSLATE_NOOP("CoreSentences", "%1 of %2"), str(connected), str(total))
            if total
            else Sentence(QT_TRANSLATE_NOOP("CoreSentences", "none"))
        ),
        last_change=last_change,
        status=_status(device, extras, slots),
        connected_sensors=connected,
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def changed_columns(old: DeviceRow, new: DeviceRow) -> list[int]:
    return [index for index, name in enumerate(COLUMNS) if getattr(old, name) != getattr(new, name)]


@dataclass
class RowPlan:
    """How to get from the current rows to a fresh list without a model reset.

    Execute in this order: `removals` (contiguous (first, last) ranges of the CURRENT indices,
    highest first, so earlier indices stay valid), then `updates` (index into the list after the
    removals, new row, changed columns), then `appends` at the end.
    """

    removals: list[tuple[int, int]] = field(default_factory=list)
    updates: list[tuple[int, DeviceRow, list[int]]] = field(default_factory=list)
    appends: list[DeviceRow] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.removals or self.updates or self.appends)

    @property
    def counts(self) -> tuple[int, int, int]:
        removed = sum(last - first + 1 for first, last in self.removals)
        return removed, len(self.updates), len(self.appends)


def plan_refresh(current: Sequence[DeviceRow], fresh: Iterable[DeviceRow]) -> RowPlan:
    fresh_by_uuid: dict[str, DeviceRow] = {}
    for row in fresh:
        fresh_by_uuid[row.uuid] = row  # a duplicate uuid in one answer: the last one wins
    plan = RowPlan()

    removed_indices = [index for index, row in enumerate(current) if row.uuid not in fresh_by_uuid]
    for index in reversed(removed_indices):
        if plan.removals and plan.removals[-1][0] == index + 1:
            plan.removals[-1] = (index, plan.removals[-1][1])
        else:
            plan.removals.append((index, index))

    kept_uuids: set[str] = set()
    position = 0
    for row in current:
        new = fresh_by_uuid.get(row.uuid)
        if new is None:
            continue
        kept_uuids.add(row.uuid)
        if new != row:
            plan.updates.append((position, new, changed_columns(row, new)))
        position += 1

    plan.appends = [row for uuid, row in fresh_by_uuid.items() if uuid not in kept_uuids]
    return plan


def apply_plan(rows: list[DeviceRow], plan: RowPlan) -> None:
    """The plan applied to a plain list (what the Qt model does, minus the signals)."""
    for first, last in plan.removals:
        del rows[first : last + 1]
    for index, row, _ in plan.updates:
        rows[index] = row
    rows.extend(plan.appends)


__all__ = [
    "COLUMNS",
    "DeviceRow",
    "RowPlan",
    "apply_plan",
    "changed_columns",
    "device_type",
    "plan_refresh",
    "row_from_device",
    "row_from_unreadable",
]
