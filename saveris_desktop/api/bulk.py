"""Apply one change to many objects with a bounded number of requests in flight.

Each item gets its own result (ok with a value, or failed with the ApiError), in the order the
items were given, so the UI can list what failed and offer to retry just those. Only ApiError is
caught per item; anything else is a bug and propagates (the remaining changes are cancelled).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from saveris_desktop.api.errors import ApiError

K = TypeVar("K")
T = TypeVar("T")

DEFAULT_CONCURRENCY = 4  # polite to the cloud, still fast for a site with dozens of loggers


@dataclass(frozen=True)
class BulkResult(Generic[K, T]):
    item: K
    value: T | None = None
    error: ApiError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


async def apply_to_all(
    items: Iterable[K],
    change: Callable[[K], Awaitable[T]],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    on_result: Callable[[BulkResult[K, T]], None] | None = None,
) -> list[BulkResult[K, T]]:
    """Run `change(item)` for every item, at most `concurrency` at a time; `on_result` reports progress."""
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    gate = asyncio.Semaphore(concurrency)

    async def one(item: K) -> BulkResult[K, T]:
        async with gate:
            try:
                result: BulkResult[K, T] = BulkResult(item, value=await change(item))
            except ApiError as error:
                result = BulkResult(item, error=error)
        if on_result is not None:
            on_result(result)
        return result

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(one(item)) for item in items]
    return [task.result() for task in tasks]


def failed_items(results: Sequence[BulkResult[K, T]]) -> list[K]:
    """The items to offer for "Retry failed"."""
    return [result.item for result in results if not result.ok]
