"""Input fields that refuse bad input where it is typed, with the reason in technician words.

Each field keeps what was typed even when it is invalid (nothing typed is lost), shows the problem
right under itself, and only reports values that passed its checks. Editors ask `problem()` to
decide whether Apply may be enabled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from saveris_desktop.core.devices.ranges import DurationRange, check_duration_text
from saveris_desktop.ui import core_words, locale_format
from saveris_desktop.ui.style import TARGET_SIZE, TIGHT_SPACING, TextRole, glove_sized, set_text_role
from saveris_desktop.ui.widgets.error_label import ErrorLabel


def refill_keeping_choice(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
    """Replace the (data, label) entries of a picker without a change signal; the picked entry stays
    picked while it is still listed, else the first is."""
    picked = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, label in entries:
        combo.addItem(label, data)
    position = combo.findData(picked)
    combo.setCurrentIndex(position if position >= 0 else 0 if entries else -1)
    combo.blockSignals(False)


# Where a field's neighbours sit in a grid row that also holds the field's message line: at the top,
# on the input's line (centred in the row, they sat between the input and its message).
ON_THE_FIELD_LINE = Qt.AlignmentFlag.AlignTop


def field_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A label beside a field: as high as the input (TARGET_SIZE), its text on the input's line.
    Put it in its row with ON_THE_FIELD_LINE."""
    label = QLabel(text, parent)
    _on_the_line(label)
    return label


def labels_beside_fields(layout: QFormLayout) -> None:
    """A form's row labels on their input's line (see field_label), not between input and message."""
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    for row in range(layout.rowCount()):
        item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and label.text():
            _on_the_line(label)


