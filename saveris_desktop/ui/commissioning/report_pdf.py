"""The commissioning report on paper: A4 pages with a header (report, site, date) and "Page n of N".

One painting routine, `paint_report`, serves every paged device: QPdfWriter for the PDF file (Qt's
own PDF writer, no browser engine) and QPrinter for print and print preview. The document is laid
out for the device's body area (the page less the header and footer bands), so QTextDocument breaks
it into pages between lines and table rows, and each page is drawn with its bands.

`saveris-cli report --out x.pdf` uses `write_pdf` too: QPdfWriter needs a QGuiApplication (fonts),
and the command line has no screen, so `gui_application()` starts one on the "offscreen" platform
when none runs. The rest of the CLI stays without Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from saveris_desktop.core.commissioning.report import CommissioningReport
from saveris_desktop.ui.commissioning.report_document import (
    header_text,
    page_words,
    report_document,
    report_title,
)
from saveris_desktop.ui.style import INK

#: A4 with margins wide enough for binders and for printers that cannot print to the edge.
PAGE_MARGINS_MM = QMarginsF(18, 15, 15, 15)
BAND_POINTS = 7.5  # header and footer text
PDF_RESOLUTION = 300  # dots per inch of the PDF's coordinate space (text stays vector)


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        PAGE_MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def paint_report(report: CommissioningReport, device: QPagedPaintDevice) -> int:
    """Lay the report out for `device`'s pages and paint every page; returns the page count."""
    band_font = QFont("DejaVu Sans")
    band_font.setStyleHint(QFont.StyleHint.SansSerif)
    band_font.setPointSizeF(BAND_POINTS)
    band_height = QFontMetricsF(band_font, device).height() * 2.2  # a line, and air below it
    width, height = float(device.width()), float(device.height())
    body = QSizeF(width, height - 2 * band_height)
    document = paginated_document(report, device, body)
    pages = max(1, document.pageCount())
    header = header_text(report)

    painter = QPainter(device)
    if not painter.isActive():  # e.g. the PDF file cannot be opened for writing
        raise OSError("the report cannot be drawn on this device")
    try:
        for page in range(pages):
            if page:
                device.newPage()
            _paint_bands(painter, band_font, width, height, band_height, header, page_words(page + 1, pages))
            painter.save()
            painter.translate(0, band_height - page * body.height())
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
    finally:
        painter.end()
    return pages


def paginated_document(report: CommissioningReport, device: QPaintDevice, body: QSizeF) -> QTextDocument:
    """The report laid out in pages of `body`, each section (an <h2>: a logger, the signatures ...)
    starting a new page when a page end would cut it but it fits on one page: a logger's facts or
    the signature boxes never straddle two sheets. Longer sections break where QTextDocument breaks
    them (between lines and table rows).

    Each break is found on a freshly laid-out document (one layout per page at most): moving
    blocks by editing a laid-out document left Qt's incremental layout with stale positions.
    """
    breaks: set[int] = set()
    first_unchecked = 0
    while True:
        document = report_document(report, breaks)
        document.documentLayout().setPaintDevice(device)  # fonts measured at the device's resolution
        document.setPageSize(body)
        straddling = _first_straddling_section(document, first_unchecked)
        if straddling is None:
            return document
        breaks.add(straddling)
        first_unchecked = straddling + 1


def _first_straddling_section(document: QTextDocument, first: int) -> int | None:
    """The first section from number `first` on that a page end cuts although it fits on a page."""
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    headings = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            headings.append(block)
        block = block.next()
    # A section ends where its last block ends, not where the next heading starts: a heading moved
    # to a new page starts below the page's top margin.
    lasts = [heading.previous() for heading in headings[1:]] + [document.lastBlock()]
    for index in range(first, len(headings)):
        start = layout.blockBoundingRect(headings[index]).top()
        end = layout.blockBoundingRect(lasts[index]).bottom()
        if int(start // page_height) != int((end - 1) // page_height) and end - start <= page_height:
            return index
    return None


def _paint_bands(
    painter: QPainter, font: QFont, width: float, height: float, band: float, header: str, footer: str
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(QColor(INK)))
    line = band / 2.2
    painter.drawText(
        QRectF(0, 0, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, header
    )
    rule_y = line + (band - line) / 4
    pen = QPen(QColor(INK))
    pen.setWidthF(max(1.0, line / 20))
    painter.setPen(pen)
    painter.drawLine(0, int(rule_y), int(width), int(rule_y))
    painter.drawText(
        QRectF(0, height - line, width, line),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
        footer,
    )
    painter.restore()


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new one without a screen (for the command line)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window from a command-line tool
    return QGuiApplication([])


def write_pdf(report: CommissioningReport, path: Path) -> int:
    """Write the report as an A4 PDF to `path`; returns the page count. OSError when it cannot.

    Written to a temporary file next to `path` and renamed, so a failed run never leaves half a PDF
    where a good one was.
    """
    gui_application()
    partial = path.with_name(f".{path.name}.partial")
    writer = QPdfWriter(str(partial))
    writer.setPageLayout(a4_layout())
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(f"{report_title()} — {report.site}")
    writer.setCreator("Saveris Desktop")
    try:
        pages = paint_report(report, writer)
        del writer  # flushes and closes the file
        if not partial.exists() or partial.stat().st_size == 0:
            raise OSError(f"{path}: the PDF could not be written")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return pages
