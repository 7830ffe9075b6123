"""The whole demo onboarding driven like a technician, with every HTTP request the app sends counted.

Sign in → create a site → the logger joins and is found → "Configure this logger" opens it in the
devices view → create a measuring object on its sensor and give it an alarm preset. The requests are
counted at the transport (what the simulator receives), per phase, so the benchmark
(`python -m tests.benchmarks requests`) and the request-budget test see the same figures.

`MINIMUM` is what the flow cannot do with less, request by request, and says why.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

import httpx

from saveris_desktop.simulator import LoggerKind, Simulator
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.ui.user_input import choose, click, type_text
from tests.ui.wizard_harness import FAST_TIMING, Harness, make_services
from tests.virtual_loggers import set_up_logger

#: a round trip to the cloud; in-process the simulator answers at once and nothing would overlap
LATENCY_S = 0.03

#: the phases in the order the technician goes through them
PHASES = ("sign-in and site", "waiting", "found and opened", "object with preset")

#: The fewest requests each phase needs with the Saveris 2 logger (one sensor) of the walk below.
MINIMUM: dict[str, tuple[tuple[str, str], ...]] = {
    "sign-in and site": (
        ("POST /token", "sign in"),
        ("POST /connect-keys", "create the site and its connect key"),
        ("PUT /settings/global", "the time zone typed on the site page"),
        ("GET /devices", "the devices already in the site: the baseline of 'new'"),
        # the devices view shows the site as soon as it is chosen
        ("GET /settings/global", "the site's time zone for the table's times"),
        ("GET /measuring-objects", "the site's objects (which sensor channels are taken)"),
    ),
    # Polls while the logger joins depend on how long it takes; not part of the minimum.
    "waiting": (("GET /devices", "the listing in which the logger appears"),),
    "found and opened": (
        ("GET /devices/{uuid}", "the logger's current document for its settings editor"),
        ("GET /devices/{uuid}/alarm-configuration", "the logger's alarms"),
        # one read serves the found page (it names the sensor) and the devices view, which opens at once
        ("GET /sensors/{uuid}", "the sensor's channels (found page, sensors tab, channel lists)"),
        ("GET /sensors/{uuid}/alarm-configuration", "the sensor's alarms"),
    ),
    "object with preset": (
        ("POST /measuring-objects", "create the object"),
        ("GET /measuring-objects/{uuid}/measuring-instruction-set", "its instruction set editor"),
        ("GET /measuring-objects/{uuid}/alarm-configuration", "its alarm editor's base"),
        ("PUT /measuring-objects/{uuid}/alarm-configuration", "the preset's limits"),
    ),
}


@dataclass
class RequestLog:
    phase: str = PHASES[0]
    requests: list[tuple[str, str]] = field(default_factory=list)  # (phase, "METHOD /path")
    in_flight: int = 0
    most_in_flight: Counter[str] = field(default_factory=Counter)  # same request concurrently
    #: listings the wizard's waiting page and the devices view received while the logger joined
    wizard_listings_while_waiting: int = 0
    view_listings_while_waiting: int = 0

    def of(self, phase: str) -> list[str]:
        return [request for p, request in self.requests if p == phase]

    def total(self) -> int:
        return len(self.requests)


def _shape(path: str) -> str:
    """/devices/1234/alarm-configuration -> /devices/{uuid}/alarm-configuration"""
    parts = path.split("/")
    named = ("devices", "sensors", "measuring-objects")
    return "/".join(
        "{uuid}" if i > 1 and parts[i - 1] in named and part else part for i, part in enumerate(parts)
    )


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts what reaches the server, and how many identical requests were in flight at once."""

    def __init__(self, inner: httpx.AsyncBaseTransport, log: RequestLog, latency: float = LATENCY_S) -> None:
        self.inner = inner
        self.log = log
        self.latency = latency
        self._open: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        identity = f"{request.method} {request.url.path}?{request.url.query.decode()}"
        self.log.requests.append((self.log.phase, f"{request.method} {_shape(request.url.path)}"))
        self._open[identity] += 1
        self.log.most_in_flight[identity] = max(self.log.most_in_flight[identity], self._open[identity])
        try:
            await asyncio.sleep(self.latency)  # the way to the cloud: requests overlap as they do there
            return await self.inner.handle_async_request(request)
        finally:
            self._open[identity] -= 1

    async def aclose(self) -> None:
        await self.inner.aclose()


