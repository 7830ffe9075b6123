"""Simulator speed: request latency in-process and over loopback, the whole onboarding, state size.

Run: `python -m tests.benchmarks simulator`.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Iterator

import httpx

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from saveris_desktop.simulator.persistence import snapshot
from saveris_desktop.simulator.server import serve_in_thread
from tests.simulator.onboarding import SITE, onboard

REQUESTS = 400


def _prepared(loggers: int) -> Simulator:
    sim = Simulator(seed=0, join_delay=0.0, clock=ManualClock())
    with sim.world.lock:
        principal = sim.world.accounts[DEMO_USERNAME].principal
        key = sim.world.create_site(principal, SITE).connect_key
    kinds = list(LoggerKind)
    for index in range(loggers):
        logger = sim.create_logger(kinds[index % len(kinds)])
        sim.press_button(logger.id)
        sim.submit_configuration(logger.id, key, "Bench Wi-Fi", "bench-password")
    return sim


async def _latencies(http: httpx.AsyncClient) -> list[float]:
    token = (await http.post("/token", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD})).json()
    headers = {"Authorization": f"Bearer {token['IdToken']}"}
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        answer = await http.get("/devices", params={"site": SITE}, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
    return timings


def _line(label: str, timings: list[float]) -> str:
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    rate = 1000 / median
    return f"{label}: median {median:.2f} ms, p95 {p95:.2f} ms ({rate:.0f} requests/s, {REQUESTS} requests)"


async def _onboarding_seconds(base_url: str | None) -> float:
    sim = Simulator(seed=0, clock=ManualClock())

    async def walk(url: str, transport: httpx.AsyncBaseTransport | None) -> float:
        client = DeviceManagementClient(Endpoint.custom(url), transport=transport)
        async with httpx.AsyncClient(base_url=url, transport=transport) as control:
            started = time.perf_counter()
            await onboard(client, control)
            elapsed = time.perf_counter() - started
        await client.aclose()
        return elapsed

    if base_url is None:
        return await walk("http://127.0.0.1:9", sim.transport())
    with serve_in_thread(sim) as url:
        return await walk(url, None)


def run() -> Iterator[str]:
    sim = _prepared(loggers=20)

    async def in_process() -> list[float]:
        async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as http:
            return await _latencies(http)

    yield _line("GET /devices (20 devices) in-process", asyncio.run(in_process()))
    with serve_in_thread(sim) as url:

        async def loopback() -> list[float]:
            async with httpx.AsyncClient(base_url=url) as http:
                return await _latencies(http)

        yield _line("GET /devices (20 devices) over loopback", asyncio.run(loopback()))
    yield f"whole onboarding in-process: {asyncio.run(_onboarding_seconds(None)) * 1000:.0f} ms"
    yield f"whole onboarding over loopback: {asyncio.run(_onboarding_seconds('loopback')) * 1000:.0f} ms"
    with sim.world.lock:
        size = len(json.dumps(snapshot(sim.world), indent=1, sort_keys=True).encode())
    yield f"state file with 20 loggers: {size / 1024:.0f} KiB"
