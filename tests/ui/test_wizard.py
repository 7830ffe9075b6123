"""The whole onboarding wizard against the in-process simulator (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from saveris_desktop.core.onboarding import DeviceType, Step
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind
from saveris_desktop.ui.wizard import PageId
from tests.ui.wizard_harness import Harness, make_harness

WIFI_PASSWORD = "correct horse battery"


def _next(h: Harness) -> None:
    h.wizard.button(h.wizard.WizardButton.NextButton).click()


def sign_in(qtbot, h: Harness) -> None:
    page = h.wizard.pages[PageId.SIGN_IN]
    assert page.username.text() == DEMO_USERNAME and page.password.text() == DEMO_PASSWORD
    _next(h)
    qtbot.waitUntil(lambda: h.page() is PageId.SITE, timeout=5000)


def create_site(qtbot, h: Harness, name: str = "Bakery North") -> str:
    page = h.wizard.pages[PageId.SITE]
    page.site.setEditText(name)
    page.timezone.setCurrentText("Europe/Berlin")
    _next(h)
    qtbot.waitUntil(lambda: h.page() is PageId.CONNECT_KEY, timeout=5000)
    return h.wizard.flow.data.connect_key


def to_waiting(qtbot, h: Harness, device_type: DeviceType = DeviceType.SAVERIS_2) -> None:
    _next(h)  # connect key -> guide
    assert h.page() is PageId.HOTSPOT_GUIDE
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    guide.type_buttons[device_type].setChecked(True)
    guide.ssid.setText("Bakery-WLAN")
    qtbot.waitUntil(lambda: h.wizard.flow.data.baseline_uuids is not None, timeout=5000)
    _next(h)
    assert h.page() is PageId.WAITING


def test_a_logger_that_joins_is_found_and_shown(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    assert h.services.signed_in
    key = create_site(qtbot, h)
    assert h.services.site == "Bakery North"
    to_waiting(qtbot, h)
    logger = h.sim.create_logger(LoggerKind.SAVERIS2)
    h.sim.press_button(logger.id, 3.0)
    assert h.sim.submit_configuration(logger.id, key, "Bakery-WLAN", WIFI_PASSWORD).ok
    h.sim.advance_time(10)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    found = h.wizard.pages[PageId.FOUND]
    assert found.serial.text() == logger.serial_number
    assert logger.model_code in found.model.text()
    assert found.firmware.text() == "1.17.0"
    qtbot.waitUntil(lambda: "NTC probe" in found.sensors.text(), timeout=5000)
    assert h.wizard.flow.step is Step.FOUND
