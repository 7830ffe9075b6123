"""Bootstrap: command line, logging, QApplication + qasync loop, wiring, and the one shutdown path.

Order matters for a quick first paint: only Qt and the light shell are imported before the window
shows, and Qt alone paints it; asyncio/qasync start right after. The API client (httpx, pydantic),
the keyring, the simulator and the device view load after that, in a worker thread. All async work
runs inside `_run()`, the main coroutine, never in constructors. Closing the window ends `_run()`,
which closes what it opened in reverse order; running the shutdown twice is harmless.

One data folder, one running app (core/runtime/instance_lock.py, ui/single_instance.py): right after the
first paint the app takes the data-folder lock and listens for second starts. A second start hands
its arguments to the running app, which comes forward, and exits 0 — before painting anything
when the lock file shows another app is there, otherwise (both started at once) right after.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from saveris_desktop import APP_ID, APP_NAME, ORGANISATION

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    from saveris_desktop.api.regions import Environment, Region
    from saveris_desktop.core.offline.store import Store, StoreError
    from saveris_desktop.core.offline.work import OfflineWork
    from saveris_desktop.core.runtime.cloud_access import CloudAccess
    from saveris_desktop.core.runtime.instance_lock import DataFolderLock
    from saveris_desktop.core.runtime.services import AppServices
    from saveris_desktop.ui.excepthook import ExceptionHook
    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.offline.integration import OfflineIntegration
    from saveris_desktop.ui.single_instance import InstanceServer
    from saveris_desktop.ui.ui_state import UiState

#: How long a second start keeps trying to reach an app that holds the data folder but has not
#: answered yet (it may be starting at the same moment) before it says so and gives up.
HAND_OVER_WAIT_S = 15.0

REGIONS = ("eu", "am", "ap")  # api.regions.Region values; imported lazily, kept in step by a test
ENVIRONMENTS = ("p", "i")
DEMO_PROFILES = ("assumed", "documented")  # simulator.profile.PROFILES, lazily; kept in step by a test


class Options(NamedTuple):
    demo: bool = False
    demo_profile: str = "assumed"
    region: Region | None = None
    environment: Environment | None = None
    base_url: str | None = None
    self_test: bool = False
    exit_after_paint: bool = False
    qt_args: tuple[str, ...] = ()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: put testo Saveris data loggers into service.",
    )
    parser.add_argument("--version", action="store_true", help="show the version and exit")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against the built-in simulator with virtual loggers (no network)",
    )
    parser.add_argument(
        "--demo-profile",
        choices=DEMO_PROFILES,
        default="assumed",
        help="with --demo: 'documented' plays the real cloud as far as it is documented (default 'assumed')",
    )
    parser.add_argument("--region", choices=REGIONS, help="eu (Europe), am (Americas) or ap (Asia-Pacific)")
    parser.add_argument(
        "--env", dest="environment", choices=ENVIRONMENTS, help="p (production) or i (integration)"
    )
    parser.add_argument(
        "--base-url", help="talk to this server instead (https; plain http only for 127.0.0.1/localhost)"
    )
    parser.add_argument("--self-test", action="store_true", help="check this installation and exit")
    # For the start-up benchmark and smoke tests: print timings, then quit through the normal shutdown.
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def parse_options(argv: Sequence[str]) -> Options:
    """Parse and validate; a bad option exits with status 2 and one clear sentence on stderr."""
    parser = build_parser()
    namespace, rest = parser.parse_known_args(list(argv))
    if namespace.version:
        from saveris_desktop import __version__

        print(f"{APP_NAME} {__version__}")
        parser.exit(0)
    unknown = [arg for arg in rest if arg.startswith("--") and not namespace.self_test]
    if unknown:
        parser.error(f"unrecognised option(s): {' '.join(unknown)}")
    if namespace.demo_profile != "assumed" and not namespace.demo:
        parser.error("--demo-profile works only together with --demo.")
    if namespace.base_url is None and not (namespace.region or namespace.environment):  # '' is refused below
        return Options(
            demo=namespace.demo,
            demo_profile=namespace.demo_profile,
            self_test=namespace.self_test,
            exit_after_paint=namespace.exit_after_paint,
            qt_args=tuple(rest),
        )
    # Only now: the plain --demo start skips these imports before its first paint.
    from saveris_desktop.api.regions import Environment, InvalidBaseUrlError, Region, validate_base_url

    base_url = namespace.base_url
    if base_url is not None:
        if namespace.demo:
            parser.error("--demo and --base-url cannot be combined: the demo has its own server.")
        try:
            base_url = validate_base_url(base_url)
        except InvalidBaseUrlError as error:
            parser.error(str(error))
    return Options(
        demo=namespace.demo,
        demo_profile=namespace.demo_profile,
        region=Region(namespace.region) if namespace.region else None,
        environment=Environment(namespace.environment) if namespace.environment else None,
        base_url=base_url,
        self_test=namespace.self_test,
        exit_after_paint=namespace.exit_after_paint,
        qt_args=tuple(rest),  # Qt's own options (-platform, -style ...) pass through
    )


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args = list(sys.argv[1:] if argv is None else argv)
    options = parse_options(args)
    if options.self_test:
        from saveris_desktop.ui import self_test

        return self_test.run(args)

    os.environ.setdefault("QT_API", "pyside6")  # qasync must pick PySide6 even if PyQt is installed
    from PySide6.QtWidgets import QApplication

    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.ui_state import UiState, scope_for, use_settings_folder

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_ID, *options.qt_args])
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication exists already; the app needs a QApplication")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    # The window's close ends the main coroutine; Qt must not stop the loop underneath it.
    app.setQuitOnLastWindowClosed(False)
    from saveris_desktop.core.runtime import instance_lock

    if instance_lock.may_be_in_use() and _hand_over(args, timeout_s=5.0):
        return 0  # the app already running on this data folder came forward and took the arguments

    from saveris_desktop.ui import i18n, plurals

    plurals.install(app)  # "1 device", "3 devices" instead of "device(s)"
    from saveris_desktop.core.runtime import paths

    use_settings_folder(paths.settings_dir())  # a portable home keeps its settings with its data
    # The demo, a custom server and testo's cloud each remember their own user, sites and window.
    ui_state = UiState(scope=scope_for(demo=options.demo, base_url=options.base_url))
    # Before any widget: every text is built once, in one language (View → Language, or the system's).
    i18n.install(app, ui_state.language())
    window = MainWindow(ui_state, demo=options.demo)
    window.show()
    window.wait_for_first_paint()
    if options.exit_after_paint:
        print(f"first-paint {time.perf_counter() - started:.4f}", flush=True)
    from saveris_desktop.ui import style, wheel_guard

    # Both right after the first paint, when nothing can have been typed, scrolled or tabbed yet:
    # the wheel scrolls pages and never changes a setting it passes over (an application-wide filter
    # in Python sees every event: the first paint took 8x a bare window's), and Tab onto a button
    # shows where the keyboard is (the style's module builds QStyle's enums: 20 ms; Qt re-polishes
    # the widgets there are with the style it sets).
    wheel_guard.install(app)
    style.install_focus_frames(app)

    try:
        claim = claim_instance(args, wait_s=HAND_OVER_WAIT_S)
    # hide(), not close(): this window's closeEvent would store its geometry over the running app's.
    except instance_lock.DataFolderInUseError as error:
        _tell_in_use(window, str(error))
        window.hide()
        return 1
    if claim is None:  # started at the same moment as another one, which won: it has the arguments
        window.hide()
        return 0
    lock, server = claim
    server.sig_activation_requested.connect(lambda arguments: bring_forward(window, arguments, options))
    try:
        status = _run_window(app, window, ui_state, options, started, lock)
    finally:
        server.close()
        lock.release()
    # View → Language: the shutdown has saved everything; start afresh only now that the data folder
    # is free, or the new app would hand its arguments over to this closing one.
    if window.restart_requested:
        import subprocess

        subprocess.Popen(restart_command(args))  # noqa: S603  (this app, its own arguments)
    return status


def _run_window(
    app: QApplication,
    window: MainWindow,
    ui_state: UiState,
    options: Options,
    started: float,
    lock: DataFolderLock,
) -> int:
    """Logging, the exception hook and the qasync loop around `_run()`, for the app that holds the
    data folder."""
    # The log file is set up right after the first paint: an error before it reaches stderr anyway.
    from saveris_desktop import __version__
    from saveris_desktop.core.runtime.logging_setup import configure_logging
    from saveris_desktop.ui.excepthook import ExceptionHook

    configure_logging()
    app.setApplicationVersion(__version__)
    _set_icon(app)
    hook = ExceptionHook(lambda: window)
    hook.install()
    import asyncio

    import qasync  # only now: PySide6 is loaded (and QT_API set), so qasync binds to it

    try:
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(_run(app, window, ui_state, options, hook, started, lock))
    finally:
        hook.uninstall()
        import logging

        logging.shutdown()


def restart_command(args: Sequence[str]) -> list[str]:
    """How to start this app again with the same options: the frozen executable, or the module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "saveris_desktop", *args]


