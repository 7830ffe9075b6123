"""Against the documented profile, each undocumented read is tried once per session and never blamed on
permissions. The editors themselves run against both profiles in test_editors_both_profiles.py; the
filter here only counts the requests (the profile already refuses the undocumented routes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from saveris_desktop.simulator import LoggerKind, Simulator
from saveris_desktop.simulator.clock import ManualClock
from tests.documented_only import DocumentedOnly
from tests.ui.devices_harness import (
    DevicesHarness,
    close_harness,
    make_devices_harness,
    open_and_wait,
)

UNREADABLE = "The cloud does not let us read the current alarms; what you apply here replaces them."


class Documented:
    """The filter the harness's client talks through, kept for counting. `sim` (set once the harness
    made it) tells when the laptop is offline: then nothing answers, not even the gateway."""

    def __init__(self) -> None:
        self.transport: DocumentedOnly | None = None
        self.sim: Any = None

    def __call__(self, inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        self.transport = DocumentedOnly(inner, offline=lambda: bool(self.sim and self.sim.network_down))
        return self.transport

    def count(self, name: str) -> int:
        assert self.transport is not None
        return self.transport.count(name)


@pytest.fixture
def documented() -> Documented:
    return Documented()


@pytest.fixture
def harness(qtbot, qloop, documented: Documented) -> Iterator[DevicesHarness]:
    kinds = [LoggerKind.QSR_TEMPERATURE_HUMIDITY, LoggerKind.SAVERIS2]
    sim = Simulator(seed=5, join_delay=1.0, clock=ManualClock(), profile="documented")
    h = make_devices_harness(qtbot, kinds, sim=sim, wrap=documented)
    open_and_wait(qtbot, h, h.device_uuids[0])
    yield h
    close_harness(qtbot, h)


def test_each_undocumented_read_is_tried_once_per_session(qtbot, harness, documented) -> None:
    first, second = harness.device_uuids
    open_and_wait(qtbot, harness, second)
    open_and_wait(qtbot, harness, first)
    for name in (
        "get_device",
        "get_device_alarm_configuration",
        "get_sensor",
        "get_sensor_alarm_configuration",
    ):
        assert documented.count(name) == 1, name
    assert harness.view.alarms_tab.device_editor.notice.text() == UNREADABLE


def test_the_site_time_zone_label_says_it_cannot_be_read_without_blaming_permissions(
    qtbot, harness, documented
) -> None:
    label = harness.view.timezone_label
    qtbot.waitUntil(lambda: "loading" not in label.text(), timeout=5000)
    assert label.text() == "Timezone: unknown (the cloud does not let us read it; times in UTC)"
    assert documented.count("get_global_settings") == 1
