"""Answers the app cannot read become InvalidResponseError naming the field, never a pydantic traceback."""

from __future__ import annotations

import httpx
import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import InvalidResponseError
from tests.api import payloads as p
from tests.api.fakes import PASSWORD, USERNAME, FakeApi, reply


def _assert_readable(error: InvalidResponseError, field: str) -> None:
    assert error.field == field
    assert f"({field}:" in error.message
    assert error.message.endswith("(Europe, production).")
    assert "pydantic" not in error.message and "validation error" not in error.message.lower()
    assert error.__cause__ is None and error.__suppress_context__


async def test_body_that_is_not_json(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/devices", httpx.Response(200, text="OK, logged"))
    with pytest.raises(InvalidResponseError) as caught:
        await signed_in.list_devices(p.SITE)
    _assert_readable(caught.value, "body")
    assert caught.value.message == (
        "Listing the site's loggers failed: the server's answer could not be read (body: not JSON) "
        "(Europe, production)."
    )


async def test_missing_id_token(api: FakeApi, client: DeviceManagementClient) -> None:
    api.on("POST", "/token", reply(200, {"AccessToken": "eyJhbGciOi.eyJzdWIi.sig"}))
    with pytest.raises(InvalidResponseError) as caught:
        await client.sign_in(USERNAME, PASSWORD)
    _assert_readable(caught.value, "IdToken")
    assert "missing" in caught.value.message
    assert not client.is_signed_in


async def test_empty_id_token(api: FakeApi, client: DeviceManagementClient) -> None:
    api.on("POST", "/token", reply(200, {"IdToken": ""}))
    with pytest.raises(InvalidResponseError) as caught:
        await client.sign_in(USERNAME, PASSWORD)
    _assert_readable(caught.value, "IdToken")


@pytest.mark.parametrize("token", ["eyJ.with space", "eyJ.line\nbreak", "eyJ.n\u00f6n-ascii"])
async def test_id_token_that_cannot_go_into_a_header(
    api: FakeApi, client: DeviceManagementClient, token: str
) -> None:
    api.on("POST", "/token", reply(200, {"IdToken": token}))
    with pytest.raises(InvalidResponseError) as caught:
        await client.sign_in(USERNAME, PASSWORD)
    _assert_readable(caught.value, "IdToken")
    assert not client.is_signed_in


async def test_wrong_type_deep_inside_a_list(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    obj = p.measuring_object()
    obj["logical_channels"][0]["sensor_channel"]["channel_index"] = "first"
    api.on("GET", "/measuring-objects", reply(200, {"measuring_objects": [p.measuring_object(), obj]}))
    with pytest.raises(InvalidResponseError) as caught:
        await signed_in.list_measuring_objects(p.SITE)
    _assert_readable(caught.value, "measuring_objects[1].logical_channels[0].sensor_channel.channel_index")
    assert "first" not in caught.value.message  # the input value is never echoed


async def test_wrong_type_deep_inside_a_device_sets_only_that_device_aside(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    device = p.device()
    device["sensors_connections"][0]["slot_index"] = "first"
    api.on("GET", "/devices", reply(200, {"devices": [p.device(), device]}))
    listing = await signed_in.list_devices(p.SITE)
    assert len(listing) == 1
    (unreadable,) = listing.unreadable
    assert unreadable.reason.startswith("sensors_connections[0].slot_index: input should be a valid integer")
    assert "first" not in unreadable.reason  # the input value is never echoed


async def test_list_under_an_unexpected_key(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/measuring-objects", reply(200, {"items": []}))
    with pytest.raises(InvalidResponseError) as caught:
        await signed_in.list_measuring_objects(p.SITE)
    _assert_readable(caught.value, "measuring_objects")


async def test_array_where_an_object_belongs(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/connect-keys", reply(200, [{"site": p.SITE}]))
    with pytest.raises(InvalidResponseError) as caught:
        await signed_in.get_connect_key(p.SITE)
    _assert_readable(caught.value, "body")


async def test_put_answer_with_wrong_types(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    from saveris_desktop.api.models import GlobalSettings

    api.on("PUT", "/settings/global", reply(200, {"timezone": 42}))
    with pytest.raises(InvalidResponseError) as caught:
        await signed_in.put_global_settings(p.SITE, GlobalSettings(timezone="Europe/Berlin"))
    _assert_readable(caught.value, "timezone")


async def test_body_that_cannot_be_decoded(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on(
        "GET",
        "/devices",
        lambda _r: httpx.Response(
            200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"not gzip")
        ),
    )
    with pytest.raises(InvalidResponseError) as caught:
        await signed_in.list_devices(p.SITE)
    _assert_readable(caught.value, "body")
