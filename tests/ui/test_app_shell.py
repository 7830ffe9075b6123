"""The app shell: command line, main window with services, demo panel, exception hook, clean exit."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from saveris_desktop.api.regions import Environment, Region
from saveris_desktop.app import parse_options
from saveris_desktop.simulator import LoggerKind
from saveris_desktop.ui.demo_panel import DemoPanel
from saveris_desktop.ui.excepthook import ExceptionHook
from saveris_desktop.ui.main_window import MainWindow
from saveris_desktop.ui.ui_state import UiState
from tests.sim_profiles import both_profiles
from tests.ui.user_input import choose, click, type_text
from tests.ui.wizard_harness import make_services

ROOT = Path(__file__).resolve().parents[2]


def test_options_are_parsed_and_validated(capsys) -> None:
    options = parse_options(["--region", "am", "--env", "i"])
    assert (options.region, options.environment, options.demo) == (
        Region.AMERICAS,
        Environment.INTEGRATION,
        False,
    )
    assert parse_options(["--base-url", "http://127.0.0.1:8000/"]).base_url == "http://127.0.0.1:8000"
    assert parse_options(["--demo"]).demo
    with pytest.raises(SystemExit) as exit_info:
        parse_options(["--base-url", "http://example.com"])
    assert exit_info.value.code == 2
    assert "Plain http is only allowed for this computer" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse_options(["--demo", "--base-url", "https://example.com"])
    with pytest.raises(SystemExit):
        parse_options(["--region", "mars"])


def test_version_prints_and_exits(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse_options(["--version"])
    assert exit_info.value.code == 0
    assert "Saveris Desktop" in capsys.readouterr().out


def _run_app(home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """This Python with `arguments` (the app, or a script around it), offscreen, data folder `home`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAVERIS_DESKTOP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_app_starts_paints_and_quits_cleanly_without_warnings(tmp_path) -> None:
    # -W error turns an unclosed client or socket (ResourceWarning) into a reported error. Not
    # -X dev: its slow-callback warnings depend on the machine's load, not on the code.
    result = _run_app(tmp_path, "-W", "error", "-m", "saveris_desktop", "--demo", "--exit-after-paint")
    assert result.returncode == 0, result.stderr
    assert "first-paint" in result.stdout and "ready" in result.stdout
    noise = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    assert noise == []  # no ResourceWarning, no unclosed client, no slow-callback warning
    log_text = (tmp_path / "logs" / "saveris-desktop.log").read_text(encoding="utf-8")
    assert "API client closed" in log_text and "closed cleanly" in log_text


def test_main_window_embeds_the_device_view_and_the_demo_panel(qtbot, qloop) -> None:
    from saveris_desktop.simulator import Simulator

    services = make_services(Simulator(seed=2))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services)
    assert window.devices_view is not None
    assert window.demo_dock is not None and isinstance(window.demo_panel, DemoPanel)
    assert window.add_logger_action.isEnabled()
    assert window.add_logger_action.shortcut().toString() == "Ctrl+N"  # set after the first paint
    assert not window.quit_action.shortcut().isEmpty()
    window.start_onboarding()
    assert window.wizard is not None and window.wizard.isVisible()
    with qtbot.waitSignal(window.sig_quit_requested):
        window.close()
    assert window.wizard.waiting_page.watcher is None


async def _close(window: MainWindow, services) -> None:
    await window.aclose()
    await window.aclose()
    await services.aclose()
    await services.aclose()


