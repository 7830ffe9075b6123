"""Every interactive widget gets an object name (tests, QSettings) and an accessible name (screen readers)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str) -> W:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget
