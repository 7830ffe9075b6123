"""A field changed here AND in the cloud: show original / mine / cloud per field; the technician chooses."""

from __future__ import annotations

from collections.abc import Sequence

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

from saveris_desktop.core.offline.merge import Conflict, FieldPath, Side
from saveris_desktop.ui.offline.common import kind_label, name_widget, short_value

COLUMN_FIELD, COLUMN_BASE, COLUMN_MINE, COLUMN_SERVER, COLUMN_CHOICE = range(5)


class ConflictDialog(QDialog):
    """`choices()` once accepted: one Side per conflicting field (no default: nothing is picked silently)."""

    def __init__(
        self, conflicts: Sequence[Conflict], *, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        name_widget(self, "conflictDialog", self.tr("Choose which values to keep"))
        self.setWindowTitle(self.tr("Changed in the cloud as well"))
        self.conflicts = list(conflicts)
        intro = QLabel(
            self.tr(
                "%1: these fields were changed here and, meanwhile, in the cloud. Choose for each field "
                "which value to keep. Nothing is sent until you have chosen."
            ).replace("%1", title or self.tr("This change")),
            self,
        )
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.conflicts), 5, self)
        name_widget(self.table, "conflictTable", self.tr("Conflicting fields"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Before"), self.tr("Mine"), self.tr("In the cloud"), self.tr("Keep")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.boxes: list[QComboBox] = []
        for row, conflict in enumerate(self.conflicts):
            for column, text in (
                (COLUMN_FIELD, conflict.label),
                (COLUMN_BASE, short_value(conflict.base, field=conflict.label)),
                (COLUMN_MINE, short_value(conflict.mine, field=conflict.label)),
                (COLUMN_SERVER, short_value(conflict.server, field=conflict.label)),
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
            box = QComboBox(self.table)
            name_widget(
                box, f"conflictChoice{row}", self.tr("Value to keep for %1").replace("%1", conflict.label)
            )
            box.addItem(self.tr("Choose…"), None)
            box.addItem(self.tr("Mine"), Side.MINE.value)
            box.addItem(self.tr("From the cloud"), Side.SERVER.value)
            box.addItem(self.tr("Before (neither change)"), Side.BASE.value)
            box.currentIndexChanged.connect(self._update_ok)
            self.table.setCellWidget(row, COLUMN_CHOICE, box)
            self.boxes.append(box)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

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

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(quick)
        layout.addWidget(self.buttons)
        self.resize(
            self.fontMetrics().averageCharWidth() * 110,
            self.fontMetrics().height() * (12 + len(self.conflicts)),
        )
        self._update_ok()

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
        ok.setToolTip("" if complete else self.tr("Choose a value for every field first."))


def conflict_title(kind: str, object_name: str) -> str:
    return f"{kind_label(kind)} — {object_name}"
