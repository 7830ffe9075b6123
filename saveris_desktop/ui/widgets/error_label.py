"""The inline message under a field or a form, in the error colour of the current palette.

Its line is kept free while there is nothing to say (hidden, its size retained): a message that
appears never moves what is below it, so a field does not jump away under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from saveris_desktop.ui.style import TIGHT_SPACING, TextRole, set_text_role


class ErrorLabel(QLabel):
    """An inline message under a field or form; empty means hidden, its line still reserved."""

    def __init__(self, object_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_role(self, TextRole.ERROR)  # follows a switch between light and dark by itself
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # as a wrapping QLabel's own policy says (a new policy forgot it)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def show_message(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")

    # One line of text at least, said or not: the room a short message needs is there before it.
    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self._line())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._line()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._line()))

    def _line(self) -> int:
        return self.fontMetrics().height() + 2 * self.margin()


def reserved_row(*widgets: QWidget) -> QWidget:
    """`widgets` (a field and its ErrorLabel under it, or a message alone) as one QFormLayout row.

    A form layout drops the row of a hidden widget, so a message on a row of its own opened and
    closed a line under the pointer; inside this holder its line stays reserved."""
    holder = _ReservedRow(widgets[0].parentWidget())
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(TIGHT_SPACING)
    for widget in widgets:
        column.addWidget(widget)
    return holder


class _ReservedRow(QWidget):
    """The holder of `reserved_row`: as high as its width needs.

    A form layout takes a row's size hint, and a widget's hint with wrapping text in it is the
    height at the hint's own width, a narrow one: a message that fits the form on one line was
    laid out for three there, and the fields below moved after all. Once laid out, the hint is
    the height for the width the row has."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        layout = self.layout()
        if (
            layout is None
            or not layout.hasHeightForWidth()
            or not self.testAttribute(Qt.WidgetAttribute.WA_Resized)
        ):
            return hint
        return QSize(hint.width(), layout.totalHeightForWidth(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the hint above follows the width: the form asks again
