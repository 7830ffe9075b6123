"""What every screen that names a site shares: the words for core's site name rule, and the time zones.

The rule itself is core's (core.onboarding.flow.check_site_name: a problem code and the position of
the character); this module only says it in the technician's language, so the wizard's site step
and the device view's New site dialog say the same thing in the same words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimeZone
from PySide6.QtWidgets import QComboBox, QCompleter

from saveris_desktop.api.errors import RequestValidationError
from saveris_desktop.core.onboarding.flow import SITE_NAME_MAX_LENGTH, SiteNameCheck, SiteNameProblem
from saveris_desktop.ui.error_text import explain_error


def site_name_message(check: SiteNameCheck, button: str) -> str:
    """One sentence for `check`'s problem ("" when the name is fine); `button` is the action that
    stays disabled meanwhile, as the technician sees it ("Next", "Create site")."""
    if check.problem is SiteNameProblem.EMPTY:
        return (
            QCoreApplication.translate(
                "SiteNames",
                "Type a name for the site, for example the shop or building; “%1” stays disabled until then.",
            )
        ).replace("%1", button)
    if check.problem is SiteNameProblem.CONTROL_CHARACTERS:
        # The character is invisible: its code is what the technician (or support) can look for.
        code = f"U+{ord(check.character):04X}" if check.character else "?"
        return (
            QCoreApplication.translate(
                "SiteNames",
                "The character at position %1 is invisible (%2, usually pasted along) and cannot be part "
                "of a site name: delete it.",
            )
            .replace("%1", str(check.position))
            .replace("%2", code)
        )
    if check.problem is SiteNameProblem.TOO_LONG:
        return (
            QCoreApplication.translate(
                "SiteNames",
                "The name has %1 characters; a site name has at most %2: shorten it from position %3 on.",
            )
            .replace("%1", str(check.length))
            .replace("%2", str(SITE_NAME_MAX_LENGTH))
            .replace("%3", str(check.position))
        )
    return ""


def name_refused_message(error: RequestValidationError) -> str:
    """The cloud refused a site name: its own reason when it gave one, else our words for the refusal
    in the technician's language (the API's English sentence only where English is read)."""
    reason = error.server_reason or explain_error(error)
    return QCoreApplication.translate("SiteNames", "The cloud refused this name: %1").replace("%1", reason)


def available_timezones() -> list[str]:
    """IANA names the system knows (Qt's list works on Windows too, where zoneinfo has none)."""
    zones = {bytes(z.data()).decode() for z in QTimeZone.availableTimeZoneIds()}
    return sorted(z for z in zones if "/" in z or z == "UTC")


def system_timezone() -> str:
    zone = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return zone or "UTC"


def fill_timezone_box(box: QComboBox, zones: list[str]) -> None:
    """Make `box` the time zone chooser: type part of a name ("Berlin") and pick it from the list."""
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(zones)
    completer = QCompleter(zones, box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setObjectName("timezoneCompleter")
    box.setCompleter(completer)
