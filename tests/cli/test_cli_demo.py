"""saveris-cli against the app's demo simulator (`--demo`), each command through main(argv)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from saveris_desktop.cli import main as cli_main
from saveris_desktop.core.devices.presets import PRESETS
from saveris_desktop.core.runtime import paths
from saveris_desktop.simulator import DEMO_PASSWORD

SITE = "Pharmacy Main Street"


def one_sentence(text: str) -> bool:
    """An error as the contract wants it: one line, no traceback."""
    return text.count("\n") == 1 and "Traceback" not in text and text.startswith("saveris-cli: ")


def test_help_documents_every_exit_code(cli) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--help")
    assert ran.code == 0
    for code in range(7):
        assert f"\n  {code}  " in ran.out
    assert "SAVERIS_PASSWORD" in ran.out


def test_the_option_lists_follow_the_core() -> None:
    from saveris_desktop.api.regions import Environment, Region
    from saveris_desktop.simulator import LoggerKind

    assert tuple(r.value for r in Region) == cli_main.REGIONS
    assert tuple(e.value for e in Environment) == cli_main.ENVIRONMENTS
    assert tuple(p.key for p in PRESETS) == cli_main.PRESET_KEYS
    assert tuple(k.value for k in LoggerKind) == cli_main.DEMO_LOGGER_KINDS


def test_help_starts_light_and_no_command_imports_qt(tmp_path: Path) -> None:
    """--help loads neither httpx nor pydantic; a whole demo command never loads Qt."""
    probe = (
        "import sys\n"
        "from saveris_desktop.cli.main import main\n"
        "main(['--help'])\n"
        "heavy = [m for m in ('httpx', 'pydantic', 'PySide6') if m in sys.modules]\n"
        "main(['--demo', 'site', 'create', 'Light'])\n"
        "print('HEAVY', heavy, 'QT', 'PySide6' in sys.modules or 'qasync' in sys.modules)\n"
    )
    env = {**__import__("os").environ, paths.HOME_ENV: str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert "HEAVY [] QT False" in result.stdout, result.stdout + result.stderr


def test_site_create_prints_the_site_its_key_and_a_qr_code(cli) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--demo", "site", "create", "Pharmacy  Main Street", "--timezone", "Europe/Berlin", "--qr")
    assert ran.code == 0, ran.err
    assert f"Site: {SITE}" in ran.out  # normalised as the wizard does
    assert "Connect key: " in ran.out
    assert "█" in ran.out or "▀" in ran.out
    as_json = cli("--demo", "--json", "site", "create", SITE).json()
    assert isinstance(as_json, dict)
    assert as_json["site"] == SITE
    assert as_json["connect_key"] in ran.out  # an existing site gives its key again


def test_the_demo_flow_from_site_to_object_and_first_contact(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--demo", "site", "create", SITE).code == 0
    assert cli("--demo", "demo", "add-logger", "--site", SITE, "--join-after", "0.5").code == 0
    waited = cli("--demo", "--json", "devices", "wait", "--site", SITE, "--new", "1", "--timeout", "60")
    assert waited.code == 0, waited.err
    (new,) = waited.json()["new_devices"]  # type: ignore[index]
    serial = new["serial_number"]
    assert "New: " in waited.err and serial in waited.err  # progress on stderr
    assert waited.out.startswith("{")  # nothing but the JSON on stdout

    listed = cli("--demo", "devices", "list", "--site", SITE)
    assert listed.code == 0
    (line,) = listed.out.splitlines()
    assert line.startswith(serial) and "firmware" in line and "sensors 1 of 1" in line

    changed = cli(
        "--demo", "--json", "device", "set", serial, "--site", SITE,
        "--name", "Vaccine fridge", "--measuring-cycle", "2 min", "--communication-cycle", "1h",
    )  # fmt: skip
    assert changed.code == 0, changed.err
    fields = {c["field"]: c["after"] for c in changed.json()["changes"]}  # type: ignore[index]
    assert fields == {"name": "Vaccine fridge", "measuring_cycle": 120_000, "communication_cycle": 3_600_000}
    again = cli("--demo", "--json", "devices", "list", "--site", SITE).json()
    assert again["devices"][0]["name"] == "Vaccine fridge"  # type: ignore[index]

    created = cli(
        "--demo", "--json", "object", "create", "--site", SITE, "--name", "Fridge 1",
        "--channel", f"Inside={serial}:1:Temperature", "--preset", "fridge",
    )  # fmt: skip
    assert created.code == 0, created.err
    obj = created.json()
    assert obj["preset"] == {"key": "fridge", "channels": ["Inside"]}  # type: ignore[index]
    assert obj["logical_channels"][0]["physical_value_id"] == "PV_TEMPERATURE"  # type: ignore[index]

    report_path = tmp_path / "contact.json"
    checked = cli("--demo", "check-api", "--site", SITE, "--report", str(report_path))
    assert checked.code == 0, checked.out + checked.err
    assert str(report_path) in checked.out
    report = report_path.read_text(encoding="utf-8")
    assert serial not in report and f"…{serial[-4:]}" in report
    assert DEMO_PASSWORD + '"' not in report and "IdToken" not in report


def test_check_api_without_a_site_checks_the_sign_in_and_writes_to_the_data_folder(cli) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--demo", "--json", "check-api")
    assert ran.code == 0
    report = Path(ran.json()["report"])  # type: ignore[index]
    assert report.parent == paths.data_dir() / "first-contact"
    assert json.loads(report.read_text(encoding="utf-8"))["operations"][0]["operation"] == "token"


def test_waiting_gives_up_after_the_timeout_with_exit_6(cli) -> None:  # type: ignore[no-untyped-def]
    cli("--demo", "site", "create", SITE)
    ran = cli("--demo", "devices", "wait", "--site", SITE, "--timeout", "0.5")
    assert ran.code == 6
    assert one_sentence(ran.err.splitlines(keepends=True)[-1])
    assert "0 of 1 new logger(s) appeared" in ran.err


def test_a_wrong_password_is_exit_3_and_never_printed(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(cli_main.PASSWORD_ENV, "Wrong-Secret-42")
    ran = cli("--demo", "devices", "list", "--site", SITE)
    assert ran.code == 3
    assert one_sentence(ran.err) and "wrong user name or password" in ran.err
    assert "Wrong-Secret-42" not in ran.out + ran.err
    assert not (paths.log_dir() / "saveris-desktop.log").exists()  # the app's log is the app's own
    log = (paths.log_dir() / "saveris-cli.log").read_text(encoding="utf-8")
    assert "POST http://127.0.0.1/token" in log and "Wrong-Secret-42" not in log


def test_values_outside_what_the_logger_accepts_are_exit_5_and_nothing_is_sent(cli) -> None:  # type: ignore[no-untyped-def]
    cli("--demo", "site", "create", SITE)
    cli("--demo", "demo", "add-logger", "--site", SITE, "--join-after", "0")
    serial = cli("--demo", "--json", "devices", "list", "--site", SITE).json()["devices"][0]["serial_number"]  # type: ignore[index]
    too_fast = cli("--demo", "device", "set", serial, "--site", SITE, "--measuring-cycle", "1s")
    assert too_fast.code == 5 and one_sentence(too_fast.err)
    assert "outside the allowed range" in too_fast.err
    order = cli("--demo", "device", "set", serial, "--site", SITE, "--measuring-cycle", "10min",
                "--communication-cycle", "5 min")  # fmt: skip
    assert order.code == 5 and "cannot be shorter than the measuring cycle" in order.err
    unknown = cli("--demo", "device", "set", "000", "--site", SITE, "--name", "x")
    assert unknown.code == 5 and "no logger with serial number 000" in unknown.err
    no_channel = cli(
        "--demo", "object", "create", "--site", SITE, "--name", "F", "--channel", f"In={serial}:1:9"
    )
    assert no_channel.code == 5 and "has no channel “9”" in no_channel.err
    wrong_preset = cli("--demo", "object", "create", "--site", SITE, "--name", "F",
                       "--channel", f"In={serial}:1:1", "--preset", "humidity")  # fmt: skip
    assert wrong_preset.code == 2 and "nothing was created" in wrong_preset.err
    contact = cli("--demo", "--json", "check-api", "--site", SITE).json()
    by_operation = {o["operation"]: o for o in contact["operations"]}  # type: ignore[index]
    assert by_operation["get_measuring_object"]["outcome"] == "not tried"  # no object was created
    nothing = cli("--demo", "--json", "devices", "list", "--site", SITE).json()["devices"][0]  # type: ignore[index]
    assert nothing["name"] != "x"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--demo", "frobnicate"], "invalid choice"),
        (["--demo", "--base-url", "http://127.0.0.1:1", "check-api"], "choose one server"),
        (["--demo", "device", "set", "1", "--site", SITE, "--measuring-cycle", "5 parsecs"], "Unknown unit"),
        (
            ["--demo", "object", "create", "--site", SITE, "--name", "F", "--channel", "Inside"],
            "LOGICAL=SERIAL",
        ),
        (["--demo", "site", "create", "   "], "Enter a name for the site"),
        (["--demo", "site", "create", "X", "--timezone", "Mars/Olympus"], "not a time zone"),
        (["--base-url", "http://example.com", "check-api"], "Plain http is only allowed"),
        (["--base-url", "http://127.0.0.1:9", "check-api"], "--user"),
        (["--demo", "check-api", "--password", "secret"], "never given on the command line"),
        (["--demo", "check-api", "--verbose", "secret"], "unknown option(s): --verbose"),
        (["demo", "add-logger", "--site", SITE], "add --demo"),
    ],
)
def test_usage_errors_are_exit_2_in_one_sentence(cli, argv: list[str], words: str) -> None:  # type: ignore[no-untyped-def]
    ran = cli(*argv)
    assert ran.code == 2
    assert words.lower() in ran.err.lower()
    assert one_sentence(ran.err), ran.err
    assert "secret" not in ran.err


def test_no_password_anywhere_without_a_terminal_is_a_usage_error(cli) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--base-url", "http://127.0.0.1:9", "--user", "someone", "devices", "list", "--site", SITE)
    assert ran.code == 2 and "No password" in ran.err and one_sentence(ran.err)


def test_an_unreachable_server_is_exit_4(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv(cli_main.PASSWORD_ENV, "irrelevant-pass")
    ran = cli("--base-url", f"http://127.0.0.1:{port}", "--user", "u", "devices", "list", "--site", SITE)
    assert ran.code == 4
    assert one_sentence(ran.err) and "no connection" in ran.err


def test_devices_list_shows_a_logger_it_cannot_read_as_not_readable(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("--demo", "site", "create", SITE).code == 0
    for _ in range(2):
        assert cli("--demo", "demo", "add-logger", "--site", SITE, "--join-after", "0.5").code == 0
        waited = cli("--demo", "devices", "wait", "--site", SITE, "--new", "1", "--timeout", "60")
        assert waited.code == 0, waited.err
    # The cloud sends one logger in a form the app cannot read (a slot numbered in words).
    state_file = paths.data_dir() / "demo-cli-simulator.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    broken = next(iter(state["devices"].values()))
    broken["sensors_connections"][0]["slot_index"] = "first"
    state_file.write_text(json.dumps(state), encoding="utf-8")

    listed = cli("--demo", "devices", "list", "--site", SITE)
    assert listed.code == 0, listed.err
    lines = listed.out.splitlines()
    assert len(lines) == 2  # the other logger is listed as before
    assert f"{broken['serial_number']} · not readable (sensors_connections[0].slot_index:" in lines[1]
    as_json = cli("--demo", "--json", "devices", "list", "--site", SITE).json()
    assert isinstance(as_json, dict)
    assert len(as_json["devices"]) == 1
    (unreadable,) = as_json["unreadable"]
    assert unreadable["serial_number"] == broken["serial_number"]
    assert unreadable["status"] == "not readable"
    assert unreadable["reason"].startswith("sensors_connections[0].slot_index:")
    assert unreadable["received"]["sensors_connections"][0]["slot_index"] == "first"  # as it came
