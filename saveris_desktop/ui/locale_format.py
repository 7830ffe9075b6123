"""Numbers, dates and ages as the user reads them: "5,5" and "28.11.2026 09:30" in German.

Numbers follow QLocale's default (i18n.install sets it from the system and the chosen language).
Date formats and the words of an age are translated strings, so each language picks its own order
and separators; core/ keeps its English texts for the CLI and the log.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from saveris_desktop.core.devices.ranges import format_duration
from saveris_desktop.ui import core_words  # (core_words writes core's Numbers with number() below)

#: Python's `format(value, "g")`: six significant digits, no exponent for everyday values.
SIGNIFICANT_DIGITS = 6


def number(value: float) -> str:
    """A measured value or limit in the user's locale, without grouping ("1000,5", not "1.000,5"):
    what is shown can be typed back the same way."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "g", SIGNIFICANT_DIGITS)


def duration(ms: int) -> str:
    """A duration as technicians read it ("15 min", "1,5 s" in German): core's words, the locale's
    decimal separator. Typed back, it parses the same (core.devices.ranges accepts both)."""
    return core_words.translated(format_duration(ms))


def date_time(moment: datetime) -> str:
    """Date and time to the minute, in the order and with the separators of the user's language."""
    pattern = QCoreApplication.translate(
        "LocaleFormat",
        "%Y-%m-%d %H:%M",
        "date and time as Python's strftime writes them: use the order and separators of your language",
    )
    return moment.strftime(pattern)


class AgeWords(QObject):
    """Holds the words of an age: lupdate files `self.tr(text, "", n)` as a plural (numerus)
    message, `QCoreApplication.translate(..., n)` it does not."""

    def words(self, seconds: int) -> str:
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%n min ago", "", seconds // 60)
        if seconds < 86400:
            return self.tr("%n h ago", "", seconds // 3600)
        return self.tr("%n day(s) ago", "", seconds // 86400)


def age(delta: timedelta) -> str:
    """How long ago, in words ("5 min ago"): the status bar's age of the data shown offline."""
    return AgeWords().words(max(0, int(delta.total_seconds())))
