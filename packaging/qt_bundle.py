"""Which parts of Qt go into the frozen app: the one place that decides, used by the spec and its hooks.

PyInstaller's PySide6 hooks collect every plugin of each plugin *type* a Qt module may use (all image
formats, Wayland/EGLFS platforms, the GTK3 theme with its GTK/Cairo/Pango libraries, TLS backends ...).
Saveris Desktop is a Qt Widgets app that talks HTTP through httpx, so most of that is dead weight on a
technician's laptop. The hooks in `packaging/hooks/` call `collect_qt_module`, which runs PyInstaller's
own collection and then drops plugins not listed here *before* PyInstaller analyses their library
dependencies, so those libraries never enter the bundle. `is_unwanted` is the final guard the spec
applies to everything collected.
"""

from __future__ import annotations

import re
from pathlib import PurePath

#: Plugin type -> plugin names to keep (None keeps all of that type). Types not listed are dropped.
KEPT_QT_PLUGINS: dict[str, frozenset[str] | None] = {
    # offscreen: --self-test and CI; minimal: fallback; xcb: Linux desktops (Wayland sessions use
    # XWayland); cocoa: macOS; windows: Windows.
    "platforms": frozenset({"qoffscreen", "qminimal", "qxcb", "qcocoa", "qwindows", "qdirect2d"}),
    "platforms/darwin": None,  # macOS helper plugins that qcocoa loads
    # PNG and BMP are built into QtGui; SVG for the QR code and icons; ICO for window icons on Windows.
    "imageformats": frozenset({"qsvg", "qico"}),
    "iconengines": None,  # SVG icon engine
    "styles": None,  # native Windows 11 / macOS widget styles
    "printsupport": None,  # printing the connect key sheet
    "platformthemes": frozenset({"qxdgdesktopportal"}),  # native file dialogs on Linux, no GTK stack
    "platforminputcontexts": None,  # dead keys, IME (compose, ibus)
    "accessiblebridge": None,  # screen readers
}

#: Qt's own translations (standard buttons and dialogs) ship only for the languages the app may be
#: translated into; a mixed-language dialog helps nobody. Add a language here with its app translation.
QT_TRANSLATION_LANGUAGES = frozenset(
    {"cs", "da", "de", "en", "es", "fi", "fr", "it", "ja", "ko", "nl", "pl", "pt_BR", "sv", "zh_CN"}
)
_QT_TRANSLATION = re.compile(r"^(qt|qtbase)_(?P<language>[A-Za-z_]+)\.qm$")

#: Qt libraries the app never needs, as any path component (Linux `libQt6Qml.so.6`, Windows `Qt6Qml.dll`,
#: macOS `QtQml.framework/...`, bindings `QtQml.abi3.so`). Whatever pulled one in, the spec drops it.
UNWANTED_COMPONENT = re.compile(
    r"""^(lib)?(
        Qt6?(Qml|Quick|WebEngine|WebChannel|WebSockets|WebView|3D|Multimedia|SpatialAudio|Pdf|Designer|
            Help|UiTools|Test|Sql|Charts|DataVisualization|Graphs|Location|Positioning|Sensors|
            Bluetooth|Nfc|SerialPort|SerialBus|RemoteObjects|Scxml|StateMachine|TextToSpeech|
            Wayland|Wl|EglFS|Labs|Lottie|VirtualKeyboard|ShaderTools|CanvasPainter|HttpServer)\w*
        |opengl32sw|d3dcompiler_\d+|libEGL|libGLESv2
    )([._-]|$)""",
    re.VERBOSE | re.IGNORECASE,
)

