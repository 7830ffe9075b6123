"""The onboarding wizard's draft: the flow's own data, saved as it changes and given back next time.

Registered explicitly, like qutebrowser's save manager registers what it saves: whoever opens the
wizard passes `latest` to it and reports each change of its flow to `changed()`, and its end to
`finished()`. Nothing is discovered by scanning widgets. What is saved is
`OnboardingData.to_draft()`: the technician's input only, so a password (not part of the data at
all) or the connect key (not marked as input) cannot end up on disk; `latest` keeps all of the data in
memory, so a wizard closed by mistake reopens at its step in the same run. Saving follows the editors'
rule: one second after the last change, at once on `flush()` and when the wizard is closed without
finishing; a finished wizard drops its draft.

A save that does not work (a read-only or full disk) is not taken for saved: what was typed stays
waiting, `sig_save_failed` says why (a `SaveFailure`), and it is tried again on the next change and
on a timer backing off, by the editors' drafts' mechanism (core.offline.paused_save);
`sig_saved_again` once it works.

The site page's sending of the site and its time zone to the cloud is recorded in the audit log
here as well, once per site and zone, since the flow's change is where it becomes known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from saveris_desktop.core.offline.audit import AuditLog, AuditResult
from saveris_desktop.core.offline.drafts import DraftKey, DraftKind, DraftStore
from saveris_desktop.core.offline.paused_save import PausedSave, SaveFailure
from saveris_desktop.core.onboarding.flow import OnboardingData, OnboardingFlow, Step
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.foundation.signal import Signal

WIZARD_DRAFT_ID = "onboarding"
#: A draft that could not be saved is tried again after these pauses (the last one repeats), and at
#: once on the next change; the first pause is long enough for the next keystroke to come first.
RETRY_SECONDS: tuple[float, ...] = (10.0, 30.0, 60.0)


@dataclass(frozen=True)
class SavedOnboarding:
    #: all of it while the app runs (the next wizard of this run may resume with the connect key);
    #: what is loaded from disk is the technician's input only (OnboardingData.to_draft)
    data: OnboardingData
    #: the step the wizard was at (it reopens there as far as the data allows: OnboardingFlow.resumable)
    step: Step


def _snapshot(flow: OnboardingFlow) -> SavedOnboarding:
    return SavedOnboarding(OnboardingData.from_dict(flow.data.to_dict()), flow.step)


class OnboardingDrafts:
    def __init__(
        self,
        drafts: DraftStore,
        audit: AuditLog,
        tasks: TaskOwner,
        *,
        endpoint: Callable[[], str],
        user: Callable[[], str | None],
        idle_seconds: float = 1.0,
        retry_seconds: tuple[float, ...] = RETRY_SECONDS,
    ) -> None:
        self._drafts = drafts
        self._audit = audit
        self._tasks = tasks
        self._endpoint = endpoint
        self._user = user
        self.sig_save_failed: Signal[SaveFailure] = Signal("onboarding draft save failed")
        self.sig_saved_again: Signal[None] = Signal("onboarding draft saved again")
        self._saver: PausedSave[SavedOnboarding, None] = PausedSave(
            self._write,
            tasks,
            what="the onboarding draft",
            idle_seconds=idle_seconds,
            retry_seconds=retry_seconds,
            on_saved=self._saved,
            on_failed=self._failed,
        )
        self._was_failing = False
        #: what the next wizard opens with (loaded once, then kept up to date by changed())
        self.latest: SavedOnboarding | None = None
        self._audited: tuple[str, str] | None = None

    @property
    def failure(self) -> SaveFailure | None:
        """Why the wizard's input is not saved right now; None while saving works."""
        return self._saver.failure

    @property
    def key(self) -> DraftKey:
        return DraftKey(self._endpoint(), "", DraftKind.WIZARD, WIZARD_DRAFT_ID)

    async def load(self) -> SavedOnboarding | None:
        draft = await self._drafts.get(self.key)
        if draft is None:
            self.latest = None
            return None
        raw = draft.mine.get("flow")
        data = OnboardingData.from_dict(raw if isinstance(raw, dict) else {})
        try:
            step = Step(str(draft.mine.get("step", Step.SIGN_IN)))
        except ValueError:
            step = Step.SIGN_IN
        self.latest = SavedOnboarding(data, step)
        return self.latest

    def changed(self, flow: OnboardingFlow) -> None:
        """The flow's step or data changed: saved once the technician pauses (a newer change
        restarts the pause: the latest wins)."""
        if self._tasks.closed:
            return
        self.latest = _snapshot(flow)
        self._saver.changed(self.latest)
        self._record_site(flow.data)

    async def flush(self) -> None:
        """Write a change that waits for its pause now."""
        await self._saver.flush()

    def finished(self, flow: OnboardingFlow, *, accepted: bool) -> None:
        """The wizard closed: a finished one needs no draft; a cancelled one keeps what was typed."""
        if self._tasks.closed:
            return
        if accepted:
            self.latest = None
            self._tasks.spawn(self._saver.forget(then=self._forget_saved), name="forget-onboarding")
        else:
            self.latest = _snapshot(flow)
            self._saver.changed(self.latest)
            self._tasks.spawn(self._saver.flush(), name="save-onboarding")

    async def _forget_saved(self) -> None:
        await self._drafts.delete(self.key)

    def _failed(self, failure: SaveFailure) -> None:
        self._was_failing = True
        self.sig_save_failed.emit(failure)

    def _saved(self, _result: None) -> None:
        if self._was_failing:
            self._was_failing = False
            self.sig_saved_again.emit(None)

    async def _write(self, saved: SavedOnboarding) -> None:
        mine = {"flow": saved.data.to_draft(), "step": str(saved.step)}
        await self._drafts.rebase(self.key, None, mine)

    def _record_site(self, data: OnboardingData) -> None:
        """The site page has sent the site and its time zone to the cloud: that is a change to record."""
        if not (data.site and data.timezone and data.connect_key):
            return
        done = (data.site, data.timezone)
        if done == self._audited:
            return
        self._audited = done
        # A time zone the cloud did not take is not recorded as set: the outbox records its own send.
        timezone_set = not data.timezone_problem
        self._tasks.spawn(
            self._audit.record(
                user=self._user() or data.username,
                endpoint=self._endpoint(),
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
