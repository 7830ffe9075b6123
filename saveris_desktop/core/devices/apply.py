"""One named operation for every change the technician applies: sent to the cloud, or queued.

Editor Apply, the bulk settings of several loggers and a template applied to many objects all end
in `apply_or_queue()`, and all read the same `Applied` result, instead of each writing its own
"on NetworkError, hand it to the outbox" (the editor once raised a private exception into its own
error path for that, and the bulk dialog repeated the fallback). The rule, stated once:

- `send` given: send it now. The cloud's answer means *sent*. No network (NetworkError) means
  *queued*: the change goes to the outbox with the server version it was made from (`base`), and
  the outbox checks the cloud and merges before it sends. Any other ApiError is the cloud's
  verdict and propagates (the caller shows the server's reason; nothing typed is lost).
- `send` None: straight to the outbox (a template applied to many objects: merged per object
  with what the cloud has, sent and audited in the background).
- No outbox (the local database could not be opened), or a change the outbox has no kind for:
  NetworkError propagates like any failure.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from saveris_desktop.api.errors import NetworkError

if TYPE_CHECKING:
    from saveris_desktop.core.runtime.services import ChangeQueue

T = TypeVar("T")


class Delivery(StrEnum):
    SENT = "sent"  # the cloud took it; `Applied.answer` is what it returned
    QUEUED = "queued"  # waits in the outbox, sent by itself once the cloud is reachable


@dataclass(frozen=True)
class Change:
    """What the outbox needs to send a change later: where, which object, what, and on top of what."""

    site: str
    kind: str  # a DraftKind value
    object_id: str
    payload: dict[str, Any]
    base: Any  # the server's version the payload was made from (None: unknown)


@dataclass(frozen=True)
class Applied(Generic[T]):
    delivery: Delivery
    answer: T | None = None

    @property
    def sent(self) -> bool:
        return self.delivery is Delivery.SENT

    @property
    def queued(self) -> bool:
        return self.delivery is Delivery.QUEUED


async def apply_or_queue(
    change: Change | None,
    send: Callable[[], Awaitable[T]] | None,
    queue: ChangeQueue | None,
) -> Applied[T]:
    """Send `change` (through `send`) or queue it; see the module docstring for the rule."""
    if send is not None:
        try:
            return Applied(Delivery.SENT, await send())
        except NetworkError:
            if change is None or queue is None:
                raise
    elif change is None or queue is None:
        raise ValueError("a change without a direct send needs the outbox")
    await queue.queue_change(change.site, change.kind, change.object_id, change.payload, change.base)
    return Applied(Delivery.QUEUED)