def test_shutdown_is_idempotent(qtbot, qloop) -> None:
    from saveris_desktop.core.runtime.tasks import TaskOwner
    from saveris_desktop.simulator import Simulator

    services = make_services(Simulator(seed=3))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.attach_services(services)
    done: list[bool] = []
    TaskOwner("test").spawn(_close(window, services), on_result=lambda _r: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    assert services.closed


def test_demo_panel_rehearses_the_hardware(qtbot, qloop) -> None:
    from saveris_desktop.simulator import Simulator

    sim = Simulator(seed=4, join_delay=0.0)
    services = make_services(sim)
    panel = DemoPanel(services)
    qtbot.addWidget(panel)
    choose(qtbot, panel.kind, data=LoggerKind.SAVERIS2.value)
    click(qtbot, panel.unpack_button)
    assert len(sim.loggers) == 1 and panel.loggers.count() == 1
    assert "off" in panel.led_words.text().lower()
    click(qtbot, panel.button_press)
    assert "green" in panel.led_words.text()
    assert "Saveris2-" in panel.status_text.text()
    type_text(qtbot, panel.account_id, "bad")
    type_text(qtbot, panel.wifi_ssid, "Shop")
    type_text(qtbot, panel.wifi_password, "short")
    click(qtbot, panel.save_config)
    assert "not a connect key" in panel.result.text() and "8 to 63" in panel.result.text()
    click(qtbot, panel.network_toggle)
    assert sim.network_down and "site Wi-Fi" in panel.network_toggle.text()
    click(qtbot, panel.network_toggle)
    assert not sim.network_down


def test_an_exception_in_a_slot_is_logged_and_shown_not_fatal(qtbot, caplog) -> None:
    hook = ExceptionHook()
    try:
        error = RuntimeError("boom")
        with caplog.at_level(logging.CRITICAL):
            hook.handle(RuntimeError, error, None)
            hook.handle(RuntimeError, error, None)
        qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible(), timeout=2000)
        assert "keeps running" in hook.dialog.text()
        assert "2 time" in hook.dialog.text()  # one dialog, counting
        assert "RuntimeError: boom" in hook.dialog.informativeText()
        assert "unexpected error" in caplog.text
        hook.dialog.close()
    finally:
        hook.uninstall()


def test_the_command_line_choices_match_the_regions_module() -> None:
    from saveris_desktop.app import ENVIRONMENTS, REGIONS

    assert tuple(r.value for r in Region) == REGIONS
    assert tuple(e.value for e in Environment) == ENVIRONMENTS


def test_the_virtual_logger_page_is_served_on_loopback_for_a_browser(qtbot, qloop) -> None:
    import httpx

    from saveris_desktop.core.runtime.tasks import TaskOwner
    from saveris_desktop.simulator import Simulator

    sim = Simulator(seed=6)
    services = make_services(sim)
    panel = DemoPanel(services)
    qtbot.addWidget(panel)
    click(qtbot, panel.unpack_button)
    click(qtbot, panel.button_press)
    logger_id = panel.current_logger_id()
    urls: list[str] = []
    owner = TaskOwner("test")
    owner.spawn(panel.loopback_url(), on_result=urls.append)
    qtbot.waitUntil(lambda: bool(urls), timeout=15000)
    assert urls[0].startswith("http://127.0.0.1:")
    page = httpx.get(f"{urls[0]}/_sim/loggers/{logger_id}/config", timeout=5)
    assert page.status_code == 200 and "accountId" in page.text
    closed: list[bool] = []
    owner.spawn(services.aclose(), on_result=lambda _r: closed.append(True))
    qtbot.waitUntil(lambda: closed == [True], timeout=15000)
    with pytest.raises(httpx.TransportError):
        httpx.get(urls[0], timeout=1)  # stopped with the app


def _window_waiting_for_a_logger(qtbot, seed: int, profile: str = "assumed"):
    """The real main window with its wizard signed in, a site created and the waiting page showing."""
    from saveris_desktop.simulator import Simulator
    from tests.ui.wizard.test_wizard import create_site, sign_in, to_waiting
    from tests.ui.wizard_harness import FAST_TIMING, Harness

    sim = Simulator(seed=seed, join_delay=0.0, profile=profile)
    services = make_services(sim)
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.wizard_timing = FAST_TIMING
    window.show()
    window.attach_services(services)
    window.start_onboarding()
    h = Harness(sim, services, window.wizard, [0.0])
    sign_in(qtbot, h)
    key = create_site(qtbot, h)
    to_waiting(qtbot, h)
    return sim, window, h, key


def _logger_joins(qtbot, sim, h, key: str, kind: LoggerKind):
    from saveris_desktop.ui.wizard import PageId
    from tests.ui.wizard.test_wizard import WIFI_PASSWORD

    logger = sim.create_logger(kind)
    sim.press_button(logger.id, 3.0)
    sim.submit_configuration(logger.id, key, "Bakery-WLAN", WIFI_PASSWORD)
    qtbot.waitUntil(lambda: h.page() is PageId.FOUND, timeout=5000)
    return logger


