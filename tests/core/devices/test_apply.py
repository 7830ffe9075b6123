"""The one "apply or queue" operation: sent, queued without a network, refused as the cloud said."""

from __future__ import annotations

from typing import Any

import pytest

from saveris_desktop.api.errors import NetworkError, RequestValidationError
from saveris_desktop.core.devices.apply import Change, Delivery, apply_or_queue

CHANGE = Change("Bakery", "device", "d-1", {"name": "new"}, {"name": "old"})


class Queue:
    def __init__(self) -> None:
        self.queued: list[tuple[Any, ...]] = []

    async def queue_change(self, site: str, kind: str, object_id: str, payload: Any, base: Any) -> None:
        self.queued.append((site, kind, object_id, payload, base))


async def test_sent_returns_the_clouds_answer_and_queues_nothing() -> None:
    queue = Queue()

    async def send() -> dict[str, Any]:
        return {"name": "new", "last_modified": "now"}

    applied = await apply_or_queue(CHANGE, send, queue)
    assert applied.delivery is Delivery.SENT and applied.sent and not applied.queued
    assert applied.answer == {"name": "new", "last_modified": "now"}
    assert queue.queued == []


async def test_no_network_queues_the_change_on_its_base() -> None:
    queue = Queue()

    async def send() -> dict[str, Any]:
        raise NetworkError("the cloud cannot be reached")

    applied = await apply_or_queue(CHANGE, send, queue)
    assert applied.queued and applied.answer is None
    assert queue.queued == [("Bakery", "device", "d-1", {"name": "new"}, {"name": "old"})]


async def test_a_refusal_is_the_clouds_verdict_not_queued() -> None:
    queue = Queue()

    async def send() -> dict[str, Any]:
        raise RequestValidationError("the cloud refused the name")

    with pytest.raises(RequestValidationError):
        await apply_or_queue(CHANGE, send, queue)
    assert queue.queued == []


async def test_without_an_outbox_no_network_is_a_failure() -> None:
    async def send() -> dict[str, Any]:
        raise NetworkError("the cloud cannot be reached")

    with pytest.raises(NetworkError):
        await apply_or_queue(CHANGE, send, None)
    with pytest.raises(NetworkError):
        await apply_or_queue(None, send, Queue())  # a change the outbox has no kind for


async def test_without_a_send_the_change_goes_to_the_outbox() -> None:
    queue = Queue()
    applied = await apply_or_queue(CHANGE, None, queue)
    assert applied.queued and len(queue.queued) == 1
    with pytest.raises(ValueError, match="outbox"):
        await apply_or_queue(CHANGE, None, None)
