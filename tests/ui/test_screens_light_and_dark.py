"""The main screens in a light and in a dark palette (the OS dark mode, which Qt 6 follows on Windows
and macOS), rendered offscreen: every visible text reads at WCAG AA (4.5:1) against what it is drawn
on, and the pictures are saved for a person to look at.

Set SAVERIS_SHOTS_DIR to keep the pictures (e.g. `test-artefacts/screens`, ignored by git).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory, QWidget

from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.style import MIN_CONTRAST, contrast_ratio
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import apply_and_wait, close_harness, make_devices_harness, open_and_wait
from tests.ui.user_input import click, type_text
from tests.ui.wizard.test_wizard import _next, create_site, sign_in, to_waiting
from tests.ui.wizard_harness import make_harness
from tests.virtual_loggers import set_up_logger


def dark_palette() -> QPalette:
    """Qt's own dark palette for Fusion (qt_fusionPalette(darkAppearance=true) in qtbase): what Qt 6
    uses when the system is in dark mode and the style draws with the palette."""
    window_text = QColor(240, 240, 240)
    window = QColor(50, 50, 50)
    dark = window.darker(150)
    colours = {
        QPalette.ColorRole.WindowText: window_text,
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.Light: window.lighter(150),
        QPalette.ColorRole.Mid: window.darker(130),
        QPalette.ColorRole.Midlight: window.darker(130).lighter(110),
        QPalette.ColorRole.Dark: dark,
        QPalette.ColorRole.Shadow: dark.darker(135),
        QPalette.ColorRole.Text: window_text,
        QPalette.ColorRole.ButtonText: window_text,
        QPalette.ColorRole.BrightText: QColor(255, 255, 255),
        QPalette.ColorRole.Base: window.darker(140),
        QPalette.ColorRole.AlternateBase: window.darker(140).lighter(110),
        QPalette.ColorRole.Highlight: QColor(48, 140, 198),
        QPalette.ColorRole.HighlightedText: window_text,
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: window_text,
        QPalette.ColorRole.Link: QColor(48, 140, 198).lighter(150),
    }
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(QPalette.ColorGroup.All, role, colour)
    placeholder = QColor(window_text)
    placeholder.setAlpha(128)
    palette.setColor(QPalette.ColorGroup.All, QPalette.ColorRole.PlaceholderText, placeholder)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(130, 130, 130))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(145, 145, 145))
    return palette


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    previous = qapp.palette()
    qapp.setPalette(
        dark_palette() if request.param == "dark" else QStyleFactory.create("Fusion").standardPalette()
    )
    try:
        yield str(request.param)
    finally:
        qapp.setPalette(previous)


def save(widget: QWidget, tmp_path: Path, name: str) -> Path:
    QApplication.sendPostedEvents()  # pending layout requests first: the picture shows what a user sees
    widget.repaint()
    folder = Path(os.environ.get("SAVERIS_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def unreadable_labels(top: QWidget) -> list[str]:
    """Visible, enabled labels whose text colour is below 4.5:1 against their background."""
    found = []
    for label in top.findChildren(QLabel):
        if not (label.isVisibleTo(top) and label.isEnabled() and label.text().strip()):
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        palette = label.palette()
        ratio = contrast_ratio(palette.color(label.foregroundRole()), palette.color(label.backgroundRole()))
        if ratio < MIN_CONTRAST:
            found.append(f"{label.objectName() or label.text()[:40]!r}: {ratio:.2f}:1")
    return found


def test_the_wizard_reads_in_light_and_dark(qtbot, qloop, tmp_path, scheme) -> None:
    h = make_harness(qtbot)
    qtbot.waitExposed(h.wizard)
    page = h.wizard.pages[PageId.SIGN_IN]
    type_text(qtbot, page.password, "wrong")
    _next(qtbot, h)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
    save(h.wizard, tmp_path, f"{scheme}-1-sign-in-error")
    assert unreadable_labels(h.wizard) == []
    type_text(qtbot, page.password, "demo")
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    save(h.wizard, tmp_path, f"{scheme}-2-connect-key")
    assert unreadable_labels(h.wizard) == []
    _next(qtbot, h)
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    type_text(qtbot, guide.ssid, "Bakery-WLAN")
    save(h.wizard, tmp_path, f"{scheme}-2b-hotspot-guide")
    assert unreadable_labels(h.wizard) == []
    h.wizard.back()
    to_waiting(qtbot, h)
    waiting = h.wizard.pages[PageId.WAITING]
    h.sim.set_network_down(True)
    qtbot.waitUntil(lambda: waiting.offline_banner.isVisible(), timeout=5000)
    save(h.wizard, tmp_path, f"{scheme}-3-waiting-offline")
    assert unreadable_labels(h.wizard) == []
    h.sim.set_network_down(False)
    set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    found = h.wizard.pages[PageId.FOUND]
    qtbot.waitUntil(lambda: "NTC" in found.sensors.text(), timeout=5000)
    save(h.wizard, tmp_path, f"{scheme}-4-found")
    assert unreadable_labels(h.wizard) == []


def test_the_device_editors_read_in_light_and_dark(qtbot, qloop, tmp_path, scheme) -> None:
    h = make_devices_harness(qtbot, [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2])
    try:
        open_and_wait(qtbot, h, h.device_uuids[0])
        editor = h.view.settings_editor
        type_text(qtbot, editor.measuring, "30 s")  # a field message, the unsaved marker
        qtbot.waitUntil(lambda: editor.measuring.message.isVisibleTo(editor), timeout=5000)
        save(h.view, tmp_path, f"{scheme}-5-editor-field-error")
        assert unreadable_labels(h.view) == []
        h.sim.add_fault("error_status", route="put_device", status=400, count=1)
        type_text(qtbot, editor.measuring, "10 min")
        apply_and_wait(qtbot, editor)  # the server's refusal
        save(h.view, tmp_path, f"{scheme}-6-editor-refused")
        assert unreadable_labels(h.view) == []
        click(qtbot, editor.apply_button)
        qtbot.waitUntil(lambda: "accepted" in editor.verdict.text(), timeout=5000)
        save(h.view, tmp_path, f"{scheme}-7-editor-saved")
        assert unreadable_labels(h.view) == []
    finally:
        close_harness(qtbot, h)


def test_the_check_finds_an_unreadable_label(qtbot, scheme) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    label = QLabel("e.g. 15 min", host)
    palette = label.palette()
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    palette.setColor(
        QPalette.ColorRole.WindowText, window.darker(115) if scheme == "light" else window.lighter(130)
    )
    label.setPalette(palette)
    assert unreadable_labels(host) != []


def test_the_main_window_with_the_virtual_logger_and_the_sync_status_reads_in_light_and_dark(
    qtbot, qloop, tmp_path, scheme
) -> None:
    from saveris_desktop.core.offline.sync import SyncStatus
    from saveris_desktop.simulator import Simulator
    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.offline.status_widget import SyncStatusWidget
    from saveris_desktop.ui.ui_state import UiState
    from tests.ui.user_input import choose
    from tests.ui.wizard_harness import make_services

    services = make_services(Simulator(seed=2, join_delay=0.0))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach_services(services)
    qtbot.waitExposed(window)
    status = SyncStatusWidget(window)
    window.statusBar().addPermanentWidget(status)
    status.show_status(SyncStatus(online=False, open_changes=3, conflicts=1, failed=0, running=False))
    panel = window.demo_panel
    choose(qtbot, panel.kind, data=LoggerKind.SAVERIS2.value)
    click(qtbot, panel.unpack_button)
    click(qtbot, panel.button_press)  # the LED blinks green: the logger's hotspot is open
    save(window, tmp_path, f"{scheme}-8-main-window-demo")
    assert unreadable_labels(window) == []
    # the status bar's tool button is no label: its text colour is checked on its own
    button = status.pending_button
    ratio = contrast_ratio(
        button.palette().color(QPalette.ColorRole.ButtonText),
        button.palette().color(QPalette.ColorRole.Window),
    )
    assert ratio >= MIN_CONTRAST, f"pending changes: {ratio:.2f}:1"
