"""Token lifetime from the JWT, renewal shortly before expiry, and exactly one renewal after a 401."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from saveris_desktop.api.auth import DEFAULT_LIFETIME, MIN_LIFETIME, token_lifetime
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import AuthenticationError
from tests.api import payloads as p
from tests.api.fakes import PASSWORD, USERNAME, FakeApi, FakeClock, encode_jwt, make_jwt, reply

NOW = 1_700_000_000.0


def test_lifetime_comes_from_exp_and_iat() -> None:
    assert token_lifetime(make_jwt(3600, issued_at=NOW), NOW) == 3600


def test_lifetime_from_exp_alone_is_counted_from_now() -> None:
    token = encode_jwt({"exp": int(NOW + 1800)})
    assert token_lifetime(token, NOW) == 1800


def test_lifetime_defaults_to_24_hours_without_exp_or_for_opaque_tokens() -> None:
    assert token_lifetime(make_jwt(None), NOW) == DEFAULT_LIFETIME == 24 * 3600
    assert token_lifetime("opaque-token-from-a-gateway", NOW) == DEFAULT_LIFETIME


def test_an_already_expired_exp_does_not_cause_a_renewal_storm() -> None:
    token = encode_jwt({"exp": int(NOW - 50)})
    assert token_lifetime(token, NOW) == MIN_LIFETIME


def _bearers(api: FakeApi) -> list[str]:
    return [r.headers["Authorization"] for r in api.requests if r.url.path != "/token"]


async def test_token_is_reused_then_renewed_shortly_before_expiry(
    api: FakeApi, client: DeviceManagementClient, clock: FakeClock
) -> None:
    first, second = make_jwt(3600, sub="first"), make_jwt(3600, sub="second")
    api.on("POST", "/token", reply(200, {"IdToken": first}), reply(200, {"IdToken": second}))
    api.on("GET", "/devices", reply(200, {"devices": []}))
    await client.sign_in(USERNAME, PASSWORD)

    clock.now += 3600 - 400  # 400 s left: more than the 5 min margin
    await client.list_devices(p.SITE)
    clock.now += 200  # 200 s left: inside the margin, renew before the server would refuse it
    await client.list_devices(p.SITE)

    assert _bearers(api) == [f"Bearer {first}", f"Bearer {second}"]
    renewal = api.calls("POST", "/token")[1]
    assert api.body(renewal) == {"username": USERNAME, "password": PASSWORD}


async def test_token_without_exp_is_kept_for_24_hours(
    api: FakeApi, client: DeviceManagementClient, clock: FakeClock
) -> None:
    api.on("POST", "/token", reply(200, {"IdToken": "opaque-1"}), reply(200, {"IdToken": "opaque-2"}))
    api.on("GET", "/devices", reply(200, {"devices": []}))
    await client.sign_in(USERNAME, PASSWORD)
    clock.now += 23 * 3600
    await client.list_devices(p.SITE)
    clock.now += 3600
    await client.list_devices(p.SITE)
    assert _bearers(api) == ["Bearer opaque-1", "Bearer opaque-2"]


async def test_a_401_renews_once_and_repeats_the_request_once(
    api: FakeApi, client: DeviceManagementClient
) -> None:
    first, second = make_jwt(sub="first"), make_jwt(sub="second")
    api.on("POST", "/token", reply(200, {"IdToken": first}), reply(200, {"IdToken": second}))
    api.on("GET", "/devices", reply(401, {"message": "Unauthorized"}), reply(200, {"devices": [p.device()]}))
    await client.sign_in(USERNAME, PASSWORD)

    (device,) = await client.list_devices(p.SITE)

    assert device.uuid == p.DEVICE_UUID
    assert _bearers(api) == [f"Bearer {first}", f"Bearer {second}"]
    assert len(api.calls("POST", "/token")) == 2


async def test_a_second_401_raises_authentication_error(api: FakeApi, client: DeviceManagementClient) -> None:
    api.on("PUT", f"/devices/{p.DEVICE_UUID}", reply(401, {"message": "Unauthorized"}))
    await client.sign_in(USERNAME, PASSWORD)
    from saveris_desktop.api.models import Device

    with pytest.raises(AuthenticationError) as caught:
        await client.put_device(p.SITE, Device.model_validate(p.device()))
    assert caught.value.message == (
        "Saving the logger's settings failed: the sign-in is no longer accepted, please sign in again "
        "(Europe, production)."
    )
    assert len(api.calls("PUT", f"/devices/{p.DEVICE_UUID}")) == 2
    assert len(api.calls("POST", "/token")) == 2


async def test_renewal_refused_means_signed_out(
    api: FakeApi, client: DeviceManagementClient, clock: FakeClock
) -> None:
    api.on("POST", "/token", reply(200, {"IdToken": make_jwt(3600)}), reply(401, {"message": "bad password"}))
    await client.sign_in(USERNAME, PASSWORD)
    clock.now += 3600
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        await client.list_devices(p.SITE)
    assert not client.is_signed_in


async def test_concurrent_requests_share_one_renewal(
    api: FakeApi, client: DeviceManagementClient, clock: FakeClock
) -> None:
    issued: list[str] = []

    async def slow_token(_request: httpx.Request) -> httpx.Response:
        for _ in range(3):  # let the other requests reach the renewal while this one is in flight
            await asyncio.sleep(0)
        issued.append(make_jwt(3600, sub=f"t{len(issued)}"))
        return reply(200, {"IdToken": issued[-1]})

    api.on("POST", "/token", slow_token)
    api.on("GET", "/devices", reply(200, {"devices": []}))
    await client.sign_in(USERNAME, PASSWORD)
    clock.now += 3600
    # five different reads: identical ones in flight would share one request (api/coalesce.py)
    await asyncio.gather(*(client.list_devices(f"{p.SITE} {n}") for n in range(5)))
    assert len(api.calls("POST", "/token")) == 2
    assert _bearers(api) == [f"Bearer {issued[1]}"] * 5


async def test_sign_out_during_a_renewal_stops_the_request(
    api: FakeApi, client: DeviceManagementClient, clock: FakeClock
) -> None:
    async def sign_out_meanwhile(_request: httpx.Request) -> httpx.Response:
        await client.sign_out()
        return reply(200, {"IdToken": make_jwt(3600, sub="late")})

    api.on("POST", "/token", reply(200, {"IdToken": make_jwt(3600)}), sign_out_meanwhile)
    await client.sign_in(USERNAME, PASSWORD)
    clock.now += 3600
    with pytest.raises(AuthenticationError, match="nobody is signed in"):
        await client.list_devices(p.SITE)
    assert api.calls("GET", "/devices") == [] and not client.is_signed_in


async def test_a_refused_renewal_does_not_sign_out_whoever_signed_in_meanwhile(
    api: FakeApi, client: DeviceManagementClient, clock: FakeClock
) -> None:
    other = make_jwt(3600, issued_at=clock.now + 3600, sub="other")

    async def other_user_signs_in_meanwhile(_request: httpx.Request) -> httpx.Response:
        await client.sign_in("other@example.com", "other-password")  # answered by the next reply
        return reply(401, {"message": "Incorrect username or password."})

    first = reply(200, {"IdToken": make_jwt(3600)})
    api.on("POST", "/token", first, other_user_signs_in_meanwhile, reply(200, {"IdToken": other}))
    api.on("GET", "/devices", reply(200, {"devices": []}))
    await client.sign_in(USERNAME, PASSWORD)
    clock.now += 3600
    assert await client.list_devices(p.SITE) == []
    assert client.is_signed_in and client.username == "other@example.com"
    assert _bearers(api) == [f"Bearer {other}"]


async def test_a_renewal_does_not_use_up_an_attempt_of_the_retry_budget(
    api: FakeApi, client: DeviceManagementClient
) -> None:
    """Budget of 4 attempts: 503, 401 (renew), 503, 503, 200 is four failed-or-good tries plus a renewal.

    Counting the renewal as an attempt would give up before the answer that works.
    """
    first, second = make_jwt(sub="first"), make_jwt(sub="second")
    api.on("POST", "/token", reply(200, {"IdToken": first}), reply(200, {"IdToken": second}))
    api.on(
        "GET",
        "/devices",
        reply(503),
        reply(401, {"message": "Unauthorized"}),
        reply(503),
        reply(503),
        reply(200, {"devices": [p.device()]}),
    )
    await client.sign_in(USERNAME, PASSWORD)

    (device,) = await client.list_devices(p.SITE)

    assert device.uuid == p.DEVICE_UUID
    assert len(api.calls("GET", "/devices")) == 5
    assert len(api.calls("POST", "/token")) == 2
