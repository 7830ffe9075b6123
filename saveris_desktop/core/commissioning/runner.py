"""Apply a commissioning plan as the loggers join: the board's engine, shared by the app and the CLI.

The runner listens to a site's listing (`DeviceWatcher.sig_devices`: every listing, so a planned
logger that is already there is applied too). For each planned logger that is listed and not yet
applied, it queues through the outbox, in ONE transaction with the plan's record of it:

  1. the logger's name and cycles (`PUT /devices/{uuid}`; only the fields the row sets),
  2. the measuring object, its logical channel fed by the logger's sensor channel that measures
     what the preset is for (`POST /measuring-objects`),
  3. the preset's alarm limits on that channel (`PUT /measuring-objects/{uuid}/alarm-configuration`,
     naming the channel as `<placeholder>#<channel name>` until the object exists).

The outbox and the sync engine then send them in order and never twice (a crash or a lost
connection in the middle is checked against the cloud first), exactly as for every other change.
A logger's state is derived, never stored separately: from the plan (which rows were applied),
the outbox (how far their changes got) and the latest listing. A runner started after a restart
therefore shows the board where it was.

Which sensor channel: the sensor is read (`GET /sensors/{uuid}`, undocumented: probed once per
session); where the cloud does not offer it, the usual testo channel order is assumed [A]:
temperature is the first channel of a sensor, humidity the second (the combined T/H sensors list
them so); the cloud refuses an object on a channel that does not exist, and the board says so.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from saveris_desktop.api.errors import ApiError, NetworkError, NotFoundError, OperationNotOfferedError
from saveris_desktop.api.models import Device, Sensor
from saveris_desktop.core.commissioning.plan import (
    Applied,
    CommissioningPlan,
    PlanStore,
    ReadyRow,
    normalise_serial,
    read_plan,
    ready_row,
    row_problems,
    write_plan,
)
from saveris_desktop.core.devices.presets import PRESETS, AlarmPreset
from saveris_desktop.core.devices.ranges import (
    communication_shorter_than_measuring,
    cycle_ranges,
    format_duration,
)
from saveris_desktop.core.devices.units import value_id_of, value_name
from saveris_desktop.core.devices.watcher import DeviceWatcher
from saveris_desktop.core.offline.drafts import DraftKind
from saveris_desktop.core.offline.outbox import (
    STOPPED_STATES,
    OutboxItem,
    OutboxState,
    enqueue_in,
    new_placeholder,
)
from saveris_desktop.core.offline.resources import RESOURCES
from saveris_desktop.core.offline.sync import SyncEngine, SyncStatus
from saveris_desktop.core.offline.templates import AlarmPresetBody, TemplateKind, TemplateStore
from saveris_desktop.core.runtime.error_words import explain
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

log = logging.getLogger(__name__)

#: the usual channel of a sensor for each value when the sensor cannot be read [A]
ASSUMED_CHANNEL = {"PV_TEMPERATURE": 0, "PV_HUMIDITY": 1}


class LoggerState(StrEnum):
    WAITING = "waiting"
    JOINED = "joined"
    CONFIGURING = "configuring"
    CONFIGURED = "configured"
    ATTENTION = "needs attention"


class Step(StrEnum):
    SETTINGS = "name and cycles"
    OBJECT = "measuring object"
    LIMITS = "alarm limits"


#: A planned logger's state in words (the report's open rows, the CLI's board lines).
STATE_WORDS = {
    LoggerState.WAITING: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "waiting")),
    LoggerState.JOINED: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "joined")),
    LoggerState.CONFIGURING: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "configuring")),
    LoggerState.CONFIGURED: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "configured")),
    LoggerState.ATTENTION: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "needs attention")),
}

# A step and an outbox state as a board's detail names them ("Alarm limits: failed").
_STEP_WORDS = {
    Step.SETTINGS: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Name and cycles")),
    Step.OBJECT: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Measuring object")),
    Step.LIMITS: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Alarm limits")),
}
_OUTBOX_STATE_WORDS = {
    OutboxState.PENDING: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "pending")),
    OutboxState.SENDING: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "sending")),
    OutboxState.DONE: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "done")),
    OutboxState.CONFLICT: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "conflict")),
    OutboxState.FAILED: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "failed")),
    OutboxState.ATTENTION: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "attention")),
}

_STEP_KINDS = {
    DraftKind.DEVICE.value: Step.SETTINGS,
    DraftKind.MEASURING_OBJECT.value: Step.OBJECT,
    DraftKind.MEASUREMENT_ALARMS.value: Step.LIMITS,
}


@dataclass(frozen=True)
class StepProgress:
    step: Step
    state: OutboxState
    message: str | None = None


@dataclass(frozen=True)
class LoggerProgress:
    row: int
    serial: str
    object: str
    state: LoggerState
    detail: str | None = None  # why it needs attention, or what it waits for
    device_uuid: str | None = None
    steps: tuple[StepProgress, ...] = ()


@dataclass(frozen=True)
class UnexpectedLogger:
    uuid: str
    serial: str
    model: str


@dataclass(frozen=True)
class Board:
    site: str
    loggers: tuple[LoggerProgress, ...] = ()
    unexpected: tuple[UnexpectedLogger, ...] = ()
    online: bool | None = None
    #: a listing of the site has been applied (before that "waiting" may only mean "not looked yet")
    listing_applied: bool = False

    @property
    def configured(self) -> int:
        return sum(1 for p in self.loggers if p.state is LoggerState.CONFIGURED)

    @property
    def done(self) -> bool:
        return bool(self.loggers) and self.configured == len(self.loggers)

    def count(self, state: LoggerState) -> int:
        return sum(1 for p in self.loggers if p.state is state)

    def summary(self) -> str:
        return Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "%1 of %2 configured"),
            str(self.configured),
            str(len(self.loggers)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "configured": self.configured,
            "expected": len(self.loggers),
            "loggers": [
                {
                    "serial": p.serial,
                    "object": p.object,
                    "state": p.state.value,
                    "detail": p.detail,
                    "device_uuid": p.device_uuid,
                    "steps": [
                        {"step": s.step.value, "state": s.state.value, "message": s.message} for s in p.steps
                    ],
                }
                for p in self.loggers
            ],
            "unexpected": [{"serial": u.serial, "model": u.model, "uuid": u.uuid} for u in self.unexpected],
        }


class _LocalProblemError(Exception):
    """The row cannot be applied to this logger as it is (a cycle out of range ...)."""

    def __init__(self, sentence: Sentence) -> None:
        super().__init__(sentence)
        self.sentence = sentence


@dataclass(frozen=True)
class _Limits:
    physical_value_id: str
    what: str  # "fridge", or the template's name
    sets: Callable[[str | None], list[dict[str, Any]]]  # channel unit -> measurementAlarmConditionSet


@dataclass
class _Queued:
    serial_key: str
    applied: Applied
    changes: list[tuple[str, str, Any]] = field(default_factory=list)


class CommissioningRunner:
    """Applies one site's plan; `sig_board` after every change of what the board shows."""

    def __init__(self, engine: SyncEngine, site: str, *, name: str = "commissioning") -> None:
        self.engine = engine
        self.site = site
        self.plans = PlanStore(engine.store, engine.endpoint)
        self.templates = TemplateStore(engine.store)
        self.sig_board: Signal[Board] = Signal("commissioning board")
        self._tasks = TaskOwner(name)
        self._lock = asyncio.Lock()
        self._listed: list[Device] | None = None
        self._listing_applied = False
        self._online: bool | None = None
        self._local_problems: dict[str, str] = {}
        self._unsubscribe_sync = engine.sig_status.connect(self._sync_changed).disconnect
        self._detach: list[Callable[[], None]] = []

    # --- wiring -------------------------------------------------------------------------------

    def attach(self, watcher: DeviceWatcher) -> None:
        """Follow `watcher`'s listings and connectivity (its public callbacks); undone by aclose()."""
        watcher.sig_devices.connect(self.devices_listed)
        watcher.sig_connectivity.connect(self.connectivity_changed)
        self._detach.append(lambda: watcher.sig_devices.disconnect(self.devices_listed))
        self._detach.append(lambda: watcher.sig_connectivity.disconnect(self.connectivity_changed))

    def devices_listed(self, devices: list[Device]) -> None:
        self._listed = list(devices)
        self._online = True
        if not self._tasks.closed:
            self._tasks.spawn(self.apply_listed(), name="apply-plan")

    def connectivity_changed(self, online: bool) -> None:
        self._online = online
        if not self._tasks.closed:
            self._tasks.spawn(self._emit(), name="board")

    def _sync_changed(self, _status: SyncStatus) -> None:
        if not self._tasks.closed:
            self._tasks.spawn(self._emit(), name="board")

    async def aclose(self) -> None:
        for detach in self._detach:
            detach()
        self._detach.clear()
        self._unsubscribe_sync()
        await self._tasks.aclose()

    # --- intents ------------------------------------------------------------------------------

    async def board_of(self, devices: Sequence[Device]) -> Board:
        """The board as `devices` (a listing) shows it, applying nothing (e.g. for a report read
        beside the running app, whose data this process may only read)."""
        self._listed = list(devices)
        return await self.board()

    async def apply_listed(self, devices: Sequence[Device] | None = None) -> Board:
        """Queue every planned logger in the listing that is not applied yet; returns the board."""
        if devices is not None:
            self._listed = list(devices)
        async with self._lock:
            if self._listed is not None:
                await self._apply(self._listed)
                self._listing_applied = True
        return await self._emit()

    async def retry(self, serial: str) -> Board:
        """Try a logger that needs attention again: its refused changes, or its row as it is now."""
        key = normalise_serial(serial)
        self._local_problems.pop(key, None)
        plan = await self.plans.load(self.site)
        applied = plan.applied.get(key) if plan is not None else None
        if applied is not None:
            items = await self._items_of(applied)
            if _creation_discarded(applied, items):
                await self._forget_applied(key)  # the row is applied again, from the start
            for item in items:
                if item.state in (OutboxState.FAILED, OutboxState.ATTENTION):
                    await self.engine.retry(item.id)
        return await self.apply_listed()

    async def _forget_applied(self, key: str) -> None:
        plan_key = self.plans.key(self.site)

        def work(connection: sqlite3.Connection) -> None:
            current = read_plan(connection, plan_key)
            if current is not None and key in current.applied:
                applied = {k: v for k, v in current.applied.items() if k != key}
                write_plan(connection, plan_key, current.model_copy(update={"applied": applied}))

        await self.engine.store.write(work)

    async def add_to_plan(self, device_uuid: str) -> CommissioningPlan | None:
        """An unexpected logger becomes a row of the plan (serial filled; object and preset to choose)."""
        device = next((d for d in self._listed or [] if d.uuid == device_uuid), None)
        if device is None or not device.serial_number:
            return None
        plan = await self.plans.add_serial(self.site, device.serial_number)
        await self._emit()
        return plan

    # --- applying -------------------------------------------------------------------------------

    async def _apply(self, devices: Sequence[Device]) -> None:
        # "add several loggers" without a plan: an empty one remembers what was there, so every
        # logger that joins from now on is listed as unexpected, ready to be added
        plan = await self.plans.ensure(self.site)
        templates = await self.templates.find(TemplateKind.ALARM_PRESET)
        names = [t.name for t in templates]
        bad = {p.row for p in row_problems(plan.rows, names)}
        by_serial = {normalise_serial(d.serial_number or ""): d for d in devices if d.serial_number}
        queued: list[_Queued] = []
        for index, row in enumerate(plan.rows):
            key = normalise_serial(row.serial)
            if row.empty or index in bad or key in plan.applied or key not in by_serial:
                continue
            device = by_serial[key]
            limits_by_name = {t.name.strip().casefold(): t.payload for t in templates}
            try:
                queued.append(await self._changes_for(key, ready_row(row), device, limits_by_name))
            except _LocalProblemError as problem:
                self._local_problems[key] = problem.sentence
                continue
            except NetworkError:
                continue  # the next listing tries again
            except ApiError as error:
                self._local_problems[key] = Sentence(
                    QT_TRANSLATE_NOOP("CoreSentences", "Its sensor could not be read: %1"),
                    explain(error, api_words=True),
                )
                continue
            self._local_problems.pop(key, None)
        baseline = [d.uuid for d in devices] if plan.baseline is None else None
        if not queued and baseline is None:
            return
        plan_key = self.plans.key(self.site)
        endpoint = self.engine.endpoint

        def work(connection: sqlite3.Connection) -> None:
            current = read_plan(connection, plan_key)
            if current is None:
                return  # deleted meanwhile: nothing to apply
            applied = dict(current.applied)
            for entry in queued:
                if entry.serial_key in applied:
                    continue  # applied by another pass meanwhile: never queue twice
                for kind, object_id, payload in entry.changes:
                    enqueue_in(connection, endpoint, self.site, kind, object_id, payload, None)
                applied[entry.serial_key] = entry.applied
            update: dict[str, Any] = {"applied": applied}
            if current.baseline is None and baseline is not None:
                update["baseline"] = baseline
            write_plan(connection, plan_key, current.model_copy(update=update))

        await self.engine.store.write(work)
        if queued:
            log.info("commissioning %r: queued %d logger(s)", self.site, len(queued))
            await self.engine.queue_changed()

    async def _changes_for(
        self, key: str, row: ReadyRow, device: Device, templates: dict[str, dict[str, Any]]
    ) -> _Queued:
        entry = _Queued(key, Applied(device_uuid=device.uuid))
        settings = self._settings_payload(row, device)
        if settings:
            entry.changes.append((DraftKind.DEVICE.value, device.uuid, settings))
        limits = _limits(row.preset, templates)
        sensor_uuid, channel_index, unit = await self._sensor_channel(device, limits)
        channel_name = value_name(limits.physical_value_id) or limits.physical_value_id
        placeholder = new_placeholder()
        logical: dict[str, Any] = {
            "name": channel_name,
            "physical_value_id": limits.physical_value_id,
            "sensor_channel": {"sensor_uuid": sensor_uuid, "channel_index": channel_index},
        }
        if unit:
            logical["physical_unit_id"] = unit
        entry.changes.append(
            (
                DraftKind.MEASURING_OBJECT.value,
                placeholder,
                {"name": row.object, "logical_channels": [logical]},
            )
        )
        entry.changes.append(
            (
                DraftKind.MEASUREMENT_ALARMS.value,
                placeholder,
                {
                    "channel_alarm_configurations": [
                        {
                            "logical_channel_uuid": f"{placeholder}#{channel_name}",
                            "measurementAlarmConditionSet": limits.sets(unit),
                        }
                    ]
                },
            )
        )
        entry.applied = Applied(device_uuid=device.uuid, placeholder=placeholder)
        return entry

    def _settings_payload(self, row: ReadyRow, device: Device) -> dict[str, Any]:
        """Only the fields the row sets; each cycle checked against this logger's own limits."""
        payload: dict[str, Any] = {}
        if row.logger_name:
            payload["name"] = row.logger_name
        measuring_range, communication_range = cycle_ranges(device.to_payload())
        serial = device.serial_number or row.serial
        for field_name, ms, allowed, template in (
            (
                "measuring_cycle",
                row.measuring_cycle,
                measuring_range,
                QT_TRANSLATE_NOOP(
                    "CoreSentences", "The measuring cycle of logger %1: %2 Change it in the plan."
                ),
            ),
            (
                "communication_cycle",
                row.communication_cycle,
                communication_range,
                QT_TRANSLATE_NOOP(
                    "CoreSentences", "The communication cycle of logger %1: %2 Change it in the plan."
                ),
            ),
        ):
            if ms is None:
                continue
            problem = allowed.problem(ms)
            if problem is not None:
                raise _LocalProblemError(Sentence(template, serial, problem))
            payload[field_name] = ms
        measuring = payload.get("measuring_cycle", device.measuring_cycle)
        communication = payload.get("communication_cycle", device.communication_cycle)
        if (
            ("measuring_cycle" in payload or "communication_cycle" in payload)
            and measuring is not None
            and communication is not None
            and communication_shorter_than_measuring(measuring, communication)
        ):
            raise _LocalProblemError(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "CoreSentences",
                        "Logger %1 would send more often (%2) than it measures (%3); change the cycles in "
                        "the plan.",
                    ),
                    serial,
                    format_duration(communication),
                    format_duration(measuring),
                )
            )
        return payload

    async def _sensor_channel(self, device: Device, limits: _Limits) -> tuple[str, int, str | None]:
        """(sensor uuid, channel index, unit) of the first sensor channel measuring the preset's value."""
        slots = sorted(device.slot_sensors(), key=lambda c: c.slot_index)
        what = value_name(limits.physical_value_id) or limits.physical_value_id
        serial = device.serial_number or device.uuid
        if not slots:
            raise _LocalProblemError(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "CoreSentences", "Logger %1 has no sensor yet; plug one in, then retry."
                    ),
                    serial,
                )
            )
        for slot in slots:
            try:
                # Through the resource table, like every read of the sync engine's client.
                read = await RESOURCES[DraftKind.SENSOR].read(self.engine.client, self.site, slot.sensor_uuid)
                sensor = Sensor.model_validate(read.to_payload()) if not isinstance(read, Sensor) else read
            except (OperationNotOfferedError, NotFoundError):
                index = ASSUMED_CHANNEL.get(limits.physical_value_id)
                if index is None:
                    raise _LocalProblemError(
                        Sentence(
                            QT_TRANSLATE_NOOP(
                                "CoreSentences",
                                "The cloud does not tell which channel of logger %1 measures: %2.",
                            ),
                            serial,
                            what,
                        )
                    ) from None
                return slots[0].sensor_uuid, index, None
            for channel in sensor.channels:
                if value_id_of(channel.physical_value_id) == limits.physical_value_id:
                    return sensor.uuid or slot.sensor_uuid, channel.channel_index, channel.physical_unit_id
        raise _LocalProblemError(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "CoreSentences",
                    "Logger %1 has no sensor channel for %2, which the preset '%3' is for; choose another "
                    "preset in the plan.",
                ),
                serial,
                what,
                limits.what,
            )
        )

    # --- the board ------------------------------------------------------------------------------

    async def _items_of(self, applied: Applied) -> list[OutboxItem]:
        items = await self.engine.outbox.items(
            endpoint=self.engine.endpoint, site=self.site, states=tuple(OutboxState)
        )
        return _related(items, applied)

    async def board(self) -> Board:
        plan = await self.plans.load(self.site)
        if plan is None:
            return Board(self.site, online=self._online, listing_applied=self._listing_applied)
        templates = [t.name for t in await self.templates.find(TemplateKind.ALARM_PRESET)]
        problems: dict[int, str] = {}
        for problem in row_problems(plan.rows, templates):
            problems.setdefault(problem.row, problem.message)
        items = await self.engine.outbox.items(
            endpoint=self.engine.endpoint, site=self.site, states=tuple(OutboxState)
        )
        listed = {normalise_serial(d.serial_number or ""): d for d in self._listed or [] if d.serial_number}
        loggers: list[LoggerProgress] = []
        planned: set[str] = set()
        for index, row in enumerate(plan.rows):
            if row.empty:
                continue
            key = normalise_serial(row.serial)
            planned.add(key)
            device = listed.get(key)
            applied = plan.applied.get(key)
            base = (index, row.serial.strip(), " ".join(row.object.split()))
            if applied is not None:
                loggers.append(_applied_progress(base, applied, _related(items, applied)))
            elif index in problems:
                state = LoggerState.ATTENTION if device is not None else LoggerState.WAITING
                loggers.append(
                    LoggerProgress(
                        *base,
                        state=state,
                        detail=Sentence(
                            QT_TRANSLATE_NOOP("CoreSentences", "Fix its row in the plan: %1"), problems[index]
                        ),
                    )
                )
            elif key in self._local_problems:
                loggers.append(
                    LoggerProgress(
                        *base,
                        state=LoggerState.ATTENTION,
                        detail=self._local_problems[key],
                        device_uuid=device.uuid if device else None,
                    )
                )
            elif device is not None:
                loggers.append(LoggerProgress(*base, state=LoggerState.JOINED, device_uuid=device.uuid))
            else:
                loggers.append(LoggerProgress(*base, state=LoggerState.WAITING))
        known = set(plan.baseline or ())
        unexpected = tuple(
            UnexpectedLogger(d.uuid, d.serial_number or "", d.model_code or "")
            for d in self._listed or []
            if plan.baseline is not None
            and d.uuid not in known
            and normalise_serial(d.serial_number or "") not in planned
        )
        return Board(self.site, tuple(loggers), unexpected, self._online, self._listing_applied)

    async def _emit(self) -> Board:
        board = await self.board()
        self.sig_board.emit(board)
        return board


