"""What a list says when a refresh failed while it still shows values: from when they are, and why
they could not be refreshed — never "could not load the list" beside a list that is visibly filled.

One wording for every list and table that refreshes from the cloud (the device table, the
measuring objects, the templates dialog's objects), so a technician reads the same sentence
everywhere: "Showing the values read at 28.11.2026 10:42: they could not be refreshed (…)".
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from saveris_desktop.ui import locale_format


def local_time(moment: datetime | str) -> str:
    """A moment (an aware datetime or an ISO date-time, e.g. a cache row's `fetched_at`) as the
    technician's local date and time."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return locale_format.date_time(moment.astimezone())


def not_refreshed(read_at: datetime | str | None, reason: str) -> str:
    """The sentence for a filled list whose refresh failed; `read_at`: when the shown values were
    read (None: not known, e.g. a list filled before this screen kept the time)."""
    if read_at is None:
        return QCoreApplication.translate(
            "StaleList", "Showing the values read last: they could not be refreshed (%1)."
        ).replace("%1", reason)
    return (
        QCoreApplication.translate(
            "StaleList", "Showing the values read at %1: they could not be refreshed (%2)."
        )
        .replace("%1", local_time(read_at))
        .replace("%2", reason)
    )
