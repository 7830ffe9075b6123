"""Templates: a technician's own alarm preset or whole measuring-object setup, applied to many objects.

Two kinds:
- alarm preset: the alarm limits of one logical channel (what it measures, in which unit, and the
  API's `measurementAlarmConditionSet`). Applied to every channel of an object that measures the
  same thing in the same unit; other channels are listed as skipped, with the reason.
- object setup: logical channels (names, what they measure; no sensor: that is per site), the
  instruction set, and alarm limits per channel name. Applied to an existing object by channel
  name, or used to plan new objects for a site plan.

Applying computes payloads only (pure functions); the caller sends them through the editors'
Apply or the outbox, so the usual before/after view, conflict check and audit apply.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from saveris_desktop.api.models import MeasuringObject
from saveris_desktop.core.offline.site_plan import PlannedChannel, PlannedObject
from saveris_desktop.core.offline.store import Store, from_json, timestamp, to_json


class TemplateKind(StrEnum):
    ALARM_PRESET = "alarm_preset"
    OBJECT_SETUP = "object_setup"


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AlarmPresetBody(_Body):
    physical_value_id: str = Field(min_length=1)
    physical_unit_id: str | None = None
    condition_sets: list[dict[str, Any]]


class SetupChannel(_Body):
    name: str = Field(min_length=1)
    physical_value_id: str = Field(min_length=1)
    physical_unit_id: str | None = None


class ObjectSetupBody(_Body):
    description: str | None = None
    logical_channels: list[SetupChannel] = Field(min_length=1)
    instruction_set: dict[str, Any] | None = None
    alarms: dict[str, list[dict[str, Any]]] = Field(default_factory=dict)


BODY_MODELS: dict[str, type[_Body]] = {
    TemplateKind.ALARM_PRESET: AlarmPresetBody,
    TemplateKind.OBJECT_SETUP: ObjectSetupBody,
}


def validate_body(kind: str, payload: Any) -> dict[str, Any]:
    """The payload, checked against its kind; raises ValueError (pydantic's) with the reason."""
    model = BODY_MODELS.get(kind)
    if model is None:
        raise ValueError(f"unknown template kind '{kind}'")
    return model.model_validate(payload).model_dump(mode="json", exclude_none=True)


@dataclass(frozen=True)
class Template:
    id: int
    kind: str
    name: str
    payload: dict[str, Any]
    created_at: str
    updated_at: str


def _row(row: sqlite3.Row) -> Template:
    return Template(
        row["id"], row["kind"], row["name"], from_json(row["payload"]), row["created_at"], row["updated_at"]
    )


def upsert_template(
    connection: sqlite3.Connection, kind: str, name: str, payload: dict[str, Any]
) -> Template:
    """Insert or replace by (kind, name) inside the caller's transaction."""
    stamp = timestamp()
    connection.execute(
        "INSERT INTO templates (kind, name, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, name) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
        (kind, name, to_json(payload), stamp, stamp),
    )
    row = connection.execute("SELECT * FROM templates WHERE kind = ? AND name = ?", (kind, name)).fetchone()
    return _row(row)


class TemplateStore:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def save(self, kind: TemplateKind | str, name: str, payload: Any) -> Template:
        """Validate and store; a template of the same kind and name is replaced."""
        name = name.strip()
        if not name:
            raise ValueError("A template needs a name.")
        body = validate_body(str(kind), payload)
        return await self._store.write(lambda connection: upsert_template(connection, str(kind), name, body))

    async def find(self, kind: TemplateKind | str | None = None) -> list[Template]:
        def work(connection: sqlite3.Connection) -> list[Template]:
            if kind is None:
                rows = connection.execute("SELECT * FROM templates ORDER BY kind, name").fetchall()
            else:
                rows = connection.execute(
                    "SELECT * FROM templates WHERE kind = ? ORDER BY name", (str(kind),)
                ).fetchall()
            return [_row(row) for row in rows]

        return await self._store.read(work)

    async def get(self, template_id: int) -> Template | None:
        def work(connection: sqlite3.Connection) -> Template | None:
            row = connection.execute("SELECT * FROM templates WHERE id = ?", (template_id,)).fetchone()
            return None if row is None else _row(row)

        return await self._store.read(work)

    async def delete(self, template_id: int) -> None:
        await self._store.write(
            lambda connection: connection.execute("DELETE FROM templates WHERE id = ?", (template_id,))
        )


# --- making templates ------------------------------------------------------------------------------


def _channel_sets(
    alarm_config: dict[str, Any] | None, channel_uuid: str | None
) -> list[dict[str, Any]] | None:
    for entry in (alarm_config or {}).get("channel_alarm_configurations", []):
        if channel_uuid is not None and entry.get("logical_channel_uuid") == channel_uuid:
            return copy.deepcopy(list(entry.get("measurementAlarmConditionSet", [])))
    return None


def alarm_preset_from_channel(
    obj: MeasuringObject, channel_name: str, alarm_config: dict[str, Any]
) -> dict[str, Any]:
    """An alarm preset body from one channel's current limits."""
    channel = next((c for c in obj.logical_channels if c.name == channel_name), None)
    if channel is None:
        raise ValueError(f"'{obj.name}' has no channel '{channel_name}'")
    sets = _channel_sets(alarm_config, channel.uuid)
    if not sets:
        raise ValueError(f"The channel '{channel_name}' has no alarm limits to save.")
    return validate_body(
        TemplateKind.ALARM_PRESET,
        {
            "physical_value_id": channel.physical_value_id,
            "physical_unit_id": channel.physical_unit_id,
            "condition_sets": sets,
        },
    )


def object_setup_from_object(
    obj: MeasuringObject, instruction_set: dict[str, Any] | None, alarm_config: dict[str, Any] | None
) -> dict[str, Any]:
    """An object setup body from an existing object (sensor mappings left out: they belong to a site)."""
    alarms: dict[str, list[dict[str, Any]]] = {}
    for channel in obj.logical_channels:
        sets = _channel_sets(alarm_config, channel.uuid)
        if sets:
            alarms[channel.name] = sets
    return validate_body(
        TemplateKind.OBJECT_SETUP,
        {
            "description": obj.description,
            "logical_channels": [
                {
                    "name": c.name,
                    "physical_value_id": c.physical_value_id,
                    "physical_unit_id": c.physical_unit_id,
                }
                for c in obj.logical_channels
            ],
            "instruction_set": instruction_set or None,
            "alarms": alarms,
        },
    )


# --- applying templates ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Application:
    """What applying a template to one object produces: payloads to send, and what was left out."""

    object_uuid: str
    object_name: str
    alarm_configuration: dict[str, Any] | None  # None: nothing to change
    instruction_set: dict[str, Any] | None
    applied_channels: list[str]
    skipped: list[str]  # one sentence per channel left alone

    @property
    def changes_anything(self) -> bool:
        return self.alarm_configuration is not None or self.instruction_set is not None


def _with_channel_sets(config: dict[str, Any], channel_uuid: str, sets: list[dict[str, Any]]) -> None:
    entries = config.setdefault("channel_alarm_configurations", [])
    for entry in entries:
        if entry.get("logical_channel_uuid") == channel_uuid:
            entry["measurementAlarmConditionSet"] = copy.deepcopy(sets)
            return
    entries.append(
        {"logical_channel_uuid": channel_uuid, "measurementAlarmConditionSet": copy.deepcopy(sets)}
    )


def apply_alarm_preset(
    template: Template, obj: MeasuringObject, current_alarms: dict[str, Any] | None
) -> Application:
    body = AlarmPresetBody.model_validate(template.payload)
    config = copy.deepcopy(current_alarms) if current_alarms else {"channel_alarm_configurations": []}
    applied: list[str] = []
    skipped: list[str] = []
    for channel in obj.logical_channels:
        if channel.physical_value_id != body.physical_value_id:
            skipped.append(f"{channel.name}: measures something else ({channel.physical_value_id}).")
        elif (
            body.physical_unit_id
            and channel.physical_unit_id
            and channel.physical_unit_id != body.physical_unit_id
        ):
            skipped.append(
                f"{channel.name}: unit {channel.physical_unit_id}, the template uses {body.physical_unit_id}."
            )
        elif channel.uuid is None:
            skipped.append(f"{channel.name}: not created in the cloud yet.")
        else:
            _with_channel_sets(config, channel.uuid, body.condition_sets)
            applied.append(channel.name)
    changed = applied and config != (current_alarms or {"channel_alarm_configurations": []})
    return Application(obj.uuid or "", obj.label, config if changed else None, None, applied, skipped)


def apply_object_setup(
    template: Template, obj: MeasuringObject, current_alarms: dict[str, Any] | None
) -> Application:
    """Instruction set and per-channel limits, matched by channel name (then by what it measures)."""
    body = ObjectSetupBody.model_validate(template.payload)
    config = copy.deepcopy(current_alarms) if current_alarms else {"channel_alarm_configurations": []}
    applied: list[str] = []
    skipped: list[str] = []
    used: set[str] = set()
    for name, sets in body.alarms.items():
        wanted = next((c for c in body.logical_channels if c.name == name), None)
        target = next((c for c in obj.logical_channels if c.name == name), None)
        if target is None and wanted is not None:
            same_kind = [c for c in obj.logical_channels if c.physical_value_id == wanted.physical_value_id]
            target = same_kind[0] if len(same_kind) == 1 else None
        if target is None or target.uuid is None or target.uuid in used:
            skipped.append(f"{name}: no matching channel on '{obj.label}'.")
            continue
        used.add(target.uuid)
        _with_channel_sets(config, target.uuid, sets)
        applied.append(target.name)
    alarms_changed = applied and config != (current_alarms or {"channel_alarm_configurations": []})
    return Application(
        obj.uuid or "", obj.label, config if alarms_changed else None, body.instruction_set, applied, skipped
    )


def apply_to_many(
    template: Template, targets: Sequence[tuple[MeasuringObject, dict[str, Any] | None]]
) -> list[Application]:
    """One Application per (object, its current alarm configuration)."""
    apply = apply_alarm_preset if template.kind == TemplateKind.ALARM_PRESET else apply_object_setup
    return [apply(template, obj, alarms) for obj, alarms in targets]


def planned_object_from_setup(template: Template, name: str) -> PlannedObject:
    """A new object for a site plan, from an object setup (channels still need their sensors)."""
    body = ObjectSetupBody.model_validate(template.payload)
    return PlannedObject(
        name=name,
        description=body.description,
        logical_channels=[
            PlannedChannel(
                name=c.name, physical_value_id=c.physical_value_id, physical_unit_id=c.physical_unit_id
            )
            for c in body.logical_channels
        ],
        instruction_set=copy.deepcopy(body.instruction_set),
        alarms=copy.deepcopy(body.alarms),
    )
