"""Render the app icon from its SVG into every file the installers need.

    python packaging/make_icons.py

Writes into `resources/icons/`: PNGs from 16 to 1024 px (window icon, Linux, docs), a Windows `.ico`
(16-64 px as 32-bit bitmaps, which every Windows shell and Inno Setup read, plus 256 px as PNG) and a
macOS `.icns` (PNG entries, the set `iconutil` makes). Only Qt is needed, so the icons can be rebuilt on
any OS without Pillow or Apple's tools. The generated files are committed; run this after editing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
SVG_NAME = "saveris-desktop.svg"
BASE_NAME = "saveris-desktop"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_BITMAP_SIZES = (16, 24, 32, 48, 64)
ICO_PNG_SIZES = (256,)
#: ICNS element types that hold PNG data, with their pixel size (Apple's `iconutil` set).
ICNS_TYPES = (
    (b"ic11", 32),  # 16 pt @2x
    (b"ic12", 64),  # 32 pt @2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128 pt @2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256 pt @2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 pt @2x
)


def render(svg_path: Path, size: int):  # -> QImage (Qt is imported lazily so tests can import this module)
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise ValueError(f"{svg_path} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def bgra_rows(image) -> list[bytes]:
    """Top-down rows of 32-bit pixels in B, G, R, A byte order (the layout BMP and ICO use)."""
    from PySide6.QtGui import QImage

    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    width = argb.width()
    # Format_ARGB32 stores each pixel as a native-endian 0xAARRGGBB word: B, G, R, A on little endian.
    raw = bytes(argb.constBits())
    stride = argb.bytesPerLine()
    rows = [raw[y * stride : y * stride + width * 4] for y in range(argb.height())]
    if sys.byteorder == "big":
        rows = [b"".join(row[i : i + 4][::-1] for i in range(0, len(row), 4)) for row in rows]
    return rows


def ico_bitmap(image) -> bytes:
    """One ICO entry as a 32-bit DIB: BITMAPINFOHEADER, bottom-up BGRA pixels, then the 1-bit AND mask."""
    width, height = image.width(), image.height()
    rows = bgra_rows(image)
    mask_stride = ((width + 31) // 32) * 4
    mask_rows = []
    for row in rows:
        bits = bytearray(mask_stride)
        for x in range(width):
            if row[x * 4 + 3] == 0:  # fully transparent: set in the mask for pre-alpha shells
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    pixels = b"".join(reversed(rows))
    mask = b"".join(reversed(mask_rows))
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + mask


def build_ico(images: dict[int, object]) -> bytes:
    entries: list[tuple[int, bytes]] = [(size, ico_bitmap(images[size])) for size in ICO_BITMAP_SIZES]
    entries += [(size, png_bytes(images[size])) for size in ICO_PNG_SIZES]
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory = b""
    payload = b""
    for size, data in entries:
        dimension = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + directory + payload


def build_icns(images: dict[int, object]) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        data = png_bytes(images[size])
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(svg_path: Path, out_dir: Path) -> list[Path]:
    sizes = sorted(set(PNG_SIZES) | set(ICO_BITMAP_SIZES) | set(ICO_PNG_SIZES) | {s for _, s in ICNS_TYPES})
    images = {size: render(svg_path, size) for size in sizes}
    written = []
    for size in PNG_SIZES:
        path = out_dir / f"{BASE_NAME}-{size}.png"
        path.write_bytes(png_bytes(images[size]))
        written.append(path)
    for path, data in (
        (out_dir / f"{BASE_NAME}.ico", build_ico(images)),
        (out_dir / f"{BASE_NAME}.icns", build_icns(images)),
    ):
        path.write_bytes(data)
        written.append(path)
    return written


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter on QImage needs a Gui application)
    for path in write_icons(ICON_DIR / SVG_NAME, ICON_DIR):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
