"""Pseudo-translation and clipping checks for layout tests (Vorta's TRANS_SCALE idea, in a test).

`PseudoTranslator` turns every English text into a longer, accented one ("Sign in" ->
"Šíǧñ íñ ẋẋẋ"): 40 % longer, as German often is, with marks above and below the letters that
clip when a row is too low. Placeholders (%1, %n, {key}), HTML tags and entities stay intact, so
the app still fills in its values. `clipped()` lists every visible label, button, group title and
combo box whose text does not fit its widget, measured with the widget's own font metrics, and
every tool bar that hides buttons behind its "»".
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from saveris_desktop.ui.plurals import english_plural

STRETCH = 0.4
MAX_WINDOW = (1280, 720)  # logical pixels: a 1920×1080 laptop at 150 %, or 1366×768 at ~107 %

_ACCENTS = str.maketrans(
    "aceginorsuyzACEGINORSUYZ",
    "áçéǧíñóŕšúýžÁÇÉǦÍÑÓŔŠÚÝŽ",
)
#: Kept as they are: Qt/Python placeholders, strftime directives, tags, entities, accelerators.
_PROTECTED = re.compile(r"(%\d|%n|%[A-Za-z]|\{\w+\}|<[^>]*>|&[a-zA-Z]+;|&&|&(?=\w))")


def pseudo(text: str) -> str:
    if not text.strip():
        return text
    parts = _PROTECTED.split(text)
    visible = sum(len(part) for i, part in enumerate(parts) if i % 2 == 0)
    accented = "".join(part if i % 2 else part.translate(_ACCENTS) for i, part in enumerate(parts))
    extra = math.ceil(visible * STRETCH)
    filler = " ".join("ẋ" * min(5, extra - n) for n in range(0, extra, 6))  # wraps like words
    if accented.endswith("</html>"):
        return accented
    return f"{accented} {filler}" if filler else accented


class PseudoTranslator(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if "%Y" in source:  # a date pattern for strftime: stretched, it would be a longer date
            return None
        return pseudo(english_plural(source, n) or source)

    def isEmpty(self) -> bool:
        return False


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(room.width())
        if needed > room.height() + 1:
            return f"needs {needed} px height, has {room.height()}"
        return None
    needed = label.minimumSizeHint().width()
    if needed > label.width() + 1:
        return f"needs {needed} px width, has {label.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    hint = button.sizeHint()
    if hint.width() > button.width() + 1:
        return f"needs {hint.width()} px width, has {button.width()}"
    if isinstance(button, QCheckBox | QRadioButton) and hint.height() > button.height() + 1:
        return f"needs {hint.height()} px height, has {button.height()}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    """The chosen item's text against the field it is drawn in (the box less its frame and arrow)."""
    text = combo.currentText()
    if not text or combo.isEditable():
        return None  # an editable box scrolls its text like a line edit
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    icon = option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0
    needed = combo.fontMetrics().horizontalAdvance(text) + icon
    return f"needs {needed} px width, has {field.width()}" if needed > field.width() + 1 else None


def _toolbar_problem(bar: QToolBar) -> str | None:
    """A tool bar too narrow for its buttons hides the rest behind "»", where nobody looks for them."""
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    if more is None or not more.isVisible():
        return None
    hidden = [
        a.text() for a in bar.actions() if (w := bar.widgetForAction(a)) is not None and not w.isVisible()
    ]
    return f"needs {bar.sizeHint().width()} px width, has {bar.width()}; behind »: {', '.join(hidden)}"


def _placeholder_problem(field: QLineEdit) -> str | None:
    """The hint in an empty field ("e.g. 15 min") is read only when it is whole."""
    text = field.placeholderText()
    if not text or field.text():
        return None
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    room_width = room.width() - margins.left() - margins.right() - 4  # Qt's own horizontal margin
    needed = field.fontMetrics().horizontalAdvance(text)
    return f"hint needs {needed} px width, has {room_width}" if needed > room_width + 1 else None


