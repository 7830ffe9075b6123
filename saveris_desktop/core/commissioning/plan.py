"""The commissioning plan of a site: one row per logger, kept as a draft, checked cell by cell.

A row says where a logger goes: its **serial number** (typed or scanned from the label), the
**measuring object** it feeds ("Fridge 3"), the **preset** of alarm limits (fridge, freezer, room,
humidity, or the name of a saved alarm-preset template), and optionally the logger's name and its
measuring and communication cycles ("5 min", "15min", "1h": core.devices.ranges' parser).

Rows keep the text as typed, so nothing a technician entered is lost while it is still wrong; the
checks (`row_problems`) are derived from the text every time. Only a row without problems is
applied (core.commissioning.runner).

What counts as a serial number (`check_serial`): testo prints serial numbers as digits (the
simulator's loggers have nine, e.g. 611669074; the CLI's examples eight, 61100042); the API
documents `serial_number` as a plain string. So the rule is lenient but catches typos and the wrong
column: after removing spaces, 6 to 20 letters or digits (a hyphen may separate groups), with at
least 5 digits. "ABC", "Fridge 3", "12" are refused; "61100042", "611 669 074", "B-12345678" pass.
Letters are compared without case, spaces and hyphens are ignored when comparing.

The plan draft also remembers what the runner did (`applied`: per serial, the logger's uuid and
the placeholder of its measuring object) and which loggers were on the site when commissioning
began (`baseline`). Both are written only by the runner, in the same transaction as the changes it
queues, and `PlanStore.save_rows` keeps them when the editor saves rows.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from saveris_desktop.core.devices.presets import PRESETS
from saveris_desktop.core.devices.ranges import (
    DurationError,
    communication_shorter_than_measuring,
    parse_duration,
)
from saveris_desktop.core.offline.drafts import Draft, DraftKey, DraftKind, DraftStore, upsert_draft
from saveris_desktop.core.offline.store import Store, from_json, timestamp
from saveris_desktop.core.runtime.sentences import QT_TRANSLATE_NOOP, Sentence

LOGGER_NAME_MAX_LENGTH = 64  # as the settings editor's name field
OBJECT_NAME_MAX_LENGTH = 64
SERIAL_MIN_LENGTH = 6
SERIAL_MAX_LENGTH = 20
SERIAL_MIN_DIGITS = 5

_SERIAL = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


class Column(StrEnum):
    """The plan's columns, named as the CSV header names them; order = the table's order."""

    SERIAL = "serial"
    OBJECT = "object"
    PRESET = "preset"
    LOGGER_NAME = "logger_name"
    MEASURING_CYCLE = "measuring_cycle"
    COMMUNICATION_CYCLE = "communication_cycle"


COLUMNS: tuple[Column, ...] = tuple(Column)
REQUIRED_COLUMNS: tuple[Column, ...] = (Column.SERIAL, Column.OBJECT, Column.PRESET)

#: What each column is called in a sentence.
COLUMN_WORDS: dict[Column, str] = {
    Column.SERIAL: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "serial")),
    Column.OBJECT: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "measuring object")),
    Column.PRESET: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "preset")),
    Column.LOGGER_NAME: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "logger name")),
    Column.MEASURING_CYCLE: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "measuring cycle")),
    Column.COMMUNICATION_CYCLE: Sentence(QT_TRANSLATE_NOOP("CoreSentences", "communication cycle")),
}


class _Strict(BaseModel):
    # Plans come from our own drafts and from imported files: unknown fields are refused.
    model_config = ConfigDict(extra="forbid")


class PlanRow(_Strict):
    serial: str = ""
    object: str = ""
    preset: str = ""
    logger_name: str = ""
    measuring_cycle: str = ""
    communication_cycle: str = ""

    def cell(self, column: Column) -> str:
        return str(getattr(self, column.value))

    def with_cell(self, column: Column, text: str) -> PlanRow:
        return self.model_copy(update={column.value: text})

    @property
    def empty(self) -> bool:
        return not any(self.cell(column).strip() for column in COLUMNS)


class Applied(_Strict):
    """What the runner queued for one planned logger (the outbox knows how far it got)."""

    device_uuid: str
    placeholder: str | None = None  # the measuring object's creation; None: no object was queued


class CommissioningPlan(_Strict):
    site: str
    rows: list[PlanRow] = Field(default_factory=list)
    #: normalised serial -> what was queued for it
    applied: dict[str, Applied] = Field(default_factory=dict)
    #: uuids listed when commissioning began (not "unexpected"); None until the first listing
    baseline: list[str] | None = None

    def row_for_serial(self, serial: str) -> int | None:
        wanted = normalise_serial(serial)
        for index, row in enumerate(self.rows):
            if wanted and normalise_serial(row.serial) == wanted:
                return index
        return None


# --- single cells -------------------------------------------------------------------------------


def normalise_serial(text: str) -> str:
    """The serial as compared: no spaces or hyphens, upper case ("611 669-074" -> "611669074")."""
    return re.sub(r"[\s\-]", "", text).upper()


def check_serial(text: str) -> str | None:
    """None when `text` looks like a serial number (see the module doc), else why not."""
    cleaned = text.strip()
    if not cleaned:
        return Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "Scan or type the logger's serial number (on its label).")
        )
    compact = re.sub(r"\s+", "", cleaned)
    digits = sum(ch.isdigit() for ch in compact)
    if (
        not _SERIAL.fullmatch(compact)
        or not SERIAL_MIN_LENGTH <= len(compact.replace("-", "")) <= SERIAL_MAX_LENGTH
        or digits < SERIAL_MIN_DIGITS
    ):
        return Sentence(
            QT_TRANSLATE_NOOP(
                "CoreSentences",
                "'%1' is not a serial number (6 to 20 letters or digits, mostly digits, as on the label).",
            ),
            cleaned,
        )
    return None


def preset_keys() -> tuple[str, ...]:
    return tuple(p.key for p in PRESETS)


def check_preset(text: str, template_names: Iterable[str]) -> str | None:
    name = text.strip()
    choices = ", ".join(preset_keys())
    if not name:
        return Sentence(
            QT_TRANSLATE_NOOP("CoreSentences", "Choose a preset: %1 or a saved alarm preset."), choices
        )
    if name.casefold() in preset_keys():
        return None
    if any(name.casefold() == t.strip().casefold() for t in template_names):
        return None
    return Sentence(
        QT_TRANSLATE_NOOP(
            "CoreSentences", "'%1' is not a preset: use %2 or the name of a saved alarm preset."
        ),
        name,
        choices,
    )


def parse_cycle(text: str) -> int:
    """A cycle as written in a plan ("5min", "15 min", "1h") in ms; a bare number is refused,
    because a spreadsheet's "15" may mean seconds or minutes (the rule of every duration, see
    core.devices.ranges.parse_duration). Raises DurationError."""
    return parse_duration(text.strip())


def _check_cycle(text: str) -> tuple[int | None, str | None]:
    if not text.strip():
        return None, None
    try:
        ms = parse_cycle(text)
    except DurationError as error:
        said = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
        return None, _straight_quotes(said)
    if ms <= 0:
        return None, Sentence(QT_TRANSLATE_NOOP("CoreSentences", "A cycle must be longer than 0 s."))
    return ms, None


#: core.devices.ranges' refusals with the plan's straight quotes (_straight_quotes), marked for lupdate.
_STRAIGHT_QUOTED = (
    QT_TRANSLATE_NOOP("CoreSentences", "'%1' is not a duration; write it like 15 s, 15 min or 1 h 30 min."),
    QT_TRANSLATE_NOOP("CoreSentences", "Unknown unit '%1'; use s, min or h."),
)


def _straight_quotes(message: str) -> str:
    """The plan quotes what was typed in straight quotes, as a spreadsheet and the CSV import do; a
    Sentence keeps its values and gets the straight-quoted template (translated as well)."""
    if isinstance(message, Sentence):
        template = message.template.replace("“", "'").replace("”", "'")
        return Sentence(template, *(_straight_quotes(value) for value in message.values))
    return message.replace("“", "'").replace("”", "'")


# --- whole rows -----------------------------------------------------------------------------------


_AT_MOST = QT_TRANSLATE_NOOP("CoreSentences", "At most %1 characters.")


@dataclass(frozen=True)
class CellProblem:
    row: int  # index into the rows
    column: Column
    message: (
        str  # one sentence, without the row's position (the caller adds "line 7" or shows it beside the cell)
    )


def row_problems(
    rows: Sequence[PlanRow],
    template_names: Iterable[str] = (),
    *,
    position: Callable[[int], str] = lambda index: Sentence(
        QT_TRANSLATE_NOOP("CoreSentences", "row %1"), str(index + 1)
    ),
) -> list[CellProblem]:
    """Every problem of every cell, in row then column order. Empty rows are ignored (spreadsheets
    end with some). `position(index)` words where another row is ("line 4", "row 4")."""
    names = list(template_names)
    problems: list[CellProblem] = []
    serials: dict[str, int] = {}
    objects: dict[str, int] = {}
    for index, row in enumerate(rows):
        if row.empty:
            continue

        def add(column: Column, message: str, index: int = index) -> None:
            problems.append(CellProblem(index, column, message))

        serial_problem = check_serial(row.serial)
        if serial_problem is not None:
            add(Column.SERIAL, serial_problem)
        else:
            key = normalise_serial(row.serial)
            if key in serials:
                same = QT_TRANSLATE_NOOP("CoreSentences", "The same serial as %1.")
                add(Column.SERIAL, Sentence(same, position(serials[key])))
            else:
                serials[key] = index
        object_name = " ".join(row.object.split())
        if not object_name:
            add(
                Column.OBJECT,
                Sentence(QT_TRANSLATE_NOOP("CoreSentences", "Name the measuring object, e.g. Fridge 3.")),
            )
        elif len(object_name) > OBJECT_NAME_MAX_LENGTH:
            add(Column.OBJECT, Sentence(_AT_MOST, str(OBJECT_NAME_MAX_LENGTH)))
        elif object_name.casefold() in objects:
            same = QT_TRANSLATE_NOOP("CoreSentences", "The same measuring object as %1.")
            add(Column.OBJECT, Sentence(same, position(objects[object_name.casefold()])))
        else:
            objects[object_name.casefold()] = index
        preset_problem = check_preset(row.preset, names)
        if preset_problem is not None:
            add(Column.PRESET, preset_problem)
        if len(row.logger_name.strip()) > LOGGER_NAME_MAX_LENGTH:
            add(Column.LOGGER_NAME, Sentence(_AT_MOST, str(LOGGER_NAME_MAX_LENGTH)))
        measuring, measuring_problem = _check_cycle(row.measuring_cycle)
        communication, communication_problem = _check_cycle(row.communication_cycle)
        if measuring_problem is not None:
            add(Column.MEASURING_CYCLE, measuring_problem)
        if communication_problem is not None:
            add(Column.COMMUNICATION_CYCLE, communication_problem)
        if communication_shorter_than_measuring(measuring, communication):
            add(
                Column.COMMUNICATION_CYCLE,
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "CoreSentences",
                        "A logger cannot send more often than it measures: "
                        "make it at least the measuring cycle.",
                    )
                ),
            )
    return problems


@dataclass(frozen=True)
class ReadyRow:
    """A checked row, parsed for the runner."""

    serial: str
    object: str
    preset: str
    logger_name: str | None
    measuring_cycle: int | None
    communication_cycle: int | None


def ready_row(row: PlanRow) -> ReadyRow:
    """The parsed row; call only for a row without problems."""
    return ReadyRow(
        serial=row.serial.strip(),
        object=" ".join(row.object.split()),
        preset=row.preset.strip(),
        logger_name=row.logger_name.strip() or None,
        measuring_cycle=_check_cycle(row.measuring_cycle)[0],
        communication_cycle=_check_cycle(row.communication_cycle)[0],
    )


# --- the draft ------------------------------------------------------------------------------------


def plan_key(endpoint: str, site: str) -> DraftKey:
    return DraftKey(endpoint, site, DraftKind.COMMISSIONING_PLAN, site)


def read_plan(connection: sqlite3.Connection, key: DraftKey) -> CommissioningPlan | None:
    """The plan inside the caller's transaction (the runner updates it together with the outbox)."""
    row = connection.execute(
        "SELECT mine FROM drafts WHERE endpoint = ? AND site = ? AND kind = ? AND object_id = ?",
        key.as_tuple(),
    ).fetchone()
    return None if row is None else CommissioningPlan.model_validate(from_json(row["mine"]))


