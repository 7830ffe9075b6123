"""`GET /devices` read tolerantly: the Redoc example with empty slots, nulls and numbers as strings is
read; one device that cannot be read is set aside with its JSON and the reason, never hiding the
others; and whatever the server sent goes back exactly as it came unless the app changed it."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import InvalidResponseError
from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import Device, SlotSensor
from tests.api import payloads as p
from tests.api.fakes import FakeApi, reply


def _exactly(value: Any) -> str:
    """JSON text, so 900000 and 900000.0 and "900000" are three different things (== says 2 equal)."""
    return json.dumps(value, sort_keys=True)


def _raw_reply(body: dict[str, Any]) -> httpx.Response:
    return httpx.Response(
        200, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )


def _echo_put(api: FakeApi, uuid: str) -> None:
    api.on("PUT", f"/devices/{uuid}", lambda request: reply(200, FakeApi.body(request)))


async def test_the_redoc_example_is_read(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/devices", reply(200, {"devices": [p.redoc_device()]}))
    listing = await signed_in.list_devices(p.SITE)
    assert isinstance(listing, DeviceListing) and listing.unreadable == ()
    (device,) = listing
    assert device.uuid == p.REDOC_DEVICE_UUID and device.product_family == "PF_ANY"
    assert device.slot_sensors() == [SlotSensor(0, "9f3e2d8c-2b6a-4c1e-8f55-0c9a7b3d2e11", True)]
    assert device.capability is not None and device.capability.supported_battery_types == ["string"]


async def test_empty_slot_nulls_and_numbers_as_text_are_read(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", reply(200, {"devices": [p.redoc_device_with_gaps()]}))
    listing = await signed_in.list_devices(p.SITE)
    assert listing.unreadable == ()
    (device,) = listing
    assert device.serial_number == "61234567"
    assert device.product_family == "PF_SAVERIS_QSR"  # kept verbatim
    assert device.valid_until is None
    assert device.firmware is not None and device.firmware.firmware_version is None
    empty = device.sensors_connections[1]
    assert (empty.slot_index, empty.sensor_uuid, empty.connected) == (1, None, None)
    assert [slot.slot_index for slot in device.slot_sensors()] == [0]  # the empty slot holds no sensor
    capability = device.capability
    assert capability is not None
    assert capability.supported_battery_types is None and capability.display is None
    assert capability.slot_count == 2
    assert capability.communication_cycle_min == 900000
    assert capability.communication_cycle_max == 86400000
    assert capability.measuring_cycle_min is None
    assert (device.measuring_cycle, device.communication_cycle) == (900000, 900000)
    assert isinstance(device.measuring_cycle, int) and isinstance(device.communication_cycle, int)


async def test_a_null_list_of_slots_reads_as_no_slots_and_goes_back_as_null(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    served = p.redoc_device()
    served["sensors_connections"] = None
    api.on("GET", "/devices", reply(200, {"devices": [served]}))
    _echo_put(api, p.REDOC_DEVICE_UUID)
    (device,) = await signed_in.list_devices(p.SITE)
    assert device.sensors_connections == [] and device.slot_sensors() == []
    await signed_in.put_device(p.SITE, device)
    assert _exactly(api.body(api.requests[-1])) == _exactly(served)


async def test_round_trip_sends_back_exactly_what_was_received(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    served = p.redoc_device_with_gaps()
    served["capability"]["future_mode"] = "FM_SOMETHING_NEW"
    api.on("GET", "/devices", _raw_reply({"devices": [served]}))
    _echo_put(api, p.REDOC_DEVICE_UUID)
    (device,) = await signed_in.list_devices(p.SITE)

    assert _exactly(device.to_payload()) == _exactly(served)
    await signed_in.put_device(p.SITE, device)
    assert _exactly(api.body(api.requests[-1])) == _exactly(served)


async def test_a_payload_is_a_copy_the_caller_may_change(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", _raw_reply({"devices": [p.redoc_device_with_gaps()]}))
    (device,) = await signed_in.list_devices(p.SITE)
    payload = device.to_payload()
    payload["measuring_cycle"] = 1
    payload["capability"]["slot_count"] = 9
    device.with_changes(name="Fridge 2")  # with_changes edits a payload too
    assert _exactly(device.to_payload()) == _exactly(p.redoc_device_with_gaps())


async def test_round_trip_sends_the_apps_edits_and_everything_else_as_received(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    served = p.redoc_device_with_gaps()
    api.on("GET", "/devices", _raw_reply({"devices": [served]}))
    _echo_put(api, p.REDOC_DEVICE_UUID)
    (device,) = await signed_in.list_devices(p.SITE)

    edited = device.with_changes(communication_cycle=1800000)
    assert edited.capability is not None
    edited.capability.slot_count = 3  # an in-place edit deep inside
    await signed_in.put_device(p.SITE, edited)

    expected = p.redoc_device_with_gaps()
    expected["communication_cycle"] = 1800000
    expected["capability"]["slot_count"] = 3
    sent = api.body(api.requests[-1])
    assert _exactly(sent) == _exactly(expected)
    assert sent["measuring_cycle"] == "900000" and sent["capability"]["communication_cycle_max"] == 86400000.0


async def test_one_unreadable_device_never_hides_the_others(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    wrong_type = p.device()
    wrong_type["uuid"] = "d-wrong"
    wrong_type["sensors_connections"][0]["slot_index"] = "first"
    no_uuid = {"serial_number": "60999999", "model_code": "0572 2031", "firmware": None}
    fraction = p.redoc_device()
    fraction["uuid"] = "d-fraction"
    fraction["measuring_cycle"] = 900000.5  # not a whole number of ms: the meaning is not clear
    api.on(
        "GET",
        "/devices",
        _raw_reply(
            {"devices": [p.device(), wrong_type, no_uuid, p.redoc_device_with_gaps(), "oops", fraction]}
        ),
    )

    listing = await signed_in.list_devices(p.SITE)

    assert [d.uuid for d in listing] == [p.DEVICE_UUID, p.REDOC_DEVICE_UUID]
    assert all(isinstance(d, Device) for d in listing)
    by_position = {item.position: item for item in listing.unreadable}
    assert sorted(by_position) == [1, 2, 4, 5]
    assert by_position[1].field == "sensors_connections[0].slot_index"
    assert "valid integer" in by_position[1].problem and "first" not in by_position[1].problem
    assert by_position[1].received == wrong_type  # kept exactly as sent
    assert (by_position[1].uuid, by_position[1].serial_number) == ("d-wrong", "61234567")
    assert by_position[2].reason == "uuid: missing"
    assert (by_position[2].uuid, by_position[2].serial_number) == (None, "60999999")
    assert by_position[4].field == "the whole entry" and by_position[4].serial_number is None
    assert by_position[5].field == "measuring_cycle"
    keys = [item.key for item in listing.unreadable]
    assert keys == [
        "unreadable:d-wrong",
        "unreadable:serial 60999999",
        "unreadable:#4",
        "unreadable:d-fraction",
    ]
    assert json.loads(by_position[2].as_received()) == no_uuid


async def test_an_unreadable_device_is_no_model_and_cannot_be_sent() -> None:
    item = UnreadableItem(0, {"uuid": "x"}, "uuid", "missing")
    assert not hasattr(item, "to_payload") and not isinstance(item, Device)


async def test_a_listing_that_is_not_json_still_fails_as_a_whole(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", httpx.Response(200, content=b'{"devices": [{"uuid": "a"}, {"uuid": '))
    with pytest.raises(InvalidResponseError) as caught:  # a truncated answer is no shorter listing
        await signed_in.list_devices(p.SITE)
    assert caught.value.field == "body"
