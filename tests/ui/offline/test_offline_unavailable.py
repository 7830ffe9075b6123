"""Local data that cannot be opened at start: said at once (notice, status bar, Offline menu), retried."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox

from saveris_desktop import app
from saveris_desktop.core.offline.store import DATABASE_NAME, SCHEMA_VERSION
from saveris_desktop.core.runtime import paths
from saveris_desktop.core.runtime.instance_lock import DataFolderLock
from saveris_desktop.simulator import Simulator
from tests.ui.devices_harness import run
from tests.ui.wizard_harness import make_services


async def _attach_offline(window: QMainWindow, services: Any, lock: DataFolderLock) -> None:
    """What app.py does at start-up: open the local data under the lock, or say why not and retry."""
    work, error = await app._start_offline(services, app._open_store(services.demo, lock))
    if work is not None:
        app.install_offline_ui(window, work)
    elif error is not None:
        app._offline_unavailable(window, services, lock, None, error)


def _window(qtbot: Any) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_unusable_data_folder_is_said_at_once_and_the_offline_menu_stays(qtbot: Any, qloop: Any) -> None:
    services = make_services(Simulator(seed=1))
    window = _window(qtbot)
    data = paths.data_dir(create=False)
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text("a file where the data folder should be", encoding="utf-8")
    lock = DataFolderLock()
    try:
        run(qtbot, _attach_offline(window, services, lock))
        notice = window.findChild(QMessageBox, "localDataUnavailableNotice")
        assert notice is not None and notice.isVisible()
        assert "cannot be used" in notice.text() and "NOT kept" in notice.text()
        label = window.findChild(QLabel, "localDataUnavailable")
        assert label is not None and label.isVisibleTo(window) and "NOT saved" in label.text()
        menu = window.findChild(QMenu, "offlineMenu")
        assert menu is not None and menu.menuAction() in window.menuBar().actions()
        reason = window.findChild(QAction, "localDataUnavailableReason")
        assert reason is not None and not reason.isEnabled() and "data folder" in reason.text()
        assert not lock.held

        data.unlink()  # the technician fixed it; Try again (or the timer) opens it
        retry = window.findChild(QAction, "retryLocalDataAction")
        assert retry is not None
        retry.trigger()
        qtbot.waitUntil(lambda: window.findChild(QObject, "offlineIntegration") is not None, timeout=5000)
        assert lock.held  # the folder is this app's now
        qtbot.waitUntil(lambda: window.findChild(QLabel, "localDataUnavailable") is None, timeout=5000)
        assert not notice.isVisible()
        assert window.findChild(QAction, "pendingChangesAction") is not None  # the real Offline menu
    finally:
        run(qtbot, services.aclose())
        lock.release()


def test_a_database_from_a_newer_version_is_named_so_and_left_untouched(qtbot: Any, qloop: Any) -> None:
    services = make_services(Simulator(seed=1))
    window = _window(qtbot)
    database = paths.data_dir() / f"demo-{DATABASE_NAME}"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE TABLE drafts_of_the_future (x)")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        connection.commit()
    before = database.read_bytes()
    lock = DataFolderLock()
    try:
        run(qtbot, _attach_offline(window, services, lock))
        notice = window.findChild(QMessageBox, "localDataUnavailableNotice")
        assert notice is not None and notice.isVisible()
        assert "made by a newer version of Saveris Desktop" in notice.text()
        assert "damaged" not in notice.text()
        assert database.read_bytes() == before
        assert sorted(p.name for p in database.parent.glob("demo-*")) == [
            database.name
        ]  # no backup, no new file
    finally:
        run(qtbot, services.aclose())
        lock.release()
