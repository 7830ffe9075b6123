"""The hotspot guide and the virtual QSR logger agree with testo's overview: `Saveris2-xxx-xxx-xxx`."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import run
from tests.ui.wizard.test_wizard import _next, create_site, sign_in
from tests.ui.wizard_harness import make_harness


def test_the_guide_names_the_qsr_loggers_network_as_testo_does(qtbot, qloop) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    create_site(qtbot, h)
    _next(qtbot, h)
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    qtbot.mouseClick(guide.type_buttons[DeviceType.QSR_WIFI], Qt.MouseButton.LeftButton)
    steps = " ".join(label.text() for label in guide.steps_widget.findChildren(QLabel))
    assert "Saveris2-xxx-xxx-xxx" in steps
    assert "QSR-xxx" not in steps

    logger = h.sim.create_logger(LoggerKind.QSR_TEMPERATURE_HUMIDITY)
    h.sim.press_button(logger.id, 3.0)
    assert re.fullmatch(r"Saveris2-\d{3}-\d{3}-\d{3}", logger.hotspot_ssid)
    assert logger.hotspot_ssid in logger.status_text  # what the demo panel shows
    h.wizard.reject()
    run(qtbot, h.services.aclose())
