"""What every wizard page shares: the context, async work with cancel, inline errors, busy rows."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QWidget, QWizardPage

from saveris_desktop.api.errors import (
    ApiError,
    AuthenticationError,
    ConflictError,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    OperationNotOfferedError,
    PermissionDeniedError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
)
from saveris_desktop.api.models import Device
from saveris_desktop.core.onboarding import OnboardingFlow
from saveris_desktop.core.services import AppServices
from saveris_desktop.core.tasks import TaskOwner
from saveris_desktop.core.watcher import WatchTiming
from saveris_desktop.ui import i18n
from saveris_desktop.ui.ui_state import UiState

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")
W = TypeVar("W", bound=QWidget)


@dataclass
class WizardContext:
    services: AppServices
    flow: OnboardingFlow
    ui_state: UiState
    tasks: TaskOwner
    timing: WatchTiming = field(default_factory=WatchTiming)
    clock: Callable[[], float] = time.monotonic
    #: devices the waiting page saw, by uuid, so the found page can show the new one at once
    devices: dict[str, Device] = field(default_factory=dict)


def named(widget: W, object_name: str, accessible_name: str) -> W:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    return widget


def is_dark(widget: QWidget | None = None) -> bool:
    """Dark colour scheme? Read from the application palette, which follows the system's scheme
    (a widget's own palette is changed by its style sheet and would answer for itself)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


#: What the technician was doing, per operation (api.responses.ACTIONS, route names), in words that
#: complete "This server does not offer …" and "… failed". The API's own sentences are English by
#: design (they are logged and read by support); the UI says the same in the user's language.
#: (QT_TRANSLATE_NOOP returns its text; PySide types it as object.)
OPERATION_WORDS = cast(
    dict[str, str],
    {
        "token": QT_TRANSLATE_NOOP("Errors", "signing in"),
        "create_connect_key": QT_TRANSLATE_NOOP("Errors", "creating the site and its connect key"),
        "get_connect_key": QT_TRANSLATE_NOOP("Errors", "reading the connect key"),
        "get_global_settings": QT_TRANSLATE_NOOP("Errors", "reading the site's time zone"),
        "put_global_settings": QT_TRANSLATE_NOOP("Errors", "saving the site's time zone"),
        "list_devices": QT_TRANSLATE_NOOP("Errors", "listing the site's loggers"),
        "get_device": QT_TRANSLATE_NOOP("Errors", "reading the logger"),
        "put_device": QT_TRANSLATE_NOOP("Errors", "saving the logger's settings"),
        "get_sensor": QT_TRANSLATE_NOOP("Errors", "reading the sensor"),
        "put_sensor": QT_TRANSLATE_NOOP("Errors", "saving the sensor's settings"),
        "get_device_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "reading the logger's alarms"),
        "put_device_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "saving the logger's alarms"),
        "get_sensor_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "reading the sensor's alarms"),
        "put_sensor_alarm_configuration": QT_TRANSLATE_NOOP("Errors", "saving the sensor's alarms"),
        "list_measuring_objects": QT_TRANSLATE_NOOP("Errors", "listing the measuring objects"),
        "get_measuring_object": QT_TRANSLATE_NOOP("Errors", "reading the measuring object"),
        "create_measuring_object": QT_TRANSLATE_NOOP("Errors", "creating the measuring object"),
        "get_measuring_instruction_set": QT_TRANSLATE_NOOP(
            "Errors", "reading the measuring object's measurement settings"
        ),
        "put_measuring_instruction_set": QT_TRANSLATE_NOOP(
            "Errors", "saving the measuring object's measurement settings"
        ),
        "get_measuring_object_alarm_configuration": QT_TRANSLATE_NOOP(
            "Errors", "reading the measuring object's alarm limits"
        ),
        "put_measuring_object_alarm_configuration": QT_TRANSLATE_NOOP(
            "Errors", "saving the measuring object's alarm limits"
        ),
    },
)


def _operation(error: ApiError) -> str | None:
    words = OPERATION_WORDS.get(error.operation or "")
    return QCoreApplication.translate("Errors", words) if words else None


def explain_error(error: BaseException) -> str:
    """Plain words for a failure in the user's language, with the server's own reason when it gave
    one. Each error class has its sentence here; the API's English sentence (`error.message`) is
    shown as it is only in English, where it is the most precise (it names the field, the status)."""
    if isinstance(error, OperationNotOfferedError):
        # Not a refusal of this account: the operation does not exist on this server. The message
        # names which one ("this server does not offer reading the logger's alarms").
        operation = _operation(error)
        if i18n.current_language() == i18n.SOURCE_LANGUAGE or operation is None:
            return error.message
        return QCoreApplication.translate("Errors", "This server does not offer %1.").replace("%1", operation)
    if isinstance(error, AuthenticationError) and error.operation == "token" and error.status in (400, 401):
        text = QCoreApplication.translate(
            "Errors",
            "The user name or the password is not right, the account belongs to another region or "
            "environment, or it is a Saveris 2 (saveris.net) account, which cannot sign in here. "
            "Check them and try again.",
        )
    elif isinstance(error, AuthenticationError):
        text = QCoreApplication.translate(
            "Errors", "The user name or the password is not right. Check both and try again."
        )
    elif isinstance(error, NetworkError):
        text = QCoreApplication.translate(
            "Errors",
            "The testo cloud cannot be reached. Check that this laptop is connected to the internet.",
        )
    elif isinstance(error, PermissionDeniedError):
        text = QCoreApplication.translate(
            "Errors", "This account is not allowed to do this. Ask your Saveris administrator."
        )
    elif isinstance(error, RateLimitedError):
        text = QCoreApplication.translate("Errors", "The testo cloud is busy. Wait a minute and try again.")
    elif isinstance(error, ServerError):
        text = QCoreApplication.translate(
            "Errors", "The testo cloud has a problem right now. Try again in a few minutes."
        )
    elif isinstance(error, RequestValidationError):
        text = QCoreApplication.translate("Errors", "The testo cloud refused this.")
    elif isinstance(error, ApiError):
        if i18n.current_language() == i18n.SOURCE_LANGUAGE:
            return error.message
        text = _other_api_error(error)
    else:
        return QCoreApplication.translate(
            "Errors", "Something unexpected went wrong; the details are in the log file."
        )
    reason = error.server_reason if isinstance(error, ApiError) else None
    return f"{text} ({reason})" if reason else text


def _other_api_error(error: ApiError) -> str:
    """The sentence for the classes English shows as the API words them; the API's words go to the
    log (in English, as support reads them), so nothing of them is lost."""
    logging.getLogger(__name__).info("shown translated: %s", error.message)
    if isinstance(error, NotFoundError):
        text = QCoreApplication.translate(
            "Errors", "The testo cloud does not know this site or object (any more)."
        )
    elif isinstance(error, ConflictError):
        text = QCoreApplication.translate(
            "Errors", "It was changed elsewhere in the meantime. Reload and try again."
        )
    elif isinstance(error, InvalidResponseError):
        text = QCoreApplication.translate(
            "Errors", "The testo cloud sent an answer this app cannot read; the details are in the log file."
        )
    else:
        text = QCoreApplication.translate(
            "Errors", "The testo cloud gave an unexpected answer (HTTP %1)."
        ).replace("%1", str(error.status or "?"))
    operation = _operation(error)
    if operation is None:
        return text
    return QCoreApplication.translate("Errors", "Failed: %1. %2").replace("%1", operation).replace("%2", text)


class ErrorLabel(QLabel):
    """An inline message under a field or form; empty means hidden."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        color = "#ff8a80" if is_dark(self) else "#b00020"
        sheet = f"color: {color};"
        if self.styleSheet() != sheet:  # setting it sends a PaletteChange: only when it differs
            self.setStyleSheet(sheet)
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.text():
            self.show_message(self.text())  # the system switched between light and dark


class Banner(QFrame):
    """A calm, highlighted note (demo mode, offline) that reads well in light and dark mode."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName(f"{object_name}Text")
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        self._apply_colors()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()  # the system switched between light and dark

    def _apply_colors(self) -> None:
        colours = (
            "background: #233a4d; border: 1px solid #4f86b0;"
            if is_dark(self)
            else ("background: #e6f1fb; border: 1px solid #8db7de;")
        )
        sheet = f"#{self.objectName()} {{ {colours} }}"
        if self.styleSheet() != sheet:  # setting it sends a PaletteChange: only when it differs
            self.setStyleSheet(sheet)


class BusyRow(QWidget):
    """An indeterminate bar with words saying what is going on; hidden when idle."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.bar = QProgressBar(self)
        self.bar.setObjectName(f"{object_name}Bar")
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.label = QLabel(self)
        self.label.setObjectName(f"{object_name}Text")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()


class FlowPage(QWizardPage):
    """A wizard page with access to the shared context and one cancellable background job."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._job: asyncio.Task[Any] | None = None
        self._advance_ok = False

    @property
    def busy(self) -> bool:
        return self._job is not None and not self._job.done()

    def run_job(
        self,
        coro: Coroutine[Any, Any, T],
        on_result: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `coro` in the background; the page's previous job (if any) is cancelled first."""
        self.cancel_job()

        def finished(result: T) -> None:
            self._job = None
            self.completeChanged.emit()
            on_result(result)

        def failed(error: BaseException) -> None:
            self._job = None
            self.completeChanged.emit()
            on_error(error)

        self._job = self.ctx.tasks.spawn(coro, name=self.objectName(), on_result=finished, on_error=failed)
        self.completeChanged.emit()

    def cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self.completeChanged.emit()

    def advance(self) -> None:
        """Move on after async validation succeeded: validatePage() lets exactly this call pass."""
        self._advance_ok = True
        self.completeChanged.emit()
        self.wizard().next()

    def take_advance(self) -> bool:
        ok, self._advance_ok = self._advance_ok, False
        return ok

    def focus_later(self, widget: QWidget) -> None:
        """Focus `widget` once the page is on screen (QWizard moves the focus while showing it)."""
        QTimer.singleShot(0, widget.setFocus)

    def page_shown(self) -> None:
        """Called each time the page becomes current, also when returning with Back."""

    def cleanupPage(self) -> None:
        self.cancel_job()
        # QWizard's default resets registered fields; this app keeps what was typed.
