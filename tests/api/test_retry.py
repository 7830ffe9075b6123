"""Backoff, Retry-After, the retry cap, connectivity reports, and POSTs that are never blindly re-sent."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from email.utils import formatdate
from typing import Any

import httpx
import pytest

from saveris_desktop import __version__
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import (
    AuthenticationError,
    InvalidResponseError,
    NetworkError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
)
from saveris_desktop.api.models import Device, MeasuringObject
from saveris_desktop.api.redaction import API_LOGGER_NAME
from saveris_desktop.api.retry import RetryPolicy, parse_retry_after
from tests.api import payloads as p
from tests.api.fakes import PASSWORD, USERNAME, FakeApi, FakeClock, FakeSleep, reply

DEVICES = reply(200, {"devices": [p.device()]})


def test_parse_retry_after_seconds_and_http_date() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after("7", lambda: now) == 7.0
    assert parse_retry_after(formatdate(now + 30, usegmt=True), lambda: now) == 30.0
    assert parse_retry_after(formatdate(now - 30, usegmt=True), lambda: now) == 0.0
    assert parse_retry_after("soon", lambda: now) is None
    assert parse_retry_after(None, lambda: now) is None


@pytest.mark.parametrize("value", ["\xb2", "1.5", "-3", "", "   "])
def test_parse_retry_after_refuses_what_is_not_a_delay_or_a_date(value: str) -> None:
    # "\xb2" (superscript two, as a latin-1 header byte) passes str.isdigit but not float().
    assert parse_retry_after(value, lambda: 1_700_000_000.0) is None


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Tokyo"])
@pytest.mark.parametrize(
    "fmt",
    ["%a, %d %b %Y %H:%M:%S -0000", "%a %b %d %H:%M:%S %Y", "%A, %d-%b-%y %H:%M:%S GMT"],
    ids=["minus-zero-zone", "asctime", "rfc850"],
)
def test_http_dates_without_an_offset_are_gmt_whatever_the_laptops_zone(
    monkeypatch: pytest.MonkeyPatch, zone: str, fmt: str
) -> None:
    now = 1_700_000_000.0
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert parse_retry_after(time.strftime(fmt, time.gmtime(now + 20)), lambda: now) == 20.0
    finally:
        monkeypatch.undo()
        time.tzset()


def test_backoff_doubles_with_jitter_and_is_capped() -> None:
    low = RetryPolicy(base_delay=1.0, max_delay=5.0, jitter_source=lambda: 0.0)
    high = RetryPolicy(base_delay=1.0, max_delay=5.0, jitter_source=lambda: 1.0)
    assert [low.backoff(n) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 2.5, 2.5]
    assert [high.backoff(n) for n in (1, 2, 3, 4, 5)] == [1.0, 2.0, 4.0, 5.0, 5.0]


def test_policy_gives_up_at_the_cap_and_on_too_long_retry_after() -> None:
    policy = RetryPolicy(max_attempts=3, max_retry_after=60)
    assert policy.delay_before_retry(2, retry_after=12) == 12
    assert policy.delay_before_retry(1, retry_after=60) == 60  # exactly the limit is not "longer"
    assert policy.delay_before_retry(1, retry_after=61) is None
    assert policy.delay_before_retry(3) is None


async def test_get_is_retried_with_backoff_on_502_503_504(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on("GET", "/devices", reply(502), reply(503), reply(504), DEVICES)
    assert len(await signed_in.list_devices(p.SITE)) == 1
    assert sleep.delays == [0.375, 0.75, 1.5]  # 0.5 s doubling, jitter at the middle of [c/2, c]


async def test_429_honours_retry_after(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on("GET", "/devices", reply(429, {"message": "Too Many Requests"}, **{"Retry-After": "7"}), DEVICES)
    assert len(await signed_in.list_devices(p.SITE)) == 1
    assert sleep.delays == [7.0]


async def test_429_with_http_date_retry_after(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep, clock: FakeClock
) -> None:
    later = formatdate(clock.now + 20, usegmt=True)
    api.on("GET", "/devices", reply(429, **{"Retry-After": later}), DEVICES)
    await signed_in.list_devices(p.SITE)
    assert sleep.delays == [20.0]


async def test_too_long_retry_after_is_reported_not_waited_for(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on("GET", "/devices", reply(429, {"status": "Error", "message": "quota"}, **{"Retry-After": "600"}))
    with pytest.raises(RateLimitedError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.retry_after == 600
    assert caught.value.message == (
        "Listing the site's loggers failed: the server is receiving too many requests; "
        "try again in 600 seconds (Europe, production)."
    )
    assert sleep.delays == []


async def test_retries_stop_at_the_cap(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on("GET", "/devices", reply(503, {"status": "Error", "message": "maintenance"}))
    with pytest.raises(ServerError) as caught:
        await signed_in.list_devices(p.SITE)
    assert len(api.calls("GET", "/devices")) == 4
    assert len(sleep.delays) == 3
    assert caught.value.status == 503 and caught.value.server_reason == "maintenance"
    assert "try again later (Europe, production)." in caught.value.message


async def test_500_is_not_retried(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/devices", reply(500))
    with pytest.raises(ServerError):
        await signed_in.list_devices(p.SITE)
    assert len(api.calls("GET", "/devices")) == 1


async def test_connection_errors_are_retried_without_a_false_alarm(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    states: list[bool] = []
    signed_in.sig_connectivity.connect(states.append)
    api.on("GET", "/devices", httpx.ConnectError("no route"), httpx.ReadTimeout("slow"), DEVICES)
    assert len(await signed_in.list_devices(p.SITE)) == 1
    assert len(sleep.delays) == 2
    assert states == []  # still online as far as anyone needs to know (sign-in answered before)


async def test_listeners_hear_offline_then_online_again(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    states: list[bool] = []
    signed_in.sig_connectivity.connect(states.append)
    api.on("GET", "/devices", httpx.ConnectError("no route"))
    for _ in range(2):
        with pytest.raises(NetworkError):
            await signed_in.list_devices(p.SITE)
    api.on("GET", "/devices", reply(503), DEVICES)
    await signed_in.list_devices(p.SITE)
    await signed_in.list_devices(p.SITE)
    assert states == [False, True]  # changes only, and any HTTP answer (even a 503) means reachable


async def test_offline_ends_in_network_error(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    states: list[bool] = []
    signed_in.sig_connectivity.connect(states.append)
    api.on("GET", "/devices", httpx.ConnectError("Name or service not known"))
    with pytest.raises(NetworkError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.message == (
        "Listing the site's loggers failed: no connection to the testo cloud; check the internet connection "
        "(Europe, production)."
    )
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert states == [False]


async def test_a_failing_listener_does_not_break_the_request(
    api: FakeApi, signed_in: DeviceManagementClient, caplog: pytest.LogCaptureFixture
) -> None:
    heard_by_broken: list[bool] = []
    heard_after_it: list[bool] = []

    def broken(online: bool) -> None:
        heard_by_broken.append(online)
        raise RuntimeError("listener bug")

    signed_in.sig_connectivity.connect(broken)
    signed_in.sig_connectivity.connect(heard_after_it.append)
    api.on("GET", "/devices", httpx.ConnectError("no route"))
    with pytest.raises(NetworkError):  # the listener's RuntimeError does not replace it
        await signed_in.list_devices(p.SITE)
    api.on("GET", "/devices", DEVICES)
    assert len(await signed_in.list_devices(p.SITE)) == 1
    assert heard_by_broken == heard_after_it == [False, True]
    assert "a listener of connectivity failed" in caplog.text and "listener bug" in caplog.text


async def test_put_is_retried_after_a_dropped_connection(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    path = f"/devices/{p.DEVICE_UUID}"
    api.on("PUT", path, httpx.RemoteProtocolError("peer closed connection"), reply(200, p.device()))
    await signed_in.put_device(p.SITE, Device.model_validate(p.device()))
    assert len(api.calls("PUT", path)) == 2


class MeasuringObjectServer:
    """A server that really stores what is POSTed; `failures` replace the answers of the first POSTs."""

    def __init__(self, api: FakeApi, failures: list[Exception | httpx.Response]) -> None:
        self.objects: list[dict[str, Any]] = []
        self.failures = failures
        api.on("POST", "/measuring-objects", self.create)
        api.on("GET", "/measuring-objects", lambda _r: reply(200, {"measuring_objects": self.objects}))

    def create(self, request: httpx.Request) -> httpx.Response:
        body = FakeApi.body(request)
        stored = {**body, "uuid": f"mo-{len(self.objects) + 1}"}
        self.objects.append(stored)
        if self.failures:
            failure = self.failures.pop(0)
            if isinstance(failure, Exception):
                raise failure
            return failure
        return reply(201, stored)


def _new_object() -> MeasuringObject:
    return MeasuringObject.model_validate(p.measuring_object(uuid=None))


@pytest.mark.parametrize(
    "failure",
    [httpx.ReadTimeout("read timed out"), httpx.RemoteProtocolError("dropped"), reply(502), reply(504)],
    ids=["read-timeout", "dropped", "502", "504"],
)
async def test_create_after_ambiguous_failure_finds_the_object_instead_of_duplicating(
    api: FakeApi, signed_in: DeviceManagementClient, failure: Exception | httpx.Response
) -> None:
    server = MeasuringObjectServer(api, [failure])
    # Another object with the same name but other channels must not be mistaken for ours.
    server.objects.append({**p.measuring_object(uuid="mo-other"), "logical_channels": []})

    created = await signed_in.create_measuring_object(p.SITE, _new_object())

    assert created.uuid == "mo-2"
    assert len(api.calls("POST", "/measuring-objects")) == 1
    assert [o["uuid"] for o in server.objects] == ["mo-other", "mo-2"]


def _other_sensor(obj: dict[str, Any]) -> None:
    obj["logical_channels"][0]["sensor_channel"]["sensor_uuid"] = "sensor-of-an-older-logger"


def _other_quantity(obj: dict[str, Any]) -> None:
    obj["logical_channels"][1]["physical_value_id"] = "PV_TEMPERATURE"


def _unmapped(obj: dict[str, Any]) -> None:
    obj["logical_channels"][1]["sensor_channel"] = None


@pytest.mark.parametrize("differ", [_other_sensor, _other_quantity, _unmapped])
async def test_an_older_twin_with_other_channels_is_not_taken_for_the_new_object(
    api: FakeApi, signed_in: DeviceManagementClient, differ: Callable[[dict[str, Any]], None]
) -> None:
    older = p.measuring_object(uuid="mo-older")
    differ(older)
    server = MeasuringObjectServer(api, [httpx.ReadTimeout("read timed out")])
    server.objects.append(older)
    created = await signed_in.create_measuring_object(p.SITE, _new_object())
    assert created.uuid == "mo-2"  # what the timed-out POST stored, found by looking
    assert len(api.calls("POST", "/measuring-objects")) == 1


async def test_the_created_object_is_found_when_the_server_trimmed_its_names(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    sent = p.measuring_object(uuid=None, name=" Fridge 3 ")
    sent["logical_channels"][1]["name"] = "Door "
    api.on("POST", "/measuring-objects", reply(502))
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": [p.measuring_object("mo-7")]}))
    created = await signed_in.create_measuring_object(p.SITE, MeasuringObject.model_validate(sent))
    assert created.uuid == "mo-7" and len(api.calls("POST", "/measuring-objects")) == 1


async def test_a_dropped_create_that_is_found_does_not_flash_offline(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    states: list[bool] = []
    signed_in.sig_connectivity.connect(states.append)
    MeasuringObjectServer(api, [httpx.ReadTimeout("read timed out")])
    assert (await signed_in.create_measuring_object(p.SITE, _new_object())).uuid == "mo-1"
    assert states == []


async def test_a_create_that_keeps_dropping_ends_offline(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    states: list[bool] = []
    signed_in.sig_connectivity.connect(states.append)
    api.on("POST", "/measuring-objects", httpx.RemoteProtocolError("dropped"))
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": []}))
    with pytest.raises(NetworkError):
        await signed_in.create_measuring_object(p.SITE, _new_object())
    assert len(api.calls("POST", "/measuring-objects")) == 4
    assert states == [False]


async def test_create_is_sent_again_when_the_object_is_not_there(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on("POST", "/measuring-objects", reply(503), reply(201, p.measuring_object(uuid="mo-9")))
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": []}))
    created = await signed_in.create_measuring_object(p.SITE, _new_object())
    assert created.uuid == "mo-9"
    methods = [(r.method, r.url.path) for r in api.requests if r.url.path != "/token"]
    assert methods == [
        ("POST", "/measuring-objects"),
        ("GET", "/measuring-objects"),
        ("POST", "/measuring-objects"),
    ]
    assert len(sleep.delays) == 1


async def test_create_is_resent_at_once_when_it_never_left(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    server = MeasuringObjectServer(api, [])
    api.on("POST", "/measuring-objects", httpx.ConnectError("no route"), server.create)
    created = await signed_in.create_measuring_object(p.SITE, _new_object())
    assert created.uuid == "mo-1"
    assert api.calls("GET", "/measuring-objects") == []


async def test_create_is_not_resent_after_a_500(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("POST", "/measuring-objects", reply(500))
    with pytest.raises(ServerError):
        await signed_in.create_measuring_object(p.SITE, _new_object())
    assert len(api.calls("POST", "/measuring-objects")) == 1


async def test_create_gives_up_when_it_cannot_look(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("POST", "/measuring-objects", httpx.ReadTimeout("read timed out"))
    api.on("GET", "/measuring-objects", httpx.ConnectError("offline"))
    with pytest.raises(
        NetworkError, match="Creating the measuring object failed: the testo cloud did not answer"
    ):
        await signed_in.create_measuring_object(p.SITE, _new_object())
    assert len(api.calls("POST", "/measuring-objects")) == 1


async def test_create_gives_up_at_the_retry_cap(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on("POST", "/measuring-objects", reply(503))
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": []}))
    with pytest.raises(ServerError):
        await signed_in.create_measuring_object(p.SITE, _new_object())
    assert len(api.calls("POST", "/measuring-objects")) == 4
    assert len(api.calls("GET", "/measuring-objects")) == 3


async def test_create_shares_one_retry_budget_between_resends_and_looks(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    sent = 0

    def connect_error_then_503(_request: httpx.Request) -> httpx.Response:
        nonlocal sent
        sent += 1
        if sent % 2:
            raise httpx.ConnectError("no route")  # never left: re-sent at once by the session
        return reply(503)  # ambiguous: the client looks before sending again

    api.on("POST", "/measuring-objects", connect_error_then_503)
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": []}))
    with pytest.raises(ServerError):
        await signed_in.create_measuring_object(p.SITE, _new_object())
    assert len(api.calls("POST", "/measuring-objects")) == 4  # the policy's max_attempts, not 4 x 4
    assert len(api.calls("GET", "/measuring-objects")) == 1
    assert sleep.delays == [0.375, 0.75, 1.5]


async def test_create_honours_retry_after_of_an_ambiguous_503(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on(
        "POST",
        "/measuring-objects",
        reply(503, **{"Retry-After": "9"}),
        reply(201, p.measuring_object("mo-3")),
    )
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": []}))
    assert (await signed_in.create_measuring_object(p.SITE, _new_object())).uuid == "mo-3"
    assert sleep.delays == [9.0]


async def test_connect_key_creation_looks_before_resending(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("POST", "/connect-keys", httpx.ReadTimeout("read timed out"))
    api.on("GET", "/connect-keys", reply(200, {"site": p.SITE, "connect_key": "CK-1"}))
    key = await signed_in.create_connect_key(p.SITE)
    assert key.connect_key == "CK-1"
    assert len(api.calls("POST", "/connect-keys")) == 1


async def test_connect_key_creation_resends_when_the_site_is_unknown(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("POST", "/connect-keys", reply(502), reply(201, {"site": p.SITE, "connect_key": "CK-2"}))
    api.on("GET", "/connect-keys", reply(404, {"message": "site not found"}))
    key = await signed_in.create_connect_key(p.SITE)
    assert key.connect_key == "CK-2"
    assert len(api.calls("POST", "/connect-keys")) == 2


async def test_post_is_resent_after_429(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on(
        "POST",
        "/measuring-objects",
        reply(429, **{"Retry-After": "3"}),
        reply(201, p.measuring_object("mo-5")),
    )
    created = await signed_in.create_measuring_object(p.SITE, _new_object())
    assert created.uuid == "mo-5" and sleep.delays == [3.0]


async def test_sign_in_is_sent_again_after_a_dropped_connection(
    api: FakeApi, client: DeviceManagementClient
) -> None:
    # POST /token creates nothing, so unlike other POSTs it may simply go again.
    api.on(
        "POST",
        "/token",
        httpx.RemoteProtocolError("peer closed connection"),
        reply(200, {"IdToken": api.token}),
    )
    api.on("GET", "/devices", DEVICES)
    await client.sign_in(USERNAME, PASSWORD)
    assert len(api.calls("POST", "/token")) == 2
    assert len(await client.list_devices(p.SITE)) == 1


async def test_a_request_before_signing_in_names_its_operation(
    api: FakeApi, client: DeviceManagementClient
) -> None:
    with pytest.raises(AuthenticationError) as caught:
        await client.list_devices(p.SITE)
    assert caught.value.operation == "list_devices" and "sign in" in caught.value.message
    assert api.calls("GET", "/devices") == []  # nothing went out without a token


async def test_a_token_renewal_between_failures_does_not_take_a_retry(
    api: FakeApi, signed_in: DeviceManagementClient, sleep: FakeSleep
) -> None:
    api.on("GET", "/devices", reply(503), reply(503), reply(401), reply(503))
    with pytest.raises(ServerError):
        await signed_in.list_devices(p.SITE)
    # four attempts of the budget (503, 503, 503, 503) plus the one repeated after the renewal
    assert len(api.calls("GET", "/devices")) == 5
    assert len(sleep.delays) == 3


@pytest.mark.parametrize(
    "unreadable",
    [
        lambda _r: httpx.Response(200, headers={"Content-Encoding": "br"}, stream=httpx.ByteStream(b"\x1b")),
        lambda _r: httpx.Response(
            200, headers={"Content-Length": str(10**10)}, stream=httpx.ByteStream(b"{}")
        ),
    ],
    ids=["undecodable", "too-large"],
)
async def test_an_unreadable_answer_still_means_the_cloud_is_reachable(
    api: FakeApi, signed_in: DeviceManagementClient, unreadable: Callable[[httpx.Request], httpx.Response]
) -> None:
    states: list[bool] = []
    signed_in.sig_connectivity.connect(states.append)
    api.on("GET", "/devices", httpx.ConnectError("no route"))
    with pytest.raises(NetworkError):
        await signed_in.list_devices(p.SITE)
    api.on("GET", "/devices", unreadable)
    with pytest.raises(InvalidResponseError):
        await signed_in.list_devices(p.SITE)
    assert states == [False, True]


async def test_errors_before_sending_name_their_operation(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    with pytest.raises(RequestValidationError) as no_site:
        await signed_in.list_devices(" ")
    assert no_site.value.operation == "list_devices"
    await signed_in.aclose()
    with pytest.raises(NetworkError) as closed:
        await signed_in.list_devices(p.SITE)
    assert closed.value.operation == "list_devices"
    assert api.calls("GET", "/devices") == []


async def test_every_retry_is_logged_readably_with_its_request(
    api: FakeApi, signed_in: DeviceManagementClient, caplog: pytest.LogCaptureFixture
) -> None:
    """The support log must say which request was retried and why; a record that cannot be
    formatted would be lost from it."""
    api.on("GET", "/devices", reply(503), httpx.ConnectError("no route"), reply(401), DEVICES)
    with caplog.at_level(logging.DEBUG, logger=API_LOGGER_NAME):
        await signed_in.list_devices(p.SITE)
    lines = [record.getMessage() for record in caplog.records if record.name == API_LOGGER_NAME]
    # every line formats and starts with the request it is about: answers, failures, renewals
    assert all(line.startswith(("GET /devices", "POST /token")) for line in lines), lines
    assert any(line.startswith("GET /devices -> ConnectError after ") for line in lines)
    retries = [line for line in lines if "GET /devices" in line and "retrying in" in line]
    assert len(retries) == 2
    assert any("503" in line for line in retries) and any("ConnectError" in line for line in retries)
    assert any(line.startswith("GET /devices -> 200 in ") for line in lines)


async def test_every_request_asks_for_json_and_names_the_app(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", DEVICES)
    await signed_in.list_devices(p.SITE)
    for request in api.requests:  # the sign-in too
        assert request.headers["Accept"] == "application/json"
        assert request.headers["User-Agent"] == f"saveris-desktop/{__version__}"
