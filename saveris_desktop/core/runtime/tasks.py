"""The one way to run background async work: every task has an owner that cancels it.

Widgets, the device watcher and the sync engine each hold a TaskOwner. The owner keeps strong
references (asyncio only keeps weak ones, so an unreferenced task can vanish mid-flight), logs
failures nobody awaited, and cancels everything on close. Closing twice is harmless, because
Qt's aboutToQuit can fire more than once.

"The latest job wins" is one argument, not a pattern repeated per widget: `spawn(..., key="load")`
cancels the owner's previous task of the same key, so only the newest answer arrives (a logger
selected after another, a second Next, a listing for another site). A task that is replaced is
cancelled like any other, so none of its callbacks run.
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
        self._keyed: dict[str, asyncio.Task[Any]] = {}
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
        key: str | None = None,
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> asyncio.Task[T]:
        """Start `coro` on the running loop; callbacks run on the loop thread when it ends.

        `key`: the latest wins; a task of this owner spawned earlier with the same key is cancelled.
        A failure with no `on_error` is logged, never silently dropped; one that is not an ApiError is
        logged even when `on_error` handles it. Cancellation calls neither.
        """
        if self._closed:
            coro.close()
            raise RuntimeError(f"task owner '{self.name}' is closed")
        if key is not None:
            self.cancel(key)
        task = asyncio.get_running_loop().create_task(coro, name=f"{self.name}:{name or key or 'task'}")
        self._tasks.add(task)
        if key is not None:
            self._keyed[key] = task

        def _done(finished: asyncio.Task[T]) -> None:
            self._tasks.discard(finished)
            if key is not None and self._keyed.get(key) is finished:
                del self._keyed[key]
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

    def cancel(self, key: str) -> bool:
        """Cancel the running task spawned with `key`; False when there is none."""
        task = self._keyed.pop(key, None)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    def busy(self, key: str) -> bool:
        """True while a task spawned with `key` runs."""
        task = self._keyed.get(key)
        return task is not None and not task.done()

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
        self._keyed.clear()
