"""One request per read in flight: identical concurrent reads share one request, its answer or its error."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import ServerError
from tests.api.fakes import FakeApi, reply

SITE = "Bakery Main Street"
DEVICE = {"uuid": "d-1", "serial_number": "61100042", "sensors_connections": []}


def _slow(body: object, status: int = 200, gate: asyncio.Event | None = None):
    """An answer that arrives only once `gate` is set, so callers overlap as over a real network."""

    async def answer(_request: httpx.Request) -> httpx.Response:
        if gate is not None:
            await gate.wait()
        await asyncio.sleep(0.01)
        return reply(status, body)

    return answer


async def test_four_identical_listings_at_once_send_one_request(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", _slow({"devices": [DEVICE]}))
    answers = await asyncio.gather(*(signed_in.list_devices(SITE) for _ in range(4)))
    assert len(api.calls("GET", "/devices")) == 1
    assert [[d.serial_number for d in a] for a in answers] == [["61100042"]] * 4
    # each caller has its own copy: one editing its model changes nothing for the others
    answers[0][0].name = "changed by one caller"
    assert answers[1][0].name is None
    assert signed_in.in_flight.count == 0


async def test_a_read_after_the_answer_is_a_new_request(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", _slow({"devices": [DEVICE]}))
    await signed_in.list_devices(SITE)
    await signed_in.list_devices(SITE)
    assert len(api.calls("GET", "/devices")) == 2  # not a cache


async def test_different_reads_are_not_shared(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    api.on("GET", "/devices", _slow({"devices": [DEVICE]}))
    api.on("GET", "/devices/d-1", _slow(DEVICE))
    api.on("GET", "/devices/d-2", _slow({**DEVICE, "uuid": "d-2"}))
    await asyncio.gather(
        signed_in.list_devices(SITE),
        signed_in.list_devices("Another site"),
        signed_in.get_device(SITE, "d-1"),
        signed_in.get_device(SITE, "d-2"),
    )
    assert len(api.calls("GET", "/devices")) == 2
    assert len(api.calls("GET", "/devices/d-1")) == 1 and len(api.calls("GET", "/devices/d-2")) == 1


async def test_every_caller_gets_the_shared_requests_error(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices/d-1/alarm-configuration", _slow({"message": "maintenance"}, status=500))
    results = await asyncio.gather(
        *(signed_in.get_device_alarm_configuration(SITE, "d-1") for _ in range(3)), return_exceptions=True
    )
    assert all(isinstance(r, ServerError) for r in results)
    assert len(api.calls("GET", "/devices/d-1/alarm-configuration")) == 1


async def test_a_cancelled_caller_leaves_the_request_to_the_others(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    gate = asyncio.Event()
    api.on("GET", "/devices", _slow({"devices": [DEVICE]}, gate=gate))
    leaving = asyncio.ensure_future(signed_in.list_devices(SITE))
    staying = asyncio.ensure_future(signed_in.list_devices(SITE))
    await asyncio.sleep(0.01)
    leaving.cancel()
    gate.set()
    assert [d.uuid for d in await staying] == ["d-1"]
    assert leaving.cancelled()
    assert len(api.calls("GET", "/devices")) == 1


async def test_when_every_caller_left_the_request_is_cancelled_and_the_next_starts_afresh(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    gate = asyncio.Event()
    api.on("GET", "/devices", _slow({"devices": [DEVICE]}, gate=gate))
    only = asyncio.ensure_future(signed_in.list_devices(SITE))
    await asyncio.sleep(0.01)
    only.cancel()
    with pytest.raises(asyncio.CancelledError):
        await only
    assert signed_in.in_flight.count == 0
    gate.set()
    assert [d.uuid for d in await signed_in.list_devices(SITE)] == ["d-1"]
    assert len(api.calls("GET", "/devices")) == 2


async def test_writes_are_never_shared(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    from saveris_desktop.api.models import Device

    api.on("PUT", "/devices/d-1", _slow(DEVICE))
    device = Device.model_validate(DEVICE)
    await asyncio.gather(signed_in.put_device(SITE, device), signed_in.put_device(SITE, device))
    assert len(api.calls("PUT", "/devices/d-1")) == 2


async def test_a_read_asked_for_after_a_write_never_gets_an_answer_sent_before_it(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    gate = asyncio.Event()
    api.on(
        "GET",
        "/devices/d-1",
        _slow({**DEVICE, "name": "before"}, gate=gate),
        _slow({**DEVICE, "name": "after"}),
    )
    api.on("PUT", "/devices/d-1", reply(200, {**DEVICE, "name": "after"}))
    from saveris_desktop.api.models import Device

    early = asyncio.ensure_future(signed_in.get_device(SITE, "d-1"))  # sent before the write
    await asyncio.sleep(0.01)
    await signed_in.put_device(SITE, Device.model_validate({**DEVICE, "name": "after"}))
    late = asyncio.ensure_future(signed_in.get_device(SITE, "d-1"))  # asked for after it
    await asyncio.sleep(0.01)
    gate.set()
    assert (await early).name == "before"
    assert (await late).name == "after"
    assert len(api.calls("GET", "/devices/d-1")) == 2


async def test_looking_for_a_maybe_created_object_never_uses_a_listing_sent_before_the_post(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    """After an ambiguous POST the client lists the objects to see whether it arrived. A listing that
    was on its way before the POST cannot know: joining it would send the POST again (a twin)."""
    from saveris_desktop.api.models import MeasuringObject
    from tests.api import payloads as p

    gate = asyncio.Event()
    api.on(
        "GET",
        "/measuring-objects",
        _slow({"measuring_objects": []}, gate=gate),  # the listing sent before the POST
        reply(200, {"measuring_objects": [p.measuring_object("mo-7")]}),
    )
    api.on(
        "POST",
        "/measuring-objects",
        httpx.ReadTimeout("read timed out"),
        reply(200, p.measuring_object("mo-8")),
    )
    early = asyncio.ensure_future(signed_in.list_measuring_objects(p.SITE))
    await asyncio.sleep(0.01)
    asyncio.get_running_loop().call_later(0.05, gate.set)
    created = await signed_in.create_measuring_object(
        p.SITE, MeasuringObject.model_validate(p.measuring_object(uuid=None))
    )
    assert created.uuid == "mo-7" and len(api.calls("POST", "/measuring-objects")) == 1
    assert await early == []
