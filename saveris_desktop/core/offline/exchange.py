"""Move drafts and templates to another laptop as one JSON file.

The file names its format and version. Import reads and validates the WHOLE file before it writes
anything, then writes in one transaction, so a bad file changes nothing. Refused with the reason:
not JSON, not our format, a newer version, a broken entry (named by its position). Existing
drafts are never overwritten by the import itself: a draft already on this laptop wins, and the
imported one is reported as skipped together with both versions (`SkippedDraft`), so the
technician can compare them field by field and choose: keep this laptop's, or replace it with the
file's (`Exchange.replace_with_file`, which refuses when the local draft changed since).
A template whose name is taken by a different template is imported under a new name.
An imported site plan starts unqueued: what it had queued lives in the other laptop's outbox.
A commissioning plan travels with its rows; what the other laptop applied stays there.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from saveris_desktop import __version__
from saveris_desktop.core.commissioning.plan import CommissioningPlan
from saveris_desktop.core.offline.drafts import (
    Draft,
    DraftKey,
    DraftKind,
    DraftStore,
    draft_in,
    replace_in,
    upsert_draft,
)
from saveris_desktop.core.offline.json_limits import UnsafeJsonError, loads_checked
from saveris_desktop.core.offline.merge import Change, diff, same_json
from saveris_desktop.core.offline.site_plan import SitePlan
from saveris_desktop.core.offline.store import Store, from_json, timestamp, to_json
from saveris_desktop.core.offline.templates import Template, TemplateStore, upsert_template, validate_body
from saveris_desktop.core.runtime.files import read_bytes_limited, write_text_atomically

FORMAT_NAME = "saveris-desktop-exchange"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20_000_000


class ExchangeError(ValueError):
    """The file was refused; `reason` is a sentence for the technician."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftRecord(_Strict):
    endpoint: str = Field(min_length=1)
    site: str
    kind: DraftKind
    object_id: str = Field(min_length=1)
    base: dict[str, Any] | None = None
    mine: dict[str, Any]
    updated_at: str


class TemplateRecord(_Strict):
    kind: str
    name: str = Field(min_length=1)
    payload: dict[str, Any]


class ExchangeFile(_Strict):
    format: Literal["saveris-desktop-exchange"]
    version: Literal[1]
    exported_at: str
    app_version: str
    drafts: list[DraftRecord] = Field(default_factory=list)
    templates: list[TemplateRecord] = Field(default_factory=list)


@dataclass(frozen=True)
class ExportSummary:
    drafts: int
    templates: int
    size_bytes: int


@dataclass(frozen=True)
class SkippedDraft:
    """A draft of the file not imported because this laptop has its own draft of the same object."""

    local: Draft  # this laptop's draft, as it was when the file was imported
    incoming: Draft  # the file's draft, as it would start on this laptop

    @property
    def key(self) -> DraftKey:
        return self.local.key

    def differences(self) -> list[Change]:
        """Field by field, `before` this laptop's value and `after` the file's (empty: the same)."""
        return diff(self.local.mine, self.incoming.mine)


class ReplaceOutcome(StrEnum):
    REPLACED = "replaced"
    #: this laptop's draft was edited (or sent and removed) after the import: compare again first
    CHANGED_SINCE = "changed_since"


@dataclass
class ImportReport:
    drafts_imported: list[DraftKey] = field(default_factory=list)
    drafts_skipped: list[DraftKey] = field(default_factory=list)  # a draft with that key exists here
    skipped: list[SkippedDraft] = field(default_factory=list)  # the same, with both versions
    templates_imported: list[str] = field(default_factory=list)
    templates_renamed: list[tuple[str, str]] = field(default_factory=list)  # (name in file, name here)
    templates_unchanged: list[str] = field(default_factory=list)


def build_document(drafts: list[Draft], templates: list[Template]) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": timestamp(),
        "app_version": __version__,
        "drafts": [
            {
                "endpoint": d.key.endpoint,
                "site": d.key.site,
                "kind": d.key.kind,
                "object_id": d.key.object_id,
                "base": d.base,
                "mine": d.mine,
                "updated_at": d.updated_at,
            }
            for d in drafts
        ],
        "templates": [{"kind": t.kind, "name": t.name, "payload": t.payload} for t in templates],
    }


