"""The commissioning report as CSV and as JSON (no Qt: `saveris-cli report` writes them too).

JSON is the whole model (CommissioningReport.to_dict). CSV is one flat table a spreadsheet can
filter: one row per logical channel of a measuring object, with its logger's columns repeated; a
logger without objects gets one row of its own, an object no logger feeds one row per channel, and
each plan row that was not completed one row with its reason. The report's facts (site, zone, time,
technician, app) are repeated in every row, so any row read alone is complete. Cells go through the
audit log's spreadsheet escaping (a leading "=" is text, never a formula); UTF-8 with BOM, CRLF,
as Excel on Windows expects. The PDF is drawn with Qt (ui/commissioning/report_pdf.py).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from saveris_desktop.core.commissioning.report import (
    CommissioningReport,
    LoggerEntry,
    ObjectChannel,
    ObjectEntry,
    PartState,
    SensorEntry,
    TimezoneSource,
)
from saveris_desktop.core.devices.alarm_rules import ChannelLimits
from saveris_desktop.core.devices.ranges import format_duration
from saveris_desktop.core.devices.units import unit_symbol, value_name
from saveris_desktop.core.offline.audit import spreadsheet_cell
from saveris_desktop.core.runtime.files import write_text_atomically

#: The formats `write_report_file` writes without Qt, by file suffix.
DATA_SUFFIXES = (".csv", ".json")

CSV_COLUMNS = (
    "site",
    "time_zone",
    "report_time",
    "technician",
    "app_version",
    "serial_number",
    "logger_name",
    "model",
    "device_type",
    "firmware",
    "measuring_cycle",
    "communication_cycle",
    "sensors",
    "first_listed_by_cloud",
    "state_at_handover",
    "measuring_object",
    "logical_channel",
    "measures",
    "unit",
    "lower_alarm",
    "lower_warning",
    "upper_warning",
    "upper_alarm",
    "hysteresis",
    "delay",
    "alarm_limits",
    "not_completed_reason",
)

#: How a state reads in a CSV cell (the CSV is for people with a spreadsheet, the JSON has codes).
STATE_WORDS = {
    PartState.READ: "read",
    PartState.NOT_SET: "none set",
    PartState.NOT_READABLE: "not readable from this cloud",
    PartState.FAILED: "could not be read",
}


def to_json(report: CommissioningReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _duration(ms: int | None) -> str:
    return format_duration(ms) if ms is not None else ""


def _timezone(report: CommissioningReport) -> str:
    zone = report.timezone
    if zone.zone is None:
        return f"unknown ({STATE_WORDS[zone.state]}; times in UTC)"
    if zone.source is TimezoneSource.THIS_LAPTOP:
        return f"{zone.zone} (as chosen on this laptop; {STATE_WORDS[zone.state]})"
    return zone.zone


def sensor_text(sensor: SensorEntry) -> str:
    """ "slot 1: TP3 (Temperature °C)" for a CSV cell; what is not known is said, not left out."""
    head = f"slot {sensor.slot}"
    if sensor.state is not PartState.READ:
        details = STATE_WORDS[sensor.state]
    else:
        channels = (
            ", ".join(f"{c.name} {unit_symbol(c.unit_id)}".strip() for c in sensor.channels) or "no channels"
        )
        details = f"{sensor.name or sensor.model_code or 'sensor'} ({channels})"
    return f"{head}: {details}" + (" (disconnected)" if sensor.connected is False else "")


def _limit(limits: ChannelLimits | None, value: float | None) -> str:
    if limits is None or value is None:
        return ""
    return f"{value:g}"


def _limit_columns(obj: ObjectEntry, channel: ObjectChannel) -> list[object]:
    limits = channel.limits
    if limits is None:
        # The object's configuration failed or is not offered; or it was read, but this channel's
        # part is in a form the app cannot read: not readable either way.
        failed = obj.alarms is PartState.FAILED
        words = STATE_WORDS[PartState.FAILED if failed else PartState.NOT_READABLE]
    else:
        words = "none set" if limits.empty else "set"
    return [
        _limit(limits, limits.lower_alarm if limits else None),
        _limit(limits, limits.lower_warning if limits else None),
        _limit(limits, limits.upper_warning if limits else None),
        _limit(limits, limits.upper_alarm if limits else None),
        f"{limits.hysteresis:g}" if limits and not limits.empty else "",
        format_duration(limits.delay_ms) if limits and not limits.empty else "",
        words,
    ]


def _logger_columns(logger: LoggerEntry | None) -> list[object]:
    if logger is None:
        return [""] * 10
    first = logger.first_listed_at.isoformat() if logger.first_listed_at else (logger.first_listed or "")
    return [
        logger.serial_number,
        logger.name,
        logger.model_code,
        logger.device_type,
        logger.firmware,
        _duration(logger.measuring_cycle_ms),
        _duration(logger.communication_cycle_ms),
        "; ".join(sensor_text(s) for s in logger.sensors) or "none",
        first,
        logger.status,
    ]


def _object_rows(obj: ObjectEntry) -> list[list[object]]:
    name = obj.name or f"unnamed object {(obj.uuid or '')[:8]}"
    if not obj.channels:
        return [[name, "", "", "", *[""] * 6, STATE_WORDS[obj.alarms], ""]]
    return [
        [
            name,
            channel.name,
            value_name(channel.physical_value_id),
            unit_symbol(channel.unit_id),
            *_limit_columns(obj, channel),
            "",
        ]
        for channel in obj.channels
    ]


def to_csv(report: CommissioningReport) -> str:
    facts: list[object] = [
        report.site,
        _timezone(report),
        report.created_at.isoformat(),
        report.technician or "",
        report.app_version,
    ]
    rows: list[list[object]] = []
    objects_state = report.objects.state
    for logger in report.loggers:
        logger_part = _logger_columns(logger)
        objects = report.objects_of(logger)
        if objects:
            rows += [logger_part + row for obj in objects for row in _object_rows(obj)]
        else:
            # No object: empty, or the reason none is known ("(not readable from this cloud)").
            marker = "" if objects_state is PartState.READ else f"({STATE_WORDS[objects_state]})"
            rows.append([*logger_part, marker, *[""] * 11])
    for obj in report.objects_without_logger():
        rows += [_logger_columns(None) + row for row in _object_rows(obj)]
    for open_row in report.open_plan_rows or ():
        rows.append(
            [open_row.serial_number, *[""] * 9, open_row.measuring_object, *[""] * 10, open_row.reason]
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in facts + row])
    return buffer.getvalue()


async def write_report_file(report: CommissioningReport, path: Path) -> None:
    """Write the CSV or the JSON, chosen by the suffix (ValueError for any other)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        # utf-8-sig: spreadsheet programs on Windows then read umlauts and °C correctly.
        await write_text_atomically(path, to_csv(report), encoding="utf-8-sig")
    elif suffix == ".json":
        await write_text_atomically(path, to_json(report))
    else:
        raise ValueError(f"{path.name}: the report is written as {', '.join(DATA_SUFFIXES)} or .pdf")
