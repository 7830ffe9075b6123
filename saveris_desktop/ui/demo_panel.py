"""The "Virtual logger" panel of demo mode: unpack a logger, press its button, fill in its page.

It drives the in-process simulator directly (its methods are quick and thread-safe), so the whole
onboarding — hotspot, lost internet, the logger appearing in the list — can be rehearsed without
hardware. "Join the logger's Wi-Fi" cuts the app off from the (simulated) cloud exactly like a real
hotspot does. The configuration page can also be opened in a browser: the simulator is then served
on a loopback port, started on first use and stopped with the app.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.ui import core_words
from saveris_desktop.ui.widgets.led import LedIndicator, LedPattern
from saveris_desktop.ui.widgets.naming import named

if TYPE_CHECKING:
    from saveris_desktop.api.models import ConnectKey
    from saveris_desktop.core.runtime.services import AppServices
    from saveris_desktop.simulator import Simulator

W = TypeVar("W", bound=QWidget)
log = logging.getLogger(__name__)


class DemoPanel(QWidget):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from saveris_desktop.simulator import LoggerKind

        if services.simulator is None:
            raise ValueError("the virtual logger panel needs the demo simulator")
        self.setObjectName("demoPanel")
        self.services = services
        self.sim: Simulator = services.simulator
        self._server: contextlib.ExitStack | None = None
        self._server_url: str | None = None
        #: connect keys read while online: the key is needed on the logger's Wi-Fi, with no cloud
        self._site_keys: dict[str, str] = {}

        intro = QLabel(
            self.tr("Plays the hardware: a logger in its box, its button and its configuration page."), self
        )
        intro.setObjectName("demoIntro")
        intro.setWordWrap(True)

        self.kind = self._named(QComboBox(self), "demoKindCombo", self.tr("Device type"))
        for kind in LoggerKind:
            self.kind.addItem(kind.product_name, kind.value)
        self.unpack_button = self._named(
            QPushButton(self.tr("&Unpack a new logger"), self), "demoUnpackButton"
        )
        self.loggers = self._named(QListWidget(self), "demoLoggerList", self.tr("Virtual loggers"))
        # Low: a rehearsal has a logger or three, and the panel must fit a laptop screen unscrolled.
        rows = self.fontMetrics().height() * 3 + 2 * self.loggers.frameWidth()
        self.loggers.setMinimumHeight(rows)
        self.loggers.setMaximumHeight(rows)

        self.led = LedIndicator(LedPattern.OFF, self)
        self.led.setObjectName("demoLed")
        self.led_words = QLabel(self)
        self.led_words.setObjectName("demoLedWords")
        self.status_text = QLabel(self)
        self.status_text.setObjectName("demoStatusText")
        self.status_text.setWordWrap(True)
        # Room for its longest message, so the buttons below do not move while they are being used.
        self.status_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.status_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.button_press = self._named(
            QPushButton(self.tr("&Hold the button for 3 s"), self), "demoButtonPress"
        )

        page = QGroupBox(self.tr("Configuration page (hotspot mode)"), self)
        page.setObjectName("demoConfigGroup")
        self.account_id = self._named(QLineEdit(page), "demoAccountId", self.tr("accountId (connect key)"))
        self.wifi_ssid = self._named(QLineEdit(page), "demoWifiSsid", self.tr("Wi-Fi name"))
        self.wifi_password = self._named(QLineEdit(page), "demoWifiPassword", self.tr("Wi-Fi password"))
        self.wifi_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.fill_key = self._named(QPushButton(self.tr("Use the current site's &key"), page), "demoFillKey")
        self.save_config = self._named(QPushButton(self.tr("&Save on the logger"), page), "demoSaveConfig")
        self.browser = self._named(QPushButton(self.tr("Open in a &browser"), page), "demoOpenBrowser")
        self.result = QLabel(page)
        self.result.setObjectName("demoConfigResult")
        self.result.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("accountId:"), self.account_id)
        # The buttons each on a row of their own: side by side (or beside the label column) they made
        # the dock so wide in German that the main window no longer fit a 1280 px wide screen.
        form.addRow(self.fill_key)
        form.addRow(self.tr("Wi-Fi name:"), self.wifi_ssid)
        form.addRow(self.tr("Wi-Fi password:"), self.wifi_password)
        form.addRow(self.save_config)
        form.addRow(self.browser)
        form.addRow(self.result)

        network = QGroupBox(self.tr("This laptop's Wi-Fi"), self)
        network.setObjectName("demoNetworkGroup")
        self.network_state = QLabel(network)
        self.network_state.setObjectName("demoNetworkState")
        self.network_state.setWordWrap(True)
        self.network_state.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)  # no jump on toggling
        self.network_state.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.network_toggle = self._named(QPushButton(network), "demoNetworkToggle")
        network_layout = QVBoxLayout(network)
        network_layout.addWidget(self.network_state)
        network_layout.addWidget(self.network_toggle)

        led_row = QHBoxLayout()
        led_row.addWidget(self.led)
        led_row.addWidget(self.led_words, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.kind)
        layout.addWidget(self.unpack_button)
        layout.addWidget(self.loggers)
        layout.addLayout(led_row)
        layout.addWidget(self.status_text)
        layout.addWidget(self.button_press)
        # In the order of the field procedure: button, join its Wi-Fi, fill its page, back. The page's
        # messages grow at the bottom, where they push nothing the technician needs next.
        layout.addWidget(network)
        layout.addWidget(page)
        layout.addStretch(1)

        self.unpack_button.clicked.connect(self.unpack)
        self.button_press.clicked.connect(self.press_button)
        self.save_config.clicked.connect(self.submit)
        self.fill_key.clicked.connect(self.fill_site_key)
        self.browser.clicked.connect(self.open_in_browser)
        self.network_toggle.clicked.connect(self.toggle_network)
        self.loggers.currentRowChanged.connect(lambda _row: self.refresh())
        self._timer = QTimer(self)
        self._timer.setInterval(500)  # the LED blinks and joins happen on the simulator's clock
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()
        services.sig_site_changed.connect(self._remember_site_key)
        self._remember_site_key(services.site)

    # --- actions -------------------------------------------------------------------------------

    def unpack(self) -> None:
        from saveris_desktop.simulator import LoggerKind

        logger = self.sim.create_logger(LoggerKind(self.kind.currentData()))
        self.refresh()
        self.loggers.setCurrentRow(self.loggers.count() - 1)
        self.result.setText(
            self.tr("Logger %1 is unpacked; its LED is off.").replace("%1", logger.serial_number)
        )

    def press_button(self) -> None:
        from saveris_desktop.simulator import Refusal

        logger_id = self.current_logger_id()
        if logger_id is not None:
            try:
                self.sim.press_button(logger_id, 3.0)  # its answer is the status shown above the button
            except Refusal:
                self._logger_gone()
                return
            self.result.clear()
            self.refresh()

    def _logger_gone(self) -> None:
        # The simulator was reset meanwhile (its control API, e.g. from a browser).
        self.refresh()
        self.result.setText(
            self.tr("That logger no longer exists: the simulator was reset. Unpack a new one.")
        )

    def submit(self) -> None:
        logger_id = self.current_logger_id()
        if logger_id is None:
            self.result.setText(self.tr("Unpack a logger first."))
            return
        from saveris_desktop.simulator import Refusal

        try:
            outcome = self.sim.submit_configuration(
                logger_id, self.account_id.text(), self.wifi_ssid.text(), self.wifi_password.text()
            )
        except Refusal:
            self._logger_gone()
            return
        lines = [core_words.translated(text) for text in (outcome.message, *outcome.field_errors.values())]
        self.result.setText("\n".join(lines))
        self.refresh()

    def fill_site_key(self) -> None:
        services = self.services
        site = services.site
        if not site or not services.client.is_signed_in:
            self.result.setText(self.tr("Sign in and choose a site in the wizard first."))
            return
        known = self._site_keys.get(site)
        if known:
            self.account_id.setText(known)
            self.result.clear()
            return

        def got(key: ConnectKey) -> None:
            self.account_id.setText(key.connect_key)
            self.result.clear()

        def failed(error: BaseException) -> None:
            from saveris_desktop.api.errors import NetworkError

            if isinstance(error, NetworkError):
                self.result.setText(
                    self.tr("No internet on the logger's Wi-Fi: type the key shown on the connect key page.")
                )
            else:
                self.result.setText(str(error))

        services.tasks.spawn(
            services.client.get_connect_key(site), name="demo-key", on_result=got, on_error=failed
        )

    def _remember_site_key(self, site: str | None) -> None:
        """Read the key of a newly chosen site at once (the laptop is online then) and keep it."""
        services = self.services
        if site and services.connect_keys.get(site):  # the site step has just read it: no second read
            self._site_keys[site] = services.connect_keys[site]
            return
        if not site or site in self._site_keys or not services.client.is_signed_in or services.tasks.closed:
            return

        def got(key: ConnectKey) -> None:
            value = key.connect_key
            if value:
                self._site_keys[site] = value

        def failed(error: BaseException) -> None:
            log.info("the connect key of %r could not be read ahead: %s", site, error)

        services.tasks.spawn(
            services.client.get_connect_key(site), name="demo-key-ahead", on_result=got, on_error=failed
        )

    def toggle_network(self) -> None:
        self.sim.set_network_down(not self.sim.network_down)
        self.refresh()

    def open_in_browser(self) -> None:
        logger_id = self.current_logger_id()
        if logger_id is None:
            self.result.setText(self.tr("Unpack a logger first."))
            return

        def opened(url: str) -> None:
            from saveris_desktop.simulator.control import CONTROL_PREFIX

            QDesktopServices.openUrl(QUrl(f"{url}{CONTROL_PREFIX}/loggers/{logger_id}/config"))

        def failed(error: BaseException) -> None:
            self.result.setText(self.tr("The page could not be served: %1").replace("%1", str(error)))

        self.services.tasks.spawn(self.loopback_url(), name="demo-server", on_result=opened, on_error=failed)

    async def loopback_url(self) -> str:
        """Serve the simulator on a loopback port (once); it stops when the app closes."""
        if self._server_url is None:
            from saveris_desktop.simulator.server import serve_in_thread

            stack = contextlib.ExitStack()
            self._server_url = await asyncio.to_thread(stack.enter_context, serve_in_thread(self.sim))
            self._server = stack

            async def stop() -> None:
                await asyncio.to_thread(stack.close)

            self.services.closers.append(stop)
        return self._server_url

    # --- view ----------------------------------------------------------------------------------

    def current_logger_id(self) -> str | None:
        item = self.loggers.currentItem()
        logger_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return logger_id if isinstance(logger_id, str) else None

    def refresh(self) -> None:
        current = self.current_logger_id()
        loggers = self.sim.loggers
        if self.loggers.count() != len(loggers):
            self.loggers.blockSignals(True)
            self.loggers.clear()
            for logger in loggers:
                item = QListWidgetItem(f"{logger.kind.product_name} · {logger.serial_number}")
                item.setData(Qt.ItemDataRole.UserRole, logger.id)
                self.loggers.addItem(item)
            self.loggers.blockSignals(False)
            ids = [logger.id for logger in loggers]
            if current in ids:
                self.loggers.setCurrentRow(ids.index(current))
            elif ids:
                self.loggers.setCurrentRow(0)
        selected = next((lg for lg in loggers if lg.id == self.current_logger_id()), None)
        has_logger = selected is not None
        for widget in (self.button_press, self.save_config, self.browser):
            widget.setEnabled(has_logger)
        if selected is None:
            self.led.set_pattern(LedPattern.OFF)
            self.led_words.setText(self.tr("No logger unpacked yet."))
            self.status_text.setText("")
        else:
            pattern = LedPattern.from_name(selected.led.name)
            if pattern is not self.led.pattern:
                self.led.set_pattern(pattern)
            self.led_words.setText(pattern.words)
            status = core_words.translated(selected.status_text)
            if selected.hotspot_ssid not in status:
                hotspot = self.tr("Hotspot network: %1").replace("%1", selected.hotspot_ssid)
                status = f"{status}\n{hotspot}"
            self.status_text.setText(status)
        if self.sim.network_down:
            self.network_state.setText(
                self.tr("On the logger's Wi-Fi: no internet, the cloud is unreachable.")
            )
            self.network_toggle.setText(self.tr("B&ack to the site Wi-Fi"))
        else:
            self.network_state.setText(self.tr("On the site Wi-Fi: the cloud is reachable."))
            self.network_toggle.setText(self.tr("&Join the logger's Wi-Fi"))
        self.network_toggle.setAccessibleName(self.network_toggle.text().replace("&", ""))

    def _named(self, widget: W, object_name: str, accessible: str | None = None) -> W:
        """`named()`; a button left without an accessible name is named after its text."""
        if accessible is None and isinstance(widget, QAbstractButton):
            accessible = widget.text().replace("&", "")
        return named(widget, object_name, accessible or object_name)
