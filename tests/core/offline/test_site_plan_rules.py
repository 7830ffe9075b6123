"""The site plan's rules (core/offline/site_plan.py) as problem codes with the offending object
and row; no Qt."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from saveris_desktop.api.models import SensorChannelRef
from saveris_desktop.core.offline.site_plan import (
    PlannedChannel,
    PlanProblem,
    PlanProblemCode,
    SitePlan,
    change_measures,
    remove_channel,
    rename_channel,
    rename_object,
    sensor_fits,
    validate_plan,
)
from saveris_desktop.core.onboarding.flow import SITE_NAME_MAX_LENGTH
from tests.core.offline.test_site_plan import LIMITS, plan

Code = PlanProblemCode


def _site(name: str) -> Callable[[SitePlan], list[PlanProblem]]:
    def breaks(bad: SitePlan) -> list[PlanProblem]:
        bad.site = name
        return validate_plan(bad)

    return breaks


def _timezone(bad: SitePlan) -> list[PlanProblem]:
    bad.timezone = "Mars/Olympus"
    return validate_plan(bad)


def _object_name_twice(bad: SitePlan) -> list[PlanProblem]:
    bad.objects[1].name = " fridge 1 "  # the same name, other case and blanks
    return validate_plan(bad)


def _object_name_empty(bad: SitePlan) -> list[PlanProblem]:
    refused = rename_object(bad, 1, "   ")
    assert bad.objects[1].name == "Cold room"  # the old name is kept
    return [refused] if refused else []


def _no_channels(bad: SitePlan) -> list[PlanProblem]:
    bad.objects[1].logical_channels = []
    return validate_plan(bad)


def _channel_name_empty(bad: SitePlan) -> list[PlanProblem]:
    refused = rename_channel(bad, 0, 0, " ")
    assert bad.objects[0].logical_channels[0].name == "Internal temperature"
    return [refused] if refused else []


def _channel_name_twice(bad: SitePlan) -> list[PlanProblem]:
    bad.objects[1].logical_channels.append(PlannedChannel(name="Door", physical_value_id="PV_DOOR_STATE"))
    bad.objects[1].logical_channels.append(PlannedChannel(name="Door", physical_value_id="PV_DOOR_STATE"))
    bad.objects[1].logical_channels.append(PlannedChannel(name="Door", physical_value_id="PV_DOOR_STATE"))
    return validate_plan(bad)  # a name three times is one problem, on its second row


def _alarms_for_unknown_channel(bad: SitePlan) -> list[PlanProblem]:
    bad.objects[0].alarms["Door"] = LIMITS
    return validate_plan(bad)


CASES: list[tuple[Callable[[SitePlan], list[PlanProblem]], PlanProblem, str]] = [
    (_site(" "), PlanProblem(Code.SITE_NAME_EMPTY, value=" "), "site"),
    (
        _site("N" * (SITE_NAME_MAX_LENGTH + 1)),
        PlanProblem(Code.SITE_NAME_TOO_LONG, value="N" * (SITE_NAME_MAX_LENGTH + 1)),
        "site",
    ),
    (
        _site("Bakery\u0007"),
        PlanProblem(Code.SITE_NAME_CONTROL_CHARACTERS, value="Bakery\u0007"),
        "site",
    ),
    (_timezone, PlanProblem(Code.UNKNOWN_TIMEZONE, value="Mars/Olympus"), "timezone"),
    (_object_name_twice, PlanProblem(Code.DUPLICATE_OBJECT_NAME, 1, value=" fridge 1 "), "objects[1].name"),
    (_object_name_empty, PlanProblem(Code.OBJECT_NAME_EMPTY, 1), "objects[1].name"),
    (_no_channels, PlanProblem(Code.NO_CHANNELS, 1), "objects[1].logical_channels"),
    (
        _channel_name_empty,
        PlanProblem(Code.CHANNEL_NAME_EMPTY, 0, 0, "Internal temperature"),
        "objects[0].logical_channels[0].name",
    ),
    (
        _channel_name_twice,
        PlanProblem(Code.DUPLICATE_CHANNEL_NAME, 1, 2, "Door"),
        "objects[1].logical_channels[2].name",
    ),
    (
        _alarms_for_unknown_channel,
        PlanProblem(Code.ALARMS_FOR_UNKNOWN_CHANNEL, 0, value="Door"),
        "objects[0].alarms",
    ),
]


@pytest.mark.parametrize(("breaks", "expected", "field"), CASES, ids=[case[1].code.value for case in CASES])
def test_each_rule_names_its_code_object_and_row(
    breaks: Callable[[SitePlan], list[PlanProblem]], expected: PlanProblem, field: str
) -> None:
    assert breaks(plan()) == [expected]
    assert expected.field == field


def test_every_code_has_a_case() -> None:
    assert {case[1].code for case in CASES} == set(PlanProblemCode)


def test_a_sound_plan_has_no_problems() -> None:
    assert validate_plan(plan()) == []


def test_renames_are_trimmed_and_a_channels_alarm_limits_follow_it() -> None:
    edited = plan()
    assert rename_object(edited, 1, "  Cold room 2 ") is None
    assert edited.objects[1].name == "Cold room 2"
    assert rename_channel(edited, 0, 0, " Core ") is None
    assert edited.objects[0].logical_channels[0].name == "Core"
    assert edited.objects[0].alarms == {"Core": LIMITS}
    assert validate_plan(edited) == []


def test_measuring_something_else_drops_the_sensor_and_the_alarm_limits() -> None:
    edited = plan()
    fridge = edited.objects[0]
    change_measures(fridge, 0, "PV_HUMIDITY", "PU_PERCENT_HUMIDITY")
    channel = fridge.logical_channels[0]
    assert (channel.physical_value_id, channel.physical_unit_id) == ("PV_HUMIDITY", "PU_PERCENT_HUMIDITY")
    assert channel.sensor_channel is None and fridge.alarms == {}


def test_removing_a_channel_removes_its_alarm_limits() -> None:
    edited = plan()
    remove_channel(edited.objects[0], 0)
    assert edited.objects[0].logical_channels == [] and edited.objects[0].alarms == {}
    assert [p.code for p in validate_plan(edited)] == [Code.NO_CHANNELS]


def test_only_a_sensor_channel_of_the_same_physical_value_fits() -> None:
    channel = PlannedChannel(
        name="Air",
        physical_value_id="PV_TEMPERATURE",
        sensor_channel=SensorChannelRef(sensor_uuid="s", channel_index=0),
    )
    assert sensor_fits(channel, "PV_TEMPERATURE")
    assert not sensor_fits(channel, "PV_HUMIDITY")
