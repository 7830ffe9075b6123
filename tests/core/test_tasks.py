from __future__ import annotations

import asyncio

import pytest

from saveris_desktop.core.tasks import TaskOwner


async def test_result_callback_and_close_cancels_the_rest() -> None:
    owner = TaskOwner("test")
    results: list[int] = []

    async def quick() -> int:
        return 7

    blocker = asyncio.Event()

    async def forever() -> None:
        await blocker.wait()

    owner.spawn(quick(), on_result=results.append)
    slow = owner.spawn(forever())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert results == [7]
    assert owner.running == 1
    await owner.aclose()
    assert slow.cancelled()
    await owner.aclose()  # idempotent
    with pytest.raises(RuntimeError):
        owner.spawn(quick())


async def test_failure_goes_to_on_error() -> None:
    owner = TaskOwner("test")
    errors: list[BaseException] = []

    async def boom() -> None:
        raise ValueError("broken")

    task = owner.spawn(boom(), on_error=errors.append)
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.sleep(0)
    assert [str(e) for e in errors] == ["broken"]
