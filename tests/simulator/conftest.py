"""Fixtures: a simulator on a hand-driven clock and the project's client talking to it in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, ManualClock, Simulator

SITE = "Bakery Main Street"


class RecordedSleep:
    """The client's retry sleep, recorded instead of waited: tests stay fast and can check delays."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sim(clock: ManualClock) -> Simulator:
    return Simulator(seed=7, join_delay=8.0, clock=clock)


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
async def client(sim: Simulator, sleeps: RecordedSleep) -> AsyncIterator[DeviceManagementClient]:
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:9", "simulator"),
        transport=sim.transport(),
        retry=RetryPolicy(sleep=sleeps, jitter_source=lambda: 0.0),
    )
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
async def signed_in(client: DeviceManagementClient) -> DeviceManagementClient:
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    return client
