"""One request per read in flight: callers asking for the same thing at the same time share one answer.

The devices view, the wizard's watcher, the sensor directory and the editors all read the same
documents, often within the same few milliseconds (a logger was selected while a poll was running,
two loads of one logger raced). A read that is already on its way is not sent again: every caller
awaits the first one's request and gets its result, or its error.

Rules that keep this safe:
- Only reads (GET) are shared; a write is always the caller's own.
- A caller that is cancelled leaves; the request goes on for the others, and is cancelled only when
  nobody waits for it any more (then the next caller starts a fresh one).
- Each caller gets its own copy of the answer, so one caller changing a model cannot change what
  another one sees.
- Nothing is remembered after the answer: this is not a cache, a read after it is a new request.
- A read asked for after a write has ended never gets an answer sent before that write ended (it
  could miss the change): every write ends with `forget_all`, so later reads start afresh while the
  earlier ones finish for the callers that were already waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from pydantic import BaseModel

from saveris_desktop.api.listing import DeviceListing

T = TypeVar("T")


class _Shared:
    def __init__(self, task: asyncio.Future[Any]) -> None:
        self.task = task
        self.waiters = 0
        self.shared = False  # someone joined: every caller then gets its own copy


def _own_copy(value: T) -> T:
    """A caller's private copy of a shared answer (models and lists of models)."""
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    if isinstance(value, DeviceListing):  # keeps what it could not read, as received
        return DeviceListing((_own_copy(device) for device in value), value.unreadable)  # type: ignore[return-value]
    if isinstance(value, list):
        return [_own_copy(item) for item in value]  # type: ignore[return-value]
    return value


def _retrieve(task: asyncio.Future[Any]) -> None:
    # every caller may have left before it ended: its error must not be reported as "never retrieved"
    if not task.cancelled():
        task.exception()


class InFlight:
    """The reads now on their way, by what they ask for (route, site, path parameters)."""

    def __init__(self) -> None:
        self._running: dict[Hashable, _Shared] = {}

    @property
    def count(self) -> int:
        return len(self._running)

    async def run(self, key: Hashable, request: Callable[[], Awaitable[T]]) -> T:
        """`request()` unless the same `key` is in flight; then that request's result (or error)."""
        shared = self._running.get(key)
        if shared is not None:
            shared.shared = True
        else:
            task: asyncio.Future[T] = asyncio.ensure_future(request())
            shared = _Shared(task)
            self._running[key] = shared
            task.add_done_callback(_retrieve)
            started = shared
            task.add_done_callback(lambda _task: self._forget(key, started))
        shared.waiters += 1
        try:
            result: T = await asyncio.shield(shared.task)
        except asyncio.CancelledError:
            if shared.waiters == 1 and not shared.task.done():
                self._forget(key, shared)  # nobody else waits: a later caller starts afresh
                shared.task.cancel()
            raise
        finally:
            shared.waiters -= 1
        return _own_copy(result) if shared.shared else result

    def forget_all(self) -> None:
        """Let no later caller join the reads now in flight (a write has changed what they read)."""
        self._running.clear()

    def _forget(self, key: Hashable, shared: _Shared) -> None:
        with contextlib.suppress(KeyError):
            if self._running[key] is shared:
                del self._running[key]
