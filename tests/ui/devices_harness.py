"""Shared set-up for the device view tests: a simulator with loggers joined into a site, and the view."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.core.devices.watcher import WatchTiming
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.cloud_access import build_cloud_access
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, Simulator
from saveris_desktop.simulator.clock import ManualClock
from saveris_desktop.ui.devices import DevicesView
from tests.ui.user_input import click
from tests.ui.wizard_harness import TransportWrapper, make_services

T = TypeVar("T")
SITE = "Pharmacy Main Street"
#: Polls every 50 ms so refresh tests run fast; offline probes are quick too.
FAST_POLL = WatchTiming(interval=0.05, max_backoff=0.2, offline_probe=0.05, offline_max=0.1, hint_after=300)


def run(qtbot: Any, coro: Coroutine[Any, Any, T], timeout: int = 5000) -> T:
    """Run a coroutine on the qasync loop while Qt keeps spinning; return its result."""
    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@dataclass
class DevicesHarness:
    sim: Simulator
    services: AppServices
    view: DevicesView
    device_uuids: list[str]
    #: the offline work the view was built with (make_devices_harness(offline_db=...)); None without
    work: OfflineWork | None = None

    @property
    def client(self) -> DeviceManagementClient:
        return self.services.client


async def _prepare(sim: Simulator, services: AppServices, kinds: list[LoggerKind]) -> list[str]:
    client = services.client
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    services.set_signed_in(DEMO_USERNAME)
    key = await client.create_connect_key(SITE)
    for kind in kinds:
        logger = sim.create_logger(kind)
        sim.press_button(logger.id, seconds=3.0)
        result = sim.submit_configuration(
            logger.id, account_id=key.connect_key, wifi_ssid="Shop", wifi_password="pw123456"
        )
        assert result.ok, result.message
    sim.advance_time(60)
    uuids = [device.uuid for device in await client.list_devices(SITE)]
    # The manual clock stands still otherwise; real writes happen later than the join, and the view
    # relies on `last_modified` to tell a stale poll from the answer of its own write.
    sim.advance_time(1)
    return uuids


def make_devices_harness(
    qtbot: Any,
    kinds: list[LoggerKind] | None = None,
    *,
    show: bool = True,
    sim: Simulator | None = None,
    wrap: TransportWrapper | None = None,
    offline_db: Path | None = None,
) -> DevicesHarness:
    """`sim`: a simulator of the test's own (e.g. one whose transport plays another server shape);
    `wrap`: a transport around the simulator's (e.g. one that offers only the documented routes);
    `offline_db`: open the offline work there and build the view on its client stack, as app.py does."""
    sim = sim or Simulator(seed=5, join_delay=1.0, clock=ManualClock())
    services = make_services(sim, wrap=wrap)
    uuids = run(
        qtbot, _prepare(sim, services, kinds or [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2])
    )
    work = run(qtbot, OfflineWork.open(services, offline_db)) if offline_db is not None else None
    view = DevicesView(services, access=build_cloud_access(services, work), timing=FAST_POLL)
    qtbot.addWidget(view)
    view.resize(1100, 820)
    if show:
        view.show()
    view.show_site(SITE)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(uuids), timeout=5000)
    return DevicesHarness(sim, services, view, uuids, work)


def close_harness(qtbot: Any, harness: DevicesHarness) -> None:
    run(qtbot, harness.view.aclose())
    run(qtbot, harness.services.aclose())


def open_and_wait(qtbot: Any, harness: DevicesHarness, uuid: str) -> None:
    """Open a logger and wait until every editor has the server's data."""
    view = harness.view
    view.open_device(uuid)
    qtbot.waitUntil(
        lambda: (
            view.current_uuid == uuid
            and view.settings_editor.session is not None
            and view.settings_editor.session.base.get("uuid") == uuid
            and view.detail_status.text() == ""
        ),
        timeout=5000,
    )


def apply_and_wait(qtbot: Any, editor: Any) -> None:
    assert editor.apply_button.isEnabled(), editor.problems()
    click(qtbot, editor.apply_button)
    qtbot.waitUntil(lambda: not editor.busy, timeout=5000)
