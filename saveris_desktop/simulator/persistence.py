"""The world as a JSON-able snapshot for the state file (`--state`), and back; accounts are never in it.

The caller holds `World.lock`; reading and writing the file is the facade's (Simulator.load_state,
save_state), outside the lock.
"""

from __future__ import annotations

import copy
import random
from dataclasses import asdict
from typing import Any

from .loggers import VirtualLogger
from .world import DOCUMENT_TABLES, Site, World

STATE_FORMAT = 1


def snapshot(world: World) -> dict[str, Any]:
    now = world.clock.now()
    return copy.deepcopy(
        {
            "format": STATE_FORMAT,
            "rng": _rng_state(world.rng),
            "next_logger": world.next_logger,
            "sites": [asdict(site) for site in world.sites.values()],
            **{name: getattr(world, name) for name in DOCUMENT_TABLES},
            "loggers": [logger.persisted(now) for logger in world.loggers.values()],
        }
    )


def restore(world: World, data: Any) -> None:
    """Take over a snapshot's data. A damaged one raises ValueError and leaves the world as it was."""
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ValueError(f"unsupported simulator state format {found!r}")
    now = world.clock.now()
    try:
        rng = random.Random()
        rng.setstate(_rng_from_json(data["rng"]))
        next_logger = int(data["next_logger"])
        sites = [Site(**raw) for raw in data["sites"]]
        documents = {name: data[name] for name in DOCUMENT_TABLES}
        if not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in documents.values()
        ):
            raise TypeError("a document table is not an object of objects")
        loggers = [VirtualLogger.restore(raw, now) for raw in data["loggers"]]
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ValueError(f"damaged simulator state: {exc!r}") from exc
    world.replace_data(rng=rng, next_logger=next_logger, sites=sites, documents=documents, loggers=loggers)


def _rng_state(rng: random.Random) -> list[Any]:
    version, internal, gauss = rng.getstate()
    return [version, list(internal), gauss]


def _rng_from_json(data: list[Any]) -> tuple[Any, ...]:
    version, internal, gauss = data
    return (version, tuple(internal), gauss)
