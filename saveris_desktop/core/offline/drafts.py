"""Drafts: what the technician typed, saved at once, with the server version it started from.

A draft is keyed by (endpoint label, site, kind, object id). `base` is the server's version of the
object when editing began (None for things that do not exist on the server yet, such as a wizard
or a site plan); `mine` is the edited version. The sync engine three-way merges base / mine /
server, so `base` is written once, by the first save, and only `rebase` replaces it.

Each save is one committed transaction: after `save` returns, a killed process keeps it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from saveris_desktop.core.offline.merge import same_json
from saveris_desktop.core.offline.store import Store, from_json, timestamp, to_json

JsonObject = dict[str, Any]


class DraftKind(StrEnum):
    DEVICE = "device"
    SENSOR = "sensor"
    DEVICE_ALARMS = "device_alarms"
    SENSOR_ALARMS = "sensor_alarms"
    MEASURING_OBJECT = "measuring_object"
    INSTRUCTION_SET = "instruction_set"
    MEASUREMENT_ALARMS = "measurement_alarms"
    GLOBAL_SETTINGS = "global_settings"
    WIZARD = "wizard"
    SITE_PLAN = "site_plan"
    COMMISSIONING_PLAN = "commissioning_plan"


@dataclass(frozen=True)
class DraftKey:
    endpoint: str  # Endpoint.label, e.g. "Europe, production": drafts never leak across regions
    site: str
    kind: str  # a DraftKind value; plain str so newer kinds from an import still load
    object_id: str

    def as_tuple(self) -> tuple[str, str, str, str]:
        return (self.endpoint, self.site, self.kind, self.object_id)


@dataclass(frozen=True)
class Draft:
    key: DraftKey
    base: JsonObject | None
    mine: JsonObject
    updated_at: str

    @property
    def updated(self) -> datetime:
        return datetime.fromisoformat(self.updated_at)

    @property
    def changed(self) -> bool:
        """False when the draft equals what it started from (nothing worth keeping or sending)."""
        return not same_json(self.base, self.mine)


def _row_to_draft(row: sqlite3.Row) -> Draft:
    key = DraftKey(row["endpoint"], row["site"], row["kind"], row["object_id"])
    return Draft(key, from_json(row["base"]), from_json(row["mine"]), row["updated_at"])


_UPSERT = """
INSERT INTO drafts (endpoint, site, kind, object_id, base, mine, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (endpoint, site, kind, object_id) DO UPDATE SET
    mine = excluded.mine,
    updated_at = excluded.updated_at,
    base = COALESCE(drafts.base, excluded.base)
"""


def upsert_draft(connection: sqlite3.Connection, draft: Draft) -> None:
    """Write inside the caller's transaction (used by save and by import)."""
    connection.execute(
        _UPSERT, (*draft.key.as_tuple(), _json_or_none(draft.base), to_json(draft.mine), draft.updated_at)
    )


def _json_or_none(value: JsonObject | None) -> str | None:
    return None if value is None else to_json(value)


_WHERE_KEY = "endpoint = ? AND site = ? AND kind = ? AND object_id = ?"


def draft_in(connection: sqlite3.Connection, key: DraftKey) -> Draft | None:
    """The draft of `key` inside the caller's transaction (None: there is none)."""
    row = connection.execute(f"SELECT * FROM drafts WHERE {_WHERE_KEY}", key.as_tuple()).fetchone()  # noqa: S608
    return None if row is None else _row_to_draft(row)


def replace_in(connection: sqlite3.Connection, draft: Draft) -> None:
    """Both sides of a draft replaced inside the caller's transaction (`upsert_draft` keeps the
    first base; this does not: after a conflict was resolved, or an import's version was chosen)."""
    connection.execute(
        "INSERT OR REPLACE INTO drafts (endpoint, site, kind, object_id, base, mine, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (*draft.key.as_tuple(), _json_or_none(draft.base), to_json(draft.mine), draft.updated_at),
    )


class DraftStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def save(self, key: DraftKey, mine: JsonObject, *, base: JsonObject | None = None) -> Draft:
        """Save `mine`. `base` is only used by the first save of this key; later ones keep the original."""
        stamp = timestamp()

        def work(connection: sqlite3.Connection) -> Draft:
            upsert_draft(connection, Draft(key, base, mine, stamp))
            saved = draft_in(connection, key)
            assert saved is not None  # noqa: S101 (written just above, in this transaction)
            return saved

        return await self._store.write(work)

    async def rebase(self, key: DraftKey, base: JsonObject | None, mine: JsonObject) -> Draft:
        """Replace both sides, e.g. after a conflict was resolved against a newer server version."""
        stamp = timestamp()

        def work(connection: sqlite3.Connection) -> Draft:
            draft = Draft(key, base, mine, stamp)
            replace_in(connection, draft)
            return draft

        return await self._store.write(work)

    async def get(self, key: DraftKey) -> Draft | None:
        return await self._store.read(lambda connection: draft_in(connection, key))

    async def find(
        self, *, endpoint: str | None = None, site: str | None = None, kind: str | None = None
    ) -> list[Draft]:
        """Drafts matching every filter given, most recently edited first."""
        clauses, values = _filters(endpoint=endpoint, site=site, kind=kind)

        def work(connection: sqlite3.Connection) -> list[Draft]:
            rows = connection.execute(
                f"SELECT * FROM drafts {clauses} ORDER BY updated_at DESC, kind, object_id",  # noqa: S608
                values,
            ).fetchall()
            return [_row_to_draft(row) for row in rows]

        return await self._store.read(work)

    async def delete(self, key: DraftKey) -> bool:
        def work(connection: sqlite3.Connection) -> bool:
            cursor = connection.execute(f"DELETE FROM drafts WHERE {_WHERE_KEY}", key.as_tuple())  # noqa: S608
            return cursor.rowcount > 0

        return await self._store.write(work)


def _filters(**filters: str | None) -> tuple[str, tuple[str, ...]]:
    """WHERE clause over trusted column names (the keyword names) with bound values."""
    used = {column: value for column, value in filters.items() if value is not None}
    if not used:
        return "", ()
    return "WHERE " + " AND ".join(f"{column} = ?" for column in used), tuple(used.values())
