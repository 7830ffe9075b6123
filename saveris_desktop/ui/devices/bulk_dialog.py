"""Apply one change to many loggers or measuring objects, with a result per item and "retry failed".

The dialog shows what will be applied (a small form given by the caller), runs the change through
`api.bulk.apply_to_all` (bounded concurrency) on the view's TaskOwner, fills in each item's result
as it arrives, and offers to retry only the ones that failed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.bulk import BulkResult, apply_to_all, failed_items
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.style import TextRole, role_brush, set_text_role

Change = Callable[[str], Awaitable[str]]
#: Reads the caller's form: the change to run for each item, or a message why it cannot start yet.
ChangeFactory = Callable[[], Change | str]


class BulkApplyDialog(QDialog):
    sig_finished = Signal(int, int)  # succeeded, failed

    def __init__(
        self,
        title: str,
        items: Sequence[tuple[str, str]],
        change_factory: ChangeFactory,
        tasks: TaskOwner,
        *,
        form: QWidget | None = None,
        heading: str = "",
        item_header: str = "",
        concurrency: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulk_apply_dialog")
        self.setWindowTitle(title)
        self.items = list(items)
        self.labels = dict(items)
        self.change_factory = change_factory
        self.tasks = tasks
        self.concurrency = concurrency
        self.results: dict[str, BulkResult[str, str]] = {}
        self._row_of = {key: row for row, (key, _) in enumerate(self.items)}
        self._running = False

        # The callers name what is selected ("3 loggers selected."); "item" is the last resort.
        heading_label = QLabel(heading or self.tr("%n item(s) selected.", "", len(self.items)), self)
        heading_label.setObjectName("bulk_heading")
        self.form = form
        self.message = QLabel(self)
        self.message.setObjectName("bulk_message")
        set_text_role(self.message, TextRole.ERROR)
        self.message.setWordWrap(True)
        self.message.hide()
        self.table = QTableWidget(len(self.items), 2, self)
        self.table.setObjectName("bulk_results")
        self.table.setAccessibleName(self.tr("Result per item"))
        self.table.setHorizontalHeaderLabels([item_header or self.tr("Item"), self.tr("Result")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons, not round the results
        for row, (key, label) in enumerate(self.items):
            label_item = QTableWidgetItem(label)
            label_item.setData(Qt.ItemDataRole.UserRole, key)
            self.table.setItem(row, 0, label_item)
            self.table.setItem(row, 1, QTableWidgetItem(self.tr("waiting")))
        self.table.resizeColumnToContents(0)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("bulk_progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, max(len(self.items), 1))
        self.progress.setValue(0)
        self.summary = QLabel(self)
        self.summary.setObjectName("bulk_summary")
        self.summary.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Apply to all"), self)
        self.start_button.setObjectName("bulk_start")
        self.start_button.setAccessibleName(self.tr("Apply to all selected items"))
        self.retry_button = QPushButton(self.tr("Retry failed"), self)
        self.retry_button.setObjectName("bulk_retry")
        self.retry_button.setAccessibleName(self.tr("Retry the failed items"))
        self.retry_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("bulk_close")
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading_label)
        if form is not None:
            layout.addWidget(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.resize(640, 420)

        self.start_button.clicked.connect(self.start)
        self.retry_button.clicked.connect(self.retry_failed)
        self.close_button.clicked.connect(self.reject)

    @property
    def running(self) -> bool:
        return self._running

    def failed(self) -> list[str]:
        return failed_items(list(self.results.values()))

    def start(self) -> None:
        self._run([key for key, _ in self.items])

    def retry_failed(self) -> None:
        self._run(self.failed())

    def _run(self, keys: list[str]) -> None:
        if self._running or not keys:
            return
        change = self.change_factory()
        if isinstance(change, str):
            self.message.setText(change)
            self.message.show()
            return
        self.message.hide()
        self._running = True
        if self.form is not None:
            self.form.setEnabled(False)
        for key in keys:
            self._show(key, self.tr("sending…"), None)
        self.progress.setRange(0, len(keys))
        self.progress.setValue(0)
        self._update_buttons()

        def one_done(result: BulkResult[str, str]) -> None:
            self.results[result.item] = result
            self.progress.setValue(self.progress.value() + 1)
            if result.ok:
                self._show(result.item, self.tr("OK — %1").replace("%1", result.value or ""), True)
            else:
                self._show(
                    result.item,
                    self.tr("Failed — %1").replace(
                        "%1", describe_error(result.error) if result.error else ""
                    ),
                    False,
                )

        async def run() -> list[BulkResult[str, str]]:
            return await apply_to_all(keys, change, concurrency=self.concurrency, on_result=one_done)

        self.tasks.spawn(run(), name="bulk-apply", on_result=self._finished, on_error=self._crashed)

    def _finished(self, _results: Any) -> None:
        self._running = False
        failed = len(self.failed())
        succeeded = len(self.results) - failed
        self.summary.setText(
            self.tr("%1 succeeded, %2 failed.").replace("%1", str(succeeded)).replace("%2", str(failed))
        )
        # The run took a while and the technician may be looking elsewhere: say how it ended.
        announce(self.summary, self.summary.text(), urgent=failed > 0)
        self._update_buttons()
        self.sig_finished.emit(succeeded, failed)

    def _crashed(self, error: BaseException) -> None:
        self._running = False
        self.message.setText(self.tr("Stopped: %1").replace("%1", describe_error(error)))
        self.message.show()
        announce(self.message, self.message.text(), urgent=True)
        self._update_buttons()

    def _show(self, key: str, text: str, ok: bool | None) -> None:
        item = self.table.item(self._row_of[key], 1)
        if item is None:
            return
        item.setText(text)
        item.setToolTip(text)
        role = None if ok is None else TextRole.OK if ok else TextRole.ERROR
        item.setForeground(role_brush(role, self.table.palette()))

    def _update_buttons(self) -> None:
        failed = len(self.failed())
        self.start_button.setEnabled(not self._running and not self.results)
        self.retry_button.setEnabled(not self._running and failed > 0)
        self.retry_button.setText(
            self.tr("Retry failed (%1)").replace("%1", str(failed)) if failed else self.tr("Retry failed")
        )
        self.close_button.setEnabled(not self._running)
