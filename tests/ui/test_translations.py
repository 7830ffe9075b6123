"""The German translation: complete, compiled as committed, installed on a German system, switchable."""

from __future__ import annotations

import filecmp
import logging
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from saveris_desktop.api import errors
from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.api.responses import ACTIONS, error_for_response
from saveris_desktop.api.routes import ROUTES
from saveris_desktop.app import restart_command
from saveris_desktop.core.runtime import languages
from saveris_desktop.ui import core_words, i18n, i18n_catalog, locale_format, plurals
from saveris_desktop.ui.error_text import OPERATION_WORDS, explain_error
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.ui.user_input import click
from tests.ui.wizard_harness import make_harness

GERMAN_SYSTEM = QLocale("de_DE")


def _describe(messages: list[i18n_catalog.Message]) -> str:
    return "\n".join(f"  {m.context}: {m.source!r}" for m in messages)


@pytest.mark.parametrize("code", i18n_catalog.translated_codes())
def test_every_marked_string_has_a_finished_translation(tmp_path: Path, code: str) -> None:
    # A fresh extraction of the code, compared with the committed file: a string added or changed in
    # the code after the last `python -m saveris_desktop.ui.i18n_catalog update` is named here.
    extracted = tmp_path / "extracted.ts"
    i18n_catalog.run_lupdate(extracted, code)
    wanted = {(m.context, m.source, m.numerus) for m in i18n_catalog.read(extracted)}
    committed = {(m.context, m.source, m.numerus): m for m in i18n_catalog.read(i18n_catalog.ts_path(code))}
    absent = sorted(key for key in wanted if key not in committed)
    unfinished = [
        committed[key] for key in sorted(wanted) if key in committed and not committed[key].complete
    ]
    assert not absent, (
        f"{len(absent)} strings are not in {i18n_catalog.ts_path(code).name}; run "
        "`python -m saveris_desktop.ui.i18n_catalog update` and translate them:\n"
        + "\n".join(f"  {context}: {source!r}" for context, source, _numerus in absent)
    )
    assert not unfinished, f"{len(unfinished)} strings are not translated yet:\n{_describe(unfinished)}"
    assert len(wanted) > 700  # the extraction itself worked


@pytest.mark.parametrize("code", i18n_catalog.translated_codes())
def test_the_committed_qm_is_the_compiled_ts(tmp_path: Path, code: str) -> None:
    compiled = tmp_path / "compiled.qm"
    i18n_catalog.run_lrelease(i18n_catalog.ts_path(code), compiled)
    assert filecmp.cmp(compiled, i18n.compiled_path(code), shallow=False), (
        f"{i18n.compiled_path(code).name} is older than its .ts: run "
        "`python -m saveris_desktop.ui.i18n_catalog release`"
    )


def test_translations_keep_their_placeholders() -> None:
    # A lost %1 shows the technician a sentence without the site name; a lost accelerator is harmless.
    import re

    placeholder = re.compile(r"%\d|\{\w+\}|<[^>]+>")
    for code in i18n_catalog.translated_codes():
        for message in i18n_catalog.read(i18n_catalog.ts_path(code)):
            for form in message.translations:
                assert sorted(placeholder.findall(form)) == sorted(placeholder.findall(message.source)), (
                    message.context,
                    message.source,
                    form,
                )


def test_the_language_follows_the_system_and_a_stored_choice_overrides_it() -> None:
    assert i18n.resolve(i18n.SYSTEM, GERMAN_SYSTEM) == "de"
    assert i18n.resolve(i18n.SYSTEM, QLocale("de_AT")) == "de"
    assert i18n.resolve(i18n.SYSTEM, QLocale("fr_FR")) == "en"
    assert i18n.resolve("en", GERMAN_SYSTEM) == "en"
    assert i18n.resolve("de", QLocale("en_US")) == "de"
    assert i18n.resolve("klingon", GERMAN_SYSTEM) == "de"  # an unknown stored value: as the system


def test_every_language_of_the_table_ships_its_translation() -> None:
    for code in i18n_catalog.translated_codes():
        assert i18n.compiled_path(code).is_file()
        assert i18n_catalog.ts_path(code).is_file()


def test_the_app_starts_in_german_on_a_german_system(qtbot, qt_settings, german: str) -> None:
    assert german == "de"
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Standort", "&Ansicht", "&Hilfe"]
    assert window.welcome.start_button.text() == "Logger &hinzufügen …"
    assert window.language_actions[i18n.SYSTEM].text() == "System (Deutsch)"
    assert window.language_actions[i18n.SYSTEM].isChecked()
    # Numbers and dates in German as well.
    assert QLocale().toString(5.5, "f", 1) == "5,5"
    assert QLocale().toDouble("0,5") == (0.5, True)