def parse_document(data: bytes) -> ExchangeFile:
    """Validate everything; raise ExchangeError with the first reason found."""
    try:
        document = loads_checked(data)
    except UnsafeJsonError as error:
        raise ExchangeError(f"The file cannot be imported: {error.reason}.") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ExchangeError("The file is not a Saveris Desktop export (its format is not named as ours).")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExchangeError("The file does not say which format version it uses.")
    if version > FORMAT_VERSION:
        raise ExchangeError(
            f"The file was made by a newer Saveris Desktop (format version {version}); "
            f"this app reads up to version {FORMAT_VERSION}. Update the app to import it."
        )
    try:
        parsed = ExchangeFile.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ExchangeError(f"The file is damaged at '{where}': {first['msg']}.") from error
    keys = [(d.endpoint, d.site, d.kind.value, d.object_id) for d in parsed.drafts]
    if len(set(keys)) != len(keys):
        raise ExchangeError("The file lists the same draft twice.")
    for index, record in enumerate(parsed.drafts):
        if record.kind is DraftKind.SITE_PLAN:
            try:
                plan = SitePlan.model_validate(record.mine)
            except ValidationError as error:
                raise ExchangeError(
                    f"The site plan in drafts.{index} is damaged: {error.errors()[0]['msg']}."
                ) from error
            if not record.site == record.object_id == plan.site:  # how `plan_key` files a plan
                raise ExchangeError(
                    f"The site plan in drafts.{index} is for '{plan.site}' but filed under '{record.site}'."
                )
        if record.kind is DraftKind.COMMISSIONING_PLAN:
            try:
                commissioning = CommissioningPlan.model_validate(record.mine)
            except ValidationError as error:
                raise ExchangeError(
                    f"The commissioning plan in drafts.{index} is damaged: {error.errors()[0]['msg']}."
                ) from error
            if not record.site == record.object_id == commissioning.site:
                raise ExchangeError(
                    f"The commissioning plan in drafts.{index} is for '{commissioning.site}' but filed "
                    f"under '{record.site}'."
                )
    for index, template in enumerate(parsed.templates):
        try:
            validate_body(template.kind, template.payload)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "its content"
            raise ExchangeError(
                f"The template '{template.name}' (templates.{index}) is damaged at '{where}': {first['msg']}."
            ) from error
        except ValueError as error:
            raise ExchangeError(
                f"The template '{template.name}' (templates.{index}) is damaged: {error}."
            ) from error
    return parsed


def _arrived(record: DraftRecord) -> dict[str, Any]:
    """A draft as it starts on this laptop. What a site plan had queued is in the OTHER laptop's
    outbox: here it starts unqueued (the sync checks the cloud first, so nothing is created twice)."""
    if record.kind is DraftKind.COMMISSIONING_PLAN:
        # the rows travel; what the other laptop applied is in its outbox (the runner here would
        # find the loggers configured in the cloud only by sending again, which the sync checks first)
        commissioning = CommissioningPlan.model_validate(record.mine)
        return commissioning.model_copy(update={"applied": {}, "baseline": None}).model_dump(mode="json")
    if record.kind is not DraftKind.SITE_PLAN:
        return record.mine
    plan = SitePlan.model_validate(record.mine)
    plan.site_queued = False
    for obj in plan.objects:
        obj.placeholder = None
    return plan.model_dump(mode="json")


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _NameFamily:
    """The templates of one kind named `name` or `name (imported …)`: read ONCE per import, then
    kept up to date in memory. A file with thousands of templates of one name costs one query and
    one pass over that family, not a query and a comparison with every earlier copy per template."""

    def __init__(self, connection: sqlite3.Connection, kind: str, name: str) -> None:
        self.kind = kind
        self.name = name
        rows = connection.execute(
            "SELECT name, payload FROM templates WHERE kind = ? AND (name = ? OR name LIKE ? ESCAPE '\\')",
            (kind, name, _like_prefix(name + " (imported") + "%"),
        ).fetchall()
        self.taken = {row["name"] for row in rows}
        self.bodies = {_comparable(from_json(row["payload"])) for row in rows}
        self._number = 1

    def is_free(self, connection: sqlite3.Connection, name: str) -> bool:
        """Not taken, also not by another family of this import ("A (imported)" imported as such)."""
        if name in self.taken:
            return False
        row = connection.execute(
            "SELECT 1 FROM templates WHERE kind = ? AND name = ?", (self.kind, name)
        ).fetchone()
        if row is not None:
            self.taken.add(name)
        return row is None

    def free_name(self, connection: sqlite3.Connection) -> str:
        while True:
            number = self._number
            candidate = f"{self.name} (imported)" if number == 1 else f"{self.name} (imported {number})"
            if self.is_free(connection, candidate):
                return candidate
            self._number += 1

    def add(self, name: str, body: dict[str, Any]) -> None:
        self.taken.add(name)
        self.bodies.add(_comparable(body))


