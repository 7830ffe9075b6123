"""One name per device type everywhere: the guide, the found page, the device table, the editor, the
report and the CLI call the same logger the same (core.devices.device_rows.device_type_of).

Before, the found page read the model code alone: the simulator's QSR logger (model "0572 3010",
product type "PT_QSR_TEMPERATURE") was "0572 3010" there and "QSR logger (WiFi)" in the table, while
the guide had offered it as "QSR / WiFi logger".
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from saveris_desktop.cli.commands import device_summary
from saveris_desktop.core.commissioning.report import gather_report
from saveris_desktop.core.devices.device_rows import COLUMNS, GATEWAY_164, QSR_LOGGER, SAVERIS_2_LOGGER
from saveris_desktop.core.onboarding.flow import DeviceType
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.commissioning.report_document import report_html
from saveris_desktop.ui.devices import DevicesView
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import FAST_POLL, run
from tests.ui.wizard.test_wizard import WIFI_PASSWORD, create_site, sign_in, to_waiting
from tests.ui.wizard_harness import make_harness


@pytest.mark.parametrize(
    ("guide_choice", "kind", "name"),
    [
        (DeviceType.QSR_WIFI, LoggerKind.QSR_TEMPERATURE, QSR_LOGGER),
        (DeviceType.SAVERIS_2, LoggerKind.SAVERIS2, SAVERIS_2_LOGGER),
        (DeviceType.GATEWAY_164, LoggerKind.GATEWAY_164, GATEWAY_164),
    ],
)
def test_the_guide_found_page_table_editor_report_and_cli_name_a_logger_alike(
    qtbot: Any, qloop: Any, guide_choice: DeviceType, kind: LoggerKind, name: str
) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    guide = h.wizard.pages[PageId.HOTSPOT_GUIDE]
    to_waiting(qtbot, h, guide_choice)
    assert guide.type_buttons[guide_choice].text() == name  # the guide's choice
    logger = h.sim.create_logger(kind)
    h.sim.press_button(logger.id, 3.0)
    assert h.sim.submit_configuration(logger.id, key, "Bakery-WLAN", WIFI_PASSWORD).ok
    h.sim.advance_time(10)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    found = h.wizard.pages[PageId.FOUND]
    assert found.model.text() == f"{logger.model_code} · {name}"

    site = h.services.site
    assert site is not None
    view = DevicesView(h.services, timing=FAST_POLL)
    qtbot.addWidget(view)
    view.show()
    view.show_site(site)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    cell = view.proxy.index(0, COLUMNS.index("device_type")).data()
    assert cell == name  # the device table
    view.open_device(logger.device_uuid)
    qtbot.waitUntil(lambda: logger.model_code in view.settings_editor.identity.text(), timeout=5000)
    assert f"model {logger.model_code} · {name} ·" in view.settings_editor.identity.text()  # the editor

    report = run(
        qtbot,
        gather_report(
            h.services.client,
            site,
            technician="Tech",
            server="demo",
            app_version="test",
            now=lambda: datetime(2026, 11, 28, 12, 0, tzinfo=UTC),
        ),
    )
    assert f"{logger.model_code} · {name}" in report_html(report)  # the commissioning report
    (device,) = run(qtbot, h.services.client.list_devices(site))
    assert device_summary(device)["device_type"] == name  # saveris-cli devices list
    run(qtbot, view.aclose())