def _preset_sets(chosen: AlarmPreset) -> Callable[[str | None], list[dict[str, Any]]]:
    def sets(unit: str | None) -> list[dict[str, Any]]:
        return [{"measurementAlarmConditions": [c.to_payload() for c in chosen.conditions(unit)]}]

    return sets


def _limits(preset_name: str, templates: dict[str, dict[str, Any]]) -> _Limits:
    key = preset_name.strip().casefold()
    for preset in PRESETS:
        if preset.key == key:
            return _Limits(preset.physical_value_id, preset.key, _preset_sets(preset))
    payload = templates.get(key)
    if payload is None:
        raise _LocalProblemError(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "CoreSentences", "The alarm preset '%1' is no longer saved on this laptop."
                ),
                preset_name,
            )
        )
    body = AlarmPresetBody.model_validate(payload)
    value = value_id_of(body.physical_value_id) or body.physical_value_id
    return _Limits(value, preset_name.strip(), lambda _unit: [dict(s) for s in body.condition_sets])


def _related(items: Sequence[OutboxItem], applied: Applied) -> list[OutboxItem]:
    """The outbox items of one applied row: its logger's settings, its object and its limits."""
    creation = next(
        (
            i
            for i in items
            if i.kind == DraftKind.MEASURING_OBJECT
            and applied.placeholder
            and i.object_id == applied.placeholder
        ),
        None,
    )
    object_ids = {applied.placeholder}
    if creation is not None and creation.result_id:
        object_ids.add(creation.result_id)
    related: list[OutboxItem] = []
    for item in items:
        if item.kind == DraftKind.DEVICE and item.object_id == applied.device_uuid:
            related = [r for r in related if r.kind != DraftKind.DEVICE]  # the latest change counts
            related.append(item)
        elif (
            item.kind in (DraftKind.MEASURING_OBJECT, DraftKind.MEASUREMENT_ALARMS)
            and item.object_id in object_ids
        ):
            related.append(item)
    return related


