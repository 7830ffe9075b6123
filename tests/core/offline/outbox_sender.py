"""Child process for the crash test: sends the outbox of a database to a loopback simulator.

Run as `python -m tests.core.offline.outbox_sender <database> <base url> <endpoint label>`; the parent
kills it while a request is on its way, after the server has carried it out.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.core.offline.store import Store
from saveris_desktop.core.offline.sync import SyncEngine
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME


async def main(database: Path, base_url: str, label: str) -> None:
    client = DeviceManagementClient(Endpoint.custom(base_url, label))
    await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    store = await Store.open(database)
    engine = SyncEngine(store, client, endpoint=label, user=DEMO_USERNAME)
    print("sending", flush=True)
    await engine.sync_now()
    print("finished", flush=True)  # never reached: the parent kills us first


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