@both_profiles()
def test_configure_this_logger_opens_it_in_the_device_view(qtbot, qloop, sim_profile) -> None:
    from saveris_desktop.ui.wizard import PageId

    sim, window, h, key = _window_waiting_for_a_logger(qtbot, seed=7, profile=sim_profile)
    logger = _logger_joins(qtbot, sim, h, key, LoggerKind.SAVERIS2)
    click(qtbot, h.wizard.pages[PageId.FOUND].configure_button)
    view = window.devices_view
    assert window.stack.currentWidget() is view
    assert view.site == "Bakery North"
    qtbot.waitUntil(lambda: view.current_uuid == logger.device_uuid, timeout=15000)
    assert "Site: Bakery North" in window.site_label.text()
    # Its editors open with what the cloud lets us read (documented: the listing's device document).
    qtbot.waitUntil(
        lambda: view.settings_editor.session is not None and view.detail_status.text() == "", timeout=5000
    )
    assert view.settings_editor.session.base["uuid"] == logger.device_uuid
    assert view.settings_editor.name_edit.text() == (sim.world.devices[logger.device_uuid]["name"] or "")


def test_a_found_logger_is_in_the_device_table_before_the_next_poll(qtbot, qloop) -> None:
    from saveris_desktop.ui.devices.view import POLL_INTERVAL_S

    assert POLL_INTERVAL_S >= 3.0  # the table's own poll would come too late for the wait below
    sim, window, h, key = _window_waiting_for_a_logger(qtbot, seed=9)
    view = window.devices_view
    qtbot.waitUntil(lambda: view.site == "Bakery North" and view.watcher.status().polls >= 1, timeout=5000)
    logger = _logger_joins(qtbot, sim, h, key, LoggerKind.QSR_TEMPERATURE)
    qtbot.waitUntil(lambda: view.model.row_of(logger.device_uuid) is not None, timeout=1500)


def test_every_interactive_widget_of_the_shell_has_names(qtbot, qloop) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QWidget

    from saveris_desktop.simulator import Simulator

    services = make_services(Simulator(seed=8))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services)
    qtbot.waitUntil(lambda: window.demo_dock.isVisible(), timeout=2000)  # docks show on the next pass
    interactive = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    checked = 0
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, interactive) or not widget.isVisible():
            continue
        if widget.objectName().startswith("qt_") or window.devices_view.isAncestorOf(widget):
            continue  # Qt's own dock buttons; the device view is checked by its own tests
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
        checked += 1
    assert checked >= 8


def test_quitting_through_qt_still_runs_the_whole_shutdown(tmp_path) -> None:
    """app.quit() (what the desktop session's end does) must not stop the loop under the shutdown."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "import saveris_desktop.app as a\n"
        "original = a._run\n"
        "async def run(app, *args):\n"
        "    QTimer.singleShot(300, app.quit)\n"
        "    return await original(app, *args)\n"
        "a._run = run\n"
        "sys.exit(a.main(['--demo']))\n"
    )
    result = _run_app(tmp_path, "-W", "error", "-c", script)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    log_text = (tmp_path / "logs" / "saveris-desktop.log").read_text(encoding="utf-8")
    assert "closed cleanly" in log_text and "ERROR" not in log_text


def test_the_started_app_guards_the_wheel_once_its_window_has_painted(tmp_path) -> None:
    """app.main installs the wheel guard (after the first paint, to keep that paint quick), and the
    style that shows the keyboard focus on every button."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "import saveris_desktop.app as a\n"
        "from saveris_desktop.ui.style import FocusFrameStyle\n"
        "from saveris_desktop.ui.wheel_guard import WheelGuard\n"
        "async def run(app, window, *args):\n"
        "    print('guards', len(app.findChildren(WheelGuard)), 'painted', window._painted, flush=True)\n"
        "    print('focus frames', isinstance(app.style(), FocusFrameStyle), flush=True)\n"
        "    return 0\n"
        "a._run = run\n"
        "sys.exit(a.main(['--demo']))\n"
    )
    result = _run_app(tmp_path, "-c", script)
    assert result.returncode == 0, result.stderr
    assert "guards 1 painted True" in result.stdout, result.stdout + result.stderr
    assert "focus frames True" in result.stdout, result.stdout + result.stderr


