"""The onboarding state machine, without Qt."""

from __future__ import annotations

from typing import Any, cast

import pytest

from saveris_desktop.api.errors import NetworkError, RequestValidationError
from saveris_desktop.api.models import GlobalSettings
from saveris_desktop.api.regions import Environment, Region
from saveris_desktop.core.onboarding.flow import (
    SITE_NAME_MAX_LENGTH,
    DeviceType,
    InvalidTransitionError,
    OnboardingData,
    OnboardingFlow,
    SiteNameProblem,
    Step,
    TimezoneResult,
    check_site_name,
    remember_recent,
    set_site_timezone,
)


def _flow_at_waiting() -> OnboardingFlow:
    flow = OnboardingFlow()
    flow.signed_in_as("tech@example.com", Region.AMERICAS, Environment.INTEGRATION, remember_me=True)
    flow.site_ready("  Bakery   North ", "Europe/Berlin", "CK-1234")
    flow.connect_key_noted()
    flow.devices_listed(["a", "b"])
    flow.start_waiting(DeviceType.SAVERIS_2, " ShopWifi ")
    return flow


def test_the_happy_path_visits_every_step_in_order() -> None:
    seen: list[Step] = []
    flow = OnboardingFlow()
    flow.sig_changed.connect(lambda f: seen.append(f.step))
    assert flow.step is Step.SIGN_IN
    flow.signed_in_as("tech@example.com", Region.AMERICAS, Environment.INTEGRATION, remember_me=True)
    flow.site_ready("  Bakery   North ", "Europe/Berlin", "CK-1234")
    flow.connect_key_noted()
    flow.devices_listed(["a", "b"])
    flow.start_waiting(DeviceType.SAVERIS_2, " ShopWifi ")
    flow.logger_found("c")
    assert seen == [Step.SITE, Step.CONNECT_KEY, Step.HOTSPOT_GUIDE, Step.WAITING, Step.FOUND]
    data = flow.data
    assert (data.username, data.region, data.environment, data.remember_me) == (
        "tech@example.com",
        Region.AMERICAS,
        Environment.INTEGRATION,
        True,
    )
    assert (data.site, data.timezone, data.connect_key) == ("Bakery North", "Europe/Berlin", "CK-1234")
    assert (data.device_type, data.wifi_ssid, data.baseline_uuids) == (
        DeviceType.SAVERIS_2,
        "ShopWifi",
        ["a", "b"],
    )
    assert data.last_found_uuid == "c"


def test_steps_cannot_be_skipped_or_repeated() -> None:
    flow = OnboardingFlow()
    with pytest.raises(InvalidTransitionError):
        flow.site_ready("Shop", "UTC", "KEY")
    with pytest.raises(InvalidTransitionError):
        flow.signed_in_as("   ", Region.EUROPE, Environment.PRODUCTION)
    flow = _flow_at_waiting()
    flow.logger_found("c")
    with pytest.raises(InvalidTransitionError):
        flow.logger_found("d")  # only while waiting


def test_a_site_needs_a_valid_name_and_a_key() -> None:
    flow = OnboardingFlow(signed_in=True)
    assert flow.step is Step.SITE
    with pytest.raises(InvalidTransitionError):
        flow.site_ready("", "UTC", "KEY")
    with pytest.raises(InvalidTransitionError):
        flow.site_ready("Shop", "UTC", "")
    assert flow.step is Step.SITE


def test_back_walks_one_step_and_stops_at_the_start_and_after_found() -> None:
    flow = _flow_at_waiting()
    assert flow.go_back() is Step.HOTSPOT_GUIDE
    assert flow.go_back() is Step.CONNECT_KEY
    assert flow.go_back() is Step.SITE
    assert flow.go_back() is Step.SIGN_IN
    assert not flow.signed_in
    assert not flow.can_go_back()
    with pytest.raises(InvalidTransitionError):
        flow.go_back()

    flow = _flow_at_waiting()
    flow.logger_found("c")
    assert not flow.can_go_back()


def test_a_signed_in_flow_starts_at_the_site_and_cannot_go_back_to_sign_in() -> None:
    flow = OnboardingFlow(signed_in=True)
    assert flow.start_step is Step.SITE
    assert not flow.can_go_back()


def test_add_another_returns_to_the_guide_with_what_the_last_listing_held_as_baseline() -> None:
    flow = _flow_at_waiting()
    flow.devices_listed(["a", "b", "c", "x"])  # the listing in which "c" was found (and "x" appeared)
    flow.logger_found("c")
    flow.add_another()
    assert flow.step is Step.HOTSPOT_GUIDE
    assert flow.data.baseline_uuids == ["a", "b", "c", "x"]
    flow.devices_listed(["a", "b", "c", "x", "d"])  # e.g. after Back from waiting: not a baseline
    assert flow.data.baseline_uuids == ["a", "b", "c", "x"]
    flow.start_waiting(DeviceType.QSR_WIFI)
    flow.logger_found("d")
    assert flow.data.found_uuids == ["c", "d"]
    assert flow.data.site == "Bakery North"  # same site, same key


