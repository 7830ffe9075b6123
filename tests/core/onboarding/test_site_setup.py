"""core.onboarding.site_setup: the wizard's site step as one sequence (the wizard and saveris-cli share
it)."""

from __future__ import annotations

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import RequestValidationError
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.onboarding.site_setup import create_site
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, Simulator


@pytest.fixture
async def client():
    sim = Simulator(seed=3, join_delay=0.0)
    client = DeviceManagementClient(Endpoint.custom("http://127.0.0.1:9", "sim"), transport=sim.transport())
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    try:
        yield client
    finally:
        await client.aclose()


async def test_creates_the_site_sets_its_zone_and_lists_its_devices(client: DeviceManagementClient) -> None:
    ready = await create_site(client, "Bakery", "Europe/Berlin")
    assert ready.site == "Bakery"
    assert ready.key.connect_key
    assert ready.devices == []
    again = await create_site(client, "Bakery", None)  # an existing site gives the same key
    assert again.key.connect_key == ready.key.connect_key


async def test_a_refused_time_zone_never_stops_the_site_and_waits_in_the_queue(
    client: DeviceManagementClient,
) -> None:
    """Optional in testo's procedure: the site, its key and its devices are there, the zone waits."""
    queued: list[tuple[str, str, str, object, object]] = []

    class Queue:
        async def queue_change(
            self, site: str, kind: str, object_id: str, payload: object, base: object
        ) -> None:
            queued.append((site, kind, object_id, payload, base))

    ready = await create_site(client, "Bakery", "Mars/Olympus", queue=Queue(), describe=lambda e: e.message)
    assert ready.key.connect_key and ready.devices == []
    assert ready.timezone is not None and isinstance(ready.timezone.error, RequestValidationError)
    assert ready.timezone.queued and "Saving the site's time zone failed" in ready.timezone.problem
    assert queued == [("Bakery", "global_settings", "Bakery", {"timezone": "Mars/Olympus"}, None)]