def walk_demo_onboarding(qtbot) -> RequestLog:
    """The whole onboarding in the real main window against the in-process simulator."""
    from saveris_desktop.ui.wizard import PageId
    from tests.ui.wizard.test_wizard import create_site, sign_in, to_waiting

    log = RequestLog()
    sim = Simulator(seed=7, join_delay=0.0)
    services = make_services(sim, wrap=lambda inner: CountingTransport(inner, log))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.wizard_timing = FAST_TIMING
    window.show()
    window.attach_services(services)
    window.start_onboarding()
    h = Harness(sim, services, window.wizard, [0.0])
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    waiting = h.wizard.pages[PageId.WAITING]
    qtbot.waitUntil(lambda: waiting.watcher is not None and waiting.watcher.status().polls >= 1, timeout=5000)

    log.phase = "waiting"
    wizard_watcher, view_watcher = waiting.watcher, window.devices_view.watcher
    wizard_before, view_before = wizard_watcher.status().polls, view_watcher.status().polls
    logger = set_up_logger(sim, LoggerKind.SAVERIS2, key, wait_s=None)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    log.wizard_listings_while_waiting = wizard_watcher.status().polls - wizard_before
    log.view_listings_while_waiting = view_watcher.status().polls - view_before

    log.phase = "found and opened"
    click(qtbot, h.wizard.pages[PageId.FOUND].configure_button)
    view = window.devices_view
    qtbot.waitUntil(lambda: view.current_uuid == logger.device_uuid, timeout=15000)
    qtbot.waitUntil(lambda: view.detail_status.text() == "" and view.alarms_tab.isEnabled(), timeout=15000)
    tab = view.objects_tab
    qtbot.waitUntil(
        lambda: tab.status.text() != "" and not tab.status.text().startswith("Loading"), timeout=5000
    )

    log.phase = "object with preset"
    view.tabs.setCurrentWidget(tab)
    dialog = tab.open_create_dialog()
    type_text(qtbot, dialog.name, "Vaccine fridge")
    first = dialog.rows[0]
    qtbot.waitUntil(lambda: first.channel.isEnabled(), timeout=5000)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created is not None, timeout=5000)
    editor = tab.alarms_editor
    qtbot.waitUntil(
        lambda: editor.session is not None and tab.instruction_editor.session is not None, timeout=5000
    )
    choose(qtbot, editor.boxes[0].preset, data="fridge")
    click(qtbot, editor.apply_button)
    qtbot.waitUntil(lambda: "accepted" in editor.verdict.text(), timeout=5000)
    log.phase = "done"
    return log


#: the budget test prints its report after this line; the benchmark runs it and shows what follows
REPORT_MARKER = "== request count of the whole demo onboarding =="


def counted_total(log: RequestLog) -> int:
    """All requests, the polls while the logger was joining counted as the one listing that found it."""
    waiting_polls = Counter(log.of("waiting"))["GET /devices"]
    return log.total() - max(0, waiting_polls - 1)


def explain_minimum() -> list[str]:
    """The minimum, request by request, with why the flow needs it."""
    return [
        f"minimum of '{phase}': " + "; ".join(f"{request} ({why})" for request, why in MINIMUM[phase])
        for phase in PHASES
    ]


def report(log: RequestLog) -> list[str]:
    """Requests per phase, then the whole walk against the minimum and what went beyond it."""
    lines = []
    for phase in PHASES:
        sent = Counter(log.of(phase))
        listed = ", ".join(f"{n}× {r}" if n > 1 else r for r, n in sorted(sent.items()))
        note = " (polls while the logger joined)" if phase == "waiting" else ""
        lines.append(f"{phase}: {sum(sent.values())} requests{note}: {listed}")
    counted = counted_total(log)
    minimum = sum(len(needed) for needed in MINIMUM.values())
    sent_all = Counter(request for _phase, request in log.requests)
    sent_all["GET /devices"] -= max(0, Counter(log.of("waiting"))["GET /devices"] - 1)
    extra = sent_all - Counter(request for needed in MINIMUM.values() for request, _why in needed)
    extra_text = ", ".join(f"{n}× {r}" for r, n in sorted(extra.items())) or "nothing"
    lines.append(
        f"whole onboarding: {counted} requests against a minimum of {minimum} = {counted / minimum:.2f}× "
        f"(the polls while waiting counted as the one listing that found the logger); "
        f"beyond the minimum: {extra_text}; "
        f"most identical requests in flight at once: {max(log.most_in_flight.values(), default=0)}"
    )
    return lines
