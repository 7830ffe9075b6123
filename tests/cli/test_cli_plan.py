"""saveris-cli plan check / plan apply through main(argv), against the demo simulator (--demo)."""

from __future__ import annotations

from pathlib import Path

from saveris_desktop.core.runtime import paths

SITE = "Bakery Commissioning"


def test_plan_check_accepts_a_valid_file_and_exits_0(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.csv"
    plan.write_bytes(
        "\ufeffserial;object;preset;measuring_cycle\r\n61100042;Kühlschrank 1;fridge;5 min\r\n".encode()
    )
    ran = cli("plan", "check", str(plan))
    assert ran.code == 0, ran.err
    assert ran.out == "The plan is valid: 1 logger(s).\n"
    assert cli("--json", "plan", "check", str(plan)).json() == {
        "file": str(plan),
        "valid": True,
        "loggers": 1,
        "problems": [],
    }


def test_plan_check_lists_every_problem_with_line_and_column(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "serial,object,preset\n61100042,Fridge 1,fridge\nABC,Fridge 2,fridge\n61100042,Fridge 3,cellar\n"
    )
    ran = cli("plan", "check", str(plan))
    assert ran.code == 2
    assert ran.out == ""
    lines = ran.err.splitlines()
    assert lines[0] == (
        f"{plan}: line 3, column 1 (serial): serial 'ABC' is not a serial number (6 to 20 letters or "
        "digits, mostly digits, as on the label)."
    )
    assert lines[1] == f"{plan}: line 4, column 1 (serial): the same serial as line 2."
    assert lines[2].startswith(f"{plan}: line 4, column 3 (preset): 'cellar' is not a preset")
    assert lines[3] == "saveris-cli: The plan has 3 problem(s); nothing was imported."
    as_json = cli("--json", "plan", "check", str(plan))
    assert as_json.code == 2
    data = as_json.json()
    assert data["valid"] is False  # type: ignore[index]
    assert [(p["line"], p["column"]) for p in data["problems"]] == [(3, 1), (4, 1), (4, 3)]  # type: ignore[index]


def test_plan_check_of_a_missing_file_is_one_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ran = cli("plan", "check", str(tmp_path / "nowhere.csv"))
    assert ran.code == 2 and ran.err.count("\n") == 1 and "cannot be read" in ran.err


def _add_logger(cli, kind: str = "qsr_temperature", join_after: str = "0") -> str:  # type: ignore[no-untyped-def]
    added = cli(
        "--demo", "--json", "demo", "add-logger", "--site", SITE, "--kind", kind, "--join-after", join_after
    )
    assert added.code == 0, added.err
    return str(added.json()["serial_number"])  # type: ignore[index]


def test_plan_apply_configures_the_loggers_present_then_waits_for_the_rest(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--demo", "site", "create", SITE).code == 0
    present = [_add_logger(cli), _add_logger(cli, "qsr_temperature_humidity")]
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "serial;object;preset;logger_name;measuring_cycle;communication_cycle\n"
        f"{present[0]};Fridge 1;fridge;Fridge logger 1;5 min;15 min\n"
        f"{present[1]};Humidity store;humidity;;;\n"
    )
    ran = cli("--demo", "--json", "plan", "apply", str(plan), "--site", SITE)
    assert ran.code == 0, ran.err
    result = ran.json()
    assert (result["configured"], result["expected"]) == (2, 2)  # type: ignore[index]
    assert f"{present[0]} → Fridge 1: configured" in ran.err  # progress on stderr
    assert ran.out.startswith("{")
    # the demo's plan and queue live apart from the app's real ones
    assert (paths.data_dir() / "demo-cli-saveris-desktop.sqlite3").exists()
    assert not (paths.data_dir() / "saveris-desktop.sqlite3").exists()

    # what the (demo) cloud received, seen through the CLI's own listing
    listed = cli("--demo", "--json", "devices", "list", "--site", SITE).json()
    names = {d["serial_number"]: d["name"] for d in listed["devices"]}  # type: ignore[index]
    assert names[present[0]] == "Fridge logger 1"

    # applying again sends nothing twice; a third logger joins later and --wait picks it up
    late = _add_logger(cli, join_after="1")
    with plan.open("a") as extra:
        extra.write(f"{late};Freezer;freezer;;;\n")
    waited = cli("--demo", "plan", "apply", str(plan), "--site", SITE, "--wait", "--timeout", "60")
    assert waited.code == 0, waited.err
    assert waited.out.startswith(f"3 of 3 configured in “{SITE}”.")
    simulator_state = (paths.data_dir() / "demo-cli-simulator.json").read_text()
    assert simulator_state.count('"Freezer"') >= 1 and simulator_state.count('"Fridge 1"') == 1


def test_plan_apply_reports_a_logger_that_needs_attention_with_exit_5(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--demo", "site", "create", SITE).code == 0
    serial = _add_logger(cli)
    plan = tmp_path / "plan.csv"
    plan.write_text(f"serial,object,preset,measuring_cycle\n{serial},Fridge,fridge,10 s\n")
    ran = cli("--demo", "plan", "apply", str(plan), "--site", SITE)
    assert ran.code == 5
    assert "needs attention (The measuring cycle of logger" in ran.out
    assert ran.err.endswith("saveris-cli: 1 logger(s) need attention.\n")


def test_plan_apply_never_shares_the_data_folder_with_the_running_app(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch
) -> None:
    """The app holds the data folder (its drafts and outbox): applying waits, then says so (exit 7)
    and queues nothing; checking a plan reads beside it and says it works read-only."""
    from saveris_desktop.cli import commands
    from saveris_desktop.core.runtime.instance_lock import DataFolderLock

    monkeypatch.setattr(commands, "DATA_FOLDER_WAIT_SECONDS", 0.2)
    assert cli("--demo", "site", "create", SITE).code == 0
    serial = _add_logger(cli)
    plan = tmp_path / "plan.csv"
    plan.write_text(f"serial,object,preset\n{serial},Fridge 1,fridge\n")
    app = DataFolderLock()
    assert app.try_acquire()  # as the running app holds it
    try:
        applied = cli("--demo", "plan", "apply", str(plan), "--site", SITE)
        assert applied.code == 7
        assert "Saveris Desktop is using the data folder" in applied.err and "Close it" in applied.err
        assert not (paths.data_dir() / "demo-cli-saveris-desktop.sqlite3").exists()  # nothing queued
        checked = cli("plan", "check", str(plan))
        assert checked.code == 0, checked.err
        assert "working read-only (nothing is changed or sent)" in checked.err
    finally:
        app.release()
    assert cli("--demo", "plan", "apply", str(plan), "--site", SITE).code == 0  # the app closed: it goes


def test_the_readme_demo_run_ten_loggers_from_a_csv_to_the_report(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """README, "A demo run": a plan of ten loggers from a CSV, ten virtual loggers through the hotspot
    procedure, all ten configured, the report produced, with no plan row left open."""
    import json

    assert cli("--demo", "site", "create", SITE, "--timezone", "Europe/Berlin").code == 0
    kinds = ["qsr_temperature", "qsr_temperature_humidity"]
    serials = [_add_logger(cli, kinds[n % 2]) for n in range(10)]
    presets = ["fridge", "humidity"]
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "serial;object;preset;measuring_cycle\n"
        + "".join(f"{s};Fridge {n + 1};{presets[n % 2]};5 min\n" for n, s in enumerate(serials)),
        encoding="utf-8-sig",
    )
    assert cli("plan", "check", str(plan)).code == 0
    applied = cli(
        "--demo", "--json", "plan", "apply", str(plan), "--site", SITE, "--wait", "--timeout", "120"
    )
    assert applied.code == 0, applied.err
    assert (applied.json()["configured"], applied.json()["expected"]) == (10, 10)  # type: ignore[index]
    report = tmp_path / "report.json"
    assert cli("--demo", "report", "--site", SITE, "--out", str(report)).code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert sorted(logger["serial_number"] for logger in data["loggers"]) == sorted(serials)
    assert data["open_plan_rows"] == []  # every planned logger was configured
