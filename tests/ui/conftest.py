"""UI tests run with the app's own style: the platform's, with the keyboard focus frame app.py adds."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True, scope="session")
def app_style(qapp: QApplication) -> None:
    from saveris_desktop.ui import style

    style.install_focus_frames(qapp)
