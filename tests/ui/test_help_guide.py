"""Help → Commissioning guide: the procedure, only the documented LED state, the log and data folders."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from saveris_desktop.core.runtime import paths
from saveris_desktop.ui.help_guide import CommissioningGuideDialog
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.widgets.led import LedIndicator, LedPattern
from tests.ui.user_input import click


class _Opened(QObject):
    """Stands in for the file manager: Qt hands it the URLs the app asks the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def _guide(qtbot: Any) -> tuple[MainWindow, CommissioningGuideDialog]:
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    assert window.guide_action in window.help_menu.actions()  # in the Help menu
    window.guide_action.trigger()
    dialog = window.show_commissioning_guide()  # asked again: the same one, in front
    assert isinstance(dialog, CommissioningGuideDialog) and dialog.isVisible()
    return window, dialog


def _texts(dialog: CommissioningGuideDialog) -> list[str]:
    return [dialog.findChild(QLabel, f"guideText{n}").text() for n in range(1, dialog.step_count + 1)]


def test_the_guide_walks_through_the_procedure_in_order(qtbot, qloop) -> None:
    window, dialog = _guide(qtbot)
    assert len(window.findChildren(CommissioningGuideDialog)) == 1
    steps = _texts(dialog)
    order = ["site", "connect key", "3 seconds", "Saveris2-xxx-xxx-xxx", "accountId", "Reconnect", "Wait"]
    found = [next(i for i, text in enumerate(steps) if word in text) for word in order]
    assert found == sorted(found)  # site → key → button → hotspot → page → reconnect → wait
    assert "Save" in steps[found[4]] and "Wi-Fi" in steps[found[4]]


def test_only_the_led_state_testo_documents_is_shown(qtbot, qloop) -> None:
    _window, dialog = _guide(qtbot)
    patterns = {led.pattern for led in dialog.findChildren(LedIndicator)}
    assert patterns == {LedPattern.HOTSPOT}  # blinking green after 3 s; nothing assumed
    assert "blinking green" in dialog.findChild(QLabel, "guideLedHotspotText").text()
    assert "no other LED state" in dialog.findChild(QLabel, "guideLedUndocumented").text()


def test_the_log_and_data_folders_can_be_opened_and_copied(qtbot, qloop) -> None:
    _window, dialog = _guide(qtbot)
    folders = {"logs": str(paths.log_dir()), "data": str(paths.data_dir())}
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        for name, folder in folders.items():
            assert dialog.findChild(QLabel, f"guidePath_{name}").text() == folder
            click(qtbot, dialog.open_buttons[name])
            assert opened.urls[-1].toLocalFile() == folder
            click(qtbot, dialog.copy_buttons[name])
            assert QGuiApplication.clipboard().text() == folder
            assert dialog.status.text() == f"Copied: {folder}"
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_the_guide_is_usable_by_keyboard_and_fits_the_screen(qtbot, qloop) -> None:
    _window, dialog = _guide(qtbot)
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    for button in dialog.findChildren(QPushButton):
        assert button.objectName() and button.accessibleName()
    dialog.activateWindow()
    dialog.steps_area.setFocus()
    qtbot.waitUntil(dialog.steps_area.hasFocus, timeout=2000)
    reached = set()
    for _ in range(12):  # Tab walks through every button
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        reached.add(QGuiApplication.focusObject())
    wanted = {*dialog.open_buttons.values(), *dialog.copy_buttons.values(), dialog.close_button}
    assert wanted <= reached
    qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_a_guide_closed_and_opened_again_leaves_no_hidden_copy_behind(qtbot, qloop) -> None:
    window, dialog = _guide(qtbot)
    for _again in range(3):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closed by the technician
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible())
        window.guide_action.trigger()
        dialog = window.show_commissioning_guide()
        assert dialog.isVisible()
    qtbot.waitUntil(lambda: len(window.findChildren(CommissioningGuideDialog)) == 1)
