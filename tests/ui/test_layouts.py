"""Layouts that survive translation: every text 40 % longer and accented still fits, on a small screen.

Each screen is shown offscreen under PseudoTranslator; `clipped()` measures every label, button and
group title against its widget with font metrics, and no window needs more than 1280×720.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui import i18n
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from saveris_desktop.ui.wizard import PageId
from tests.ui.devices_harness import SITE, close_harness, make_devices_harness, run
from tests.ui.layout_check import (
    MAX_WINDOW,
    PseudoTranslator,
    clipped,
    pseudo,
    shared_accelerators,
    too_large,
    unnamed,
)
from tests.ui.user_input import click, set_checked, type_text
from tests.ui.wizard_harness import make_harness

GERMAN_SYSTEM = QLocale("de_DE")


@pytest.fixture(params=["pseudo", "de", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The pseudo-translation, the real German one (installed as on a German computer), English."""
    default = QLocale()
    if request.param == "pseudo":
        translator = PseudoTranslator(qapp)
        qapp.installTranslator(translator)
    elif request.param == "de":
        i18n.install(qapp, i18n.SYSTEM, system=GERMAN_SYSTEM)
    try:
        yield request.param
    finally:
        if request.param == "pseudo":
            qapp.removeTranslator(translator)
        else:
            i18n.install(qapp, i18n.SOURCE_LANGUAGE, system=QLocale("en_US"))
        QLocale.setDefault(default)


