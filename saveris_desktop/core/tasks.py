"""The one way to run background async work: every task has an owner that cancels it.

Widgets, the device watcher and the sync engine each hold a TaskOwner. The owner keeps strong
references (asyncio only keeps weak ones, so an unreferenced task can vanish mid-flight), logs
failures nobody awaited, and cancels everything on close. Closing twice is harmless, because
Qt's aboutToQuit can fire more than once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from saveris_desktop.api.errors import ApiError

T = TypeVar("T")
log = logging.getLogger(__name__)


class TaskOwner:
    def __init__(self, name: str) -> None:
        self.name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def running(self) -> int:
        return sum(1 for task in self._tasks if not task.done())

    def spawn(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        name: str | None = None,
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[T]:
        """Start `coro` on the running loop; callbacks run on the loop thread when it ends.

        A failure with no `on_error` is logged, never silently dropped; one that is not an ApiError is
        logged even when `on_error` handles it. Cancellation calls neither.
        """
        if self._closed:
            coro.close()
            raise RuntimeError(f"task owner '{self.name}' is closed")
        task = asyncio.get_event_loop().create_task(coro, name=f"{self.name}:{name or 'task'}")
        self._tasks.add(task)

        def _done(finished: asyncio.Task[T]) -> None:
            self._tasks.discard(finished)
            if finished.cancelled():
                return
            error = finished.exception()
            if error is None:
                if on_result is not None:
                    on_result(finished.result())
            elif on_error is not None:
                if not isinstance(error, ApiError):
                    # Handlers show one sentence ("the details are in the log file"); an ApiError
                    # carries all there is to say, anything else needs its traceback kept.
                    log.warning("background task %s failed", finished.get_name(), exc_info=error)
                on_error(error)
            else:
                log.error("background task %s failed", finished.get_name(), exc_info=error)

        task.add_done_callback(_done)
        return task

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def aclose(self) -> None:
        """Cancel every task and wait until they have all finished. Idempotent."""
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
