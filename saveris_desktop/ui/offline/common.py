"""Words and small helpers the offline dialogs share."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from saveris_desktop.core.offline.merge import MISSING
from saveris_desktop.ui import locale_format
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


DURATION_FIELDS = ("measuring_cycle", "communication_cycle", "delay")


def short_value(value: Any, limit: int = 160, *, field: str = "") -> str:
    """A value for a table cell: absent fields say so, durations in words, objects as compact JSON."""
    if value is MISSING:
        return QCoreApplication.translate("offline", "(not set)")
    if value is None:
        return "—"
    if field.endswith(DURATION_FIELDS) and isinstance(value, int) and not isinstance(value, bool):
        return locale_format.duration(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def name_widget(widget: QWidget, name: str, accessible: str) -> None:
    named(widget, name, accessible)
