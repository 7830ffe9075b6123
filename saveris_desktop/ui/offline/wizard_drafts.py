"""The onboarding wizard's inputs as a draft: typed text survives a crash and comes back next time.

Saved: the flow's data (never the connect key) and the text of the wizard's named line edits and
editable combo boxes — never a password field. Saving follows the editors' rule: one second after
the last keystroke, at once when a field is left. Restoring fills only fields that are still empty,
so nothing the technician or the wizard itself put there is overwritten. A finished wizard
(accepted) drops its draft.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QChildEvent, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from saveris_desktop.core.audit import AuditResult
from saveris_desktop.core.autosave import SaveFailure
from saveris_desktop.core.drafts import DraftKey, DraftKind
from saveris_desktop.core.offline import OfflineWork
from saveris_desktop.core.tasks import TaskOwner
from saveris_desktop.ui.wizard import OnboardingWizard

IDLE_MS = 1000
#: A wizard draft that could not be saved is tried again after this long (and on the next edit).
RETRY_MS = 10_000
WIZARD_DRAFT_ID = "onboarding"


def _is_secret(edit: QLineEdit) -> bool:
    return "password" in edit.objectName().lower() or edit.echoMode() != QLineEdit.EchoMode.Normal


def _named_line_edits(wizard: QWidget) -> list[QLineEdit]:
    return [e for e in wizard.findChildren(QLineEdit) if e.objectName() and not _is_secret(e)]


def _named_combos(wizard: QWidget) -> list[QComboBox]:
    return [c for c in wizard.findChildren(QComboBox) if c.objectName() and c.isEditable()]


def snapshot(wizard: OnboardingWizard) -> dict[str, Any]:
    flow = wizard.flow.data.to_dict()
    flow.pop("connect_key", None)  # a key to the customer's site: not kept on disk by us
    fields = {e.objectName(): e.text() for e in _named_line_edits(wizard) if e.text()}
    fields.update({c.objectName(): c.currentText() for c in _named_combos(wizard) if c.currentText()})
    return {"flow": flow, "fields": fields}


def fill_empty_fields(wizard: OnboardingWizard, fields: dict[str, Any]) -> list[str]:
    """Put saved texts into fields that are empty; returns the names filled."""
    filled = []
    for edit in _named_line_edits(wizard):
        value = fields.get(edit.objectName())
        if isinstance(value, str) and value and not edit.text():
            edit.setText(value)
            edit.textEdited.emit(value)  # as if typed: the page validates and records it
            filled.append(edit.objectName())
    for combo in _named_combos(wizard):
        value = fields.get(combo.objectName())
        if isinstance(value, str) and value and not combo.currentText():
            combo.setEditText(value)
            filled.append(combo.objectName())
    return filled


class WizardDrafts(QObject):
    #: a save failed (SaveFailure; retried on the next edit and after RETRY_MS), or None: it works again
    sig_save_state = Signal(object)

    def __init__(self, work: OfflineWork, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("wizardDrafts")
        self.work = work
        self.tasks = TaskOwner("wizard-drafts")
        self.attached: list[OnboardingWizard] = []
        self.restored: list[str] = []
        self.failure: SaveFailure | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.save_now)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(RETRY_MS)
        self._retry_timer.timeout.connect(self.save_now)
        self._current: OnboardingWizard | None = None
        self._audited_site: tuple[str, str] | None = None
        window.installEventFilter(self)
        existing = getattr(window, "wizard", None)
        if isinstance(existing, OnboardingWizard):
            self.attach(existing)

    @property
    def key(self) -> DraftKey:
        return DraftKey(self.work.endpoint, "", DraftKind.WIZARD, WIZARD_DRAFT_ID)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ChildPolished: the wizard (a child of the main window) is fully built by then.
        if event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, OnboardingWizard) and child not in self.attached:
                self.attach(child)
        return False

    def attach(self, wizard: OnboardingWizard) -> None:
        self.attached.append(wizard)
        self._current = wizard
        for edit in _named_line_edits(wizard):
            edit.textEdited.connect(self._changed)
            edit.editingFinished.connect(self.save_now)
        for combo in _named_combos(wizard):
            combo.currentTextChanged.connect(self._changed)
        wizard.sig_flow_changed.connect(self._changed)
        wizard.sig_flow_changed.connect(lambda w=wizard: self._audit_site(w))
        wizard.finished.connect(lambda result, w=wizard: self._finished(w, result))
        self.tasks.spawn(self._restore(wizard), name="restore")

    async def _restore(self, wizard: OnboardingWizard) -> None:
        draft = await self.work.drafts.get(self.key)
        if draft is not None and wizard is self._current:
            self.restored = fill_empty_fields(wizard, dict(draft.mine.get("fields", {})))

    def _audit_site(self, wizard: OnboardingWizard) -> None:
        """The site page has sent the site and its timezone to the cloud: that is a change to record."""
        data = wizard.flow.data
        if not (data.site and data.timezone and data.connect_key):
            return
        done = (data.site, data.timezone)
        if done == self._audited_site or self.tasks.closed:
            return
        self._audited_site = done
        # A time zone the cloud did not take is not recorded as set: the outbox records its own send.
        timezone_set = not data.timezone_problem
        self.tasks.spawn(
            self.work.audit.record(
                user=self.work.services.username or data.username,
                endpoint=self.work.endpoint,
                site=data.site,
                kind="site",
                object_id=data.site,
                before=None,
                after={"site": data.site, "timezone": data.timezone} if timezone_set else {"site": data.site},
                result=AuditResult.OK,
                message="site and timezone set in the onboarding wizard"
                if timezone_set
                else "site created in the onboarding wizard; its timezone could not be set yet",
            ),
            name="audit-site",
        )

    def _changed(self, *_args: object) -> None:
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        wizard = self._current
        if wizard is None or self.tasks.closed:
            return
        self.tasks.spawn(
            self.work.drafts.rebase(self.key, None, snapshot(wizard)),
            name="save",
            on_result=lambda _draft: self._saved(),
            on_error=self._save_failed,
        )

    def _saved(self) -> None:
        self._retry_timer.stop()
        if self.failure is not None:
            self.failure = None
            self.sig_save_state.emit(None)

    def _save_failed(self, error: BaseException) -> None:
        self.failure = SaveFailure.from_error(error)
        self.sig_save_state.emit(self.failure)
        if not self.tasks.closed:
            self._retry_timer.start()

    def _finished(self, wizard: OnboardingWizard, result: int) -> None:
        if wizard is not self._current:
            return
        self._current = None
        self._timer.stop()
        if result == QDialog.DialogCode.Accepted.value:
            self.tasks.spawn(self.work.drafts.delete(self.key), name="forget")
        else:  # cancelled or closed: keep what was typed for next time
            self.tasks.spawn(self.work.drafts.rebase(self.key, None, snapshot(wizard)), name="save")
