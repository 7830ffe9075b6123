"""Test configuration shared by every test.

- Qt renders offscreen and is imported as PySide6 (qasync would otherwise pick any binding).
- No test touches the user's real keyring, settings or data folders: an autouse fixture installs an
  in-memory keyring, points SAVERIS_DESKTOP_HOME at a temp folder and sends QSettings there too.
- Secrets registered for redaction stay for the life of a process (by design); an autouse fixture
  gives each test the registry it started with, so one test's password cannot mask another's text.
- Qt exceptions fail the test (`qt_default_raising` in pyproject); `qloop` gives UI tests a qasync
  loop that runs while qtbot waits.
- `sim_profile` runs an end-to-end test once per simulator profile ("assumed", "documented"); see
  tests/sim_profiles.py for marking what the client cannot yet do against the documented one.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen:"):  # offscreen with options: a
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # screen of a given size (tests/ui/screenshots.py)
os.environ["QT_API"] = "pyside6"

import keyring
import pytest
from keyring.backend import KeyringBackend

from saveris_desktop.core.runtime import paths
from tests.sim_profiles import SIM_PROFILES


class InMemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[InMemoryKeyring]:
    home = tmp_path / "saveris-home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    backend = InMemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(params=SIM_PROFILES)
def sim_profile(request: pytest.FixtureRequest) -> str:
    """The simulator profile an end-to-end test runs against: each test runs once per profile.

    `Simulator(profile=sim_profile)`; mark what today's client cannot yet do against "documented"
    with tests/sim_profiles.both_profiles(documented_missing=...).
    """
    return str(request.param)


@pytest.fixture(autouse=True)
def redaction_registry() -> Iterator[None]:
    from saveris_desktop.api import redaction

    secrets, short = set(redaction._known_secrets), dict(redaction._short_secret_patterns)
    try:
        yield
    finally:
        redaction._known_secrets.clear()
        redaction._known_secrets.update(secrets)
        redaction._short_secret_patterns.clear()
        redaction._short_secret_patterns.update(short)


@pytest.fixture
def memory_keyring(isolated_environment: InMemoryKeyring) -> InMemoryKeyring:
    return isolated_environment


@pytest.fixture
def qt_settings(qapp: object, tmp_path: Path) -> Iterator[None]:
    """QSettings in IniFormat under the temp folder, never the user's registry or plist."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def qloop(qapp: object, qt_settings: None) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync event loop driven by Qt: `qtbot.wait*` spins Qt and with it every asyncio task."""
    import PySide6  # noqa: F401  (must precede qasync)
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            from pytestqt.qtbot import QtBot  # noqa: F401

            deadline = loop.time() + 2.0
            from PySide6.QtCore import QCoreApplication

            while any(not task.done() for task in pending) and loop.time() < deadline:
                QCoreApplication.processEvents()
        # Worker threads of asyncio.to_thread (qasync's default executor) must end with the test,
        # or Qt aborts at exit with "QThread: Destroyed while thread is still running".
        executor = getattr(loop, "_QEventLoop__default_executor", None)
        if executor is not None:
            executor.shutdown(wait=True)
            loop.set_default_executor(None)
        asyncio.set_event_loop(None)
        # already_running=True marked the loop as running for asyncio; undo that, or every later
        # pytest-asyncio test in the same process fails with "cannot be called from a running loop".
        asyncio.events._set_running_loop(None)
