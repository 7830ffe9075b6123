"""PySide6.QtNetwork (QLocalServer/QLocalSocket for the single-instance hand-over) without its TLS and
network-information plugins (policy: packaging/qt_bundle.py)."""

from qt_bundle import collect_qt_module

hiddenimports, binaries, datas = collect_qt_module(__file__)
