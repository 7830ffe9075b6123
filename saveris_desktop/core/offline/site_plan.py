"""Prepare a site offline, then "Create in cloud" in the right order.

A `SitePlan` (site name, timezone, measuring objects with logical channels, instruction sets and
alarm limits) is kept as a draft of kind "site_plan" while the laptop has no network and the site
does not exist yet. `SitePlanner.create_in_cloud` queues, through the outbox and so with all its
guarantees (order, no double send, audit, offline-safe):

  1. the site and its connect key, 2. the timezone, then per measuring object that is ready:
  3. the object with its logical channels, 4. its instruction set, 5. its alarm limits.

Objects are addressed by placeholders until the cloud gave them uuids; alarm limits name their
channel as `<placeholder>#<channel name>`, rewritten to the real channel uuid after creation.

A logical channel must name the sensor channel that feeds it, and that sensor only exists once a
logger has joined the site. There is no call to change an object's channels after creation, so an
object with an unmapped channel is not sent: it stays "waiting for a sensor" until the technician
maps it (after the logger joined) and presses "Create in cloud" again.
"""

from __future__ import annotations

import sqlite3
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from saveris_desktop.api.models import SensorChannelRef
from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftKind, DraftStore, upsert_draft
from saveris_desktop.core.offline.outbox import OutboxItem, OutboxState, enqueue_in, new_placeholder
from saveris_desktop.core.offline.resources import SITE_KIND
from saveris_desktop.core.offline.store import timestamp
from saveris_desktop.core.offline.sync import SyncEngine
from saveris_desktop.core.onboarding.flow import SiteNameProblem, check_site_name
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence


class PlanModel(BaseModel):
    # Plans come from our own drafts and from imported files: unknown fields are refused, not kept.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class PlannedChannel(PlanModel):
    name: str = Field(min_length=1)
    physical_value_id: str = Field(min_length=1)
    physical_unit_id: str | None = None
    sensor_channel: SensorChannelRef | None = None  # None: waits for a sensor of a joined logger


class PlannedObject(PlanModel):
    name: str = Field(min_length=1)
    description: str | None = None
    logical_channels: list[PlannedChannel] = Field(default_factory=list)
    #: MeasuringInstructionSet payload (cycles in ms); None: the device's own settings apply
    instruction_set: dict[str, Any] | None = None
    #: channel name -> measurementAlarmConditionSet list (the API's shape)
    alarms: dict[str, list[dict[str, Any]]] = Field(default_factory=dict)
    #: set when the object was queued for creation; the outbox knows the rest
    placeholder: str | None = None

    @property
    def waiting_for_sensor(self) -> list[str]:
        return [c.name for c in self.logical_channels if c.sensor_channel is None]


class SitePlan(PlanModel):
    site: str
    timezone: str
    objects: list[PlannedObject] = Field(default_factory=list)
    site_queued: bool = False


class PlanProblemCode(StrEnum):
    """Why a plan, a planned object or a channel row cannot be sent; the UI words each one."""

    SITE_NAME_EMPTY = "site-name-empty"
    SITE_NAME_TOO_LONG = "site-name-too-long"
    SITE_NAME_CONTROL_CHARACTERS = "site-name-control-characters"
    UNKNOWN_TIMEZONE = "unknown-timezone"
    OBJECT_NAME_EMPTY = "object-name-empty"
    DUPLICATE_OBJECT_NAME = "duplicate-object-name"
    NO_CHANNELS = "no-channels"
    CHANNEL_NAME_EMPTY = "channel-name-empty"
    DUPLICATE_CHANNEL_NAME = "duplicate-channel-name"
    ALARMS_FOR_UNKNOWN_CHANNEL = "alarms-for-unknown-channel"


_SITE_NAME_PROBLEMS = {
    SiteNameProblem.EMPTY: PlanProblemCode.SITE_NAME_EMPTY,
    SiteNameProblem.TOO_LONG: PlanProblemCode.SITE_NAME_TOO_LONG,
    SiteNameProblem.CONTROL_CHARACTERS: PlanProblemCode.SITE_NAME_CONTROL_CHARACTERS,
}


@dataclass(frozen=True)
class PlanProblem:
    """One problem: its code, the object (index in the plan) and channel row it is about, if any,
    and the offending value (a name, a time zone) so that the wording can quote it."""

    code: PlanProblemCode
    object_index: int | None = None
    channel_index: int | None = None
    value: str = ""

    @property
    def field(self) -> str:
        """Where in the plan: "site", "timezone", "objects[2].name", "objects[0].logical_channels[1].name"."""
        if self.code in _SITE_NAME_PROBLEMS.values():
            return "site"
        if self.code is PlanProblemCode.UNKNOWN_TIMEZONE:
            return "timezone"
        where = f"objects[{self.object_index}]"
        if self.code in (PlanProblemCode.OBJECT_NAME_EMPTY, PlanProblemCode.DUPLICATE_OBJECT_NAME):
            return f"{where}.name"
        if self.code is PlanProblemCode.ALARMS_FOR_UNKNOWN_CHANNEL:
            return f"{where}.alarms"
        if self.channel_index is None:
            return f"{where}.logical_channels"
        return f"{where}.logical_channels[{self.channel_index}].name"


