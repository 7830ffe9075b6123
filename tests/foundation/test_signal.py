"""The core's one observer mechanism: typed, isolated failures, disconnect handles, no keep-alive."""

from __future__ import annotations

import gc
import logging

import pytest

from saveris_desktop.foundation.signal import Signal


def test_listeners_get_the_value_in_order_and_a_handle_disconnects_one() -> None:
    signal: Signal[int] = Signal("numbers")
    seen: list[tuple[str, int]] = []
    first = signal.connect(lambda v: seen.append(("a", v)))
    signal.connect(lambda v: seen.append(("b", v)))
    signal.emit(1)
    first.disconnect()
    first.disconnect()  # idempotent
    signal.emit(2)
    assert seen == [("a", 1), ("b", 1), ("b", 2)]
    assert not first.connected and signal.listeners == 1


def test_a_failing_listener_is_logged_and_the_others_still_hear(caplog: pytest.LogCaptureFixture) -> None:
    signal: Signal[str] = Signal("status")
    seen: list[str] = []

    def broken(_value: str) -> None:
        raise ValueError("a bug in one listener")

    signal.connect(broken)
    signal.connect(seen.append)
    with caplog.at_level(logging.ERROR):
        signal.emit("x")  # does not raise
    assert seen == ["x"]
    assert "a listener of status failed" in caplog.text


def test_a_bound_method_does_not_keep_its_object_alive() -> None:
    signal: Signal[int] = Signal()
    seen: list[int] = []

    class Listener:
        def on_value(self, value: int) -> None:
            seen.append(value)

    listener = Listener()
    connection = signal.connect(listener.on_value)
    signal.emit(1)
    del listener
    gc.collect()
    signal.emit(2)
    assert seen == [1]
    assert not connection.connected and signal.listeners == 0


def test_disconnect_by_callback() -> None:
    signal: Signal[int] = Signal()
    seen: list[int] = []

    class Listener:
        def on_value(self, value: int) -> None:
            seen.append(value)

    listener = Listener()
    signal.connect(listener.on_value)
    signal.disconnect(listener.on_value)
    signal.emit(1)
    assert seen == []
