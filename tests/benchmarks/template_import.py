"""Importing many templates that share one name (a hostile or careless exchange file).

Each template of the file is a different alarm preset named "Fridge": the first keeps the name,
every other one is imported as "Fridge (imported N)". The figure is the import of 3,000 against
the import of 300 in the same run: linear work gives about 10×, the quadratic importer this
replaces took about 100× (25 s for 3,000).

Run: `python -m tests.benchmarks template_import`.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from saveris_desktop.core.offline.exchange import FORMAT_NAME, FORMAT_VERSION, Exchange
from saveris_desktop.core.offline.store import Store

SMALL = 300
LARGE = 3_000


def same_name_document(count: int) -> dict[str, Any]:
    """An exchange file with `count` different alarm presets, all named "Fridge"."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": "2026-01-01T00:00:00+00:00",
        "app_version": "bench",
        "drafts": [],
        "templates": [
            {
                "kind": "alarm_preset",
                "name": "Fridge",
                "payload": {
                    "physical_value_id": "PV_TEMPERATURE",
                    "condition_sets": [{"measurementAlarmConditions": [{"limitValue": float(index)}]}],
                },
            }
            for index in range(count)
        ],
    }


async def _import_seconds(count: int, folder: Path) -> float:
    path = folder / f"templates-{count}.json"
    path.write_text(json.dumps(same_name_document(count)), encoding="utf-8")
    store = await Store.open(folder / f"bench-{count}.sqlite3")
    try:
        started = time.perf_counter()
        report = await Exchange(store).import_file(path)
        elapsed = time.perf_counter() - started
    finally:
        await store.close()
    assert len(report.templates_imported) + len(report.templates_renamed) == count
    return elapsed


def run() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        small = asyncio.run(_import_seconds(SMALL, Path(folder)))
        large = asyncio.run(_import_seconds(LARGE, Path(folder)))
    yield f"import of {SMALL:,} templates with one name: {small * 1000:.0f} ms (baseline)"
    yield (
        f"import of {LARGE:,} templates with one name: {large * 1000:.0f} ms = {large / small:.1f}× the "
        f"baseline for {LARGE // SMALL}× the templates (linear: about {LARGE // SMALL}×; quadratic: "
        f"about {(LARGE // SMALL) ** 2}×)"
    )
