"""UI tests run with the app's own style (the platform's, with the keyboard focus frame app.py adds);
`german` switches them to the app's German as on a German computer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from saveris_desktop.ui import i18n


@pytest.fixture(autouse=True, scope="session")
def app_style(qapp: QApplication) -> None:
    from saveris_desktop.ui import style

    style.install_focus_frames(qapp)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[str]:
    """The app's translations installed as app.py does on a German computer; English again after."""
    default = QLocale()
    code = i18n.install(qapp, i18n.SYSTEM, system=QLocale("de_DE"))
    try:
        yield code
    finally:
        i18n.install(qapp, i18n.SOURCE_LANGUAGE, system=QLocale("en_US"))
        QLocale.setDefault(default)
