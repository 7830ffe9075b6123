from __future__ import annotations

import asyncio
import logging

import pytest

from saveris_desktop.api.errors import NetworkError
from saveris_desktop.core.runtime.tasks import TaskOwner


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


async def test_an_unexpected_failure_is_logged_even_when_on_error_handles_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    owner = TaskOwner("test")
    errors: list[BaseException] = []

    async def bug() -> None:
        raise KeyError("missing")

    async def refused() -> None:
        raise NetworkError("The testo cloud cannot be reached.")

    with caplog.at_level(logging.WARNING, logger="saveris_desktop.core.runtime.tasks"):
        tasks = [owner.spawn(bug(), name="bug", on_error=errors.append)]
        tasks.append(owner.spawn(refused(), name="refused", on_error=errors.append))
        await asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.sleep(0)
    assert [type(e) for e in errors] == [KeyError, NetworkError]  # the handler still gets both
    # Only the unforeseen one is logged, with its traceback; the ApiError's message says it all.
    assert [(r.getMessage(), type(r.exc_info[1]) if r.exc_info else None) for r in caplog.records] == [
        ("background task test:bug failed", KeyError)
    ]
    await owner.aclose()


async def test_the_latest_task_of_a_key_wins() -> None:
    owner = TaskOwner("test")
    results: list[str] = []
    gate = asyncio.Event()

    async def job(name: str) -> str:
        await gate.wait()
        return name

    first = owner.spawn(job("first"), key="load", on_result=results.append)
    other = owner.spawn(job("other key"), key="other", on_result=results.append)
    second = owner.spawn(job("second"), key="load", on_result=results.append)
    assert owner.busy("load")
    gate.set()
    await asyncio.gather(first, second, other, return_exceptions=True)
    await asyncio.sleep(0)
    assert first.cancelled()
    assert sorted(results) == ["other key", "second"]
    assert not owner.busy("load")
    assert not owner.cancel("load")  # nothing left to cancel
    await owner.aclose()
