"""The device view's "New site…": a name and a time zone, created by the wizard's own sequence.

The site box only offers sites the app knows; a new one is made here, with the same rule for the
name (core.onboarding.flow.check_site_name, worded by ui/site_names.py, checked while typing) and
the same creation (core.onboarding.site_setup.create_site: the connect key, the optional time zone
that waits in the outbox when the cloud does not take it). Only a site the cloud has created (or
had already) is reported with `sig_site_created` and becomes a recent site: a name it refused
stays in the field with the cloud's reason beside it, and is never shown as the current site.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.errors import RequestValidationError
from saveris_desktop.api.models import ConnectKey
from saveris_desktop.core.onboarding.flow import SITE_NAME_MAX_LENGTH, check_site_name
from saveris_desktop.core.onboarding.site_setup import SetupStage, SiteSetupError, create_site
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.error_text import explain_error
from saveris_desktop.ui.site_names import (
    available_timezones,
    fill_timezone_box,
    name_refused_message,
    site_name_message,
    system_timezone,
)
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.widgets.busy_row import BusyRow
from saveris_desktop.ui.widgets.error_label import ErrorLabel
from saveris_desktop.ui.widgets.naming import named


class NewSiteDialog(QDialog):
    # the cloud has the site (created now, or it existed): its name as the cloud gave it back
    sig_site_created = Signal(str)

    def __init__(self, services: AppServices, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newSiteDialog")
        self.setWindowTitle(self.tr("New site"))
        self.services = services
        self.ui_state = ui_state
        self.tasks = TaskOwner("new-site-dialog")
        # the name was edited: only then does an empty name get a message (an untouched form is not scolded)
        self._touched = False

        intro = QLabel(
            self.tr(
                "The place where the loggers go, for example a shop or a building. Each site has one "
                "connect key; a site that exists already is opened."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name = named(QLineEdit(self), "newSiteName", self.tr("Site name"))
        self.name.setPlaceholderText(self.tr("e.g. Bakery Main Street"))
        self.name.setMaxLength(SITE_NAME_MAX_LENGTH + 20)  # longer input gets a clear reason
        self.name_error = ErrorLabel("newSiteNameError", self)
        self._zones = available_timezones()
        self.timezone = named(QComboBox(self), "newSiteTimezone", self.tr("Timezone"))
        fill_timezone_box(self.timezone, self._zones)
        cast(QLineEdit, self.timezone.lineEdit()).setAccessibleName(self.tr("Timezone, type to search"))
        self.timezone.setCurrentIndex(max(0, self.timezone.findText(system_timezone())))
        self.timezone_error = ErrorLabel("newSiteTimezoneError", self)
        self.error = ErrorLabel("newSiteError", self)
        self.busy_row = BusyRow("newSiteBusy", self)

        self.buttons = QDialogButtonBox(self)
        self.create_button = named(
            QPushButton(self.tr("Create site"), self), "newSiteCreate", self.tr("Create the site")
        )
        self.create_button.setDefault(True)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            named(cancel, "newSiteCancel", self.tr("Cancel: no new site"))

        # Room for the name's message (three lines) whether it is shown or not: the fields below
        # never jump while typing, and the whole sentence is read, not its first line.
        message_room = QWidget(self)
        message_layout = QVBoxLayout(message_room)
        message_layout.setContentsMargins(0, 0, 0, 0)
        message_layout.addWidget(self.name_error)
        message_layout.addStretch(1)
        message_room.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 4)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        name_label = QLabel(self.tr("&Site name:"), self)
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow("", message_room)
        zone_label = QLabel(self.tr("&Timezone:"), self)
        zone_label.setBuddy(self.timezone)
        form.addRow(zone_label, self.timezone)
        form.addRow("", self.timezone_error)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.buttons)

        self.name.textChanged.connect(self._name_edited)
        self.timezone.currentTextChanged.connect(lambda _t: self._update_create())
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._update_create()
        self.setMinimumWidth(max(480, self.fontMetrics().averageCharWidth() * 60))

    # --- actions -------------------------------------------------------------------------------

    def submit(self) -> None:
        check = check_site_name(self.name.text())
        zone = self.timezone.currentText().strip()
        if not check.ok or self.tasks.busy("create"):
            self._touched = True
            self._name_edited(self.name.text())
            return
        if zone not in self._zones:
            self.timezone_error.show_message(self.tr("Pick a timezone from the list, e.g. Europe/Berlin."))
            self.timezone.setFocus()
            return
        self.error.clear_message()
        self.timezone_error.clear_message()
        self.busy_row.start(self.tr("Creating the site “%1” and its connect key …").replace("%1", check.name))
        setup = create_site(
            self.services.client,
            check.name,
            zone,
            queue=self.services.change_queue,
            describe=explain_error,
        )
        self.tasks.spawn(
            setup,
            name="create-site",
            key="create",
            on_result=lambda ready: self._created(ready.key, zone),
            on_error=lambda error: self._failed(error, zone),
        )
        self._update_create()

    def _created(self, key: ConnectKey, zone: str) -> None:
        self.busy_row.stop()
        # The cloud knows it now: a recent site here and in the wizard, with the zone chosen.
        self.ui_state.add_recent_site(key.site)
        self.ui_state.set_site_timezone(key.site, zone)
        self.sig_site_created.emit(key.site)
        self.accept()

    def _failed(self, error: BaseException, zone: str) -> None:
        self.busy_row.stop()
        self._update_create()
        if isinstance(error, SiteSetupError) and error.stage is SetupStage.DEVICES and error.key is not None:
            # The site exists (its key was read); its loggers are listed by the device view itself.
            self._created(error.key, zone)
            return
        cause = error.error if isinstance(error, SiteSetupError) else error
        if isinstance(cause, RequestValidationError):
            self.name_error.show_message(name_refused_message(cause))
            self.name.setFocus()
        else:
            self.error.show_message(explain_error(cause))

    def _name_edited(self, text: str) -> None:
        if text:
            self._touched = True
        check = check_site_name(text)
        if check.ok or not self._touched:
            self.name_error.clear_message()
        else:
            self.name_error.show_message(site_name_message(check, self.create_button.text()))
        self._update_create()

    def _update_create(self) -> None:
        ready = check_site_name(self.name.text()).ok and bool(self.timezone.currentText().strip())
        self.create_button.setEnabled(ready and not self.tasks.busy("create"))

    # --- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.tasks.cancel_all()
        super().done(result)


__all__ = ["NewSiteDialog"]