#: Linux only: the CUPS client library and the libraries only it pulls in (GnuTLS, Kerberos, Avahi ...,
#: 8.6 MB). Qt's print plugin then loads the computer's own libcups, which has to match the computer's
#: CUPS setup anyway; where there is none, Qt still prints to PDF. Every Linux desktop ships libcups.
LINUX_HOST_LIBRARIES = re.compile(
    r"^(libcups|libgnutls|libavahi-(client|common)|libgssapi_krb5|libkrb5(support)?|libk5crypto|libcom_err|"
    r"libkeyutils|libgmp|libnettle|libhogweed|libp11-kit|libidn2|libunistring|libtasn1)\.so(\.\d+)*$"
)

#: Python modules never needed at run time (dev tools PyInstaller finds through optional imports).
#: QtNetwork stays: HTTP goes through httpx, but QLocalServer/QLocalSocket bring a second start's
#: arguments to the running window (ui/single_instance.py); its TLS and network-information
#: plugins are still dropped (KEPT_QT_PLUGINS does not list them).
EXCLUDED_MODULES = [
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "mypy",
    "ruff",
    "respx",
    "yaml",
    # httpx's command line and pydantic's debug printing import these optionally.
    "rich",
    "pygments",
    "markdown_it",
    "IPython",
    "PyInstaller",
    "PyQt5",
    "PyQt6",
    "PySide2",
    *(
        f"PySide6.{module}"
        for module in (
            "QtDBus",  # libQt6DBus itself stays: QtGui links it on Linux
            "QtQml",
            "QtQuick",
            "QtQuickWidgets",
            "QtQuickControls2",
            "QtQuickTest",
            "QtWebEngineCore",
            "QtWebEngineWidgets",
            "QtWebEngineQuick",
            "QtWebChannel",
            "Qt3DCore",
            "QtMultimedia",
            "QtMultimediaWidgets",
            "QtPdf",
            "QtPdfWidgets",
            "QtDesigner",
            "QtHelp",
            "QtUiTools",
            "QtTest",
            "QtSql",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtCharts",
        )
    ),
]


def plugin_location(destination: str) -> tuple[str, str] | None:
    """(plugin type, plugin name) for a file under `PySide6/Qt/plugins/` (Linux, macOS) or
    `PySide6/plugins/` (Windows wheels), else None."""
    parts = PurePath(destination.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    index = parts.index("plugins")
    if index == 0 or parts[index - 1] not in ("Qt", "PySide6"):
        return None
    rest = parts[index + 1 :]
    if not rest:
        return None
    kind = "/".join(rest[:-1]) if len(rest) > 1 else rest[0]
    name = rest[-1] if len(rest) > 1 else ""
    stem = name.split(".", 1)[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return kind, stem


def keep_qt_plugin(kind: str, name: str) -> bool:
    allowed = KEPT_QT_PLUGINS.get(kind, frozenset())
    return allowed is None or name in allowed


def is_unwanted(path: str) -> bool:
    """True for a collected file (destination path) that must not ship: see the tables above."""
    parts = PurePath(path.replace("\\", "/")).parts
    if any(UNWANTED_COMPONENT.match(part) for part in parts):
        return True
    if len(parts) >= 2 and parts[-2] == "translations":
        match = _QT_TRANSLATION.match(parts[-1])
        if match and match.group("language") not in QT_TRANSLATION_LANGUAGES:
            return True
    location = plugin_location(path)
    return location is not None and not keep_qt_plugin(*location)


def is_host_library(path: str, platform: str) -> bool:
    """True for a top-level shared library the computer provides (see LINUX_HOST_LIBRARIES)."""
    parts = PurePath(path.replace("\\", "/")).parts
    return platform.startswith("linux") and len(parts) == 1 and bool(LINUX_HOST_LIBRARIES.match(parts[0]))


def collect_qt_module(hook_file: str) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """PyInstaller's collection for the Qt module a hook file is named after, minus unwanted plugins."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    excluded = set(EXCLUDED_MODULES)
    hiddenimports = [name for name in hiddenimports if name not in excluded]
    binaries = [(src, dst) for src, dst in binaries if not is_unwanted(f"{dst}/{PurePath(src).name}")]
    return hiddenimports, binaries, datas
