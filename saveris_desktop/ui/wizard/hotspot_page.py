"""Step 4: the hotspot procedure for the chosen device type, with LED states and the values to type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.listing import DeviceListing
from saveris_desktop.core.onboarding.flow import DeviceType, Step
from saveris_desktop.ui.widgets.led import LedIndicator
from saveris_desktop.ui.wizard.common import FlowPage, WizardContext, named
from saveris_desktop.ui.wizard.hotspot_steps import device_label, guide_steps, hotspot_name_pattern


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HotspotGuidePage(FlowPage):
    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("hotspotGuidePage")
        self.setTitle(self.tr("Put the device into hotspot mode"))
        self.setSubTitle(
            self.tr("Do these steps with the device in your hand; the LED tells you where you are.")
        )

        type_box = named(QGroupBox(self.tr("Device type"), self), "deviceTypeGroup", self.tr("Device type"))
        self.type_group = QButtonGroup(self)
        type_layout = QHBoxLayout(type_box)
        self.type_buttons: dict[DeviceType, QRadioButton] = {}
        for index, device_type in enumerate(DeviceType):
            button = QRadioButton(device_label(device_type), type_box)
            button.setObjectName(f"deviceType_{device_type.value}")
            button.setAccessibleName(device_label(device_type))
            self.type_group.addButton(button, index)
            self.type_buttons[device_type] = button
            type_layout.addWidget(button)
        type_layout.addStretch(1)

        self.ssid = named(QLineEdit(self), "siteWifiEdit", self.tr("Name of the site's Wi-Fi network"))
        self.ssid.setPlaceholderText(self.tr("optional: shown in the steps below"))
        self.ssid.setMaxLength(64)
        ssid_label = QLabel(self.tr("Site &Wi-Fi name:"), self)
        ssid_label.setBuddy(self.ssid)
        form = QFormLayout()
        form.addRow(ssid_label, self.ssid)

        self.steps_widget = QWidget()
        self.steps_scroll = named(QScrollArea(self), "guideScroll", self.tr("Steps"))
        self.steps_scroll.setWidget(self.steps_widget)
        self.steps_scroll.setWidgetResizable(True)
        self.steps_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Focusable so the steps scroll by keyboard at large text sizes; the frame shows where the
        # focus is (without it, Tab seemed to land nowhere).
        self.steps_scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.steps_scroll.setStyleSheet(
            "#guideScroll { border: 2px solid transparent; }"
            "#guideScroll:focus { border-color: palette(highlight); }"
        )

        self.baseline_note = named(QLabel(self), "baselineNote", self.tr("Devices already on the site"))
        self.baseline_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(type_box)
        layout.addLayout(form)
        layout.addWidget(self.steps_scroll, 1)
        layout.addWidget(self.baseline_note)

        self.type_group.idToggled.connect(self._type_toggled)
        self.ssid.textChanged.connect(self._render_steps)
        self.ssid.textEdited.connect(lambda text: self.ctx.flow.note(wifi_ssid=text.strip()))

    # --- QWizardPage ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        data = self.ctx.flow.data
        self.type_buttons[data.device_type].setChecked(True)
        if not self.ssid.text():
            self.ssid.setText(data.wifi_ssid)
        self._render_steps()
        self.focus_later(self.type_buttons[data.device_type])

    def page_shown(self) -> None:
        self._render_steps()
        self._list_current_devices()

    def validatePage(self) -> bool:
        if self.ctx.flow.step is Step.HOTSPOT_GUIDE:  # a second, quick Next must not move the flow twice
            self.ctx.flow.start_waiting(self.device_type, self.ssid.text())
        return True

    @property
    def device_type(self) -> DeviceType:
        for device_type, button in self.type_buttons.items():
            if button.isChecked():
                return device_type
        return DeviceType.QSR_WIFI

    # --- content -------------------------------------------------------------------------------

    def _type_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.ctx.flow.note(device_type=self.device_type)
            self._render_steps()

    def _render_steps(self) -> None:
        # A fresh widget each time: setWidget() deletes the old one at once, so no stale row is
        # ever painted (deleteLater would leave it on screen until the next event loop pass).
        self.steps_widget = QWidget()
        self.steps_widget.setObjectName("guideSteps")
        grid = QGridLayout(self.steps_widget)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(self.fontMetrics().height() // 2)
        grid.setColumnMinimumWidth(1, self.fontMetrics().horizontalAdvance("M") * 15)
        data = self.ctx.flow.data
        ssid = self.ssid.text().strip()
        values = {
            "key": _html(data.connect_key),
            "ssid": f"<b>{_html(ssid)}</b>" if ssid else self.tr("the name of the site's Wi-Fi network"),
            "hotspot": hotspot_name_pattern(self.device_type),
        }
        top = Qt.AlignmentFlag.AlignTop
        for row, step in enumerate(guide_steps(self.device_type)):
            number = QLabel(f"<b>{row + 1}.</b>", self.steps_widget)
            number.setObjectName(f"guideStepNumber{row + 1}")
            led_cell = QWidget(self.steps_widget)
            led_cell.setObjectName(f"guideStepLedCell{row + 1}")
            led_row = QHBoxLayout(led_cell)
            led_row.setContentsMargins(0, 0, 0, 0)
            led = LedIndicator(step.led, led_cell)
            led.setObjectName(f"guideStepLed{row + 1}")
            led_words = QLabel(f"<i>{_html(step.led.words)}</i>", led_cell)
            led_words.setObjectName(f"guideStepLedText{row + 1}")
            led_words.setWordWrap(True)
            led_row.addWidget(led, 0, top)
            led_row.addWidget(led_words, 1, top)
            text = QLabel(step.text.format(**values), self.steps_widget)
            text.setObjectName(f"guideStep{row + 1}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(number, row, 0, top)
            grid.addWidget(led_cell, row, 1, top)
            grid.addWidget(text, row, 2, top)
        grid.setRowStretch(len(guide_steps(self.device_type)), 1)
        self.steps_scroll.setWidget(self.steps_widget)

    # --- baseline ------------------------------------------------------------------------------

    def _list_current_devices(self) -> None:
        """Say how many devices count as "already there"; list the site only if that is unknown.

        The baseline was read online when the site was chosen. It is not re-read here: the laptop may
        already be on the logger's hotspot (or back from it, after Back from waiting), and a listing
        taken now could hold the very logger being set up.
        """
        baseline = self.ctx.flow.data.baseline_uuids
        if baseline is not None:
            self._show_baseline(len(baseline))
            return
        site = self.ctx.flow.data.site
        self.baseline_note.setText(self.tr("Checking which devices the site has already …"))

        def listed(devices: DeviceListing) -> None:
            if self.ctx.flow.step not in (Step.HOTSPOT_GUIDE, Step.WAITING):
                return
            self.ctx.flow.devices_listed(devices.identities())  # unreadable ones are there too
            self.ctx.devices.update({d.uuid: d for d in devices})
            self._show_baseline(len(devices))

        def failed(error: BaseException) -> None:
            self.baseline_note.setText(
                self.tr(
                    "The site's device list could not be read just now; the waiting page will take the first "
                    "list it gets as the starting point. Go online before you set up the device."
                )
            )

        self.run_job(self.ctx.services.client.list_devices(site), listed, failed)

    def _show_baseline(self, count: int) -> None:
        if count == 0:
            text = self.tr("The site has no devices yet; the next page waits for the first one.")
        else:
            text = self.tr("The site has %n device(s) already; the next page waits for a new one.", "", count)
        self.baseline_note.setText(text)
