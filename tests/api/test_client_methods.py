"""Every client method against a scripted fake: path, method, ?site=, bearer token, body and result."""

from __future__ import annotations

from typing import Any

import pytest

from saveris_desktop.api import models
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import AuthenticationError, NetworkError, RequestValidationError
from saveris_desktop.api.routes import ROUTES
from tests.api import payloads as p
from tests.api.fakes import PASSWORD, USERNAME, FakeApi, reply

# (client method = route name, extra call args, server payload, model class)
READS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[models.ApiModel]]] = [
    ("get_connect_key", (), {"site": p.SITE, "connect_key": "CK-12-34"}, models.ConnectKey),
    ("get_global_settings", (), {"timezone": "Europe/Berlin"}, models.GlobalSettings),
    ("get_device", (p.DEVICE_UUID,), p.device(), models.Device),
    ("get_sensor", (p.SENSOR_UUID,), p.sensor(), models.Sensor),
    ("get_device_alarm_configuration", (p.DEVICE_UUID,), p.system_alarms(), models.SystemAlarmConfiguration),
    ("get_sensor_alarm_configuration", (p.SENSOR_UUID,), p.system_alarms(), models.SystemAlarmConfiguration),
    ("get_measuring_object", (p.OBJECT_UUID,), p.measuring_object(), models.MeasuringObject),
    ("get_measuring_instruction_set", (p.OBJECT_UUID,), p.instruction_set(), models.MeasuringInstructionSet),
    (
        "get_measuring_object_alarm_configuration",
        (p.OBJECT_UUID,),
        p.measurement_alarms(),
        models.MeasurementAlarmConfiguration,
    ),
]


def _path(route_name: str, args: tuple[Any, ...]) -> str:
    route = ROUTES[route_name]
    return route.format(**dict(zip(route.path_params, args, strict=True)))


def _assert_authorised_site_call(api: FakeApi, request_index: int = -1) -> None:
    request = api.requests[request_index]
    assert request.headers["Authorization"] == f"Bearer {api.token}"
    assert request.url.params["site"] == p.SITE


async def test_sign_in_posts_credentials_and_keeps_the_user(
    api: FakeApi, client: DeviceManagementClient
) -> None:
    assert not client.is_signed_in
    await client.sign_in(USERNAME, PASSWORD)
    (request,) = api.calls("POST", "/token")
    assert api.body(request) == {"username": USERNAME, "password": PASSWORD}
    assert "Authorization" not in request.headers
    assert "site" not in request.url.params
    assert client.is_signed_in and client.username == USERNAME


async def test_sign_in_accepts_camel_case_id_token(api: FakeApi, client: DeviceManagementClient) -> None:
    api.on("POST", "/token", reply(200, {"idToken": api.token}))
    await client.sign_in(USERNAME, PASSWORD)
    api.on("GET", "/devices", reply(200, {"devices": []}))
    assert await client.list_devices(p.SITE) == []
    _assert_authorised_site_call(api)


async def test_wrong_password_says_so_with_the_endpoint(api: FakeApi, client: DeviceManagementClient) -> None:
    api.on("POST", "/token", reply(401, {"message": "Incorrect username or password."}))
    with pytest.raises(AuthenticationError) as caught:
        await client.sign_in(USERNAME, "wrong")
    assert caught.value.message == (
        "Sign-in failed: wrong user name or password (the server says: Incorrect username or password); "
        "also check that the account belongs to this region and environment, and note that a Saveris 2 "
        "(saveris.net) account cannot sign in here (Europe, production)."
    )
    assert caught.value.server_reason == "Incorrect username or password."
    assert not client.is_signed_in


