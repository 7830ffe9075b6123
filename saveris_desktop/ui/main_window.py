"""The app shell: menus, toolbar, status bar and the central area (welcome page or device table).

It is built before anything slow is imported, so the first paint is quick; `attach_services()` adds
what needs the API client once app.py has loaded it. The window never quits the application by
itself: closing it emits `sig_quit_requested`, and app.py runs the one, idempotent shutdown.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# No `Qt` namespace here: touching it builds ~125 enums (15 ms), a cost the first paint need not pay.
# Nor classes the first paint does not use (message boxes, the demo's dock, key sequences): importing
# a class by name builds its enums (about 1 ms each); they are imported where they are used.
from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from saveris_desktop import APP_NAME
from saveris_desktop.ui.ui_state import UiState

if TYPE_CHECKING:  # heavy imports stay out of the first paint
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QDockWidget

    from saveris_desktop.core.commissioning.report import OpenPlanRow
    from saveris_desktop.core.devices.watcher import WatchTiming
    from saveris_desktop.core.onboarding.onboarding_drafts import OnboardingDrafts
    from saveris_desktop.core.runtime.cloud_access import CloudAccess
    from saveris_desktop.core.runtime.services import AppServices
    from saveris_desktop.ui.devices.view import DevicesView
    from saveris_desktop.ui.wizard import OnboardingWizard

log = logging.getLogger(__name__)


class WelcomePage(QWidget):
    """What the window shows until a site is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Put a logger into service"), self)
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Sign in, choose the site, get its connect key and follow the steps with the logger in "
                "your hand. The app notices when the logger has joined."
            ),
            self,
        )
        text.setObjectName("welcomeText")
        text.setWordWrap(True)
        self.start_button = QPushButton(self.tr("&Add a logger …"), self)
        self.start_button.setObjectName("welcomeStartButton")
        self.start_button.setAccessibleName(self.tr("Add a logger"))
        self.start_button.setEnabled(False)
        self.status = QLabel(self.tr("Getting ready …"), self)
        self.status.setObjectName("welcomeStatus")
        # A column of readable width in the middle of the window, its text left-aligned (plain text:
        # rich text or alignment flags would cost the first paint ~15 ms each).
        column = QWidget(self)
        column.setObjectName("welcomeColumn")
        column.setMaximumWidth(text.fontMetrics().averageCharWidth() * 75)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        inner.addWidget(text)
        button_row = QHBoxLayout()
        button_row.addWidget(self.start_button)
        button_row.addStretch(1)
        inner.addLayout(button_row)
        inner.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


