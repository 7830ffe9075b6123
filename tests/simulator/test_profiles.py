"""Simulator profiles: each switch of the "documented" profile alone, then the profile as a whole.

Every test builds a profile with one switch on, so a switch that stops working fails its own test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import OperationNotOfferedError
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.routes import ROUTES
from saveris_desktop.simulator import (
    ASSUMED,
    DOCUMENTED,
    PROFILES,
    FaultKind,
    LoggerKind,
    ManualClock,
    Profile,
    Simulator,
)
from saveris_desktop.simulator.profile import GATEWAY_RESPONSE_LIMIT
from saveris_desktop.simulator.shapes import sensor_channel_id
from tests.simulator.cli import saveris_sim
from tests.simulator.conftest import SITE, bearer, join, token_for

MISSING_TOKEN = {"message": "Missing Authentication Token"}


def _sim(**switches: Any) -> Simulator:
    return Simulator(seed=5, join_delay=8.0, clock=ManualClock(), profile=Profile(name="test", **switches))


@pytest.fixture
async def http(switches: dict[str, Any]) -> AsyncIterator[tuple[Simulator, httpx.AsyncClient, str]]:
    """(simulator with only the test's `switches` on, raw client, token), with a site."""
    sim = _sim(**switches)
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        token = await token_for(raw)
        created = await raw.post("/connect-keys", params={"site": SITE}, headers=bearer(token))
        assert created.status_code == 200, created.text
        yield sim, raw, token


def _connect_key(sim: Simulator) -> str:
    (site,) = sim.world.sites.values()
    return site.connect_key


def test_the_default_profile_is_assumed_with_every_switch_off() -> None:
    assert Simulator().profile is ASSUMED
    assert not any(ASSUMED.switches.values())
    assert all(DOCUMENTED.switches.values())
    assert DOCUMENTED.response_size_limit == GATEWAY_RESPONSE_LIMIT == 6 * 1024 * 1024
    assert set(PROFILES) == {"assumed", "documented"}
    assert Simulator(profile="documented").profile is DOCUMENTED
    with pytest.raises(ValueError, match="unknown simulator profile 'real'"):
        Simulator(profile="real")


# --- documented_routes_only -------------------------------------------------------------------


@pytest.mark.parametrize("switches", [{"documented_routes_only": True}], ids=["documented_routes_only"])
async def test_undocumented_routes_answer_missing_authentication_token(http: Any) -> None:
    sim, raw, token = http
    logger = join(sim, LoggerKind.SAVERIS2, _connect_key(sim))
    undocumented = [route for route in ROUTES.values() if not route.documented]
    assert undocumented, "the route table has undocumented routes to probe"
    for route in undocumented:
        path = route.format(uuid=logger.device_uuid) if route.path_params else route.path
        for headers in (bearer(token), {}):  # the gateway answers before any token is looked at
            answer = await raw.request(route.method, path, params={"site": SITE}, headers=headers)
            assert (answer.status_code, answer.json()) == (403, MISSING_TOKEN), route.name
            assert answer.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
    for method, path in (
        ("GET", "/nothing"),
        ("DELETE", "/devices"),
        ("GET", "/devices/"),
        ("PATCH", "/token"),
    ):
        answer = await raw.request(method, path, params={"site": SITE})
        assert (answer.status_code, answer.json()) == (403, MISSING_TOKEN), (method, path)
    listed = await raw.get("/devices", params={"site": SITE}, headers=bearer(token))
    assert listed.status_code == 200 and [d["uuid"] for d in listed.json()["devices"]] == [logger.device_uuid]
    # The control API stands for the physical world: not behind the gateway.
    assert (await raw.get("/_sim/nothing")).status_code == 404


@pytest.mark.parametrize("switches", [{"documented_routes_only": True}], ids=["documented_routes_only"])
async def test_the_client_learns_an_undocumented_route_is_not_offered(http: Any) -> None:
    sim, _raw, _token = http
    logger = join(sim, LoggerKind.SAVERIS2, _connect_key(sim))
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:9", "simulator"), transport=sim.transport()
    )
    try:
        await client.sign_in("technician@demo.saveris", "demo")
        assert [d.uuid for d in await client.list_devices(SITE)] == [logger.device_uuid]
        with pytest.raises(OperationNotOfferedError):
            await client.get_device(SITE, logger.device_uuid)
    finally:
        await client.aclose()


# --- bodiless_client_errors -------------------------------------------------------------------


