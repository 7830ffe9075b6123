"""Bootstrap: command line, logging, QApplication + qasync loop, wiring (minimal until the shell lands)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv if argv is None else argv
    if "--self-test" in arguments[1:]:
        # Headless check of this build for CI and support (ui/self_test.py); imported only when asked.
        from saveris_desktop.ui import self_test

        return self_test.run(arguments[1:])

    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv if argv is None else argv)
    window = QMainWindow()
    window.setWindowTitle("Saveris Desktop")
    window.show()
    return app.exec()
