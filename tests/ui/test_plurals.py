"""English plural forms for `%n` strings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from saveris_desktop.ui import plurals


def test_counts_read_as_english(qapp) -> None:
    app = QCoreApplication.instance()
    translator = plurals.install(app)
    try:
        text = "The site has %n device(s) already."
        assert QCoreApplication.translate("Test", text, None, 0) == "The site has 0 devices already."
        assert QCoreApplication.translate("Test", text, None, 1) == "The site has 1 device already."
        assert QCoreApplication.translate("Test", text, None, 12) == "The site has 12 devices already."
        assert QCoreApplication.translate("Test", "No count (s)") == "No count (s)"  # no n: untouched
        assert QCoreApplication.translate("Test", "Plain text") == "Plain text"
    finally:
        app.removeTranslator(translator)
