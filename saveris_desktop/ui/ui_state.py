"""UI state kept between runs in QSettings: window geometry, last sign-in choices, recent sites.

Nothing secret goes here (passwords live in the keyring only, see core/runtime/credentials.py), but it names
the user and the sites worked on, so the file is readable by the user only (0600 on POSIX).

Each kind of server keeps its own state (`scope_for`): the demo, a custom server (`--base-url`) and
testo's cloud. A real sign-in must never come pre-filled with the demo user or offer the demo's
sites. The settings file follows `SAVERIS_DESKTOP_HOME` like the data folder (`use_settings_folder`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:  # imported when used: the main window builds a UiState before its first paint
    from saveris_desktop.api.regions import Environment, Region

RECENT_SITES_LIMIT = 10

#: The scope of testo's cloud (all regions and environments: the sign-in page switches among them).
CLOUD_SCOPE = "cloud"
DEMO_SCOPE = "demo"


def scope_for(*, demo: bool, base_url: str | None = None) -> str:
    """The settings scope of a kind of server: the demo, one custom server, or testo's cloud."""
    if demo:
        return DEMO_SCOPE
    if base_url:
        return "server-" + hashlib.sha256(base_url.strip().rstrip("/").encode("utf-8")).hexdigest()[:12]
    return CLOUD_SCOPE


def use_settings_folder(folder: Path | None) -> None:
    """Keep QSettings as an INI file in `folder` (the portable/test home), not the registry or plist.

    Call before the first QSettings is made; None leaves Qt's per-platform default."""
    if folder is None:
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


class UiState:
    def __init__(self, settings: QSettings | None = None, *, scope: str = CLOUD_SCOPE) -> None:
        self._settings = settings or QSettings()
        keep_private(self._settings)
        self.scope = scope

    def _key(self, name: str) -> str:
        return f"{self.scope}/{name}"

    # --- window --------------------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value(self._key("window/geometry"))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue(self._key("window/geometry"), geometry)

    def view_state(self, name: str) -> QByteArray | None:
        """A splitter's or table header's saved state (`name`, e.g. "devices/splitter"), if any."""
        value = self._settings.value(self._key(f"view/{name}"))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_view_state(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(self._key(f"view/{name}"), state)

    # --- language ------------------------------------------------------------------------------

    def language(self) -> str:
        """The chosen language code, or "system" (the default: follow the operating system).

        Not scoped (`_key`): the language is the technician's, the same for the demo and every server."""
        value = self._settings.value("view/language", "system")
        return value if isinstance(value, str) and value else "system"

    def set_language(self, choice: str) -> None:
        self._settings.setValue("view/language", choice)

    # --- sign-in -------------------------------------------------------------------------------

    def last_region(self) -> Region:
        from saveris_desktop.api.regions import Region

        return _enum(Region, self._settings.value(self._key("sign_in/region")), Region.EUROPE)

    def last_environment(self) -> Environment:
        from saveris_desktop.api.regions import Environment

        return _enum(
            Environment, self._settings.value(self._key("sign_in/environment")), Environment.PRODUCTION
        )

    def last_username(self) -> str:
        value = self._settings.value(self._key("sign_in/username"), "")
        return value if isinstance(value, str) else ""

    def remember_me(self) -> bool:
        return str(self._settings.value(self._key("sign_in/remember_me"), "false")).lower() == "true"

    def set_sign_in(self, username: str, region: Region, environment: Environment, remember_me: bool) -> None:
        self._settings.setValue(self._key("sign_in/username"), username)
        self._settings.setValue(self._key("sign_in/region"), region.value)
        self._settings.setValue(self._key("sign_in/environment"), environment.value)
        self._settings.setValue(self._key("sign_in/remember_me"), "true" if remember_me else "false")

    # --- sites ---------------------------------------------------------------------------------

    def recent_sites(self) -> list[str]:
        value = self._settings.value(self._key("sites/recent"), [])
        if isinstance(value, str):  # QSettings returns a lone entry as a plain string
            value = [value]
        return [str(v) for v in value or [] if str(v).strip()] if isinstance(value, list) else []

    def add_recent_site(self, site: str) -> None:
        from saveris_desktop.core.onboarding.flow import remember_recent

        self._settings.setValue(
            self._key("sites/recent"), remember_recent(self.recent_sites(), site, RECENT_SITES_LIMIT)
        )

    def site_timezone(self, site: str) -> str | None:
        value = self._settings.value(self._key(f"sites/timezone/{_site_key(site)}"))
        return value if isinstance(value, str) and value else None

    def set_site_timezone(self, site: str, timezone: str) -> None:
        self._settings.setValue(self._key(f"sites/timezone/{_site_key(site)}"), timezone)

    def sync(self) -> None:
        self._settings.sync()


#: The settings file: readable and writable by the user only.
FILE_MODE = 0o600


def keep_private(settings: QSettings) -> None:
    """Make the settings file the user's only (POSIX; the Windows registry is per user already).

    Qt keeps the mode of an existing file when it rewrites it (measured: a 0600 file stays 0600,
    a new one is 0644), so creating it empty with 0600 before Qt writes it is enough. Not on
    macOS's native format: its preferences daemon owns that file.
    """
    if os.name != "posix":
        return
    native_on_mac = sys.platform == "darwin" and settings.format() == QSettings.Format.NativeFormat
    path = Path(settings.fileName())
    if not path.is_absolute():
        return
    with contextlib.suppress(OSError):  # settings still work; only the mode could not be set
        if not path.exists() and not native_on_mac:
            path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        if path.stat().st_mode & 0o077:
            path.chmod(FILE_MODE)


def _site_key(site: str) -> str:
    """QSettings keys treat '/' and '\\' as groups: keep a site name a single key."""
    return site.casefold().encode("utf-8").hex()


E = TypeVar("E", bound=StrEnum)


def _enum(enum: type[E], value: object, default: E) -> E:
    try:
        return enum(str(value))
    except ValueError:
        return default
