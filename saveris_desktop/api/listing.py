"""A site's device listing as read: the devices the app understood, and the ones it could not read.

One device the app cannot read must never hide the others (the waiting page would never find the
logger). `read_items` sets such an element aside as an `UnreadableItem`: the element exactly as the
server sent it, where it failed and why, in words. It is deliberately not a model: it has no
`to_payload()` and cannot be passed to `put_device`, so no editor can open it or send it back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from saveris_desktop.api.models import Device


@dataclass(frozen=True)
class UnreadableItem:
    """One element of a listing that could not be read."""

    position: int  # index in the server's list
    received: Any  # the element exactly as the server sent it (decoded JSON)
    field: str  # where reading failed, inside the element: "sensors_connections[0].slot_index"
    problem: str  # what was wrong, in words: "missing", "input should be a valid integer"

    @property
    def reason(self) -> str:
        return f"{self.field}: {self.problem}"

    @property
    def uuid(self) -> str | None:
        return self._text("uuid")

    @property
    def serial_number(self) -> str | None:
        return self._text("serial_number")

    @property
    def identity(self) -> str:
        """How it is recognised from poll to poll: its uuid, else "serial …"; "" when it cannot be."""
        if self.uuid:
            return self.uuid
        return f"serial {self.serial_number}" if self.serial_number else ""

    @property
    def key(self) -> str:
        """A row key: stable across polls, never a readable device's uuid (so never edited as one)."""
        return f"unreadable:{self.identity or f'#{self.position}'}"

    def as_received(self) -> str:
        """The element pretty-printed, for the technician (and support) to read."""
        return json.dumps(self.received, indent=2, ensure_ascii=False)

    def _text(self, name: str) -> str | None:
        value = self.received.get(name) if isinstance(self.received, dict) else None
        if isinstance(value, bool) or not isinstance(value, str | int):
            return None
        text = str(value).strip()
        return text or None


class DeviceListing(list[Device]):
    """`GET /devices?site=` as read: a list of the readable devices, plus `unreadable`.

    A list, so every caller that only acts on devices it can edit iterates it as before; the
    callers that show the listing (device table, waiting page) also look at `unreadable`.
    """

    def __init__(self, devices: Iterable[Device] = (), unreadable: Iterable[UnreadableItem] = ()) -> None:
        super().__init__(devices)
        self.unreadable: tuple[UnreadableItem, ...] = tuple(unreadable)

    def identities(self) -> list[str]:
        """Every listed device as a baseline of "already there" holds it: the readable ones by uuid,
        the unreadable ones by `UnreadableItem.identity` (core/devices/watcher.py recognises them so)."""
        return [device.uuid for device in self] + [i.identity for i in self.unreadable if i.identity]

    def __repr__(self) -> str:
        return f"DeviceListing({list.__repr__(self)}, unreadable={len(self.unreadable)})"
