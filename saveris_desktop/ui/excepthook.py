"""The last line of defence: an unexpected exception is logged and shown, and the app keeps running.

Exceptions raised in Qt slots and qasync `asyncSlot`s end up in `sys.excepthook`; left alone they
print to a console the technician never sees (or abort, with some bindings). This hook writes the
traceback to the log file (redacted by the log handlers), then shows one calm, non-modal dialog.
Several errors in a burst update that one dialog instead of stacking new ones. What the dialog shows
goes through the same `redaction.redact` as the log: an exception's text may quote a token or the
password, and a technician shares screenshots of this dialog.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from saveris_desktop.api.redaction import redact

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class ExceptionHook(QObject):
    """Installs itself as sys.excepthook (and threading.excepthook); `uninstall()` restores them."""

    # Exceptions from worker threads are carried to the GUI thread through a queued signal.
    sig_exception = Signal(object)

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._dialog: QMessageBox | None = None
        self._dialog_open = False
        self._count = 0
        self.sig_exception.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def handle(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, tb)
            return
        log.critical("unexpected error", exc_info=(kind, error, tb))
        self.sig_exception.emit((kind, error, tb))

    def handle_loop_exception(self, loop: Any, context: dict[str, Any]) -> None:
        """For `loop.set_exception_handler`: asyncio errors nobody awaited."""
        error = context.get("exception")
        if isinstance(error, BaseException):
            self.handle(type(error), error, error.__traceback__)
        else:
            log.error("asyncio: %s", context.get("message", context))

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, info: ExcInfo) -> None:
        if QApplication.instance() is None:
            return
        kind, error, tb = info
        self._count += 1
        details = redact("".join(traceback.format_exception(kind, error, tb)))
        if self._dialog is None or not self._dialog_open:
            self._count = 1
            self._dialog_open = True  # from now on, not only once it is visible: bursts share it
            self._dialog = QMessageBox(self._parent_widget())
            self._dialog.finished.connect(self._dialog_finished)
            self._dialog.setObjectName("unexpectedErrorDialog")
            self._dialog.setAccessibleName(QCoreApplication.translate("ExceptionHook", "Unexpected error"))
            self._dialog.setIcon(QMessageBox.Icon.Warning)
            self._dialog.setWindowTitle(QCoreApplication.translate("ExceptionHook", "Unexpected error"))
            self._dialog.setStandardButtons(QMessageBox.StandardButton.Close)
            self._dialog.setWindowModality(Qt.WindowModality.NonModal)
        text = QCoreApplication.translate(
            "ExceptionHook",
            "Something went wrong inside Saveris Desktop. The app keeps running; what you entered is "
            "still there. The details were written to the log file.",
        )
        if self._count > 1:
            text += "\n\n" + QCoreApplication.translate(
                "ExceptionHook", "This happened %n time(s) in a row.", "", self._count
            )
        self._dialog.setText(text)
        self._dialog.setInformativeText(redact(f"{kind.__name__}: {error}"))
        self._dialog.setDetailedText(details)
        # open(), not exec(): a nested event loop inside an exception hook invites re-entrancy.
        QTimer.singleShot(0, self._dialog.open)

    def _dialog_finished(self, _result: int) -> None:
        self._dialog_open = False

    @property
    def dialog(self) -> QMessageBox | None:
        return self._dialog
