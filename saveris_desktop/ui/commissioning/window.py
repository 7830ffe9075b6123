"""Commission several loggers: the plan, the board and the hotspot steps side by side.

The window edits the site's plan (saved as a draft after every change, so nothing typed is lost),
follows the site's listing with a DeviceWatcher and lets core.commissioning's runner apply each row
as its logger joins. The board shows every planned logger's state and a count ("17 of 25
configured"), loggers that joined without being planned with "Add to plan", and a retry for one that
needs attention. The hotspot steps stay visible on the right because the technician repeats them for
every logger; while the laptop is on a logger's hotspot a calm banner says so and everything resumes
by itself (the watcher probes, the outbox waits).
"""

from __future__ import annotations

import asyncio
import html
import logging
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.api.errors import ApiError
from saveris_desktop.core.commissioning.plan import PlanRow, PlanStore
from saveris_desktop.core.commissioning.report import OpenPlanRow
from saveris_desktop.core.commissioning.runner import Board, CommissioningRunner, LoggerState
from saveris_desktop.core.devices.watcher import DeviceWatcher, WatchStatus, WatchTiming
from saveris_desktop.core.offline.sync import SyncEngine
from saveris_desktop.core.offline.templates import TemplateKind
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.announce import announce
from saveris_desktop.ui.commissioning.board_model import BoardTableModel
from saveris_desktop.ui.commissioning.plan_editor import PlanEditor
from saveris_desktop.ui.widgets.banner import Banner
from saveris_desktop.ui.widgets.led import LedIndicator
from saveris_desktop.ui.widgets.naming import named
from saveris_desktop.ui.wizard.hotspot_steps import device_label, guide_steps, hotspot_name_pattern

log = logging.getLogger(__name__)