def validate_plan(plan: SitePlan) -> list[PlanProblem]:
    """Every reason the plan cannot be sent as it is (empty: fine). Waiting channels are not problems."""
    problems: list[PlanProblem] = []
    site_problem = check_site_name(plan.site).problem  # the wizard's rule: one rule for a site name
    if site_problem is not None:
        problems.append(PlanProblem(_SITE_NAME_PROBLEMS[site_problem], value=plan.site))
    if plan.timezone not in zoneinfo.available_timezones():
        problems.append(PlanProblem(PlanProblemCode.UNKNOWN_TIMEZONE, value=plan.timezone))
    seen: set[str] = set()
    for index, obj in enumerate(plan.objects):
        if obj.name.strip().casefold() in seen:
            problems.append(PlanProblem(PlanProblemCode.DUPLICATE_OBJECT_NAME, index, value=obj.name))
        seen.add(obj.name.strip().casefold())
        problems.extend(object_problems(obj, index))
    return problems


def object_problems(obj: PlannedObject, object_index: int) -> list[PlanProblem]:
    """What keeps one planned object from being sent: no channel, two channels of one name (the
    second row is named), or alarm limits for a channel it does not have."""
    problems: list[PlanProblem] = []
    if not obj.logical_channels:
        problems.append(PlanProblem(PlanProblemCode.NO_CHANNELS, object_index))
    names: set[str] = set()
    reported: set[str] = set()
    for row, channel in enumerate(obj.logical_channels):
        if channel.name in names and channel.name not in reported:
            problems.append(
                PlanProblem(PlanProblemCode.DUPLICATE_CHANNEL_NAME, object_index, row, channel.name)
            )
            reported.add(channel.name)
        names.add(channel.name)
    for name in obj.alarms:
        if name not in names:
            problems.append(PlanProblem(PlanProblemCode.ALARMS_FOR_UNKNOWN_CHANNEL, object_index, value=name))
    return problems


def rename_object(plan: SitePlan, object_index: int, typed: str) -> PlanProblem | None:
    """Give the object the typed name (trimmed); an empty one is refused and the old name kept."""
    name = typed.strip()
    if not name:
        return PlanProblem(PlanProblemCode.OBJECT_NAME_EMPTY, object_index)
    plan.objects[object_index].name = name
    return None


def rename_channel(plan: SitePlan, object_index: int, row: int, typed: str) -> PlanProblem | None:
    """Give channel `row` the typed name (trimmed), its alarm limits following; empty: refused, kept."""
    obj = plan.objects[object_index]
    channel = obj.logical_channels[row]
    name = typed.strip()
    if not name:
        return PlanProblem(PlanProblemCode.CHANNEL_NAME_EMPTY, object_index, row, channel.name)
    if channel.name in obj.alarms:
        obj.alarms[name] = obj.alarms.pop(channel.name)
    channel.name = name
    return None


def change_measures(obj: PlannedObject, row: int, value_id: str, unit: str | None) -> None:
    """Channel `row` measures something else now: its sensor and alarm limits no longer fit, so they go."""
    channel = obj.logical_channels[row]
    channel.physical_value_id, channel.physical_unit_id = value_id, unit
    channel.sensor_channel = None
    obj.alarms.pop(channel.name, None)


def remove_channel(obj: PlannedObject, row: int) -> None:
    """Remove channel `row` together with its alarm limits."""
    removed = obj.logical_channels.pop(row)
    obj.alarms.pop(removed.name, None)


def sensor_fits(channel: PlannedChannel, physical_value_id: str) -> bool:
    """A sensor channel may feed a planned channel only when both measure the same physical value."""
    return physical_value_id == channel.physical_value_id


class ObjectState(StrEnum):
    WAITING_FOR_SENSOR = "waiting for a sensor"
    READY = "ready"
    QUEUED = "queued"
    CREATED = "created"
    FAILED = "failed"


@dataclass(frozen=True)
class ObjectProgress:
    name: str
    state: ObjectState
    uuid: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class CreateReport:
    plan: SitePlan  # as saved: with the placeholders of what was queued
    queued: list[str]
    waiting: list[ObjectProgress]
    problems: list[PlanProblem]

    @property
    def refused(self) -> bool:
        return bool(self.problems)


def plan_key(endpoint: str, site: str) -> DraftKey:
    return DraftKey(endpoint, site, DraftKind.SITE_PLAN, site)


def creation_payload(obj: PlannedObject) -> dict[str, Any]:
    """POST /measuring-objects body."""
    body: dict[str, Any] = {"name": obj.name, "logical_channels": []}
    if obj.description:
        body["description"] = obj.description
    for channel in obj.logical_channels:
        entry: dict[str, Any] = {"name": channel.name, "physical_value_id": channel.physical_value_id}
        if channel.physical_unit_id:
            entry["physical_unit_id"] = channel.physical_unit_id
        if channel.sensor_channel is not None:
            entry["sensor_channel"] = channel.sensor_channel.to_payload()
        body["logical_channels"].append(entry)
    return body


