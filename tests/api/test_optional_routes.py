"""Undocumented operations are optional: probed once per session, remembered, and fallen back from."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import (
    NotFoundError,
    OperationNotOfferedError,
    PermissionDeniedError,
    RequestValidationError,
)
from saveris_desktop.api.optional import Availability
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.api.fakes import FakeApi, FakeClock, FakeSleep, reply
from tests.documented_only import DocumentedOnly
from tests.virtual_loggers import set_up_logger

SITE = "Bakery Main Street"
DEVICE = {"uuid": "d-1", "serial_number": "61100042", "sensors_connections": []}


@pytest.fixture
async def documented(sleep: FakeSleep, clock: FakeClock) -> AsyncIterator[tuple[DocumentedOnly, Simulator]]:
    sim = Simulator(seed=3, join_delay=0.0, clock=ManualClock())
    transport = DocumentedOnly(sim.transport())
    yield transport, sim


async def _client(transport: DocumentedOnly, sleep: FakeSleep, clock: FakeClock) -> DeviceManagementClient:
    retry = RetryPolicy(sleep=sleep, now=clock, jitter_source=lambda: 0.5)
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:8765", "simulator"), transport=transport, retry=retry
    )
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    return client


async def _onboard(sim: Simulator, client: DeviceManagementClient) -> str:
    key = await client.create_connect_key(SITE)
    set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Shop", "wifi-secret", wait_s=None)
    (device,) = await client.list_devices(SITE)
    return device.uuid


async def test_an_undocumented_read_is_probed_once_per_session_then_refused_without_a_request(
    documented: tuple[DocumentedOnly, Simulator], sleep: FakeSleep, clock: FakeClock
) -> None:
    transport, sim = documented
    client = await _client(transport, sleep, clock)
    uuid = await _onboard(sim, client)
    for _ in range(3):
        with pytest.raises(OperationNotOfferedError) as caught:
            await client.get_device_alarm_configuration(SITE, uuid)
        assert not isinstance(caught.value, PermissionDeniedError)
        assert "does not offer" in caught.value.message
    assert transport.count("get_device_alarm_configuration") == 1
    assert client.optional.availability("get_device_alarm_configuration") is Availability.NOT_OFFERED
    await client.aclose()

    # A new session (another client) probes again: the server may have changed.
    second = await _client(transport, sleep, clock)
    with pytest.raises(OperationNotOfferedError):
        await second.get_device_alarm_configuration(SITE, uuid)
    assert transport.count("get_device_alarm_configuration") == 2
    await second.aclose()


async def test_concurrent_first_calls_share_one_probe(
    documented: tuple[DocumentedOnly, Simulator], sleep: FakeSleep, clock: FakeClock
) -> None:
    transport, sim = documented
    client = await _client(transport, sleep, clock)
    uuid = await _onboard(sim, client)
    answers = await asyncio.gather(
        *(client.get_sensor_alarm_configuration(SITE, uuid) for _ in range(4)), return_exceptions=True
    )
    assert all(isinstance(a, OperationNotOfferedError) for a in answers)
    assert transport.count("get_sensor_alarm_configuration") == 1
    await client.aclose()


async def test_the_device_document_comes_from_the_listing_when_its_own_read_is_not_offered(
    documented: tuple[DocumentedOnly, Simulator], sleep: FakeSleep, clock: FakeClock
) -> None:
    transport, sim = documented
    client = await _client(transport, sleep, clock)
    uuid = await _onboard(sim, client)
    listed = (await client.list_devices(SITE))[0]
    device = await client.read_device(SITE, uuid)
    assert device.to_payload() == listed.to_payload()
    assert device.to_payload()["product_type"]  # the full document, unknown fields included
    again = await client.read_device(SITE, uuid, listed=listed)
    assert again.to_payload() == listed.to_payload()
    assert transport.count("get_device") == 1
    assert transport.undocumented() == ["get_device"]
    await client.aclose()


async def test_read_device_uses_the_single_read_where_it_is_offered(
    sleep: FakeSleep, clock: FakeClock
) -> None:
    sim = Simulator(seed=3, join_delay=0.0, clock=ManualClock())
    retry = RetryPolicy(sleep=sleep, now=clock, jitter_source=lambda: 0.5)
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:8765", "simulator"), transport=sim.transport(), retry=retry
    )
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    uuid = await _onboard(sim, client)
    assert (await client.read_device(SITE, uuid)).uuid == uuid
    assert client.optional.availability("get_device") is Availability.OFFERED
    await client.aclose()


# --- a 404 on a single-resource read ---------------------------------------------------------------


async def test_a_404_for_a_listed_device_means_the_route_is_not_offered(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices/d-1", reply(404, {"message": "Not Found"}))
    api.on("GET", "/devices", reply(200, {"devices": [DEVICE]}))
    device = await signed_in.read_device(SITE, "d-1")
    assert device.serial_number == "61100042"
    assert signed_in.optional.availability("get_device") is Availability.NOT_OFFERED
    await signed_in.read_device(SITE, "d-1")
    assert len(api.calls("GET", "/devices/d-1")) == 1


async def test_a_404_for_a_device_listed_nowhere_means_the_device_is_gone(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices/d-2", reply(404, {"message": "Not Found"}))
    api.on("GET", "/devices", reply(200, {"devices": [DEVICE]}))
    with pytest.raises(NotFoundError):
        await signed_in.read_device(SITE, "d-2")
    assert signed_in.optional.availability("get_device") is Availability.UNKNOWN


async def test_a_route_that_answered_before_stays_offered_after_a_404(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices/d-1", reply(200, DEVICE))
    api.on("GET", "/devices/d-3", reply(404, {"message": "Not Found"}))
    other = {**DEVICE, "uuid": "d-3"}
    api.on("GET", "/devices", reply(200, {"devices": [DEVICE, other]}))
    await signed_in.read_device(SITE, "d-1")
    assert (await signed_in.read_device(SITE, "d-3")).uuid == "d-3"  # from the listing, this once
    assert signed_in.optional.availability("get_device") is Availability.OFFERED
    await signed_in.read_device(SITE, "d-1")
    assert len(api.calls("GET", "/devices/d-1")) == 2


async def test_another_failure_leaves_the_route_unknown(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on(
        "GET",
        "/sensors/s-1",
        reply(400, {"message": "site is required"}),
        reply(403, {"message": "Missing Authentication Token"}),
    )
    with pytest.raises(RequestValidationError):
        await signed_in.get_sensor(SITE, "s-1")
    assert signed_in.optional.availability("get_sensor") is Availability.UNKNOWN
    with pytest.raises(OperationNotOfferedError):
        await signed_in.get_sensor(SITE, "s-1")
    assert signed_in.optional.availability("get_sensor") is Availability.NOT_OFFERED


async def test_documented_routes_are_never_treated_as_optional(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on(
        "GET",
        "/devices",
        reply(403, {"message": "Missing Authentication Token"}),
        reply(200, {"devices": []}),
    )
    with pytest.raises(OperationNotOfferedError):
        await signed_in.list_devices(SITE)
    assert await signed_in.list_devices(SITE) == []  # asked again: documented routes are never skipped
