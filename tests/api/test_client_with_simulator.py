"""The client against the project's simulator (in-process): the contract holds end to end."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import AuthenticationError, InvalidResponseError, NetworkError
from saveris_desktop.api.models import LogicalChannel, MeasuringObject, SensorChannelRef
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.api.fakes import FakeClock, FakeSleep

SITE = "Bakery Main Street"


@pytest.fixture
def sim() -> Simulator:
    return Simulator(seed=3, join_delay=0.0, clock=ManualClock())


@pytest.fixture
async def sim_client(
    sim: Simulator, sleep: FakeSleep, clock: FakeClock
) -> AsyncIterator[DeviceManagementClient]:
    retry = RetryPolicy(sleep=sleep, now=clock, jitter_source=lambda: 0.5)
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:8765", "simulator"), transport=sim.transport(), retry=retry
    )
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    try:
        yield client
    finally:
        await client.aclose()


async def _onboard(sim: Simulator, client: DeviceManagementClient) -> str:
    key = await client.create_connect_key(SITE)
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id, seconds=3.0)
    result = sim.submit_configuration(logger.id, key.connect_key, "Shop", "wifi-secret")
    assert result.ok, result.message
    (device,) = await client.list_devices(SITE)
    return device.uuid


async def test_onboarding_and_a_settings_round_trip(
    sim: Simulator, sim_client: DeviceManagementClient
) -> None:
    uuid = await _onboard(sim, sim_client)
    device = await sim_client.get_device(SITE, uuid)
    assert device.capability is not None
    cycle = device.capability.measuring_cycle_min or 60000
    stored = await sim_client.put_device(SITE, device.with_changes(measuring_cycle=cycle * 2))
    assert stored.measuring_cycle == cycle * 2
    again = await sim_client.get_device(SITE, uuid)
    expected = device.to_payload()
    expected["measuring_cycle"] = cycle * 2
    assert {k: v for k, v in again.to_payload().items() if k in expected} == expected


async def _new_object(client: DeviceManagementClient, device_uuid: str) -> MeasuringObject:
    device = await client.get_device(SITE, device_uuid)
    sensor = await client.get_sensor(SITE, device.sensors_connections[0].sensor_uuid)
    channel = sensor.channels[0]
    return MeasuringObject(
        name="Fridge 3",
        logical_channels=[
            LogicalChannel(
                name="Internal temperature",
                physical_value_id=channel.physical_value_id,
                physical_unit_id=channel.physical_unit_id,
                sensor_channel=SensorChannelRef(sensor_uuid=sensor.uuid, channel_index=channel.channel_index),
            )
        ],
    )


@pytest.mark.parametrize("fault", ["drop_connection", "timeout", "error_status"])
async def test_create_measuring_object_is_never_duplicated(
    sim: Simulator, sim_client: DeviceManagementClient, sleep: FakeSleep, fault: str
) -> None:
    obj = await _new_object(sim_client, await _onboard(sim, sim_client))
    sim.add_fault(fault, route="create_measuring_object", count=1, status=502)
    created = await sim_client.create_measuring_object(SITE, obj)
    objects = await sim_client.list_measuring_objects(SITE)
    assert [o.uuid for o in objects] == [created.uuid]
    assert len(sleep.delays) == 1  # the fault did hit: the client paused once before looking


async def test_expired_token_is_renewed_once(sim: Simulator, sim_client: DeviceManagementClient) -> None:
    await sim_client.create_connect_key(SITE)
    before = sim_client._session.tokens.current()
    sim.expire_tokens()
    assert await sim_client.list_devices(SITE) == []
    after = sim_client._session.tokens.current()
    assert before is not None and after is not None and after != before  # the 401 led to a new token


async def test_faults_surface_as_the_right_errors(sim: Simulator, sim_client: DeviceManagementClient) -> None:
    await sim_client.create_connect_key(SITE)
    sim.add_fault("malformed_json", route="list_devices", count=1)
    with pytest.raises(InvalidResponseError):
        await sim_client.list_devices(SITE)
    sim.set_network_down(True)
    with pytest.raises(NetworkError):
        await sim_client.list_devices(SITE)
    sim.set_network_down(False)
    assert await sim_client.list_devices(SITE) == []
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        await sim_client.sign_in(DEMO_USERNAME, "not-the-demo-password")