class CommissioningWindow(QDialog):
    #: the technician asked for the report; the plan's rows not configured yet, with why
    sig_report_requested = Signal(list)

    def __init__(
        self,
        work: OfflineWork,
        engine: SyncEngine,
        site: str,
        parent: QWidget | None = None,
        *,
        timing: WatchTiming | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "commissioningWindow", self.tr("Commission several loggers"))
        self.setWindowTitle(self.tr("Commission several loggers — %1").replace("%1", site))
        self.work = work
        self.site = site
        self.tasks = TaskOwner("commissioning-ui")
        self.plans = PlanStore(engine.store, engine.endpoint)
        self._board = Board(site)
        self.runner = CommissioningRunner(engine, site)
        self.watcher = DeviceWatcher(work.services.client, timing=timing, name="commissioning-watcher")
        self.runner.attach(self.watcher)
        self.connect_key = ""
        self._closed = False
        self._saves: set[asyncio.Task[None]] = set()

        # --- the plan -------------------------------------------------------------------------
        self.editor = PlanEditor([], [], self)
        self.editor.sig_rows_changed.connect(self._rows_changed)

        # --- the board ------------------------------------------------------------------------
        self.offline_banner = Banner("commissioningOfflineBanner", self)
        self.offline_banner.set_text(
            self.tr(
                "<b>Reconnect to your normal Wi-Fi — we will continue automatically.</b><br>"
                "This laptop cannot reach the cloud right now, which is expected while it is on a "
                "logger's hotspot. Nothing is lost: the board resumes by itself."
            )
        )
        self.offline_banner.hide()
        self.count_label = named(QLabel(self), "commissioningCount", self.tr("Loggers configured"))
        font = self.count_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.count_label.setFont(font)
        self.board_model = BoardTableModel(self)
        self.board_table = named(
            QTableView(self), "commissioningBoard", self.tr("Planned loggers and their state")
        )
        self.board_table.setModel(self.board_model)
        self.board_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.board_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.board_table.setTabKeyNavigation(False)  # Tab goes on to Retry; the arrow keys choose a row
        board_header = self.board_table.horizontalHeader()
        board_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        board_header.setStretchLastSection(True)
        self.retry_button = named(
            QPushButton(self.tr("&Retry"), self), "commissioningRetry", self.tr("Retry")
        )
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_selected)
        self.board_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.unexpected_list = named(
            QListWidget(self), "commissioningUnexpected", self.tr("Loggers not in the plan")
        )
        self.unexpected_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.unexpected_list.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = named(
            QPushButton(self.tr("Add to &plan"), self), "commissioningAddToPlan", self.tr("Add to plan")
        )
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_selected_to_plan)
        self.report_button = named(
            QPushButton(self.tr("Co&mmissioning report …"), self),
            "commissioningReport",
            self.tr("Commissioning report"),
        )
        self.report_button.setToolTip(
            self.tr("The report of the site for the customer, with the planned loggers not yet done")
        )
        self.report_button.clicked.connect(self._report_requested)
        for button in (self.retry_button, self.add_button, self.report_button):
            button.setAutoDefault(False)  # a scanner's Enter in the plan must not press them
        self.unexpected_label = QLabel(self.tr("Joined, but not in the plan:"), self)
        self.unexpected_label.setObjectName("commissioningUnexpectedLabel")

        board = QWidget(self)
        board.setObjectName("commissioningBoardPage")
        board_layout = QVBoxLayout(board)
        board_layout.addWidget(self.offline_banner)
        board_layout.addWidget(self.count_label)
        board_layout.addWidget(self.board_table, 1)
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_button)
        retry_row.addStretch(1)
        retry_row.addWidget(self.report_button)
        board_layout.addLayout(retry_row)
        board_layout.addWidget(self.unexpected_label)
        board_layout.addWidget(self.unexpected_list)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        board_layout.addLayout(add_row)

        self.tabs = named(QTabWidget(self), "commissioningTabs", self.tr("Plan and board"))
        self.tabs.addTab(board, self.tr("&Board"))
        self.tabs.addTab(self.editor, self.tr("P&lan"))

        # --- the hotspot steps, beside the board ---------------------------------------------
        self.device_type = named(QComboBox(self), "commissioningDeviceType", self.tr("Type of device"))
        for kind in DeviceType:
            self.device_type.addItem(device_label(kind), kind.value)
        self.device_type.currentIndexChanged.connect(lambda _i: self._render_steps())
        self.steps_scroll = named(QScrollArea(self), "commissioningSteps", self.tr("Hotspot steps"))
        self.steps_scroll.setWidgetResizable(True)
        guide = QWidget(self)
        guide.setObjectName("commissioningGuide")
        guide_layout = QVBoxLayout(guide)
        guide_layout.addWidget(QLabel(self.tr("For each logger:"), guide))
        guide_layout.addWidget(self.device_type)
        guide_layout.addWidget(self.steps_scroll, 1)

        splitter = QSplitter(self)
        splitter.setObjectName("commissioningSplitter")
        splitter.addWidget(self.tabs)
        splitter.addWidget(guide)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        # Tab in reading order: the tabs, what the open tab shows, then the steps on the right. Left
        # to the order of creation, Tab went from the board's last button back up to the tabs.
        editor = self.editor
        chain = [
            self.tabs.tabBar(),
            *(editor.scan, editor.table, editor.add_button, editor.remove_button, editor.up_button),
            *(editor.down_button, editor.paste_button, editor.import_button),
            *(self.board_table, self.retry_button, self.report_button, self.unexpected_list, self.add_button),
            *(self.device_type, self.steps_scroll),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.runner.sig_board.connect(self.show_board)
        self.watcher.sig_status.connect(self._watch_status)
        work.services.sig_connectivity.connect(self.watcher.notify_connectivity)
        self.finished.connect(self._finished)
        self._render_steps()
        # Wide enough for the plan's buttons and the steps' longest words side by side (in German
        # both are longer); the steps get what their words need, the board the rest.
        width = max(self.fontMetrics().averageCharWidth() * 160, self.minimumSizeHint().width())
        self.resize(width, self.fontMetrics().height() * 40)
        splitter.setSizes([width - guide.minimumSizeHint().width(), guide.minimumSizeHint().width()])
        self.show_board(Board(site))
        self.tasks.spawn(self._load(), name="load-plan")

    # --- loading and saving -------------------------------------------------------------------

    async def _load(self) -> None:
        templates = [t.name for t in await self.work.templates.find(TemplateKind.ALARM_PRESET)]
        plan = await self.plans.load(self.site)
        self.editor.model.set_template_names(templates)
        if plan is not None:
            self.editor.show_rows(plan.rows)
        else:
            self.tabs.setCurrentWidget(self.editor)
            self.editor.scan.setFocus()  # a new plan starts with the first label scanned
        self.show_board(await self.runner.board())
        self.watcher.start(self.site)
        try:
            self.connect_key = (await self.work.services.client.get_connect_key(self.site)).connect_key
        except ApiError as error:
            log.info("the connect key of %r is not shown in the steps: %s", self.site, error.message)
        self._render_steps()

    def _rows_changed(self, rows: list[PlanRow]) -> None:
        if not self.tasks.closed:
            save = self.tasks.spawn(self._save(rows), name="save-plan")
            self._saves.add(save)
            save.add_done_callback(self._saves.discard)

    async def _save(self, rows: list[PlanRow]) -> None:
        await self.plans.save_rows(self.site, rows)
        await self.runner.apply_listed()  # a row completed for a logger already there is applied now

    # --- the board ----------------------------------------------------------------------------

    def _report_requested(self) -> None:
        self.sig_report_requested.emit(OpenPlanRow.of_board(self._board))

    def show_board(self, board: Board) -> None:
        if self._closed:
            return
        before = {logger.serial: logger.state for logger in self._board.loggers}
        self._board = board
        self.board_model.show_board(board)
        self._announce_changes(before, board)
        self.count_label.setText(
            self.tr("%1 of %2 configured")
            .replace("%1", str(board.configured))
            .replace("%2", str(len(board.loggers)))
        )
        selected = {item.data(Qt.ItemDataRole.UserRole) for item in self.unexpected_list.selectedItems()}
        self.unexpected_list.clear()
        for logger in board.unexpected:
            item = QListWidgetItem(f"{logger.serial} ({logger.model})", self.unexpected_list)
            item.setData(Qt.ItemDataRole.UserRole, logger.uuid)
            item.setSelected(logger.uuid in selected)
        visible = bool(board.unexpected)
        for widget in (self.unexpected_label, self.unexpected_list, self.add_button):
            widget.setVisible(visible)
        if board.online is not None:
            self.offline_banner.setVisible(board.online is False)
        self._update_buttons()

    def _announce_changes(self, before: dict[str, LoggerState], board: Board) -> None:
        """Say when a planned logger is configured or stops: the technician is at the logger with its
        box in hand, not looking at the screen. A row seen for the first time is no news."""
        for logger in board.loggers:
            was = before.get(logger.serial)
            if was is None or was is logger.state:
                continue
            if logger.state is LoggerState.CONFIGURED:
                text = (
                    self.tr("Logger %1 configured: %2 of %3.")
                    .replace("%1", logger.serial)
                    .replace("%2", str(board.configured))
                    .replace("%3", str(len(board.loggers)))
                )
                announce(self.board_table, text)
            elif logger.state is LoggerState.ATTENTION:
                why = logger.detail or self.board_model.state_words(logger.state)
                text = (
                    self.tr("Logger %1 needs attention: %2").replace("%1", logger.serial).replace("%2", why)
                )
                announce(self.board_table, text, urgent=True)

    def _watch_status(self, status: WatchStatus) -> None:
        if not self._closed and status.online is not None:
            self.offline_banner.setVisible(status.online is False)

    def _selected_logger(self) -> str | None:
        rows = self.board_table.selectionModel().selectedRows()
        progress = self.board_model.logger(rows[0].row()) if rows else None
        return progress.serial if progress is not None and progress.state is LoggerState.ATTENTION else None

    def _update_buttons(self) -> None:
        self.retry_button.setEnabled(self._selected_logger() is not None)
        self.add_button.setEnabled(bool(self.unexpected_list.selectedItems()))

    def retry_selected(self) -> None:
        serial = self._selected_logger()
        if serial is not None:
            self.tasks.spawn(self.runner.retry(serial), name="retry")

    def add_selected_to_plan(self) -> None:
        items = self.unexpected_list.selectedItems()
        if items:
            self.tasks.spawn(self._add(str(items[0].data(Qt.ItemDataRole.UserRole))), name="add-to-plan")

    async def _add(self, uuid: str) -> None:
        plan = await self.runner.add_to_plan(uuid)
        if plan is not None and not self._closed:
            self.editor.show_rows(plan.rows)
            self.tabs.setCurrentWidget(self.editor)
            last = self.editor.model.index(len(plan.rows) - 1, 1)
            self.editor.table.setCurrentIndex(last)  # its measuring object is what to fill in next

    # --- the hotspot steps --------------------------------------------------------------------

    def _render_steps(self) -> None:
        kind = DeviceType(self.device_type.currentData())
        values = {
            "key": html.escape(self.connect_key or self.tr("the site's connect key")),
            "ssid": self.tr("the name of the site's Wi-Fi network"),
            "hotspot": hotspot_name_pattern(kind),
        }
        steps = QWidget()
        steps.setObjectName("commissioningGuideSteps")
        grid = QGridLayout(steps)
        grid.setColumnStretch(2, 1)
        top = Qt.AlignmentFlag.AlignTop
        for row, step in enumerate(guide_steps(kind)):
            grid.addWidget(QLabel(f"<b>{row + 1}.</b>", steps), row, 0, top)
            grid.addWidget(LedIndicator(step.led, steps), row, 1, top)
            text = QLabel(step.text.format(**values), steps)
            text.setObjectName(f"commissioningStep{row + 1}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(text, row, 2, top)
        grid.setRowStretch(len(guide_steps(kind)), 1)
        self.steps_scroll.setWidget(steps)
        # Never narrower than the steps' longest word ("Verbindungsschlüssel", "Saveris2-xxx-xxx-xxx"):
        # a word cut off at the right, or scrolled sideways, is a step not read.
        frame = 2 * self.steps_scroll.frameWidth()
        scrollbar = self.steps_scroll.verticalScrollBar().sizeHint().width()
        self.steps_scroll.setMinimumWidth(steps.minimumSizeHint().width() + scrollbar + frame)

    # --- closing ------------------------------------------------------------------------------

    def _finished(self, _result: int) -> None:
        """Stop watching; every edit was saved when it was made and queued changes stay queued."""
        if self._closed:
            return
        self._closed = True
        self.work.services.sig_connectivity.disconnect(self.watcher.notify_connectivity)
        self.work.services.tasks.spawn(self.aclose(), name="commissioning-close")

    async def aclose(self) -> None:
        self._closed = True
        if self._saves:  # the last edits reach the draft before anything is cancelled
            await asyncio.gather(*list(self._saves), return_exceptions=True)
        await self.watcher.aclose()
        await self.runner.aclose()
        await self.editor.tasks.aclose()
        await self.tasks.aclose()