def test_the_sign_in_page_and_the_wizards_buttons_are_german(qtbot, qloop, german: str) -> None:
    harness = make_harness(qtbot)
    page = harness.wizard.currentPage()
    assert page.title() == "Anmelden"
    labels = {label.text() for label in page.findChildren(QLabel)}
    assert {"&Benutzername:", "&Passwort:", "Re&gion:"} <= labels
    texts = {widget.text() for widget in page.findChildren(QPushButton) if widget.isVisible()}
    assert "Z&eigen" in texts  # the password's show button (Alt+Z is Qt's "< &Zurück")
    next_text = harness.wizard.button(harness.wizard.WizardButton.NextButton).text()
    assert "Weiter" in next_text  # Qt's own strings come from its German translation
    cancel_text = harness.wizard.button(harness.wizard.WizardButton.CancelButton).text()
    assert cancel_text == "Abbrechen"


def test_german_counts_have_german_plural_forms(german: str) -> None:
    def translate(n: int) -> str:
        return QCoreApplication.translate("AuditLogDialog", "%n change(s)", None, n)

    assert translate(1) == "1 Änderung"
    assert translate(0) == "0 Änderungen"
    assert translate(7) == "7 Änderungen"
    seconds = "Checking the site's devices every %n second(s)."
    assert QCoreApplication.translate("WaitingPage", seconds, None, 1).endswith("jede Sekunde geprüft.")
    assert QCoreApplication.translate("WaitingPage", seconds, None, 5).endswith("alle 5 Sekunden geprüft.")


def test_choosing_another_language_is_stored_and_offers_a_restart(qtbot, qt_settings, german: str) -> None:
    ui_state = UiState()
    window = MainWindow(ui_state, demo=True)
    qtbot.addWidget(window)
    window.show()

    window.language_actions["de"].trigger()  # the language already shown: stored, nothing to restart
    assert ui_state.language() == "de"
    assert window.findChild(QMessageBox, "languageRestartDialog") is None

    window.language_actions["en"].trigger()
    assert QSettings().value("view/language") == "en"
    dialog = window.findChild(QMessageBox, "languageRestartDialog")
    assert dialog is not None and dialog.isVisible()
    assert "Entwürfe werden beim Tippen gespeichert" in dialog.informativeText()
    click(qtbot, dialog.findChild(QPushButton, "languageLaterButton"))
    assert window.isVisible() and not window.restart_requested

    window.language_actions[i18n.SYSTEM].trigger()  # back to the system's German: no restart needed
    assert ui_state.language() == i18n.SYSTEM
    window.language_actions["en"].trigger()
    dialogs = [d for d in window.findChildren(QMessageBox, "languageRestartDialog") if d.isVisible()]
    with qtbot.waitSignal(window.sig_quit_requested):
        click(qtbot, dialogs[-1].findChild(QPushButton, "languageRestartButton"))
    assert window.restart_requested and not window.isVisible()


def test_a_restart_a_close_guard_refuses_is_not_kept_for_a_later_quit(qtbot, qt_settings) -> None:
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    window.close_guards.append(lambda: False)  # e.g. changes that could not be saved on this laptop
    window.restart()
    assert window.isVisible() and not window.restart_requested


def test_a_restart_starts_the_same_app_with_the_same_options(monkeypatch: pytest.MonkeyPatch) -> None:
    assert restart_command(["--demo"]) == [sys.executable, "-m", "saveris_desktop", "--demo"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert restart_command(["--demo"]) == [sys.executable, "--demo"]


def test_the_frozen_bundle_carries_the_translations() -> None:
    # packaging/saveris_desktop.spec copies resources/ whole; i18n looks for the files there.
    spec = (Path(__file__).resolve().parents[2] / "packaging" / "saveris_desktop.spec").read_text()
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert i18n.translations_dir().parent.name == "resources"
    assert shutil.which("pyside6-lrelease") or Path(sys.executable).with_name("pyside6-lrelease").exists()


def _api_error(route: str, response: httpx.Response) -> errors.ApiError:
    endpoint = Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION)
    return error_for_response(response, ROUTES[route], endpoint)


def test_every_operation_has_words_for_the_error_sentences() -> None:
    assert set(OPERATION_WORDS) == set(ACTIONS)


