"""Site → Commission several loggers …: puts the commissioning window into the main window.

One call from app.py once the offline work exists (`install_commissioning(window, work)`): it
takes the window only as the parent of what it opens and its public `site_menu`, so this feature
depends on no other feature of the ui (import-linter's ui-features contract).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from saveris_desktop.core.commissioning.report import OpenPlanRow
from saveris_desktop.core.devices.watcher import WatchTiming
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.ui.commissioning.window import CommissioningWindow

#: opens the commissioning report with the plan's rows not completed (OpenPlanRow)
ReportOpener = Callable[[list[OpenPlanRow]], object]


class CommissioningActions(QObject):
    def __init__(
        self,
        window: QWidget,
        site_menu: QMenu,
        work: OfflineWork,
        timing: WatchTiming | None = None,
        *,
        open_report: ReportOpener | None = None,
    ) -> None:
        """`open_report`: opens the commissioning report with the plan's rows not done (the main
        window's File → Commissioning report); None: the board offers no report."""
        super().__init__(window)
        self.setObjectName("commissioningActions")
        self.window = window
        self.work = work
        self.timing = timing
        self.open_report = open_report
        self.open_window: CommissioningWindow | None = None
        self.action = QAction(self.tr("&Commission several loggers …"), window)
        self.action.setObjectName("commissionAction")
        self.action.setToolTip(self.tr("A plan of loggers for this site, applied as each one joins"))
        self.action.triggered.connect(self.open_commissioning)
        site_menu.addAction(self.action)

    def _window_closed(self, _result: int) -> None:
        self.open_window = None

    def open_commissioning(self) -> CommissioningWindow | None:
        services, engine = self.work.services, self.work.engine
        if engine is None or not services.site:
            box = QMessageBox(self.window)
            box.setObjectName("commissioningNeedsSite")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Commission several loggers"))
            box.setText(
                self.tr("Sign in and choose a site first: File → Add a logger picks or creates one.")
                if engine is None or services.site is None
                else self.tr("Choose a site first: File → Add a logger picks or creates one.")
            )
            box.open()
            return None
        current = self.open_window
        if current is not None and current.isVisible() and current.site == services.site:
            current.raise_()
            current.activateWindow()
            return current
        window = CommissioningWindow(self.work, engine, services.site, self.window, timing=self.timing)
        window.finished.connect(self._window_closed)
        if self.open_report is not None:
            window.sig_report_requested.connect(self.open_report)
        else:
            window.report_button.hide()
        self.open_window = window
        window.setModal(False)
        window.show()
        return window


def install_commissioning(
    window: QWidget, site_menu: QMenu, work: OfflineWork, open_report: ReportOpener | None = None
) -> CommissioningActions:
    return CommissioningActions(window, site_menu, work, open_report=open_report)