def alarms_payload(obj: PlannedObject, placeholder: str) -> dict[str, Any]:
    return {
        "channel_alarm_configurations": [
            {"logical_channel_uuid": f"{placeholder}#{name}", "measurementAlarmConditionSet": sets}
            for name, sets in obj.alarms.items()
        ]
    }


class SitePlanner:
    def __init__(self, engine: SyncEngine) -> None:
        self._engine = engine
        self._drafts = DraftStore(engine.store)

    async def save(self, plan: SitePlan) -> None:
        await self._drafts.save(plan_key(self._engine.endpoint, plan.site), plan.model_dump(mode="json"))

    async def load(self, site: str) -> SitePlan | None:
        draft = await self._drafts.get(plan_key(self._engine.endpoint, site))
        return None if draft is None else SitePlan.model_validate(draft.mine)

    async def plans(self) -> list[SitePlan]:
        drafts = await self._drafts.find(endpoint=self._engine.endpoint, kind=DraftKind.SITE_PLAN)
        return [SitePlan.model_validate(d.mine) for d in drafts]

    async def delete(self, site: str) -> None:
        await self._drafts.delete(plan_key(self._engine.endpoint, site))

    async def create_in_cloud(self, plan: SitePlan) -> CreateReport:
        """Queue what can be created now (see module doc); returns what was queued and what waits.

        The queued changes and the updated plan are written in ONE transaction: a crash never
        leaves an object queued but not marked so (which would queue it twice), and a sync run
        never sees an object's creation without the settings that follow it.
        """
        problems = validate_plan(plan)
        if problems:
            return CreateReport(plan, [], [], problems)
        endpoint = self._engine.endpoint
        known = {
            i.object_id for i in await self._engine.outbox.items(endpoint=endpoint, states=tuple(OutboxState))
        }
        plan = plan.model_copy(deep=True)
        changes: list[tuple[str, str, Any]] = []
        queued: list[str] = []
        waiting: list[ObjectProgress] = []
        if not plan.site_queued:
            changes.append((SITE_KIND, plan.site, {"site": plan.site}))
            changes.append((DraftKind.GLOBAL_SETTINGS, plan.site, {"timezone": plan.timezone}))
            plan.site_queued = True
        for obj in plan.objects:
            if obj.placeholder is not None and obj.placeholder in known:
                continue  # queued before (maybe created already)
            if obj.waiting_for_sensor:
                waiting.append(_waiting(obj))
                continue
            placeholder = new_placeholder()
            changes.append((DraftKind.MEASURING_OBJECT, placeholder, creation_payload(obj)))
            if obj.instruction_set:
                changes.append((DraftKind.INSTRUCTION_SET, placeholder, obj.instruction_set))
            if obj.alarms:
                changes.append((DraftKind.MEASUREMENT_ALARMS, placeholder, alarms_payload(obj, placeholder)))
            obj.placeholder = placeholder
            queued.append(obj.name)
        stamp = timestamp()

        def work(connection: sqlite3.Connection) -> None:
            for kind, object_id, payload in changes:
                enqueue_in(connection, endpoint, plan.site, kind, object_id, payload, None)
            upsert_draft(
                connection, Draft(plan_key(endpoint, plan.site), None, plan.model_dump(mode="json"), stamp)
            )

        await self._engine.store.write(work)
        await self._engine.queue_changed()
        return CreateReport(plan, queued, waiting, [])

    async def progress(self, plan: SitePlan) -> list[ObjectProgress]:
        items = await self._engine.outbox.items(
            endpoint=self._engine.endpoint, site=plan.site, states=tuple(OutboxState)
        )
        return [object_progress(obj, items) for obj in plan.objects]


def _waiting(obj: PlannedObject) -> ObjectProgress:
    names = ", ".join(obj.waiting_for_sensor)
    return ObjectProgress(
        obj.name,
        ObjectState.WAITING_FOR_SENSOR,
        detail=Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "Map a sensor to: %1 (after the logger has joined)."), names
        ),
    )


def object_progress(obj: PlannedObject, items: Sequence[OutboxItem]) -> ObjectProgress:
    if obj.placeholder is None:
        return _waiting(obj) if obj.waiting_for_sensor else ObjectProgress(obj.name, ObjectState.READY)
    creation = next(
        (i for i in items if i.kind == DraftKind.MEASURING_OBJECT and i.object_id == obj.placeholder), None
    )
    if creation is None:
        # done items keep their placeholder id; a discarded one is gone: queue it again
        discarded = Sentence(QT_TRANSLATE_NOOP("CoreSentences", "The creation was discarded."))
        return ObjectProgress(obj.name, ObjectState.READY, detail=discarded)
    if creation.state is OutboxState.DONE:
        return ObjectProgress(obj.name, ObjectState.CREATED, uuid=creation.result_id)
    if creation.state in (OutboxState.FAILED, OutboxState.ATTENTION):
        return ObjectProgress(obj.name, ObjectState.FAILED, detail=creation.message)
    return ObjectProgress(obj.name, ObjectState.QUEUED, detail=creation.message)
