"""File ▸ Export / Import of drafts and templates, with the outcome (or the refusal's reason) in words.

An import that skipped drafts (this laptop has its own of the same object) shows its outcome in
ui/offline/import_choices_dialog.py, where each of them can be compared and replaced by choice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from saveris_desktop.core.offline.exchange import ExchangeError, ExportSummary, ImportReport
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.offline.import_choices_dialog import ImportChoicesDialog

FILE_FILTER = "Saveris Desktop export (*.saveris.json *.json)"


class ExchangeActions(QObject):
    """`sig_finished(ok, message)` after each export/import; the message is also shown in a box.
    `sig_draft_replaced(DraftKey)`: the technician chose a file's draft in place of this laptop's."""

    sig_finished = Signal(bool, str)
    sig_draft_replaced = Signal(object)

    def __init__(self, work: OfflineWork, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("exchangeActions")
        self.work = work
        self.window = window
        self.tasks = TaskOwner("exchange")
        self.message_box: QMessageBox | None = None
        self.choices_dialog: ImportChoicesDialog | None = None

    def export_with_dialog(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Export drafts and templates"), "drafts.saveris.json", self.tr(FILE_FILTER)
        )
        if path:
            self.export_to(Path(path))

    def import_with_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import drafts and templates"), "", self.tr(FILE_FILTER)
        )
        if path:
            self.import_from(Path(path))

    def export_to(self, path: Path) -> None:
        def done(summary: ExportSummary) -> None:
            self._report(
                True,
                self.tr("Exported %1 and %2 to %3.")
                .replace("%1", self.tr("%n draft(s)", "", summary.drafts))
                .replace("%2", self.tr("%n template(s)", "", summary.templates))
                .replace("%3", str(path)),
            )

        self.tasks.spawn(
            self.work.exchange.export(path),
            name="export",
            on_result=done,
            on_error=lambda e: self._report(False, self.tr("The export failed: %1").replace("%1", str(e))),
        )

    def import_from(self, path: Path) -> None:
        def failed(error: BaseException) -> None:
            reason = error.reason if isinstance(error, ExchangeError) else str(error)
            self._report(False, self.tr("Nothing was imported. %1").replace("%1", reason))

        self.tasks.spawn(
            self.work.exchange.import_file(path), name="import", on_result=self._imported, on_error=failed
        )

    def _imported(self, report: ImportReport) -> None:
        lines = [
            self.tr("Imported %1 and %2.")
            .replace("%1", self.tr("%n draft(s)", "", len(report.drafts_imported)))
            .replace(
                "%2",
                self.tr("%n template(s)", "", len(report.templates_imported) + len(report.templates_renamed)),
            )
        ]
        if report.drafts_skipped:
            lines.append(
                self.tr(
                    "%n draft(s) not imported: this laptop has its own draft of the same object.",
                    "",
                    len(report.drafts_skipped),
                )
            )
        for old, new in report.templates_renamed:
            lines.append(
                self.tr("The template “%1” was imported as “%2”.").replace("%1", old).replace("%2", new)
            )
        message = "\n".join(lines)
        if not report.skipped:
            self._report(True, message)
            return
        # the skipped drafts need a choice each: the outcome is said where it can be made
        dialog = ImportChoicesDialog(self.work, message, report.skipped, self.window)
        dialog.sig_draft_replaced.connect(self.sig_draft_replaced.emit)
        self.choices_dialog = dialog
        dialog.open()
        self.sig_finished.emit(True, message)

    def _report(self, ok: bool, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
            self.tr("Export and import"),
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("exchangeResult")
        self.message_box = box
        box.open()
        self.sig_finished.emit(ok, message)