def _group_problem(box: QGroupBox) -> str | None:
    needed = box.fontMetrics().horizontalAdvance(box.title().replace("&", "")) + 16
    return f"title needs {needed} px, has {box.width()}" if box.title() and needed > box.width() else None


def clipped(root: QWidget) -> list[str]:
    """'objectName (class) "text…": why' for each visible text that does not fit."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        problem = None
        text = ""
        if isinstance(widget, QLabel):
            problem, text = _label_problem(widget), widget.text()
        elif isinstance(widget, QAbstractButton) and widget.objectName() != "qt_toolbar_ext_button":
            problem, text = _button_problem(widget), widget.text()
        elif isinstance(widget, QGroupBox):
            problem, text = _group_problem(widget), widget.title()
        elif isinstance(widget, QComboBox):
            problem, text = _combo_problem(widget), widget.currentText()
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            problem, text = _placeholder_problem(widget), widget.placeholderText()
        elif isinstance(widget, QToolBar):
            problem, text = _toolbar_problem(widget), widget.windowTitle()
        if problem:
            found.append(f"{widget.objectName() or '?'} ({type(widget).__name__}) {text[:40]!r}: {problem}")
    return found


def too_large(window: QWidget) -> str | None:
    """Why the window does not fit MAX_WINDOW: the size it opens with, or the least it needs."""
    width, height = MAX_WINDOW
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    if least.width() > width or least.height() > height:
        return f"{window.objectName()} needs at least {least.width()}×{least.height()}"
    size = window.size()
    if size.width() > width or size.height() > height:
        # A dialog opens at a size of its own; a main window is given 1280×720 by the tours (app.py
        # gives it most of the screen) and is larger only when its content pushed it out once.
        verb = "grew to" if isinstance(window, QMainWindow) else "opens at"
        return f"{window.objectName()} {verb} {size.width()}×{size.height()}"
    return None


#: What a keyboard or screen-reader user operates; each needs a name a screen reader can say.
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit)


def unnamed(root: QWidget) -> list[str]:
    """Visible interactive widgets whose accessible name (what a screen reader says: the
    accessibleName, a button's text, or a buddy label's text) is empty."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
            continue  # Qt's own parts: a tab bar's scroll buttons, a table's header (read with the table)
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside: the spin box or combo box carries the name
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            found.append(
                f"{widget.objectName() or '?'} ({type(widget).__name__}) in {type(widget.parent()).__name__}"
            )
    return found


def _accelerator(text: str) -> str | None:
    """The letter after a single '&' ("Sign &out" -> "o"), lower case; None without one."""
    match = re.search(r"(?<!&)&([^&\s])", text)
    return match.group(1).lower() if match else None


def shared_accelerators(root: QWidget) -> list[str]:
    """Alt+letter keys that two visible buttons or labels of one window both claim: the key then
    only cycles between them, and a keyboard user cannot press either at once."""
    owners: dict[str, list[str]] = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.window() is not root.window():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            letter = _accelerator(widget.text())
            if letter:
                owners.setdefault(letter, []).append(widget.text())
    return [f"Alt+{letter}: {' / '.join(texts)}" for letter, texts in owners.items() if len(texts) > 1]


def nameless(root: QWidget) -> list[str]:
    """Visible interactive widgets without an objectName (what tests and UI automation find them by)
    or without an accessibleName set by the app (not only a button's text, which has its & and …)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        missing = [
            what
            for what, value in (
                ("objectName", widget.objectName()),
                ("accessibleName", widget.accessibleName()),
            )
            if not value
        ]
        if missing:
            text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
            where = f"{widget.objectName() or '?'} ({type(widget).__name__}) {text[:30]!r}"
            found.append(f"{where} in {type(widget.window()).__name__}: no {' and no '.join(missing)}")
    return found


def made_by_qt(window: QWidget) -> bool:
    """Qt's own dialogs (print preview, file and print dialogs), subclassed or not: their inner
    widgets are Qt's, named by Qt for screen readers but without objectNames the app could give."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog

    return isinstance(window, QPrintPreviewDialog | QPrintDialog | QFileDialog)
