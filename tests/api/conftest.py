from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from tests.api.fakes import PASSWORD, USERNAME, FakeApi, FakeClock, FakeSleep, make_client


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sleep(clock: FakeClock) -> FakeSleep:
    return FakeSleep(clock)


@pytest.fixture
def api() -> FakeApi:
    return FakeApi()


@pytest.fixture
async def client(api: FakeApi, clock: FakeClock, sleep: FakeSleep) -> AsyncIterator[DeviceManagementClient]:
    client = make_client(api, clock, sleep)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
async def signed_in(client: DeviceManagementClient) -> DeviceManagementClient:
    await client.sign_in(USERNAME, PASSWORD)
    return client
