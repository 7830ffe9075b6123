"""The onboarding wizard: renders the core state machine's steps as QWizard pages.

Pages report what the technician completed to `OnboardingFlow`; forward moves that need the cloud
(sign-in, site) validate asynchronously and then call `next()` themselves. Back walks the flow back
one step. All background work of the wizard belongs to its own TaskOwner, cancelled when it closes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QWidget, QWizard

from saveris_desktop.core.devices.watcher import WatchTiming
from saveris_desktop.core.onboarding.flow import OnboardingData, OnboardingFlow, Step
from saveris_desktop.core.runtime.services import AppServices
from saveris_desktop.core.runtime.tasks import TaskOwner
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.wizard.common import FlowPage, WizardContext
from saveris_desktop.ui.wizard.connect_key_page import ConnectKeyPage
from saveris_desktop.ui.wizard.found_page import FoundPage
from saveris_desktop.ui.wizard.hotspot_page import HotspotGuidePage
from saveris_desktop.ui.wizard.ids import PageId
from saveris_desktop.ui.wizard.sign_in_page import SignInPage
from saveris_desktop.ui.wizard.site_page import SitePage
from saveris_desktop.ui.wizard.waiting_page import WaitingPage


class OnboardingWizard(QWizard):
    #: "Configure this logger": the uuid of the device to open in the editors
    sig_configure_device = Signal(str)
    #: the flow changed (step or data): the drafts store may persist `flow.data.to_dict()`
    sig_flow_changed = Signal()

    def __init__(
        self,
        services: AppServices,
        *,
        ui_state: UiState | None = None,
        timing: WatchTiming | None = None,
        clock: Callable[[], float] = time.monotonic,
        data: OnboardingData | None = None,
        resume_at: Step | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`data`, `resume_at`: a wizard closed earlier (its draft): what was entered, and the step
        it was at; it reopens there as far as the data allows (OnboardingFlow.resumable)."""
        super().__init__(parent)
        self.setObjectName("onboardingWizard")
        self.setAccessibleName(self.tr("Add a logger"))
        self.setWindowTitle(self.tr("Add a logger"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # On "found" the logger is in the cloud: there is nothing left to cancel, only Finish.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.services = services
        self.flow = OnboardingFlow(data, signed_in=services.signed_in, resume_at=resume_at)
        if services.signed_in and services.site and not self.flow.data.site:
            self.flow.data.site = services.site
        self.tasks = TaskOwner("wizard")
        self.ctx = WizardContext(
            services=services,
            flow=self.flow,
            ui_state=ui_state or UiState(),
            tasks=self.tasks,
            timing=timing or WatchTiming(),
            clock=clock,
        )
        self.pages: dict[PageId, FlowPage] = {
            PageId.SIGN_IN: SignInPage(self.ctx),
            PageId.SITE: SitePage(self.ctx),
            PageId.CONNECT_KEY: ConnectKeyPage(self.ctx),
            PageId.HOTSPOT_GUIDE: HotspotGuidePage(self.ctx),
            PageId.WAITING: WaitingPage(self.ctx),
            PageId.FOUND: FoundPage(self.ctx),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(PageId.for_step(self.flow.start_step))
        self._shown_id = -1
        self._jumping = False
        self.found_page.sig_configure.connect(self._configure)
        self.found_page.sig_add_another.connect(self.add_another)
        self.currentIdChanged.connect(self._page_changed)
        self.flow.sig_changed.connect(lambda _flow: self.sig_flow_changed.emit())
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            widget = self.button(button)
            widget.setObjectName(f"wizard{button.name}")
            widget.setAccessibleName(widget.text().replace("&", "").strip("<> "))
        # No setMinimumSize(): an explicit minimum turns off QWizard's own, which grows with the
        # largest page (the connect key page was cut off through the QR code). A roomy default size,
        # within the screen, so the guide's steps need no scrolling on a laptop.
        self.resize(self._default_size())

    def _default_size(self) -> QSize:
        metrics = self.fontMetrics()
        size = QSize(metrics.averageCharWidth() * 110, metrics.height() * 44)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.9
            size = size.boundedTo(room)
        return size.expandedTo(self.minimumSizeHint())

    @property
    def found_page(self) -> FoundPage:
        return cast(FoundPage, self.pages[PageId.FOUND])

    @property
    def waiting_page(self) -> WaitingPage:
        return cast(WaitingPage, self.pages[PageId.WAITING])

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return int(self.startId())
        following = OnboardingFlow.successor(PageId(current).step)
        return -1 if following is None else int(PageId.for_step(following))

    def add_another(self) -> None:
        """Found -> the hotspot guide of the same site (QWizard has no forward jump into history)."""
        self.flow.add_another()
        self._jumping = True
        try:
            while self.currentId() != PageId.HOTSPOT_GUIDE:
                self.back()
        finally:
            self._jumping = False
        self._page_changed(self.currentId())

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Stop polling and cancel what the wizard started (idempotent)."""
        self.waiting_page.stop_watching()
        self.services.sig_connectivity.disconnect(self.waiting_page.client_connectivity)
        for page in self.pages.values():
            page.cancel_job()
        self.tasks.cancel_all()

    def _configure(self, uuid: str) -> None:
        self.sig_configure_device.emit(uuid)
        self.accept()

    def _page_changed(self, page_id: int) -> None:
        if self._jumping or page_id < 0:
            return
        step = PageId(page_id).step
        # Back pressed: walk the flow back to the page now shown.
        while (
            self.flow.step is not step and _index(self.flow.step) > _index(step) and self.flow.can_go_back()
        ):
            self.flow.go_back()
        self._shown_id = page_id
        page = self.pages[PageId(page_id)]
        page.page_shown()


def _index(step: Step) -> int:
    return list(Step).index(step)
