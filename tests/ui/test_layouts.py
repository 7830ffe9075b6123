"""Layouts that survive translation: every text 40 % longer and accented still fits, on a small screen.

Each screen is shown offscreen under PseudoTranslator; `clipped()` measures every label, button and
group title against its widget with font metrics, and no window needs more than 1280×720.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QScrollArea, QWidget

from saveris_desktop.ui import i18n
from tests.ui import screen_tour
from tests.ui.layout_check import (
    PseudoTranslator,
    clipped,
    made_by_qt,
    nameless,
    pseudo,
    shared_accelerators,
    too_large,
    unnamed,
)

GERMAN_SYSTEM = QLocale("de_DE")


@pytest.fixture(params=["pseudo", "de", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The pseudo-translation, the real German one (installed as on a German computer), English."""
    default = QLocale()
    if request.param == "pseudo":
        translator = PseudoTranslator(qapp)
        qapp.installTranslator(translator)
    elif request.param == "de":
        i18n.install(qapp, i18n.SYSTEM, system=GERMAN_SYSTEM)
    try:
        yield request.param
    finally:
        if request.param == "pseudo":
            qapp.removeTranslator(translator)
        else:
            i18n.install(qapp, i18n.SOURCE_LANGUAGE, system=QLocale("en_US"))
        QLocale.setDefault(default)


@pytest.fixture
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go: $SAVERIS_SCREENSHOTS (CI keeps it as an artefact), else a temp dir."""
    chosen = os.environ.get("SAVERIS_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_pseudo_translation_stretches_and_keeps_placeholders() -> None:
    text = pseudo("Site: <b>%1</b> &Copy")
    assert "%1" in text and "<b>" in text and "&Ç" in text
    assert len(pseudo("Sign in to the cloud")) >= len("Sign in to the cloud") * 1.4
    assert pseudo("Sign in") != "Sign in"


def test_the_check_finds_a_clipped_label_button_combo_box_and_hint(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    label = QLabel("Measuring cycle of every selected logger", host)
    button = QPushButton("Apply to all selected loggers", host)
    combo = QComboBox(host)
    combo.addItem("Logger 61100042 · slot 1 · Internal temperature/humidity sensor")
    field = QLineEdit(host)
    field.setPlaceholderText("Scan a logger's label (or type its serial number and press Enter)")
    for number, widget in enumerate((label, button, combo, field)):
        widget.setObjectName(f"narrow{number}")
        widget.setGeometry(0, 30 * number, 60, 25)
    host.show()
    found = clipped(host)
    assert [problem.split(" ")[0] for problem in found] == ["narrow0", "narrow1", "narrow2", "narrow3"], found
    for widget in (label, button, combo):
        widget.resize(widget.sizeHint().width() + 40, 25)
    field.resize(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 40, 25)
    assert clipped(host) == []


def _check(window, where: str, shots: Path | None = None, language: str = "") -> list[str]:
    QApplication.processEvents()
    if shots is not None:
        name = re.sub(r"[^a-z0-9]+", "-", f"{language} {where}".lower()).strip("-")
        window.grab().save(str(shots / f"{name}.png"))
    problems = [f"{where}: {p}" for p in clipped(window)]
    problems += [f"{where}: no accessible name: {p}" for p in unnamed(window)]
    if not made_by_qt(window):
        problems += [f"{where}: {p}" for p in nameless(window)]
    problems += [f"{where}: one key for two: {p}" for p in shared_accelerators(window)]
    size = too_large(window)
    return [*problems, f"{where}: {size}"] if size else problems


class Screens:
    """The visit of a tour (tests/ui/screen_tour.py): each screen measured and saved as a picture."""

    def __init__(self, shots: Path, language: str) -> None:
        self.shots = shots
        self.language = language
        self.problems: list[str] = []

    def __call__(self, window: QWidget, where: str) -> None:
        self.problems += _check(window, where, self.shots, self.language)
        steps = getattr(window, "steps_scroll", None)  # the commissioning window's hotspot steps
        if isinstance(steps, QScrollArea) and steps.horizontalScrollBar().maximum() > 0:
            self.problems.append(
                f"{where}: the hotspot steps are cut off at the right (they scroll sideways)"
            )

    def assert_fit(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def test_every_wizard_page_fits_its_text(qtbot, qloop, language: str, shots: Path) -> None:
    screens = Screens(shots, language)
    screen_tour.wizard_pages(qtbot, screens)
    screens.assert_fit()


def test_the_main_window_its_editor_tabs_and_the_demo_panel_fit_their_text(
    qtbot, qloop, qt_settings, language: str, shots: Path
) -> None:
    screens = Screens(shots, language)
    screen_tour.main_window_and_editor_tabs(qtbot, screens)
    screens.assert_fit()


def test_the_bulk_settings_and_new_measuring_object_dialogs_fit_their_text(
    qtbot, qloop, qt_settings, language: str, shots: Path
) -> None:
    screens = Screens(shots, language)
    screen_tour.device_dialogs(qtbot, screens)
    screens.assert_fit()


def test_the_dialogs_fit_their_text(
    qtbot, qloop, qt_settings, tmp_path: Path, language: str, shots: Path
) -> None:
    screens = Screens(shots, language)
    screen_tour.dialogs(qtbot, screens, tmp_path)
    screens.assert_fit()


def test_the_commissioning_window_and_report_fit_their_text(
    qtbot, qloop, qt_settings, tmp_path: Path, language: str, shots: Path
) -> None:
    screens = Screens(shots, language)
    screen_tour.commissioning(qtbot, screens, tmp_path)
    screens.assert_fit()


def test_the_devices_view_needs_the_same_width_before_and_after_a_site_is_loaded(
    qtbot, qloop, qt_settings, language: str
) -> None:
    """The view's least width is the same with no site chosen, while a site loads, once its loggers
    are listed and with a logger open: the main window fits 1280 px in every state (the empty list's
    sentence on one line made it 47 px wider before a site was loaded, in German)."""
    from saveris_desktop.ui.devices import DevicesView
    from tests.ui.devices_harness import FAST_POLL, SITE, close_harness, make_devices_harness, run

    harness = make_devices_harness(qtbot)
    harness.view.hide()
    harness.services.site = None
    view = DevicesView(harness.services, timing=FAST_POLL)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)

    def least() -> int:
        QApplication.processEvents()
        return view.minimumSizeHint().width()

    widths = {"no site": least()}
    view.show_site(SITE)
    widths["loading"] = least()
    qtbot.waitUntil(lambda: view.model.rowCount() == len(harness.device_uuids), timeout=5000)
    widths["listed"] = least()
    uuid = harness.device_uuids[0]
    view.open_device(uuid)
    qtbot.waitUntil(lambda: view.current_uuid == uuid and view.detail_status.text() == "", timeout=5000)
    widths["logger open"] = least()
    assert len(set(widths.values())) == 1, widths
    run(qtbot, view.aclose())
    close_harness(qtbot, harness)