def write_plan(connection: sqlite3.Connection, key: DraftKey, plan: CommissioningPlan) -> None:
    upsert_draft(connection, Draft(key, None, plan.model_dump(mode="json"), timestamp()))


class PlanStore:
    """The plans of one endpoint (region), as drafts of kind "commissioning_plan"."""

    def __init__(self, store: Store, endpoint: str) -> None:
        self.store = store
        self.endpoint = endpoint
        self._drafts = DraftStore(store)

    def key(self, site: str) -> DraftKey:
        return plan_key(self.endpoint, site)

    async def load(self, site: str) -> CommissioningPlan | None:
        key = self.key(site)
        return await self.store.read(lambda connection: read_plan(connection, key))

    async def sites(self) -> list[str]:
        drafts = await self._drafts.find(endpoint=self.endpoint, kind=DraftKind.COMMISSIONING_PLAN)
        return [d.key.site for d in drafts]

    async def save_rows(self, site: str, rows: Sequence[PlanRow]) -> CommissioningPlan:
        """Save the editor's rows; what the runner recorded (applied, baseline) stays."""
        key = self.key(site)
        wanted = [PlanRow.model_validate(row.model_dump()) for row in rows]

        def work(connection: sqlite3.Connection) -> CommissioningPlan:
            current = read_plan(connection, key) or CommissioningPlan(site=site)
            plan = current.model_copy(update={"rows": wanted})
            write_plan(connection, key, plan)
            return plan

        return await self.store.write(work)

    async def add_serial(self, site: str, serial: str) -> CommissioningPlan:
        """A row for `serial` at the end, unless the plan has one (in one transaction with the read,
        so an edit saved meanwhile is kept)."""
        key = self.key(site)

        def work(connection: sqlite3.Connection) -> CommissioningPlan:
            current = read_plan(connection, key) or CommissioningPlan(site=site)
            if current.row_for_serial(serial) is None:
                current = current.model_copy(update={"rows": [*current.rows, PlanRow(serial=serial)]})
                write_plan(connection, key, current)
            return current

        return await self.store.write(work)

    async def ensure(self, site: str) -> CommissioningPlan:
        """The site's plan; an empty one is created only if there is none (never replacing rows an
        editor saved a moment ago)."""
        key = self.key(site)

        def work(connection: sqlite3.Connection) -> CommissioningPlan:
            current = read_plan(connection, key)
            if current is None:
                current = CommissioningPlan(site=site)
                write_plan(connection, key, current)
            return current

        return await self.store.write(work)

    async def delete(self, site: str) -> bool:
        return await self._drafts.delete(self.key(site))
