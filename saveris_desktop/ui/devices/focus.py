"""Tab order helpers for forms whose rows are rebuilt on every load."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focusable_descendants(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab can reach, in their current focus-chain order."""
    found: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root:
        if root.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def set_tab_chain(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit `widgets` one after the other."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
