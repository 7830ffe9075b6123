from __future__ import annotations

import pytest

from saveris_desktop.core.devices.ranges import (
    DurationError,
    DurationRange,
    check_duration_text,
    format_duration,
    parse_duration,
    range_words,
)


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (0, "0 s"),
        (500, "500 ms"),
        (1_500, "1.5 s"),
        (15_000, "15 s"),
        (60_000, "1 min"),
        (900_000, "15 min"),
        (5_400_000, "1 h 30 min"),
        (86_400_000, "24 h"),
        (93_600_000, "26 h"),
        (3 * 86_400_000, "3 d"),
    ],
)
def test_format_duration(ms: int, text: str) -> None:
    assert format_duration(ms) == text


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("15 s", 15_000),
        ("15s", 15_000),
        ("15 min", 900_000),
        ("15 minutes", 900_000),
        ("1 h 30 min", 5_400_000),
        ("1h30m", 5_400_000),
        ("1,5 h", 5_400_000),
        ("24 h", 86_400_000),
    ],
)
def test_parse_duration(text: str, ms: int) -> None:
    assert parse_duration(text) == ms


def test_bare_number_uses_the_default_unit() -> None:
    assert parse_duration("15", default_unit="min") == 900_000


@pytest.mark.parametrize("text", ["90", "15", "1,5"])
def test_a_bare_number_asks_for_its_unit(text: str) -> None:
    """One rule for the editors, the plan and the command line: "15" may be seconds or minutes."""
    with pytest.raises(DurationError, match="has no unit; write it like 5 min, 15 min or 1 h"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["", "   ", "abc", "15 parsecs", "15 s x", "-5 s"])
def test_parse_duration_refuses_garbage(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


def test_format_and_parse_round_trip() -> None:
    for ms in (15_000, 60_000, 900_000, 5_400_000, 86_400_000):
        assert parse_duration(format_duration(ms)) == ms


def test_range_words() -> None:
    assert range_words(15_000, 86_400_000) == "15 s … 24 h"
    assert range_words(15_000, None) == "at least 15 s"
    assert range_words(None, 86_400_000) == "at most 24 h"
    assert range_words(None, None) == "any duration"


def test_check_duration_text_names_the_allowed_range() -> None:
    allowed = DurationRange(15_000, 86_400_000)
    assert check_duration_text("15 min", allowed) == (900_000, "")
    ms, message = check_duration_text("5 s", allowed)
    assert ms is None
    assert "15 s … 24 h" in message
    ms, message = check_duration_text("25 h", allowed)
    assert ms is None and "15 s … 24 h" in message
    ms, message = check_duration_text("soon", allowed)
    assert ms is None and "15 s … 24 h" in message
    # The ends are inclusive.
    assert check_duration_text("15 s", allowed)[0] == 15_000
    assert check_duration_text("24 h", allowed)[0] == 86_400_000


def test_cycle_ranges_come_from_the_capability_and_the_order_rule_is_shared() -> None:
    from saveris_desktop.core.devices.ranges import communication_shorter_than_measuring, cycle_ranges

    measuring, communication = cycle_ranges(
        {"capability": {"measuring_cycle_min": 60_000, "communication_cycle_max": 86_400_000}}
    )
    assert (measuring.minimum_ms, measuring.maximum_ms) == (60_000, None)
    assert (communication.minimum_ms, communication.maximum_ms) == (None, 86_400_000)
    assert cycle_ranges({"capability": None})[0].words() == "any duration"
    assert communication_shorter_than_measuring(300_000, 60_000)
    assert not communication_shorter_than_measuring(300_000, 300_000)
    assert not communication_shorter_than_measuring(None, 60_000)
