"""A commissioning plan from CSV as spreadsheets write it; every problem with its line and column."""

from __future__ import annotations

import pytest

from saveris_desktop.core.commissioning.csv_import import PlanImportError, read_plan_csv
from saveris_desktop.core.commissioning.plan import PlanRow, check_serial, row_problems


def problems_of(data: bytes, templates: tuple[str, ...] = ()) -> list[str]:
    with pytest.raises(PlanImportError) as caught:
        read_plan_csv(data, templates)
    return [str(p) for p in caught.value.problems]


def test_comma_separated_with_only_the_required_columns() -> None:
    rows = read_plan_csv(b"serial,object,preset\n61100042,Fridge 1,fridge\n611669074,Freezer,FREEZER\n")
    assert rows == [
        PlanRow(serial="61100042", object="Fridge 1", preset="fridge"),
        PlanRow(serial="611669074", object="Freezer", preset="FREEZER"),
    ]


def test_german_excel_semicolons_bom_crlf_quotes_and_blank_lines() -> None:
    data = (
        "\ufeffSerial;Object;Preset;Logger name;Measuring cycle;Communication cycle\r\n"
        '61100042;"Kühlschrank; Apotheke";fridge;"Logger ""A""";5min;15 min\r\n'
        "\r\n"
        "611 669 074;Tiefkühler;freezer;;1h;24 h\r\n"
        ";;;;;\r\n"
    ).encode()
    rows = read_plan_csv(data)
    assert rows[0] == PlanRow(
        serial="61100042",
        object="Kühlschrank; Apotheke",
        preset="fridge",
        logger_name='Logger "A"',
        measuring_cycle="5min",
        communication_cycle="15 min",
    )
    assert rows[1].serial == "611 669 074" and rows[1].measuring_cycle == "1h"
    assert len(rows) == 2


def test_a_comma_inside_quotes_and_a_column_order_of_its_own() -> None:
    rows = read_plan_csv(b'preset,object,serial\nroom,"Cold room, back",B-12345678\n')
    assert rows == [PlanRow(serial="B-12345678", object="Cold room, back", preset="room")]


def test_every_problem_of_the_file_with_line_and_column_and_nothing_imported() -> None:
    data = (
        b"serial;object;preset;measuring_cycle;communication_cycle\r\n"
        b"61100042;Fridge 1;fridge;5 min;15 min\r\n"
        b"ABC;Fridge 2;fridge;;\r\n"
        b"61100043;;fridg;15;\r\n"
        b"61100042;Fridge 1;room;15 min;5 min\r\n"
    )
    assert problems_of(data) == [
        "line 3, column 1 (serial): serial 'ABC' is not a serial number (6 to 20 letters or digits, mostly "
        "digits, as on the label).",
        "line 4, column 2 (measuring object): name the measuring object, e.g. Fridge 3.",
        "line 4, column 3 (preset): 'fridg' is not a preset: use fridge, freezer, room, humidity or the name "
        "of a saved alarm preset.",
        "line 4, column 4 (measuring cycle): '15' has no unit; write it like 5 min, 15 min or 1 h.",
        "line 5, column 1 (serial): the same serial as line 2.",
        "line 5, column 2 (measuring object): the same measuring object as line 2.",
        "line 5, column 5 (communication cycle): a logger cannot send more often than it measures: make it "
        "at least the measuring cycle.",
    ]


def test_a_line_number_counts_the_lines_of_a_quoted_value_over_two_lines() -> None:
    data = b'serial,object,preset\n61100042,"Fridge\nupstairs",fridge\nXYZ,Fridge 2,room\n'
    assert problems_of(data)[0].startswith("line 4, column 1 (serial):")


def test_header_problems() -> None:
    assert problems_of(b"serial,preset,colour\n61100042,fridge,red\n") == [
        "line 1, column 3 (colour): unknown column; expected serial, object, preset, logger_name, "
        "measuring_cycle, communication_cycle.",
        "line 1: the header row must name the columns object (a plan needs at least serial, object, preset).",
    ]
    assert problems_of(b"")[0] == "line 1: The file is empty; a plan needs a header row."
    assert problems_of(b"serial,object,preset\n")[0] == "line 1: The file has a header but no loggers."


def test_too_many_fields_and_text_that_is_not_utf8() -> None:
    assert problems_of(b"serial,object,preset\n61100042,Fridge,1,fridge\n")[0].startswith(
        "line 2, column 4: 4 fields where the header has 3"
    )
    assert problems_of("serial;object;preset\n61100042;Kühl;fridge\n".encode("cp1252")) == [
        "line 2: The file is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'."
    ]


def test_a_saved_alarm_preset_is_a_preset_too() -> None:
    rows = read_plan_csv(b"serial,object,preset\n61100042,Vaccines,Vaccine fridge\n", ("vaccine fridge",))
    assert rows[0].preset == "Vaccine fridge"


@pytest.mark.parametrize("serial", ["61100042", "611669074", "611 669 074", "B-12345678", "SN12345678"])
def test_serials_that_pass(serial: str) -> None:
    assert check_serial(serial) is None


@pytest.mark.parametrize(
    "serial", ["ABC", "12", "Fridge 3", "1234", "ABCDEF12", "6110-", "61100042!", "9" * 21]
)
def test_serials_that_do_not(serial: str) -> None:
    assert check_serial(serial) is not None


def test_the_editor_words_positions_as_rows() -> None:
    rows = [
        PlanRow(serial="61100042", object="A", preset="room"),
        PlanRow(serial="61100042", object="B", preset="room"),
    ]
    (problem,) = row_problems(rows)
    assert (problem.row, problem.message) == (1, "The same serial as row 1.")


async def test_a_plan_travels_in_the_exchange_file_without_what_the_other_laptop_applied(tmp_path) -> None:
    from saveris_desktop.core.commissioning.plan import Applied, CommissioningPlan, PlanStore, plan_key
    from saveris_desktop.core.commissioning.plan import write_plan as write
    from saveris_desktop.core.offline.exchange import Exchange
    from saveris_desktop.core.offline.store import Store

    rows = [PlanRow(serial="61100042", object="Fridge 1", preset="fridge", measuring_cycle="5 min")]
    source = await Store.open(tmp_path / "a.sqlite3")
    plan = CommissioningPlan(
        site="Shop", rows=rows, applied={"61100042": Applied(device_uuid="d")}, baseline=[]
    )
    await source.write(lambda connection: write(connection, plan_key("EU", "Shop"), plan))
    await Exchange(source).export(tmp_path / "plan.json")
    await source.close()

    target = await Store.open(tmp_path / "b.sqlite3")
    report = await Exchange(target).import_file(tmp_path / "plan.json")
    assert [k.kind for k in report.drafts_imported] == ["commissioning_plan"]
    arrived = await PlanStore(target, "EU").load("Shop")
    assert arrived == CommissioningPlan(site="Shop", rows=rows)
    await target.close()
