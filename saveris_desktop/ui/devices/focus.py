"""Focus helpers: the tab order of forms whose rows are rebuilt on every load, and keeping the focus
in a form whose buttons are disabled under it."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


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


def keep_focus_before_disabling(losing: Sequence[QWidget], keeper: QWidget) -> None:
    """Give the focus to `keeper` if it is in one of `losing`, which are about to be disabled.

    Qt hands the focus of a widget being disabled to the next widget in the window's focus chain,
    wherever that is: after Apply or Revert it was the toolbar's Site box, and typing went there.
    """
    focus = QApplication.focusWidget()
    if focus is not None and any(widget is focus or widget.isAncestorOf(focus) for widget in losing):
        keeper.setFocus(Qt.FocusReason.OtherFocusReason)
