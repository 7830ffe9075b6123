"""Fast checks of the packaging inputs: what the bundle keeps of Qt, the icon files, the installer script."""

from __future__ import annotations

import re
import struct

import pytest

import saveris_desktop
from tests.packaging.conftest import PACKAGING_DIR, ROOT, load_packaging_script

qt_bundle = load_packaging_script("qt_bundle")
make_icons = load_packaging_script("make_icons")
ICON_DIR = ROOT / "resources" / "icons"


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        r"PySide6\plugins\platforms\qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        r"PySide6\plugins\styles\qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
        r"PySide6\Qt6Svg.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "saveris_desktop/ui/self_test.pyc",
    ],
)
def test_the_bundle_keeps_what_the_app_uses(path: str) -> None:
    assert not qt_bundle.is_unwanted(path)


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        r"PySide6\plugins\imageformats\qpdf.dll",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        r"PySide6\Qt6WebEngineCore.dll",
        "PySide6/Qt/lib/QtMultimedia.framework/Versions/A/QtMultimedia",
        "PySide6/QtQml.abi3.so",
        r"PySide6\opengl32sw.dll",
        r"PySide6\d3dcompiler_47.dll",
        "PySide6/Qt/translations/qtbase_ar.qm",
        "PySide6/Qt/translations/qt_help_de.qm",
    ],
)
def test_the_bundle_drops_unused_qt(path: str) -> None:
    assert qt_bundle.is_unwanted(path)


def test_only_linux_leaves_the_cups_client_stack_to_the_computer() -> None:
    assert qt_bundle.is_host_library("libcups.so.2", "linux")
    assert qt_bundle.is_host_library("libgnutls.so.30", "linux")
    assert not qt_bundle.is_host_library("libcups.so.2", "darwin")
    assert not qt_bundle.is_host_library("libcrypto.so.3", "linux")  # Python's ssl module needs it
    assert not qt_bundle.is_host_library("libicudata.so.73", "linux")


def test_png_icons_exist_in_every_size() -> None:
    from PySide6.QtGui import QImage

    for size in make_icons.PNG_SIZES:
        image = QImage(str(ICON_DIR / f"saveris-desktop-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_windows_icon_holds_bitmaps_up_to_64_px_and_a_256_px_png() -> None:
    from PySide6.QtGui import QImageReader

    data = (ICON_DIR / "saveris-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        size = width or 256
        sizes.append(size)
        assert (width, planes, bits) == (height, 1, 32)
        entry = data[offset : offset + length]
        assert len(entry) == length
        if size == 256:
            assert entry.startswith(b"\x89PNG\r\n\x1a\n")
        else:  # BITMAPINFOHEADER of a 32-bit DIB with its AND mask (height counted twice)
            assert struct.unpack_from("<IiiHH", entry) == (40, size, 2 * size, 1, 32)
            assert length == 40 + size * size * 4 + ((size + 31) // 32) * 4 * size
    assert sizes == [*make_icons.ICO_BITMAP_SIZES, *make_icons.ICO_PNG_SIZES]
    reader = QImageReader(str(ICON_DIR / "saveris-desktop.ico"))
    assert reader.imageCount() == count  # and Qt's own ICO reader agrees


def test_macos_icon_is_a_well_formed_icns_of_pngs() -> None:
    from PySide6.QtGui import QImage

    data = (ICON_DIR / "saveris-desktop.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    offset, found = 8, []
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        image = QImage.fromData(data[offset + 8 : offset + length], "PNG")
        found.append((kind, image.width()))
        offset += length
    assert offset == len(data)
    assert found == list(make_icons.ICNS_TYPES)


def test_inno_setup_installs_per_user_and_names_the_real_data_folder() -> None:
    script = (PACKAGING_DIR / "windows" / "SaverisDesktop.iss").read_text(encoding="utf-8-sig")
    setup = dict(re.findall(r"^(\w+)=(.*)$", script, re.MULTILINE))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["OutputBaseFilename"] == "SaverisDesktop-Setup-{#AppVersion}"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"  # = %LOCALAPPDATA%\Programs when per-user
    assert re.search(
        r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExeName\}"', script, re.M
    )
    assert '#define AppName "Saveris Desktop"' in script
    # The folder the uninstaller leaves alone and names is platformdirs' user_data_dir on Windows:
    # %LOCALAPPDATA%\<appauthor>\<appname>, i.e. ORGANISATION and APP_ID of the package.
    assert saveris_desktop.ORGANISATION == "Saveris Desktop"
    assert f"ExpandConstant('{{localappdata}}\\{{#AppName}}\\{saveris_desktop.APP_ID}')" in script
    assert "[UninstallDelete]" not in script  # nothing outside what Setup installed is deleted
