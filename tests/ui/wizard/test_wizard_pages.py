"""Every wizard page rendered to PNG and checked to be non-blank.

Set SAVERIS_SHOTS_DIR to keep the pictures (e.g. to look at them after a layout change).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.wizard import PageId
from tests.ui.user_input import set_checked, type_text
from tests.ui.wizard.test_wizard import _next, create_site, sign_in, to_waiting
from tests.ui.wizard_harness import Harness, make_harness
from tests.virtual_loggers import set_up_logger


def distinct_colours(image: QImage, step: int = 4) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def shoot(h: Harness, tmp_path: Path, name: str) -> QImage:
    h.wizard.repaint()
    path = tmp_path / f"{name}.png"
    assert h.wizard.grab().save(str(path))
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 400 and image.height() > 300
    assert distinct_colours(image) > 8, f"{name} looks blank"
    target = os.environ.get("SAVERIS_SHOTS_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)
    return image


def assert_accessible(page: QWidget) -> None:
    """Every interactive widget on the page has an objectName and an accessible name."""
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox) and widget.isVisibleTo(page):
            assert widget.objectName(), (
                f"{type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''}"
            )
            assert widget.accessibleName(), widget.objectName()


@pytest.mark.parametrize("scale_name", ["normal"])
def test_each_page_renders_and_is_not_blank(qtbot, qloop, tmp_path, scale_name) -> None:
    h = make_harness(qtbot)
    qtbot.waitExposed(h.wizard)
    shoot(h, tmp_path, "1-sign-in")
    assert_accessible(h.wizard.currentPage())
    page = h.wizard.pages[PageId.SIGN_IN]
    type_text(qtbot, page.password, "wrong")
    _next(qtbot, h)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
    shoot(h, tmp_path, "1b-sign-in-error")
    type_text(qtbot, page.password, "demo")

    sign_in(qtbot, h)
    shoot(h, tmp_path, "2-site")
    assert_accessible(h.wizard.currentPage())
    key = create_site(qtbot, h)
    shoot(h, tmp_path, "3-connect-key")
    assert_accessible(h.wizard.currentPage())
    _next(qtbot, h)
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    type_text(qtbot, guide.ssid, "Bakery-WLAN")
    for device_type in DeviceType:
        set_checked(qtbot, guide.type_buttons[device_type], True)
        shoot(h, tmp_path, f"4-guide-{device_type.value}")
    assert_accessible(guide)
    h.wizard.back()
    to_waiting(qtbot, h)
    waiting = h.wizard.pages[PageId.WAITING]
    qtbot.waitUntil(lambda: waiting.watcher.status().polls >= 1, timeout=5000)
    shoot(h, tmp_path, "5-waiting")
    assert_accessible(waiting)
    h.sim.set_network_down(True)
    qtbot.waitUntil(lambda: waiting.offline_banner.isVisible(), timeout=5000)
    shoot(h, tmp_path, "5b-waiting-offline")
    h.sim.set_network_down(False)
    h.clock[0] += 400
    qtbot.waitUntil(lambda: waiting.hints.isVisible(), timeout=3000)
    shoot(h, tmp_path, "5c-waiting-hints")
    set_up_logger(h.sim, LoggerKind.SAVERIS2, key)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    found = h.wizard.pages[PageId.FOUND]
    qtbot.waitUntil(lambda: "NTC" in found.sensors.text(), timeout=5000)
    shoot(h, tmp_path, "6-found")
    assert_accessible(found)


def test_pages_follow_a_dark_colour_scheme(qtbot, qloop, tmp_path) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from saveris_desktop.ui.style import MIN_CONTRAST, contrast_ratio

    app = QApplication.instance()
    previous = app.palette()
    dark = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#2b2c2f"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#303134"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
    ):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        h = make_harness(qtbot)
        qtbot.waitExposed(h.wizard)
        page = h.wizard.pages[PageId.SIGN_IN]
        type_text(qtbot, page.password, "wrong")
        _next(qtbot, h)
        qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
        image = shoot(h, tmp_path, "dark-1-sign-in")
        banner = page.demo_banner
        centre = banner.mapTo(h.wizard, banner.rect().topLeft()) + banner.rect().center() / 4
        assert QColor(image.pixel(centre)).lightness() < 100  # the banner is dark as well
        red = page.error.palette().color(QPalette.ColorRole.WindowText)
        assert red.hslHue() in range(330, 360) and red.lightness() > 128  # a light red, readable on dark
        assert contrast_ratio(red, dark.color(QPalette.ColorRole.Window)) >= MIN_CONTRAST
    finally:
        app.setPalette(previous)


def assert_laid_out(page: QWidget, name: str) -> None:
    """Nothing on the page is cut off or painted over another widget (at the size it has now)."""
    children = [w for w in page.findChildren(QWidget) if w.parentWidget() is page and w.isVisibleTo(page)]
    area = page.rect()
    for widget in children:
        assert area.contains(widget.geometry()), f"{name}: {widget.objectName()} is cut off"
        hint = widget.minimumSizeHint()
        if hint.isValid():
            assert widget.height() >= min(hint.height(), widget.maximumHeight()), (
                f"{name}: {widget.objectName()} is squeezed"
            )
    for index, widget in enumerate(children):
        for other in children[index + 1 :]:
            assert not widget.geometry().intersects(other.geometry()), (
                f"{name}: {widget.objectName()} overlaps {other.objectName()}"
            )


def test_at_the_size_the_wizard_opens_with_nothing_is_cut_off(qtbot, qloop) -> None:
    h = make_harness(qtbot, default_size=True)
    qtbot.waitExposed(h.wizard)

    def check(name: str) -> None:
        # Layouts settle a few events after a page change: wait until nothing is cut off (or time out
        # with the last AssertionError, which names the clipped widget).
        qtbot.waitUntil(lambda: assert_laid_out(h.wizard.currentPage(), name), timeout=2000)

    check("sign-in")
    sign_in(qtbot, h)
    check("site")
    create_site(qtbot, h)
    check("connect key")
    _next(qtbot, h)
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    for device_type in DeviceType:
        set_checked(qtbot, guide.type_buttons[device_type], True)
        check(f"guide {device_type.value}")
    _next(qtbot, h)
    check("waiting")
    h.sim.set_network_down(True)
    waiting = h.wizard.pages[PageId.WAITING]
    qtbot.waitUntil(lambda: waiting.offline_banner.isVisible(), timeout=5000)
    check("waiting offline")
