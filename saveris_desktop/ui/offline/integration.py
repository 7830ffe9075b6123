"""Puts the offline work into the main window: status bar, menu, damaged-database notice, drafts, cache.

Built once by app.py (`install_offline(window, work, devices_view=..., ...)`) with everything it
attaches to passed in: the status bar widget it replaces, the menu it goes before, and the device
view, which it follows only through the view's public signals and methods (Spyder's plugins attach
to each other the same way): `sig_session_created` lays a saved draft over a new edit session and
keeps the configuration it was read from; `sig_session_changed` saves drafts; `sig_devices_listed`
keeps the last known list; `sig_listing_unavailable` is answered with `show_cached_devices()`.
Whether typed changes are really kept (the editors' and the wizard's drafts) is said at once in the
status bar and on every editor's banner (`DevicesView.show_save_state`); while they are not, closing
the window asks first (a guard in the `close_guards` it is given).
What waits in the outbox is told to the editors after every change of it (`DevicesView.show_outbox`,
from OfflineWork.outbox_follower): each derives its status from it. An editor's "Choose values…"
(`sig_choice_wanted`) opens the choice for that conflict here; the values chosen reach its form
through the outbox like any answer.
The client stack the editors use (cache, audit log, outbox) is built once at start-up
(core.runtime.cloud_access), not wrapped in here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QMessageBox, QWidget
from shiboken6 import isValid

from saveris_desktop.api.models import Device
from saveris_desktop.core.devices.editing import EditSession
from saveris_desktop.core.offline.autosave import ResumedDraft, SaveFailure, edits_between
from saveris_desktop.core.offline.change_words import Names
from saveris_desktop.core.offline.drafts import DraftKey
from saveris_desktop.core.offline.editor_status import OutboxSnapshot
from saveris_desktop.core.offline.merge import FieldPath, Side
from saveris_desktop.core.offline.outbox import OutboxItem, OutboxState
from saveris_desktop.core.offline.store import utc_now
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui import locale_format
from saveris_desktop.ui.devices.view import DevicesView
from saveris_desktop.ui.error_text import describe_error
from saveris_desktop.ui.offline.audit_dialog import AuditLogDialog
from saveris_desktop.ui.offline.conflict_dialog import ConflictDialog, conflict_title
from saveris_desktop.ui.offline.exchange_actions import ExchangeActions
from saveris_desktop.ui.offline.pending_dialog import PendingChangesDialog
from saveris_desktop.ui.offline.site_plan_dialog import SitePlanDialog
from saveris_desktop.ui.offline.status_widget import SyncStatusWidget
from saveris_desktop.ui.offline.templates_dialog import TemplatesDialog
from saveris_desktop.ui.widgets.save_banner import storage_problem_text

log = logging.getLogger(__name__)


class OfflineIntegration(QObject):
    """Owns the offline UI pieces of one main window (kept alive as a child of the window)."""

    def __init__(
        self,
        window: QMainWindow,
        work: OfflineWork,
        *,
        devices_view: DevicesView | None = None,
        replaces_status: QWidget | None = None,
        menu_before: QMenu | None = None,
        close_guards: list[Callable[[], bool]] | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("offlineIntegration")
        self.window = window
        self.work = work
        self.tasks = TaskOwner("offline-ui")
        self.dialogs: dict[str, QDialog] = {}
        self.devices_view: DevicesView | None = None
        self.problem_box: QMessageBox | None = None
        self.editor_drafts = work.editor_drafts
        self.onboarding_drafts = work.onboarding_drafts
        self._save_failures: dict[str, SaveFailure] = {}  # by source: "editors", "wizard"

        self.status_widget = SyncStatusWidget(window)
        # This widget says online/offline together with the changes waiting: the shell's plain
        # connection label would say the same twice.
        if replaces_status is not None:
            replaces_status.hide()
        window.statusBar().addPermanentWidget(self.status_widget)
        self.status_widget.sig_open_pending.connect(self.show_pending)
        self.status_widget.sig_choice_wanted.connect(self._choose_the_only_conflict)
        self._work_connections = [
            work.sig_status.connect(self.status_widget.show_status),
            work.sig_served_from_cache.connect(self._served_from_cache),
            # A draft that could not be saved is said at once: status bar and every editor's banner.
            self.editor_drafts.sig_save_failed.connect(self._editors_failed),
            self.editor_drafts.sig_saved_again.connect(self._editors_saved_again),
            self.onboarding_drafts.sig_save_failed.connect(self._wizard_failed),
            self.onboarding_drafts.sig_saved_again.connect(self._wizard_saved_again),
            work.outbox_follower.sig_snapshot.connect(self._outbox_changed),
        ]
        self.tasks.spawn(work.status(), name="status", on_result=self.status_widget.show_status)
        # changes left waiting by the last session (a conflict, say) show in the editors at once
        self.tasks.spawn(work.outbox_follower.refresh(), name="outbox")

        self.exchange = ExchangeActions(work, window)
        # an open editor takes a draft an import replaced, as it takes a saved draft when it opens
        self.exchange.sig_draft_replaced.connect(self._draft_replaced)
        self._build_menu(menu_before)
        if devices_view is not None:
            self.attach_devices_view(devices_view)
        # Quitting while changes cannot be saved would lose them: ask first (MainWindow's guards).
        self._quit_confirmed = False
        self.unsaved_box: QMessageBox | None = None
        if close_guards is not None:
            close_guards.append(self._may_close)
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

    def _build_menu(self, menu_before: QMenu | None) -> None:
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
        if menu_before is not None:
            bar.insertMenu(menu_before.menuAction(), menu)
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

    # --- the device view (attached through its public signals) ---------------------------------

    def attach_devices_view(self, view: DevicesView) -> None:
        """Follow `view`: drafts, the last known configurations and device list, cached data offline."""
        self.devices_view = view
        view.sig_session_created.connect(self._session_created)
        view.sig_session_changed.connect(self.editor_drafts.session_changed)
        view.sig_devices_listed.connect(self._devices_listed)
        view.sig_listing_unavailable.connect(self._listing_unavailable)
        view.sig_choice_wanted.connect(self.choose_values)
        view.show_outbox(self.work.outbox_follower.snapshot)
        if self._save_failures:  # its editors learn the state at once
            view.show_save_state(next(reversed(self._save_failures.values())))
        # The sites the cloud listed before are offered in its site box, next to the recent ones.
        if not self.tasks.closed:
            self.tasks.spawn(self.work.known_sites(), name="known-sites", on_result=self._offer_sites)
        # Edits typed before the local data could be opened (ui/offline/unavailable.py) are saved
        # now, not only after the next keystroke.
        for session in view.edit_sessions():
            if session.dirty:
                self.editor_drafts.session_changed(session)

    def detach_devices_view(self) -> None:
        """Stop following the device view (symmetric to attach_devices_view)."""
        view, self.devices_view = self.devices_view, None
        if view is None or not isValid(view):
            return
        view.sig_session_created.disconnect(self._session_created)
        view.sig_session_changed.disconnect(self.editor_drafts.session_changed)
        view.sig_devices_listed.disconnect(self._devices_listed)
        view.sig_listing_unavailable.disconnect(self._listing_unavailable)
        view.sig_choice_wanted.disconnect(self.choose_values)

    # --- what waits in the outbox, in the editors -----------------------------------------------

    def _outbox_changed(self, snapshot: OutboxSnapshot) -> None:
        view = self.devices_view
        if view is not None and isValid(view):
            view.show_outbox(snapshot)

    def choose_values(self, item: OutboxItem) -> None:
        """An editor asks for the choice of its object's conflict: that conflict's dialog, at once."""
        if self.tasks.closed:
            return
        if self.work.engine is None:  # signed out: the waiting changes say why nothing can be sent
            self.show_pending()
            return

        async def label_and_names() -> tuple[str, Names]:
            label = await self.work.object_label(item.site, item.kind, item.object_id)
            return label, await self.work.names(item.site)

        self.tasks.spawn(
            label_and_names(),
            name="conflict-label",
            on_result=lambda found: self._open_choice(item, *found),
        )

    def _choose_the_only_conflict(self) -> None:
        """The status bar says one change needs a choice: that choice at once (the waiting changes
        when the outbox has moved on meanwhile and there is not exactly one any more)."""
        if not self.tasks.closed:
            # read afresh: the status bar may be told of a conflict before the last snapshot knows it
            self.tasks.spawn(
                self.work.outbox_follower.refresh(), name="only-conflict", on_result=self._choose_in
            )

    def _choose_in(self, snapshot: OutboxSnapshot) -> None:
        conflicts = [item for item in snapshot.items if item.state is OutboxState.CONFLICT]
        if len(conflicts) == 1:
            self.choose_values(conflicts[0])
        else:
            self.show_pending()

    def _open_choice(self, item: OutboxItem, label: str, names: Names) -> None:
        # the same plain words as the waiting changes' dialog (core.offline.change_words)
        dialog = ConflictDialog(
            item.conflicts,
            title=conflict_title(item.kind, label),
            kind=item.kind,
            names=names,
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self._chosen(item, dialog.choices()))
        dialog.finished.connect(lambda _result: self.dialogs.pop("editor-conflict", None))
        self.dialogs["editor-conflict"] = dialog
        dialog.open()

    def _chosen(self, item: OutboxItem, choices: dict[FieldPath, Side]) -> None:
        # the editor shows the values chosen once the outbox reports the answer (core.offline.editor_status)
        engine = self.work.engine
        if engine is not None and not self.tasks.closed:
            self.tasks.spawn(
                engine.resolve_conflict(item.id, choices), name="resolve", on_error=self._choice_failed
            )

    def _choice_failed(self, error: BaseException) -> None:
        """The choice did not land (the change was sent or discarded meanwhile, the disk refused):
        said at once, not only in the log; the conflict stays to be chosen again."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Choice not kept"),
            self.tr("The values you chose could not be kept: %1").replace("%1", describe_error(error)),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("choiceNotKeptNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs["choice-failed"] = box
        box.open()

    # --- whether typed changes are kept ---------------------------------------------------------

    def _editors_failed(self, failure: SaveFailure) -> None:
        self._save_state("editors", failure)

    def _editors_saved_again(self, _none: None) -> None:
        self._save_state("editors", None)

    def _wizard_failed(self, failure: SaveFailure) -> None:
        self._save_state("wizard", failure)

    def _wizard_saved_again(self, _none: None) -> None:
        self._save_state("wizard", None)

    def _save_state(self, source: str, failure: SaveFailure | None) -> None:
        """Say the newest failure of any source; "saved again" only once no source fails."""
        self._save_failures.pop(source, None)
        if failure is not None:
            self._save_failures[source] = failure
        elif self._save_failures:
            return  # another source still cannot save
        shown = next(reversed(self._save_failures.values()), None)
        self.status_widget.show_save_state(shown)
        view = self.devices_view
        if view is not None and isValid(view):
            view.show_save_state(shown)

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

    def _served_from_cache(self, fetched_at: str) -> None:
        self.status_widget.show_data_age(locale_format.age(utc_now() - datetime.fromisoformat(fetched_at)))

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if not self.tasks.closed and self.editor_drafts.pending:
            self.tasks.spawn(self.editor_drafts.flush_all(), name="flush-drafts")

    def _session_created(self, session: EditSession) -> None:
        view = self.devices_view
        if self.tasks.closed or view is None:
            return
        key = self.editor_drafts.key_for(session)
        # A base the cloud did not let us read is a placeholder, not a version to keep.
        if key is not None and not view.values_unknown(session):
            # the configuration as the cloud sent it: the last known version
            self.tasks.spawn(
                self.work.remember(key.site, key.kind, key.object_id, session.base), name="cache"
            )
        self.tasks.spawn(self._restore_draft(session), name="restore-draft")

    async def _restore_draft(self, session: EditSession) -> None:
        """Lay the session's saved draft over it (when it is created, and when an import replaced
        the draft): at once, or after the technician chose where it conflicts with the cloud's."""
        resumed = await self.editor_drafts.restore(session)
        if resumed is None:
            return
        key = self.editor_drafts.key_for(session)
        if resumed.conflicts and key is not None:
            # the same plain words and names as the outbox's conflicts (`choose_values`)
            label = await self.work.object_label(key.site, key.kind, key.object_id)
            self._ask_about_draft(session, resumed, key.kind, label, await self.work.names(key.site))
            return
        self._refresh_editors(session)

    def _ask_about_draft(
        self, session: EditSession, resumed: ResumedDraft, kind: str, label: str, names: Names
    ) -> None:
        dialog = ConflictDialog(
            resumed.conflicts,
            title=self.tr("Your saved draft (%1)").replace("%1", conflict_title(kind, label)),
            kind=kind,
            names=names,
            parent=self.window,
        )

        def chosen() -> None:
            merged = resumed.merge.resolve(dialog.choices())
            session.restore(edits_between(session.base, merged))
            self._refresh_editors(session)

        dialog.accepted.connect(chosen)
        self.dialogs["draft-conflict"] = dialog
        dialog.open()

    def _draft_replaced(self, key: DraftKey) -> None:
        """An import put the file's draft in place of this laptop's: the editors of that object
        show it (else their next edit would save the old values over it)."""
        view = self.devices_view
        if self.tasks.closed or view is None or not isValid(view):
            return
        for session in view.edit_sessions():
            if self.editor_drafts.key_for(session) == key:
                self.tasks.spawn(self._restore_draft(session), name="replaced-draft")

    def _refresh_editors(self, session: EditSession) -> None:
        view = self.devices_view
        if view is not None and isValid(view):  # not when the window is closing
            view.refresh_session(session)

    def _offer_sites(self, sites: list[str]) -> None:
        view = self.devices_view
        if view is not None and isValid(view):
            view.offer_sites(sites)

    def _devices_listed(self, site: str, devices: list[Device]) -> None:
        self.status_widget.show_data_age(None)
        if not self.tasks.closed:
            self.tasks.spawn(self.work.remember_devices(site, devices), name="cache-devices")

    def _listing_unavailable(self, site: str) -> None:
        """Started offline: show the last known loggers of the site, with their age, until a poll works."""
        if not self.tasks.closed:
            self.tasks.spawn(self._replay_cache(site), name="replay-cache")

    async def _replay_cache(self, site: str) -> None:
        devices, fetched_at = await self.work.cached_devices(site)
        view = self.devices_view
        if not devices or fetched_at is None or view is None or not isValid(view):
            return
        read_at = datetime.fromisoformat(fetched_at)
        if view.show_cached_devices(site, devices, read_at):
            age = locale_format.age(utc_now() - read_at)
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
        for connection in self._work_connections:
            connection.disconnect()
        if isValid(self):
            self.detach_devices_view()
        await self.editor_drafts.flush_all()
        await self.tasks.aclose()


def install_offline(
    window: QMainWindow,
    work: OfflineWork,
    *,
    devices_view: DevicesView | None = None,
    replaces_status: QWidget | None = None,
    menu_before: QMenu | None = None,
    close_guards: list[Callable[[], bool]] | None = None,
) -> OfflineIntegration:
    integration = OfflineIntegration(
        window,
        work,
        devices_view=devices_view,
        replaces_status=replaces_status,
        menu_before=menu_before,
        close_guards=close_guards,
    )
    # flush typed edits before the database closes (closers run newest first)
    work.services.closers.append(integration.aclose)
    return integration