def _comparable(body: Any) -> str:
    """Canonical text of a body: equal for bodies `same_json` calls equal (1.0 is 1; true is not 1)."""
    return to_json(_integral_floats_as_int(body))


def _integral_floats_as_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _integral_floats_as_int(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_integral_floats_as_int(child) for child in value]
    return value


def write_import(connection: sqlite3.Connection, parsed: ExchangeFile) -> ImportReport:
    """Write a parsed file inside the caller's transaction (see the module doc for the rules)."""
    report = ImportReport()
    for record in parsed.drafts:
        key = DraftKey(record.endpoint, record.site, record.kind.value, record.object_id)
        incoming = Draft(key, record.base, _arrived(record), record.updated_at)
        local = draft_in(connection, key)
        if local is not None:
            report.drafts_skipped.append(key)
            report.skipped.append(SkippedDraft(local, incoming))
            continue
        upsert_draft(connection, incoming)
        report.drafts_imported.append(key)
    families: dict[tuple[str, str], _NameFamily] = {}
    for template in parsed.templates:
        body = validate_body(template.kind, template.payload)
        family = families.get((template.kind, template.name))
        if family is None:
            family = families[(template.kind, template.name)] = _NameFamily(
                connection, template.kind, template.name
            )
        if _comparable(body) in family.bodies:
            report.templates_unchanged.append(template.name)  # imported before (maybe renamed)
            continue
        if family.is_free(connection, template.name):
            new_name = template.name
            report.templates_imported.append(template.name)
        else:
            new_name = family.free_name(connection)
            report.templates_renamed.append((template.name, new_name))
        upsert_template(connection, template.kind, new_name, body)
        family.add(new_name, body)
    return report


class Exchange:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._drafts = DraftStore(store)
        self._templates = TemplateStore(store)

    async def export(
        self,
        path: Path,
        *,
        endpoint: str | None = None,
        site: str | None = None,
        include_templates: bool = True,
    ) -> ExportSummary:
        drafts = await self._drafts.find(endpoint=endpoint, site=site)
        templates = await self._templates.find() if include_templates else []
        text = json.dumps(build_document(drafts, templates), indent=1, ensure_ascii=False, sort_keys=True)
        await write_text_atomically(path, text)
        return ExportSummary(len(drafts), len(templates), len(text.encode("utf-8")))

    async def read(self, path: Path) -> ExchangeFile:
        """Validate a file without importing it (for a preview); raises ExchangeError."""
        try:
            data = await read_bytes_limited(path, MAX_FILE_BYTES)
        except OSError as error:
            raise ExchangeError(f"The file cannot be read ({error.strerror or error}).") from error
        except ValueError as error:
            raise ExchangeError(f"The file is too large for an export ({error}).") from error
        return parse_document(data)

    async def import_file(self, path: Path) -> ImportReport:
        parsed = await self.read(path)
        return await self._store.write(lambda connection: write_import(connection, parsed))

    async def replace_with_file(self, skipped: SkippedDraft) -> ReplaceOutcome:
        """The technician chose the file's version of a skipped draft: it replaces this laptop's
        (both sides: what it started from and what was typed), unless this laptop's draft changed
        after the import, which the technician has not seen compared yet."""

        def work(connection: sqlite3.Connection) -> ReplaceOutcome:
            now = draft_in(connection, skipped.key)
            if (
                now is None
                or not same_json(now.mine, skipped.local.mine)
                or not same_json(now.base, skipped.local.base)
            ):
                return ReplaceOutcome.CHANGED_SINCE
            replace_in(connection, skipped.incoming)
            return ReplaceOutcome.REPLACED

        return await self._store.write(work)
