"""Audit log: every change sent to the cloud, recorded locally, listable and exportable as CSV.

An entry is written in the same transaction that marks an outbox item as being sent (result
"sending"), and updated when the server's verdict is known. So even a crash between send and
acknowledgement leaves a trace, and the next sync completes it. Entries hold user name, region,
site, object, before and after as JSON: never a token or a password.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from saveris_desktop.core.offline.store import Store, from_json, timestamp, to_json
from saveris_desktop.core.runtime.files import write_text_atomically


class AuditResult(StrEnum):
    SENDING = "sending"  # sent, verdict not yet known (or the app stopped before it was)
    OK = "ok"
    ALREADY_APPLIED = "already applied"  # found on the server when checked, so not sent (again)
    FAILED = "failed"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    user: str
    endpoint: str
    site: str
    kind: str
    object_id: str
    before: Any
    after: Any
    result: str
    message: str | None


CSV_COLUMNS = ("when", "user", "region", "site", "kind", "object", "before", "after", "result", "message")


def insert_entry(
    connection: sqlite3.Connection,
    *,
    user: str,
    endpoint: str,
    site: str,
    kind: str,
    object_id: str,
    before: Any,
    after: Any,
    result: AuditResult,
    message: str | None = None,
) -> int:
    """Insert inside the caller's transaction; returns the entry id."""
    cursor = connection.execute(
        "INSERT INTO audit (at, user, endpoint, site, kind, object_id, before, after, result, message) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            timestamp(),
            user,
            endpoint,
            site,
            kind,
            object_id,
            None if before is None else to_json(before),
            None if after is None else to_json(after),
            result.value,
            message,
        ),
    )
    return int(cursor.lastrowid or 0)


def update_entry(
    connection: sqlite3.Connection,
    entry_id: int,
    result: AuditResult,
    *,
    message: str | None = None,
    object_id: str | None = None,
    after: Any = None,
) -> None:
    """Record the verdict (and, for a creation, the new object's id and what the server made of it)."""
    connection.execute(
        "UPDATE audit SET result = ?, message = ?, object_id = COALESCE(?, object_id), "
        "after = COALESCE(?, after) WHERE id = ?",
        (result.value, message, object_id, None if after is None else to_json(after), entry_id),
    )


def _row(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        id=row["id"],
        at=row["at"],
        user=row["user"],
        endpoint=row["endpoint"],
        site=row["site"],
        kind=row["kind"],
        object_id=row["object_id"],
        before=from_json(row["before"]),
        after=from_json(row["after"]),
        result=row["result"],
        message=row["message"],
    )


class AuditLog:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def record(
        self,
        *,
        user: str,
        endpoint: str,
        site: str,
        kind: str,
        object_id: str,
        before: Any,
        after: Any,
        result: AuditResult,
        message: str | None = None,
    ) -> int:
        """For changes sent outside the outbox (e.g. an editor's direct Apply while online)."""
        return await self._store.write(
            lambda connection: insert_entry(
                connection,
                user=user,
                endpoint=endpoint,
                site=site,
                kind=kind,
                object_id=object_id,
                before=before,
                after=after,
                result=result,
                message=message,
            )
        )

    async def complete(
        self,
        entry_id: int,
        result: AuditResult,
        *,
        message: str | None = None,
        after: Any = None,
        object_id: str | None = None,
    ) -> None:
        """The verdict for an entry recorded as "sending" (and the id the cloud gave a new object)."""
        await self._store.write(
            lambda connection: update_entry(
                connection, entry_id, result, message=message, after=after, object_id=object_id
            )
        )

    async def forget(self, entry_id: int) -> None:
        """Drop an entry for a request that provably never left the laptop."""
        await self._store.write(
            lambda connection: connection.execute("DELETE FROM audit WHERE id = ?", (entry_id,))
        )

    async def entries(
        self, *, endpoint: str | None = None, site: str | None = None, limit: int = 1000, offset: int = 0
    ) -> list[AuditEntry]:
        """Newest first."""
        clauses = []
        values: list[Any] = []
        if endpoint is not None:
            clauses.append("endpoint = ?")
            values.append(endpoint)
        if site is not None:
            clauses.append("site = ?")
            values.append(site)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""

        def work(connection: sqlite3.Connection) -> list[AuditEntry]:
            rows = connection.execute(
                f"SELECT * FROM audit {where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",  # noqa: S608
                (*values, limit, offset),
            ).fetchall()
            return [_row(row) for row in rows]

        return await self._store.read(work)

    async def sites(self) -> list[str]:
        """Every site that has entries, for a filter."""

        def work(connection: sqlite3.Connection) -> list[str]:
            return [row[0] for row in connection.execute("SELECT DISTINCT site FROM audit ORDER BY site")]

        return await self._store.read(work)

    async def export_csv(self, path: Path, entries: Sequence[AuditEntry] | None = None) -> int:
        """Write `entries` (default: the whole log) to `path`; returns the number of rows."""
        rows = list(entries) if entries is not None else await self.entries(limit=-1)
        text = entries_to_csv(rows)
        # utf-8-sig: spreadsheet programs on Windows then read umlauts and °C correctly.
        await write_text_atomically(path, text, encoding="utf-8-sig")
        return len(rows)


#: What makes Excel or LibreOffice run a cell as a formula when it comes first (CSV injection),
#: also in the full-width and small forms, which both programs read as the ASCII ones.
_FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b")


def _first_visible(text: str) -> str:
    """The first character that is not blank or invisible (space, NBSP, zero-width space, BOM,
    line feed ...): spreadsheet programs skip those before they look for a formula."""
    for character in text:
        if not character.isspace() and unicodedata.category(character) not in ("Cc", "Cf"):
            return character
    return ""


def spreadsheet_cell(value: object) -> str:
    """`value` as CSV cell text that spreadsheet programs show as text, never run as a formula
    (shared by every CSV the app writes: the audit log, the commissioning report)."""
    text = "" if value is None else str(value)
    if _first_visible(text) in _FORMULA_STARTS or text[:1] in ("\t", "\r"):
        return "'" + text  # a leading apostrophe makes the cell text
    return text


def entries_to_csv(entries: Sequence[AuditEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow(
            [
                spreadsheet_cell(value)
                for value in (
                    entry.at,
                    entry.user,
                    entry.endpoint,
                    entry.site,
                    entry.kind,
                    entry.object_id,
                    "" if entry.before is None else to_json(entry.before),
                    "" if entry.after is None else to_json(entry.after),
                    entry.result,
                    entry.message,
                )
            ]
        )
    return buffer.getvalue()
