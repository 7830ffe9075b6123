"""Help → Check the connection to the cloud: core.onboarding.first_contact, run from the app.

The same check as `saveris-cli check-api` (reads only, nothing is changed), through the app's own
client and TaskOwner; the dialog shows the verdict, one line per operation and where the report for
support was written.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.onboarding.first_contact import (
    FirstContact,
    Outcome,
    check_first_contact,
    default_report_path,
    write_report,
)
from saveris_desktop.core.onboarding.flow import check_site_name
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.ui import core_words
from saveris_desktop.ui.error_text import explain_error


async def _check_and_write(services: AppServices, site: str | None) -> FirstContact:
    result = await check_first_contact(services.client, site)

    def write() -> Path:
        return write_report(result, default_report_path())

    await asyncio.to_thread(write)
    return result


class FirstContactDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstContactDialog")
        self.setWindowTitle(self.tr("Check the connection to the cloud"))
        self.services = services
        self._task: asyncio.Task[FirstContact] | None = None
        intro = QLabel(
            self.tr(
                "Checks the sign-in and the reads the app needs for the site, and tries the reads testo "
                "does not document. Nothing is changed in the cloud. The report for support holds no "
                "password, token or connect key."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.site = QLineEdit(services.site or "", self)
        self.site.setObjectName("firstContactSite")
        self.site.setAccessibleName(self.tr("Existing site to check"))
        self.site.setPlaceholderText(self.tr("optional: without a site only the sign-in is checked"))
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.setObjectName("firstContactCheck")
        self.check_button.setAccessibleName(self.tr("Check the connection"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("firstContactProgress")
        self.progress.setAccessibleName(self.tr("Checking"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.verdict = QLabel(self)
        self.verdict.setObjectName("firstContactVerdict")
        self.verdict.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("firstContactDetails")
        self.details.setAccessibleName(self.tr("Result per operation"))
        self.details.setReadOnly(True)
        self.details.setFont(QFont("monospace"))
        self.details.hide()
        self.report = QLabel(self)
        self.report.setObjectName("firstContactReport")
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("firstContactClose")
        close.setAccessibleName(self.tr("Close"))
        form = QFormLayout()
        form.addRow(self.tr("Site"), self.site)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
        self.resize(640, 420)
        self.check_button.clicked.connect(self.check)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _result: self._cancel())

    def check(self) -> None:
        if self._task is not None and not self._task.done():
            return
        site: str | None = None
        if self.site.text().strip():
            name = check_site_name(self.site.text())
            if not name.ok:
                self.verdict.setText(self.tr("Enter the name of an existing site, or leave it empty."))
                return
            site = name.name
        self.check_button.setEnabled(False)
        self.progress.show()
        self.verdict.setText(self.tr("Checking …"))
        self._task = self.services.tasks.spawn(
            _check_and_write(self.services, site),
            name="first-contact",
            on_result=self._done,
            on_error=self._failed,
        )

    def _done(self, result: FirstContact) -> None:
        self.progress.hide()
        self.check_button.setEnabled(True)
        verdict = (
            self.tr("Everything the app needs works.")
            if result.ok
            else self.tr("Something the app needs does not work.")
        )
        self.verdict.setText(f"{verdict}\n{core_words.translated(result.summary())}")
        words = {
            Outcome.WORKS: self.tr("works"),
            Outcome.NOT_OFFERED: self.tr("not offered"),
            Outcome.REFUSED: self.tr("refused"),
            Outcome.FAILED: self.tr("failed"),
            Outcome.NOT_TRIED: self.tr("not tried"),
        }
        lines = [
            f"{words[p.outcome]:<12} {p.method:<4} {p.path}" + (f" (HTTP {p.status})" if p.status else "")
            for p in result.probes
        ]
        self.details.setPlainText("\n".join(lines))
        self.details.show()
        self.report.setText(self.tr("Report for support: %1").replace("%1", str(result.report_path)))

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.check_button.setEnabled(True)
        self.verdict.setText(self.tr("The check could not finish: %1").replace("%1", explain_error(error)))

    def _cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
