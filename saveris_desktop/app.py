"""Bootstrap: command line, logging, QApplication + qasync loop, wiring (minimal until the shell lands)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv if argv is None else argv)
    window = QMainWindow()
    window.setWindowTitle("Saveris Desktop")
    window.show()
    return app.exec()
