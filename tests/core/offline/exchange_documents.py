"""A valid exchange file (core/offline/exchange.py, version 1) for tests to change one part of."""

from __future__ import annotations

from typing import Any

from saveris_desktop.core.offline.exchange import FORMAT_NAME


def exchange_document(**changes: Any) -> dict[str, Any]:
    """One draft of a device, no templates; `changes` replace top-level keys."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": 1,
        "exported_at": "2026-01-01T00:00:00+00:00",
        "app_version": "1",
        "drafts": [
            {
                "endpoint": "Europe, production",
                "site": "New",
                "kind": "device",
                "object_id": "dev-9",
                "base": None,
                "mine": {"name": "new"},
                "updated_at": "2026-01-01T00:00:00+00:00",
            }
        ],
        "templates": [],
    }
    document.update(changes)
    return document
