"""The time zone is optional in testo's procedure: a refused or failed one never stops the wizard."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from saveris_desktop.core.offline.outbox import OutboxState
from saveris_desktop.core.offline.work import OfflineWork
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import run
from tests.ui.wizard.test_wizard import create_site, sign_in, to_waiting
from tests.ui.wizard_harness import make_harness


@dataclass
class TimezoneRefused(httpx.AsyncBaseTransport):
    """Answers `PUT /settings/global` with `status` and `body` while `refusing`; the rest passes."""

    inner: httpx.AsyncBaseTransport
    status: int
    body: dict[str, str]
    refusing: bool = True

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.refusing and request.method == "PUT" and request.url.path == "/settings/global":
            return httpx.Response(self.status, json=self.body, request=request)
        return await self.inner.handle_async_request(request)


@pytest.mark.parametrize(
    ("status", "body", "shown"),
    [
        (400, {"message": "timezone must be one of the supported zones"}, "timezone must be one of"),
        (503, {"status": "Error", "message": "Internal server error"}, "Internal server error"),
        (403, {"message": "Missing Authentication Token"}, "does not offer"),
    ],
)
def test_the_wizard_goes_on_and_the_time_zone_waits_in_the_outbox(
    qtbot, qloop, tmp_path: Path, status: int, body: dict[str, str], shown: str
) -> None:
    wrappers: list[TimezoneRefused] = []

    def wrap(inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        wrappers.append(TimezoneRefused(inner, status, body))
        return wrappers[-1]

    h = make_harness(qtbot, wrap=wrap)
    work = run(qtbot, OfflineWork.open(h.services, tmp_path / "db.sqlite3"))
    sign_in(qtbot, h)
    create_site(qtbot, h, "Bakery North")  # waits until the connect key page is shown

    page = h.wizard.pages[PageId.CONNECT_KEY]
    notice = page.timezone_notice
    assert notice.isVisible()
    assert "The site is ready, but its time zone Europe/Berlin could not be set" in notice.text()
    assert shown in notice.text()  # the server's reason
    assert "waits with the other changes for the cloud" in notice.text()
    assert "not allowed" not in notice.text()  # never a false "no permission"
    assert page.key_label.text() == h.wizard.flow.data.connect_key != ""  # the site was created
    assert h.wizard.flow.data.timezone_problem

    qtbot.waitUntil(lambda: bool(run(qtbot, work.outbox.items())), timeout=5000)
    [item] = run(qtbot, work.outbox.items())
    assert (item.kind, item.site, item.object_id, item.payload) == (
        "global_settings",
        "Bakery North",
        "Bakery North",
        {"timezone": "Europe/Berlin"},
    )
    to_waiting(qtbot, h)  # the onboarding carries on

    # Once the cloud takes it, the waiting change is sent like any other.
    wrappers[-1].refusing = False
    engine = work.engine
    assert engine is not None
    run(qtbot, engine.wait_until_idle())
    current = run(qtbot, work.outbox.get(item.id))
    if current.state is OutboxState.FAILED:  # a refusal waits for the technician's "send again"
        run(qtbot, engine.retry(item.id))
    run(qtbot, engine.sync_now())
    run(qtbot, engine.wait_until_idle())
    assert run(qtbot, work.outbox.get(item.id)).state is OutboxState.DONE
    assert run(qtbot, h.services.client.get_global_settings("Bakery North")).timezone == "Europe/Berlin"
    h.wizard.reject()
    run(qtbot, h.services.aclose())


def test_a_time_zone_that_is_set_shows_no_notice(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    create_site(qtbot, h, "Bakery South")
    assert not h.wizard.pages[PageId.CONNECT_KEY].timezone_notice.isVisible()
    assert h.wizard.flow.data.timezone_problem == ""
    h.wizard.reject()
    run(qtbot, h.services.aclose())
