"""The commissioning report as a QTextDocument: the words, in the technician's language, for PDF and print.

core.commissioning.report gives the data; this module words it (every text through
QCoreApplication.translate, context "CommissioningReport") and lays it out as HTML that
QTextDocument understands. Readable in black and white: meaning is carried by words, bold headings
and ruled tables, never by colour. What the cloud did not let us read is said in words where the
value would stand ("not readable from this cloud"), never left blank.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument

from saveris_desktop.core.commissioning.report import (
    CommissioningReport,
    LoggerEntry,
    ObjectEntry,
    PartState,
    SensorChannelEntry,
    SensorEntry,
    TimezoneSource,
)
from saveris_desktop.core.devices.alarm_rules import ChannelLimits
from saveris_desktop.core.devices.device_rows import model_and_type
from saveris_desktop.core.devices.units import unit_symbol, value_name
from saveris_desktop.ui import core_words, locale_format
from saveris_desktop.ui.style import INK, PRINT_SHADE

#: Body text size in points: small enough for nine limit columns on A4, large enough to read printed.
BODY_POINTS = 8.5


#: `translate("CommissioningReport", "text")` literally, so pyside6-lupdate finds every string.
translate = QCoreApplication.translate


def _e(text: object) -> str:
    return html.escape(str(text))


def value_words(value_id: str | None) -> str:
    """What a channel measures, translated for the values the app knows; others as the cloud named them."""
    known = {
        "PV_TEMPERATURE": translate("CommissioningReport", "Temperature"),
        "PV_HUMIDITY": translate("CommissioningReport", "Humidity"),
        "PV_DOOR_STATE": translate("CommissioningReport", "Door state"),
        "PV_ABSOLUTE_HUMIDITY": translate("CommissioningReport", "Absolute humidity"),
        "PV_PRESSURE": translate("CommissioningReport", "Pressure"),
        "PV_DEW_POINT": translate("CommissioningReport", "Dew point"),
    }
    return known.get(value_id or "", value_name(value_id))


def state_words(state: PartState, problem: str | None = None) -> str:
    words = {
        PartState.READ: "",
        PartState.NOT_SET: translate("CommissioningReport", "none set"),
        PartState.NOT_READABLE: translate("CommissioningReport", "not readable from this cloud"),
        PartState.FAILED: translate("CommissioningReport", "could not be read"),
    }[state]
    if state is PartState.FAILED and problem:
        return f"{words} ({problem})"
    return words


def moment_words(moment: datetime) -> str:
    """Date and time in the reader's language, with its offset, so it reads without doubt:
    "28.11.2026 10:30 (UTC+01:00)" in German, "2026-11-28 10:30 (UTC+01:00)" in English."""
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{locale_format.date_time(moment)} ({zone})"


def timezone_words(report: CommissioningReport) -> str:
    zone = report.timezone
    if zone.zone is None:
        reason = state_words(zone.state, zone.problem) or translate("CommissioningReport", "not set")
        return translate("CommissioningReport", "unknown (%1); times are in UTC").replace("%1", reason)
    if zone.source is TimezoneSource.THIS_LAPTOP:
        return (
            translate("CommissioningReport", "%1 (as chosen on this laptop; the cloud's own setting: %2)")
            .replace("%1", zone.zone)
            .replace("%2", state_words(zone.state, zone.problem))
        )
    return zone.zone


def _duration(ms: int | None) -> str:
    return locale_format.duration(ms) if ms is not None else translate("CommissioningReport", "not given")


def _tag(tag: str, text: str) -> str:
    return f"<{tag}>{_e(text)}</{tag}>"


class _Sections:
    """Numbers the sections (<h2>) in order; those in `breaks_before` start on a new page."""

    def __init__(self, breaks_before: Collection[int]) -> None:
        self._breaks = breaks_before
        self._count = 0

    def heading(self, text: str) -> str:
        number, self._count = self._count, self._count + 1
        style = ' style="page-break-before: always"' if number in self._breaks else ""
        return f"<h2{style}>{_e(text)}</h2>"


def _facts(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td width="32%"><b>{_e(label)}</b></td><td>{_e(value)}</td></tr>' for label, value in rows
    )
    return f'<table class="facts" width="100%" cellspacing="0" cellpadding="2">{cells}</table>'


def _grid(headers: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int] = ()) -> str:
    head = "".join(
        f'<th align="left"{f" width={w}%" if w else ""}>{_e(h)}</th>'
        for h, w in zip(headers, [*widths, *[0] * len(headers)], strict=False)
    )
    body = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )


def _limit(limits: ChannelLimits, value: float | None) -> str:
    if value is None:
        return "—"
    return f"{locale_format.number(value)} {unit_symbol(limits.unit)}".strip()


def _channel_words(channel: SensorChannelEntry) -> str:
    """ "1 Temperature (°C)", or "2 Probe (Temperature, °C)" when the name does not say what it measures."""
    measures = value_words(channel.physical_value_id)
    unit = unit_symbol(channel.unit_id)
    details = [unit] if channel.name.casefold() == measures.casefold() or not measures else [measures, unit]
    shown = ", ".join(part for part in details if part)
    return f"{channel.number} {channel.name}" + (f" ({shown})" if shown else "")


def _sensor_row(sensor: SensorEntry) -> list[str]:
    if sensor.connected is None:
        connected = translate("CommissioningReport", "not said by the cloud")
    elif sensor.connected:
        connected = translate("CommissioningReport", "yes")
    else:
        connected = translate("CommissioningReport", "no (disconnected)")
    if sensor.state is not PartState.READ:
        return [str(sensor.slot), state_words(sensor.state, sensor.problem), "—", connected]
    label = " · ".join(part for part in (sensor.name, sensor.model_code, sensor.serial_number) if part)
    channels = ", ".join(_channel_words(c) for c in sensor.channels)
    return [
        str(sensor.slot),
        label or translate("CommissioningReport", "sensor"),
        channels or translate("CommissioningReport", "none"),
        connected,
    ]


def object_name(obj: ObjectEntry) -> str:
    if obj.name and obj.name.strip():
        return obj.name
    return translate("CommissioningReport", "Unnamed object (%1)").replace("%1", (obj.uuid or "")[:8])


def _limit_headers() -> list[str]:
    return [
        translate("CommissioningReport", "Measuring object"),
        translate("CommissioningReport", "Channel"),
        translate("CommissioningReport", "Measures"),
        translate("CommissioningReport", "Lower alarm"),
        translate("CommissioningReport", "Lower warning"),
        translate("CommissioningReport", "Upper warning"),
        translate("CommissioningReport", "Upper alarm"),
        translate("CommissioningReport", "Hysteresis"),
        translate("CommissioningReport", "Delay"),
    ]


def _object_rows(obj: ObjectEntry) -> list[list[str]]:
    name = object_name(obj)
    if not obj.channels:
        return [[name, translate("CommissioningReport", "no channels"), "", "", "", "", "", "", ""]]
    rows = []
    for channel in obj.channels:
        where = channel.name  # fed by: the sensor channel's number, as the sensors table lists it
        if channel.sensor_channel is not None:
            where = translate("CommissioningReport", "%1 ← channel %2").replace("%1", channel.name)
            where = where.replace("%2", str(channel.sensor_channel))
        limits = channel.limits
        if limits is None:
            state = obj.alarms if obj.alarms is not PartState.READ else PartState.NOT_READABLE
            words = state_words(state, obj.alarms_problem)
            rows.append([name, where, value_words(channel.physical_value_id), words, "", "", "", "", ""])
        elif limits.empty:
            rows.append(
                [
                    name,
                    where,
                    value_words(channel.physical_value_id),
                    translate("CommissioningReport", "no alarm limits"),
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
        else:
            rows.append(
                [
                    name,
                    where,
                    value_words(channel.physical_value_id),
                    _limit(limits, limits.lower_alarm),
                    _limit(limits, limits.lower_warning),
                    _limit(limits, limits.upper_warning),
                    _limit(limits, limits.upper_alarm),
                    _limit(limits, limits.hysteresis),
                    locale_format.duration(limits.delay_ms),
                ]
            )
    return rows


_LIMIT_WIDTHS = (15, 13, 13, 9, 9, 9, 9, 12, 11)


def _logger_section(
    report: CommissioningReport, logger: LoggerEntry, number: int, sections: _Sections
) -> str:
    title = (
        translate("CommissioningReport", "Logger %1 of %2: %3")
        .replace("%1", str(number))
        .replace("%2", str(len(report.loggers)))
    )
    title = title.replace("%3", logger.serial_number or translate("CommissioningReport", "no serial number"))
    first = (
        moment_words(logger.first_listed_at)
        if logger.first_listed_at is not None
        else (logger.first_listed or translate("CommissioningReport", "not given by the cloud"))
    )
    parts = [
        sections.heading(title),
        _facts(
            [
                (
                    translate("CommissioningReport", "Name"),
                    logger.name or translate("CommissioningReport", "none"),
                ),
                (translate("CommissioningReport", "Serial number"), logger.serial_number),
                (
                    translate("CommissioningReport", "Model"),
                    core_words.translated(model_and_type(logger.model_code, logger.device_type)),
                ),
                (
                    translate("CommissioningReport", "Firmware"),
                    logger.firmware or translate("CommissioningReport", "not given"),
                ),
                (translate("CommissioningReport", "Measuring cycle"), _duration(logger.measuring_cycle_ms)),
                (
                    translate("CommissioningReport", "Communication cycle"),
                    _duration(logger.communication_cycle_ms),
                ),
                (translate("CommissioningReport", "First listed by the cloud"), first),
                (translate("CommissioningReport", "State at handover"), core_words.translated(logger.status)),
            ]
        ),
        _tag("h3", translate("CommissioningReport", "Sensors")),
    ]
    if logger.sensors:
        parts.append(
            _grid(
                [
                    translate("CommissioningReport", "Slot"),
                    translate("CommissioningReport", "Sensor"),
                    translate("CommissioningReport", "Channels"),
                    translate("CommissioningReport", "Connected"),
                ],
                [_sensor_row(s) for s in logger.sensors],
                (8, 30, 42, 20),
            )
        )
    else:
        parts.append(_tag("p", translate("CommissioningReport", "No sensors connected.")))
    parts.append(_tag("h3", translate("CommissioningReport", "Measuring objects and alarm limits")))
    objects = report.objects_of(logger)
    if report.objects.state is not PartState.READ:
        parts.append(f"<p>{_e(state_words(report.objects.state, report.objects.problem))}</p>")
    elif objects:
        rows = [row for obj in objects for row in _object_rows(obj)]
        parts.append(_grid(_limit_headers(), rows, _LIMIT_WIDTHS))
    else:
        parts.append(_tag("p", translate("CommissioningReport", "No measuring object uses this logger.")))
    return "".join(parts)


def _signatures(sections: _Sections) -> str:
    """Two ruled boxes, customer and technician, each with name, date and signature."""
    customer = translate("CommissioningReport", "Customer")
    technician = translate("CommissioningReport", "Technician")
    rows = "".join(
        f'<tr><td width="18%"><b>{_e(label)}</b></td><td height="{height}" width="32%">&nbsp;</td>'
        f'<td width="18%"><b>{_e(label)}</b></td><td height="{height}" width="32%">&nbsp;</td></tr>'
        for label, height in (
            (translate("CommissioningReport", "Name"), 26),
            (translate("CommissioningReport", "Date"), 26),
            (translate("CommissioningReport", "Signature"), 60),
        )
    )
    heads = f'<tr><th colspan="2" align="left">{_e(customer)}</th>'
    heads += f'<th colspan="2" align="left">{_e(technician)}</th></tr>'
    title = translate("CommissioningReport", "Signatures")
    handed_over = translate(
        "CommissioningReport", "The loggers listed above were put into service and handed over as described."
    )
    return (
        f"{sections.heading(title)}<p>{_e(handed_over)}</p>"
        '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="4">'
        f"{heads}{rows}</table>"
    )


def report_title() -> str:
    return translate("CommissioningReport", "Commissioning report")


def header_text(report: CommissioningReport) -> str:
    """The line at the top of every page: what and where, and when."""
    return f"{report_title()} · {report.site} · {report.created_at:%Y-%m-%d}"


def page_words(page: int, pages: int) -> str:
    return (
        translate("CommissioningReport", "Page %1 of %2").replace("%1", str(page)).replace("%2", str(pages))
    )


def report_html(report: CommissioningReport, breaks_before: Collection[int] = ()) -> str:
    """The report as HTML; `breaks_before`: numbers of the sections (from 0) that start a page."""
    sections = _Sections(breaks_before)
    objects = report.objects
    parts = [
        "<html><head><style>"
        f"body {{ color: {INK}; }} h1 {{ font-size: 16pt; }} h2 {{ font-size: 11.5pt; margin-top: 14px; }}"
        "h3 { font-size: 9.5pt; margin-top: 8px; margin-bottom: 3px; }"
        f"table.grid {{ border-collapse: collapse; border-color: {INK}; border-style: solid; }}"
        f"th {{ font-weight: bold; background-color: {PRINT_SHADE}; }}"
        "</style></head><body>",
        f"<h1>{_e(report_title())}</h1>",
        _facts(
            [
                (translate("CommissioningReport", "Site"), report.site),
                (translate("CommissioningReport", "Time zone"), timezone_words(report)),
                (
                    translate("CommissioningReport", "Date and time of the report"),
                    moment_words(report.created_at),
                ),
                (
                    translate("CommissioningReport", "Technician"),
                    report.technician or translate("CommissioningReport", "not signed in"),
                ),
                (translate("CommissioningReport", "Made with"), f"Saveris Desktop {report.app_version}"),
                (translate("CommissioningReport", "Cloud"), report.server),
                (translate("CommissioningReport", "Loggers"), str(len(report.loggers))),
                (
                    translate("CommissioningReport", "Measuring objects"),
                    str(len(objects.objects))
                    if objects.state is PartState.READ
                    else state_words(objects.state, objects.problem),
                ),
            ]
        ),
    ]
    if report.incomplete:
        parts.append(
            "<p><b>"
            + _e(translate("CommissioningReport", "Note:"))
            + "</b> "
            + _e(
                translate(
                    "CommissioningReport",
                    "Some values could not be read from the cloud. They are marked in the report; "
                    "the rest is complete.",
                )
            )
            + "</p>"
        )
    for number, logger in enumerate(report.loggers, start=1):
        parts.append(_logger_section(report, logger, number, sections))
    if not report.loggers:
        parts.append(_tag("p", translate("CommissioningReport", "The site has no loggers yet.")))
    orphans = report.objects_without_logger()
    if orphans:
        title = translate("CommissioningReport", "Measuring objects without a logger of this site")
        parts.append(sections.heading(title))
        parts.append(_grid(_limit_headers(), [r for o in orphans for r in _object_rows(o)], _LIMIT_WIDTHS))
    parts.append(sections.heading(translate("CommissioningReport", "Plan rows not completed")))
    if report.open_plan_rows is None:
        parts.append(_tag("p", translate("CommissioningReport", "No commissioning plan was used.")))
    elif not report.open_plan_rows:
        parts.append(_tag("p", translate("CommissioningReport", "Every row of the plan was completed.")))
    else:
        parts.append(
            _grid(
                [
                    translate("CommissioningReport", "Serial number"),
                    translate("CommissioningReport", "Measuring object"),
                    translate("CommissioningReport", "Why not completed"),
                ],
                [
                    [r.serial_number, r.measuring_object, core_words.translated(r.reason)]
                    for r in report.open_plan_rows
                ],
                (20, 30, 50),
            )
        )
    parts.append(_signatures(sections))
    parts.append("</body></html>")
    return "".join(parts)


def report_document(report: CommissioningReport, breaks_before: Collection[int] = ()) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setHtml(report_html(report, breaks_before))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, header_text(report))
    return document
