"""UI state in QSettings: window geometry, last sign-in choices, recent sites; never a password."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from saveris_desktop.api.regions import Environment, Region
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import RECENT_SITES_LIMIT, UiState


def test_sign_in_choices_and_recent_sites_round_trip(qt_settings) -> None:
    state = UiState()
    assert (state.last_region(), state.last_environment(), state.recent_sites()) == (
        Region.EUROPE,
        Environment.PRODUCTION,
        [],
    )
    state.set_sign_in("tech@example.com", Region.ASIA_PACIFIC, Environment.INTEGRATION, True)
    for site in ("A/B Shop", "Café", "a/b shop"):
        state.add_recent_site(site)
    state.set_site_timezone("Café", "Europe/Paris")
    state.sync()
    again = UiState()
    assert again.last_region() is Region.ASIA_PACIFIC and again.last_environment() is Environment.INTEGRATION
    assert again.last_username() == "tech@example.com" and again.remember_me()
    assert again.recent_sites() == ["a/b shop", "Café"]
    assert again.site_timezone("café") == "Europe/Paris"  # a slash or case in a name is no problem
    for index in range(RECENT_SITES_LIMIT + 5):
        again.add_recent_site(f"Site {index}")
    assert len(again.recent_sites()) == RECENT_SITES_LIMIT
    settings = QSettings()
    values = " ".join(str(settings.value(key)) for key in settings.allKeys())
    assert "password" not in " ".join(settings.allKeys()).lower()
    assert "tech@example.com" in values


def test_garbage_in_the_settings_falls_back_to_defaults(qt_settings) -> None:
    settings = QSettings()
    settings.setValue("cloud/sign_in/region", "mars")
    settings.setValue("cloud/sites/recent", "Only one")
    state = UiState(settings)
    assert state.last_region() is Region.EUROPE
    assert state.recent_sites() == ["Only one"]


def test_the_window_geometry_is_restored(qtbot, qt_settings) -> None:
    window = MainWindow(UiState())
    qtbot.addWidget(window)
    window.show()
    window.resize(777, 555)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (777, 555), timeout=2000)
    window.close()
    again = MainWindow(UiState())
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (777, 555)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_settings_file_is_readable_by_the_user_only(qt_settings) -> None:
    old_umask = os.umask(0o022)  # Qt alone would create it 0644 under this usual umask
    try:
        state = UiState()
        state.set_sign_in("tech@example.com", Region.EUROPE, Environment.PRODUCTION, False)
        state.sync()
        path = Path(QSettings().fileName())
        assert "tech@example.com" in path.read_text(encoding="utf-8")
        assert path.stat().st_mode & 0o777 == 0o600
        path.chmod(0o644)  # as an earlier version left it
        UiState().add_recent_site("Kitchen")
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old_umask)


def test_the_settings_file_follows_the_portable_home(qapp, tmp_path: Path, monkeypatch) -> None:
    from saveris_desktop.core.runtime import paths
    from saveris_desktop.ui.ui_state import use_settings_folder

    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "home"))
    use_settings_folder(paths.settings_dir())
    state = UiState()
    state.add_recent_site("Portable bakery")
    state.sync()
    assert Path(QSettings().fileName()).is_relative_to(tmp_path / "home" / "settings")
    assert "Portable bakery" in Path(QSettings().fileName()).read_text(encoding="utf-8")


def test_the_language_is_the_technicians_for_the_demo_and_every_server(qt_settings) -> None:
    from saveris_desktop.ui.ui_state import scope_for

    UiState(scope=scope_for(demo=True)).set_language("de")
    assert UiState(scope=scope_for(demo=False)).language() == "de"
    assert UiState(scope=scope_for(demo=False, base_url="https://example.test/api")).language() == "de"
