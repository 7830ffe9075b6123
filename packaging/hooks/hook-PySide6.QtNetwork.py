"""PySide6.QtNetwork with only the Qt plugins the app uses (policy: packaging/qt_bundle.py)."""

from qt_bundle import collect_qt_module

hiddenimports, binaries, datas = collect_qt_module(__file__)
