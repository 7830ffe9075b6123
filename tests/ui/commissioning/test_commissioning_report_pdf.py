"""The commissioning report's PDF: Qt's own writer, A4, numbered pages, sections kept whole, no key."""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from saveris_desktop.core.commissioning.report import CommissioningReport, OpenPlanRow, gather_report
from saveris_desktop.simulator import LoggerKind
from tests.core.commissioning.commissioning_site import (
    SITE,
    CommissionedSite,
    commission,
    join_logger,
    simulator,
)

A4_POINTS = (595, 842)  # 210 x 297 mm in PDF points, rounded


def _report(profile: str, extra_loggers: int = 0) -> tuple[CommissioningReport, CommissionedSite]:
    async def build() -> tuple[CommissioningReport, CommissionedSite]:
        site = await commission(simulator(profile))
        try:
            for _ in range(extra_loggers):
                await join_logger(site.sim, LoggerKind.QSR_TEMPERATURE_HUMIDITY, site.connect_key)
            report = await gather_report(
                site.client,
                SITE,
                technician="anna.berger@example.com",
                server="sim",
                app_version="1.2.3",
                open_plan_rows=[OpenPlanRow("61100042", "Freezer 2", "did not join")],
            )
        finally:
            await site.client.aclose()
        return report, site

    return asyncio.run(build())


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _pdf_text(path: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run(
        [tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_the_pdf_is_a4_numbered_and_says_what_the_cloud_has(
    qapp: object, sim_profile: str, tmp_path: Path
) -> None:
    from saveris_desktop.ui.commissioning.report_pdf import write_pdf

    report, site = _report(sim_profile)
    path = tmp_path / "report.pdf"
    pages = write_pdf(report, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert pages >= 1 and _page_count(data) == pages
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box is not None and (round(float(box[1])), round(float(box[2]))) == A4_POINTS
    assert site.connect_key.encode() not in data
    assert not list(tmp_path.glob(".*partial"))  # written aside, then renamed

    text = _pdf_text(path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; the HTML is checked in another test")
    assert site.connect_key not in text
    assert f"Commissioning report · {SITE}" in text
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    for serial in site.serials.values():
        assert serial in text
    assert "anna.berger@example.com" in text and "Customer" in text and "Signature" in text
    assert "did not join" in text
    if sim_profile == "documented":
        assert "not readable from this cloud" in text
    else:
        assert "Vaccine fridge" in text and "8 °C" in text and "15 min" in text


def test_the_html_words_every_part_and_marks_the_unreadable(qapp: object, sim_profile: str) -> None:
    from saveris_desktop.ui.commissioning.report_document import report_html

    report, site = _report(sim_profile)
    html = report_html(report)
    assert site.connect_key not in html
    assert "Europe/Berlin" in html or "times are in UTC" in html
    assert "First listed by the cloud" in html and "State at handover" in html
    assert html.count("Logger 1 of 2") == 1
    assert "Plan rows not completed" in html and "Freezer 2" in html
    # Black text and rules, light grey table heads: meaning is never carried by colour.
    assert set(re.findall(r"color:\s*([^;}\s]+)", html)) <= {"#000000", "#e6e6e6"}  # black and grey only
    if sim_profile == "documented":
        assert "not readable from this cloud" in html and "Note:" in html
    else:
        assert "Upper alarm" in html and "8 °C" in html and "Inside ← channel 1" in html
        assert "Note:" not in html


def test_a_section_never_straddles_two_pages_when_it_fits_on_one(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPdfWriter

    from saveris_desktop.ui.commissioning.report_pdf import (
        PDF_RESOLUTION,
        _first_straddling_section,
        a4_layout,
        paginated_document,
    )

    report, _site = _report("assumed", extra_loggers=8)
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setPageLayout(a4_layout())
    writer.setResolution(PDF_RESOLUTION)
    body = QSizeF(writer.width(), writer.height() * 0.9)
    document = paginated_document(report, writer, body)
    assert document.pageCount() >= 3
    assert _first_straddling_section(document, 0) is None
    # Every section is still there, in order, once (the first try lost text after a page break).
    text = document.toPlainText()
    numbers = [int(n) for n in re.findall(r"Logger (\d+) of 10", text)]
    assert numbers == list(range(1, 11))
    assert text.index("Plan rows not completed") < text.index("Signatures")


def test_every_report_text_is_found_by_lupdate(tmp_path: Path) -> None:
    """German (and any language) once the app is translated: lupdate must see each string, under the
    context the code asks for at run time."""
    import sys
    import xml.etree.ElementTree as ET

    import saveris_desktop

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    folder = Path(saveris_desktop.__file__).parent / "ui" / "commissioning"
    target = tmp_path / "report.ts"
    subprocess.run(
        [str(lupdate), *map(str, sorted(folder.glob("report_*.py"))), "-ts", str(target)],
        check=True,
        capture_output=True,
    )
    root = ET.parse(target).getroot()  # noqa: S314  (our own lupdate output)
    found = {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }
    for text in (
        "Commissioning report",
        "Page %1 of %2",
        "not readable from this cloud",
        "First listed by the cloud",
        "State at handover",
        "Plan rows not completed",
        "Signatures",
        "Upper alarm",
        "Sensors",
        "No measuring object uses this logger.",
    ):
        assert ("CommissioningReport", text) in found, text
    assert ("CommissioningReportDialog", "&Print …") in found
    assert {context for context, _text in found} == {"CommissioningReport", "CommissioningReportDialog"}
