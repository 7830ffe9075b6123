"""The outbox: changes applied while offline (or queued on purpose), kept in order until the cloud has them.

An item is (endpoint, site, kind, object id, payload, base). States:
- pending:  waiting to be sent;
- sending:  committed just BEFORE the request goes out. If the app dies before the answer is
            recorded, the item stays "sending" = maybe sent; the sync engine then checks the server
            first and never blindly sends it again;
- done:     the server has it (sent, or found already there);
- conflict: the server changed the same field; waits for the technician's choice;
- failed:   the server refused it (reason in `message`); waits for retry or discard.
- attention: it cannot be sent as it is (a value nested too deep, NaN ...: see core.offline.json_limits),
            or the cloud's version of its object cannot be used; the reason is in `message`. It
            waits for the technician (discard, or retry once the cloud's version is fixed) and,
            like a refused change, holds back later changes to the same object, nothing else.

A new change to an object that still has a pending item replaces that item's payload (keeping the
older base and its place in the queue): the server only needs the latest version, and the
three-way merge still sees where editing started. A change without a base names only the fields it
sets, so it is laid over the queued payload instead of replacing it.

Objects that do not exist yet (a measuring object planned offline) are addressed by a placeholder
id `local:...`; when the creation succeeds, `bind_placeholders` rewrites later items to the real ids.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.merge import Conflict
from saveris_desktop.core.offline.store import Store, from_json, timestamp, to_json, utc_now

# `# pragma: no mutate` marks lines that hold only SQL text (mutation testing, see README): what
# mutmut makes of them is a change of letter case, which SQLite ignores, or a garbled query, which
# every test running it notices. The queries' parameters and the code around them are mutated.

PLACEHOLDER_PREFIX = "local:"

#: how long a sent change stays in the outbox after it was done (`Outbox.prune_sent`)
SENT_KEPT_FOR = timedelta(days=30)


_CREATION_KIND = DraftKind.MEASURING_OBJECT.value
#: plans that find their objects' uuids through the creations they queued
_PLAN_KINDS = (DraftKind.SITE_PLAN.value, DraftKind.COMMISSIONING_PLAN.value)


def new_placeholder() -> str:
    return PLACEHOLDER_PREFIX + uuid.uuid4().hex


# Both walk with an explicit stack: they run over EVERY open item (the sync's waiting check, the
# binding after a creation), so one item nested too deep for recursion must not break them for all.


def contains_placeholder(value: Any) -> bool:
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, str) and current.startswith(PLACEHOLDER_PREFIX):
            return True
        if isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return False


def replace_placeholders(value: Any, mapping: Mapping[str, str]) -> Any:
    """A copy of `value` with every text found in `mapping` replaced."""

    def rebuilt(current: Any) -> Any:
        if isinstance(current, str):
            return mapping.get(current, current)
        if isinstance(current, dict):
            duplicate: dict[str, Any] = {}
            pending.append((current, duplicate))
            return duplicate
        if isinstance(current, list):
            items: list[Any] = []
            pending.append((current, items))
            return items
        return current

    pending: list[tuple[Any, Any]] = []
    result = rebuilt(value)
    while pending:
        original, duplicate = pending.pop()
        if isinstance(original, dict):
            for key, child in original.items():
                duplicate[key] = rebuilt(child)
        else:
            duplicate.extend(rebuilt(child) for child in original)
    return result


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    DONE = "done"
    CONFLICT = "conflict"
    FAILED = "failed"
    ATTENTION = "attention"


OPEN_STATES = (
    OutboxState.PENDING,
    OutboxState.SENDING,
    OutboxState.CONFLICT,
    OutboxState.FAILED,
    OutboxState.ATTENTION,
)
#: states that wait for the technician and hold back later changes to the same object
STOPPED_STATES = (OutboxState.CONFLICT, OutboxState.FAILED, OutboxState.ATTENTION)


@dataclass(frozen=True)
class OutboxItem:
    id: int
    endpoint: str
    site: str
    kind: str
    object_id: str
    payload: Any
    base: Any
    state: OutboxState
    created_at: str
    updated_at: str
    attempts: int = 0
    message: str | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    server: Any = None  # the server version the conflicts were found against
    result_id: str | None = None  # e.g. the uuid of a created measuring object
    audit_id: int | None = None

    @property
    def target(self) -> tuple[str, str, str, str]:
        return (self.endpoint, self.site, self.kind, self.object_id)


def _row(row: sqlite3.Row) -> OutboxItem:
    conflict = from_json(row["conflict"]) or {}
    return OutboxItem(
        id=row["id"],
        endpoint=row["endpoint"],
        site=row["site"],
        kind=row["kind"],
        object_id=row["object_id"],
        payload=from_json(row["payload"]),
        base=from_json(row["base"]),
        state=OutboxState(row["state"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        attempts=row["attempts"],
        message=row["message"],
        conflicts=[Conflict.from_json(c) for c in conflict.get("conflicts", [])],
        server=conflict.get("server"),
        result_id=row["result_id"],
        audit_id=row["audit_id"],
    )


def _json(value: Any) -> str | None:
    return None if value is None else to_json(value)


def fetch_item(connection: sqlite3.Connection, item_id: int) -> OutboxItem:
    row = connection.execute(
        "SELECT * FROM outbox WHERE id = ?",  # pragma: no mutate
        (item_id,),
    ).fetchone()
    if row is None:
        raise KeyError(f"outbox item {item_id} does not exist")
    return _row(row)


def set_state(
    connection: sqlite3.Connection,
    item_id: int,
    state: OutboxState,
    *,
    message: str | None = None,
    count_attempt: bool = False,
    result_id: str | None = None,
    audit_id: int | None = None,
    conflicts: Iterable[Conflict] | None = None,
    server: Any = None,
) -> None:
    """Change an item's state inside the caller's transaction (the sync engine pairs it with audit rows)."""
    conflict_json = None
    if conflicts is not None:
        conflict_json = to_json({"conflicts": [c.to_json() for c in conflicts], "server": server})
    connection.execute(
        "UPDATE outbox SET state = ?, message = ?, attempts = attempts + ?, "  # pragma: no mutate
        "updated_at = ?, result_id = COALESCE(?, result_id), "  # pragma: no mutate
        "audit_id = COALESCE(?, audit_id), conflict = ? WHERE id = ?",  # pragma: no mutate
        (
            state.value,
            message,
            1 if count_attempt else 0,
            timestamp(),
            result_id,
            audit_id,
            conflict_json,
            item_id,
        ),
    )


class Outbox:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def enqueue(
        self, endpoint: str, site: str, kind: str, object_id: str, payload: Any, base: Any = None
    ) -> OutboxItem:
        return await self._store.write(
            lambda connection: enqueue_in(connection, endpoint, site, kind, object_id, payload, base)
        )

    async def get(self, item_id: int) -> OutboxItem:
        return await self._store.read(lambda connection: fetch_item(connection, item_id))

    async def items(
        self,
        *,
        endpoint: str | None = None,
        states: Iterable[OutboxState] = OPEN_STATES,
        site: str | None = None,
    ) -> list[OutboxItem]:
        """Items in queue order (oldest first)."""
        wanted = [state.value for state in states]
        clauses = [f"state IN ({', '.join('?' for _ in wanted)})"]
        values: list[Any] = list(wanted)
        if endpoint is not None:
            clauses.append("endpoint = ?")  # pragma: no mutate
            values.append(endpoint)
        if site is not None:
            clauses.append("site = ?")  # pragma: no mutate
            values.append(site)

        def work(connection: sqlite3.Connection) -> list[OutboxItem]:
            rows = connection.execute(
                f"SELECT * FROM outbox WHERE {' AND '.join(clauses)} ORDER BY id",  # noqa: S608  # pragma: no mutate
                values,
            ).fetchall()
            return [_row(row) for row in rows]

        return await self._store.read(work)

    async def count_open(self, endpoint: str | None = None) -> int:
        """The status bar's "n changes waiting": everything not yet on the server."""
        return len(await self.items(endpoint=endpoint))

    async def resolve(self, item_id: int, payload: Any, base: Any) -> OutboxItem:
        """The technician chose per field: send `payload`, merged against `base` (the server version seen)."""

        def work(connection: sqlite3.Connection) -> OutboxItem:
            connection.execute(
                "UPDATE outbox SET payload = ?, base = ?, state = ?, message = NULL, "  # pragma: no mutate
                "conflict = NULL, updated_at = ? WHERE id = ?",  # pragma: no mutate
                (to_json(payload), _json(base), OutboxState.PENDING.value, timestamp(), item_id),
            )
            return fetch_item(connection, item_id)

        return await self._store.write(work)

    async def retry(self, item_id: int) -> OutboxItem:
        def work(connection: sqlite3.Connection) -> OutboxItem:
            item = fetch_item(connection, item_id)
            if item.state in (OutboxState.FAILED, OutboxState.ATTENTION):
                set_state(connection, item_id, OutboxState.PENDING, message=None)
            return fetch_item(connection, item_id)

        return await self._store.write(work)

    async def prune_sent(self, *, older_than: timedelta = SENT_KEPT_FOR, now: datetime | None = None) -> int:
        """Delete items done longer than `older_than` ago (the audit log keeps their history).

        A creation a site plan or a commissioning plan still names is kept: the plan reads its
        object's uuid from it, and without it would show the object as not created (a site plan
        would queue it again). Returns how many went.
        """
        cutoff = timestamp((now or utc_now()) - older_than)

        def work(connection: sqlite3.Connection) -> int:
            cursor = connection.execute(
                "DELETE FROM outbox WHERE state = ? AND updated_at < ? "  # pragma: no mutate
                "AND NOT (kind = ? AND EXISTS (SELECT 1 FROM drafts "  # pragma: no mutate
                "WHERE drafts.endpoint = outbox.endpoint AND drafts.site = outbox.site "  # pragma: no mutate
                "AND drafts.kind IN (?, ?)))",  # pragma: no mutate
                (OutboxState.DONE.value, cutoff, _CREATION_KIND, *_PLAN_KINDS),
            )
            return cursor.rowcount

        return await self._store.write(work)

    async def discard(self, item_id: int) -> bool:
        """Drop a change the technician no longer wants sent (its draft, if any, stays).

        False for an item that is "sending": it may be on its way or already arrived, which a
        discard cannot take back, and its audit entry still awaits the verdict; the sync settles it.
        """

        def work(connection: sqlite3.Connection) -> bool:
            item = fetch_item(connection, item_id)
            if item.state in (OutboxState.DONE, OutboxState.SENDING):
                return False
            connection.execute(
                "DELETE FROM outbox WHERE id = ?",  # pragma: no mutate
                (item_id,),
            )
            if item.object_id.startswith(PLACEHOLDER_PREFIX):
                # the settings queued for an object that will now never be created go with it
                connection.execute(
                    "DELETE FROM outbox "  # pragma: no mutate
                    "WHERE endpoint = ? AND object_id = ? AND state != ?",  # pragma: no mutate
                    (item.endpoint, item.object_id, OutboxState.DONE.value),
                )
            return True

        return await self._store.write(work)


