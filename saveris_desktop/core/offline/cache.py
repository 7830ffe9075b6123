"""Last-known server state, so the app starts and the editors open without a network.

Rows are keyed like drafts (endpoint label, site, kind, object id) and carry `fetched_at`, so the UI
can say how old what it shows is. Sites are cached with kind "site" under site "" (they are not
inside a site). A device list refresh replaces the site's device rows at once, so a device removed
in the cloud does not linger offline.

Only versions within core.offline.json_limits are kept: a server answer nested thousands of levels deep or
holding NaN would break every editor and merge that reads it back. Such an answer is not cached,
and an older version of that object is dropped with it (it is no longer what the cloud has).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from saveris_desktop.core.offline.json_limits import UnsafeJsonError, check_json
from saveris_desktop.core.offline.resources import SITE_KIND
from saveris_desktop.core.offline.store import Store, from_json, timestamp, to_json, utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cached:
    kind: str
    object_id: str
    payload: Any
    fetched_at: str

    @property
    def fetched(self) -> datetime:
        return datetime.fromisoformat(self.fetched_at)

    def age(self, now: datetime | None = None) -> timedelta:
        return (now or utc_now()) - self.fetched


def describe_age(age: timedelta) -> str:
    """Plain words for the status bar and editor headers ("5 min ago")."""
    seconds = max(0, int(age.total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    days = seconds // 86400
    return "1 day ago" if days == 1 else f"{days} days ago"


def _row(row: sqlite3.Row) -> Cached:
    return Cached(row["kind"], row["object_id"], from_json(row["payload"]), row["fetched_at"])


def _usable(kind: str, object_id: str, payload: Any) -> bool:
    try:
        check_json(payload)
    except UnsafeJsonError as error:
        log.warning("the cloud's version of %s %s is not cached: %s", kind, object_id, error.reason)
        return False
    return True


def put_in(
    connection: sqlite3.Connection, endpoint: str, site: str, kind: str, object_id: str, payload: Any
) -> None:
    """Cache a server version inside the caller's transaction (the sync engine pairs it with "done")."""
    if not _usable(kind, object_id, payload):
        connection.execute(
            "DELETE FROM cache WHERE endpoint = ? AND site = ? AND kind = ? AND object_id = ?",
            (endpoint, site, kind, object_id),
        )
        return
    connection.execute(
        "INSERT OR REPLACE INTO cache (endpoint, site, kind, object_id, payload, fetched_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (endpoint, site, kind, object_id, to_json(payload), timestamp()),
    )


class Cache:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def put(self, endpoint: str, site: str, kind: str, object_id: str, payload: Any) -> None:
        await self._store.write(
            lambda connection: put_in(connection, endpoint, site, kind, object_id, payload)
        )

    async def replace_all(self, endpoint: str, site: str, kind: str, items: Mapping[str, Any]) -> None:
        """The complete current list of `kind` in `site` (e.g. after GET /devices): older rows go."""
        stamp = timestamp()

        def work(connection: sqlite3.Connection) -> None:
            connection.execute(
                "DELETE FROM cache WHERE endpoint = ? AND site = ? AND kind = ?", (endpoint, site, kind)
            )
            connection.executemany(
                "INSERT INTO cache (endpoint, site, kind, object_id, payload, fetched_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (endpoint, site, kind, object_id, to_json(value), stamp)
                    for object_id, value in items.items()
                    if _usable(kind, object_id, value)
                ],
            )

        await self._store.write(work)

    async def get(self, endpoint: str, site: str, kind: str, object_id: str) -> Cached | None:
        def work(connection: sqlite3.Connection) -> Cached | None:
            row = connection.execute(
                "SELECT * FROM cache WHERE endpoint = ? AND site = ? AND kind = ? AND object_id = ?",
                (endpoint, site, kind, object_id),
            ).fetchone()
            return None if row is None else _row(row)

        return await self._store.read(work)

    async def find(self, endpoint: str, site: str, kind: str) -> list[Cached]:
        def work(connection: sqlite3.Connection) -> list[Cached]:
            rows = connection.execute(
                "SELECT * FROM cache WHERE endpoint = ? AND site = ? AND kind = ? ORDER BY object_id",
                (endpoint, site, kind),
            ).fetchall()
            return [_row(row) for row in rows]

        return await self._store.read(work)

    async def remember_site(self, endpoint: str, site: str, details: Any = None) -> None:
        await self.put(endpoint, "", SITE_KIND, site, details if details is not None else {"site": site})

    async def sites(self, endpoint: str) -> list[Cached]:
        """Sites used on this laptop with this endpoint, most recently refreshed first."""
        return sorted(await self.find(endpoint, "", SITE_KIND), key=lambda c: c.fetched_at, reverse=True)
