"""One observer mechanism for the Qt-free layers: a small typed signal.

`Signal[T]` replaces the hand-made listener lists the core and the API client once had (the watcher's
callbacks, the sync engine's `add_listener`, the onboarding flow's `subscribe`, the session's
connectivity listeners); it lives below api/ so that every Qt-free layer uses the same one. `connect()`
returns a `Connection` whose `disconnect()` undoes exactly that connection, so an owner disconnects
symmetrically without keeping the callback around. A bound method is held weakly: an object that is gone
stops listening by itself instead of being kept alive (and called) by the signal. Functions and lambdas
are held strongly, because nothing else refers to them. A failing listener is logged and does not stop
the others, nor whoever emitted (a poll or a sync run must not break because the UI had a bug). Emission
is synchronous, on the caller's thread; the core emits on the event loop's thread only.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from inspect import ismethod
from typing import Any, Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(eq=False)
class Connection:
    """The handle `Signal.connect()` returns; `disconnect()` is idempotent."""

    _signal: weakref.ref[Signal[Any]]
    _slot: Callable[[], Callable[[Any], None] | None] = field(repr=False)

    @property
    def connected(self) -> bool:
        signal = self._signal()
        return signal is not None and self in signal._connections and self._slot() is not None

    def disconnect(self) -> None:
        signal = self._signal()
        if signal is not None:
            signal._drop(self)


class Signal(Generic[T]):
    """`sig.connect(callback)`, `sig.emit(value)`; see the module docstring for the rules."""

    def __init__(self, name: str = "signal") -> None:
        self.name = name
        self._connections: list[Connection] = []

    def connect(self, callback: Callable[[T], None]) -> Connection:
        if ismethod(callback):
            method = weakref.WeakMethod(callback)
            connection = Connection(weakref.ref(self), method)
        else:
            connection = Connection(weakref.ref(self), lambda: callback)
        self._connections.append(connection)
        return connection

    def disconnect(self, callback: Callable[[T], None]) -> None:
        """Disconnect every connection of `callback` (for owners that kept the callback, not the handle)."""
        for connection in list(self._connections):
            if connection._slot() == callback:
                self._drop(connection)

    def emit(self, value: T) -> None:
        for connection in list(self._connections):
            slot = connection._slot()
            if slot is None:  # its object is gone
                self._drop(connection)
                continue
            try:
                slot(value)
            except Exception:
                log.exception("a listener of %s failed: %r", self.name, slot)

    @property
    def listeners(self) -> int:
        return sum(1 for connection in self._connections if connection._slot() is not None)

    def _drop(self, connection: Connection) -> None:
        if connection in self._connections:
            self._connections.remove(connection)