class MainWindow(QMainWindow):
    sig_first_paint = Signal()
    sig_quit_requested = Signal()

    def __init__(self, ui_state: UiState | None = None, *, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)
        self.ui_state = ui_state or UiState()
        self.demo = demo
        self.services: AppServices | None = None
        self.onboarding_drafts: OnboardingDrafts | None = None
        self.devices_view: DevicesView | None = None
        self.demo_dock: QDockWidget | None = None
        self.demo_panel: QWidget | None = None
        self.wizard: OnboardingWizard | None = None
        self._guide: QWidget | None = None  # Help → Commissioning guide, while open
        #: polling timing for the wizard's waiting page; None: the defaults (tests pass faster ones)
        self.wizard_timing: WatchTiming | None = None
        self._painted = False
        self._closing = False
        #: View → Language, "Restart now": the window closes like Quit and app.py starts the app again
        self.restart_requested = False
        #: asked before the window closes; one answering False keeps it open (and tells the
        #: technician why, e.g. changes that could not be saved on this laptop)
        self.close_guards: list[Callable[[], bool]] = []
        # The window system adds the application's display name ("Demo — Saveris Desktop"); the
        # title repeated it ("Saveris Desktop — demo — Saveris Desktop").
        self.setWindowTitle(self.tr("Demo") if demo else APP_NAME)

        self.welcome = WelcomePage(self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("centralStack")
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.welcome.start_button.clicked.connect(self.start_onboarding)

        self._build_actions()
        self._build_status_bar()
        geometry = self.ui_state.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(self.default_geometry())

    def default_geometry(self) -> QRect:
        """Most of the screen, centred: the device table, the wizard and (demo) the virtual logger
        panel side by side. A fixed size in characters was a small window on a large screen."""
        metrics = self.fontMetrics()
        size = QSize(metrics.averageCharWidth() * 150, metrics.height() * 45)
        screen = self.screen()
        if screen is None:
            return QRect(QPoint(0, 0), size)
        room = screen.availableGeometry()
        size = size.expandedTo(room.size() * 0.85).boundedTo(room.size())
        area = QRect(QPoint(0, 0), size)
        area.moveCenter(room.center())
        return area

    # --- construction --------------------------------------------------------------------------

    def _action(self, name: str, text: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(text.replace("&", "").rstrip(" …"))
        return action

    def install_shortcuts(self) -> None:
        """Keyboard shortcuts, set once the window has painted: the first QKeySequence makes PySide
        build the whole Qt namespace of enums, which would delay the first paint. Idempotent."""
        from PySide6.QtGui import QKeySequence

        self.add_logger_action.setShortcut(QKeySequence("Ctrl+N"))
        # The platform's Quit keys; some platform themes define none, then Ctrl+Q.
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        self.quit_action.setShortcuts(quit_keys)

    def _build_actions(self) -> None:
        self.add_logger_action = self._action("addLoggerAction", self.tr("&Add a logger …"))
        self.add_logger_action.setEnabled(False)
        self.add_logger_action.triggered.connect(self.start_onboarding)
        self.report_action = self._action("commissioningReportAction", self.tr("Commissioning &report …"))
        self.report_action.setEnabled(False)  # once a site is chosen
        self.report_action.triggered.connect(lambda: self.open_commissioning_report())
        self.sign_out_action = self._action("signOutAction", self.tr("Sign &out"))
        self.sign_out_action.setEnabled(False)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = self._action("quitAction", self.tr("&Quit"))
        self.quit_action.triggered.connect(self.close)
        self.log_folder_action = self._action("openLogFolderAction", self.tr("Open the &log folder"))
        self.log_folder_action.triggered.connect(self._open_log_folder)
        self.check_connection_action = self._action(
            "checkConnectionAction", self.tr("&Check the connection to the cloud …")
        )
        self.check_connection_action.setEnabled(False)
        self.check_connection_action.triggered.connect(self.open_connection_check)
        self.connect_key_action = self._action(
            "showConnectKeyAction", self.tr("Show the site's connect &key …")
        )
        self.connect_key_action.setEnabled(False)
        self.connect_key_action.triggered.connect(self.show_connect_key)
        self.guide_action = self._action("commissioningGuideAction", self.tr("Commissioning &guide …"))
        self.guide_action.triggered.connect(self.show_commissioning_guide)
        self.about_action = self._action("aboutAction", self.tr("&About %1").replace("%1", APP_NAME))
        self.about_action.triggered.connect(self._about)

        menu_bar = self.menuBar()
        menu_bar.setObjectName("menuBar")
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.add_logger_action)
        file_menu.addAction(self.report_action)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        # Site-wide work (commissioning several loggers) attaches its actions here
        self.site_menu = menu_bar.addMenu(self.tr("&Site"))
        self.site_menu.setObjectName("siteMenu")
        self.view_menu = menu_bar.addMenu(self.tr("&View"))
        self.view_menu.setObjectName("viewMenu")
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.connect_key_action)
        self.help_menu.addAction(self.log_folder_action)
        self.help_menu.addAction(self.check_connection_action)
        self.help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setAccessibleName(self.tr("Main toolbar"))
        # Its action has no icon, so the button shows the text.
        toolbar.addAction(self.add_logger_action)
        button = toolbar.widgetForAction(self.add_logger_action)
        if button is not None:
            button.setObjectName("addLoggerToolButton")
            button.setAccessibleName(self.tr("Add a logger"))
        self.addToolBar(toolbar)
        self.view_menu.addAction(toolbar.toggleViewAction())
        self._build_language_menu()

    def _build_language_menu(self) -> None:
        """View → Language: System, then each language in its own name (a reader finds their own)."""
        from PySide6.QtGui import QActionGroup

        from saveris_desktop.ui import i18n

        menu = self.view_menu.addMenu(self.tr("&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(menu)
        group.setExclusive(True)
        chosen = self.ui_state.language()
        system_name = next(
            (lang.native_name for lang in i18n.offered() if lang.code == i18n.language_for(i18n.SYSTEM)), ""
        )
        choices = [(i18n.SYSTEM, self.tr("System (%1)").replace("%1", system_name))]
        choices += [(lang.code, lang.native_name) for lang in i18n.offered()]
        self.language_actions: dict[str, QAction] = {}
        for choice, text in choices:
            action = QAction(text, group)
            action.setObjectName(f"languageAction_{choice}")
            action.setCheckable(True)
            action.setChecked(choice == chosen or (choice == i18n.SYSTEM and chosen not in dict(choices)))
            action.triggered.connect(lambda _checked=False, c=choice: self.choose_language(c))
            menu.addAction(action)
            self.language_actions[choice] = action

    def choose_language(self, choice: str) -> None:
        """Store the choice; it applies at the next start, which the technician may do right away."""
        from saveris_desktop.ui import i18n

        self.ui_state.set_language(choice)
        self.ui_state.sync()
        if i18n.language_for(choice) == i18n.current_language():
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("languageRestartDialog")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Language"))
        box.setText(self.tr("The new language is used when %1 starts again.").replace("%1", APP_NAME))
        box.setInformativeText(
            self.tr(
                "Nothing you typed is lost: drafts are saved as you type and open again after the "
                "restart. Changes waiting for the cloud stay queued."
            )
        )
        restart = box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        restart.setObjectName("languageRestartButton")
        later = box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        later.setObjectName("languageLaterButton")
        box.setDefaultButton(later)
        restart.clicked.connect(self.restart)
        box.open()

    def restart(self) -> None:
        """Close through the one shutdown path; app.py starts the app again once it has finished."""
        self.restart_requested = True
        if not self.close():
            # A close guard kept the window open (changes not saved on this laptop): no restart
            # is pending, or a later, unrelated quit would start the app again.
            self.restart_requested = False

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.server_label = QLabel(self.tr("Starting …"), self)
        self.server_label.setObjectName("statusServer")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.site_label = QLabel(self)
        self.site_label.setObjectName("statusSite")
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("statusConnection")
        for label in (self.server_label, self.user_label, self.site_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.connection_label)

    # --- services ------------------------------------------------------------------------------

    def attach_services(
        self,
        services: AppServices,
        *,
        access: CloudAccess | None = None,
        onboarding_drafts: OnboardingDrafts | None = None,
    ) -> None:
        """`access`: the client stack for the device view (core.runtime.cloud_access; the plain client when
        None); `onboarding_drafts`: where the wizard's input is kept between runs (None: nowhere)."""
        self.install_shortcuts()
        self.services = services
        self.onboarding_drafts = onboarding_drafts
        services.sig_signed_in.connect(lambda _user: self._update_status())
        services.sig_site_changed.connect(self._site_changed)
        services.sig_connectivity.connect(self._connectivity_changed)
        self.add_logger_action.setEnabled(True)
        self.check_connection_action.setEnabled(True)
        self.connect_key_action.setEnabled(True)
        self.welcome.start_button.setEnabled(True)
        self.welcome.status.setText("")
        self._embed_devices_view(services, access)
        if services.simulator is not None:
            self._add_demo_panel(services)
        self._update_status()

    def keep_onboarding_drafts(self, drafts: OnboardingDrafts) -> None:
        """The local data opened only after start-up (ui/offline/unavailable.py): from now on the
        wizard's input is kept there, as with `attach_services(onboarding_drafts=...)`."""
        self.onboarding_drafts = drafts

    def _embed_devices_view(self, services: AppServices, access: CloudAccess | None) -> None:
        try:
            from saveris_desktop.ui.devices.view import DevicesView
        except ImportError:  # the editors are optional for the shell; log why they are missing
            log.exception("the device view could not be loaded")
            return
        view = DevicesView(services, self, access=access, ui_state=self.ui_state)
        self.devices_view = view
        self.stack.addWidget(view)

    def _add_demo_panel(self, services: AppServices) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget, QScrollArea

        from saveris_desktop.ui.demo_panel import DemoPanel

        dock = QDockWidget(self.tr("Virtual logger"), self)
        dock.setObjectName("demoDock")
        dock.setAccessibleName(self.tr("Virtual logger panel"))
        panel = DemoPanel(services, dock)
        # Scrolls when the window is low (a laptop screen): squeezed, its messages were cut off.
        scroll = QScrollArea(dock)
        scroll.setObjectName("demoScroll")
        scroll.setAccessibleName(self.tr("Virtual logger panel"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        scroll.setMinimumWidth(
            panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )
        dock.setWidget(scroll)
        self.demo_panel = panel
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.show()  # now, not on a later pass: the wizard is placed beside it right away
        self.view_menu.addAction(dock.toggleViewAction())
        self.demo_dock = dock

    # --- onboarding ----------------------------------------------------------------------------

    def start_onboarding(self) -> None:
        if self.services is None:
            return
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog

        from saveris_desktop.ui.wizard import OnboardingWizard

        drafts = self.onboarding_drafts
        saved = drafts.latest if drafts is not None else None
        wizard = OnboardingWizard(
            self.services,
            ui_state=self.ui_state,
            timing=self.wizard_timing,
            data=saved.data if saved is not None else None,
            resume_at=saved.step if saved is not None else None,
            parent=self,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if drafts is not None:  # registered explicitly: the flow's data is what is kept
            flow = wizard.flow
            wizard.sig_flow_changed.connect(lambda: drafts.changed(flow))
            wizard.finished.connect(
                lambda result: drafts.finished(flow, accepted=result == QDialog.DialogCode.Accepted.value)
            )
        wizard.sig_configure_device.connect(self.open_device)
        wizard.sig_flow_changed.connect(self._wizard_flow_changed)
        wizard.finished.connect(self._wizard_finished)
        self.wizard = wizard
        # Not modal: the demo panel (a dock of this window) must stay usable while the wizard waits.
        wizard.setModal(False)
        wizard.show()
        self._place_beside_demo_panel(wizard)

    def _place_beside_demo_panel(self, wizard: QWidget) -> None:
        """Centre the wizard over the part of the window left of the demo panel, so both stay in view
        (centred on the window it covered the panel the technician needs next)."""
        dock = self.demo_dock
        if dock is None or dock.isHidden() or dock.isFloating():
            return
        layout = self.layout()
        if layout is not None:
            layout.activate()  # a panel added a moment ago (first start) is not placed yet
        left = self.frameGeometry().left()
        dock_left = dock.mapToGlobal(QPoint(0, 0)).x()
        frame = wizard.frameGeometry()
        if frame.width() > dock_left - left:
            return  # no room: leave it where the window system put it
        frame.moveCenter(QPoint((left + dock_left) // 2, self.frameGeometry().center().y()))
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            frame.moveTop(max(room.top(), min(frame.top(), room.bottom() - frame.height())))
        wizard.move(frame.topLeft())

    def open_device(self, uuid: str) -> None:
        services = self.services
        if services is None or services.site is None or self.devices_view is None:
            return
        view = self.devices_view
        view.show_site(services.site)
        self.stack.setCurrentWidget(view)
        view.open_device(uuid)

    def _wizard_flow_changed(self) -> None:
        from saveris_desktop.core.onboarding.flow import Step

        # The wizard saw a new logger: list it now, not at the device table's next poll (unless the
        # table had the listing in which the wizard saw it: they share one poller per site).
        if self.wizard is not None and self.wizard.flow.step is Step.FOUND and self.devices_view is not None:
            self.devices_view.refresh_now(unless_listed=self.wizard.flow.data.last_found_uuid)

    def _wizard_finished(self, _result: int) -> None:
        self.wizard = None
        if self.services is not None and self.services.site:
            self._site_changed(self.services.site)

    def sign_out(self) -> None:
        services = self.services
        if services is None:
            return
        services.tasks.spawn(
            services.sign_out(), name="sign-out", on_result=lambda _r: self.start_onboarding()
        )

    # --- status --------------------------------------------------------------------------------

    def _site_changed(self, site: str | None) -> None:
        if site and self.devices_view is not None:
            self.devices_view.show_site(site)
            self.stack.setCurrentWidget(self.devices_view)
        elif not site:  # signed out: nothing of the old site stays on screen
            self.stack.setCurrentWidget(self.welcome)
        self._update_status()

    def _connectivity_changed(self, online: bool) -> None:
        self._update_status()

    def _update_status(self) -> None:
        services = self.services
        if services is None:
            return
        self.server_label.setText(self.tr("Server: %1").replace("%1", services.endpoint.label))
        user = services.username
        self.user_label.setText(
            self.tr("Signed in as %1").replace("%1", user) if user else self.tr("Not signed in")
        )
        self.site_label.setText(self.tr("Site: %1").replace("%1", services.site) if services.site else "")
        self.report_action.setEnabled(bool(services.site) and user is not None)
        self.sign_out_action.setEnabled(user is not None)
        if services.online is False:
            self.connection_label.setText(self.tr("Offline — will reconnect by itself"))
        elif services.online:
            self.connection_label.setText(self.tr("Online"))
        else:
            self.connection_label.setText("")

    # --- lifecycle -----------------------------------------------------------------------------

    def wait_for_first_paint(self, timeout_ms: int = 5000) -> bool:
        """Spin Qt until the window has painted (before the asyncio loop exists); False on timeout.

        The timeout keeps a window that starts minimised (and so never paints) from blocking start-up.
        """
        if not self._painted:
            loop = QEventLoop(self)
            self.sig_first_paint.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
        return self._painted

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint has reached the screen, not in the middle of it.
            QTimer.singleShot(0, self.sig_first_paint.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not all(guard() for guard in list(self.close_guards)):
            event.ignore()
            return
        if not self._closing:
            self._closing = True
            self.ui_state.set_window_geometry(self.saveGeometry())
            self.ui_state.sync()
            if self.wizard is not None:
                self.wizard.shutdown()
        event.accept()
        self.sig_quit_requested.emit()

    async def aclose(self) -> None:
        """Stop what the window owns (polling of the device view, the wizard's work). Idempotent."""
        if self.wizard is not None:
            self.wizard.shutdown()
        view = self.devices_view
        if view is not None:
            await view.aclose()

    def show_commissioning_guide(self) -> QWidget:
        """Help → Commissioning guide: the procedure, the documented LED state, the log and data
        folders. One at a time: asked again, the open one comes to the front."""
        from PySide6.QtCore import Qt

        from saveris_desktop.ui.help_guide import CommissioningGuideDialog

        dialog = self._guide
        if dialog is None or not isValid(dialog) or not dialog.isVisible():
            dialog = CommissioningGuideDialog(self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a closed one is not kept hidden
            self._guide = dialog
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_connect_key(self) -> QWidget | None:
        """Help → Show the site's connect key: again, large and as a QR code, for the next logger."""
        if self.services is None:
            return None
        from PySide6.QtCore import Qt

        from saveris_desktop.ui.connect_key_dialog import ConnectKeyDialog

        dialog = ConnectKeyDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_connection_check(self) -> QWidget | None:
        """Help → Check the connection to the cloud (core.onboarding.first_contact, as
        `saveris-cli check-api`)."""
        if self.services is None:
            return None
        from saveris_desktop.ui.first_contact_dialog import FirstContactDialog

        dialog = FirstContactDialog(self.services, self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def open_commissioning_report(
        self, open_plan_rows: Sequence[OpenPlanRow] | None = None
    ) -> QWidget | None:
        """File → Commissioning report of the current site; `open_plan_rows`: a plan's rows that were
        not completed (the plan's runner hands them in), None when no plan was used."""
        services = self.services
        if services is None or not services.site:
            return None
        from PySide6.QtCore import Qt

        from saveris_desktop.ui.commissioning.report_dialog import CommissioningReportDialog

        dialog = CommissioningReportDialog(
            services, services.site, ui_state=self.ui_state, open_plan_rows=open_plan_rows, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from saveris_desktop.core.runtime import paths

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from saveris_desktop import __version__

        box = QMessageBox(self)
        box.setObjectName("aboutDialog")
        box.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        box.setText(
            QCoreApplication.translate("MainWindow", "%1 %2\nPuts testo Saveris loggers into service.")
            .replace("%1", APP_NAME)
            .replace("%2", __version__)
        )
        if self.services is not None:
            box.setInformativeText(self._connection_lines(self.services.endpoint.base_url))
        box.open()

    def _connection_lines(self, base_url: str) -> str:
        """How the app reaches the cloud: the proxy in use and the trusted roots (never credentials)."""
        from saveris_desktop.api.connection import connection_settings

        settings = connection_settings(base_url)
        proxy = settings.proxy
        if proxy.url:
            via = self.tr("Connection: through the proxy %1 (%2)").replace("%1", proxy.shown or "")
            via = via.replace("%2", proxy.source or "")
        else:
            via = self.tr("Connection: direct, no proxy")
        roots = self.tr("Trusted certificates: %1").replace("%1", ", ".join(settings.certificate_sources))
        notes = [note for note in (proxy.note, settings.certificate_note) if note]
        return "\n".join([via, roots, *notes])
