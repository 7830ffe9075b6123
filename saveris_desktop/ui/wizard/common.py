"""What every wizard page shares: the context and async work with cancel."""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget, QWizardPage

from saveris_desktop.api.listing import UnreadableItem
from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.watcher import WatchTiming
from saveris_desktop.core.onboarding.flow import OnboardingFlow
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.error_text import explain_error
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.widgets.banner import Banner
from saveris_desktop.ui.widgets.busy_row import BusyRow
from saveris_desktop.ui.widgets.error_label import ErrorLabel
from saveris_desktop.ui.widgets.naming import named

T = TypeVar("T")

# The shared pieces moved to ui/widgets and ui/error_text.py; still importable from here for the
# wizard's pages and code written before the move. Other features import them from their new home.
__all__ = ["Banner", "BusyRow", "ErrorLabel", "FlowPage", "WizardContext", "explain_error", "named"]


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
    #: new loggers the cloud lists but the app cannot read, by `UnreadableItem.identity`
    unreadable: dict[str, UnreadableItem] = field(default_factory=dict)


class FlowPage(QWizardPage):
    """A wizard page with access to the shared context and one cancellable background job."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._advance_ok = False

    @property
    def _job_key(self) -> str:
        """The page's one job in the wizard's TaskOwner: a newer one replaces it (the latest wins)."""
        return f"page:{self.objectName()}"

    @property
    def busy(self) -> bool:
        return self.ctx.tasks.busy(self._job_key)

    def run_job(
        self,
        coro: Coroutine[Any, Any, T],
        on_result: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run `coro` in the background; the page's previous job (if any) is cancelled first."""

        def finished(result: T) -> None:
            self.completeChanged.emit()
            on_result(result)

        def failed(error: BaseException) -> None:
            self.completeChanged.emit()
            on_error(error)

        self.ctx.tasks.spawn(
            coro, name=self.objectName(), key=self._job_key, on_result=finished, on_error=failed
        )
        self.completeChanged.emit()

    def cancel_job(self) -> None:
        if self.ctx.tasks.cancel(self._job_key):
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
