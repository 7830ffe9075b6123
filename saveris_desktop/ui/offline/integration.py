"""Puts the offline work into the main window: status bar, menu, damaged-database notice, drafts, cache.

One call from app.py (`install_offline(window, work)`) once the services and the offline work exist;
the window's own code stays unaware of it apart from the public hooks it offers (status bar, menus,
the device view's `on_session_change` and its watcher's `sig_devices`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMenu, QMessageBox, QWidget
from shiboken6 import isValid

from saveris_desktop.api.models import Device
from saveris_desktop.core.audited_client import AuditedClient
from saveris_desktop.core.autosave import ResumedDraft, SaveFailure, edits_between
from saveris_desktop.core.cached_client import CacheBackedClient
from saveris_desktop.core.editing import EditSession
from saveris_desktop.core.editor_drafts import EditorDrafts
from saveris_desktop.core.offline import OfflineWork
from saveris_desktop.core.store import utc_now
from saveris_desktop.core.tasks import TaskOwner
from saveris_desktop.core.watcher import WatchStatus
from saveris_desktop.ui import locale_format
from saveris_desktop.ui.devices.editor import EditorContext, SessionEditor
from saveris_desktop.ui.offline.audit_dialog import AuditLogDialog
from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog
from saveris_desktop.ui.offline.exchange_actions import ExchangeActions
from saveris_desktop.ui.offline.pending_dialog import PendingChangesDialog
from saveris_desktop.ui.offline.site_plan_dialog import SitePlanDialog
from saveris_desktop.ui.offline.status_widget import SyncStatusWidget
from saveris_desktop.ui.offline.templates_dialog import TemplatesDialog
from saveris_desktop.ui.offline.wizard_drafts import WizardDrafts
from saveris_desktop.ui.widgets.save_banner import storage_problem_text

if TYPE_CHECKING:
    from saveris_desktop.api.client import DeviceManagementClient

log = logging.getLogger(__name__)


class OfflineIntegration(QObject):
    """Owns the offline UI pieces of one main window (kept alive as a child of the window)."""

    def __init__(self, window: QMainWindow, work: OfflineWork) -> None:
        super().__init__(window)
        self.setObjectName("offlineIntegration")
        self.window = window
        self.work = work
        self.tasks = TaskOwner("offline-ui")
        self.dialogs: dict[str, QDialog] = {}
        self.devices_view: QWidget | None = None
        self.watcher: Any = None
        self._replaying = False
        self._replayed_sites: set[str] = set()
        self.problem_box: QMessageBox | None = None

        self.status_widget = SyncStatusWidget(window)
        # This widget says online/offline together with the changes waiting: the shell's plain
        # connection label would say the same twice.
        shell_connection = window.findChild(QLabel, "statusConnection")
        if shell_connection is not None:
            shell_connection.hide()
        window.statusBar().addPermanentWidget(self.status_widget)
        self.status_widget.sig_open_pending.connect(self.show_pending)
        work.sig_status.connect(self.status_widget.show_status)
        self.tasks.spawn(work.status(), name="status", on_result=self.status_widget.show_status)

        self.exchange = ExchangeActions(work, window)
        self.editor_drafts = EditorDrafts(
            work.drafts, lambda: work.endpoint, lambda: work.services.site, self.tasks
        )
        # A draft that could not be saved is said at once: status bar and every editor's banner.
        self._saving_context: EditorContext | None = None
        self._save_failures: dict[str, SaveFailure] = {}  # by source: "editors", "wizard"
        self.editor_drafts.sig_save_failed.connect(lambda failure: self._save_state("editors", failure))
        self.editor_drafts.sig_saved_again.connect(lambda _none: self._save_state("editors", None))
        self._build_menu()
        self._hook_device_view()
        self.wizard_drafts = WizardDrafts(work, window)
        self.wizard_drafts.sig_save_state.connect(lambda failure: self._save_state("wizard", failure))
        # Quitting while changes cannot be saved would lose them: ask first (MainWindow's hook).
        self._quit_confirmed = False
        self.unsaved_box: QMessageBox | None = None
        guards = getattr(window, "close_guards", None)
        if isinstance(guards, list):
            guards.append(self._may_close)
        # A field that loses focus is saved at once (the idle second is for typing that pauses).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        if work.problem is not None:
            self._tell_about_damaged_database(work.problem.message)

    # --- menus ----------------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Any, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setToolTip(text.replace("&", "").rstrip(" …"))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menu(self) -> None:
        self.pending_action = self._action(
            "pendingChangesAction",
            self.tr("&Changes waiting for the cloud …"),
            self.show_pending,
            "Ctrl+Shift+P",
        )
        self.audit_action = self._action("auditLogAction", self.tr("&Audit log …"), self.show_audit_log)
        self.templates_action = self._action("templatesAction", self.tr("&Templates …"), self.show_templates)
        self.site_plan_action = self._action(
            "sitePlanAction", self.tr("&Prepare a site offline …"), self.show_site_plan
        )
        self.export_action = self._action(
            "exportDraftsAction", self.tr("&Export drafts and templates …"), self.exchange.export_with_dialog
        )
        self.import_action = self._action(
            "importDraftsAction", self.tr("&Import drafts and templates …"), self.exchange.import_with_dialog
        )
        menu = QMenu(self.tr("&Offline"), self.window)
        menu.setObjectName("offlineMenu")
        for action in (self.pending_action, self.audit_action, self.templates_action, self.site_plan_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        bar = self.window.menuBar()
        help_menu = bar.findChild(QMenu, "helpMenu")
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        self.menu = menu

    # --- dialogs (one of each; shown again if already open) ---------------------------------------

    def _show(self, key: str, factory: Any) -> QDialog:
        dialog = self.dialogs.get(key)
        if dialog is None or not dialog.isVisible():
            dialog = factory()
            dialog.finished.connect(lambda _r, k=key: self.dialogs.pop(k, None))
            self.dialogs[key] = dialog
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_pending(self) -> PendingChangesDialog:
        dialog = self._show("pending", lambda: PendingChangesDialog(self.work, self.window))
        assert isinstance(dialog, PendingChangesDialog)  # noqa: S101
        return dialog

    def show_audit_log(self) -> AuditLogDialog:
        dialog = self._show("audit", lambda: AuditLogDialog(self.work, self.window))
        assert isinstance(dialog, AuditLogDialog)  # noqa: S101
        return dialog

    def show_templates(self) -> TemplatesDialog:
        dialog = self._show("templates", lambda: TemplatesDialog(self.work, self.window))
        assert isinstance(dialog, TemplatesDialog)  # noqa: S101
        return dialog

    def show_site_plan(self) -> SitePlanDialog:
        dialog = self._show("site-plan", lambda: SitePlanDialog(self.work, self.window))
        assert isinstance(dialog, SitePlanDialog)  # noqa: S101
        return dialog

    # --- device view hooks ----------------------------------------------------------------------

    def _hook_device_view(self) -> None:
        view = getattr(self.window, "devices_view", None)
        if view is None:
            return
        self.devices_view = view
        if hasattr(view, "on_session_change"):
            view.on_session_change = self.editor_drafts.session_changed
        watcher = getattr(view, "watcher", None)
        if watcher is not None and hasattr(watcher, "sig_devices"):
            self.watcher = watcher
            watcher.sig_devices.connect(self._devices_polled)
            watcher.sig_status.connect(self._watch_status)
        # The view builds a new editor context per site, then announces the site.
        self.work.services.sig_site_changed.connect(lambda _site: self._hook_context())
        self._hook_context()

    def _hook_context(self) -> None:
        context = getattr(self.devices_view, "context", None)
        if isinstance(context, EditorContext):
            if context is not self._saving_context:  # a new site's editors learn the state at once
                self._saving_context = context
                if self._save_failures:
                    context.draft_saving.emit(next(reversed(self._save_failures.values())))
                # Edits typed before the local data could be opened (ui/offline/unavailable.py) are
                # saved now, not only after the next keystroke.
                for session in list(context.sessions.values()):
                    if session.dirty:
                        self.editor_drafts.session_changed(session)
            context.on_session_created = self._session_created
            context.queue_offline = self._queue_offline
            if not isinstance(context.client, CacheBackedClient):
                # duck-typed: the client's methods; reads answered from the cache when offline, writes
                # recorded in the audit log
                audited = AuditedClient(
                    context.client,
                    self.work.audit,
                    self.work.cache,
                    endpoint=lambda: self.work.endpoint,
                    user=lambda: self.work.services.username,
                )
                wrapped = CacheBackedClient(
                    audited, self.work.cache, lambda: self.work.endpoint, self._served_from_cache
                )
                context.client = cast("DeviceManagementClient", wrapped)
            # the sensor directory (sensor names, and the create-object dialog) talks to the same cloud
            directory = getattr(self.devices_view, "directory", None)
            if directory is not None and not isinstance(
                getattr(directory, "client", None), CacheBackedClient
            ):
                directory.client = context.client

    def _save_state(self, source: str, failure: SaveFailure | None) -> None:
        """Say the newest failure of any source; "saved again" only once no source fails."""
        self._save_failures.pop(source, None)
        if failure is not None:
            self._save_failures[source] = failure
        elif self._save_failures:
            return  # another source still cannot save
        shown = next(reversed(self._save_failures.values()), None)
        self.status_widget.show_save_state(shown)
        if self._saving_context is not None:
            self._saving_context.draft_saving.emit(shown)

    def _may_close(self) -> bool:
        """MainWindow's close guard: with changes not saved on this laptop, ask before they are lost."""
        if not self._save_failures or self._quit_confirmed or self.tasks.closed:
            return True
        failure = next(reversed(self._save_failures.values()))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Changes not saved"),
            self.tr(
                "Your changes are NOT saved on this laptop: %1. If you quit now, they are lost. "
                "Keep the app open to send them with Apply, or to fix the cause and let them be saved."
            ).replace("%1", storage_problem_text(failure.problem)),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        box.setObjectName("unsavedOnQuitNotice")
        keep = box.addButton(self.tr("Keep the app open"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepAppOpenButton")
        quit_anyway = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        quit_anyway.setObjectName("quitAnywayButton")
        box.setDefaultButton(keep)

        def chosen(button: object) -> None:
            if button is quit_anyway:
                self._quit_confirmed = True
                self.window.close()

        box.buttonClicked.connect(chosen)
        self.unsaved_box = box
        box.open()  # not exec(): a nested event loop under qasync would stall the retries
        return False

    def _served_from_cache(self, _kind: str, _object_id: str, fetched_at: str) -> None:
        self.status_widget.show_data_age(locale_format.age(utc_now() - datetime.fromisoformat(fetched_at)))

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if not self.tasks.closed and self.editor_drafts.pending:
            self.tasks.spawn(self.editor_drafts.flush_all(), name="flush-drafts")

    def _session_created(self, session: EditSession) -> None:
        if self.tasks.closed:
            return
        key = self.editor_drafts.key_for(session)
        context = getattr(self.devices_view, "context", None)
        # A base the cloud did not let us read is a placeholder, not a version to keep.
        unread = isinstance(context, EditorContext) and session.key in context.unreadable
        if key is not None and not unread:  # the configuration as the cloud sent it: the last known version
            self.tasks.spawn(
                self.work.remember(key.site, key.kind, key.object_id, session.base), name="cache"
            )
        self.tasks.spawn(self._restore_draft(session), name="restore-draft")

    async def _restore_draft(self, session: EditSession) -> None:
        resumed = await self.editor_drafts.restore(session)
        if resumed is None:
            return
        if resumed.conflicts:
            self._ask_about_draft(session, resumed)
            return
        self._refresh_editors(session)

    def _ask_about_draft(self, session: EditSession, resumed: ResumedDraft) -> None:
        dialog = ConflictDialog(
            resumed.conflicts,
            title=self.tr("Your saved draft (%1)").replace("%1", session.key),
            parent=self.window,
        )

        def chosen() -> None:
            merged = resumed.merge.resolve(dialog.choices())
            session.restore(edits_between(session.base, merged))
            self._refresh_editors(session)

        dialog.accepted.connect(chosen)
        self.dialogs["draft-conflict"] = dialog
        dialog.open()

    def _refresh_editors(self, session: EditSession) -> None:
        view = self.devices_view
        if view is None or not isValid(view):  # the window is closing
            return
        for editor in view.findChildren(SessionEditor):
            if editor.session is session:
                editor.session_refreshed()

    async def _queue_offline(self, session: EditSession, payload: dict[str, Any]) -> None:
        key = self.editor_drafts.key_for(session)
        if key is None:
            raise RuntimeError(f"no offline queue for {session.key!r}")
        await self.editor_drafts.flush_all()
        await self.work.queue_change(key.site, key.kind, key.object_id, payload, session.base)

    def _devices_polled(self, devices: list[Device]) -> None:
        if self._replaying:
            return  # our own replay of the cache: not news from the cloud
        self.status_widget.show_data_age(None)
        site = self.work.services.site
        if site and not self.tasks.closed:
            self.tasks.spawn(self.work.remember_devices(site, devices), name="cache-devices")

    def _watch_status(self, status: WatchStatus) -> None:
        """Started offline: show the last known loggers of the site, with their age, until a poll works."""
        self._hook_context()  # a new site has a new editor context (also when the site was set earlier)
        view = self.devices_view
        model = getattr(view, "model", None)
        if (
            status.online is False
            and status.polls == 0
            and status.site not in self._replayed_sites
            and model is not None
            and model.rowCount() == 0
            and not self.tasks.closed
        ):
            self._replayed_sites.add(status.site)
            self.tasks.spawn(self._replay_cache(status.site), name="replay-cache")

    async def _replay_cache(self, site: str) -> None:
        devices, fetched_at = await self.work.cached_devices(site)
        if not devices or fetched_at is None or self.watcher is None or self.work.services.site != site:
            return
        self._replaying = True
        try:
            self.watcher.sig_devices.emit(devices)
        finally:
            self._replaying = False
        age = locale_format.age(utc_now() - datetime.fromisoformat(fetched_at))
        self.status_widget.show_data_age(age)

    def _tell_about_damaged_database(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Local data was damaged"),
            message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("damagedDatabaseNotice")
        self.problem_box = box
        box.open()

    async def aclose(self) -> None:
        if self.tasks.closed:
            return
        app = QApplication.instance()
        # With the window gone, Qt has dropped the connection together with this object already.
        if isinstance(app, QApplication) and isValid(self):
            app.focusChanged.disconnect(self._focus_changed)
        await self.editor_drafts.flush_all()
        await self.tasks.aclose()


def install_offline(window: QMainWindow, work: OfflineWork) -> OfflineIntegration:
    integration = OfflineIntegration(window, work)
    # flush typed edits before the database closes (closers run newest first)
    work.services.closers.append(integration.aclose)
    return integration
