"""UI state kept between runs in QSettings: window geometry, last sign-in choices, recent sites.

Nothing secret goes here (passwords live in the keyring only, see core/credentials.py).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:  # imported when used: the main window builds a UiState before its first paint
    from saveris_desktop.api.regions import Environment, Region

RECENT_SITES_LIMIT = 10


class UiState:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    # --- window --------------------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    # --- language ------------------------------------------------------------------------------

    def language(self) -> str:
        """The chosen language code, or "system" (the default: follow the operating system)."""
        value = self._settings.value("view/language", "system")
        return value if isinstance(value, str) and value else "system"

    def set_language(self, choice: str) -> None:
        self._settings.setValue("view/language", choice)

    # --- sign-in -------------------------------------------------------------------------------

    def last_region(self) -> Region:
        from saveris_desktop.api.regions import Region

        return _enum(Region, self._settings.value("sign_in/region"), Region.EUROPE)

    def last_environment(self) -> Environment:
        from saveris_desktop.api.regions import Environment

        return _enum(Environment, self._settings.value("sign_in/environment"), Environment.PRODUCTION)

    def last_username(self) -> str:
        value = self._settings.value("sign_in/username", "")
        return value if isinstance(value, str) else ""

    def remember_me(self) -> bool:
        return str(self._settings.value("sign_in/remember_me", "false")).lower() == "true"

    def set_sign_in(self, username: str, region: Region, environment: Environment, remember_me: bool) -> None:
        self._settings.setValue("sign_in/username", username)
        self._settings.setValue("sign_in/region", region.value)
        self._settings.setValue("sign_in/environment", environment.value)
        self._settings.setValue("sign_in/remember_me", "true" if remember_me else "false")

    # --- sites ---------------------------------------------------------------------------------

    def recent_sites(self) -> list[str]:
        value = self._settings.value("sites/recent", [])
        if isinstance(value, str):  # QSettings returns a lone entry as a plain string
            value = [value]
        return [str(v) for v in value or [] if str(v).strip()] if isinstance(value, list) else []

    def add_recent_site(self, site: str) -> None:
        from saveris_desktop.core.onboarding import remember_recent

        self._settings.setValue(
            "sites/recent", remember_recent(self.recent_sites(), site, RECENT_SITES_LIMIT)
        )

    def site_timezone(self, site: str) -> str | None:
        value = self._settings.value(f"sites/timezone/{_key(site)}")
        return value if isinstance(value, str) and value else None

    def set_site_timezone(self, site: str, timezone: str) -> None:
        self._settings.setValue(f"sites/timezone/{_key(site)}", timezone)

    def sync(self) -> None:
        self._settings.sync()


def _key(site: str) -> str:
    """QSettings keys treat '/' and '\\' as groups: keep a site name a single key."""
    return site.casefold().encode("utf-8").hex()


E = TypeVar("E", bound=StrEnum)


def _enum(enum: type[E], value: object, default: E) -> E:
    try:
        return enum(str(value))
    except ValueError:
        return default
