"""When to send a request again, and how long to wait first.

Exponential backoff with jitter, capped in delay and in attempts. A server's `Retry-After` is
honoured as given (never shortened), unless it asks for longer than `max_retry_after`: then the
error goes to the technician at once instead of freezing the screen.

`sleep`, `now` and `jitter_source` are injectable so tests never really sleep.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC
from email.utils import parsedate_to_datetime

import httpx

#: Answers that say "try again later" without a sign that the request did any harm.
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})

#: Answers after which a non-idempotent request may or may not have been carried out.
AMBIGUOUS_STATUSES = frozenset({502, 503, 504})


def _system_random() -> float:
    return random.random()  # noqa: S311 - jitter, not cryptography


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4  # the first try included
    base_delay: float = 0.5  # seconds before the 2nd try; doubles each time
    max_delay: float = 20.0
    max_retry_after: float = 30.0  # longer hints are shown to the technician instead of waited out
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)
    now: Callable[[], float] = field(default=time.time, repr=False)  # wall clock, for HTTP dates
    jitter_source: Callable[[], float] = field(default=_system_random, repr=False)

    def backoff(self, attempt: int) -> float:
        """Delay after failed attempt number `attempt` (1-based): between half and all of the ceiling."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))
        return ceiling / 2 + self.jitter_source() * ceiling / 2

    def delay_before_retry(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait before the next attempt, or None when it is time to give up."""
        if attempt >= self.max_attempts:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return self.backoff(attempt)


def parse_retry_after(value: str | None, now: Callable[[], float]) -> float | None:
    """`Retry-After` as seconds from now: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # str.isdigit alone accepts "²", which float() refuses
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # "-0000" and the obsolete asctime form: an HTTP date is always GMT
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())


def request_never_left(error: httpx.TransportError) -> bool:
    """True when the request certainly did not reach the server, so even a POST may be re-sent."""
    return isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