def claim_instance(
    arguments: Sequence[str], *, wait_s: float
) -> tuple[DataFolderLock, InstanceServer] | None:
    """Take the data folder for this app and listen for second starts; or, while another app holds
    it, hand `arguments` over to that one (None). Raises DataFolderInUseError when the other app
    does not answer within `wait_s` (it hangs, or is a tool that holds the folder)."""
    from saveris_desktop.core.runtime.instance_lock import (
        DataFolderInUseError,
        DataFolderLock,
        in_use_message,
    )

    lock = DataFolderLock()
    deadline = time.monotonic() + wait_s
    while True:
        try:
            acquired: bool | None = lock.try_acquire()
        except OSError:
            # The data folder cannot be used by anyone (a file in its place, no permission): unless
            # another app (just as stuck) answers, run and report it; the local data, and with it
            # this lock, are tried again later (_open_offline_work).
            acquired = None
            if _hand_over(arguments, timeout_s=1.0):
                return None
        if acquired is not False:
            from saveris_desktop.core.runtime.instance_lock import instance_server_name
            from saveris_desktop.ui.single_instance import InstanceServer

            server = InstanceServer(instance_server_name(lock.folder))
            server.listen()
            return lock, server
        if _hand_over(arguments, timeout_s=1.0):
            return None
        if time.monotonic() > deadline:
            raise DataFolderInUseError(in_use_message(lock.folder))
        time.sleep(0.2)  # the other app is still starting: its server is not listening yet


