"""Step 1: sign in with the Saveris account, region and environment; "Remember me" only with a keyring."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.errors import AuthenticationError
from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.core.runtime.credentials import CredentialStoreError, account_key
from saveris_desktop.ui.wizard.common import (
    Banner,
    BusyRow,
    ErrorLabel,
    FlowPage,
    WizardContext,
    explain_error,
    named,
)

log = logging.getLogger(__name__)


class SignInPage(FlowPage):
    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("signInPage")
        self.setTitle(self.tr("Sign in"))
        self.setSubTitle(self.tr("Use your testo Saveris account. Nothing is sent to the cloud before this."))
        services = ctx.services

        self.demo_banner = Banner("demoBanner", self)
        self.demo_banner.set_text(
            self.tr(
                "Demo mode: a simulator built into this app plays the testo cloud. The demo account is "
                "filled in for you; nothing is sent over the internet."
            )
        )
        self.demo_banner.setVisible(services.demo)

        self.username = named(QLineEdit(self), "usernameEdit", self.tr("User name"))
        self.username.setPlaceholderText(self.tr("name@company.com"))
        self.password = named(QLineEdit(self), "passwordEdit", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # A real button with words, reachable with Tab (Alt+H): the former icon-less line-edit action
        # was invisible, so with cold fingers nobody could check what they had typed.
        self.show_password = named(
            QPushButton(self.tr("S&how"), self), "showPasswordButton", self.tr("Show the password")
        )
        self.show_password.setCheckable(True)
        self.show_password.setToolTip(self.tr("Show or hide the password"))
        self.show_password.toggled.connect(self._toggle_password)
        password_row = QHBoxLayout()
        password_row.setContentsMargins(0, 0, 0, 0)
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.show_password)

        self.region = named(QComboBox(self), "regionCombo", self.tr("Region"))
        for region in Region:
            self.region.addItem(self._region_label(region), region)
        self.environment = named(QComboBox(self), "environmentCombo", self.tr("Environment"))
        for env in Environment:
            self.environment.addItem(self._environment_label(env), env)
        self.server_note = named(QLabel(self), "serverNote", self.tr("Server"))
        self.server_note.setWordWrap(False)  # one line; a wrapped label reserves a second one here

        self.remember = named(QCheckBox(self.tr("&Remember me on this computer"), self), "rememberCheck", "")
        self.remember.setAccessibleName(self.tr("Remember me on this computer"))
        self.remember.setToolTip(self.tr("The password is kept in the system's keyring, never in a file."))
        self.no_keyring_note = named(QLabel(self), "noKeyringNote", self.tr("Password storage"))
        self.no_keyring_note.setWordWrap(True)
        self.no_keyring_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.remember_offered = False

        self.error = ErrorLabel("signInError", self)
        self.busy_row = BusyRow("signInBusy", self)

        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._buddy(self.tr("&User name:"), self.username), self.username)
        form.addRow(self._buddy(self.tr("&Password:"), self.password), password_row)
        form.addRow(self._buddy(self.tr("Re&gion:"), self.region), self.region)
        form.addRow(self._buddy(self.tr("&Environment:"), self.environment), self.environment)
        form.addRow("", self.server_note)
        form.addRow("", self.remember)
        form.addRow("", self.no_keyring_note)

        layout = QVBoxLayout(self)
        layout.addWidget(self.demo_banner)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy_row)
        layout.addStretch(1)

        for edit in (self.username, self.password):
            edit.textChanged.connect(self._edited)
        self.region.currentIndexChanged.connect(self._server_changed)
        self.environment.currentIndexChanged.connect(self._server_changed)
        # What is typed or picked is the flow's data at once (the wizard's draft keeps it); the
        # password is not: it has no place in the flow's data.
        self.username.textEdited.connect(lambda text: self.ctx.flow.note(username=text.strip()))
        self.region.activated.connect(lambda _i: self.ctx.flow.note(region=self.region.currentData()))
        self.environment.activated.connect(
            lambda _i: self.ctx.flow.note(environment=self.environment.currentData())
        )

    # --- QWizardPage ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        services, state, data = self.ctx.services, self.ctx.ui_state, self.ctx.flow.data
        self._select(self.region, data.region if data.username else state.last_region())
        self._select(self.environment, data.environment if data.username else state.last_environment())
        fixed = services.endpoint_fixed
        self.region.setEnabled(not fixed)
        self.environment.setEnabled(not fixed)
        self._server_changed()

        reason = services.credentials.unavailable_reason
        self.remember_offered = reason is None and not services.demo
        # Whole rows, so a hidden one leaves no gap.
        self.form.setRowVisible(self.remember, self.remember_offered)
        self.form.setRowVisible(self.no_keyring_note, reason is not None and not services.demo)
        if reason is not None:
            self.no_keyring_note.setText(
                self.tr(
                    "Remember me is not offered: no secure password storage is available on this computer."
                )
            )

        if services.demo:
            from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME

            self.username.setText(DEMO_USERNAME)
            self.password.setText(DEMO_PASSWORD)
        else:
            self.username.setText(data.username or state.last_username())
            self.remember.setChecked(state.remember_me() and reason is None)
            if self.remember.isChecked() and self.username.text():
                self._load_remembered_password()
        self.focus_later(self.password if self.username.text() else self.username)

    def isComplete(self) -> bool:
        return not self.busy and bool(self.username.text().strip()) and bool(self.password.text())

    def validatePage(self) -> bool:
        if self.take_advance():
            return True
        self._sign_in()
        return False

    # --- actions -------------------------------------------------------------------------------

    def chosen_endpoint(self) -> Endpoint:
        if self.ctx.services.endpoint_fixed:
            return self.ctx.services.endpoint
        return Endpoint.for_region(self.chosen_region(), self.chosen_environment())

    def chosen_region(self) -> Region:
        # Qt hands enum data back as plain str: convert again.
        return Region(self.region.currentData())

    def chosen_environment(self) -> Environment:
        return Environment(self.environment.currentData())

    def _sign_in(self) -> None:
        services = self.ctx.services
        username, password = self.username.text().strip(), self.password.text()
        endpoint = self.chosen_endpoint()
        remember = self.remember_offered and self.remember.isChecked()
        self.error.clear_message()
        self.busy_row.start(self.tr("Signing in to %1 …").replace("%1", endpoint.label))

        async def work() -> str | None:
            client = await services.use_endpoint(endpoint)
            await client.sign_in(username, password)
            if services.demo:
                return None
            key = account_key(username, endpoint)
            try:
                if remember:
                    await services.credentials.asave(key, password)
                else:
                    await services.credentials.aforget(key)
            except CredentialStoreError as error:
                return error.message
            return None

        def done(keyring_problem: str | None) -> None:
            self.busy_row.stop()
            services.set_signed_in(username)
            region, env = self.chosen_region(), self.chosen_environment()
            self.ctx.ui_state.set_sign_in(username, region, env, remember and keyring_problem is None)
            self.ctx.flow.signed_in_as(username, region, env, remember_me=remember)
            if keyring_problem:
                # Signed in all the same; say so, and let the technician go on with Next.
                self.remember.setChecked(False)
                self.error.show_message(
                    self.tr(
                        "Signed in, but the password could not be remembered: %1 Press Next to go on."
                    ).replace("%1", keyring_problem)
                )
                self._advance_ok = True
                return
            self.advance()

        def failed(error: BaseException) -> None:
            self.busy_row.stop()
            self.error.show_message(explain_error(error))
            if isinstance(error, AuthenticationError):
                self.password.setFocus()
                self.password.selectAll()

        self.run_job(work(), done, failed)

    def _load_remembered_password(self) -> None:
        key = account_key(self.username.text(), self.chosen_endpoint())

        def loaded(password: str | None) -> None:
            if password and not self.password.text():
                self.password.setText(password)

        self.ctx.tasks.spawn(self.ctx.services.credentials.aload(key), name="load-password", on_result=loaded)

    def _edited(self) -> None:
        self.completeChanged.emit()

    def _server_changed(self) -> None:
        endpoint = self.chosen_endpoint()
        if self.ctx.services.demo:
            text = self.tr("Server: the built-in simulator (demo).")
        elif self.ctx.services.endpoint_fixed:
            text = self.tr("Server: %1 (set on the command line).").replace("%1", endpoint.base_url)
        else:
            text = self.tr("Server: %1").replace("%1", endpoint.base_url)
        self.server_note.setText(text)

    def _toggle_password(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_password.setText(self.tr("&Hide") if shown else self.tr("S&how"))
        self.show_password.setAccessibleName(
            self.tr("Hide the password") if shown else self.tr("Show the password")
        )

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(str(value))
        if index >= 0:
            combo.setCurrentIndex(index)

    def _region_label(self, region: Region) -> str:
        return {
            Region.EUROPE: self.tr("Europe"),
            Region.AMERICAS: self.tr("Americas"),
            Region.ASIA_PACIFIC: self.tr("Asia-Pacific"),
        }[region]

    def _environment_label(self, env: Environment) -> str:
        return {
            Environment.PRODUCTION: self.tr("Production"),
            Environment.INTEGRATION: self.tr("Integration (testing)"),
        }[env]