def test_server_errors_are_explained_in_german_with_the_servers_own_words(german: str, caplog) -> None:
    refused = _api_error("list_devices", httpx.Response(403, json={"message": "Site locked"}))
    assert explain_error(refused) == (
        "Dieses Konto darf das nicht. Fragen Sie Ihren Saveris-Administrator. (Site locked)"
    )
    not_offered = _api_error(
        "get_device_alarm_configuration",
        httpx.Response(403, json={"message": "Missing Authentication Token"}),
    )
    assert explain_error(not_offered) == "Dieser Server bietet das nicht an: Lesen der Alarme des Loggers."
    gone = _api_error("get_device", httpx.Response(404, json={"message": "device 42 was deleted"}))
    with caplog.at_level(logging.INFO):
        text = explain_error(gone)
    assert text == (
        "Fehlgeschlagen: Lesen des Loggers. Die testo Cloud kennt diesen Standort oder dieses Objekt "
        "nicht (mehr). (device 42 was deleted)"
    )
    assert gone.message in caplog.text  # the API's English sentence stays in the log for support
    # In English the API's own sentence, which is the most precise, is shown as it is.
    i18n.install(QCoreApplication.instance(), "en", system=GERMAN_SYSTEM)
    assert explain_error(gone) == gone.message


def test_numbers_dates_and_ages_in_german(german: str) -> None:
    assert locale_format.number(5.5) == "5,5"
    assert locale_format.number(-0.25) == "-0,25"
    assert locale_format.number(1000.5) == "1000,5"  # no grouping: it can be typed back as shown
    assert locale_format.date_time(datetime(2026, 11, 28, 9, 5)) == "28.11.2026 09:05"
    assert locale_format.age(timedelta(seconds=20)) == "gerade eben"
    assert locale_format.age(timedelta(minutes=5)) == "vor 5 min"
    assert locale_format.age(timedelta(days=1)) == "vor 1 Tag"
    assert locale_format.age(timedelta(days=3)) == "vor 3 Tagen"


def test_numbers_dates_and_ages_in_english(qapp) -> None:
    english_plurals = plurals.install(qapp)  # as app.py does
    try:
        assert locale_format.number(5.5) == "5.5"
        assert locale_format.date_time(datetime(2026, 11, 28, 9, 5)) == "2026-11-28 09:05"
        assert locale_format.age(timedelta(days=1)) == "1 day ago"
        assert locale_format.age(timedelta(days=3)) == "3 days ago"
    finally:
        qapp.removeTranslator(english_plurals)


def test_a_limit_field_shows_and_takes_the_german_decimal_comma(qtbot, german: str) -> None:
    from saveris_desktop.ui.devices.fields import NumberField

    field = NumberField("upperAlarm", "Upper alarm", minimum=-40, maximum=120.5)
    qtbot.addWidget(field)
    field.set_value(8.5)
    assert field.edit.text() == "8,5"
    field.edit.clear()
    qtbot.keyClicks(field.edit, "200")
    assert field.typing_problem() == "Erlaubt: -40 … 120,5"
    field.edit.clear()
    qtbot.keyClicks(field.edit, "7,25")
    assert field.value() == 7.25 and field.typing_problem() == ""


def test_every_fixed_name_core_gives_the_ui_is_marked_for_translation() -> None:
    from saveris_desktop.core.devices import device_rows, presets, units

    names = set(units.VALUE_NAMES.values())
    names |= {name for _fragment, name in device_rows._DEVICE_TYPES} | {device_rows.device_type(None)}
    names |= {preset.title for preset in presets.PRESETS}
    assert names <= core_words.MARKED, sorted(names - core_words.MARKED)


def test_cores_names_read_german(german: str) -> None:
    assert core_words.value_name("PV_TEMPERATURE") == "Temperatur"
    assert core_words.value_name("PV_HUMIDITY") == "Feuchte"
    assert core_words.translated("QSR / WiFi logger") == "QSR-/WiFi-Logger"
    assert core_words.translated("Bakery's own name") == "Bakery's own name"  # not core's: as it is


def test_a_third_language_is_one_line_in_the_table(qtbot, qt_settings, monkeypatch) -> None:
    french = i18n.Language("fr", "Français")
    monkeypatch.setattr(languages, "LANGUAGES", (*languages.LANGUAGES, french))
    assert "fr" in i18n_catalog.translated_codes()  # `update` would create saveris_desktop_fr.ts
    assert i18n_catalog.ts_path("fr").name == "saveris_desktop_fr.ts"
    assert i18n.resolve(i18n.SYSTEM, QLocale("fr_CH")) == "fr"
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    assert window.language_actions["fr"].text() == "Français"