def test_the_baseline_is_the_listing_at_site_creation_and_is_frozen_from_the_guide_on() -> None:
    """Field case: online at the site step, on the logger's hotspot from the guide on."""
    flow = OnboardingFlow()
    flow.signed_in_as("tech@example.com", Region.EUROPE, Environment.PRODUCTION)
    flow.site_ready("Cold Store", "UTC", "KEY-1", devices=[])
    assert flow.data.baseline_uuids == []
    flow.devices_listed(["old"])  # connect-key page, still online: a later listing is still a baseline
    assert flow.data.baseline_uuids == ["old"]
    flow.connect_key_noted()
    flow.devices_listed(["old", "joined-meanwhile"])  # the guide, after the technician left
    flow.start_waiting(DeviceType.SAVERIS_2)
    flow.devices_listed(["old", "joined-meanwhile"])  # the first listing after reconnecting
    assert flow.data.baseline_uuids == ["old"]


def test_back_to_the_same_site_keeps_the_baseline_of_the_round() -> None:
    flow = _flow_at_waiting()
    for _ in range(3):
        flow.go_back()
    assert flow.step is Step.SITE
    flow.site_ready("Bakery North", "UTC", "CK-1234", devices=["a", "b", "joined-meanwhile"])
    assert flow.data.baseline_uuids == ["a", "b"]
    for _ in range(1):
        flow.go_back()
    flow.site_ready("Bakery South", "UTC", "KEY-2", devices=["s"])  # another site: a new round
    assert flow.data.baseline_uuids == ["s"] and not flow.data.baseline_frozen


def test_an_unknown_baseline_is_filled_by_the_guide_but_never_while_waiting() -> None:
    flow = OnboardingFlow()
    flow.signed_in_as("tech@example.com", Region.EUROPE, Environment.PRODUCTION)
    flow.site_ready("Cold Store", "UTC", "KEY-1")  # e.g. restored from an older draft
    flow.connect_key_noted()
    flow.start_waiting(DeviceType.SAVERIS_2)
    flow.devices_listed(["maybe-new"])
    assert flow.data.baseline_uuids is None
    flow.go_back()
    flow.devices_listed(["a"])
    assert flow.data.baseline_uuids == ["a"]


def test_a_listing_while_waiting_does_not_move_an_existing_baseline() -> None:
    flow = _flow_at_waiting()
    flow.devices_listed(["a", "b", "new"])
    assert flow.data.baseline_uuids == ["a", "b"]


def test_choosing_another_site_drops_the_old_baseline() -> None:
    flow = _flow_at_waiting()
    flow.go_back()
    flow.go_back()
    flow.go_back()
    flow.site_ready("Bakery South", "UTC", "KEY-2")
    assert flow.data.baseline_uuids is None


def test_sign_out_keeps_only_what_helps_the_next_sign_in() -> None:
    flow = _flow_at_waiting()
    flow.signed_out()
    assert flow.step is Step.SIGN_IN
    assert flow.data.username == "tech@example.com"
    assert flow.data.region is Region.AMERICAS
    assert flow.data.site == "" and flow.data.connect_key == ""


def test_data_round_trips_through_a_json_safe_dict() -> None:
    import json

    flow = _flow_at_waiting()
    raw = json.loads(json.dumps(flow.data.to_dict()))
    assert "password" not in raw
    assert OnboardingData.from_dict(raw) == flow.data


def test_from_dict_tolerates_unknown_keys_and_bad_values() -> None:
    data = OnboardingData.from_dict({"site": "Shop", "region": "mars", "device_type": "gateway_164", "x": 1})
    assert data.site == "Shop"
    assert data.region is Region.EUROPE
    assert data.device_type is DeviceType.GATEWAY_164


@pytest.mark.parametrize(
    ("raw", "name", "problem"),
    [
        ("  Bakery \t North  ", "Bakery North", None),
        ("", "", SiteNameProblem.EMPTY),
        ("   ", "", SiteNameProblem.EMPTY),
        ("x" * (SITE_NAME_MAX_LENGTH + 1), "x" * (SITE_NAME_MAX_LENGTH + 1), SiteNameProblem.TOO_LONG),
        ("Shop\u200e1", "Shop\u200e1", SiteNameProblem.CONTROL_CHARACTERS),
        ("Café Müller", "Café Müller", None),
    ],
)
def test_site_names_are_checked_with_a_reason(raw: str, name: str, problem: SiteNameProblem | None) -> None:
    check = check_site_name(raw)
    assert (check.name, check.problem, check.ok) == (name, problem, problem is None)


