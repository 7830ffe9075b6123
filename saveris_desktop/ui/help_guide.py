"""Help → Commissioning guide: the procedure on one page, the LED state testo documents, and where
the app keeps its logs and data (with Open and Copy for each, for a support call).

The hotspot steps and their LED symbols are the wizard's own (ui/wizard/hotspot_steps.py), the
documented ones only: holding the button for 3 seconds, the LED blinking green, the logger's Wi-Fi
`Saveris2-…`, its configuration page with `accountId` and the site Wi-Fi [V]. LED states testo does
not describe (after Save, errors, the testo 164 gateway's) are not claimed here. The folders are
core.runtime.paths', so they follow `SAVERIS_DESKTOP_HOME` like the rest of the app.
A non-modal dialog, sized for a 1366×768 screen, the steps in one scroll area.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.core.runtime import paths
from saveris_desktop.ui.widgets.led import LedIndicator, LedPattern
from saveris_desktop.ui.widgets.naming import named
from saveris_desktop.ui.wizard.hotspot_steps import guide_steps, hotspot_name_pattern


class CommissioningGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "commissioningGuide", self.tr("Commissioning guide"))
        self.setWindowTitle(self.tr("Commissioning guide"))
        #: the folders shown, by name: "logs", "data"
        self.folders: dict[str, Path] = {"logs": paths.log_dir(), "data": paths.data_dir()}
        self.open_buttons: dict[str, QPushButton] = {}
        self.copy_buttons: dict[str, QPushButton] = {}

        content = QWidget()
        content.setObjectName("commissioningGuideContent")
        column = QVBoxLayout(content)
        column.addWidget(self._procedure(content))
        column.addWidget(self._led_states(content))
        column.addWidget(self._files(content))
        column.addStretch(1)

        self.steps_area = named(QScrollArea(self), "commissioningGuideScroll", self.tr("Commissioning guide"))
        self.steps_area.setWidget(content)
        self.steps_area.setWidgetResizable(True)
        self.steps_area.setFrameShape(QFrame.Shape.NoFrame)
        self.steps_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and Page Down scroll it

        self.status = QLabel(self)
        self.status.setObjectName("commissioningGuideStatus")
        self.status.setWordWrap(True)
        self.close_button = named(
            QPushButton(self.tr("Close"), self), "commissioningGuideClose", self.tr("Close")
        )
        self.close_button.clicked.connect(self.close)
        self.close_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps_area, 1)
        layout.addLayout(bottom)
        self._fit_screen()

    # --- the sections -------------------------------------------------------------------------

    def _procedure(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Putting a logger into service"), parent)
        box.setObjectName("guideProcedure")
        grid = QGridLayout(box)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(self.fontMetrics().height() // 2)
        values = {
            "key": self.tr("the site's connect key"),
            "ssid": self.tr("the name of the site's Wi-Fi network"),
            "hotspot": hotspot_name_pattern(DeviceType.QSR_WIFI),
        }
        steps: list[tuple[str, LedPattern | None]] = [
            (
                self.tr(
                    "Choose the site, or create it, in the wizard: <b>File → Add a logger …</b> "
                    "(sign in first)."
                ),
                None,
            ),
            (
                self.tr(
                    "Have the site's <b>connect key</b> at hand: the wizard shows it large and as a QR "
                    "code; <b>Help → Show the site's connect key …</b> shows it again."
                ),
                None,
            ),
        ]
        steps += [
            (step.text.format(**values), step.led)
            for step in guide_steps(DeviceType.QSR_WIFI)
            if step.documented
        ]
        steps += [
            (self.tr("Reconnect this laptop to your normal Wi-Fi."), None),
            (
                self.tr(
                    "Wait: the app lists the logger as soon as the cloud does (often within a few "
                    "minutes). The wizard's waiting page and the device table show it by themselves."
                ),
                None,
            ),
        ]
        top = Qt.AlignmentFlag.AlignTop
        for row, (text, led) in enumerate(steps):
            number = QLabel(f"<b>{row + 1}.</b>", box)
            number.setObjectName(f"guideNumber{row + 1}")
            grid.addWidget(number, row, 0, top)
            if led is not None:
                symbol = LedIndicator(led, box)
                symbol.setObjectName(f"guideLed{row + 1}")
                grid.addWidget(symbol, row, 1, top)
            label = QLabel(text, box)
            label.setObjectName(f"guideText{row + 1}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, row, 2, top)
        self.step_count = len(steps)
        return box

    def _led_states(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("The logger's LED"), parent)
        box.setObjectName("guideLedStates")
        row = QHBoxLayout()
        led = LedIndicator(LedPattern.HOTSPOT, box)
        led.setObjectName("guideLedHotspot")
        row.addWidget(led, 0, Qt.AlignmentFlag.AlignTop)
        hotspot = QLabel(
            self.tr(
                "<b>%1</b>: the logger's hotspot is open (after holding its button for 3 seconds)."
            ).replace("%1", LedPattern.HOTSPOT.words),
            box,
        )
        hotspot.setObjectName("guideLedHotspotText")
        hotspot.setWordWrap(True)
        row.addWidget(hotspot, 1)
        rest = QLabel(
            self.tr(
                "testo's description names no other LED state (after Save, on an error, or those of the "
                "testo 164 gateway). Whether the logger joined, the app's device list tells you."
            ),
            box,
        )
        rest.setObjectName("guideLedUndocumented")
        rest.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(rest)
        return box

    def _files(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Where the app keeps its files"), parent)
        box.setObjectName("guideFiles")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        rows = (
            (
                "logs",
                self.tr("Logs (for support):"),
                self.tr("Open the log folder"),
                self.tr("Copy the path of the log folder"),
            ),
            (
                "data",
                self.tr("Data (drafts, waiting changes, audit log):"),
                self.tr("Open the data folder"),
                self.tr("Copy the path of the data folder"),
            ),
        )
        for row, (name, caption, open_words, copy_words) in enumerate(rows):
            grid.addWidget(QLabel(caption, box), row * 2, 0, 1, 3)
            path = QLabel(str(self.folders[name]), box)
            path.setObjectName(f"guidePath_{name}")
            path.setWordWrap(True)
            path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(path, row * 2 + 1, 0, 1, 1)
            open_button = named(QPushButton(self.tr("Open"), box), f"guideOpen_{name}", open_words)
            open_button.setToolTip(open_words)
            open_button.clicked.connect(partial(self.open_folder, name))
            copy_button = named(QPushButton(self.tr("Copy path"), box), f"guideCopy_{name}", copy_words)
            copy_button.setToolTip(copy_words)
            copy_button.clicked.connect(partial(self.copy_path, name))
            grid.addWidget(open_button, row * 2 + 1, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(copy_button, row * 2 + 1, 2)
            self.open_buttons[name] = open_button
            self.copy_buttons[name] = copy_button
        return box

    # --- actions ------------------------------------------------------------------------------

    def open_folder(self, name: str, _checked: bool = False) -> None:
        folder = self.folders[name]
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.status.setText(
                self.tr("The folder could not be opened; copy its path instead: %1").replace(
                    "%1", str(folder)
                )
            )

    def copy_path(self, name: str, _checked: bool = False) -> None:
        folder = str(self.folders[name])
        QGuiApplication.clipboard().setText(folder)
        self.status.setText(self.tr("Copied: %1").replace("%1", folder))

    def _fit_screen(self) -> None:
        """About 80 characters wide and as tall as the steps need, never larger than the screen
        (1366×768 at 125 % leaves about 1090×560 for it)."""
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 100, metrics.height() * 44
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() * 9 // 10), min(height, room.height() * 9 // 10)
        self.resize(width, height)
