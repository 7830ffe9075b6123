"""The mouse wheel scrolls the page and never changes a setting it passes over (ui/wheel_guard.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from saveris_desktop.ui import wheel_guard
from tests.ui.devices_harness import close_harness, make_devices_harness


@pytest.fixture
def guard(qapp: QApplication) -> Iterator[wheel_guard.WheelGuard]:
    installed = wheel_guard.install(qapp)
    yield installed
    qapp.removeEventFilter(installed)
    installed.deleteLater()


def _wheel(widget: QWidget, notches: int = -1) -> None:
    """One notch of a real mouse wheel over the middle of `widget` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _form_in_a_scroll_area(qtbot: Any) -> tuple[QScrollArea, QComboBox, QSpinBox]:
    area = QScrollArea()
    qtbot.addWidget(area)
    page = QWidget()
    layout = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItems(["Choose a preset…", "Fridge 2–8 °C", "Freezer", "Room 15–25 °C"])
    spin = QSpinBox()
    spin.setRange(0, 100)
    layout.addWidget(combo)
    layout.addWidget(spin)
    layout.addSpacing(2000)  # a long form: the page can scroll
    area.setWidget(page)
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    return area, combo, spin


def test_the_wheel_over_an_unfocused_box_scrolls_the_page_instead(qtbot: Any, guard: Any) -> None:
    area, combo, spin = _form_in_a_scroll_area(qtbot)
    area.setFocus()
    scrolled = area.verticalScrollBar().value()
    _wheel(combo)
    _wheel(spin)
    assert combo.currentIndex() == 0 and spin.value() == 0  # nothing changed by passing over
    assert area.verticalScrollBar().value() > scrolled  # the page moved instead


def test_a_focused_box_still_takes_the_wheel(qtbot: Any, guard: Any) -> None:
    _area, combo, _spin = _form_in_a_scroll_area(qtbot)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1  # clicked into on purpose: the wheel picks the next entry


def test_the_site_selector_never_switches_the_site_by_wheel(qtbot: Any, qloop: Any, guard: Any) -> None:
    harness = make_devices_harness(qtbot)
    view = harness.view
    view.site_box.addItem("Another site")
    before = (view.site_box.currentIndex(), view.site_box.currentText())
    view.site_box.setFocus()
    _wheel(view.site_box)
    _wheel(view.site_box, notches=1)
    assert (view.site_box.currentIndex(), view.site_box.currentText()) == before
    close_harness(qtbot, harness)
