"""`saveris-desktop --self-test`: prove that this build works, without a screen and without a network.

It is what CI runs on the frozen app (PyInstaller bundles lose modules, plugins and package metadata
in ways only a run shows) and what support can ask a technician to run. Steps, in order:

1. import every module of the package (a module missing from the bundle fails here, not in the field);
2. keyring: which password store the app sees (Windows Credential Manager, macOS Keychain,
   SecretService) or the clear message the sign-in page shows when there is none;
3. start the Qt application (offscreen unless QT_QPA_PLATFORM says otherwise), load the app icon,
   check the image plugins, render a QR code, show the main window until it has painted;
4. on the qasync event loop, the demo flow against the embedded simulator: sign in, create a site and
   its connect key, a virtual logger joins the site, the device is listed.

One line per step with its duration; exit code 0 when all pass, 1 at the first failing step (its
name and reason are printed). `--report FILE` also writes the lines to FILE: a windowed Windows
executable has no console to print to. `--require-system-keyring` makes a missing password store a
failure and round-trips a dummy secret (the installer CI uses it on Windows and macOS).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import pkgutil
import platform
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Coroutine
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

import saveris_desktop

#: Modules the walk must not import (nor count): `__main__` would start the app.
SKIPPED_MODULES = frozenset({"saveris_desktop.__main__"})
#: The demo logger joins this long after its configuration page was saved (real time, not mocked).
JOIN_DELAY_SECONDS = 0.5
JOIN_TIMEOUT_SECONDS = 20.0
POLL_INTERVAL_SECONDS = 0.1
FLOW_TIMEOUT_SECONDS = 60.0
SELF_TEST_SITE = "Self-test site"
SELF_TEST_WIFI = ("Self-test Wi-Fi", "self-test-password")
KEYRING_PROBE_SERVICE = "saveris-desktop-self-test"
ICON_FILE = "saveris-desktop-256.png"
MAIN_WINDOW_PAINT_TIMEOUT_MS = 10_000


class CheckFailedError(Exception):
    """A check did not hold; the message says what was expected and what was found."""


class Report:
    """Writes each line to stdout (when there is one) and to the optional report file."""

    def __init__(self, streams: list[TextIO]) -> None:
        self._streams = streams
        self.steps = 0
        self.started = time.perf_counter()

    def line(self, text: str) -> None:
        for stream in self._streams:
            stream.write(text + "\n")
            stream.flush()

    def passed(self, name: str, seconds: float, detail: str) -> None:
        self.steps += 1
        self.line(f"[ OK ] {name:<16} {seconds:6.2f} s  {detail}")

    def failed(self, name: str, seconds: float, reason: str) -> None:
        self.line(f"[FAIL] {name:<16} {seconds:6.2f} s  {reason}")


def _step(report: Report, name: str, check: Callable[[], str]) -> None:
    started = time.perf_counter()
    try:
        detail = check()
    except Exception as error:
        _report_failure(report, name, started, error)
        raise _StepAbortedError(name) from error
    report.passed(name, time.perf_counter() - started, detail)


async def _astep(report: Report, name: str, check: Callable[[], Coroutine[Any, Any, str]]) -> None:
    started = time.perf_counter()
    try:
        detail = await check()
    except Exception as error:
        _report_failure(report, name, started, error)
        raise _StepAbortedError(name) from error
    report.passed(name, time.perf_counter() - started, detail)


def _report_failure(report: Report, name: str, started: float, error: Exception) -> None:
    from saveris_desktop.api.errors import ApiError

    expected = isinstance(error, CheckFailedError | ApiError)  # their message says it all
    reason = str(error) if isinstance(error, CheckFailedError) else f"{type(error).__name__}: {error}"
    if isinstance(error, ApiError) and error.server_reason:
        reason += f" (server: {error.server_reason})"
    report.failed(name, time.perf_counter() - started, reason)
    if not expected:  # a bug: the traceback is what a developer needs
        for text in traceback.format_exception(error):
            for line in text.rstrip().splitlines():
                report.line(f"       {line}")


class _StepAbortedError(Exception):
    def __init__(self, step: str) -> None:
        super().__init__(step)
        self.step = step


# --- 1. modules -------------------------------------------------------------------------------


def import_every_module() -> str:
    names: list[str] = []
    failures: list[str] = []

    def on_error(name: str) -> None:
        error = sys.exc_info()[1]
        failures.append(f"{name}: {type(error).__name__}: {error}")

    for info in pkgutil.walk_packages(saveris_desktop.__path__, "saveris_desktop.", onerror=on_error):
        # A frozen app runs `__main__` as its entry script, so the walk does not list it there.
        if info.name in SKIPPED_MODULES:
            continue
        names.append(info.name)
        try:
            importlib.import_module(info.name)
        except Exception as error:
            failures.append(f"{info.name}: {type(error).__name__}: {error}")
    if failures:
        shown = "; ".join(failures[:3]) + (" ..." if len(failures) > 3 else "")
        raise CheckFailedError(f"{len(failures)} of {len(names)} modules failed to import: {shown}")
    if "saveris_desktop.ui.self_test" not in names:  # the walk itself is broken (frozen importer)
        raise CheckFailedError(f"the module walk found only {len(names)} modules and not this one")
    return f"{len(names)} modules"


# --- 2. keyring -------------------------------------------------------------------------------


def _backend_name(backend: object) -> str:
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        return "chainer(" + ", ".join(_backend_name(b) for b in backend.backends) + ")"
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def check_keyring(require_system_keyring: bool) -> str:
    from importlib.metadata import entry_points

    import keyring

    from saveris_desktop.core.runtime.credentials import CredentialStore

    # keyring finds its backends through entry points: a bundle without keyring's metadata would
    # silently fall back to "no keyring" on every computer. That is a build bug, never acceptable.
    discovered = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    if not discovered:
        raise CheckFailedError("keyring's backends are not registered (its package metadata is missing)")
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    reason = CredentialStore(backend).unavailable_reason
    if reason is not None:
        if require_system_keyring:
            raise CheckFailedError(f"{reason} (backend {name}; registered: {', '.join(discovered)})")
        return f"no usable password store ({name}): {reason} Passwords will not be remembered."
    if require_system_keyring:
        _round_trip_secret(backend)
        return f"{name}, saved and read back a test secret"
    return f"{name} (registered: {', '.join(discovered)})"


def _round_trip_secret(backend: Any) -> None:
    secret = secrets.token_urlsafe(16)
    account = f"self-test-{secrets.token_hex(4)}"
    backend.set_password(KEYRING_PROBE_SERVICE, account, secret)
    try:
        if backend.get_password(KEYRING_PROBE_SERVICE, account) != secret:
            raise CheckFailedError("the keyring returned a different secret than was stored")
    finally:
        backend.delete_password(KEYRING_PROBE_SERVICE, account)


# --- 3. Qt ------------------------------------------------------------------------------------


def start_qt_application() -> str:
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else saveris_desktop.APP_ID])
    if not isinstance(app, QApplication):
        raise CheckFailedError(f"a {type(app).__name__} exists already; widgets need a QApplication")
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform plugin '{app.platformName()}'"


def resources_dir() -> Path:
    """`resources/` next to the package: the source tree, or the PyInstaller bundle (see the spec)."""
    return Path(saveris_desktop.__file__).resolve().parent.parent / "resources"


def check_icon_and_images() -> str:
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"png", "svg"} - formats
    if missing:
        raise CheckFailedError(f"Qt cannot read {', '.join(sorted(missing))} images (plugins missing)")
    icon_path = resources_dir() / "icons" / ICON_FILE
    icon = QIcon(str(icon_path))
    if icon.isNull():
        raise CheckFailedError(f"the app icon {icon_path} is missing or unreadable")
    QApplication.setWindowIcon(icon)
    from saveris_desktop.ui.widgets.qr import qr_image

    qr = qr_image("ABCD-EFGH-JKLM")
    return f"icon {icon_path.name}, image formats png+svg, QR code {qr.width()} px"


def check_translations() -> str:
    """Every language of View → Language has its compiled translation here (in a frozen app: the
    bundle carries resources/i18n), and it translates."""
    from PySide6.QtCore import QTranslator

    from saveris_desktop.ui import i18n

    found = []
    for language in i18n.offered():
        if language.code == i18n.SOURCE_LANGUAGE:
            continue
        path = i18n.compiled_path(language.code)
        translator = QTranslator()
        if not translator.load(str(path)) or not translator.translate("MainWindow", "&File"):
            raise CheckFailedError(f"the {language.native_name} translation {path} is missing or empty")
        found.append(f"{language.code} ({path.stat().st_size // 1024} KiB)")
    return "translations " + ", ".join(found)


def show_main_window(settings_dir: Path) -> str:
    """The real main window, shown and painted; its settings go to a scratch file, not the user's."""
    from PySide6.QtCore import QSettings

    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.ui_state import UiState

    settings = QSettings(str(settings_dir / "ui-state.ini"), QSettings.Format.IniFormat)
    window = MainWindow(UiState(settings), demo=True)
    window.show()
    try:
        if not window.wait_for_first_paint(MAIN_WINDOW_PAINT_TIMEOUT_MS):
            raise CheckFailedError(f"the main window did not paint within {MAIN_WINDOW_PAINT_TIMEOUT_MS} ms")
        size = window.size()
        return f"'{window.windowTitle()}' painted at {size.width()}x{size.height()}"
    finally:
        window.close()
        settings.sync()
        window.deleteLater()