def test_cores_sentences_next_to_a_field_read_german(qtbot, german: str) -> None:
    from saveris_desktop.core.devices import alarm_rules
    from saveris_desktop.core.devices.ranges import DurationRange
    from saveris_desktop.ui.devices.fields import DurationField

    field = DurationField("measuring_cycle", "Measuring cycle")
    qtbot.addWidget(field)
    field.set_allowed(DurationRange(60_000, 86_400_000))
    assert field.hint.text() == "Erlaubt: 1 min … 24 h"
    field.edit.clear()
    qtbot.keyClicks(field.edit, "10 s")
    assert field.problem() == "10 s liegt außerhalb des erlaubten Bereichs 1 min … 24 h."
    field.edit.clear()
    qtbot.keyClicks(field.edit, "3 Tage")
    assert field.problem() == (
        "Unbekannte Einheit „Tage“; verwenden Sie s, min oder h. Erlaubt: 1 min … 24 h."
    )
    limits = alarm_rules.ChannelLimits(unit="PU_DEGREE_CELSIUS", lower_alarm=8.0, upper_alarm=2.0)
    [message] = alarm_rules.validate(limits, channel_unit="PU_DEGREE_CELSIUS").values()
    assert (
        message == "The upper alarm must be above the lower alarm (8 °C)."
    )  # core: English, as the CLI says
    assert core_words.translated(message) == "Der obere Alarmgrenzwert muss über dem unteren liegen (8 °C)."


def test_the_device_tables_status_and_sensor_columns_read_german(qtbot, qloop, german: str) -> None:
    from saveris_desktop.core.devices.device_rows import COLUMNS
    from tests.ui.devices_harness import close_harness, make_devices_harness

    harness = make_devices_harness(qtbot)
    model = harness.view.model
    columns = {name: index for index, name in enumerate(COLUMNS)}
    cells = [
        (model.index(row, columns["status"]).data(), model.index(row, columns["sensors"]).data())
        for row in range(model.rowCount())
    ]
    assert ("OK · Batterie 100 %", "1 von 1") in cells, cells
    assert model.row_at(0).status.startswith("OK")  # core's row stays English: the CLI prints it
    close_harness(qtbot, harness)


def test_the_commissioning_plans_cell_problems_read_german(qtbot, german: str) -> None:
    from saveris_desktop.core.commissioning.plan import COLUMNS as PLAN_COLUMNS
    from saveris_desktop.core.commissioning.plan import Column, PlanRow, row_problems
    from saveris_desktop.ui.commissioning.plan_editor import PlanEditor
    from tests.ui.commissioning.test_commissioning_plan_editor import type_in_cell

    rows = [PlanRow(serial="61100042", object="Fridge 1", preset="fridge"), PlanRow(serial="61100042")]
    editor = PlanEditor(rows)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    cycle = editor.model.index(0, PLAN_COLUMNS.index(Column.MEASURING_CYCLE))
    editor.table.setFocus()
    editor.table.setCurrentIndex(cycle)
    type_in_cell(qtbot, editor, "15")
    assert editor.cell_problem.text() == (
        "Zeile 1, Messtakt: '15' hat keine Einheit; schreiben Sie z. B. 5 min, 15 min oder 1 h."
    )
    editor.table.setCurrentIndex(cycle)
    type_in_cell(qtbot, editor, "5 Tage")  # core.devices.ranges' refusal, with the plan's straight quotes
    assert (
        editor.cell_problem.text()
        == "Zeile 1, Messtakt: Unbekannte Einheit 'Tage'; verwenden Sie s, min oder h."
    )
    serial = editor.model.index(1, PLAN_COLUMNS.index(Column.SERIAL))
    assert editor.model.problem(1, Column.SERIAL) == "Dieselbe Seriennummer wie Zeile 1."
    assert editor.model.data(serial, Qt.ItemDataRole.ToolTipRole) == "Dieselbe Seriennummer wie Zeile 1."
    # core's own words stay English: the CSV import and the CLI print them
    english = {problem.message for problem in row_problems(editor.model.rows)}
    assert "The same serial as row 1." in english
    assert "Unknown unit 'Tage'; use s, min or h." in english


def test_the_commissioning_reports_logger_state_and_type_read_german(qtbot, qloop, german: str) -> None:
    from saveris_desktop.ui.commissioning.report_dialog import CommissioningReportDialog
    from tests.ui.devices_harness import SITE, close_harness, make_devices_harness

    harness = make_devices_harness(qtbot)
    harness.services.set_site(SITE)
    dialog = CommissioningReportDialog(harness.services, SITE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    text = dialog.preview.toPlainText()
    assert "Zustand bei der Übergabe" in text
    assert "OK · Batterie 100 %" in text and "battery" not in text
    assert "QSR-/WiFi-Logger" in text
    dialog.close()
    close_harness(qtbot, harness)


def test_site_name_problems_read_german(german: str) -> None:
    from saveris_desktop.core.onboarding.flow import check_site_name
    from saveris_desktop.ui.site_names import site_name_message

    text = site_name_message(check_site_name("Bä\u200bckerei"), "Weiter")
    assert text.startswith("Das Zeichen an Position 3 ist unsichtbar (U+200B")
    assert "bleibt „Weiter“ gesperrt" in site_name_message(check_site_name("  "), "Weiter")
