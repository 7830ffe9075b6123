"""A field changed here AND in the cloud: the setting, your value and the cloud's, in plain words
("Logger name", "15 min", "Warning"); the technician chooses for each (or keeps it as it was before).

The choice table is readable at the dialog's default size without scrolling sideways: the dialog is
as wide as the values need (up to most of the screen), long values wrap within their column.

By keyboard: in the table the arrow keys go from setting to setting and Space opens the current
one's choice; Tab leaves the table for the choices (row by row), then the buttons. Tab never circles
through the table's cells (a keyboard trap, WCAG 2.1.2).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.offline.change_words import Names, describe_conflict
from saveris_desktop.core.offline.merge import Conflict, FieldPath, Side
from saveris_desktop.ui import core_words
from saveris_desktop.ui.offline.common import kind_label, name_widget

COLUMN_SETTING, COLUMN_MINE, COLUMN_SERVER, COLUMN_CHOICE = range(4)

#: Share of the screen's width the dialog may take by default to show every value on one line.
MOST_OF_THE_SCREEN = 0.9
#: Extra room per cell beside its text (the cell's margins and the grid line), in average characters.
CELL_PADDING_CHARS = 3


class ConflictDialog(QDialog):
    """`choices()` once accepted: one Side per conflicting field (no default: nothing is picked silently)."""

    def __init__(
        self,
        conflicts: Sequence[Conflict],
        *,
        title: str = "",
        kind: str = "",
        names: Names | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`kind`: the resource kind the conflicting document is of (core.offline.resources), which
        names its settings; `names`: the loggers' and objects' names where a value is one of them."""
        super().__init__(parent)
        name_widget(self, "conflictDialog", self.tr("Choose which values to keep"))
        self.setWindowTitle(self.tr("Changed in the cloud as well"))
        self.conflicts = list(conflicts)
        self.words = [
            describe_conflict(kind, c.path, c.base, c.mine, c.server, names) for c in self.conflicts
        ]
        intro = QLabel(
            self.tr(
                "%1: these settings were changed here and, meanwhile, in the cloud. Choose for each "
                "setting which value to keep. Nothing is sent until you have chosen."
            ).replace("%1", title or self.tr("This change")),
            self,
        )
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.conflicts), 4, self)
        name_widget(self.table, "conflictTable", self.tr("Conflicting settings"))
        self.headers = [
            self.tr("Setting"),
            self.tr("Your value"),
            self.tr("Value in the cloud"),
            self.tr("Keep"),
        ]
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the choices; the arrow keys move inside
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.boxes: list[QComboBox] = []
        for row, words in enumerate(self.words):
            setting = core_words.translated(words.setting)
            base = core_words.translated(words.base)
            for column, text, tip in (
                (
                    COLUMN_SETTING,
                    setting,
                    self.tr("%1 — before either change: %2").replace("%1", setting).replace("%2", base),
                ),
                (COLUMN_MINE, core_words.translated(words.mine), ""),
                (COLUMN_SERVER, core_words.translated(words.server), ""),
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(tip or text)
                self.table.setItem(row, column, cell)
            box = QComboBox(self.table)
            name_widget(box, f"conflictChoice{row}", self.tr("Value to keep for %1").replace("%1", setting))
            box.addItem(self.tr("Choose…"), None)
            box.addItem(self.tr("Mine"), Side.MINE.value)
            box.addItem(self.tr("From the cloud"), Side.SERVER.value)
            box.addItem(self.tr("As before"), Side.BASE.value)
            box.setItemData(box.count() - 1, base, Qt.ItemDataRole.ToolTipRole)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._update_ok)
            self.table.setCellWidget(row, COLUMN_CHOICE, box)
            self.boxes.append(box)
        # Widths are set by `_fit_columns` whenever the table's size changes.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.installEventFilter(self)

        self.all_mine = QPushButton(self.tr("Keep all &mine"), self)
        name_widget(self.all_mine, "conflictAllMine", self.tr("Keep all my values"))
        self.all_server = QPushButton(self.tr("Keep all from the &cloud"), self)
        name_widget(self.all_server, "conflictAllServer", self.tr("Keep all values from the cloud"))
        self.all_mine.clicked.connect(lambda: self.choose_all(Side.MINE))
        self.all_server.clicked.connect(lambda: self.choose_all(Side.SERVER))
        quick = QHBoxLayout()
        quick.addWidget(self.all_mine)
        quick.addWidget(self.all_server)
        quick.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("conflictButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        name_widget(ok, "conflictOk", self.tr("Use the chosen values"))
        ok.setText(self.tr("Use these values"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        name_widget(cancel, "conflictCancel", self.tr("Decide later"))
        cancel.setText(self.tr("Decide later"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # The reading order: the table, each row's choice, the quick choices, then OK and Cancel (the
        # boxes live in the table's viewport, so Qt's own order would depend on when they were put in).
        chain = [self.table, *self.boxes, self.all_mine, self.all_server, ok, cancel]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(quick)
        layout.addWidget(self.buttons)
        self.resize(self._default_width(), self.fontMetrics().height() * (14 + 2 * len(self.conflicts)))
        self._update_ok()

    def _default_width(self) -> int:
        """Wide enough for every value on one line, up to most of the screen (beyond, values wrap)."""
        needed = sum(self._natural_widths())
        needed += self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
        layout = self.layout()
        if layout is not None:
            margins = layout.contentsMargins()
            needed += margins.left() + margins.right()
        screen = self.screen() or QGuiApplication.primaryScreen()
        most = int(screen.availableGeometry().width() * MOST_OF_THE_SCREEN) if screen else needed
        return max(self.fontMetrics().averageCharWidth() * 100, min(needed, most))

    def _natural_widths(self) -> list[int]:
        """Each column's width for its texts on one line (the choice: its box)."""
        metrics = self.table.fontMetrics()
        padding = metrics.averageCharWidth() * CELL_PADDING_CHARS
        widths = []
        for column in (COLUMN_SETTING, COLUMN_MINE, COLUMN_SERVER):
            texts = [self.headers[column]] + [
                item.text() for row in range(self.table.rowCount()) if (item := self.table.item(row, column))
            ]
            widths.append(max(metrics.horizontalAdvance(text) for text in texts) + padding)
        grid = 1 if self.table.showGrid() else 0  # a cell's widget is one grid line narrower
        choice = [box.sizeHint().width() + grid for box in self.boxes]
        widths.append(max([*choice, metrics.horizontalAdvance(self.headers[COLUMN_CHOICE]) + padding]))
        return widths

    def _fit_columns(self) -> None:
        """Every column inside the table's width, never a sideways scroll bar: the choice as wide as
        its box, the setting and the values share the rest; a value longer than its share wraps."""
        # room for a vertical scroll bar is kept, so its coming and going never changes the widths
        room = (
            self.table.maximumViewportSize().width()
            - self.table.verticalScrollBar().sizeHint().width()
            - self.table.frameWidth()
        )
        setting, mine, server, choice = self._natural_widths()
        rest = max(0, room - choice)
        if setting + mine + server <= rest:  # everything on one line: the values take what is left
            spare = rest - setting - mine - server
            widths = [setting, mine + spare // 2, server + spare - spare // 2]
        else:
            setting = min(setting, rest * 3 // 10)
            values = max(0, rest - setting)
            shorter = min(mine, server, values // 2)
            pair = (shorter, values - shorter) if mine <= server else (values - shorter, shorter)
            widths = [setting, *pair]
        for column, width in enumerate([*widths, choice]):
            self.table.setColumnWidth(column, width)
        self.table.resizeRowsToContents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit_columns()
        elif (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and 0 <= self.table.currentIndex().row() < len(self.boxes)
        ):
            # Space on a setting opens its choice, as Space opens a focused combo box.
            box = self.boxes[self.table.currentIndex().row()]
            box.setFocus(Qt.FocusReason.OtherFocusReason)
            box.showPopup()
            return True
        return super().eventFilter(watched, event)

    def choose(self, row: int, side: Side) -> None:
        box = self.boxes[row]
        box.setCurrentIndex(box.findData(side.value))

    def choose_all(self, side: Side) -> None:
        for row in range(len(self.boxes)):
            self.choose(row, side)

    def choices(self) -> dict[FieldPath, Side]:
        chosen: dict[FieldPath, Side] = {}
        for conflict, box in zip(self.conflicts, self.boxes, strict=True):
            data = box.currentData()
            if data is not None:
                chosen[conflict.path] = Side(data)
        return chosen

    def _update_ok(self) -> None:
        complete = len(self.choices()) == len(self.conflicts)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(complete)
        ok.setToolTip("" if complete else self.tr("Choose a value for every setting first."))


def conflict_title(kind: str, object_name: str) -> str:
    return f"{kind_label(kind)} — {object_name}"