async def test_sign_out_forgets_the_user_and_calls_need_a_sign_in(signed_in: DeviceManagementClient) -> None:
    await signed_in.sign_out()
    assert not signed_in.is_signed_in and signed_in.username is None
    with pytest.raises(AuthenticationError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.message == (
        "Listing the site's loggers failed: nobody is signed in; please sign in first (Europe, production)."
    )


@pytest.mark.parametrize(("method", "args", "payload", "model"), READS, ids=[r[0] for r in READS])
async def test_every_read(
    api: FakeApi,
    signed_in: DeviceManagementClient,
    method: str,
    args: tuple[Any, ...],
    payload: dict[str, Any],
    model: type[models.ApiModel],
) -> None:
    path = _path(method, args)
    api.on("GET", path, reply(200, payload))
    result = await getattr(signed_in, method)(p.SITE, *args)
    assert isinstance(result, model)
    assert result.to_payload() == payload
    _assert_authorised_site_call(api)
    assert api.requests[-1].url.path == path


async def test_list_devices(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/devices", reply(200, {"devices": [p.device()]}))
    (device,) = await signed_in.list_devices(p.SITE)
    assert device.uuid == p.DEVICE_UUID and device.firmware and device.firmware.firmware_version == "1.4.2"
    assert device.capability and device.capability.slot_count == 1
    _assert_authorised_site_call(api)


async def test_list_measuring_objects(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": [p.measuring_object()]}))
    (obj,) = await signed_in.list_measuring_objects(p.SITE)
    assert obj.name == "Fridge 3" and [c.name for c in obj.logical_channels] == [
        "Internal temperature",
        "Door",
    ]
    _assert_authorised_site_call(api)


# (client method = route name, extra args before the body, payload, model class)
WRITES: list[tuple[str, tuple[Any, ...], dict[str, Any], type[models.ApiModel]]] = [
    ("put_global_settings", (), {"timezone": "Europe/Vienna"}, models.GlobalSettings),
    ("put_device", (), p.device(), models.Device),
    ("put_sensor", (), p.sensor(), models.Sensor),
    ("put_device_alarm_configuration", (p.DEVICE_UUID,), p.system_alarms(), models.SystemAlarmConfiguration),
    ("put_sensor_alarm_configuration", (p.SENSOR_UUID,), p.system_alarms(), models.SystemAlarmConfiguration),
    ("put_measuring_instruction_set", (p.OBJECT_UUID,), p.instruction_set(), models.MeasuringInstructionSet),
    (
        "put_measuring_object_alarm_configuration",
        (p.OBJECT_UUID,),
        p.measurement_alarms(),
        models.MeasurementAlarmConfiguration,
    ),
]


def _write_path(route_name: str, args: tuple[Any, ...], payload: dict[str, Any]) -> str:
    route = ROUTES[route_name]
    if route.path_params and not args:  # put_device / put_sensor take the uuid from the object
        return route.format(uuid=payload["uuid"])
    return _path(route_name, args)


@pytest.mark.parametrize(("method", "args", "payload", "model"), WRITES, ids=[w[0] for w in WRITES])
@pytest.mark.parametrize("answer", ["stored object", "204"])
async def test_every_write(
    api: FakeApi,
    signed_in: DeviceManagementClient,
    method: str,
    args: tuple[Any, ...],
    payload: dict[str, Any],
    model: type[models.ApiModel],
    answer: str,
) -> None:
    path = _write_path(method, args, payload)
    stored = {**payload, "server_revision": 8}  # what the server stored may add fields
    api.on("PUT", path, reply(200, stored) if answer == "stored object" else reply(204))
    sent = model.model_validate(payload)
    result = await getattr(signed_in, method)(p.SITE, *args, sent)
    assert api.body(api.requests[-1]) == payload
    _assert_authorised_site_call(api)
    assert isinstance(result, model)
    assert result.to_payload() == (stored if answer == "stored object" else payload)
    assert result is not sent


async def test_create_connect_key(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("POST", "/connect-keys", reply(201, {"site": p.SITE, "connect_key": "CK-98-76"}))
    key = await signed_in.create_connect_key(p.SITE)
    assert (key.site, key.connect_key) == (p.SITE, "CK-98-76")
    _assert_authorised_site_call(api)
    assert api.requests[-1].content == b""


async def test_create_measuring_object(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("POST", "/measuring-objects", reply(201, p.measuring_object()))
    new = models.MeasuringObject.model_validate(p.measuring_object(uuid=None))
    created = await signed_in.create_measuring_object(p.SITE, new)
    assert created.uuid == p.OBJECT_UUID
    assert api.body(api.requests[-1]) == p.measuring_object(uuid=None)
    _assert_authorised_site_call(api)


async def test_site_is_required_before_any_request(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    sent_before = len(api.requests)
    with pytest.raises(RequestValidationError) as caught:
        await signed_in.list_devices("  ")
    assert caught.value.message == (
        "Listing the site's loggers failed: no site was given; choose or enter a site first "
        "(Europe, production)."
    )
    assert len(api.requests) == sent_before


async def test_path_parameters_are_escaped(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/devices/a/b", reply(200, {"uuid": "a/b"}))  # httpx decodes url.path
    device = await signed_in.get_device(p.SITE, "a/b")
    assert device.uuid == "a/b"
    assert api.requests[-1].url.raw_path.startswith(b"/devices/a%2Fb?")


async def test_a_closed_client_answers_with_an_api_error(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    states: list[bool] = []
    signed_in.sig_connectivity.connect(states.append)
    sent_before = len(api.requests)
    await signed_in.aclose()
    await signed_in.aclose()  # idempotent: the quit path may run twice

    with pytest.raises(NetworkError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.message == (
        "Listing the site's loggers failed: the app has already closed its connection to the testo cloud "
        "(Europe, production)."
    )
    with pytest.raises(NetworkError, match=r"^Sign-in failed: the app has already closed"):
        await signed_in.sign_in(USERNAME, PASSWORD)
    assert len(api.requests) == sent_before and states == []


async def test_default_and_custom_timeouts(api: FakeApi) -> None:
    import httpx

    from tests.api.fakes import EUROPE

    default = DeviceManagementClient(EUROPE, transport=api.transport())
    custom = DeviceManagementClient(
        EUROPE, transport=api.transport(), timeout=httpx.Timeout(5.0, connect=2.0)
    )
    try:
        assert default._session._http.timeout == httpx.Timeout(30.0, connect=10.0)
        assert custom._session._http.timeout == httpx.Timeout(5.0, connect=2.0)
        assert not default._session._http.follow_redirects
    finally:
        await default.aclose()
        await custom.aclose()


async def test_a_failed_sign_in_keeps_the_previous_user(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("POST", "/token", reply(401, {"message": "Unauthorized"}))
    with pytest.raises(AuthenticationError):
        await signed_in.sign_in("someone-else@example.com", "wrong-password")
    assert signed_in.is_signed_in and signed_in.username == USERNAME
    assert repr(signed_in) == (
        "DeviceManagementClient(endpoint='Europe, production', username='tech@example.com', signed_in=True)"
    )


@pytest.mark.parametrize(("username", "password"), [("", "secret-1"), ("  ", "secret-1"), (USERNAME, "")])
async def test_sign_in_needs_both_fields_before_asking_the_server(
    api: FakeApi, client: DeviceManagementClient, username: str, password: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        await client.sign_in(username, password)
    assert (
        caught.value.message == "Sign-in failed: enter the user name and the password (Europe, production)."
    )
    assert api.requests == []


def test_every_route_has_a_client_method_and_a_test_here() -> None:
    tested_elsewhere_in_this_file = {
        "token",
        "list_devices",
        "list_measuring_objects",
        "create_connect_key",
        "create_measuring_object",
    }
    covered = {r[0] for r in READS} | {w[0] for w in WRITES} | tested_elsewhere_in_this_file
    assert covered == set(ROUTES)
    assert all(callable(getattr(DeviceManagementClient, name, None)) for name in covered - {"token"})
