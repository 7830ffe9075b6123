"""A draft that could not be saved is said at once (status bar, editor banner) and saved again later."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QPushButton

from saveris_desktop.core.offline.drafts import DraftKey
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.offline.integration import install_offline
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, open_and_wait, run


@pytest.fixture
def setup(qtbot: Any, qloop: Any, tmp_path: Path) -> Any:
    harness = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE], offline_db=tmp_path / "db.sqlite3")
    work = harness.work
    window = QMainWindow()
    qtbot.addWidget(window)
    integration = install_offline(window, work, devices_view=harness.view)
    window.show()
    open_and_wait(qtbot, harness, harness.device_uuids[0])
    yield harness, work, integration
    close_harness(qtbot, harness)


def _writes_refused(qtbot: Any, work: OfflineWork, refused: bool) -> None:
    """The database refuses every write with SQLite's own "readonly database" error, as a read-only
    file or folder does (chmod cannot show it: the tests may run as root)."""
    run(qtbot, work.store.read(lambda c: c.execute(f"PRAGMA query_only = {'ON' if refused else 'OFF'}")))


def test_a_draft_that_cannot_be_saved_is_said_at_once_kept_in_the_form_and_saved_again(
    qtbot: Any, setup: Any
) -> None:
    harness, work, integration = setup
    editor = harness.view.settings_editor
    key = DraftKey(work.endpoint, SITE, "device", harness.device_uuids[0])
    banner, status = editor.save_banner, integration.status_widget.drafts
    assert not banner.isVisibleTo(editor) and not status.isVisibleTo(integration.status_widget)

    _writes_refused(qtbot, work, True)
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "Vaccine fridge")
    qtbot.waitUntil(lambda: banner.isVisibleTo(editor), timeout=5000)  # after the idle second
    assert "NOT saved on this laptop" in banner.text.text()
    assert "read-only" in banner.text.text()
    assert status.isVisibleTo(integration.status_widget) and "NOT saved" in status.text()
    assert "read-only" in status.toolTip()
    assert editor.name_edit.text() == "Vaccine fridge"  # what was typed stays in the form
    # the editor's one status says it too, in words (core.offline.editor_status)
    assert editor.status_label.text() == "● Unsaved changes, NOT saved on this laptop"
    assert integration.editor_drafts.pending  # and is not taken for saved
    assert run(qtbot, work.drafts.get(key)) is None

    _writes_refused(qtbot, work, False)  # e.g. the folder is writable again: the retry timer saves it
    qtbot.waitUntil(lambda: "Saved again" in banner.text.text(), timeout=15000)
    assert banner.isVisibleTo(editor)
    assert "saved again" in status.text()
    assert editor.status_label.text() == "● Unsaved changes"  # kept here, not applied yet
    assert not integration.editor_drafts.pending
    draft = run(qtbot, work.drafts.get(key))
    assert draft is not None and draft.mine["name"] == "Vaccine fridge"


def test_the_next_edit_retries_at_once(qtbot: Any, setup: Any) -> None:
    harness, work, integration = setup
    editor = harness.view.settings_editor
    key = DraftKey(work.endpoint, SITE, "device", harness.device_uuids[0])
    _writes_refused(qtbot, work, True)
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "Fridge")
    qtbot.waitUntil(lambda: editor.save_banner.isVisibleTo(editor), timeout=5000)
    _writes_refused(qtbot, work, False)
    qtbot.keyClicks(editor.name_edit, " 2")
    qtbot.waitUntil(lambda: "Saved again" in editor.save_banner.text.text(), timeout=5000)
    draft = run(qtbot, work.drafts.get(key))
    assert draft is not None and draft.mine["name"] == "Fridge 2"
    assert integration.editor_drafts.failure is None


def test_edits_typed_before_the_local_data_opened_are_saved_once_it_does(
    qtbot: Any, qloop: Any, tmp_path: Path
) -> None:
    harness = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE])
    try:
        open_and_wait(qtbot, harness, harness.device_uuids[0])
        editor = harness.view.settings_editor
        editor.name_edit.setFocus()
        editor.name_edit.selectAll()
        qtbot.keyClicks(editor.name_edit, "Typed while the data folder was unusable")
        # the local data opens only now (ui/offline/unavailable.py tried again and it worked)
        work = run(qtbot, OfflineWork.open(harness.services, tmp_path / "db.sqlite3"))
        window = QMainWindow()
        qtbot.addWidget(window)
        harness.view.access.open_offline(work)  # as app.py does once the local data opens
        install_offline(window, work, devices_view=harness.view)
        key = DraftKey(work.endpoint, SITE, "device", harness.device_uuids[0])
        qtbot.waitUntil(lambda: run(qtbot, work.drafts.get(key)) is not None, timeout=5000)
        draft = run(qtbot, work.drafts.get(key))
        assert draft is not None and draft.mine["name"] == "Typed while the data folder was unusable"
    finally:
        close_harness(qtbot, harness)


def test_a_wizard_draft_that_cannot_be_saved_is_said_in_the_status_bar_and_retried(
    qtbot: Any, qloop: Any, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from saveris_desktop.app import install_offline_ui
    from saveris_desktop.core.runtime.cloud_access import build_cloud_access
    from saveris_desktop.simulator import Simulator
    from saveris_desktop.ui.main_window import MainWindow
    from tests.ui.wizard_harness import make_services

    services = make_services(Simulator(seed=4), demo=False)
    work = run(qtbot, OfflineWork.open(services, tmp_path / "db.sqlite3"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach_services(
        services, access=build_cloud_access(services, work), onboarding_drafts=work.onboarding_drafts
    )
    window.show()
    ui = install_offline_ui(window, work)
    window.start_onboarding()
    wizard = window.wizard
    assert wizard is not None
    try:
        _writes_refused(qtbot, work, True)
        username = wizard.findChild(QLineEdit, "usernameEdit")
        qtbot.keyClicks(username, "tech@example.com")
        status = ui.status_widget.drafts
        qtbot.waitUntil(lambda: "NOT saved" in status.text(), timeout=5000)  # after the idle second
        assert "read-only" in status.toolTip()
        _writes_refused(qtbot, work, False)
        qtbot.keyClicks(username, ".at")  # the next edit saves it
        qtbot.waitUntil(lambda: "saved again" in status.text(), timeout=5000)
        stored = run(qtbot, work.drafts.get(ui.onboarding_drafts.key))
        assert stored is not None and stored.mine["flow"]["username"] == "tech@example.com.at"
    finally:
        wizard.reject()
        run(qtbot, services.aclose())


def test_quitting_while_changes_cannot_be_saved_asks_first(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from saveris_desktop.app import install_offline_ui
    from saveris_desktop.core.devices.editing import EditSession
    from saveris_desktop.simulator import Simulator
    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.ui_state import UiState
    from tests.ui.wizard_harness import make_services

    services = make_services(Simulator(seed=4), demo=False)
    services.set_site("Kitchen")
    work = run(qtbot, OfflineWork.open(services, tmp_path / "db.sqlite3"))
    window = MainWindow(UiState())
    qtbot.addWidget(window)
    window.show()
    ui = install_offline_ui(window, work)
    quits: list[bool] = []
    window.sig_quit_requested.connect(lambda: quits.append(True))
    try:
        _writes_refused(qtbot, work, True)
        session = EditSession({"uuid": "d1", "name": "Logger"}, key="device:d1")
        session.on_change = ui.editor_drafts.session_changed
        session.set(["name"], "Fridge")
        assert run(qtbot, ui.editor_drafts.flush_all()) is False

        window.close()  # the technician closes the window
        box = ui.unsaved_box
        assert box is not None
        qtbot.waitUntil(box.isVisible, timeout=3000)
        assert window.isVisible() and quits == []
        assert "NOT saved on this laptop" in box.text() and "read-only" in box.text()
        qtbot.mouseClick(box.findChild(QPushButton, "keepAppOpenButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
        assert window.isVisible() and quits == []

        window.close()
        box = ui.unsaved_box
        qtbot.waitUntil(box.isVisible, timeout=3000)
        qtbot.mouseClick(box.findChild(QPushButton, "quitAnywayButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: quits == [True], timeout=3000)
        assert not window.isVisible()
    finally:
        run(qtbot, services.aclose())


def test_quitting_with_everything_saved_asks_nothing(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    from saveris_desktop.app import install_offline_ui
    from saveris_desktop.simulator import Simulator
    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.ui_state import UiState
    from tests.ui.wizard_harness import make_services

    services = make_services(Simulator(seed=4), demo=False)
    work = run(qtbot, OfflineWork.open(services, tmp_path / "db.sqlite3"))
    window = MainWindow(UiState())
    qtbot.addWidget(window)
    window.show()
    ui = install_offline_ui(window, work)
    try:
        window.close()
        assert not window.isVisible() and ui.unsaved_box is None
    finally:
        run(qtbot, services.aclose())


def test_the_editors_of_a_site_opened_later_say_it_too(qtbot: Any, setup: Any) -> None:

    harness, work, _integration = setup
    editor = harness.view.settings_editor
    _writes_refused(qtbot, work, True)
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "Fridge")
    qtbot.waitUntil(lambda: editor.save_banner.isVisibleTo(editor), timeout=5000)

    harness.view.show_site("Bakery")  # another site is opened (the wizard, a site picked from the list)
    qtbot.waitUntil(lambda: harness.view.site == "Bakery", timeout=3000)
    other = harness.view.settings_editor
    assert other is not editor  # that site's own editors
    assert (
        other.save_banner.isVisibleTo(other) and "NOT saved on this laptop" in other.save_banner.text.text()
    )
    _writes_refused(qtbot, work, False)
