"""The local database could not be opened at all: say so at once, keep saying it, and try again.

Without it the app still works online, but nothing typed is kept and nothing can be queued, and
the technician must know that before typing (it used to be only in the log, and the Offline menu
simply was not there). Shown: a notice, a warning in the status bar, the same reason on every
editor's banner (`DevicesView.show_save_state`), and an Offline menu holding the reason and
*Try again*. Opening is retried by itself, backing off to a minute (not for a database of a newer
version: that only changes when the app is updated, so only *Try again* asks). Once it opens,
this goes away, `sig_opened` hands over the `OfflineWork`, and the editors say "saved again".
What it attaches to is given to its constructor: the device view and the menu it goes before.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox
from shiboken6 import isValid

from saveris_desktop.core.offline.autosave import SaveFailure
from saveris_desktop.core.offline.store import StorageProblem, StoreError
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.devices.view import DevicesView
from saveris_desktop.ui.style import TextRole, set_text_role
from saveris_desktop.ui.widgets.save_banner import storage_problem_text

log = logging.getLogger(__name__)

#: Seconds between attempts to open the database again; the last one repeats.
RETRY_SECONDS: tuple[float, ...] = (5.0, 15.0, 30.0, 60.0)


class OfflineUnavailable(QObject):
    sig_opened = Signal(object)  # the OfflineWork, once the database opened

    def __init__(
        self,
        window: QMainWindow,
        error: StoreError,
        open_work: Callable[[], Awaitable[OfflineWork]],
        *,
        devices_view: DevicesView | None = None,
        menu_before: QMenu | None = None,
        retry_seconds: tuple[float, ...] = RETRY_SECONDS,
    ) -> None:
        super().__init__(window)
        self.setObjectName("offlineUnavailable")
        self.window = window
        self._open_work = open_work
        self._retry_seconds = retry_seconds
        self._attempts = 0
        self.tasks = TaskOwner("offline-unavailable")
        self.failure = SaveFailure(error.problem, str(error))
        self._devices_view = devices_view
        self._opening = False
        self.opened = False

        self.status_label = QLabel(window)
        self.status_label.setObjectName("localDataUnavailable")
        set_text_role(self.status_label, TextRole.ERROR, bold=True)
        self.status_label.setText(self.tr("⚠ Changes NOT saved on this laptop"))
        window.statusBar().addPermanentWidget(self.status_label)

        self.menu = QMenu(self.tr("&Offline"), window)
        self.menu.setObjectName("offlineMenu")
        self.reason_action = QAction(window)
        self.reason_action.setObjectName("localDataUnavailableReason")
        self.reason_action.setEnabled(False)
        self.retry_action = QAction(self.tr("&Try again to open the local data"), window)
        self.retry_action.setObjectName("retryLocalDataAction")
        self.retry_action.triggered.connect(self.try_again)
        self.menu.addAction(self.reason_action)
        self.menu.addAction(self.retry_action)
        bar = window.menuBar()
        if menu_before is not None:
            bar.insertMenu(menu_before.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)

        self.notice = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Changes cannot be saved on this laptop"),
            "",
            QMessageBox.StandardButton.Ok,
            window,
        )
        self.notice.setObjectName("localDataUnavailableNotice")
        self._show_failure(self.failure)
        self.notice.open()
        self._schedule_retry()

    # --- what the technician sees ---------------------------------------------------------------

    def _show_failure(self, failure: SaveFailure) -> None:
        self.failure = failure
        reason = storage_problem_text(failure.problem)
        if failure.problem is StorageProblem.NEWER_VERSION:
            text = self.tr(
                "The local data was made by a newer version of Saveris Desktop and is left untouched. "
                "Install that version again to get your drafts and waiting changes back. Until then, "
                "what you type here is NOT kept when the app closes, and changes cannot wait for the "
                "cloud without a network."
            )
        else:
            text = self.tr(
                "The local data cannot be used: %1. Until this is fixed, what you type is NOT kept "
                "when the app closes, and changes cannot wait for the cloud without a network. It is "
                "tried again by itself."
            ).replace("%1", reason)
        self.notice.setText(text)
        self.notice.setDetailedText(failure.detail)
        self.status_label.setToolTip(text)
        self.reason_action.setText(self.tr("Not saved on this laptop: %1").replace("%1", reason))
        self._tell_editors(failure)

    def _tell_editors(self, failure: SaveFailure | None) -> None:
        """The device view's editors say it in their banners (those of a site shown later too)."""
        view = self._devices_view
        if view is not None and isValid(view):
            view.show_save_state(failure)

    # --- trying again ---------------------------------------------------------------------------

    def _schedule_retry(self) -> None:
        if self.failure.problem is StorageProblem.NEWER_VERSION or self.tasks.closed:
            return
        delay = self._retry_seconds[min(self._attempts, len(self._retry_seconds) - 1)]
        self.tasks.spawn(self._retry_after(delay), name="retry-open")

    async def _retry_after(self, delay: float) -> None:
        import asyncio

        await asyncio.sleep(delay)
        await self._attempt()

    def try_again(self) -> None:
        """*Try again*: at once."""
        if not self.tasks.closed:
            self.tasks.spawn(self._attempt(), name="open-now")

    async def _attempt(self) -> None:
        if self._opening or self.opened:
            return
        self._opening = True
        try:
            work = await self._open_work()
        except StoreError as error:
            self._attempts += 1
            log.warning("the local data still cannot be opened: %s", error)
            self._show_failure(SaveFailure(error.problem, str(error)))
            self._schedule_retry()
            return
        finally:
            self._opening = False
        log.info("the local data could be opened after all")
        self.opened = True
        self.tasks.cancel_all()  # a retry still waiting (after *Try again* worked) is not needed
        self._remove()
        self._tell_editors(None)  # the editors say "saved again"
        self.sig_opened.emit(work)

    def _remove(self) -> None:
        if not isValid(self.window):
            return
        self.notice.close()
        self.window.statusBar().removeWidget(self.status_label)
        self.status_label.deleteLater()
        self.window.menuBar().removeAction(self.menu.menuAction())
        self.menu.deleteLater()

    async def aclose(self) -> None:
        await self.tasks.aclose()
