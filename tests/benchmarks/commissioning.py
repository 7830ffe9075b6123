"""Commissioning 50 loggers from a plan against the simulator with 50 ms latency per request.

Run: `python -m tests.benchmarks commissioning`.

The 50 loggers have joined; one listing reaches the runner, which queues every row, and the sync
engine sends them. Printed per simulator profile: the time until all 50 are configured and the
HTTP requests made, against the minimum the documented API needs:

    1 POST /token + 1 GET /devices (the listing that shows the loggers)
    + per logger: PUT /devices/{uuid} (name, cycles), POST /measuring-objects (object on its
      sensor channel), PUT /measuring-objects/{uuid}/alarm-configuration (preset limits)
    = 2 + 3 × 50 = 152 requests, i.e. 7.6 s of latency alone when sent one after another.

What the app adds above the minimum is its safety: it reads before it writes (so a change sent
before a crash is never sent twice, and a colleague's change is never overwritten), and it reads
each logger's sensor to find the channel that measures what the preset is for.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, ManualClock, Simulator
from tests.core.commissioning.commissioning_world import SITE, World

LOGGERS = 50
LATENCY = 0.05
MINIMUM_REQUESTS = 2 + 3 * LOGGERS

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts every request by method and path (ids replaced by {uuid})."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests[f"{request.method} {_UUID.sub('{uuid}', request.url.path)}"] += 1
        return await self.inner.handle_async_request(request)


async def _no_wait(_seconds: float) -> None:
    return None


async def _commission(profile: str, db: Path) -> tuple[float, Counter[str], str]:
    sim = Simulator(seed=3, join_delay=0.0, clock=ManualClock(), profile=profile)
    counting = CountingTransport(sim.transport())
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:9", "simulator"),
        transport=counting,
        retry=RetryPolicy(sleep=_no_wait, jitter_source=lambda: 0.0),
    )
    world = World(sim, client, db)
    sim.add_fault("latency", latency=LATENCY)
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    setup = Counter(counting.requests)
    world.connect_key = (await client.create_connect_key(SITE)).connect_key
    boxes = world.unpack(LOGGERS)
    world.hotspot_procedure(boxes)
    await world.start()
    await world.save_plan(world.plan_rows(boxes))
    counting.requests.clear()
    counting.requests.update(setup)  # the sign-in counts; creating the site is not commissioning
    started = time.perf_counter()
    board = await world.poll()
    elapsed = time.perf_counter() - started
    summary = board.summary()
    await world.stop()
    await client.aclose()
    return elapsed, counting.requests, summary


def run() -> Iterator[str]:
    yield (
        f"{LOGGERS} loggers, {LATENCY * 1000:.0f} ms latency per request; the documented minimum is "
        f"{MINIMUM_REQUESTS} requests ({MINIMUM_REQUESTS * LATENCY:.1f} s of latency one after another)"
    )
    for profile in ("assumed", "documented"):
        with tempfile.TemporaryDirectory() as folder:
            elapsed, requests, summary = asyncio.run(_commission(profile, Path(folder) / "bench.sqlite3"))
        total = sum(requests.values())
        yield (
            f"{profile}: {summary} in {elapsed:.1f} s; {total} requests = "
            f"{total / MINIMUM_REQUESTS:.2f}× the minimum ({total / LOGGERS:.1f} per logger)"
        )
        for route, count in sorted(requests.items(), key=lambda item: (-item[1], item[0])):
            yield f"    {count:4d}  {route}"