@pytest.fixture
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go: $SAVERIS_SCREENSHOTS (CI keeps it as an artefact), else a temp dir."""
    chosen = os.environ.get("SAVERIS_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_pseudo_translation_stretches_and_keeps_placeholders() -> None:
    text = pseudo("Site: <b>%1</b> &Copy")
    assert "%1" in text and "<b>" in text and "&Ç" in text
    assert len(pseudo("Sign in to the cloud")) >= len("Sign in to the cloud") * 1.4
    assert pseudo("Sign in") != "Sign in"


def _check(window, where: str, shots: Path | None = None, language: str = "") -> list[str]:
    QApplication.processEvents()
    if shots is not None:
        name = re.sub(r"[^a-z0-9]+", "-", f"{language} {where}".lower()).strip("-")
        window.grab().save(str(shots / f"{name}.png"))
    problems = [f"{where}: {p}" for p in clipped(window)]
    problems += [f"{where}: no accessible name: {p}" for p in unnamed(window)]
    problems += [f"{where}: one key for two: {p}" for p in shared_accelerators(window)]
    size = too_large(window)
    return [*problems, f"{where}: {size}"] if size else problems


def test_every_wizard_page_fits_its_text(qtbot, qloop, language: str, shots: Path) -> None:
    h = make_harness(qtbot, default_size=True)
    wizard = h.wizard
    wizard.setObjectName("wizard")

    def check(where: str) -> list[str]:
        return _check(wizard, f"wizard {where}", shots, language)

    problems = check("sign-in")

    def next_page(target: PageId) -> None:
        click(qtbot, wizard.button(wizard.WizardButton.NextButton))
        qtbot.waitUntil(lambda: h.page() is target, timeout=5000)

    next_page(PageId.SITE)
    problems += check("site")
    site = wizard.pages[PageId.SITE]
    type_text(qtbot, site.site, "Bakery North")
    type_text(qtbot, site.timezone, "Europe/Berlin")
    next_page(PageId.CONNECT_KEY)
    problems += check("connect key")
    key = wizard.flow.data.connect_key
    next_page(PageId.HOTSPOT_GUIDE)
    guide = wizard.pages[PageId.HOTSPOT_GUIDE]
    type_text(qtbot, guide.ssid, "Bakery-WLAN")
    qtbot.waitUntil(lambda: wizard.flow.data.baseline_uuids is not None, timeout=5000)
    for device_type, button in guide.type_buttons.items():
        set_checked(qtbot, button, True)
        problems += check(f"hotspot guide {device_type}")
    next_page(PageId.WAITING)
    problems += check("waiting")
    logger = h.sim.create_logger(LoggerKind.SAVERIS2)
    h.sim.press_button(logger.id, 3.0)
    assert h.sim.submit_configuration(logger.id, key, "Bakery-WLAN", "pw123456").ok
    h.sim.advance_time(10)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    problems += check("found")
    assert not problems, "\n".join(problems)


def test_the_main_window_its_editor_tabs_and_the_demo_panel_fit_their_text(
    qtbot, qloop, qt_settings, language: str, shots: Path
) -> None:
    harness = make_devices_harness(qtbot)
    harness.view.hide()  # the harness's own view; the window below gets one of its own
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.resize(*MAX_WINDOW)
    window.show()
    window.attach_services(harness.services)
    view = window.devices_view
    assert view is not None
    view.show_site(SITE)
    window.stack.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == len(harness.device_uuids), timeout=5000)
    problems = _check(window, "main window", shots, language)
    for uuid in harness.device_uuids:
        view.open_device(uuid)
        qtbot.waitUntil(
            lambda uuid=uuid: view.current_uuid == uuid and view.detail_status.text() == "", timeout=5000
        )
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            qtbot.wait(50)  # the tab's editor reads its data
            tab = view.tabs.tabText(index).replace("&", "")
            problems += _check(window, f"{uuid[:4]} tab {index} {tab[:12]}", shots, language)
    run(qtbot, window.aclose())
    close_harness(qtbot, harness)
    assert not problems, "\n".join(problems)


def test_the_dialogs_fit_their_text(
    qtbot, qloop, qt_settings, tmp_path: Path, language: str, shots: Path
) -> None:
    from saveris_desktop.core.offline.work import OfflineWork
    from saveris_desktop.ui.first_contact_dialog import FirstContactDialog
    from saveris_desktop.ui.offline.audit_dialog import AuditLogDialog
    from saveris_desktop.ui.offline.pending_dialog import PendingChangesDialog
    from saveris_desktop.ui.offline.site_plan_dialog import SitePlanDialog
    from saveris_desktop.ui.offline.templates_dialog import TemplatesDialog

    harness = make_devices_harness(qtbot)
    harness.services.set_site(SITE)
    work = run(qtbot, OfflineWork.open(harness.services, tmp_path / "offline.sqlite3"))
    problems: list[str] = []
    for dialog in (
        FirstContactDialog(harness.services),
        PendingChangesDialog(work),
        AuditLogDialog(work),
        TemplatesDialog(work),
        SitePlanDialog(work),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(100)  # what the dialog reads at the start (templates, objects, the queue)
        problems += _check(dialog, dialog.objectName(), shots, language)
        dialog.close()
    run(qtbot, work.aclose())
    close_harness(qtbot, harness)
    assert not problems, "\n".join(problems)


def test_the_commissioning_window_and_report_fit_their_text(
    qtbot, qloop, qt_settings, tmp_path: Path, language: str, shots: Path
) -> None:
    from saveris_desktop.core.commissioning.plan import PlanRow
    from saveris_desktop.core.offline.work import OfflineWork
    from saveris_desktop.ui.commissioning.report_dialog import CommissioningReportDialog
    from saveris_desktop.ui.commissioning.window import CommissioningWindow

    harness = make_devices_harness(qtbot)
    harness.services.set_site(SITE)
    work = run(qtbot, OfflineWork.open(harness.services, tmp_path / "offline.sqlite3"))
    assert work.engine is not None
    window = CommissioningWindow(work, work.engine, SITE)
    qtbot.addWidget(window)
    window.show()
    # a row with problems, so the cell's problem line and the summary show (a serial planned twice)
    window.editor.model.replace_rows(
        [PlanRow(serial="61100042", object="Fridge 1"), PlanRow(serial="61100042")]
    )
    problems = _check(window, "commissioning board", shots, language)
    if window.steps_scroll.horizontalScrollBar().maximum() > 0:
        problems.append(
            "commissioning board: the hotspot steps are cut off at the right (they scroll sideways)"
        )
    window.tabs.setCurrentIndex(1)
    window.editor.table.setCurrentIndex(window.editor.model.index(1, 0))
    problems += _check(window, "commissioning plan", shots, language)
    window.close()
    run(qtbot, window.aclose())
    report = CommissioningReportDialog(harness.services, SITE)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitUntil(lambda: report.save_button.isEnabled(), timeout=10000)
    problems += _check(report, "commissioning report", shots, language)
    report.close()
    run(qtbot, work.aclose())
    close_harness(qtbot, harness)
    assert not problems, "\n".join(problems)
