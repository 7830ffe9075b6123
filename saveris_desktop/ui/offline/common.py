"""Words and small helpers the offline dialogs share."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from saveris_desktop.core.offline import reasons
from saveris_desktop.core.offline.change_words import Names, describe_change, summary
from saveris_desktop.core.offline.resources import RESOURCES
from saveris_desktop.ui import core_words, locale_format
from saveris_desktop.ui.widgets.naming import named


def kind_label(kind: str) -> str:
    """What a change is about, in technician words."""
    labels = {
        "device": QCoreApplication.translate("offline", "Logger settings"),
        "sensor": QCoreApplication.translate("offline", "Sensor settings"),
        "device_alarms": QCoreApplication.translate("offline", "Logger alarms"),
        "sensor_alarms": QCoreApplication.translate("offline", "Sensor alarms"),
        "measuring_object": QCoreApplication.translate("offline", "New measuring object"),
        "instruction_set": QCoreApplication.translate("offline", "Measuring instruction set"),
        "measurement_alarms": QCoreApplication.translate("offline", "Measurement alarms"),
        "global_settings": QCoreApplication.translate("offline", "Site timezone"),
        "site": QCoreApplication.translate("offline", "New site"),
        "site_plan": QCoreApplication.translate("offline", "Site plan"),
        "wizard": QCoreApplication.translate("offline", "Onboarding"),
    }
    return labels.get(kind, kind)


def reason_text(message: str | None) -> str:
    """A change's reason as the outbox or the audit log keeps it (English), in the user's language
    when it is one of the sync's own (core.offline.reasons); the cloud's own words as they are."""
    return core_words.translated(reasons.recognised(message)) if message else ""


def state_label(state: str) -> str:
    labels = {
        "pending": QCoreApplication.translate("offline", "Waiting to be sent"),
        "sending": QCoreApplication.translate("offline", "Sent, not yet confirmed"),
        "done": QCoreApplication.translate("offline", "In the cloud"),
        "conflict": QCoreApplication.translate("offline", "Needs your choice"),
        "failed": QCoreApplication.translate("offline", "Refused by the cloud"),
        "attention": QCoreApplication.translate("offline", "Needs attention"),
    }
    return labels.get(state, state)


def local_time(stamp: str) -> str:
    """A stored UTC time ("2026-11-28T09:05:00.000+00:00") in the user's time zone and language."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp  # not a time the app wrote: as it is
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return locale_format.date_time(moment.astimezone())


def change_summary(kind: str, object_id: str, before: Any, after: Any, names: Names, site: str = "") -> str:
    """One line for lists of changes, in the user's language: "Fridge 3: Upper alarm 8 → 10 °C"; a
    change that is no document of the resource table (a new site, a site plan) by what it is."""
    if kind in RESOURCES:
        return core_words.translated(summary(kind, object_id, before, after, names, site=site))
    return f"{kind_label(kind)}: {core_words.translated(names.of(kind, object_id, site))}"


def change_sentences(kind: str, before: Any, after: Any, names: Names) -> list[str]:
    """A change setting by setting, in the user's language ("Upper alarm: 8 °C → 10 °C"); nothing
    for a change that is no document of the resource table."""
    if kind not in RESOURCES:
        return []
    return [core_words.translated(line.sentence()) for line in describe_change(kind, before, after, names)]


def fit_columns(view: QAbstractItemView, header: QHeaderView, *, stretch: int, most_chars: int) -> None:
    """Each column as wide as its texts, but at most `most_chars` average characters (a longer text is
    cut; the views show it in full as its tooltip); column `stretch` takes the room left. So a list
    of changes reads without scrolling sideways. Call it after the rows changed."""
    most = view.fontMetrics().averageCharWidth() * most_chars
    header.setStretchLastSection(False)
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        wanted = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        header.resizeSection(column, min(wanted, most))


def name_widget(widget: QWidget, name: str, accessible: str) -> None:
    named(widget, name, accessible)