@pytest.mark.parametrize("switches", [{"bodiless_client_errors": True}], ids=["bodiless_client_errors"])
async def test_400_401_403_come_without_a_body_other_errors_keep_theirs(http: Any) -> None:
    sim, raw, token = http
    wrong_password = await raw.post("/token", json={"username": "technician@demo.saveris", "password": "x"})
    no_token = await raw.get("/devices", params={"site": SITE})
    bad_site = await raw.get("/devices", params={"site": " padded "}, headers=bearer(token))
    for answer, status in ((wrong_password, 401), (no_token, 401), (bad_site, 400)):
        assert (answer.status_code, answer.content) == (status, b""), answer.request.url
        assert "content-type" not in answer.headers
    sim.add_fault(FaultKind.ERROR_STATUS, route="list_devices", status=403, count=1)
    forbidden = await raw.get("/devices", params={"site": SITE}, headers=bearer(token))
    assert (forbidden.status_code, forbidden.content) == (403, b"")
    unknown_site = await raw.get("/devices", params={"site": "Elsewhere"}, headers=bearer(token))
    assert unknown_site.status_code == 404 and unknown_site.json()["status"] == "Error"
    sim.add_fault(FaultKind.ERROR_STATUS, route="list_devices", status=500, count=1)
    failed = await raw.get("/devices", params={"site": SITE}, headers=bearer(token))
    assert failed.status_code == 500
    assert failed.json() == {"status": "Error", "message": "The service failed (simulated HTTP 500)"}


# --- response_size_limit ----------------------------------------------------------------------


@pytest.mark.parametrize("switches", [{"response_size_limit": 1_000}], ids=["response_size_limit"])
async def test_an_answer_over_the_limit_gets_413_but_the_change_was_made(http: Any) -> None:
    sim, raw, token = http
    logger = join(sim, LoggerKind.SAVERIS2, _connect_key(sim))
    small = await raw.get("/connect-keys", params={"site": SITE}, headers=bearer(token))
    assert small.status_code == 200
    listed = await raw.get("/devices", params={"site": SITE}, headers=bearer(token))
    assert (listed.status_code, listed.json()) == (413, {"message": "Response size is larger than 6 MB"})
    document = sim.world.device(_scope(sim), logger.device_uuid)
    written = await raw.put(
        f"/devices/{logger.device_uuid}",
        params={"site": SITE},
        headers=bearer(token),
        json={**document, "name": "Cold room"},
    )
    assert written.status_code == 413
    assert sim.world.devices[logger.device_uuid]["name"] == "Cold room"  # Lambda ran; its answer was lost


def _scope(sim: Simulator) -> Any:
    from saveris_desktop.simulator.world import Scope

    (site,) = sim.world.sites.values()
    return Scope(site.customer_uuid, site.name)


# --- sparse_devices ---------------------------------------------------------------------------


@pytest.mark.parametrize("switches", [{"sparse_devices": True}], ids=["sparse_devices"])
async def test_devices_list_empty_slots_and_nulls_and_take_them_back(http: Any) -> None:
    sim, raw, token = http
    saveris2 = join(sim, LoggerKind.SAVERIS2, _connect_key(sim))
    gateway = join(sim, LoggerKind.GATEWAY_164, _connect_key(sim))
    qsr = join(sim, LoggerKind.QSR_TEMPERATURE, _connect_key(sim))
    listed = await raw.get("/devices", params={"site": SITE}, headers=bearer(token))
    devices = {d["uuid"]: d for d in listed.json()["devices"]}
    slots = devices[saveris2.device_uuid]["sensors_connections"]
    assert [(s["slot_index"], s["sensor_uuid"]) for s in slots] == [(0, saveris2.sensor_uuids[0]), (1, None)]
    assert slots[1] == {
        "slot_index": 1,
        "sensor_uuid": None,
        "connected": False,
        "connected_change_date": None,
        "slot_type": None,
    }
    gateway_slots = devices[gateway.device_uuid]["sensors_connections"]
    assert [s["sensor_uuid"] is None for s in gateway_slots] == [False, False] + [True] * 6
    assert devices[gateway.device_uuid]["capability"]["supported_battery_types"] is None
    assert [s["sensor_uuid"] for s in devices[qsr.device_uuid]["sensors_connections"]] == [
        qsr.sensor_uuids[0]
    ]
    for device in devices.values():
        assert device["valid_until"] is None and device["hardware_revision"] is None
        assert device["firmware"]["bootloader_version"] is None and device["connection"]["rssi_dbm"] is None
    assert devices[saveris2.device_uuid]["battery"]["level_percent"] is None
    # What was read goes back unchanged in a PUT, and the stored device keeps its real values.
    sent = {**devices[saveris2.device_uuid], "name": "Freezer"}
    written = await raw.put(
        f"/devices/{saveris2.device_uuid}", params={"site": SITE}, headers=bearer(token), json=sent
    )
    assert written.status_code == 200, written.text
    assert written.json()["sensors_connections"][1]["sensor_uuid"] is None
    stored = sim.world.devices[saveris2.device_uuid]
    assert stored["name"] == "Freezer" and len(stored["sensors_connections"]) == 1
    assert stored["hardware_revision"] == "C"


