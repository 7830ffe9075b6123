"""A site being commissioned against the in-process simulator: the store, the sync engine, the plan.

Shared by the runner's tests, the board's UI test and the benchmark, so all of them walk the same
path: loggers unpacked and set up with the site's connect key through the simulator's hardware
side (as the hotspot procedure does), the plan saved as a draft, a runner following the listing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.models import Device
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.core.commissioning.plan import PlanRow, PlanStore
from saveris_desktop.core.commissioning.runner import Board, CommissioningRunner
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import SyncEngine
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, Simulator, VirtualLogger

SITE = "Pharmacy Storage"
ENDPOINT = "simulator"
WIFI = ("Pharmacy-Staff", "cold-chain-2026")
PRESET_CYCLE = [("fridge", "5 min", "15min"), ("freezer", "", ""), ("room", "10min", "1 h")]


@dataclass
class World:
    sim: Simulator
    client: DeviceManagementClient
    db: Path
    connect_key: str = ""
    loggers: list[VirtualLogger] = field(default_factory=list)
    store: Store | None = None
    engine: SyncEngine | None = None
    runner: CommissioningRunner | None = None

    async def start(self) -> CommissioningRunner:
        """(Re)open the laptop's side: database, sync engine, runner (as the app does at start-up)."""
        self.store = await Store.open(self.db)
        self.engine = SyncEngine(
            self.store, self.client, endpoint=ENDPOINT, user=DEMO_USERNAME, probe_delays=(0.01,)
        )
        self.engine.request_sync()  # as OfflineWork does at start: what was left over is tried once
        self.runner = CommissioningRunner(self.engine, SITE)
        return self.runner

    async def stop(self) -> None:
        """Like quitting (or a crash after the last commit): everything in memory is gone."""
        if self.runner is not None:
            await self.runner.aclose()
        if self.engine is not None:
            await self.engine.aclose()
        if self.store is not None:
            await self.store.close()
        self.runner = self.engine = self.store = None

    def unpack(self, count: int) -> list[VirtualLogger]:
        """Loggers out of the box, serials read from their labels (they have not joined yet)."""
        kinds = (LoggerKind.QSR_TEMPERATURE, LoggerKind.QSR_TEMPERATURE_HUMIDITY)
        fresh = [self.sim.create_logger(kinds[i % 2]) for i in range(count)]
        self.loggers.extend(fresh)
        return fresh

    def hotspot_procedure(self, loggers: list[VirtualLogger]) -> None:
        """Button 3 s, the configuration page saved with the connect key: each joins after its delay."""
        for logger in loggers:
            self.sim.press_button(logger.id, 3.0)
            outcome = self.sim.submit_configuration(logger.id, self.connect_key, *WIFI)
            assert outcome.ok, outcome.message

    def plan_rows(self, loggers: list[VirtualLogger]) -> list[PlanRow]:
        rows = []
        for index, logger in enumerate(loggers):
            preset, measuring, communication = PRESET_CYCLE[index % len(PRESET_CYCLE)]
            rows.append(
                PlanRow(
                    serial=logger.serial_number,
                    object=f"Fridge {index + 1}",
                    preset=preset,
                    logger_name=f"Logger fridge {index + 1}",
                    measuring_cycle=measuring,
                    communication_cycle=communication,
                )
            )
        return rows

    async def save_plan(self, rows: list[PlanRow]) -> None:
        assert self.store is not None
        await PlanStore(self.store, ENDPOINT).save_rows(SITE, rows)

    async def listing(self) -> list[Device]:
        return await self.client.list_devices(SITE)

    async def poll(self) -> Board:
        """One watcher tick: the listing goes to the runner, then the outbox is sent."""
        assert self.runner is not None and self.engine is not None
        await self.runner.apply_listed(await self.listing())
        await self.engine.wait_until_idle()
        return await self.runner.board()


async def _no_wait(_seconds: float) -> None:
    """The client's retry back-off, not waited: the tests and the benchmark count requests, not seconds."""


async def new_world(profile: str, db: Path, *, join_delay: float = 8.0, **sim_options: object) -> World:
    from saveris_desktop.simulator import ManualClock

    sim = Simulator(seed=11, join_delay=join_delay, clock=ManualClock(), profile=profile, **sim_options)  # type: ignore[arg-type]
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:9", "simulator"),
        transport=sim.transport(),
        retry=RetryPolicy(sleep=_no_wait, jitter_source=lambda: 0.0),
    )
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    key = await client.create_connect_key(SITE)
    return World(sim, client, db, connect_key=key.connect_key)
