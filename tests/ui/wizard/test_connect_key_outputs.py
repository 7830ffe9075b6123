"""Connect key outputs: the QR code, Save as PNG and Print (to a PDF, no printer needed)."""

from __future__ import annotations

import os
from pathlib import Path

import segno
from PySide6.QtGui import QImage, QPageSize, QPdfWriter

from saveris_desktop.ui.widgets.qr import QUIET_ZONE, QrCodeView, qr_image, qr_png_bytes
from saveris_desktop.ui.wizard import PageId
from tests.ui.wizard.test_wizard import create_site, sign_in
from tests.ui.wizard_harness import make_harness


def _modules(image: QImage, scale: int) -> list[list[bool]]:
    """Read the QR matrix back from the picture, one sample in the middle of each module."""
    size = image.width() // scale
    return [
        [
            QImage.pixelColor(image, x * scale + scale // 2, y * scale + scale // 2).lightness() < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


def test_the_qr_picture_holds_exactly_segnos_matrix_with_a_quiet_zone() -> None:
    key = "JESH-9682-PG9B"
    image = qr_image(key, scale=5)
    expected = [
        [bool(v) for v in row]
        for row in segno.make(key, error="m", micro=False).matrix_iter(border=QUIET_ZONE)
    ]
    assert _modules(image, 5) == expected
    assert qr_png_bytes(key).startswith(b"\x89PNG")


def test_the_qr_view_is_sharp_and_square(qtbot) -> None:
    view = QrCodeView(side=200)
    qtbot.addWidget(view)
    view.set_value("ABCD-EFGH-JKLM")
    pixmap = view.pixmap()
    assert not pixmap.isNull() and pixmap.width() == pixmap.height()
    assert pixmap.width() % 29 == 0  # whole pixels per module (29 = 21 modules + 2 x 4 quiet zone)


def test_save_as_png_and_print_render_the_key_card(qtbot, qloop, tmp_path) -> None:
    h = make_harness(qtbot)
    sign_in(qtbot, h)
    create_site(qtbot, h)
    page = h.wizard.pages[PageId.CONNECT_KEY]
    target = tmp_path / "key.png"
    done: list[bool] = []
    h.wizard.tasks.spawn(page.save_png(target), on_result=lambda _r: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    card = QImage(str(target))
    assert card.width() == 1000 and card.height() == 1250
    colours = [card.pixelColor(x, y) for x in range(0, card.width(), 7) for y in range(0, card.height(), 7)]
    assert all(c.red() == c.green() == c.blue() for c in colours)  # black on white (text anti-aliased)
    lightness = {c.lightness() for c in colours}
    assert min(lightness) < 20 and max(lightness) > 235
    if os.environ.get("SAVERIS_SHOTS_DIR"):
        card.save(str(Path(os.environ["SAVERIS_SHOTS_DIR"]) / "3b-key-card.png"))

    pdf_path = tmp_path / "key.pdf"
    writer = QPdfWriter(str(pdf_path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    page.print_card(writer)
    assert pdf_path.stat().st_size > 1000
