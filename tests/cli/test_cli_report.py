"""`saveris-cli report`: the commissioning report as JSON, CSV and PDF from the demo simulator."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from saveris_desktop.core.runtime import paths
from saveris_desktop.simulator import DEMO_USERNAME

SITE = "Bakery Station Road"


def _commissioned_site(cli) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """A demo site with one joined logger; (connect key, serial number)."""
    created = cli("--demo", "--json", "site", "create", SITE, "--timezone", "Europe/Berlin")
    assert created.code == 0, created.err
    key = created.json()["connect_key"]
    added = cli(
        "--demo",
        "--json",
        "demo",
        "add-logger",
        "--site",
        SITE,
        "--kind",
        "qsr_temperature",
        "--join-after",
        "0",
    )
    assert added.code == 0, added.err
    return key, added.json()["serial_number"]  # joined at once: listed by the next request


def test_report_as_json_csv_and_pdf(cli, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # `qapp`: in this shared test process the PDF must reuse the widgets' QApplication; a bare
    # QGuiApplication started by the CLI would outlive the test and refuse the widget tests their own.
    # (The command line's own start without any application is tested in a fresh process below.)
    key, serial = _commissioned_site(cli)

    ran = cli("--demo", "--json", "report", "--site", SITE, "--out", str(tmp_path / "r.json"))
    assert ran.code == 0, ran.err
    summary = ran.json()
    assert summary == {
        "site": SITE,
        "report": str(tmp_path / "r.json"),
        "format": "json",
        "pages": None,
        "loggers": 1,
        "incomplete": False,
    }
    assert "Reading “Bakery Station Road”" in ran.err  # progress on stderr, only JSON on stdout
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["site"] == SITE and data["timezone"]["zone"] == "Europe/Berlin"
    assert data["technician"] == DEMO_USERNAME
    (logger,) = data["loggers"]
    assert logger["serial_number"] == serial and logger["first_listed"]

    ran = cli("--demo", "report", "--site", SITE, "--out", str(tmp_path / "r.csv"))
    assert ran.code == 0, ran.err
    assert str(tmp_path / "r.csv") in ran.out
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    assert [row["serial_number"] for row in rows] == [serial]
    assert rows[0]["time_zone"] == "Europe/Berlin"

    ran = cli("--demo", "--json", "report", "--site", SITE, "--out", str(tmp_path / "r.pdf"))
    assert ran.code == 0, ran.err
    assert ran.json()["pages"] >= 1
    pdf = (tmp_path / "r.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")

    for name in ("r.json", "r.csv", "r.pdf"):
        assert key.encode() not in (tmp_path / name).read_bytes()


def test_an_unknown_ending_is_a_usage_error_before_anything_is_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--demo", "report", "--site", SITE, "--out", str(tmp_path / "r.docx"))
    assert ran.code == 2
    assert ran.err.count("\n") == 1 and ".pdf, .csv or .json" in ran.err
    assert not (tmp_path / "r.docx").exists()


def test_a_site_that_does_not_exist_is_refused_in_one_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ran = cli("--demo", "report", "--site", "Nowhere", "--out", str(tmp_path / "r.json"))
    assert ran.code == 5, ran.err
    assert ran.err.splitlines()[-1].startswith("saveris-cli: Listing the site's loggers failed")
    assert "Traceback" not in ran.err
    assert not (tmp_path / "r.json").exists()


def test_csv_without_qt_and_pdf_headless_in_a_fresh_process(tmp_path: Path) -> None:
    """The data formats never load Qt; the PDF loads it offscreen, with no display and no
    QT_QPA_PLATFORM set, as on a server or in a CI job."""
    csv_path, pdf_path = str(tmp_path / "r.csv"), str(tmp_path / "r.pdf")
    probe = (
        "import sys\n"
        "from saveris_desktop.cli.main import main\n"
        "assert main(['--demo', 'site', 'create', 'Headless']) == 0\n"
        "assert main(['--demo', 'demo', 'add-logger', '--site', 'Headless', '--join-after', '0']) == 0\n"
        f"assert main(['--demo', 'report', '--site', 'Headless', '--out', {csv_path!r}]) == 0\n"
        "print('QT-AFTER-CSV', 'PySide6' in sys.modules)\n"
        f"print('PDF', main(['--demo', 'report', '--site', 'Headless', '--out', {pdf_path!r}]))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env[paths.HOME_ENV] = str(tmp_path / "home")
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=180
    )
    assert "QT-AFTER-CSV False" in result.stdout, result.stdout + result.stderr
    assert "PDF 0" in result.stdout, result.stdout + result.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")


def test_without_qt_the_pdf_is_refused_in_one_sentence_and_csv_still_works(
    cli, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _commissioned_site(cli)
    monkeypatch.setitem(sys.modules, "saveris_desktop.ui.commissioning.report_pdf", None)  # cannot import
    ran = cli("--demo", "report", "--site", SITE, "--out", str(tmp_path / "r.pdf"))
    assert ran.code == 1
    assert ran.err.splitlines()[-1] == (
        "saveris-cli: The PDF needs the app's Qt part, which this installation cannot load; "
        "write .csv or .json."
    )
    assert not (tmp_path / "r.pdf").exists()
    assert cli("--demo", "report", "--site", SITE, "--out", str(tmp_path / "r.csv")).code == 0


def test_the_report_lists_the_plans_rows_not_configured_and_why(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """After `plan apply`, the report names the planned logger that has not joined (read beside the
    app's data, as the app's board shows it)."""
    _key, serial = _commissioned_site(cli)
    plan = tmp_path / "plan.csv"
    plan.write_text(f"serial,object,preset\n{serial},Fridge 1,fridge\n61100099,Freezer 2,freezer\n")
    applied = cli("--demo", "plan", "apply", str(plan), "--site", SITE)
    assert applied.code == 0, applied.err
    ran = cli("--demo", "report", "--site", SITE, "--out", str(tmp_path / "r.json"))
    assert ran.code == 0, ran.err
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    [open_row] = data["open_plan_rows"]
    assert (open_row["serial_number"], open_row["measuring_object"]) == ("61100099", "Freezer 2")
    assert open_row["reason"].startswith("waiting")
