"""Changes waiting for the cloud: state and reason per change; send now, resolve, retry or discard.

A change that needs attention (it cannot be sent as it is) shows its reason in Details, where the
technician reads what is wrong and discards it (or retries it once the cloud's version is fixed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.offline.change_words import Names
from saveris_desktop.core.offline.merge import FieldPath, Side
from saveris_desktop.core.offline.outbox import OutboxItem, OutboxState
from saveris_desktop.core.offline.sync import ItemResult, Outcome, SyncStatus
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui import core_words
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.offline.common import (
    change_sentences,
    change_summary,
    fit_columns,
    kind_label,
    local_time,
    name_widget,
    reason_text,
    state_label,
)
from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog, conflict_title

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
COLUMN_QUEUED, COLUMN_SITE, COLUMN_CHANGE, COLUMN_STATE, COLUMN_DETAILS = range(5)


class PendingChangesDialog(QDialog):
    def __init__(self, work: OfflineWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_widget(self, "pendingChangesDialog", self.tr("Changes waiting for the cloud"))
        self.setWindowTitle(self.tr("Changes waiting for the cloud"))
        self.work = work
        self.tasks = TaskOwner("pending-changes")
        self.items: dict[int, OutboxItem] = {}
        self.labels: dict[int, str] = {}  # what the technician calls each change's object
        self.lines: dict[int, str] = {}  # each change in one line ("Fridge 3: Upper alarm 8 → 10 °C")
        self.details: dict[int, str] = {}  # each change setting by setting, one per line
        self.names: dict[str, Names] = {}  # per site, from the offline cache
        self._loaded_ids: set[int] | None = None  # the changes waiting at the last load
        self.running = False
        self.conflict_dialog: ConflictDialog | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("pendingSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        name_widget(self.tree, "pendingTree", self.tr("Changes waiting for the cloud"))
        self.tree.setHeaderLabels(
            [
                self.tr("Queued"),
                self.tr("Site"),
                self.tr("Change"),
                self.tr("State"),
                self.tr("Details"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The change takes the room left, the others as wide as their texts up to a limit (a long
        # reason in full in its tooltip): nothing needs scrolling sideways (`fit_columns` in `_show`).
        self.tree.header().setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self.resolve_selected())
        self.results = QListWidget(self)
        name_widget(
            self.results, "pendingLastResults", self.tr("Result of the last sending, change by change")
        )
        self.results.setMaximumHeight(self.fontMetrics().height() * 6)
        # A long reason wraps onto the next line instead of hiding behind a sideways scroll bar.
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)

        self.sync_button = QPushButton(self.tr("&Send now"), self)
        name_widget(self.sync_button, "pendingSyncNow", self.tr("Send the waiting changes now"))
        self.resolve_button = QPushButton(self.tr("&Choose values…"), self)
        name_widget(self.resolve_button, "pendingResolve", self.tr("Choose values for a conflict"))
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        name_widget(self.retry_button, "pendingRetry", self.tr("Send a stopped change again"))
        self.discard_button = QPushButton(self.tr("&Discard…"), self)
        name_widget(self.discard_button, "pendingDiscard", self.tr("Do not send this change"))
        self.close_button = QPushButton(self.tr("Close"), self)
        name_widget(self.close_button, "pendingClose", self.tr("Close"))
        self.sync_button.clicked.connect(self.sync_now)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.resolve_button, self.retry_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(QLabel(self.tr("Last sending, change by change:"), self))
        layout.addWidget(self.results)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 140, self.fontMetrics().height() * 24)
        work.sig_status.connect(self._status_changed)
        self.finished.connect(self._finished)
        self._update_buttons()
        self.refresh()

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.tasks.closed:
            self.tasks.spawn(self._load(), name="load")

    async def _load(self) -> None:
        items = await self.work.outbox.items(endpoint=self.work.endpoint)
        status = await self.work.status()
        # This runs on every status change while a sync goes on: the names are read from the cache
        # again once changes came or went (a sent change may have renamed its logger), or for an
        # object not named yet.
        ids = {item.id for item in items}
        if ids != self._loaded_ids:
            self.names.clear()
        self._loaded_ids = ids
        unknown = {item.site for item in items if not self._named(item.site, item.kind, item.object_id)}
        for site in unknown | ({self.work.services.site or ""} - set(self.names)):
            self.names[site] = await self.work.names(site)
        for item in items:
            names = self.names[item.site]
            self.labels[item.id] = core_words.translated(names.of(item.kind, item.object_id, item.site))
            self.lines[item.id] = change_summary(
                item.kind, item.object_id, item.base, item.payload, names, item.site
            )
            self.details[item.id] = "\n".join(change_sentences(item.kind, item.base, item.payload, names))
        results = []
        for result in status.last_results:
            site = next((i.site for i in items if i.id == result.item_id), self.work.services.site or "")
            names = self.names.get(site) or await self.work.names(site)
            results.append((result, core_words.translated(names.of(result.kind, result.object_id, site))))
        self._show(items, status)
        self._show_results(results)

    def _named(self, site: str, kind: str, object_id: str) -> bool:
        names = self.names.get(site)
        return names is not None and names.knows(kind, object_id)

    def _show_results(self, results: list[tuple[ItemResult, str]]) -> None:
        words = {
            Outcome.SENT: self.tr("sent"),
            Outcome.ALREADY_APPLIED: self.tr("already in the cloud"),
            Outcome.CONFLICT: self.tr("needs your choice"),
            Outcome.FAILED: self.tr("refused"),
            Outcome.ATTENTION: self.tr("needs attention"),
            Outcome.WAITING: self.tr("waiting"),
            Outcome.OFFLINE: self.tr("no connection"),
        }
        self.results.clear()
        for result, label in results:
            line = f"{kind_label(result.kind)} — {label}: {words.get(result.outcome, result.outcome.value)}"
            if result.message:  # a sent change may carry a note (e.g. conflicts could not be checked)
                line += f" ({reason_text(result.message)})"
            self.results.addItem(line)
        if not results:
            self.results.addItem(self.tr("Nothing was sent yet in this session."))

    def _status_changed(self, _status: SyncStatus) -> None:
        self.refresh()

    def _show(self, items: list[OutboxItem], status: SyncStatus) -> None:
        self.running = status.running
        selected = self.selected_id()
        self.items = {item.id: item for item in items}
        self.tree.clear()
        for item in items:
            row = QTreeWidgetItem(
                [
                    local_time(item.created_at),
                    item.site,
                    self.lines.get(item.id, kind_label(item.kind)),
                    state_label(item.state.value),
                    reason_text(item.message),
                ]
            )
            row.setData(0, ITEM_ID_ROLE, item.id)
            row.setToolTip(COLUMN_CHANGE, self.details.get(item.id, ""))
            row.setToolTip(COLUMN_DETAILS, reason_text(item.message))
            self.tree.addTopLevelItem(row)
            if item.id == selected:
                row.setSelected(True)
        fit_columns(self.tree, self.tree.header(), stretch=COLUMN_CHANGE, most_chars=45)
        if selected not in self.items:
            # nothing chosen yet: the first change that needs a choice is, so "Choose values…" works
            first_conflict = next((i.id for i in items if i.state is OutboxState.CONFLICT), None)
            if first_conflict is not None:
                self.select(first_conflict)
        if not items:
            self.summary.setText(self.tr("Every change is in the cloud."))
        elif status.online is False:
            self.summary.setText(
                self.tr(
                    "Offline: %n change(s) waiting, sent by themselves once the cloud is reachable.",
                    "",
                    len(items),
                )
            )
        elif self.work.engine is None:
            self.summary.setText(self.tr("%n change(s) waiting: sign in to send.", "", len(items)))
        else:
            self.summary.setText(self.tr("%n change(s) not yet in the cloud.", "", len(items)))
        if status.attention:
            self.summary.setText(
                self.summary.text()
                + " "
                + self.tr(
                    "%n change(s) cannot be sent as made: read the reason under Details, then "
                    "discard or retry.",
                    "",
                    status.attention,
                )
            )
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.tree.selectedItems()
        return int(rows[0].data(0, ITEM_ID_ROLE)) if rows else None

    def select(self, item_id: int) -> None:
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is not None and row.data(0, ITEM_ID_ROLE) == item_id:
                self.tree.setCurrentItem(row)

    def _selected_item(self) -> OutboxItem | None:
        selected = self.selected_id()
        return None if selected is None else self.items.get(selected)

    def _conflict_to_resolve(self) -> OutboxItem | None:
        """The selected change if it needs a choice; with no row selected, the only one that does."""
        item = self._selected_item()
        if item is None:
            conflicts = [i for i in self.items.values() if i.state is OutboxState.CONFLICT]
            item = conflicts[0] if len(conflicts) == 1 else None
        return item if item is not None and item.state is OutboxState.CONFLICT else None

    def _update_buttons(self) -> None:
        item = self._selected_item()
        self.sync_button.setEnabled(self.work.engine is not None and bool(self.items))
        self.resolve_button.setEnabled(self._conflict_to_resolve() is not None)
        self.retry_button.setEnabled(
            item is not None
            and item.state in (OutboxState.FAILED, OutboxState.ATTENTION)
            and self.work.engine is not None
        )
        # a change that may be on its way (or arrived) cannot be called back; the next sync settles it
        on_its_way = item is not None and item.state is OutboxState.SENDING
        self.discard_button.setEnabled(item is not None and not on_its_way)

    # --- actions ------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.work.engine is not None:
            self.work.engine.request_sync()

    def resolve_selected(self) -> ConflictDialog | None:
        item = self._conflict_to_resolve()
        if item is None or self.work.engine is None:
            return None
        title = conflict_title(item.kind, self.labels.get(item.id, item.object_id))
        dialog = ConflictDialog(
            item.conflicts, title=title, kind=item.kind, names=self.names.get(item.site), parent=self
        )
        dialog.accepted.connect(lambda: self._resolve(item.id, dialog.choices()))
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _resolve(self, item_id: int, choices: dict[FieldPath, Side]) -> None:
        engine = self.work.engine
        if engine is not None:
            self.tasks.spawn(
                engine.resolve_conflict(item_id, choices),
                name="resolve",
                on_result=lambda _i: self.refresh(),
                on_error=self._choice_failed,
            )

    def _choice_failed(self, error: BaseException) -> None:
        """The choice did not land: said in the dialog (the conflict stays to be chosen again)."""
        self.summary.setText(
            self.tr("The values you chose could not be kept: %1").replace("%1", describe_error(error))
        )

    def retry_selected(self) -> None:
        item = self._selected_item()
        if item is not None and self.work.engine is not None:
            self.tasks.spawn(
                self.work.engine.retry(item.id), name="retry", on_result=lambda _i: self.refresh()
            )

    def discard_selected(self) -> QMessageBox | None:
        item = self._selected_item()
        if item is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Discard this change?"),
            self.tr("“%1” for %2 will not be sent to the cloud. Your draft, if any, is kept.")
            .replace("%1", kind_label(item.kind))
            .replace("%2", self.labels.get(item.id, kind_label(item.kind))),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("pendingDiscardConfirm")
        box.buttonClicked.connect(
            lambda button: (
                self._discard(item.id)
                if box.standardButton(button) == QMessageBox.StandardButton.Discard
                else None
            )
        )
        box.open()
        return box

    def _discard(self, item_id: int) -> None:
        if item_id not in self.items:
            return
        self.items.pop(item_id, None)
        self.tasks.spawn(
            self.work.outbox.discard(item_id), name="discard", on_result=lambda _r: self._after_discard()
        )

    def _after_discard(self) -> None:
        self.refresh()
        if self.work.engine is not None:
            self.tasks.spawn(self.work.engine.queue_changed(), name="notify")

    def _finished(self, _result: int) -> None:
        # Work already started (a resolution, a retry) runs to its end: closing must not lose a choice.
        self.work.sig_status.disconnect(self._status_changed)
