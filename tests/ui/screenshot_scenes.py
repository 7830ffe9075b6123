"""The screens at one display scaling, in light and dark, German and English: saved and measured.

Not collected by the normal test run (the name does not start with "test_"): tests/ui/screenshots.py
runs it in a process of its own per scaling, because Qt reads QT_SCALE_FACTOR only when the
application starts. Each screen of tests/ui/screen_tour.py is saved as
`<out>/<scheme>-<language>-<screen>.png` and measured like the pseudo-translation test does: no text
clipped (font metrics) and no window larger than 1280×720 logical pixels; every label reads at 4.5:1.

SAVERIS_SCREENSHOT_OUT: the folder for this scaling; SAVERIS_SCREENSHOT_FEWER=1: one logger's
editor tabs and one hotspot guide instead of all (the larger scalings, to keep the run short).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImageWriter
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from saveris_desktop.ui import i18n
from tests.ui import screen_tour
from tests.ui.layout_check import clipped, too_large
from tests.ui.test_screens_light_and_dark import dark_palette, unreadable_labels

OUT_ENV = "SAVERIS_SCREENSHOT_OUT"
FEWER_ENV = "SAVERIS_SCREENSHOT_FEWER"


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    previous = qapp.palette()
    light = QStyleFactory.create("Fusion").standardPalette()
    qapp.setPalette(dark_palette() if request.param == "dark" else light)
    try:
        yield str(request.param)
    finally:
        qapp.setPalette(previous)


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """German as on a German computer; English as the source."""
    system = QLocale("de_DE") if request.param == "de" else QLocale("en_US")
    i18n.install(qapp, i18n.SYSTEM, system=system)
    try:
        yield str(request.param)
    finally:
        i18n.install(qapp, i18n.SOURCE_LANGUAGE, system=QLocale("en_US"))


class Shots:
    """The visit of a tour: save the screen as it is shown, then measure it."""

    def __init__(self, prefix: str) -> None:
        self.folder = Path(os.environ.get(OUT_ENV) or ".")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.problems: list[str] = []

    def __call__(self, window: QWidget, where: str) -> None:
        QApplication.sendPostedEvents()  # pending layout requests first: the picture is what a user sees
        plain = unicodedata.normalize("NFKD", f"{self.prefix} {where}").encode("ascii", "ignore").decode()
        name = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")  # "Fühler" -> "fuhler"
        writer = QImageWriter(str(self.folder / f"{name}.png"), b"png")
        writer.setQuality(90)  # light compression: twelve sets of pictures are written per run
        assert writer.write(window.grab().toImage()), writer.errorString()
        self.problems += [f"{name}: {problem}" for problem in clipped(window)]
        self.problems += [f"{name}: below 4.5:1: {label}" for label in unreadable_labels(window)]
        size = too_large(window)
        if size:
            self.problems.append(f"{name}: {size}")


def test_every_screen(qtbot, qloop, qt_settings, tmp_path: Path, scheme: str, language: str) -> None:
    fewer = os.environ.get(FEWER_ENV) == "1"
    shots = Shots(f"{scheme} {language}")
    screen_tour.wizard_pages(qtbot, shots, every_device_type=not fewer)
    screen_tour.main_window_and_editor_tabs(qtbot, shots, every_logger=not fewer)
    screen_tour.device_dialogs(qtbot, shots)
    screen_tour.dialogs(qtbot, shots, tmp_path)
    screen_tour.commissioning(qtbot, shots, tmp_path)
    assert not shots.problems, "\n".join(shots.problems)