def _creation_discarded(applied: Applied, items: Sequence[OutboxItem]) -> bool:
    """The object's creation is gone from the outbox. Done creations are kept while the plan exists
    (Outbox.prune_sent), so it was discarded by the technician: nothing will create the object."""
    return applied.placeholder is not None and not any(
        i.kind == DraftKind.MEASURING_OBJECT and i.object_id == applied.placeholder for i in items
    )


def _applied_progress(
    base: tuple[int, str, str], applied: Applied, items: Sequence[OutboxItem]
) -> LoggerProgress:
    if _creation_discarded(applied, items):
        return LoggerProgress(
            *base,
            state=LoggerState.ATTENTION,
            detail=Sentence(
                QT_TRANSLATE_NOOP(
                    "CoreSentences",
                    "Its measuring object was discarded from the changes waiting; Retry applies the row "
                    "again.",
                )
            ),
            device_uuid=applied.device_uuid,
        )
    steps = tuple(
        StepProgress(_STEP_KINDS[i.kind], i.state, i.message) for i in items if i.kind in _STEP_KINDS
    )
    stopped = next((s for s in steps if s.state in STOPPED_STATES), None)
    detail: str | None
    if stopped is not None:
        detail = Sentence(
            "%1: %2", _STEP_WORDS[stopped.step], stopped.message or _OUTBOX_STATE_WORDS[stopped.state]
        )
        state = LoggerState.ATTENTION
    elif all(s.state is OutboxState.DONE for s in steps):
        state, detail = LoggerState.CONFIGURED, None
    else:
        state = LoggerState.CONFIGURING
        detail = next((s.message for s in steps if s.state is not OutboxState.DONE and s.message), None)
    return LoggerProgress(*base, state=state, detail=detail, device_uuid=applied.device_uuid, steps=steps)
