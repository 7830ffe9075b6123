"""Drive widgets the way a technician does: real key and mouse events, never setters or faked signals.

A test that calls `setText` and then emits `textEdited` by hand passes even when the connection
that makes typing work is deleted; these helpers send the events Qt turns into those signals, so
such a broken connection fails the test.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QSpinBox, QWidget


def _line_edit(target: QWidget | Any) -> QLineEdit:
    """The QLineEdit behind `target`: a line edit itself, an editable combo box, or a field with `.edit`."""
    if isinstance(target, QLineEdit):
        return target
    if isinstance(target, QComboBox) and target.isEditable():
        edit = target.lineEdit()
        assert edit is not None
        return edit
    edit = getattr(target, "edit", None)
    assert isinstance(edit, QLineEdit), f"cannot type into {target!r}"
    return edit


def type_text(qtbot: Any, target: QWidget | Any, text: str) -> None:
    """Replace the field's text by typing: select all (Ctrl+A), then the keys of `text` (or Backspace)."""
    edit = _line_edit(target)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == text, f"typed {text!r} but the field shows {edit.text()!r}"


def paste_text(qtbot: Any, target: QWidget | Any, text: str) -> None:
    """Replace the field's text by pasting `text` (Ctrl+A, Ctrl+V): how characters no key types
    (an invisible one copied along from a mail or a spreadsheet) get into a field."""
    edit = _line_edit(target)
    clipboard = QApplication.clipboard()
    clipboard.setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == text, f"pasted {text!r} but the field shows {edit.text()!r}"


def choose(
    qtbot: Any, combo: QComboBox, *, data: object = None, text: str | None = None, index: int | None = None
) -> None:
    """Pick an entry of a combo box with the arrow keys, as a keyboard user does (emits `activated`).

    The entry is named by its `data`, its `text` or its `index`.
    """
    named_by_index = index is not None
    target = index if named_by_index else (combo.findData(data) if text is None else combo.findText(text))
    assert 0 <= target < combo.count(), f"{combo.objectName()} has no entry {data or text or index!r}"
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            break
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target, f"could not reach entry {target} of {combo.objectName()}"


def click(qtbot: Any, button: QAbstractButton) -> None:
    """A left click in the middle of the button."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def set_checked(qtbot: Any, button: QAbstractButton, checked: bool) -> None:
    """Toggle a check box or radio button with the space bar, as a keyboard user does.

    (A mouse click lands in the middle of the widget, which for a check box without a label may be
    beside its indicator; Space goes through the same `clicked`/`toggled` path.)
    """
    if button.isChecked() != checked:
        assert button.isEnabled(), f"{button.objectName()} is disabled"
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert button.isChecked() == checked, f"{button.objectName()} did not become {checked}"


def step_to(qtbot: Any, spin: QSpinBox, value: int) -> None:
    """Set a spin box with the arrow keys, as a keyboard user does."""
    for _ in range(abs(value - int(spin.value())) + 1):
        if int(spin.value()) == value:
            break
        qtbot.keyClick(spin, Qt.Key.Key_Up if spin.value() < value else Qt.Key.Key_Down)
    assert int(spin.value()) == value, f"{spin.objectName()} did not reach {value}"
