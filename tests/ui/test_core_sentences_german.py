"""core's sentences the window used to show in English, now German on a German system: alarm-limit
summaries, durations with a fraction ("1,5 s"), the virtual logger's messages, the commissioning board's
details and the problems of an imported plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from saveris_desktop.core.commissioning.plan import PlanRow
from saveris_desktop.core.commissioning.runner import Board, LoggerProgress, LoggerState
from saveris_desktop.core.devices import alarm_rules
from saveris_desktop.core.devices.ranges import format_duration
from saveris_desktop.core.runtime.sentences import Sentence
from saveris_desktop.ui import core_words, locale_format
from saveris_desktop.ui.commissioning.board_model import COLUMN_DETAIL, BoardTableModel
from saveris_desktop.ui.commissioning.plan_editor import PlanEditor
from saveris_desktop.ui.devices.fields import DurationField
from tests.ui.devices_harness import run
from tests.ui.user_input import click, type_text
from tests.ui.wizard_harness import make_services


def test_an_alarm_limit_summary_reads_german_with_decimal_commas(german: str) -> None:
    limits = alarm_rules.ChannelLimits(
        "PU_DEGREE_CELSIUS", lower_alarm=2, upper_alarm=8.5, upper_warning=7.5, delay_ms=1500
    )
    summary = alarm_rules.describe(limits)
    assert summary == "alarm < 2 °C / > 8.5 °C, warn > 7.5 °C, after 1.5 s"  # English for the CLI and log
    assert core_words.translated(summary) == "Alarm < 2 °C / > 8,5 °C, Warnung > 7,5 °C, nach 1,5 s"
    assert (
        core_words.translated(alarm_rules.describe(alarm_rules.ChannelLimits("PU_NONE")))
        == "keine Grenzwerte"
    )


def test_a_duration_with_a_fraction_shows_and_takes_the_decimal_comma(qtbot, german: str) -> None:
    assert locale_format.duration(1500) == "1,5 s" and format_duration(1500) == "1.5 s"
    assert locale_format.duration(5_400_000) == "1 h 30 min"
    field = DurationField("delay", "Delay")
    qtbot.addWidget(field)
    field.set_value(2500)
    assert field.edit.text() == "2,5 s"
    field.edit.clear()
    type_text(qtbot, field.edit, "7,5 s")
    assert field.value() == 7500


def test_the_boards_details_read_german(qtbot, german: str) -> None:
    problem = Sentence("Logger %1 has no sensor yet; plug one in, then retry.", "61100042")
    board = Board(
        site="Bäckerei",
        loggers=(LoggerProgress(0, "61100042", "Kühlschrank 1", LoggerState.ATTENTION, detail=problem),),
        unexpected=(),
        listing_applied=True,
    )
    model = BoardTableModel()
    model.show_board(board)
    detail = model.data(model.index(0, COLUMN_DETAIL), Qt.ItemDataRole.DisplayRole)
    assert (
        detail
        == "Logger 61100042 hat noch keinen Fühler; stecken Sie einen an und versuchen Sie es dann erneut."
    )
    assert core_words.translated(board.summary()) == "0 von 1 eingerichtet"


def test_an_imported_plans_problems_read_german(qtbot, qloop, german: str, tmp_path: Path) -> None:
    editor = PlanEditor([PlanRow(serial="61100042", object="Kühlschrank 1", preset="fridge")])
    qtbot.addWidget(editor)
    bad = tmp_path / "plan.csv"
    bad.write_text("serial;object;preset;colour\n61100042;Kühlschrank;fridge;rot\n61100042;K2;fridge;blau\n")
    assert not run(qtbot, editor.import_csv(bad))
    shown = editor.import_problems.text()
    assert "Zeile 1, Spalte 4 (colour): Unbekannte Spalte; erwartet: serial, object, preset" in shown, shown
    no_rows = tmp_path / "empty.csv"
    no_rows.write_text("serial;object;preset\n")
    assert not run(qtbot, editor.import_csv(no_rows))
    assert "Zeile 1: Die Datei hat eine Kopfzeile, aber keine Logger." in editor.import_problems.text()
    twice = tmp_path / "twice.csv"
    twice.write_text("serial;object;preset\n61100042;K1;fridge\n61100042;K2;fridge\n")
    assert not run(qtbot, editor.import_csv(twice))
    assert (
        "Zeile 3, Spalte 1 (Seriennummer): Dieselbe Seriennummer wie Zeile 2."
        in editor.import_problems.text()
    )


def test_the_virtual_loggers_messages_read_german(qtbot, qloop, german: str) -> None:
    from saveris_desktop.simulator import Simulator
    from saveris_desktop.ui.demo_panel import DemoPanel

    panel = DemoPanel(make_services(Simulator(seed=1)))
    qtbot.addWidget(panel)
    click(qtbot, panel.unpack_button)
    qtbot.waitUntil(lambda: panel.loggers.count() == 1)
    assert panel.status_text.text().startswith("Nicht eingerichtet. Halten Sie die Taste 3 Sekunden lang")
    click(qtbot, panel.button_press)
    qtbot.waitUntil(
        lambda: panel.status_text.text().startswith("Hotspot offen: Verbinden Sie sich mit dem WLAN")
    )
    type_text(qtbot, panel.account_id, "ABC")
    click(qtbot, panel.save_config)
    assert panel.result.text().startswith("Nicht gespeichert: Bitte korrigieren Sie die markierten Felder.\n")
    assert "Das ist kein Verbindungsschlüssel" in panel.result.text()


def test_the_reports_dates_and_limits_follow_the_locale(german: str) -> None:
    from datetime import datetime, timedelta, timezone

    from saveris_desktop.ui.commissioning import report_document

    moment = datetime(2026, 11, 28, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    assert report_document.moment_words(moment) == "28.11.2026 10:30 (UTC+01:00)"
    limits = alarm_rules.ChannelLimits("PU_DEGREE_CELSIUS", upper_alarm=8.5)
    assert report_document._limit(limits, limits.upper_alarm) == "8,5 °C"


def test_the_reports_dates_and_limits_in_english(qapp: QApplication) -> None:
    from datetime import UTC, datetime

    from saveris_desktop.ui.commissioning import report_document

    assert report_document.moment_words(datetime(2026, 11, 28, 10, 30, tzinfo=UTC)) == (
        "2026-11-28 10:30 (UTC+00:00)"
    )
    limits = alarm_rules.ChannelLimits("PU_DEGREE_CELSIUS", upper_alarm=8.5)
    assert report_document._limit(limits, limits.upper_alarm) == "8.5 °C"


def test_an_imported_plans_problems_in_english_keep_their_lower_case(qtbot, qloop, tmp_path: Path) -> None:
    editor = PlanEditor([])
    qtbot.addWidget(editor)
    twice = tmp_path / "twice.csv"
    twice.write_text("serial;object;preset\n61100042;K1;fridge\n61100042;K2;fridge\n")
    assert not run(qtbot, editor.import_csv(twice))
    assert "line 3, column 1 (serial): the same serial as line 2." in editor.import_problems.text()


def test_a_site_plans_object_progress_reads_german(german: str) -> None:
    from saveris_desktop.core.offline.site_plan import PlannedChannel, PlannedObject, object_progress

    waiting = PlannedObject(
        name="Kühlraum", logical_channels=[PlannedChannel(name="Innen", physical_value_id="PV_TEMPERATURE")]
    )
    progress = object_progress(waiting, [])
    assert progress.detail is not None
    assert core_words.translated(progress.detail) == (
        "Ordnen Sie einen Fühler zu: Innen (nachdem der Logger beigetreten ist)."
    )


def test_the_reports_open_plan_rows_say_why_in_german(german: str) -> None:
    from saveris_desktop.core.commissioning.report import OpenPlanRow

    problem = Sentence("Logger %1 has no sensor yet; plug one in, then retry.", "61100042")
    board = Board(
        site="Bäckerei",
        loggers=(
            LoggerProgress(0, "61100042", "Kühlschrank 1", LoggerState.ATTENTION, detail=problem),
            LoggerProgress(1, "61100043", "Kühlschrank 2", LoggerState.WAITING),
        ),
        unexpected=(),
        listing_applied=True,
    )
    first, second = OpenPlanRow.of_board(board)
    assert first.reason == "needs attention: Logger 61100042 has no sensor yet; plug one in, then retry."
    assert core_words.translated(first.reason) == (
        "braucht Aufmerksamkeit: Logger 61100042 hat noch keinen Fühler; stecken Sie einen an und "
        "versuchen Sie es dann erneut."
    )
    assert core_words.translated(second.reason) == "wartet"


def test_a_refused_site_name_without_the_clouds_reason_reads_german(german: str) -> None:
    """The API's English sentence is shown only to English readers; German gets the app's words."""
    from saveris_desktop.api.errors import RequestValidationError
    from saveris_desktop.ui.site_names import name_refused_message

    english = "POST /connect-keys was refused (400)."
    bare = name_refused_message(RequestValidationError(english, status=400))
    assert bare.startswith("Die Cloud hat diesen Namen abgelehnt: ") and english not in bare
    with_reason = name_refused_message(
        RequestValidationError(english, status=400, server_reason="name taken")
    )
    assert with_reason == "Die Cloud hat diesen Namen abgelehnt: name taken"  # the server's own words
