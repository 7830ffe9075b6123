"""A second start on the same data folder brings the running window forward instead of opening another.

The data-folder lock (core/runtime/instance_lock.py) decides who runs; this is the GUI's half: the app that
holds the lock listens on a `QLocalServer` named after the data folder, and a second start
connects with a `QLocalSocket`, sends its command-line arguments and exits 0 once the running app
has answered. The running app emits `sig_activation_requested(arguments)`; app.py raises its
window and says what it did with the arguments.

Protocol (one connection per hand-over): the second start sends one line of JSON,
`{"arguments": [...]}`, the running app answers `ok` and a line feed. Only this user can connect
(`UserAccessOption`), so another account on the same computer cannot poke the window.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ANSWER = b"ok\n"
#: A hand-over is a few bytes; anything longer is not from us.
MAX_MESSAGE_BYTES = 64 * 1024


class InstanceServer(QObject):
    """Listens for second starts (create it only while holding the data-folder lock)."""

    sig_activation_requested = Signal(list)  # the second start's arguments (list of str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instanceServer")
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; False (and logged) when the system refuses the name."""
        # A socket file left by a crashed app would make listen() fail. Removing it is safe only
        # because the caller holds the data-folder lock: no live app can own this name.
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("a second start cannot reach this window: %s", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():  # arrived before readyRead was connected
                self._read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            log.warning("ignored an oversized message on the instance socket")
            socket.abort()
            return
        self._buffers[socket] = buffer
        line, newline, _rest = buffer.partition(b"\n")
        if not newline:
            return  # wait for the rest
        arguments = _parse(line)
        if arguments is None:
            log.warning("ignored a malformed message on the instance socket")
            socket.abort()
            return
        socket.write(ANSWER)
        socket.flush()
        socket.disconnectFromServer()
        log.info("a second start asked for this window (arguments: %s)", " ".join(arguments) or "none")
        self.sig_activation_requested.emit(arguments)


def _parse(line: bytes) -> list[str] | None:
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    arguments = message.get("arguments") if isinstance(message, dict) else None
    if not isinstance(arguments, list) or not all(isinstance(a, str) for a in arguments):
        return None
    return arguments


def hand_over(name: str, arguments: Sequence[str], *, timeout_s: float = 5.0) -> bool:
    """From a second start: pass `arguments` to the running app; True once it has answered.

    Blocking on purpose: the second start has no window and no event loop, it only waits for the
    answer and exits.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    timeout_ms = int(timeout_s * 1000)
    if not socket.waitForConnected(timeout_ms):
        return False
    _allow_foreground()
    socket.write(json.dumps({"arguments": list(arguments)}).encode("utf-8") + b"\n")
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return False
    answer = b""
    deadline = time.monotonic() + timeout_s
    while not answer.endswith(b"\n") and time.monotonic() < deadline:
        if socket.bytesAvailable() == 0 and not socket.waitForReadyRead(100):
            if (
                socket.state() != QLocalSocket.LocalSocketState.ConnectedState
                and socket.bytesAvailable() == 0
            ):
                break
            continue
        answer += bytes(socket.readAll().data())
    socket.abort()
    return answer == ANSWER


def _allow_foreground() -> None:
    """Windows lets only the foreground process hand the foreground on: this start (just clicked,
    so in front) allows the running app to raise its window."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)
