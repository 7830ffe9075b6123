"""A REAL crash between send and acknowledgement: the change reaches the cloud, the sending process is
killed before it hears back, and the next sync confirms it on the server instead of sending it again."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.offline.outbox import Outbox, OutboxState
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import Outcome, SyncEngine
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, Simulator
from saveris_desktop.simulator.server import serve_in_thread
from tests.virtual_loggers import set_up_logger

ROOT = Path(__file__).resolve().parents[3]
SITE = "Cold store"
LABEL = "loopback simulator"


class CountingClient:
    """The real client, counting the PUTs it sends."""

    def __init__(self, client: DeviceManagementClient) -> None:
        self._client = client
        self.puts = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    async def put_device(self, site: str, device: Any) -> Any:
        self.puts += 1
        return await self._client.put_device(site, device)


@pytest.fixture
def served() -> Iterator[tuple[Simulator, str]]:
    sim = Simulator(seed=21, join_delay=0.0)
    with serve_in_thread(sim) as url:
        yield sim, url
        sim.clear_faults()


def _state(database: Path) -> str | None:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        row = connection.execute("SELECT state FROM outbox ORDER BY id LIMIT 1").fetchone()
    return None if row is None else str(row[0])


async def test_killed_after_the_server_applied_a_put_is_never_sent_twice(
    served: tuple[Simulator, str], tmp_path: Path
) -> None:
    sim, url = served
    client = DeviceManagementClient(Endpoint.custom(url, LABEL))
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    key = await client.create_connect_key(SITE)
    set_up_logger(sim, LoggerKind.QSR_TEMPERATURE, key.connect_key, "Store", "wifi-secret", wait_s=None)
    [device] = await client.list_devices(SITE)
    base = device.to_payload()
    database = tmp_path / "db.sqlite3"
    store = await Store.open(database)
    await Outbox(store).enqueue(LABEL, SITE, "device", device.uuid, {**base, "name": "Blast chiller"}, base)
    await store.close()

    # The PUT is carried out, then its answer hangs: the sender waits, and is killed meanwhile.
    sim.add_fault("timeout", route="put_device", after=True, hang=2.0, count=1)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.core.offline.outbox_sender", str(database), url, LABEL],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            applied = (await client.get_device(SITE, device.uuid)).name == "Blast chiller"
            if applied and _state(database) == "sending":
                break
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            time.sleep(0.02)
        else:
            pytest.fail("the sender did not get its PUT to the server in time")
    finally:
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        child.wait(timeout=10)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == (-signal.SIGKILL if sys.platform != "win32" else 1)

    counting = CountingClient(client)
    store = await Store.open(database)
    try:
        engine = SyncEngine(store, counting, endpoint=LABEL, user=DEMO_USERNAME)
        [result] = await engine.sync_now()
        assert result.outcome is Outcome.ALREADY_APPLIED
        assert counting.puts == 0  # checked the server, did not send again
        [item] = await engine.outbox.items(states=tuple(OutboxState))
        assert item.state is OutboxState.DONE
        [entry] = await engine.audit.entries()
        assert entry.result == "ok" and "not sent again" in (entry.message or "")
        assert entry.after["name"] == "Blast chiller"
        await engine.aclose()
    finally:
        await store.close()
        await client.aclose()
