"""Step 5: wait for the new logger: elapsed time and state, calm offline banner, hints after a while.

Never a bare spinner: the page always says how long it has waited, when it last heard from the
cloud and what it is doing. While the laptop is on the logger's hotspot the cloud is unreachable; the
watcher pauses regular polling, the banner explains, and both resume by themselves.

The technician spends this step on the logger's configuration page, with this page beside it: the
connect key and the few steps stay on it, and the moment the laptop loses the cloud (it joined the
logger's Wi-Fi) the banner says what to do *there*, not yet "reconnect", since the key is still to
be typed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from saveris_desktop.api.listing import DeviceListing, UnreadableItem
from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.watcher import DeviceWatcher, WatchStatus
from saveris_desktop.core.onboarding.flow import Step
from saveris_desktop.ui.wizard.common import Banner, ErrorLabel, FlowPage, WizardContext, explain_error, named
from saveris_desktop.ui.wizard.connect_key_page import key_font
from saveris_desktop.ui.wizard.hotspot_steps import device_label, troubleshooting_hints


def format_elapsed(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class WaitingPage(FlowPage):
    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("waitingPage")
        self.setTitle(self.tr("Waiting for the device"))
        self.setSubTitle(
            self.tr(
                "Leave this page open while you set up the device. "
                "It appears here as soon as the cloud lists it."
            )
        )
        self.watcher: DeviceWatcher | None = None
        self._found = False
        self._last_success = ""

        self.offline_banner = Banner("offlineBanner", self)
        self.offline_banner.hide()

        # What to type on the logger's page, on this page too: the technician needs it right now.
        self.steps_box = named(
            QGroupBox(self.tr("On the logger's configuration page"), self),
            "waitingStepsBox",
            self.tr("Steps"),
        )
        self.key_label = named(QLabel(self.steps_box), "waitingConnectKey", self.tr("Connect key"))
        self.key_label.setFont(key_font(max(self.font().pointSizeF(), 9.0) * 1.8))
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.steps_label = named(QLabel(self.steps_box), "waitingSteps", self.tr("Steps"))
        self.steps_label.setWordWrap(True)
        steps_layout = QVBoxLayout(self.steps_box)
        steps_layout.addWidget(self.key_label)
        steps_layout.addWidget(self.steps_label)

        self.bar = named(QProgressBar(self), "waitingBar", self.tr("Waiting"))
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(180)
        self.state_label = named(QLabel(self), "waitingState", self.tr("State"))
        self.state_label.setWordWrap(True)
        self.elapsed_label = named(QLabel(self), "waitingElapsed", self.tr("Time waited"))
        font = self.elapsed_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.elapsed_label.setFont(font)
        self.detail_label = named(QLabel(self), "waitingDetail", self.tr("Last check"))
        self.detail_label.setWordWrap(True)
        self.error = ErrorLabel("waitingError", self)
        self.check_now = named(
            QPushButton(self.tr("&Check now"), self), "checkNowButton", self.tr("Check now")
        )

        self.hints = named(
            QGroupBox(self.tr("Taking longer than usual?"), self), "hintsBox", self.tr("Hints")
        )
        hints_layout = QVBoxLayout(self.hints)
        self.hints_label = QLabel(self.hints)  # filled per round: the hints name this site's key
        self.hints_label.setObjectName("hintsText")
        self.hints_label.setWordWrap(True)
        hints_layout.addWidget(self.hints_label)
        keep = QLabel(self.tr("The app keeps waiting; press Cancel to stop."), self.hints)
        keep.setObjectName("hintsKeepWaiting")
        hints_layout.addWidget(keep)
        self.hints.hide()

        top = QHBoxLayout()
        top.addWidget(self.elapsed_label)
        top.addWidget(self.bar)
        top.addStretch(1)
        top.addWidget(self.check_now)
        layout = QVBoxLayout(self)
        layout.addWidget(self.offline_banner)
        layout.addWidget(self.steps_box)
        layout.addLayout(top)
        layout.addWidget(self.state_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.error)
        layout.addWidget(self.hints)
        layout.addStretch(1)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._refresh)
        self.check_now.clicked.connect(self._check_now)
        ctx.services.sig_connectivity.connect(self.client_connectivity)

    # --- QWizardPage ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._found = False
        self._last_success = ""  # a new round: the last round's checks say nothing about this one
        self.error.clear_message()
        self.hints.hide()
        self.offline_banner.hide()
        data = self.ctx.flow.data
        self.watcher = DeviceWatcher(
            timing=self.ctx.timing,
            clock=self.ctx.clock,
            name="wizard-watcher",
            feeds=self.ctx.services.listing_feeds,  # one poller per site, shared with the devices view
        )
        self.watcher.sig_status.connect(self._status)
        self.watcher.sig_devices.connect(self._devices)
        self.watcher.sig_new_devices.connect(self._new_devices)
        self.watcher.sig_new_unreadable.connect(self._new_unreadable)
        self.watcher.start(data.site, data.baseline_uuids)
        self._show_steps()
        self.state_label.setText(
            self.tr("Waiting for the %1 to join “%2” …")
            .replace("%1", device_label(data.device_type))
            .replace("%2", data.site)
        )
        self.detail_label.setText(
            self.tr("Checking the site's devices every %n second(s).", "", round(self.ctx.timing.interval))
        )
        self._ticker.start()
        self._refresh()
        self.focus_later(self.check_now)

    def isComplete(self) -> bool:
        return self._found

    def _show_steps(self) -> None:
        data = self.ctx.flow.data
        key = escape(data.connect_key)
        self.key_label.setText(self.tr("accountId: %1").replace("%1", data.connect_key))
        self.key_label.setAccessibleDescription(self.tr("Type this key as accountId on the logger's page."))
        wifi = escape(data.wifi_ssid) or self.tr("the site's Wi-Fi")
        self.steps_label.setText(
            self.tr(
                "<ol style='margin-left:-20px'><li>Type the key above as <b>accountId</b>.</li>"
                "<li>Enter the Wi-Fi <b>%1</b> and its password.</li><li>Press <b>Save</b>: the LED "
                "blinks orange while it joins the Wi-Fi.</li>"
                "<li>Reconnect this laptop to its normal Wi-Fi.</li></ol>"
            ).replace("%1", wifi)
        )
        self.offline_banner.set_text(
            self.tr(
                "<b>This laptop is off the internet — as expected on the logger's Wi-Fi.</b><br>"
                "On the logger's page enter accountId <b style='font-size:large'>%1</b> and the Wi-Fi "
                "<b>%2</b>, press Save, then reconnect to your normal Wi-Fi. Checking is paused and "
                "resumes by itself."
            )
            .replace("%1", key)
            .replace("%2", wifi)
        )
        hints = [
            self.tr("Check that accountId on the logger's page is exactly <b>%1</b>.").replace("%1", key),
            *troubleshooting_hints(),
        ]
        hint_text = "".join(f"<li>{hint}</li>" for hint in hints)
        self.hints_label.setText(f"<ul style='margin-left:-20px'>{hint_text}</ul>")

    def validatePage(self) -> bool:
        return self._found

    def cleanupPage(self) -> None:
        self.stop_watching()
        super().cleanupPage()

    # --- watcher -------------------------------------------------------------------------------

    def stop_watching(self) -> None:
        self._ticker.stop()
        if self.watcher is not None:
            watcher, self.watcher = self.watcher, None
            watcher.stop()
            # aclose waits for the cancelled task; the app's owner keeps it referenced meanwhile.
            if not self.ctx.services.tasks.closed:
                self.ctx.services.tasks.spawn(watcher.aclose(), name="close-wizard-watcher")

    def _status(self, status: WatchStatus) -> None:
        self._apply(status)

    def _devices(self, devices: DeviceListing) -> None:
        self.ctx.devices.update({d.uuid: d for d in devices})
        self.ctx.flow.devices_listed(devices.identities())
        self._last_success = QTime.currentTime().toString("HH:mm:ss")

    def _new_devices(self, devices: list[Device]) -> None:
        self._logger_found(devices[0].uuid)

    def _new_unreadable(self, items: list[UnreadableItem]) -> None:
        # The logger joined even if the app cannot read its description (core/devices/watcher.py): found.
        self.ctx.unreadable[items[0].identity] = items[0]
        self._logger_found(items[0].identity)

    def _logger_found(self, identity: str) -> None:
        if self._found or self.ctx.flow.step is not Step.WAITING:
            return
        self._found = True
        self.ctx.flow.logger_found(identity)
        self.stop_watching()
        self.completeChanged.emit()
        self.wizard().next()

    def client_connectivity(self, online: bool) -> None:
        if self.watcher is not None:
            self.watcher.notify_connectivity(online)

    def _check_now(self) -> None:
        if self.watcher is not None:
            self.watcher.poll_now()

    def _refresh(self) -> None:
        if self.watcher is not None:
            self._apply(self.watcher.status())

    def _apply(self, status: WatchStatus) -> None:
        self.elapsed_label.setText(format_elapsed(status.elapsed))
        self.elapsed_label.setAccessibleDescription(
            self.tr("Waiting for %1 (minutes:seconds)").replace("%1", format_elapsed(status.elapsed))
        )
        offline = status.online is False
        self.offline_banner.setVisible(offline)
        # No moving bar while nothing is being checked: it must never pretend to work.
        self.bar.setVisible(not offline)
        if offline and self._last_success:
            detail = self.tr("No connection to the cloud. Last successful check: %1.").replace(
                "%1", self._last_success
            )
        elif offline:  # already on the hotspot when the page opened: the common case, not a fault
            detail = self.tr("No connection to the cloud since this page opened.")
        elif status.polls:
            detail = self.tr(
                "Last check %1: %n device(s) on the site, none of them new yet.", "", status.device_count
            ).replace("%1", self._last_success)
        else:
            detail = self.tr("Asking the cloud for the site's devices …")
        self.detail_label.setText(detail)
        if status.error is not None and not offline:
            self.error.show_message(
                self.tr("The last check failed: %1 Trying again automatically.").replace(
                    "%1", explain_error(status.error)
                )
            )
        else:
            self.error.clear_message()
        self.hints.setVisible(status.taking_long)
