"""The board as a table: one row per planned logger with its state, what it waits for or why it stopped."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from saveris_desktop.core.commissioning.runner import Board, LoggerProgress, LoggerState, Step, StepProgress
from saveris_desktop.core.offline.outbox import OutboxState
from saveris_desktop.ui import core_words

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMN_SERIAL, COLUMN_OBJECT, COLUMN_STATE, COLUMN_DETAIL = range(4)


class BoardTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loggers: tuple[LoggerProgress, ...] = ()

    def state_words(self, state: LoggerState) -> str:
        return {
            LoggerState.WAITING: self.tr("waiting"),
            LoggerState.JOINED: self.tr("joined"),
            LoggerState.CONFIGURING: self.tr("configuring"),
            LoggerState.CONFIGURED: self.tr("configured"),
            LoggerState.ATTENTION: self.tr("needs attention"),
        }[state]

    def step_line(self, step: StepProgress) -> str:
        """Each step's result: "Measuring object: sent", "Alarm limits: refused — <the cloud's reason>"."""
        what = {
            Step.SETTINGS: self.tr("Name and cycles"),
            Step.OBJECT: self.tr("Measuring object"),
            Step.LIMITS: self.tr("Alarm limits"),
        }[step.step]
        state = {
            OutboxState.PENDING: self.tr("waiting to be sent"),
            OutboxState.SENDING: self.tr("being sent"),
            OutboxState.DONE: self.tr("sent"),
            OutboxState.CONFLICT: self.tr("changed in the cloud as well"),
            OutboxState.FAILED: self.tr("refused"),
            OutboxState.ATTENTION: self.tr("needs attention"),
        }[step.state]
        line = f"{what}: {state}"
        return f"{line} — {step.message}" if step.message and step.state is not OutboxState.DONE else line

    def show_board(self, board: Board) -> None:
        """Update in place when the same loggers are listed (the selection stays), else reset."""
        same = [p.serial for p in board.loggers] == [p.serial for p in self._loggers]
        if same:
            self._loggers = board.loggers
            if self._loggers:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._loggers) - 1, COLUMN_DETAIL))
            return
        self.beginResetModel()
        self._loggers = board.loggers
        self.endResetModel()

    def logger(self, row: int) -> LoggerProgress | None:
        return self._loggers[row] if 0 <= row < len(self._loggers) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._loggers)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        progress = self.logger(index.row()) if index.isValid() else None
        if progress is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == COLUMN_STATE and progress.steps:
            return "\n".join(self.step_line(step) for step in progress.steps)
        if column == COLUMN_SERIAL:
            return progress.serial
        if column == COLUMN_OBJECT:
            return progress.object
        if column == COLUMN_STATE:
            return self.state_words(progress.state)
        if column == COLUMN_DETAIL:
            return core_words.translated(progress.detail) if progress.detail else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Serial number"), self.tr("Measuring object"), self.tr("State"), self.tr("Details"))
        return titles[section] if 0 <= section < len(titles) else None
