"""The editors' "what will be sent": each change in plain words ("Upper alarm: 8 °C → 10 °C"); the
request, each changed field as the API names it and the complete body behind "Technical details"
(for support: exactly what goes over the wire)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.devices.editing import FieldChange, PathPart, dotted, leaves
from saveris_desktop.core.offline.change_words import SettingChange
from saveris_desktop.ui import core_words, locale_format


def _short(value: Any, field_name: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    text = json.dumps(value, ensure_ascii=False)
    # Milliseconds are what is sent; the words beside them are what the technician typed.
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (field_name.endswith("cycle") or field_name == "delay")
    ):
        text += f" ({locale_format.duration(value)})"
    return text


class ChangesView(QWidget):
    """Each change in plain words; behind the "Technical details" toggle the request line, each
    changed field (server value, value to send) and the complete request body."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plain = QListWidget(self)
        self.plain.setObjectName(f"{name}_plain_changes")
        self.plain.setAccessibleName(self.tr("Changes in plain words"))
        self.plain.setWordWrap(True)
        self.plain.setMinimumHeight(self.fontMetrics().height() * 3)
        self.plain.setMaximumHeight(self.fontMetrics().height() * 10)
        self.technical_toggle = QToolButton(self)
        self.technical_toggle.setObjectName(f"{name}_technical")
        self.technical_toggle.setAccessibleName(self.tr("Technical details"))
        self.technical_toggle.setText(self.tr("Technical details"))
        self.technical_toggle.setToolTip(
            self.tr("The request and its body exactly as sent to the cloud, e.g. for support")
        )
        self.technical_toggle.setCheckable(True)
        self.technical_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.technical_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.technical = QWidget(self)
        self.technical.setObjectName(f"{name}_technical_details")
        self.request_line = QLabel(self.technical)
        self.request_line.setObjectName(f"{name}_request")
        self.request_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self.technical)
        self.tree.setObjectName(f"{name}_changes")
        self.tree.setAccessibleName(self.tr("Changed fields"))
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("On the server"), self.tr("Will be sent")])
        self.tree.setMinimumHeight(90)
        self.tree.setMaximumHeight(180)
        self.body = QPlainTextEdit(self.technical)
        self.body.setObjectName(f"{name}_body")
        self.body.setAccessibleName(self.tr("Complete request body"))
        self.body.setReadOnly(True)
        self.body.setFont(QFont("monospace"))
        self.body.setMinimumHeight(90)
        details = QVBoxLayout(self.technical)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.request_line)
        details.addWidget(self.tree)
        details.addWidget(
            QLabel(
                self.tr("Complete request body (fields this screen does not show go back unchanged):"),
                self.technical,
            )
        )
        details.addWidget(self.body)
        self.technical.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plain)
        layout.addWidget(self.technical_toggle)
        layout.addWidget(self.technical)
        self.technical_toggle.toggled.connect(self._show_technical)

    def focus_chain(self) -> list[QWidget]:
        """What Tab visits here, top to bottom (hidden parts are skipped by Qt)."""
        return [self.plain, self.technical_toggle, self.tree, self.body]

    def _show_technical(self, on: bool) -> None:
        self.technical.setVisible(on)
        self.technical_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def show_changes(
        self,
        request: str,
        changes: Sequence[FieldChange],
        payload: Any,
        plain: Sequence[SettingChange] = (),
    ) -> None:
        self.plain.clear()
        for line in plain:
            self.plain.addItem(core_words.translated(line.sentence()))
        if not plain:
            self.plain.addItem(self.tr("No changes"))
        self.request_line.setText(request)
        self.tree.clear()
        for change in changes:
            name = str(change.path[-1]) if change.path else ""
            after = self.tr("(removed)") if change.removed else _short(change.after, name)
            before = self.tr("(not set)") if change.added else _short(change.before, name)
            whole = change.whole_object
            # A new or dropped object (e.g. a channel's alarm limits) gets one row per value inside
            # it, under its own row, instead of one unreadable line of JSON.
            if whole is not None and change.added:
                after = self.tr("(new, see below)")
            elif whole is not None:
                before = self.tr("(see below)")
            item = QTreeWidgetItem([change.dotted, before, after])
            if whole is not None:
                self._add_values(item, whole, on_server=change.removed)
            self.tree.addTopLevelItem(item)
        if not changes:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("No changes"), "", ""]))
        # Branch decorations only when some row has values under it: no indent for a flat list.
        self.tree.setRootIsDecorated(any(change.whole_object is not None for change in changes))
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.body.setPlainText(json.dumps(payload, indent=2, ensure_ascii=False))

    @staticmethod
    def _add_values(item: QTreeWidgetItem, whole: Any, *, on_server: bool) -> None:
        """The values inside a new (or removed) object as a nested tree under `item`; the full field
        name of each value is its tooltip."""
        nodes: dict[tuple[str, ...], QTreeWidgetItem] = {}
        for path, value in leaves(whole):
            segments = _segments(path)
            holder = item
            for depth in range(len(segments) - 1):
                key = tuple(segments[: depth + 1])
                node = nodes.get(key)
                if node is None:
                    node = QTreeWidgetItem([segments[depth], "", ""])
                    holder.addChild(node)
                    nodes[key] = node
                holder = node
            shown = _short(value, str(path[-1]) if path else "")
            leaf = QTreeWidgetItem(
                [segments[-1] if segments else "", *((shown, "") if on_server else ("", shown))]
            )
            leaf.setToolTip(0, dotted(path))
            holder.addChild(leaf)


def _segments(path: Sequence[PathPart]) -> list[str]:
    """A path as tree levels: a key with its list position, e.g. `measurementAlarmConditions[0]`."""
    segments: list[str] = []
    for part in path:
        if isinstance(part, int) and segments:
            segments[-1] += f"[{part}]"
        else:
            segments.append(f"[{part}]" if isinstance(part, int) else str(part))
    return segments