def _hand_over(arguments: Sequence[str], *, timeout_s: float) -> bool:
    from saveris_desktop.core.runtime.instance_lock import instance_server_name
    from saveris_desktop.ui.single_instance import hand_over

    return hand_over(instance_server_name(), arguments, timeout_s=timeout_s)


def bring_forward(window: MainWindow, arguments: Sequence[str], running: Options) -> None:
    """A second start asked for the app: show the window in front, and say what became of its
    arguments (this app keeps running as it is; other options need it closed first)."""
    from PySide6.QtCore import QCoreApplication, Qt

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    wanted = _options_or_none(arguments)
    same = wanted is not None and (wanted.demo, wanted.region, wanted.environment, wanted.base_url) == (
        running.demo,
        running.region,
        running.environment,
        running.base_url,
    )
    if not same:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "SingleInstance",
                "Saveris Desktop is already running, so it was brought forward. To start it with "
                "other options (%1), close it first.",
            ).replace("%1", " ".join(arguments)),
            30_000,
        )


def _options_or_none(arguments: Sequence[str]) -> Options | None:
    import contextlib
    import io

    # The second start validated them already; never let argparse end the running app.
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return parse_options(arguments)
        except SystemExit:
            return None


def _tell_in_use(window: MainWindow, message: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SingleInstance", "Saveris Desktop is already running"),
        QCoreApplication.translate(
            "SingleInstance",
            "Another Saveris Desktop is using this computer's data folder but does not answer. "
            "Close it (or end it in the task manager) and start again.",
        ),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("alreadyRunningNotice")
    box.setDetailedText(message)
    box.exec()


async def _run(
    app: QApplication,
    window: MainWindow,
    ui_state: UiState,
    options: Options,
    hook: ExceptionHook,
    started: float,
    lock: DataFolderLock,
) -> int:
    import asyncio
    import logging

    from saveris_desktop.core.runtime import heap

    log = logging.getLogger("saveris_desktop.app")
    asyncio.get_running_loop().set_exception_handler(hook.handle_loop_exception)
    quit_requested = asyncio.Event()
    # Every way to quit (window closed, Quit, the desktop session ending, app.quit()) ends this
    # coroutine; Qt's own Quit event is swallowed, or Qt would stop the loop under the shutdown.
    guard = quit_guard(quit_requested.set, app)
    app.installEventFilter(guard)
    window.sig_quit_requested.connect(quit_requested.set)
    if not window.isVisible():  # closed before the loop started
        quit_requested.set()

    services: AppServices | None = None
    try:
        # The local database opens in its own thread while the services are built in another.
        store_opening = asyncio.ensure_future(_open_store(options.demo, lock))
        try:
            services = await asyncio.to_thread(_build_services, options, ui_state)
        except BaseException:
            store_opening.cancel()
            raise
        work, store_error = await _start_offline(services, store_opening)
        access = _wire(window, services, work)
        log.info("%s started against %s", APP_NAME, services.endpoint.label)
        heap.tune()
        heap.settle()  # the start-up heap (Qt, pydantic, the simulator) stays out of full GC passes
        if options.exit_after_paint:
            print(f"ready {time.perf_counter() - started:.4f}", flush=True)
            window.close()
        elif work is not None:
            install_offline_ui(window, work)
            await work.onboarding_drafts.load()  # the wizard opens with what was typed last time
        elif store_error is not None:
            _offline_unavailable(window, services, lock, access, store_error)
        if not quit_requested.is_set():
            window.start_onboarding()
        await quit_requested.wait()
    finally:
        await _shutdown(window, services)
    return 0


async def _open_store(demo: bool, lock: DataFolderLock) -> Store:
    """The local database for drafts, offline cache, outbox and sync, audit log; only while holding
    the data folder (the lock could not be taken at start when the folder was unusable: it is taken
    here, once it can be). StoreError says why it cannot be used."""
    from saveris_desktop.core.offline.store import (
        DATABASE_NAME,
        StorageProblem,
        Store,
        StoreError,
        storage_problem,
    )
    from saveris_desktop.core.runtime import paths
    from saveris_desktop.core.runtime.instance_lock import in_use_message

    try:
        folder = paths.data_dir()  # creates it: may fail as well (a file in its place, no permission)
        if not lock.try_acquire():
            raise StoreError(in_use_message(folder), StorageProblem.BUSY)
    except OSError as error:
        raise StoreError(f"the data folder cannot be used: {error}", storage_problem(error)) from error
    # The demo's simulated cloud starts empty each time: its drafts and queue live apart.
    return await Store.open(folder / (f"demo-{DATABASE_NAME}" if demo else DATABASE_NAME))


async def _start_offline(
    services: AppServices, store_opening: Awaitable[Store]
) -> tuple[OfflineWork | None, StoreError | None]:
    """The offline work on the database opened meanwhile, or why there is none (the app runs
    without it and says so: ui/offline/unavailable.py)."""
    import logging

    from saveris_desktop.core.offline.store import StoreError
    from saveris_desktop.core.offline.work import OfflineWork

    try:
        store = await store_opening
    except StoreError as error:
        logging.getLogger("saveris_desktop.app").error("offline work is not available: %s", error)
        return None, error
    return await OfflineWork.start(store, services), None


async def _open_offline_work(services: AppServices, lock: DataFolderLock) -> OfflineWork:
    """Open the local database and start the offline work on it (StoreError: it cannot be used)."""
    from saveris_desktop.core.offline.work import OfflineWork

    return await OfflineWork.start(await _open_store(services.demo, lock), services)


def _wire(window: MainWindow, services: AppServices, work: OfflineWork | None) -> CloudAccess:
    """The parts are put together here, each through its constructor: the client stack is built
    once (core.runtime.cloud_access) and handed to the device view, the wizard's drafts to the window.
    The offline UI (install_offline_ui) is added right after, once the window is ready, as before."""
    from saveris_desktop.core.runtime.cloud_access import build_cloud_access

    access = build_cloud_access(services, work)
    window.attach_services(
        services, access=access, onboarding_drafts=work.onboarding_drafts if work is not None else None
    )
    return access


def _offline_unavailable(
    window: QMainWindow,
    services: AppServices,
    lock: DataFolderLock,
    access: CloudAccess | None,
    error: StoreError,
) -> None:
    """Say that the local data cannot be used, and keep trying; once it opens, the client stack
    gains its cache, audit log and outbox, and the offline UI is put in as at a normal start."""
    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.offline.unavailable import OfflineUnavailable

    main = window if isinstance(window, MainWindow) else None
    notice = OfflineUnavailable(
        window,
        error,
        lambda: _open_offline_work(services, lock),
        devices_view=main.devices_view if main is not None else None,
        menu_before=main.help_menu if main is not None else None,
    )

    def opened(work: OfflineWork) -> None:
        if access is not None:
            access.open_offline(work)
        install_offline_ui(window, work)
        if main is not None:
            main.keep_onboarding_drafts(work.onboarding_drafts)
            services.tasks.spawn(work.onboarding_drafts.load(), name="load-onboarding-draft")

    notice.sig_opened.connect(opened)
    services.closers.append(notice.aclose)


def install_offline_ui(window: QMainWindow, work: OfflineWork) -> OfflineIntegration:
    """The offline UI in the main window: before its Help menu, in place of its connection label,
    following its device view, asked before the window closes; and the site's commissioning."""
    from saveris_desktop.ui.main_window import MainWindow
    from saveris_desktop.ui.offline.integration import install_offline

    if not isinstance(window, MainWindow):  # a bare window (tests): the offline UI on its own
        return install_offline(window, work)
    integration = install_offline(
        window,
        work,
        devices_view=window.devices_view,
        replaces_status=window.connection_label,
        menu_before=window.help_menu,
        close_guards=window.close_guards,
    )
    from saveris_desktop.ui.commissioning.install import install_commissioning

    install_commissioning(window, window.site_menu, work, open_report=window.open_commissioning_report)
    return integration


def quit_guard(on_quit: Callable[[], None], parent: QObject) -> QObject:
    """An event filter that turns QEvent.Quit into `on_quit()` (defined lazily: Qt loads after paint)."""
    from PySide6.QtCore import QEvent, QObject

    class _QuitGuard(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Quit:
                on_quit()
                return True
            return False

    return _QuitGuard(parent)


def _build_services(options: Options, ui_state: UiState) -> AppServices:
    """Import the heavy parts and wire them; runs in a worker thread so the window stays responsive.

    Nothing here touches a Qt widget or the event loop (QSettings is reentrant); the client is
    created here but only used on the loop.
    """
    services = _wire_services(options, ui_state)
    # keyring picks its backend on first use, probing each one (the Secret Service over D-Bus, which
    # can hang for seconds); do it here, not when the sign-in page asks whether passwords can be kept.
    services.credentials.unavailable_reason  # noqa: B018  (the look-up is the point)
    return services


def _wire_services(options: Options, ui_state: UiState) -> AppServices:
    import importlib
    import logging

    from saveris_desktop.api.client import DeviceManagementClient
    from saveris_desktop.api.regions import Endpoint
    from saveris_desktop.core.runtime.services import AppServices

    # Import (not create) the windows that come next here as well, so the GUI thread does not stall
    # on module loading later; defining classes touches no Qt object and is safe in any thread.
    for module in (
        "saveris_desktop.ui.wizard",
        "saveris_desktop.ui.devices.view",
        "saveris_desktop.ui.demo_panel",
        "saveris_desktop.core.offline.work",
        "saveris_desktop.ui.offline.integration",
    ):
        try:
            importlib.import_module(module)
        except ImportError:
            logging.getLogger("saveris_desktop.app").exception("could not preload %s", module)
    if options.demo:
        from saveris_desktop.simulator import Simulator

        simulator = Simulator(seed=0, join_delay=8.0, profile=options.demo_profile)
        transport = simulator.transport()
        return AppServices(
            endpoint=Simulator.demo_endpoint(),
            client_factory=lambda endpoint: DeviceManagementClient(endpoint, transport=transport),
            simulator=simulator,
            endpoint_fixed=True,
        )
    if options.base_url:
        endpoint = Endpoint.custom(options.base_url)
    else:
        region = options.region or ui_state.last_region()
        environment = options.environment or ui_state.last_environment()
        endpoint = Endpoint.for_region(region, environment)
    return AppServices(
        endpoint=endpoint,
        client_factory=lambda ep: DeviceManagementClient(ep),
        endpoint_fixed=options.base_url is not None,
    )


async def _shutdown(window: MainWindow, services: AppServices | None) -> None:
    """Stop polling, cancel work, close the HTTP client; each part is idempotent by itself."""
    import logging

    log = logging.getLogger("saveris_desktop.app")
    try:
        await window.aclose()
    except Exception:
        log.exception("closing the window's work failed")
    if services is not None:
        await services.aclose()
    window.hide()
    log.info("%s closed cleanly", APP_NAME)


def _set_icon(app: QApplication) -> None:
    from pathlib import Path

    from PySide6.QtGui import QIcon

    import saveris_desktop

    icons = Path(saveris_desktop.__file__).resolve().parent.parent / "resources" / "icons"
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = icons / f"saveris-desktop-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    if not icon.isNull():
        app.setWindowIcon(icon)
