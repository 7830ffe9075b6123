"""Fixtures: a simulator on a hand-driven clock and the project's client talking to it in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.simulator import (
    DEMO_PASSWORD,
    DEMO_USERNAME,
    LoggerKind,
    ManualClock,
    Simulator,
    VirtualLogger,
)

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


@pytest.fixture
async def raw(sim: Simulator) -> AsyncIterator[httpx.AsyncClient]:
    """A bare httpx client into the simulator, to see exact statuses and bodies."""
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        yield raw


async def token_for(
    raw: httpx.AsyncClient, username: str = DEMO_USERNAME, password: str = DEMO_PASSWORD
) -> str:
    answer = await raw.post("/token", json={"username": username, "password": password})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["IdToken"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def join(sim: Simulator, kind: LoggerKind, connect_key: str) -> VirtualLogger:
    """A new logger, through hotspot and configuration page, joined to the site of `connect_key`."""
    logger = sim.create_logger(kind)
    sim.press_button(logger.id, 3.0)
    result = sim.submit_configuration(logger.id, connect_key, "Shop Wi-Fi", "correct horse")
    assert result.ok, result
    sim.advance_time(sim.world.join_delay)
    return logger
