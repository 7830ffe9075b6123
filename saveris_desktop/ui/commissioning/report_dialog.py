"""File → Commissioning report: read the site once, then preview, print or save it as PDF, CSV or JSON.

The data comes from core.commissioning.report (the same code as `saveris-cli report`), read through
the app's one client on the dialog's own TaskOwner, cancelled when the dialog closes. The PDF and
the printout are painted by ui/commissioning/report_pdf.py, so preview, paper and file look alike.
The site's time zone falls back to the one chosen on this laptop (UiState) when the cloud cannot
tell it. Rows of a commissioning plan that were not completed are handed in by the caller.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop import __version__
from saveris_desktop.core.commissioning.report import CommissioningReport, OpenPlanRow, gather_report
from saveris_desktop.core.commissioning.report_files import write_report_file
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.commissioning.report_document import report_html
from saveris_desktop.ui.error_text import explain_error
from saveris_desktop.ui.ui_state import UiState

if TYPE_CHECKING:  # QtPrintSupport is loaded only when printing
    from PySide6.QtPrintSupport import QPrinter

#: file dialog filter -> suffix; the order is the order offered
_FORMATS = ((".pdf", "PDF (*.pdf)"), (".csv", "CSV (*.csv)"), (".json", "JSON (*.json)"))


def suggested_file_name(site: str, suffix: str) -> str:
    name = "".join(ch if ch.isalnum() else "-" for ch in site).strip("-") or "site"
    return f"commissioning-report-{name}{suffix}"


class CommissioningReportDialog(QDialog):
    def __init__(
        self,
        services: AppServices,
        site: str,
        *,
        ui_state: UiState | None = None,
        open_plan_rows: Sequence[OpenPlanRow] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commissioningReportDialog")
        self.setWindowTitle(self.tr("Commissioning report of %1").replace("%1", site))
        self.services = services
        self.site = site
        self.ui_state = ui_state or UiState()
        self.open_plan_rows = None if open_plan_rows is None else list(open_plan_rows)
        self.report: CommissioningReport | None = None
        self.tasks = TaskOwner("commissioning-report")
        self.file_dialog: QFileDialog | None = None
        self.print_preview: QDialog | None = None
        self.print_dialog: QDialog | None = None

        self.status = QLabel(self.tr("Reading the site's loggers, sensors and measuring objects …"), self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("reportProgress")
        self.progress.setAccessibleName(self.tr("Reading the site"))
        self.progress.setRange(0, 0)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("reportPreview")
        self.preview.setAccessibleName(self.tr("The report"))
        self.preview.setOpenLinks(False)

        self.preview_button = self._button("reportPrintPreview", self.tr("Print pre&view …"))
        self.print_button = self._button("reportPrint", self.tr("&Print …"))
        self.save_button = self._button("reportSave", self.tr("&Save as PDF, CSV or JSON …"))
        self.reload_button = self._button("reportReload", self.tr("&Read again"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("reportClose")
        close.setAccessibleName(self.tr("Close"))

        row = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button, self.reload_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.height() * 40)

        self.preview_button.clicked.connect(self.open_print_preview)
        self.print_button.clicked.connect(self.open_print_dialog)
        self.save_button.clicked.connect(self.open_save_dialog)
        self.reload_button.clicked.connect(self.read)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _result: self.tasks.cancel_all())
        self._set_ready(False)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip(" …"))
        return button

    def _set_ready(self, ready: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(ready and self.report is not None)
        self.reload_button.setEnabled(ready)
        self.progress.setVisible(not ready)

    # --- reading -------------------------------------------------------------------------------

    def read(self) -> None:
        """Read the site (again); the report shows the cloud at this moment."""
        if self.tasks.running:
            return
        self._set_ready(False)
        self.status.setText(self.tr("Reading the site's loggers, sensors and measuring objects …"))
        services = self.services
        self.tasks.spawn(
            gather_report(
                services.client,
                self.site,
                technician=services.username,
                server=services.endpoint.label,
                app_version=__version__,
                laptop_timezone=self.ui_state.site_timezone(self.site),
                open_plan_rows=self.open_plan_rows,
            ),
            name="read-report",
            on_result=self._show,
            on_error=self._failed,
        )

    def _show(self, report: CommissioningReport) -> None:
        self.report = report
        self.preview.setHtml(report_html(report))
        summary = self.tr("%n logger(s) in “%2”, read at %3.", "", len(report.loggers))
        summary = summary.replace("%2", report.site).replace("%3", f"{report.created_at:%H:%M}")
        if report.incomplete:
            summary += " " + self.tr(
                "Some parts could not be read from this cloud; the report marks them where they would stand."
            )
        self.status.setText(summary)
        self._set_ready(True)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The report could not be made: %1").replace("%1", explain_error(error)))
        self._set_ready(True)

    # --- saving --------------------------------------------------------------------------------

    def open_save_dialog(self) -> QFileDialog | None:
        if self.report is None:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, self.tr("Save the commissioning report"), folder)
        dialog.setObjectName("reportSaveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([name for _suffix, name in _FORMATS])
        dialog.selectFile(suggested_file_name(self.site, ".pdf"))
        dialog.filterSelected.connect(self._filter_chosen)
        dialog.fileSelected.connect(self._file_chosen)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _filter_chosen(self, name_filter: str) -> None:
        dialog = self.file_dialog
        suffix = next((s for s, name in _FORMATS if name == name_filter), ".pdf")
        if dialog is not None:
            dialog.selectFile(suggested_file_name(self.site, suffix))

    def _file_chosen(self, chosen: str) -> None:
        path = Path(chosen)
        if path.suffix.lower() not in {suffix for suffix, _name in _FORMATS}:
            dialog = self.file_dialog
            name_filter = dialog.selectedNameFilter() if dialog is not None else ""
            suffix = next((s for s, name in _FORMATS if name == name_filter), ".pdf")
            path = path.with_name(path.name + suffix)
        self.tasks.spawn(
            self.save(path),
            name="save-report",
            on_result=lambda _r: self.status.setText(self.tr("Saved to %1").replace("%1", str(path))),
            on_error=lambda error: self.status.setText(
                self.tr("The report could not be saved: %1").replace("%1", str(error))
            ),
        )

    async def save(self, path: Path) -> None:
        """Write the report read last to `path`, as PDF, CSV or JSON by its ending."""
        report = self.report
        if report is None:
            raise ValueError("the report has not been read yet")
        if path.suffix.lower() == ".pdf":
            from saveris_desktop.ui.commissioning.report_pdf import write_pdf

            # QPainter may paint on a QPdfWriter in a worker thread (Qt 6 renders text in threads
            # on every platform): a large site's PDF never stalls the window.
            await asyncio.to_thread(write_pdf, report, path)
        else:
            await write_report_file(report, path)

    # --- printing ------------------------------------------------------------------------------

    def _printer(self) -> QPrinter:
        # QtPrintSupport is imported only here: it is large and most sessions never print.
        from PySide6.QtPrintSupport import QPrinter

        from saveris_desktop.ui.commissioning.report_pdf import a4_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        printer.setDocName(suggested_file_name(self.site, ""))
        return printer

    def open_print_preview(self) -> QDialog | None:
        report = self.report
        if report is None:
            return None
        from saveris_desktop.ui.commissioning.print_preview import ReportPrintPreview
        from saveris_desktop.ui.commissioning.report_pdf import paint_report

        dialog = ReportPrintPreview(self._printer(), self)
        dialog.setWindowTitle(self.tr("Print preview: commissioning report of %1").replace("%1", self.site))
        dialog.paintRequested.connect(lambda device: paint_report(report, device))
        self.print_preview = dialog
        dialog.open()
        return dialog

    def open_print_dialog(self) -> QDialog | None:
        report = self.report
        if report is None:
            return None
        from PySide6.QtPrintSupport import QPrintDialog

        from saveris_desktop.ui.commissioning.report_pdf import paint_report

        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("reportPrintDialog")
        dialog.setWindowTitle(self.tr("Print the commissioning report"))

        def accepted() -> None:
            try:
                paint_report(report, printer)
            except OSError:
                self.status.setText(self.tr("The printer could not be used. Choose another one."))
                return
            self.status.setText(self.tr("Sent to the printer."))

        dialog.accepted.connect(accepted)
        self.print_dialog = dialog
        QDialog.open(dialog)  # window-modal; PySide's QPrintDialog.open wants a slot to call
        return dialog

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None and not self.tasks.running:
            self.read()
