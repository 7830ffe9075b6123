"""apply_to_all: bounded concurrency, per-item results in input order, retry of the failed ones."""

from __future__ import annotations

import asyncio

import pytest

from saveris_desktop.api.bulk import BulkResult, apply_to_all, failed_items
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import NetworkError, NotFoundError
from saveris_desktop.api.models import Device
from tests.api import payloads as p
from tests.api.fakes import FakeApi, reply


async def test_concurrency_is_bounded_and_order_kept() -> None:
    running = peak = 0

    async def change(n: int) -> int:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        running -= 1
        return n * 10

    results = await apply_to_all(range(10), change, concurrency=3)
    assert peak == 3
    assert [r.value for r in results] == [n * 10 for n in range(10)]
    assert all(r.ok for r in results)


async def test_failures_are_per_item_and_can_be_retried() -> None:
    attempts: dict[str, int] = {}
    reported: list[BulkResult[str, str]] = []

    async def change(name: str) -> str:
        attempts[name] = attempts.get(name, 0) + 1
        if name == "b" and attempts[name] == 1:
            raise NetworkError("Saving failed: no connection (Europe, production).")
        if name == "c":
            raise NotFoundError("Saving failed: not found (Europe, production).")
        return name.upper()

    results = await apply_to_all(["a", "b", "c"], change, on_result=reported.append)
    assert [(r.item, r.ok) for r in results] == [("a", True), ("b", False), ("c", False)]
    assert isinstance(results[1].error, NetworkError)
    assert sorted(r.item for r in reported) == ["a", "b", "c"]

    again = await apply_to_all(failed_items(results), change)
    assert [(r.item, r.value, r.ok) for r in again] == [("b", "B", True), ("c", None, False)]


async def test_a_bug_is_not_swallowed_and_cancels_the_rest() -> None:
    started: list[int] = []

    async def change(n: int) -> int:
        started.append(n)
        await asyncio.sleep(0)
        if n == 1:
            raise TypeError("bug")
        return n

    with pytest.raises(ExceptionGroup) as caught:
        await apply_to_all([1, 2, 3, 4], change, concurrency=1)
    assert caught.group_contains(TypeError, match="^bug$")
    # The change that was handed the free slot as the bug surfaced is cancelled at its first await;
    # the ones still waiting for their turn never start.
    assert started in ([1], [1, 2])


async def test_invalid_concurrency() -> None:
    async def change(n: int) -> int:
        return n

    with pytest.raises(ValueError, match="at least 1"):
        await apply_to_all([1], change, concurrency=0)


async def test_bulk_change_of_many_devices_through_the_client(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    devices = [Device.model_validate({**p.device(), "uuid": f"d-{n}"}) for n in range(6)]
    for device in devices:
        api.on("PUT", f"/devices/{device.uuid}", lambda r: reply(200, FakeApi.body(r)))
    api.on("PUT", "/devices/d-4", reply(404, {"message": "gone"}))

    results = await apply_to_all(
        devices, lambda d: signed_in.put_device(p.SITE, d.with_changes(measuring_cycle=60000)), concurrency=2
    )
    assert [r.item.uuid for r in results if not r.ok] == ["d-4"]
    assert all(r.value and r.value.measuring_cycle == 60000 for r in results if r.ok)
