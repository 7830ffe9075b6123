"""One data folder, one window: a second start (a real process) hands over to the running app."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMainWindow

from saveris_desktop import app
from saveris_desktop.core.runtime import paths
from saveris_desktop.core.runtime.instance_lock import DataFolderLock, instance_server_name
from saveris_desktop.ui.single_instance import InstanceServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def running(qtbot: Any) -> Iterator[tuple[QMainWindow, InstanceServer, list[list[str]]]]:
    """This test process plays the running app: it holds the data folder and listens."""
    claim = app.claim_instance(["--demo"], wait_s=0)
    assert claim is not None
    lock, server = claim
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    received: list[list[str]] = []
    server.sig_activation_requested.connect(received.append)
    server.sig_activation_requested.connect(
        lambda arguments: app.bring_forward(window, arguments, app.Options(demo=True))
    )
    yield window, server, received
    server.close()
    lock.release()


def _second_start(*arguments: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", paths.HOME_ENV: os.environ[paths.HOME_ENV]}
    return subprocess.Popen(
        [sys.executable, "-m", "saveris_desktop", *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(qtbot: Any, child: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        # Qt (and with it the running app's server) keeps running while the child talks to it.
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=60_000)
    finally:
        if child.poll() is None:
            child.kill()
        _out, err = child.communicate(timeout=10)
    return child.returncode, err


def test_a_second_start_brings_the_running_window_forward_passes_its_arguments_and_exits_0(
    qtbot: Any, running: Any
) -> None:
    window, _server, received = running
    window.showMinimized()
    child = _second_start("--region", "am", "--env", "i")
    code, err = _finish(qtbot, child)
    assert code == 0, err
    assert received == [["--region", "am", "--env", "i"]]
    assert not window.isMinimized() and window.isVisible()
    # it keeps running as it is (the demo) and says how to start with the other options
    message = window.statusBar().currentMessage()
    assert "already running" in message and "--region am --env i" in message
    assert DataFolderLock().try_acquire() is False  # the running app still holds the folder


def test_the_same_options_bring_the_window_forward_without_a_message(qtbot: Any, running: Any) -> None:
    window, _server, received = running
    code, err = _finish(qtbot, _second_start("--demo"))
    assert code == 0, err
    assert received == [["--demo"]]
    assert window.statusBar().currentMessage() == ""


def test_a_malformed_message_is_ignored(qtbot: Any, running: Any) -> None:
    _window, _server, received = running
    socket = QLocalSocket()
    socket.connectToServer(instance_server_name())
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.ConnectedState, timeout=5000)
    socket.write(b'{"arguments": "not a list"}\n')
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000)
    assert received == []


def test_with_the_folder_free_a_start_takes_it_and_listens(qtbot: Any) -> None:
    claim = app.claim_instance([], wait_s=0)
    assert claim is not None
    lock, server = claim
    try:
        assert lock.held
        assert app._hand_over(["--demo"], timeout_s=0.2) is False  # nobody answers inside this one loop
    finally:
        server.close()
        lock.release()


def test_two_apps_started_at_once_on_one_folder_leave_one_running(qtbot: Any, tmp_path: Path) -> None:
    """Real apps, started together: one runs; the other hands over to it (even when neither had
    its server up yet) and ends with 0. Before, both ran and sent one outbox twice."""
    first, second = _second_start("--demo"), _second_start("--demo")
    try:
        qtbot.waitUntil(lambda: (first.poll() is None) != (second.poll() is None), timeout=60_000)
        ended, survivor = (first, second) if first.poll() is not None else (second, first)
        assert ended.returncode == 0, ended.communicate(timeout=10)[1]
        log_file = Path(os.environ[paths.HOME_ENV]) / "logs" / "saveris-desktop.log"
        qtbot.waitUntil(lambda: "a second start asked" in _text(log_file), timeout=30_000)
        assert survivor.poll() is None
    finally:
        for child in (first, second):
            if child.poll() is None:
                child.kill()
            child.communicate(timeout=10)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""