# --- 4. demo flow -----------------------------------------------------------------------------


async def demo_flow(report: Report) -> None:
    from saveris_desktop.api.client import DeviceManagementClient
    from saveris_desktop.api.models import ConnectKey
    from saveris_desktop.api.regions import Endpoint
    from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, Simulator, VirtualLogger

    sim = Simulator(seed=0, join_delay=JOIN_DELAY_SECONDS)
    client = DeviceManagementClient(
        Endpoint.custom("http://127.0.0.1:9", "embedded simulator"), transport=sim.transport()
    )
    key: ConnectKey | None = None
    logger: VirtualLogger | None = None
    try:

        async def sign_in() -> str:
            await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
            if not client.is_signed_in:
                raise CheckFailedError("sign_in returned but the client is not signed in")
            return f"as {DEMO_USERNAME} on the embedded simulator"

        async def create_site() -> str:
            nonlocal key
            key = await client.create_connect_key(SELF_TEST_SITE)
            if key.site != SELF_TEST_SITE or not key.connect_key:
                raise CheckFailedError(f"expected a connect key for {SELF_TEST_SITE!r}, got {key!r}")
            return f"site {key.site!r}, connect key {key.connect_key}"

        async def logger_joins() -> str:
            nonlocal logger
            if key is None:
                raise CheckFailedError("no connect key from the previous step")
            logger = sim.create_logger(LoggerKind.SAVERIS2)
            sim.press_button(logger.id, seconds=3.0)
            ssid, password = SELF_TEST_WIFI
            result = sim.submit_configuration(logger.id, key.connect_key, ssid, password)
            if not result.ok:
                raise CheckFailedError(
                    f"the logger's configuration page refused the settings: {result.message}"
                )
            deadline = time.monotonic() + JOIN_TIMEOUT_SECONDS
            while logger.joined_site != SELF_TEST_SITE:
                if time.monotonic() > deadline:
                    raise CheckFailedError(f"the logger did not join within {JOIN_TIMEOUT_SECONDS:.0f} s")
                await asyncio.sleep(POLL_INTERVAL_SECONDS)  # timers of the Qt event loop at work
            return f"{logger.kind.product_name} {logger.serial_number}: {logger.status_text}"

        async def device_listed() -> str:
            if logger is None:
                raise CheckFailedError("no logger from the previous step")
            devices = await client.list_devices(SELF_TEST_SITE)
            found = [d for d in devices if d.serial_number == logger.serial_number]
            if not found:
                serials = ", ".join(str(d.serial_number) for d in devices) or "none"
                raise CheckFailedError(
                    f"serial {logger.serial_number} not in the device list (listed: {serials})"
                )
            return f"{len(devices)} device(s); {found[0].serial_number} has uuid {found[0].uuid}"

        await _astep(report, "sign in", sign_in)
        await _astep(report, "site", create_site)
        await _astep(report, "logger joins", logger_joins)
        await _astep(report, "device listed", device_listed)
    finally:
        await client.aclose()