# --- measuring objects: shared set-up ---------------------------------------------------------


async def _object(sim: Simulator, raw: httpx.AsyncClient, token: str, body: dict[str, Any]) -> httpx.Response:
    return await raw.post("/measuring-objects", params={"site": SITE}, headers=bearer(token), json=body)


def _fridge(sensor_uuid: str) -> dict[str, Any]:
    return {
        "name": "Fridge",
        "logical_channels": [
            {
                "name": "Air",
                "physical_value_id": "PV_TEMPERATURE",
                "sensor_channel": {"sensor_uuid": sensor_uuid, "channel_index": 0},
            }
        ],
    }


def _condition(kind: str, severity: str, limit: float, **coded: str) -> dict[str, Any]:
    return {
        "measurementAlarmConditionTypeId": kind,
        "alarmSeverityId": severity,
        "physicalProperty": {"physicalValueId": coded.get("value", "PV_TEMPERATURE")},
        "limitValue": limit,
        "limitHysteresis": 0.5,
        "delay": 0,
        "physicalUnitId": coded.get("unit", "PU_DEGREE_CELSIUS"),
    }


# --- plain_text_alarms ------------------------------------------------------------------------


@pytest.mark.parametrize("switches", [{"plain_text_alarms": True}], ids=["plain_text_alarms"])
async def test_measurement_alarms_are_answered_in_plain_text_and_accepted_in_both_forms(http: Any) -> None:
    sim, raw, token = http
    logger = join(sim, LoggerKind.QSR_TEMPERATURE, _connect_key(sim))
    created = (await _object(sim, raw, token, _fridge(logger.sensor_uuids[0]))).json()
    channel = created["logical_channels"][0]["uuid"]
    path = f"/measuring-objects/{created['uuid']}/alarm-configuration"

    def configuration(*conditions: dict[str, Any]) -> dict[str, Any]:
        return {
            "channel_alarm_configurations": [
                {
                    "logical_channel_uuid": channel,
                    "measurementAlarmConditionSet": [{"measurementAlarmConditions": list(conditions)}],
                }
            ]
        }

    coded = configuration(_condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0))
    written = await raw.put(path, params={"site": SITE}, headers=bearer(token), json=coded)
    assert written.status_code == 200, written.text
    (answered,) = written.json()["channel_alarm_configurations"][0]["measurementAlarmConditionSet"][0][
        "measurementAlarmConditions"
    ]
    assert answered == _condition("Lower limit", "Alarm", 2.0, value="Temperature", unit="°C"), (
        "answered in plain text"
    )
    text = configuration(
        _condition("lower limit", "Warning", 3.0, value="Temperature", unit="°C"),
        _condition("Upper limit", "Warning", 7.0, value="Temperature", unit="°C"),
    )
    written = await raw.put(path, params={"site": SITE}, headers=bearer(token), json=text)
    assert written.status_code == 200, written.text
    stored = sim.world.object_alarms[created["uuid"]]["channel_alarm_configurations"][0]
    stored_kinds = [
        (c["measurementAlarmConditionTypeId"], c["alarmSeverityId"], c["physicalUnitId"])
        for c in stored["measurementAlarmConditionSet"][0]["measurementAlarmConditions"]
    ]
    assert stored_kinds == [
        ("MACT_LOWER_LIMIT", "ASV_WARNING", "PU_DEGREE_CELSIUS"),
        ("MACT_UPPER_LIMIT", "ASV_WARNING", "PU_DEGREE_CELSIUS"),
    ]
    refused = await raw.put(
        path,
        params={"site": SITE},
        headers=bearer(token),
        json=configuration(_condition("Sideways", "Warning", 3.0, value="Temperature", unit="°C")),
    )
    assert refused.status_code == 400 and "measurementAlarmConditionTypeId" in refused.json()["message"]


# --- sibling_measuring_objects ----------------------------------------------------------------


