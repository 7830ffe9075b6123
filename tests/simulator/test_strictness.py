"""The simulator refuses what a strict real server would refuse, with a status and a reason."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from saveris_desktop.simulator import LoggerKind, Simulator
from tests.simulator.conftest import SITE, bearer, join, token_for

UNAUTHORIZED = {"message": "Unauthorized"}


@pytest.fixture
async def token(raw: httpx.AsyncClient) -> str:
    return await token_for(raw)


@pytest.fixture
async def key(raw: httpx.AsyncClient, token: str) -> str:
    answer = await raw.post("/connect-keys", params={"site": SITE}, headers=bearer(token))
    return str(answer.json()["connect_key"])


@pytest.fixture
def device(sim: Simulator, key: str) -> dict[str, Any]:
    logger = join(sim, LoggerKind.QSR_TEMPERATURE_HUMIDITY, key)
    with sim.world.lock:
        return sim.world.devices[logger.device_uuid]


def _reason(answer: httpx.Response) -> str:
    body = answer.json()
    assert body["status"] == "Error", body
    return str(body["message"])


# --- 401 ---------------------------------------------------------------------------------------


async def test_requests_without_a_valid_token_are_unauthorized(
    sim: Simulator, raw: httpx.AsyncClient
) -> None:
    async with httpx.AsyncClient(transport=Simulator(seed=7).transport(), base_url="http://other") as other:
        foreign = await token_for(other)  # same claims, other secret
    for headers in (
        {},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer "},
        bearer("not.a.jwt"),
        bearer(foreign),
    ):
        answer = await raw.get("/devices", params={"site": SITE}, headers=headers)
        assert (answer.status_code, answer.json()) == (401, UNAUTHORIZED), headers


async def test_an_expired_or_revoked_token_is_unauthorized(sim: Simulator, raw: httpx.AsyncClient) -> None:
    token = await token_for(raw)
    assert (await raw.post("/connect-keys", params={"site": SITE}, headers=bearer(token))).status_code == 200
    sim.advance_time(sim.tokens.lifetime + 1)
    assert (await raw.get("/connect-keys", params={"site": SITE}, headers=bearer(token))).status_code == 401
    fresh = await token_for(raw)
    sim.expire_tokens()
    assert (await raw.get("/connect-keys", params={"site": SITE}, headers=bearer(fresh))).status_code == 401


async def test_sign_in_refuses_wrong_credentials_and_malformed_bodies(raw: httpx.AsyncClient) -> None:
    wrong = await raw.post("/token", json={"username": "technician@demo.saveris", "password": "nope"})
    assert wrong.status_code == 401 and "Incorrect username or password" in wrong.json()["message"]
    cases = [
        ({"username": "a"}, "password is required"),
        ({"username": 5, "password": "x"}, "username must be a string, not a number"),
        ({"username": "a", "password": "b", "mfa": 1}, "unknown field 'mfa'"),
        (["a", "b"], "body must be a JSON object, not a list"),
    ]
    for body, reason in cases:
        answer = await raw.post("/token", json=body)
        assert (answer.status_code, _reason(answer)) == (400, reason)


async def test_bodies_must_be_json_and_parse(raw: httpx.AsyncClient) -> None:
    json_header = {"Content-Type": "application/json"}
    broken = await raw.post("/token", content=b'{"username": ', headers=json_header)
    assert broken.status_code == 400 and _reason(broken).startswith("request body is not valid JSON")
    nan = await raw.post("/token", content=b'{"username": NaN, "password": "x"}', headers=json_header)
    assert nan.status_code == 400 and "NaN is not a JSON number" in _reason(nan)
    latin1 = await raw.post("/token", content='{"username": "Jörg"}'.encode("latin-1"), headers=json_header)
    assert (latin1.status_code, _reason(latin1)) == (400, "request body is not UTF-8 text")
    deep = await raw.post("/token", content=b"[" * 5000 + b"]" * 5000, headers=json_header)
    assert deep.status_code == 400 and "nests deeper" in _reason(deep)
    form = await raw.post("/token", data={"username": "a", "password": "b"})
    assert (form.status_code, _reason(form)) == (415, "Content-Type must be application/json")


async def test_a_body_over_the_limit_is_refused_with_413(
    sim: Simulator, raw: httpx.AsyncClient, token: str
) -> None:
    big = {"timezone": "Europe/Berlin", "padding": "x" * sim.max_body_bytes}
    answer = await raw.put("/settings/global", params={"site": SITE}, headers=bearer(token), json=big)
    assert answer.status_code == 413 and "larger than 65536 bytes" in _reason(answer)

    async def chunks():  # no Content-Length: the limit holds while streaming too
        for _ in range(100):
            yield b" " * 1024

    streamed = await raw.post(
        "/token",
        content=chunks(),
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
    )
    assert streamed.status_code == 413


# --- 400 on the site parameter and query -------------------------------------------------------


async def test_the_site_parameter_is_required_and_single(raw: httpx.AsyncClient, token: str) -> None:
    missing = await raw.get("/devices", headers=bearer(token))
    assert (missing.status_code, _reason(missing)) == (400, "query parameter 'site' is required")
    twice = await raw.get("/devices?site=a&site=b", headers=bearer(token))
    assert twice.status_code == 400 and "more than once" in _reason(twice)
    extra = await raw.get("/devices", params={"site": SITE, "page": "2"}, headers=bearer(token))
    assert (extra.status_code, _reason(extra)) == (400, "unknown query parameter 'page'")
    empty = await raw.get("/devices?site=", headers=bearer(token))
    assert (empty.status_code, _reason(empty)) == (400, "site must not be empty")
    impossible = await raw.get("/connect-keys", params={"site": "<script>"}, headers=bearer(token))
    assert impossible.status_code == 400 and _reason(impossible).startswith("site may contain only")


@pytest.mark.parametrize(
    ("site", "reason"),
    [
        ("   ", "site must not be empty"),
        (" Shop", "site must not start or end with a blank"),
        ("x" * 65, "site must be at most 64 characters (got 65)"),
        ("<script>", "site may contain only letters, digits, blanks and . , ( ) & ' / # + - _ (not '<' '>')"),
    ],
)
async def test_site_names_are_validated(raw: httpx.AsyncClient, token: str, site: str, reason: str) -> None:
    answer = await raw.post("/connect-keys", params={"site": site}, headers=bearer(token))
    assert (answer.status_code, _reason(answer)) == (400, reason)


async def test_one_connect_key_per_site_and_unicode_site_names(raw: httpx.AsyncClient, token: str) -> None:
    first = await raw.post("/connect-keys", params={"site": "Bäckerei Süd #2"}, headers=bearer(token))
    again = await raw.post("/connect-keys", params={"site": "Bäckerei Süd #2"}, headers=bearer(token))
    other = await raw.post("/connect-keys", params={"site": "Bäckerei Nord"}, headers=bearer(token))
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json() != other.json()
    unknown = await raw.get("/connect-keys", params={"site": "Nowhere"}, headers=bearer(token))
    assert (unknown.status_code, _reason(unknown)) == (404, "site 'Nowhere' not found")


async def test_timezones_must_be_iana_names(raw: httpx.AsyncClient, token: str, key: str) -> None:
    put = lambda body: raw.put("/settings/global", params={"site": SITE}, headers=bearer(token), json=body)  # noqa: E731
    bad = await put({"timezone": "Mars/Olympus_Mons"})
    assert bad.status_code == 400 and "IANA time zone" in _reason(bad)
    assert (await put({"timezone": 1})).status_code == 400
    assert (await put({})).status_code == 400
    good = await put({"timezone": "America/Sao_Paulo"})
    assert good.json() == {"timezone": "America/Sao_Paulo"}


# --- 404 and 405 --------------------------------------------------------------------------------


async def test_unknown_uuids_paths_and_methods(raw: httpx.AsyncClient, token: str, key: str) -> None:
    for path in (
        "/devices/nope",
        "/sensors/nope",
        "/measuring-objects/nope",
        "/devices/nope/alarm-configuration",
    ):
        answer = await raw.get(path, params={"site": SITE}, headers=bearer(token))
        assert answer.status_code == 404 and "not found in site" in _reason(answer), path
    assert (await raw.get("/firmware", headers=bearer(token))).json()["status"] == "Error"
    wrong_method = await raw.delete("/devices", params={"site": SITE}, headers=bearer(token))
    assert wrong_method.status_code == 405 and _reason(wrong_method) == "Method DELETE is not allowed here"
    for path in ("/devices/", "/token/"):  # no redirect to the path without the slash
        assert (await raw.get(path, params={"site": SITE}, headers=bearer(token))).status_code == 404, path
    assert (await raw.get("/_sim")).json() == (await raw.get("/_sim/")).json()


# --- devices and sensors ----------------------------------------------------------------------


async def _put_device(raw: httpx.AsyncClient, token: str, body: dict[str, Any]) -> httpx.Response:
    return await raw.put(f"/devices/{body['uuid']}", params={"site": SITE}, headers=bearer(token), json=body)


async def test_device_cycles_must_fit_the_capability(
    raw: httpx.AsyncClient, token: str, device: dict[str, Any]
) -> None:
    too_fast = await _put_device(raw, token, {**device, "measuring_cycle": 10_000})
    assert too_fast.status_code == 400
    assert _reason(too_fast) == (
        "measuring_cycle must be between 60000 and 86400000 ms (1 min to 24 h) "
        "for this 0572 3011 device (got 10000)"
    )
    too_slow = await _put_device(raw, token, {**device, "communication_cycle": 90_000_000})
    assert "communication_cycle must be between 300000 and 86400000 ms" in _reason(too_slow)
    for wrong in ("900000", True, 1.5, [1]):
        answer = await _put_device(raw, token, {**device, "measuring_cycle": wrong})
        assert answer.status_code == 400 and "measuring_cycle must be an integer" in _reason(answer), wrong


async def test_device_put_replaces_writable_fields_ignores_read_only_ones_and_refuses_unknown(
    raw: httpx.AsyncClient, token: str, device: dict[str, Any]
) -> None:
    changed = {**device, "measuring_cycle": 120_000, "tags": ["cold"], "serial_number": "000000000"}
    stored = (await _put_device(raw, token, changed)).json()
    assert (stored["measuring_cycle"], stored["tags"], stored["serial_number"]) == (
        120_000,
        ["cold"],
        device["serial_number"],
    )
    dropped = {k: v for k, v in device.items() if k not in ("tags", "measuring_cycle")}
    reset = (await _put_device(raw, token, dropped)).json()
    assert (reset["measuring_cycle"], reset["tags"]) == (300_000, [])  # left out = back to the default
    unknown = await _put_device(raw, token, {**device, "colour": "red"})
    assert (unknown.status_code, _reason(unknown)) == (400, "unknown field 'colour'")
    other = await raw.put(
        f"/devices/{device['uuid']}", params={"site": SITE}, headers=bearer(token), json={"uuid": "x"}
    )
    assert "differs from the uuid in the path" in _reason(other)


async def test_sensor_settings_are_checked_per_channel(
    raw: httpx.AsyncClient, token: str, device: dict[str, Any]
) -> None:
    sensor_uuid = device["sensors_connections"][0]["sensor_uuid"]
    url = f"/sensors/{sensor_uuid}"
    sensor = (await raw.get(url, params={"site": SITE}, headers=bearer(token))).json()
    temperature, humidity = sensor["channels"]

    async def put(channels: list[dict[str, Any]]) -> httpx.Response:
        return await raw.put(
            url, params={"site": SITE}, headers=bearer(token), json={**sensor, "channels": channels}
        )

    assert "between -10 and 10" in _reason(await put([{**temperature, "offset": 12.5}, humidity]))
    assert "PU_PERCENT_HUMIDITY" in _reason(
        await put([temperature, {**humidity, "physical_unit_id": "PU_DEGREE_CELSIUS"}])
    )
    assert "physical_unit_id must not be empty" in _reason(
        await put([{**temperature, "physical_unit_id": ""}, humidity])
    )
    assert "has no channel 5" in _reason(await put([temperature, {**humidity, "channel_index": 5}]))
    assert "missing 1" in _reason(await put([temperature]))
    assert "read-only" in _reason(await put([{**temperature, "physical_value_id": "PV_HUMIDITY"}, humidity]))
    fahrenheit = await put(
        [{**temperature, "physical_unit_id": "PU_DEGREE_FAHRENHEIT", "offset": 1.5}, humidity]
    )
    assert fahrenheit.status_code == 200
    assert fahrenheit.json()["channels"][0]["physical_unit_id"] == "PU_DEGREE_FAHRENHEIT"


async def test_a_door_contact_takes_no_offset(
    sim: Simulator, raw: httpx.AsyncClient, token: str, key: str
) -> None:
    gateway = join(sim, LoggerKind.GATEWAY_164, key)
    door_uuid = gateway.sensor_uuids[0]
    door = (await raw.get(f"/sensors/{door_uuid}", params={"site": SITE}, headers=bearer(token))).json()
    door["channels"][0]["offset"] = 0.5
    answer = await raw.put(f"/sensors/{door_uuid}", params={"site": SITE}, headers=bearer(token), json=door)
    assert answer.status_code == 400 and "between 0 and 0" in _reason(answer)


async def test_system_alarms_must_suit_the_device(
    raw: httpx.AsyncClient, token: str, device: dict[str, Any]
) -> None:
    url = f"/devices/{device['uuid']}/alarm-configuration"

    async def put(alarms: list[dict[str, Any]]) -> httpx.Response:
        return await raw.put(url, params={"site": SITE}, headers=bearer(token), json={"alarms": alarms})

    # A battery-only QSR logger has no external power to lose.
    assert "supports BATTERY_LOW, CONNECTION_TIMEOUT" in _reason(
        await put([{"alarm_type": "EXTERNAL_POWER_LOST"}])
    )
    assert "listed twice" in _reason(
        await put([{"alarm_type": "BATTERY_LOW"}, {"alarm_type": "BATTERY_LOW"}])
    )
    assert "severity must be one of" in _reason(
        await put([{"alarm_type": "BATTERY_LOW", "severity": "LOUD"}])
    )
    assert "delay must be between 0" in _reason(await put([{"alarm_type": "BATTERY_LOW", "delay": -1}]))
    assert (await put([{"alarm_type": "BATTERY_LOW", "enabled": False}])).status_code == 200


# --- measuring objects ---------------------------------------------------------------------------


def _object(
    sensor_uuid: str, channel_index: int = 0, value: str = "PV_TEMPERATURE", name: str = "Fridge"
) -> dict[str, Any]:
    return {
        "name": name,
        "logical_channels": [
            {
                "name": "Temperature",
                "physical_value_id": value,
                "sensor_channel": {"sensor_uuid": sensor_uuid, "channel_index": channel_index},
            }
        ],
    }


async def test_logical_channels_must_name_an_existing_channel_of_a_sensor_of_the_same_site(
    sim: Simulator, raw: httpx.AsyncClient, token: str, key: str, device: dict[str, Any]
) -> None:
    sensor_uuid = device["sensors_connections"][0]["sensor_uuid"]
    other_key = (await raw.post("/connect-keys", params={"site": "Warehouse"}, headers=bearer(token))).json()
    elsewhere = join(sim, LoggerKind.SAVERIS2, other_key["connect_key"])

    async def create(body: dict[str, Any]) -> httpx.Response:
        return await raw.post("/measuring-objects", params={"site": SITE}, headers=bearer(token), json=body)

    foreign = await create(_object(elsewhere.sensor_uuids[0]))
    assert (
        foreign.status_code == 400
        and "belongs to site 'Warehouse', not to 'Bakery Main Street'" in _reason(foreign)
    )
    assert "no sensor 'ghost'" in _reason(await create(_object("ghost")))
    assert "has no channel 4 (it has 0, 1)" in _reason(await create(_object(sensor_uuid, 4)))
    assert "measures PV_HUMIDITY, not PV_TEMPERATURE" in _reason(await create(_object(sensor_uuid, 1)))
    assert "at least one channel" in _reason(await create({"name": "Empty", "logical_channels": []}))
    assert "assigned by the server" in _reason(await create({**_object(sensor_uuid), "uuid": "mine"}))
    created = await create(_object(sensor_uuid))
    assert created.status_code == 201
    taken = await create(_object(sensor_uuid, name="Second fridge"))
    assert taken.status_code == 409 and "already feeds logical channel 'Temperature'" in _reason(taken)
    twin = await create(
        {"name": "fridge", "logical_channels": [{"name": "T", "physical_value_id": "PV_TEMPERATURE"}]}
    )
    assert twin.status_code == 409 and "already exists" in _reason(twin)


async def test_measurement_alarms_are_checked_against_the_channel(
    raw: httpx.AsyncClient, token: str, device: dict[str, Any]
) -> None:
    sensor_uuid = device["sensors_connections"][0]["sensor_uuid"]
    created = await raw.post(
        "/measuring-objects", params={"site": SITE}, headers=bearer(token), json=_object(sensor_uuid)
    )
    fridge = created.json()
    channel_uuid = fridge["logical_channels"][0]["uuid"]
    url = f"/measuring-objects/{fridge['uuid']}/alarm-configuration"

    def condition(kind: str, severity: str, limit: float, **extra: Any) -> dict[str, Any]:
        return {
            "measurementAlarmConditionTypeId": kind,
            "alarmSeverityId": severity,
            "physicalProperty": {"physicalValueId": "PV_TEMPERATURE"},
            "limitValue": limit,
            "physicalUnitId": "PU_DEGREE_CELSIUS",
            **extra,
        }

    async def put(conditions: list[dict[str, Any]], channel: str = channel_uuid) -> httpx.Response:
        body = {
            "channel_alarm_configurations": [
                {
                    "logical_channel_uuid": channel,
                    "measurementAlarmConditionSet": [{"measurementAlarmConditions": conditions}],
                }
            ]
        }
        return await raw.put(url, params={"site": SITE}, headers=bearer(token), json=body)

    low, high = (
        condition("MACT_LOWER_LIMIT", "ASV_ALARM", 8.0),
        condition("MACT_UPPER_LIMIT", "ASV_ALARM", 2.0),
    )
    assert "lower limit (8) must be below the upper limit (2)" in _reason(await put([low, high]))
    assert "is not a channel of measuring object 'Fridge'" in _reason(await put([], channel="other"))
    negative = condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0, limitHysteresis=-1)
    assert "limitHysteresis must be between 0 and 1000000 (got -1)" in _reason(await put([negative]))
    fahrenheit = condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0, physicalUnitId="PU_DEGREE_FAHRENHEIT")
    assert "does not match the channel's unit PU_DEGREE_CELSIUS" in _reason(await put([fahrenheit]))
    humidity = condition(
        "MACT_LOWER_LIMIT", "ASV_ALARM", 2.0, physicalProperty={"physicalValueId": "PV_HUMIDITY"}
    )
    assert "does not match the channel's PV_TEMPERATURE" in _reason(await put([humidity]))
    outside = [
        condition("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0),
        condition("MACT_UPPER_LIMIT", "ASV_WARNING", 9.0),
    ]
    assert "upper warning limit (9) must lie inside the upper alarm limit (8)" in _reason(await put(outside))
    wide = [
        condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0, limitHysteresis=7),
        condition("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0),
    ]
    assert "hysteresis (7) must be smaller" in _reason(await put(wide))
    good = await put(
        [condition("MACT_LOWER_LIMIT", "ASV_ALARM", 2.0), condition("MACT_UPPER_LIMIT", "ASV_ALARM", 8.0)]
    )
    assert good.status_code == 200


async def test_instruction_sets_must_fit_the_feeding_devices(
    raw: httpx.AsyncClient, token: str, device: dict[str, Any]
) -> None:
    sensor_uuid = device["sensors_connections"][0]["sensor_uuid"]
    fridge = (
        await raw.post(
            "/measuring-objects", params={"site": SITE}, headers=bearer(token), json=_object(sensor_uuid)
        )
    ).json()
    url = f"/measuring-objects/{fridge['uuid']}/measuring-instruction-set"
    too_fast = await raw.put(
        url, params={"site": SITE}, headers=bearer(token), json={"communication_cycle": 60_000}
    )
    assert "communication_cycle must be between 300000 and 86400000 ms for the devices feeding" in _reason(
        too_fast
    )
    fine = await raw.put(url, params={"site": SITE}, headers=bearer(token), json={"measuring_cycle": 60_000})
    assert (fine.json()["measuring_cycle"], fine.json()["communication_cycle"]) == (60_000, None)


# --- tenants and connect keys -----------------------------------------------------------------------


async def test_another_account_never_sees_or_changes_this_site(
    sim: Simulator, raw: httpx.AsyncClient, token: str, key: str, device: dict[str, Any]
) -> None:
    sim.add_account("rival@other.example", "rival-password")
    rival = await token_for(raw, "rival@other.example", "rival-password")
    # The same site name is the rival's own, separate site with its own key.
    assert (await raw.get("/connect-keys", params={"site": SITE}, headers=bearer(rival))).status_code == 404
    own = await raw.post("/connect-keys", params={"site": SITE}, headers=bearer(rival))
    assert own.json()["connect_key"] != key
    assert (await raw.get("/devices", params={"site": SITE}, headers=bearer(rival))).json() == {"devices": []}
    for path in (f"/devices/{device['uuid']}", f"/sensors/{device['sensors_connections'][0]['sensor_uuid']}"):
        answer = await raw.get(path, params={"site": SITE}, headers=bearer(rival))
        assert answer.status_code == 404, path  # exactly like an unknown uuid: nothing leaks
    change = await raw.put(
        f"/devices/{device['uuid']}",
        params={"site": SITE},
        headers=bearer(rival),
        json={**device, "name": "Mine"},
    )
    assert change.status_code == 404
    with sim.world.lock:
        assert sim.world.devices[device["uuid"]]["name"] != "Mine"
    sensor = device["sensors_connections"][0]["sensor_uuid"]
    stolen = await raw.post(
        "/measuring-objects", params={"site": SITE}, headers=bearer(rival), json=_object(sensor)
    )
    assert stolen.status_code == 400 and f"no sensor '{sensor}'" in _reason(stolen)


async def test_a_wrong_connect_key_never_joins_and_says_why(
    sim: Simulator, raw: httpx.AsyncClient, token: str, key: str
) -> None:
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id, 3.0)
    wrong = "ABCD-EFGH-JKLM" if key != "ABCD-EFGH-JKLM" else "MLKJ-HGFE-DCBA"
    assert sim.submit_configuration(logger.id, wrong, "Shop Wi-Fi", "correct horse").ok
    sim.advance_time(3600)
    assert logger.led.value == "error" and "Connect key not accepted" in logger.status_text
    assert logger.joined_site is None
    assert (await raw.get("/devices", params={"site": SITE}, headers=bearer(token))).json() == {"devices": []}