def run_event_loop(report: Report) -> None:
    """The demo flow on qasync's QEventLoop: the loop the app runs on, Qt timers and all."""
    import PySide6  # noqa: F401  (qasync uses the binding that is already imported)
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(asyncio.wait_for(demo_flow(report), FLOW_TIMEOUT_SECONDS))


# --- entry point ------------------------------------------------------------------------------


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="saveris-desktop --self-test", add_help=False)
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    parser.add_argument("--require-system-keyring", action="store_true")
    known, _ignored = parser.parse_known_args(argv)  # the app's own options pass through
    return known


def run(argv: list[str] | None = None) -> int:
    """Run every check; 0 when all pass, 1 at the first failure. `argv` excludes the program name."""
    options = _parse(sys.argv[1:] if argv is None else argv)
    # Before QApplication exists: no window may appear, and CI machines have no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with ExitStack() as stack:
        streams: list[TextIO] = [sys.stdout] if sys.stdout is not None else []
        if options.report is not None:
            streams.append(stack.enter_context(options.report.open("w", encoding="utf-8")))
        report = Report(streams)
        frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
        report.line(
            f"{saveris_desktop.APP_NAME} {saveris_desktop.__version__} self-test ({frozen}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.machine()})"
        )
        try:
            _step(report, "import modules", import_every_module)
            _step(report, "keyring", lambda: check_keyring(options.require_system_keyring))
            _step(report, "qt application", start_qt_application)
            _step(report, "icon and images", check_icon_and_images)
            _step(report, "translations", check_translations)
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="saveris-self-test-")))
            _step(report, "main window", lambda: show_main_window(scratch))
            run_event_loop(report)
        except _StepAbortedError as abort:
            report.line(f"self-test FAILED at step '{abort.step}'")
            return 1
        except TimeoutError:
            report.failed("event loop", FLOW_TIMEOUT_SECONDS, "the demo flow did not finish in time")
            report.line("self-test FAILED at step 'event loop'")
            return 1
        except Exception as error:  # the event loop itself broke, outside any step
            report.failed("event loop", 0.0, f"{type(error).__name__}: {error}")
            report.line("self-test FAILED at step 'event loop'")
            return 1
        report.line(f"self-test passed: {report.steps} steps in {time.perf_counter() - report.started:.2f} s")
        return 0


if __name__ == "__main__":
    raise SystemExit(run())