@pytest.mark.parametrize(
    ("raw", "position", "character"),
    [
        ("Shop\u200e1", 5, "\u200e"),  # a pasted left-to-right mark: invisible, position 5 as typed
        ("  Cold\x07room", 7, "\x07"),  # counted in the text as typed, leading blanks included
        ("Hall\u00ad 2", 5, "\u00ad"),  # a soft hyphen
    ],
)
def test_a_refused_character_is_pointed_at_where_it_was_typed(
    raw: str, position: int, character: str
) -> None:
    check = check_site_name(raw)
    assert (check.problem, check.position, check.character) == (
        SiteNameProblem.CONTROL_CHARACTERS,
        position,
        character,
    )


def test_a_name_too_long_points_at_the_first_character_past_the_limit() -> None:
    # blanks collapse as when the name is sent: position 67 of what was typed is the name's 65th character
    raw = "  " + "a " * 32 + "bcd"
    check = check_site_name(raw)
    assert check.problem is SiteNameProblem.TOO_LONG
    assert check.length == SITE_NAME_MAX_LENGTH + 3
    assert check.position == 67 and raw[check.position - 1] == "b"


@pytest.mark.parametrize(
    "raw",
    [
        "Bakery Main St. 7/8",  # '/': an address, accepted by the simulator and the documented API
        "Müller & Söhne (Lager #2)",
        "O'Brien's, Hall-3 + 4_b",
        "Kühlhaus: Halle 2",  # ':' is not in the simulator's set; testo documents no character set
        "東京 倉庫",
        "x" * SITE_NAME_MAX_LENGTH,
    ],
)
def test_the_rule_rejects_no_printable_name_the_api_may_accept(raw: str) -> None:
    # The documented contract says only "a string of at least 1 character"; the cloud refuses
    # with its reason, shown next to the field, what it does not take.
    assert check_site_name(raw).ok


def test_recent_sites_are_most_recent_first_without_duplicates() -> None:
    recent = remember_recent(["A", "B", "C"], "b")
    assert recent == ["b", "A", "C"]
    assert remember_recent([str(i) for i in range(20)], "new", limit=5) == ["new", "0", "1", "2", "3"]


# --- the optional time zone ----------------------------------------------------------------------


class _Queue:
    def __init__(self) -> None:
        self.changes: list[tuple[str, str, str, object, object]] = []

    async def queue_change(self, site: str, kind: str, object_id: str, payload: object, base: object) -> None:
        self.changes.append((site, kind, object_id, payload, base))


class _RefusingClient:
    def __init__(self, error: Exception | None) -> None:
        self.error = error
        self.sent: list[tuple[str, str]] = []

    async def put_global_settings(self, site: str, settings: GlobalSettings) -> GlobalSettings:
        self.sent.append((site, settings.timezone))
        if self.error is not None:
            raise self.error
        return settings


async def test_a_refused_time_zone_is_queued_and_described_never_raised() -> None:
    refusal = RequestValidationError(
        "Saving the site's time zone failed.", status=400, server_reason="bad zone"
    )
    client, queue = _RefusingClient(refusal), _Queue()
    result = await set_site_timezone(
        cast(Any, client), "Shop", "Europe/Berlin", queue, lambda e: f"{e.message} ({e.server_reason})"
    )
    assert result == TimezoneResult(
        problem="Saving the site's time zone failed. (bad zone)", queued=True, error=refusal
    )
    assert queue.changes == [("Shop", "global_settings", "Shop", {"timezone": "Europe/Berlin"}, None)]

    flow = OnboardingFlow(signed_in=True)
    flow.site_ready("Shop", "Europe/Berlin", "KEY", timezone_result=result)
    assert flow.step is Step.CONNECT_KEY  # the time zone is optional: the flow goes on
    restored = OnboardingData.from_dict(flow.data.to_dict())
    assert (restored.timezone_problem, restored.timezone_queued) == (result.problem, True)


async def test_a_time_zone_without_an_outbox_is_described_and_not_queued() -> None:
    result = await set_site_timezone(cast(Any, _RefusingClient(NetworkError("offline"))), "Shop", "UTC", None)
    assert (result.problem, result.queued) == ("offline", False)


async def test_a_time_zone_that_is_set_leaves_no_problem() -> None:
    queue = _Queue()
    result = await set_site_timezone(cast(Any, _RefusingClient(None)), "Shop", "UTC", queue)
    assert result == TimezoneResult() and queue.changes == []