def bind_placeholders(connection: sqlite3.Connection, endpoint: str, mapping: Mapping[str, str]) -> None:
    """Rewrite placeholder ids in every open item of `endpoint` (inside the caller's transaction)."""
    marks = ", ".join("?" for _ in OPEN_STATES)
    rows = connection.execute(
        f"SELECT id, object_id, payload FROM outbox WHERE endpoint = ? AND state IN ({marks})",  # noqa: S608
        (endpoint, *[state.value for state in OPEN_STATES]),
    ).fetchall()
    # a placeholder appears in a row's text exactly as `to_json` writes it: rows without one are
    # left untouched (and unparsed)
    written = [to_json(placeholder)[1:-1] for placeholder in mapping]
    for row in rows:
        if row["object_id"] not in mapping and not any(text in row["payload"] for text in written):
            continue
        object_id = mapping.get(row["object_id"], row["object_id"])
        payload = replace_placeholders(from_json(row["payload"]), mapping)
        connection.execute(
            "UPDATE outbox SET object_id = ?, payload = ? WHERE id = ?",  # pragma: no mutate
            (object_id, to_json(payload), row["id"]),
        )


def enqueue_in(
    connection: sqlite3.Connection,
    endpoint: str,
    site: str,
    kind: str,
    object_id: str,
    payload: Any,
    base: Any,
) -> OutboxItem:
    """Queue a change inside the caller's transaction (so several changes can be queued atomically)."""
    stamp = timestamp()
    waiting = connection.execute(
        "SELECT id, payload FROM outbox "  # pragma: no mutate
        "WHERE endpoint = ? AND site = ? AND kind = ? AND object_id = ? "  # pragma: no mutate
        "AND state = ? ORDER BY id DESC LIMIT 1",  # pragma: no mutate
        (endpoint, site, kind, object_id, OutboxState.PENDING.value),
    ).fetchone()
    if waiting is not None:
        queued = from_json(waiting["payload"])
        if base is None and isinstance(queued, dict) and isinstance(payload, dict):
            # without a base a payload names only the fields it sets: the ones queued before stay
            payload = {**queued, **payload}
        connection.execute(
            "UPDATE outbox SET payload = ?, updated_at = ? WHERE id = ?",  # pragma: no mutate
            (to_json(payload), stamp, waiting["id"]),
        )
        return fetch_item(connection, waiting["id"])
    if base is not None:
        base = _base_behind_sending(connection, endpoint, site, kind, object_id, base)
    cursor = connection.execute(
        "INSERT INTO outbox (endpoint, site, kind, object_id, payload, base, state, "  # pragma: no mutate
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",  # pragma: no mutate
        (
            endpoint,
            site,
            kind,
            object_id,
            to_json(payload),
            _json(base),
            OutboxState.PENDING.value,
            stamp,
            stamp,
        ),
    )
    return fetch_item(connection, int(cursor.lastrowid or 0))


def _base_behind_sending(
    connection: sqlite3.Connection, endpoint: str, site: str, kind: str, object_id: str, base: Any
) -> Any:
    """The base of a change queued while an earlier change of the same object is on its way.

    The edit started from the server version *before* the change in flight; once that change has
    arrived, the technician's own earlier values would look like a colleague's and the two edits
    would conflict with each other. Queued behind it (the queue is ordered, and a later change of an
    object waits while an earlier one is not done), the edit starts from what is being sent.
    """
    sending = connection.execute(
        "SELECT payload FROM outbox "  # pragma: no mutate
        "WHERE endpoint = ? AND site = ? AND kind = ? AND object_id = ? "  # pragma: no mutate
        "AND state = ? ORDER BY id DESC LIMIT 1",  # pragma: no mutate
        (endpoint, site, kind, object_id, OutboxState.SENDING.value),
    ).fetchone()
    if sending is None:
        return base
    in_flight = from_json(sending["payload"])
    return in_flight if isinstance(in_flight, dict) and isinstance(base, dict) else base