@pytest.mark.parametrize("switches", [{"sibling_measuring_objects": True}], ids=["sibling_measuring_objects"])
async def test_measuring_objects_in_the_sibling_shape_both_ways(http: Any) -> None:
    sim, raw, token = http
    logger = join(sim, LoggerKind.QSR_TEMPERATURE_HUMIDITY, _connect_key(sim))
    sensor = logger.sensor_uuids[0]
    created = await _object(sim, raw, token, _fridge(sensor))
    assert created.status_code == 201, created.text
    fridge = created.json()
    assert "uuid" not in fridge and "name" not in fridge
    object_uuid = fridge["measuring_object_uuid"]
    assert sim.world.measuring_objects[object_uuid]["name"] == "Fridge"  # stored, not shown
    (air,) = fridge["logical_channels"]
    assert "sensor_channel" not in air
    assert air["channel_assignments"] == [
        {"channel_id": sensor_channel_id(sensor, 0), "equipment_parts_uuid": sensor}
    ]
    assert air["channel_assignments"][0]["channel_id"] % 1_000 == 1, "channel_no counts from 1"
    # A create in the sibling shape: the humidity channel (channel_no 2) of the same sensor.
    humidity = {
        "name": "Cellar",
        "logical_channels": [
            {
                "name": "Humidity",
                "physical_value_id": "PV_HUMIDITY",
                "channel_assignments": [
                    {"channel_id": sensor_channel_id(sensor, 1), "equipment_parts_uuid": sensor}
                ],
            }
        ],
    }
    cellar = await _object(sim, raw, token, humidity)
    assert cellar.status_code == 201, cellar.text
    stored = sim.world.measuring_objects[cellar.json()["measuring_object_uuid"]]
    assert stored["logical_channels"][0]["sensor_channel"] == {"sensor_uuid": sensor, "channel_index": 1}
    wrong = {**humidity, "name": "Wrong"}
    wrong["logical_channels"] = [
        {
            **humidity["logical_channels"][0],
            "channel_assignments": [{"channel_id": 1_234_001, "equipment_parts_uuid": sensor}],
        }
    ]
    refused = await _object(sim, raw, token, wrong)
    assert refused.status_code == 400 and "1234001 is not a channel of sensor" in refused.json()["message"]
    # The instruction set as measuring_rate_ms, both ways.
    path = f"/measuring-objects/{object_uuid}/measuring-instruction-set"
    written = await raw.put(
        path, params={"site": SITE}, headers=bearer(token), json={"measuring_rate_ms": 900_000}
    )
    assert written.status_code == 200, written.text
    assert written.json()["measuring_rate_ms"] == 900_000 and "measuring_cycle" not in written.json()
    assert sim.world.instruction_sets[object_uuid]["measuring_cycle"] == 900_000
    listed = await raw.get("/measuring-objects", params={"site": SITE}, headers=bearer(token))
    assert {o["measuring_object_uuid"] for o in listed.json()["measuring_objects"]} == {
        object_uuid,
        cellar.json()["measuring_object_uuid"],
    }


# --- the profile as a whole -------------------------------------------------------------------


async def test_the_assumed_profile_answers_as_before() -> None:
    """The default keeps today's shapes: codes, `uuid` + `name`, `sensor_uuid` always set, bodies on 401."""
    sim = Simulator(seed=5, join_delay=8.0, clock=ManualClock())
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        token = await token_for(raw)
        key = (await raw.post("/connect-keys", params={"site": SITE}, headers=bearer(token))).json()
        logger = join(sim, LoggerKind.SAVERIS2, key["connect_key"])
        (device,) = (await raw.get("/devices", params={"site": SITE}, headers=bearer(token))).json()[
            "devices"
        ]
        assert [s["sensor_uuid"] for s in device["sensors_connections"]] == [logger.sensor_uuids[0]]
        assert device["hardware_revision"] == "C"
        created = (await _object(sim, raw, token, _fridge(logger.sensor_uuids[0]))).json()
        assert created["name"] == "Fridge" and created["uuid"]
        assert (await raw.get("/devices")).json() == {"message": "Unauthorized"}
        assert (
            await raw.get(f"/devices/{logger.device_uuid}", params={"site": SITE}, headers=bearer(token))
        ).status_code == 200
        overview = (await raw.get("/_sim/")).json()
        assert overview["profile"] == {"name": "assumed", **ASSUMED.switches}


async def test_the_documented_profile_with_a_small_response_limit() -> None:
    sim = Simulator(seed=5, clock=ManualClock(), profile=replace(DOCUMENTED, response_size_limit=400))
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        token = await token_for(raw)
        assert (
            await raw.post("/connect-keys", params={"site": SITE}, headers=bearer(token))
        ).status_code == 200
        join(sim, LoggerKind.GATEWAY_164, _connect_key(sim))
        listed = await raw.get("/devices", params={"site": SITE}, headers=bearer(token))
        assert listed.status_code == 413
        assert (await raw.get("/devices")).content == b""
        assert (await raw.get("/sensors/x", params={"site": SITE})).json() == MISSING_TOKEN
        assert (await raw.get("/_sim/")).json()["profile"]["response_size_limit"] == 400


async def test_saveris_sim_serves_the_documented_profile() -> None:
    with saveris_sim("--profile", "documented", "--response-size-limit", "100000") as (base_url, banner):
        assert "(profile: documented)" in banner
        async with httpx.AsyncClient(base_url=base_url) as raw:
            answer = await raw.get("/settings/global", params={"site": SITE})
            assert (answer.status_code, answer.json()) == (403, MISSING_TOKEN)
            profile = (await raw.get("/_sim/")).json()["profile"]
    assert profile == {"name": "documented", **DOCUMENTED.switches, "response_size_limit": 100_000}