def test_a_first_start_opens_a_window_that_uses_most_of_the_screen(qtbot) -> None:
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.contains(window.geometry())
    assert window.width() >= room.width() * 0.8 and window.height() >= room.height() * 0.8


def test_the_wizard_leaves_the_virtual_logger_panel_in_view(qtbot, qloop) -> None:
    from saveris_desktop.simulator import Simulator

    services = make_services(Simulator(seed=2))
    window = MainWindow(UiState(), demo=True)
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 1100, 780)  # room for the wizard beside the panel, not centred
    window.show()
    # As at the first start (app.py): the panel is added and the wizard opened in one go.
    window.attach_services(services)
    window.start_onboarding()
    wizard = window.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    dock = window.demo_dock
    dock_area = dock.geometry().translated(window.geometry().topLeft())
    assert wizard.width() <= dock_area.left()
    assert not wizard.frameGeometry().intersects(dock_area)
    assert wizard.frameGeometry().left() >= window.geometry().left()
    wizard.shutdown()
    window.close()


def test_the_virtual_logger_gets_the_site_key_on_the_loggers_wifi(qtbot, qloop) -> None:
    """The key is typed into the logger's page while the laptop is on its Wi-Fi, without internet."""
    from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, Simulator

    sim = Simulator(seed=4, join_delay=0.0)
    services = make_services(sim)
    panel = DemoPanel(services)
    qtbot.addWidget(panel)
    keys: list[str] = []

    async def choose_site() -> None:
        await services.client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        keys.append((await services.client.create_connect_key("Cold Store")).connect_key)
        services.set_site("Cold Store")  # as the wizard does once the site is ready

    services.tasks.spawn(choose_site())
    qtbot.waitUntil(lambda: bool(keys) and "Cold Store" in panel._site_keys, timeout=5000)
    click(qtbot, panel.unpack_button)
    click(qtbot, panel.button_press)
    assert panel.result.text() == ""  # the button's news is the status above it, not repeated
    click(qtbot, panel.network_toggle)  # on the logger's Wi-Fi now
    click(qtbot, panel.fill_key)
    assert panel.account_id.text() == keys[0]


def test_demo_panel_survives_a_simulator_reset_from_its_control_api(qtbot, qloop) -> None:
    from saveris_desktop.simulator import Simulator

    sim = Simulator(seed=10)
    panel = DemoPanel(make_services(sim))
    qtbot.addWidget(panel)
    click(qtbot, panel.unpack_button)
    sim.reset()  # e.g. POST /_sim/reset from a browser while the panel still shows the logger
    click(qtbot, panel.button_press)
    assert "simulator was reset" in panel.result.text()
    click(qtbot, panel.unpack_button)
    sim.reset()
    click(qtbot, panel.save_config)
    assert "simulator was reset" in panel.result.text()
    assert not panel.button_press.isEnabled()  # the list no longer offers the vanished logger


def test_the_keyring_backend_is_resolved_while_services_are_built_off_the_gui_thread(
    qt_settings, monkeypatch
) -> None:
    import threading

    import keyring

    from saveris_desktop import app

    threads: list[str] = []
    resolve = keyring.get_keyring

    def spy():
        threads.append(threading.current_thread().name)
        return resolve()

    monkeypatch.setattr(keyring, "get_keyring", spy)
    worker = threading.Thread(
        target=lambda: app._build_services(parse_options(["--demo"]), UiState()), name="services-worker"
    )
    worker.start()
    worker.join(timeout=60)
    # The sign-in page's question then finds the backend keyring cached (probing may hang on D-Bus).
    assert threads and set(threads) == {"services-worker"}


def test_the_demo_plays_the_simulator_profile_chosen_on_the_command_line(qt_settings) -> None:
    from saveris_desktop import app
    from saveris_desktop.simulator import DOCUMENTED, PROFILES

    assert tuple(PROFILES) == app.DEMO_PROFILES
    assert parse_options(["--demo"]).demo_profile == "assumed"
    services = app._wire_services(parse_options(["--demo", "--demo-profile", "documented"]), UiState())
    assert services.simulator is not None and services.simulator.profile is DOCUMENTED
    with pytest.raises(SystemExit):
        parse_options(["--demo-profile", "documented"])  # without --demo there is no simulator to play it