def _on_the_line(label: QLabel) -> None:
    # Top-aligned text pushed down to the middle of an input's line: right whether the layout gives
    # the label the input's height or the whole row (input and message line).
    label.setMinimumHeight(max(label.minimumHeight(), TARGET_SIZE))
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, max(0, (TARGET_SIZE - label.fontMetrics().height()) // 2), 0, 0)


class FieldMessage(ErrorLabel):
    """The red line under a field (its line reserved, see ErrorLabel).

    An editor holds its messages back until the technician has edited something in it
    (`set_armed`, see SessionEditor): a form just opened with the server's values does not greet
    anyone with red lines.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._message = ""
        self._armed = True

    def message(self) -> str:
        """What there is to say, shown or still held back."""
        return self._message

    def show_message(self, text: str) -> None:
        self._message = text
        super().show_message(text if self._armed else "")
        parent = self.parentWidget()
        if parent is not None:
            parent.updateGeometry()

    def set_armed(self, armed: bool) -> None:
        """False holds the message back (its line stays free); True shows what there is to say."""
        if armed != self._armed:
            self._armed = armed
            self.show_message(self._message)


class _LineField(QWidget):
    """A line edit with an optional hint beside it and an error message under it."""

    sig_problem_changed = Signal(str)
    sig_value_changed = Signal(object)  # the parsed value, or None when an optional field is emptied

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: Any = None
        self._shown: Any = None  # the value set_value showed, before any typing
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(accessible)
        glove_sized(self.edit)
        self.hint = QLabel(self)
        self.hint.setObjectName(f"{name}_hint")
        set_text_role(self.hint, TextRole.MUTED)
        self.message = FieldMessage(self)
        self.message.setObjectName(f"{name}_message")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.hint)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(TIGHT_SPACING)
        column.addLayout(row)
        column.addWidget(self.message)
        # Never squeezed below its size hint: the message under the field must not crush the input.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._problem = ""
        self.edit.textEdited.connect(self._on_edited)

    def problem(self) -> str:
        return self._problem

    def text(self) -> str:
        return self.edit.text()

    def _set_problem(self, message: str) -> None:
        self.message.show_message(message)
        self.edit.setAccessibleDescription(message)
        if message != self._problem:
            self._problem = message
            self.sig_problem_changed.emit(message)

    def _on_edited(self, text: str) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _fall_back_to(self, shown: Any) -> None:
        if self._value != shown:
            self._value = shown
            self.sig_value_changed.emit(shown)

    def _keep_typed(self) -> bool:
        """A refresh must not overwrite what the technician is typing or has typed wrongly."""
        return bool(self._problem) or (self.edit.hasFocus() and self.edit.isModified())


class DurationField(_LineField):
    """A duration such as "15 min", checked against the allowed range ("15 s … 24 h")."""

    sig_value_changed = Signal(object)  # int ms, or None when an optional field is emptied

    def __init__(
        self, name: str, accessible: str, parent: QWidget | None = None, *, optional: bool = False
    ) -> None:
        super().__init__(name, accessible, parent)
        self.optional = optional
        self.allowed = DurationRange(None, None)
        self.edit.setPlaceholderText(self.tr("e.g. 15 min"))
        # Room for "e.g. 15 min" or "1 h 30 min", not more: the hint beside it needs the width.
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("1 h 30 min") + 24)
        self.edit.setMaximumWidth(200)
        self._value: int | None = None

    def set_allowed(self, allowed: DurationRange) -> None:
        self.allowed = allowed
        self.hint.setText(self.tr("Allowed: %1").replace("%1", core_words.translated(allowed.words())))
        if self.edit.text():
            self._on_edited(self.edit.text())

    def value(self) -> int | None:
        return self._value

    def set_value(self, ms: int | None, *, force: bool = False) -> None:
        """Show a value from the server/session; typed text that is pending wins unless forced."""
        if self._keep_typed() and not force:
            return
        self._value = self._shown = ms
        self.edit.setText("" if ms is None else locale_format.duration(ms))
        self.edit.setModified(False)
        self._set_problem("")

    def _on_edited(self, text: str) -> None:
        if self.optional and not text.strip():
            self._set_problem("")
            self._value = None
            self.sig_value_changed.emit(None)
            return
        ms, message = check_duration_text(text, self.allowed)
        if ms is None:
            self._set_problem(core_words.translated(message))
            # Typing "3 days" passes through "3", a valid 3 s: that half-typed value must not stay
            # the field's value, so an invalid text falls back to the value shown before typing.
            self._fall_back_to(self._shown)
            return
        self._set_problem("")
        self._value = ms
        self.sig_value_changed.emit(ms)


class NumberField(_LineField):
    """A decimal number with a unit; empty means "not set" when `optional`."""

    sig_value_changed = Signal(object)  # float | None

    def __init__(
        self,
        name: str,
        accessible: str,
        parent: QWidget | None = None,
        *,
        optional: bool = True,
        minimum: float | None = None,
        maximum: float | None = None,
    ) -> None:
        super().__init__(name, accessible, parent)
        self.optional = optional
        self.minimum = minimum
        self.maximum = maximum
        self._value: float | None = None
        self._own = ""  # what is wrong with the typed text itself
        self._rule = ""  # what a rule across fields says about this one
        self.edit.setMaximumWidth(120)
        if optional:
            self.edit.setPlaceholderText(self.tr("off"))

    def set_unit(self, symbol: str) -> None:
        self.hint.setText(symbol)

    def set_range(self, minimum: float | None, maximum: float | None) -> None:
        """The allowed values from now on (e.g. in the unit the channel was switched to)."""
        self.minimum, self.maximum = minimum, maximum

    def value(self) -> float | None:
        return self._value

    def set_value(self, value: float | None, *, force: bool = False) -> None:
        if self._keep_typed() and not force:
            return
        self._value = self._shown = value
        self._own = ""
        self._rule = ""
        self.edit.setText("" if value is None else locale_format.number(value))
        self.edit.setModified(False)
        self._set_problem("")

    def typing_problem(self) -> str:
        """The field's own problem (not a number, out of its range), without rules across fields."""
        return self._own

    def set_rule_problem(self, message: str) -> None:
        """A rule that involves other fields (e.g. lower < upper) failed, or passed again, for this one."""
        self._rule = message
        self._set_problem(self._own or self._rule)

    def _parse_problem(self) -> str:
        text = self.edit.text().strip().replace(",", ".")
        if not text:
            return "" if self.optional else self.tr("Enter a number.")
        try:
            float(text)
        except ValueError:
            return self.tr("“%1” is not a number.").replace("%1", self.edit.text().strip())
        return ""

    def _on_edited(self, text: str) -> None:
        self._own = self._parse_problem()
        cleaned = text.strip().replace(",", ".")
        if not self._own:
            value = float(cleaned) if cleaned else None
            if value is not None and not self._in_range(value):
                self._own = self._range_message()
        if self._own:
            self._set_problem(self._own)
            self._fall_back_to(self._shown)  # no half-typed number ("-" of "-5", "1" of "12") stays
            return
        self._set_problem(self._rule)
        self._value = value
        self.sig_value_changed.emit(value)

    def _in_range(self, value: float) -> bool:
        too_low = self.minimum is not None and value < self.minimum
        too_high = self.maximum is not None and value > self.maximum
        return not (too_low or too_high)

    def _range_message(self) -> str:
        unit = self.hint.text()
        low = "" if self.minimum is None else f"{locale_format.number(self.minimum)} {unit}".strip()
        high = "" if self.maximum is None else f"{locale_format.number(self.maximum)} {unit}".strip()
        return self.tr("Allowed: %1 … %2").replace("%1", low).replace("%2", high)
