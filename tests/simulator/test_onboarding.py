"""The documented onboarding end to end: in-process, and over a real loopback socket (uvicorn)."""

from __future__ import annotations

import httpx

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.simulator import LedState, ManualClock, Simulator
from saveris_desktop.simulator.server import serve_in_thread
from tests.simulator.cli import saveris_sim
from tests.simulator.onboarding import SITE, onboard


async def test_onboarding_over_a_real_loopback_socket() -> None:
    sim = Simulator(seed=1, join_delay=8.0, clock=ManualClock())
    with serve_in_thread(sim) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        client = DeviceManagementClient(Endpoint.custom(base_url))
        async with httpx.AsyncClient(base_url=base_url) as control:
            try:
                result = await onboard(client, control)
            finally:
                await client.aclose()
    (logger,) = sim.loggers
    assert logger.led is LedState.NORMAL and logger.joined_site == SITE
    assert result.device.serial_number == logger.serial_number


async def test_onboarding_in_process(sim: Simulator, client: DeviceManagementClient) -> None:
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as control:
        result = await onboard(client, control)
    assert result.measuring_object.customer_site == SITE


async def test_onboarding_against_the_saveris_sim_command() -> None:
    """The same walk against the real command line server in its own process (real clock)."""
    with saveris_sim("--seed", "3") as (base_url, _banner):
        client = DeviceManagementClient(Endpoint.custom(base_url))
        async with httpx.AsyncClient(base_url=base_url) as control:
            try:
                result = await onboard(client, control)
            finally:
                await client.aclose()
            (logger,) = (await control.get("/_sim/loggers")).json()["loggers"]
    assert logger["led"] == "normal" and logger["serial_number"] == result.device.serial_number
