"""Child process for the SIGKILL test: saves drafts in a loop and prints each number once committed.

Run as `python -m tests.core.offline.draft_writer <database path>`; the parent kills it mid-loop.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from saveris_desktop.core.offline.drafts import DraftKey, DraftStore
from saveris_desktop.core.offline.store import Store


def draft_key(number: int) -> DraftKey:
    return DraftKey("Europe, production", "Kitchen", "device", f"device-{number % 7}")


def draft_body(number: int) -> dict[str, object]:
    return {"name": f"Fridge {number}", "measuring_cycle": 60000 + number, "note": "x" * 500}


async def main(path: Path) -> None:
    store = await Store.open(path)
    drafts = DraftStore(store)
    number = 0
    while True:
        await drafts.save(draft_key(number), draft_body(number), base={"name": "Fridge"})
        # only printed after save() returned, i.e. after COMMIT
        print(number, flush=True)
        number += 1


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
