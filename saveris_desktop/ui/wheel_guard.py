"""The mouse wheel scrolls the page; it never changes a setting by passing over it.

Qt lets a combo box or a spin box take every wheel event that passes over it: scrolling down the
measuring-object editor switched the alarm preset to "Room 15–25 °C", and one notch over the
toolbar's site box switched the whole app to another site. One application-wide filter decides for
every such widget: while it does not have the keyboard focus (the technician has not clicked into
it or tabbed to it), the wheel event goes on to the page behind it, which scrolls. A widget marked
with `never_by_wheel` (the site selector) ignores the wheel even when focused.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

#: Dynamic property set by `never_by_wheel`.
_NEVER = "saverisNeverByWheel"
#: Looked up once: the filter sees every event of the application.
_WHEEL = QEvent.Type.Wheel


def never_by_wheel(widget: QWidget) -> None:
    """This widget's value never changes by the wheel, focused or not (e.g. the site selector)."""
    widget.setProperty(_NEVER, True)


def _value_widget(watched: QObject) -> QWidget | None:
    """The combo or spin box a wheel event over `watched` would change (also via its line edit)."""
    for candidate in (watched, watched.parent()):
        if isinstance(candidate, QComboBox | QAbstractSpinBox):
            return candidate
    return None


class WheelGuard(QObject):
    """Installed on the QApplication: sees each wheel event before the widget under the pointer."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != _WHEEL:
            return False
        widget = _value_widget(watched)
        if widget is None:
            return False
        if widget.property(_NEVER) or not widget.hasFocus():
            assert isinstance(event, QWheelEvent)  # noqa: S101 - the type says so
            _scroll_the_page_under(widget, event)
            return True  # never delivered to the widget
        return False


def _scroll_the_page_under(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the nearest scroll area around `widget`, as if the pointer were over it.

    Sent on explicitly rather than left to Qt's propagation, which only carries real (spontaneous)
    wheel events up to the parents.
    """
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    viewport = parent.viewport()
    position = viewport.mapFrom(widget, event.position().toPoint())
    forwarded = QWheelEvent(
        position.toPointF(),
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QApplication.sendEvent(viewport, forwarded)


def install(app: QApplication) -> WheelGuard:
    """Install the guard for the whole application; it lives as long as `app`."""
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
