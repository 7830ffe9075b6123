"""Durations as technicians read and type them: "15 s", "15 min", "1 h 30 min", "24 h".

The API speaks milliseconds (900000 = 15 min) [R]; nobody in the field does. This module turns a
capability's min/max into words ("15 s … 24 h"), parses what a technician typed and checks it
against the allowed range with a message that names the range.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from saveris_desktop.api.models import whole_number
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Number, Sentence

MS_PER_UNIT: dict[str, int] = {
    "ms": 1,
    "s": 1_000,
    "min": 60_000,
    "h": 3_600_000,
    "d": 86_400_000,
}

# Spellings a technician may type for each unit (lower case).
_UNIT_ALIASES: dict[str, str] = {
    "ms": "ms",
    "s": "s",
    "sec": "s",
    "secs": "s",
    "second": "s",
    "seconds": "s",
    "m": "min",
    "min": "min",
    "mins": "min",
    "minute": "min",
    "minutes": "min",
    "h": "h",
    "hr": "h",
    "hrs": "h",
    "hour": "h",
    "hours": "h",
    "d": "d",
    "day": "d",
    "days": "d",
}

_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-zA-Z]*)")

#: Separator between the ends of a range; the ellipsis reads well and cannot be mistaken for a minus.
RANGE_SEPARATOR = " … "


class DurationError(ValueError):
    """What was typed is not a duration; `str()` is a message for the technician."""


def format_duration(ms: int) -> str:
    """`900000` -> "15 min", `5400000` -> "1 h 30 min", `1500` -> "1.5 s", `0` -> "0 s".

    A fraction of a second is a Sentence with a Number in it, so the window and the CLI write it
    with the reader's decimal separator ("1,5 s"); the units are the same in every language."""
    if ms < 0:
        return "-" + format_duration(-ms)
    if ms == 0:
        return "0 s"
    if ms < 1_000:
        return f"{ms} ms"
    if ms < 60_000 and ms % 1_000:
        return Sentence("%1 s", Number(ms / 1_000))
    parts: list[str] = []
    remainder = ms
    for unit in ("d", "h", "min", "s"):
        size = MS_PER_UNIT[unit]
        count, remainder = divmod(remainder, size)
        if count:
            parts.append(f"{count} {unit}")
    if remainder:
        parts.append(f"{remainder} ms")
    # Days are rare in logger settings; "24 h" is what the datasheets print.
    if parts and parts[0].endswith(" d") and ms <= 2 * MS_PER_UNIT["d"]:
        days = ms // MS_PER_UNIT["d"]
        hours_part = f"{days * 24 + (ms % MS_PER_UNIT['d']) // MS_PER_UNIT['h']} h"
        parts = [hours_part, *(p for p in parts[1:] if not p.endswith(" h"))]
    return " ".join(parts)


def parse_duration(text: str, *, default_unit: str | None = None) -> int:
    """Parse "15 s", "15min", "1 h 30 min", "1,5 h" into ms.

    A bare number is refused unless a `default_unit` is given: "15" may mean seconds to one
    technician and minutes to the next (and a half-typed "3" of "3 days" would be 3 s), so the field,
    the plan and the command line all ask for the unit."""
    cleaned = text.strip()
    if not cleaned:
        raise DurationError(Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Enter a duration, e.g. 15 min.")))
    if default_unit is None and cleaned.replace(".", "").replace(",", "").isdigit():
        raise DurationError(
            Sentence(
                QT_TRANSLATE_NOOP("CoreSentences", "'%1' has no unit; write it like 5 min, 15 min or 1 h."),
                cleaned,
            )
        )
    position = 0
    total = 0.0
    matched_any = False
    for match in _PART.finditer(cleaned):
        gap = cleaned[position : match.start()]
        if gap.strip():
            raise DurationError(_not_a_duration(cleaned))
        number = float(match.group(1).replace(",", "."))
        unit_text = match.group(2).lower()
        unit = _UNIT_ALIASES.get(unit_text or default_unit or "")
        if unit is None:
            raise DurationError(
                Sentence(
                    QT_TRANSLATE_NOOP("CoreSentences", "Unknown unit “%1”; use s, min or h."), match.group(2)
                )
            )
        total += number * MS_PER_UNIT[unit]
        position = match.end()
        matched_any = True
    if not matched_any or cleaned[position:].strip():
        raise DurationError(_not_a_duration(cleaned))
    return round(total)


def _not_a_duration(text: str) -> Sentence:
    return Sentence(
        QT_TRANSLATE_NOOP(
            "CoreSentences", "“%1” is not a duration; write it like 15 s, 15 min or 1 h 30 min."
        ),
        text,
    )


def range_words(minimum_ms: int | None, maximum_ms: int | None) -> str:
    """The allowed range in words: "15 s … 24 h", "at least 15 s", "at most 24 h" or "any duration"."""
    if minimum_ms is not None and maximum_ms is not None:
        return Sentence(f"%1{RANGE_SEPARATOR}%2", format_duration(minimum_ms), format_duration(maximum_ms))
    if minimum_ms is not None:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "at least %1"), format_duration(minimum_ms))
    if maximum_ms is not None:
        return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "at most %1"), format_duration(maximum_ms))
    return Sentence(QT_TRANSLATE_NOOP("CoreSentences", "any duration"))


@dataclass(frozen=True)
class DurationRange:
    """An inclusive range in ms; either end may be unknown (the capability did not say)."""

    minimum_ms: int | None
    maximum_ms: int | None

    def words(self) -> str:
        return range_words(self.minimum_ms, self.maximum_ms)

    def contains(self, ms: int) -> bool:
        if self.minimum_ms is not None and ms < self.minimum_ms:
            return False
        return not (self.maximum_ms is not None and ms > self.maximum_ms)

    def problem(self, ms: int) -> str | None:
        """None when `ms` is allowed, else a message with the allowed range in words."""
        if self.contains(ms):
            return None
        return Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "%1 is outside the allowed range %2."),
            format_duration(ms),
            self.words(),
        )


def check_duration_text(
    text: str, allowed: DurationRange, *, default_unit: str | None = None
) -> tuple[int | None, str]:
    """Parse and range-check in one go: (ms, "") when fine, (None, message) when refused."""
    try:
        ms = parse_duration(text, default_unit=default_unit)
    except DurationError as error:
        said = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
        return None, Sentence(QT_TRANSLATE_NOOP("CoreSentences", "%1 Allowed: %2."), said, allowed.words())
    problem = allowed.problem(ms)
    if problem is not None:
        return None, problem
    return ms, ""


def cycle_ranges(device_payload: Mapping[str, Any]) -> tuple[DurationRange, DurationRange]:
    """The measuring and communication cycle a device accepts, from its `capability` (ms).

    Read the way the models read numbers ("900000" and 900000.0 are 900000); a limit the app
    cannot read is unknown, never a reason to fail."""
    capability = device_payload.get("capability")
    if not isinstance(capability, Mapping):
        capability = {}

    def limit(name: str) -> int | None:
        return whole_number(capability.get(name))

    return (
        DurationRange(limit("measuring_cycle_min"), limit("measuring_cycle_max")),
        DurationRange(limit("communication_cycle_min"), limit("communication_cycle_max")),
    )


def communication_shorter_than_measuring(measuring_ms: int | None, communication_ms: int | None) -> bool:
    """A logger cannot send more often than it measures: True when the pair breaks that rule."""
    return measuring_ms is not None and communication_ms is not None and communication_ms < measuring_ms
