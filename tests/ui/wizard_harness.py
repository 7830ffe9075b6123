"""Shared set-up for the wizard tests: an in-process simulator, AppServices and a fast wizard."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.core.devices.watcher import WatchTiming
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.simulator import Simulator
from saveris_desktop.simulator.clock import ManualClock
from saveris_desktop.ui.ui_state import UiState, scope_for
from saveris_desktop.ui.wizard import OnboardingWizard, PageId

#: Polls every 20 ms; offline probes at most every 50 ms: a whole onboarding runs in about a second.
FAST_TIMING = WatchTiming(
    interval=0.02, max_backoff=0.1, offline_probe=0.02, offline_max=0.05, hint_after=300
)
SIM_ENDPOINT = Endpoint.custom("http://127.0.0.1:9", "simulator")


async def _no_sleep(_seconds: float) -> None:
    await asyncio.sleep(0)


FAST_RETRY = RetryPolicy(max_attempts=2, sleep=_no_sleep)


@dataclass
class Harness:
    sim: Simulator
    services: AppServices
    wizard: OnboardingWizard
    clock: list[float]

    def page(self) -> PageId:
        return PageId(self.wizard.currentId())


#: wraps the simulator's transport, e.g. tests.documented_only.DocumentedOnly
TransportWrapper = Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport]


def make_services(sim: Simulator, *, demo: bool = True, wrap: TransportWrapper | None = None) -> AppServices:
    def factory(endpoint: Endpoint) -> DeviceManagementClient:
        transport: httpx.AsyncBaseTransport = sim.transport()
        if wrap is not None:
            transport = wrap(transport)
        return DeviceManagementClient(endpoint, transport=transport, retry=FAST_RETRY)

    return AppServices(
        endpoint=SIM_ENDPOINT,
        client_factory=factory,
        simulator=sim if demo else None,
        endpoint_fixed=True,
    )


def make_harness(
    qtbot,
    *,
    demo: bool = True,
    timing: WatchTiming = FAST_TIMING,
    default_size: bool = False,
    profile: str = "assumed",
    wrap: TransportWrapper | None = None,
) -> Harness:
    """`default_size`: keep the size the wizard picks itself (as in the app) instead of 900x760.
    `profile`: the simulator profile (the `sim_profile` fixture runs a test against each);
    `wrap`: a transport around the simulator's."""
    sim = Simulator(seed=1, join_delay=8.0, clock=ManualClock(), profile=profile)
    services = make_services(sim, demo=demo, wrap=wrap)
    clock = [1000.0]
    wizard = OnboardingWizard(
        services, ui_state=UiState(scope=scope_for(demo=demo)), timing=timing, clock=lambda: clock[0]
    )
    qtbot.addWidget(wizard)
    if not default_size:
        wizard.resize(900, 760)
    wizard.show()
    return Harness(sim, services, wizard, clock)
