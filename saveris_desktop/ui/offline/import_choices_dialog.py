"""After an import: the drafts it skipped because this laptop has its own, with a choice for each.

The import never overwrites a draft typed here (core/offline/exchange.py). This dialog lists
those it skipped; for the selected one, *Compare* shows both versions side by side (field,
this laptop's value, the file's value), *Replace with the file's* puts the file's draft in
place of this laptop's, *Keep mine* leaves it. Nothing is replaced without that click, and a
draft edited after the import is not replaced unseen (the core refuses; the row says to
compare again). Closing the dialog keeps this laptop's drafts; the file keeps its versions.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.offline.change_words import describe_change
from saveris_desktop.core.offline.drafts import DraftKey
from saveris_desktop.core.offline.exchange import ReplaceOutcome, SkippedDraft
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui import core_words
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.offline.common import kind_label, name_widget
from saveris_desktop.ui.stale_list import local_time

COLUMN_DRAFT, COLUMN_MINE_TIME, COLUMN_FILE_TIME, COLUMN_CHOICE = range(4)
COLUMN_FIELD, COLUMN_MINE, COLUMN_FILE = range(3)


class ImportChoicesDialog(QDialog):
    """`sig_draft_replaced(DraftKey)` once a draft was replaced with the file's (an open editor of
    that object takes it: ui/offline/integration.py)."""

    sig_draft_replaced = Signal(object)

    def __init__(
        self, work: OfflineWork, summary: str, skipped: Sequence[SkippedDraft], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        name_widget(self, "importChoicesDialog", self.tr("Drafts not imported"))
        self.setWindowTitle(self.tr("Export and import"))
        self.work = work
        self.skipped = list(skipped)
        self.tasks = TaskOwner("import-choices")
        #: per row: None (not chosen: this laptop's draft stays), "kept" or "replaced"
        self.choices: list[str | None] = [None] * len(self.skipped)

        self.summary = QLabel(summary, self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "These drafts were not imported because this laptop has its own draft of the same "
                "object. Choose for each: compare the two, keep yours, or replace yours with the file's. "
                "Closing keeps yours; the file keeps its versions."
            ),
            self,
        )
        intro.setObjectName("importChoicesIntro")
        intro.setWordWrap(True)

        self.table = QTableWidget(len(self.skipped), 4, self)
        name_widget(self.table, "importSkippedTable", self.tr("Drafts not imported"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Draft"),
                self.tr("Yours, last changed"),
                self.tr("The file's, last changed"),
                self.tr("Choice"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Compare; the arrow keys choose a draft
        self.table.verticalHeader().hide()
        for row, draft in enumerate(self.skipped):
            key = draft.key
            self._set(row, COLUMN_DRAFT, self._draft_name(key, key.object_id))
            self._set(row, COLUMN_MINE_TIME, local_time(draft.local.updated_at))
            self._set(row, COLUMN_FILE_TIME, local_time(draft.incoming.updated_at))
            self._set(row, COLUMN_CHOICE, self.tr("Not chosen: yours stays"))
            self.tasks.spawn(
                work.object_label(key.site, key.kind, key.object_id),
                name=f"label-{row}",
                on_result=partial(self._named, row, key),
            )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_DRAFT, QHeaderView.ResizeMode.Stretch)  # no sideways scrolling
        self.table.setMinimumHeight(self.fontMetrics().height() * 9)  # a few drafts without scrolling
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.compare_button = QPushButton(self.tr("&Compare"), self)
        name_widget(self.compare_button, "importCompare", self.tr("Compare your draft with the file's"))
        self.compare_button.clicked.connect(self.compare_selected)
        self.replace_button = QPushButton(self.tr("&Replace with the file's"), self)
        name_widget(self.replace_button, "importReplace", self.tr("Replace your draft with the file's"))
        self.replace_button.clicked.connect(self.replace_selected)
        self.keep_button = QPushButton(self.tr("&Keep mine"), self)
        name_widget(self.keep_button, "importKeep", self.tr("Keep your draft"))
        self.keep_button.clicked.connect(self.keep_selected)
        actions = QHBoxLayout()
        for button in (self.compare_button, self.replace_button, self.keep_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.compare_title = QLabel(self)
        self.compare_title.setObjectName("importCompareTitle")
        self.compare_title.setWordWrap(True)
        self.compare = QTableWidget(0, 3, self)
        name_widget(self.compare, "importCompareTable", self.tr("Your draft and the file's, field by field"))
        self.compare.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Yours"), self.tr("In the file")])
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setTabKeyNavigation(False)  # read only: Tab goes on to Close
        self.compare.verticalHeader().hide()
        compare_header = self.compare.horizontalHeader()
        compare_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare_title.hide()
        self.compare.hide()

        self.status = QLabel(self)
        self.status.setObjectName("importChoicesStatus")
        self.status.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        name_widget(self.close_button, "importChoicesClose", self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.compare_title)
        layout.addWidget(self.compare, 1)
        layout.addLayout(bottom)
        self.resize(self.fontMetrics().averageCharWidth() * 140, self.fontMetrics().height() * 34)
        if self.skipped:
            self.table.selectRow(0)
        self._selection_changed()

    # --- what is shown ------------------------------------------------------------------------

    def _draft_name(self, key: DraftKey, label: str) -> str:
        """What the draft is about, as the technician knows it ("Logger settings — Logger 4711 (Bakery)")."""
        return f"{kind_label(key.kind)} — {label} ({key.site})"

    def _named(self, row: int, key: DraftKey, label: str) -> None:
        self._set(row, COLUMN_DRAFT, self._draft_name(key, label))

    def _set(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        self.table.setItem(row, column, item)

    def selected_row(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return next(iter(rows)) if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        undecided = row is not None and self.choices[row] is None
        self.compare_button.setEnabled(row is not None)
        self.replace_button.setEnabled(undecided)
        self.keep_button.setEnabled(undecided)
        if row is not None and self.compare.isVisible():
            self.compare_selected()  # the comparison follows the selection once it is open

    # --- the choices --------------------------------------------------------------------------

    def compare_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        skipped = self.skipped[row]
        # in the plain words of the waiting changes and the conflict dialog (core.offline.change_words)
        differences = describe_change(skipped.key.kind, skipped.local.mine, skipped.incoming.mine)
        draft_item = self.table.item(row, COLUMN_DRAFT)
        name = draft_item.text() if draft_item is not None else ""
        if differences:
            title = self.tr("%1: %n field(s) differ.", "", len(differences)).replace("%1", name)
        else:
            title = self.tr("%1: both drafts have the same values.").replace("%1", name)
        self.compare_title.setText(title)
        self.compare.setRowCount(len(differences))
        for index, change in enumerate(differences):
            for column, text in (
                (COLUMN_FIELD, core_words.translated(change.setting)),
                (COLUMN_MINE, core_words.translated(change.before)),
                (COLUMN_FILE, core_words.translated(change.after)),
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.compare.setItem(index, column, cell)
        self.compare_title.show()
        self.compare.show()

    def keep_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.choices[row] is not None:
            return
        self.choices[row] = "kept"
        self._set(row, COLUMN_CHOICE, self.tr("Yours kept"))
        self._selection_changed()

    def replace_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.choices[row] is not None:
            return
        self.replace_button.setEnabled(False)
        self.keep_button.setEnabled(False)
        self.tasks.spawn(
            self._replace(self.skipped[row]),
            name=f"replace-{row}",
            on_result=partial(self._replaced, row),
            on_error=partial(self._replace_failed, row),
        )

    async def _replace(self, skipped: SkippedDraft) -> ReplaceOutcome:
        # What an open editor holds but has not written yet would be written after the replacement,
        # over it: on disk first, where the core sees it (and keeps a draft changed since the import).
        await self.work.editor_drafts.flush_all()
        return await self.work.exchange.replace_with_file(skipped)

    def _replaced(self, row: int, outcome: ReplaceOutcome) -> None:
        if outcome is ReplaceOutcome.REPLACED:
            self.choices[row] = "replaced"
            self._set(row, COLUMN_CHOICE, self.tr("Replaced with the file's"))
            self.status.setText("")
            self.sig_draft_replaced.emit(self.skipped[row].key)
        else:
            self.choices[row] = "kept"
            self._set(row, COLUMN_CHOICE, self.tr("Yours kept: it changed after the import"))
            self.status.setText(
                self.tr(
                    "Your draft was changed after the import, so it was not replaced. Import the file "
                    "again to compare the two as they are now."
                )
            )
        self._selection_changed()

    def _replace_failed(self, row: int, error: BaseException) -> None:
        self.status.setText(self.tr("Not replaced: %1").replace("%1", describe_error(error)))
        self._selection_changed()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()  # names still being looked up are not needed any more
        super().closeEvent(event)
