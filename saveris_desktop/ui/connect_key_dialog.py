"""Help → Show the site's connect key: the key again, large and as a QR code, for the next logger.

The technician meets it once in the wizard; on site, with the tenth logger in hand, it is needed
again. It is read with the documented `GET /connect-keys?site=` (one key per site) through the app's
client, in a task this dialog owns and cancels when it closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from saveris_desktop.api.models import ConnectKey
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.error_text import explain_error
from saveris_desktop.ui.widgets.error_label import ErrorLabel
from saveris_desktop.ui.widgets.naming import named
from saveris_desktop.ui.widgets.qr import QrCodeView
from saveris_desktop.ui.wizard.connect_key_page import key_font


class ConnectKeyDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectKeyDialog")
        self.setWindowTitle(self.tr("Connect key"))
        self.services = services
        self.tasks = TaskOwner("connect-key-dialog")
        self.site_label = named(QLabel(self), "connectKeyDialogSite", self.tr("Site"))
        self.site_label.setWordWrap(True)
        self.key_label = named(QLabel(self), "connectKeyDialogKey", self.tr("Connect key"))
        self.key_label.setFont(key_font(max(self.font().pointSizeF(), 9.0) * 2.4))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.qr = named(QrCodeView(self), "connectKeyDialogQr", self.tr("QR code of the connect key"))
        self.error = ErrorLabel("connectKeyDialogError", self)
        self.copy_button = named(
            QPushButton(self.tr("&Copy the key"), self), "connectKeyDialogCopy", self.tr("Copy the key")
        )
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close), "connectKeyDialogClose", self.tr("Close")
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.site_label)
        layout.addWidget(self.key_label)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(buttons)
        self._read()

    def _read(self) -> None:
        site = self.services.site
        if not site:
            self.site_label.setText(self.tr("Open a site first: the connect key belongs to a site."))
            return
        self.site_label.setText(
            self.tr(
                "Type this key as <b>accountId</b> on the configuration page of every logger of “%1”."
            ).replace("%1", site)
        )
        self.key_label.setText(self.tr("Reading the key …"))
        self.tasks.spawn(
            self.services.client.get_connect_key(site),
            name="read-connect-key",
            on_result=self._show,
            on_error=self._failed,
        )

    def _show(self, key: ConnectKey) -> None:
        self.key_label.setText(key.connect_key)
        self.qr.set_value(key.connect_key)
        self.copy_button.setEnabled(True)
        self.error.clear_message()

    def _failed(self, error: BaseException) -> None:
        self.key_label.clear()
        self.error.show_message(explain_error(error))

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.key_label.text())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.tasks.cancel_all()
        super().done(result)
