"""Step 2: name the site (new or used before on this laptop) and its timezone; get its connect key."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from saveris_desktop.api.errors import RequestValidationError
from saveris_desktop.core.onboarding.flow import SITE_NAME_MAX_LENGTH, check_site_name
from saveris_desktop.core.onboarding.site_setup import SetupStage, SiteReady, SiteSetupError, create_site
from saveris_desktop.ui.site_names import (
    available_timezones,
    fill_timezone_box,
    name_refused_message,
    site_name_message,
    system_timezone,
)
from saveris_desktop.ui.widgets.error_label import reserved_row
from saveris_desktop.ui.wizard.common import (
    BusyRow,
    ErrorLabel,
    FlowPage,
    WizardContext,
    explain_error,
    named,
)


class SitePage(FlowPage):
    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("sitePage")
        self.setTitle(self.tr("Site"))
        self.setSubTitle(
            self.tr(
                "The place where the loggers go, for example a shop or a building. A new name creates the "
                "site; each site has one connect key."
            )
        )
        self.site = named(QComboBox(self), "siteCombo", self.tr("Site name"))
        self.site.setEditable(True)
        self.site.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        site_edit = cast(QLineEdit, self.site.lineEdit())
        site_edit.setObjectName("siteEdit")
        site_edit.setAccessibleName(self.tr("Site name"))
        site_edit.setPlaceholderText(self.tr("e.g. Bakery Main Street"))
        site_edit.setMaxLength(SITE_NAME_MAX_LENGTH + 20)  # longer input gets a clear reason
        self.site_hint = named(QLabel(self), "siteHint", self.tr("Site name hint"))
        self.site_hint.setWordWrap(True)
        self.site_error = ErrorLabel("siteError", self)

        self.timezone = named(QComboBox(self), "timezoneCombo", self.tr("Timezone"))
        self._zones = available_timezones()
        fill_timezone_box(self.timezone, self._zones)
        timezone_edit = cast(QLineEdit, self.timezone.lineEdit())
        timezone_edit.setObjectName("timezoneEdit")
        timezone_edit.setAccessibleName(self.tr("Timezone, type to search"))
        self.timezone_info = named(QLabel(self), "timezoneInfo", self.tr("Time in the chosen timezone"))
        self.timezone_error = ErrorLabel("timezoneError", self)

        self.error = ErrorLabel("siteFormError", self)
        self.busy_row = BusyRow("siteBusy", self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        site_label = QLabel(self.tr("&Site name:"), self)
        site_label.setBuddy(self.site)
        form.addRow(site_label, self.site)
        # A form layout drops the row of a hidden message: each message shares a row with the line
        # above it, so its own line stays reserved and the fields below never jump when it appears.
        form.addRow("", reserved_row(self.site_hint, self.site_error))
        tz_label = QLabel(self.tr("&Timezone:"), self)
        tz_label.setBuddy(self.timezone)
        form.addRow(tz_label, self.timezone)
        form.addRow("", reserved_row(self.timezone_info, self.timezone_error))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_row)
        layout.addStretch(1)

        self.site.currentTextChanged.connect(self._site_edited)
        self.site.activated.connect(self._recent_site_picked)
        self.timezone.currentTextChanged.connect(self._timezone_edited)
        self._timezone_touched = False
        # the name was edited since the page was shown: only then does an empty name get a message
        # (an untouched form is not scolded), which says why Next is disabled
        self._site_touched = False

    # --- QWizardPage ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        recent = self.ctx.ui_state.recent_sites()
        data = self.ctx.flow.data
        current = data.site_typed or data.site or self.site.currentText()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItems(recent)
        self.site.setEditText(current)
        self.site.blockSignals(False)
        if recent:
            self.site_hint.setText(
                self.tr("Open the list (Alt+Down) for sites used on this laptop, or type a new name.")
            )
        else:
            self.site_hint.setText(self.tr("Type a new name; sites you use are offered here next time."))
        self._set_timezone(
            self.ctx.flow.data.timezone or self._remembered_timezone(current) or system_timezone()
        )
        self._timezone_touched = False
        self.focus_later(self.site)
        self._site_touched = False
        self._check_site_name(current)

    def isComplete(self) -> bool:
        return (
            not self.busy
            and check_site_name(self.site.currentText()).ok
            and bool(self.timezone.currentText())
        )

    def validatePage(self) -> bool:
        if self.take_advance():
            return True
        self._create_site()
        return False

    # --- actions -------------------------------------------------------------------------------

    def _create_site(self) -> None:
        check = check_site_name(self.site.currentText())
        zone = self.timezone.currentText().strip()
        self.error.clear_message()
        problems = False
        if not check.ok:
            self.site_error.show_message(site_name_message(check, self._next_text()))
            self.site.setFocus()
            problems = True
        if zone not in self._zones:
            self.timezone_error.show_message(self.tr("Pick a timezone from the list, e.g. Europe/Berlin."))
            if not problems:
                self.timezone.setFocus()
            problems = True
        if problems:
            return
        client, site = self.ctx.services.client, check.name
        self.busy_row.start(self.tr("Creating the site “%1” and its connect key …").replace("%1", site))

        def done(ready: SiteReady) -> None:
            self.busy_row.stop()
            state = self.ctx.ui_state
            state.add_recent_site(ready.site)
            state.set_site_timezone(ready.site, zone)
            self.ctx.services.set_site(ready.site, connect_key=ready.key.connect_key)
            self.ctx.devices.update({d.uuid: d for d in ready.devices})
            self.ctx.flow.site_ready(
                ready.site,
                zone,
                ready.key.connect_key,
                # Unreadable devices count as "already there" too, or the first poll would "find" one.
                ready.devices.identities(),
                timezone_result=ready.timezone,
            )
            self.advance()

        def failed(error: BaseException) -> None:
            self.busy_row.stop()
            if not isinstance(error, SiteSetupError):
                self.error.show_message(explain_error(error))
                return
            cause = error.error
            if error.stage is SetupStage.SITE and isinstance(cause, RequestValidationError):
                self.site_error.show_message(name_refused_message(cause))
                self.site.setFocus()
            elif error.stage is SetupStage.DEVICES:
                text = self.tr(
                    "The site is ready, but its list of devices could not be read: %1 Press Next to retry."
                )
                self.error.show_message(text.replace("%1", explain_error(cause)))
            else:
                self.error.show_message(explain_error(cause))

        # The time zone is optional in testo's procedure: a refusal or failure waits in the outbox
        # (the connect key page says so), it never stops the wizard here.
        setup = create_site(client, site, zone, queue=self.ctx.services.change_queue, describe=explain_error)
        self.run_job(setup, done, failed)

    def _next_text(self) -> str:
        """The Next button as the technician sees it (Qt words it per style and language)."""
        wizard = self.wizard()
        text = wizard.buttonText(QWizard.WizardButton.NextButton) if wizard is not None else ""
        return text.replace("&", "").replace(">", "").strip() or self.tr("Next")

    def _site_edited(self, text: str) -> None:
        self.ctx.flow.note(site_typed=text)
        self._site_touched = True
        self._check_site_name(text)

    def _check_site_name(self, text: str) -> None:
        """Say what is wrong while typing, pointing at the character (core's rule, these words)."""
        check = check_site_name(text)
        if check.ok or (not self._site_touched and not text.strip()):
            self.site_error.clear_message()
        else:
            self.site_error.show_message(site_name_message(check, self._next_text()))
        self.completeChanged.emit()

    def _recent_site_picked(self, index: int) -> None:
        zone = self._remembered_timezone(self.site.itemText(index))
        if zone and not self._timezone_touched:
            self._set_timezone(zone)
            self._timezone_touched = False

    def _remembered_timezone(self, site: str) -> str | None:
        return self.ctx.ui_state.site_timezone(site) if site.strip() else None

    def _set_timezone(self, zone: str) -> None:
        index = self.timezone.findText(zone)
        if index < 0:
            index = self.timezone.findText("UTC")
        self.timezone.setCurrentIndex(max(index, 0))
        self._timezone_edited(self.timezone.currentText())

    def _timezone_edited(self, text: str) -> None:
        self.ctx.flow.note(timezone=text.strip())
        self._timezone_touched = True
        self.timezone_error.clear_message()
        zone = QTimeZone(text.encode())
        if text in self._zones and zone.isValid():
            now = QDateTime.currentDateTime().toTimeZone(zone)
            offset = zone.displayName(now, QTimeZone.NameType.OffsetName)
            self.timezone_info.setText(
                self.tr("Local time there: %1 (%2)")
                .replace("%1", now.toString("HH:mm"))
                .replace("%2", offset)
            )
        else:
            self.timezone_info.setText(
                self.tr("Type part of a name, e.g. Berlin, and pick it from the list.")
            )
        self.completeChanged.emit()


__all__ = ["SitePage", "available_timezones", "system_timezone"]
