"""The audit log: every change sent to the cloud, in plain words (names instead of ids, local times),
with before -> after per setting; exportable as CSV (which keeps the raw documents for support)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.offline.audit import AuditEntry, AuditResult
from saveris_desktop.core.offline.change_words import Names, describe_change, settings_summary
from saveris_desktop.core.offline.resources import RESOURCES
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui import core_words
from saveris_desktop.ui.offline.common import fit_columns, kind_label, local_time, name_widget, reason_text

ModelIndex = QModelIndex | QPersistentModelIndex


#: the column of the change in words, which takes the room the others leave
COLUMN_CHANGE = 4


class AuditTableModel(QAbstractTableModel):
    HEADERS = (  # QT_TRANSLATE_NOOP marks them for lupdate; headerData translates them
        QT_TRANSLATE_NOOP("AuditTableModel", "When"),
        QT_TRANSLATE_NOOP("AuditTableModel", "User"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Region"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Site"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Change"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Object"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Result"),
    )

    RESULTS = {  # what became of a change, in words
        AuditResult.SENDING.value: QT_TRANSLATE_NOOP("AuditTableModel", "Sent, not yet confirmed"),
        AuditResult.OK.value: QT_TRANSLATE_NOOP("AuditTableModel", "Accepted by the cloud"),
        AuditResult.ALREADY_APPLIED.value: QT_TRANSLATE_NOOP("AuditTableModel", "Already in the cloud"),
        AuditResult.FAILED.value: QT_TRANSLATE_NOOP("AuditTableModel", "Refused"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AuditEntry] = []
        self.names: dict[str, Names] = {}  # per site, from the offline cache
        self._cells: dict[int, tuple[str, ...]] = {}  # row -> its texts, made when first shown

    def set_entries(self, entries: list[AuditEntry], names: dict[str, Names] | None = None) -> None:
        self.beginResetModel()
        self.entries = entries
        self.names = names or {}
        self._cells = {}
        self.endResetModel()

    def names_of(self, entry: AuditEntry) -> Names:
        return self.names.get(entry.site) or Names()

    def _texts(self, row: int) -> tuple[str, ...]:
        cells = self._cells.get(row)
        if cells is None:
            entry = self.entries[row]
            names = self.names_of(entry)
            if entry.kind in RESOURCES:
                change = core_words.translated(settings_summary(entry.kind, entry.before, entry.after, names))
            else:
                change = kind_label(entry.kind)
            result = (
                self.tr(str(self.RESULTS[entry.result])) if entry.result in self.RESULTS else entry.result
            )
            cells = (
                local_time(entry.at),
                entry.user,
                entry.endpoint,
                entry.site,
                change,
                core_words.translated(names.of(entry.kind, entry.object_id, entry.site)),
                result + (f" — {reason_text(entry.message)}" if entry.message else ""),
            )
            self._cells[row] = cells
        return cells

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(self.HEADERS[section]))
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._texts(index.row())[index.column()]


class AuditLogDialog(QDialog):
    def __init__(self, work: OfflineWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, "auditDialog", self.tr("Audit log"))
        self.setWindowTitle(self.tr("Audit log — changes sent to the cloud"))
        self.work = work
        self.tasks = TaskOwner("audit-log")
        self.model = AuditTableModel(self)

        self.site_filter = QComboBox(self)
        name_widget(self.site_filter, "auditSiteFilter", self.tr("Show changes of site"))
        self.site_filter.addItem(self.tr("All sites"), None)
        self.site_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableView(self)
        name_widget(self.table, "auditTable", self.tr("Changes sent to the cloud"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The change takes the room left, the others as wide as their texts up to a limit (in full
        # in their tooltips): nothing needs scrolling sideways (`fit_columns` in `_show`).
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        self.detail = QTreeWidget(self)
        name_widget(self.detail, "auditDetail", self.tr("Settings before and after"))
        self.detail.setHeaderLabels([self.tr("Setting"), self.tr("Before"), self.tr("After")])
        self.detail.setRootIsDecorated(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("auditCount")
        self.export_button = QPushButton(self.tr("&Export as CSV…"), self)
        name_widget(self.export_button, "auditExport", self.tr("Export the shown entries as CSV"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.close_button = QPushButton(self.tr("Close"), self)
        name_widget(self.close_button, "auditClose", self.tr("Close"))
        self.close_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Site:"), self))
        top.addWidget(self.site_filter)
        top.addStretch(1)
        top.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().height() * 32)
        self.last_export: tuple[Path, int] | None = None
        self.tasks.spawn(self._load_sites(), name="sites")
        self.refresh()

    async def _load_sites(self) -> None:
        for site in await self.work.audit.sites():
            self.site_filter.addItem(site, site)

    def refresh(self) -> None:
        self.tasks.spawn(self._load(self.site_filter.currentData()), name="load")

    async def _load(self, site: str | None) -> None:
        entries = await self.work.audit.entries(site=site, limit=5000)
        names = {each: await self.work.names(each) for each in {entry.site for entry in entries}}
        self._show(entries, names)

    def _show(self, entries: list[AuditEntry], names: dict[str, Names] | None = None) -> None:
        self.model.set_entries(entries, names)
        fit_columns(self.table, self.table.horizontalHeader(), stretch=COLUMN_CHANGE, most_chars=30)
        self.count_label.setText(self.tr("%n change(s)", "", len(entries)))
        self.export_button.setEnabled(bool(entries))
        self.detail.clear()

    def _show_detail(self) -> None:
        self.detail.clear()
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.model.entries[rows[0].row()]
        kind = entry.kind if entry.kind in RESOURCES else ""
        for line in describe_change(kind, entry.before, entry.after, self.model.names_of(entry)):
            self.detail.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        core_words.translated(line.setting),
                        core_words.translated(line.before),
                        core_words.translated(line.after),
                    ]
                )
            )
        for column in range(3):
            self.detail.resizeColumnToContents(column)

    def choose_export_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "saveris-audit-log.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        entries = list(self.model.entries)

        def done(count: int) -> None:
            self.last_export = (path, count)
            self.count_label.setText(
                self.tr("%n change(s) exported to %1", "", count).replace("%1", path.name)
            )

        def failed(error: BaseException) -> None:
            self.count_label.setText(self.tr("Export failed: %1").replace("%1", str(error)))

        self.tasks.spawn(
            self.work.audit.export_csv(path, entries), name="export", on_result=done, on_error=failed
        )
