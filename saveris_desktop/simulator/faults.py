"""Fault injection: make the simulated cloud slow, flaky, throttled or unreachable on purpose.

A fault applies to one route (a name from api/routes.py ROUTES) or to every API route, for the
next `count` requests (None: until cleared), each time with `probability`. Random draws come from
one `random.Random(seed)`, so a run with the same seed and the same requests fails the same way.

Kinds and what a client sees:
- latency: the answer comes `latency` seconds late (adds up with other faults).
- error_status: `{"status": "Error", ...}` with `status` (default 503) instead of the real answer.
- rate_limit: 429 with a `Retry-After: retry_after` header.
- expire_token: every token issued so far stops being valid now; the request then runs normally
  (and so answers 401 unless it was the token request itself).
- malformed_json: the request is carried out, but the answer is a cut-off JSON body with status 200.
- drop_connection: the connection closes before a complete answer. Over a socket the client reads
  the start of an answer and then the peer closes (ASGI cannot close a connection without starting
  an answer); in-process the simulator's transport raises httpx.RemoteProtocolError, which is what
  httpx raises for that.
- timeout: the server hangs. Over a socket it holds the request for `hang` seconds and then drops
  it (a client's read timeout fires first); in-process the transport raises httpx.ReadTimeout at once.
- With `after=True` a dropped, hung or error_status request is carried out first and only its
  answer is lost: the ambiguous case in which a client must look before it sends a POST again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from saveris_desktop.api.routes import ROUTES

from .validation import Obj, fail

T = TypeVar("T")


class FaultKind(StrEnum):
    LATENCY = "latency"
    ERROR_STATUS = "error_status"
    RATE_LIMIT = "rate_limit"
    EXPIRE_TOKEN = "expire_token"  # noqa: S105  (a fault name, not a secret)
    MALFORMED_JSON = "malformed_json"
    DROP_CONNECTION = "drop_connection"
    TIMEOUT = "timeout"


#: Kinds that take over the answer; the others only delay or alter what happens next.
TERMINAL_KINDS = frozenset(
    {FaultKind.ERROR_STATUS, FaultKind.RATE_LIMIT, FaultKind.DROP_CONNECTION, FaultKind.TIMEOUT}
)

#: Kinds that can strike after the request was carried out (`after=True`).
AFTER_KINDS = frozenset({FaultKind.ERROR_STATUS, FaultKind.DROP_CONNECTION, FaultKind.TIMEOUT})


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    route: str | None = None
    count: int | None = None
    probability: float = 1.0
    status: int = 503
    latency: float = 0.5
    retry_after: int = 2
    hang: float = 60.0
    after: bool = False

    def __post_init__(self) -> None:
        if self.route is not None and self.route not in ROUTES:
            fail(f"route must be one of the API route names, not {self.route!r}")
        if self.count is not None and self.count < 1:
            fail("count must be at least 1 (or null for every request)")
        if not 0.0 < self.probability <= 1.0:
            fail("probability must be greater than 0 and at most 1")
        if not 400 <= self.status <= 599:
            fail("status must be an HTTP error status (400-599)")
        if not 0.0 <= self.latency <= 120.0:
            fail("latency must be between 0 and 120 seconds")
        if not 0 <= self.retry_after <= 3600:
            fail("retry_after must be between 0 and 3600 seconds")
        if not 0.0 <= self.hang <= 3600.0:
            fail("hang must be between 0 and 3600 seconds")
        if self.after and self.kind not in AFTER_KINDS:
            fail(f"after applies to {', '.join(sorted(AFTER_KINDS))} only")

    @classmethod
    def from_json(cls, value: Any) -> Fault:
        body = Obj(value)
        body.only(
            ("kind", "route", "count", "probability", "status", "latency", "retry_after", "hang", "after")
        )
        defaults = cls(FaultKind.LATENCY)
        return cls(
            kind=FaultKind(body.choice("kind", [kind.value for kind in FaultKind])),
            route=body.opt_string("route", max_length=64),
            count=body.opt_integer("count", minimum=1, maximum=1_000_000),
            probability=_or(body.opt_number("probability"), defaults.probability),
            status=_or(body.opt_integer("status"), defaults.status),
            latency=_or(body.opt_number("latency"), defaults.latency),
            retry_after=_or(body.opt_integer("retry_after"), defaults.retry_after),
            hang=_or(body.opt_number("hang"), defaults.hang),
            after=body.boolean("after", default=False),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "route": self.route,
            "count": self.count,
            "probability": self.probability,
            "status": self.status,
            "latency": self.latency,
            "retry_after": self.retry_after,
            "hang": self.hang,
            "after": self.after,
        }


def _or(value: T | None, default: T) -> T:
    return default if value is None else value


class FaultPlan:
    """The active faults, in the order they were added."""

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._rng = random.Random(seed)
        self._next_id = 1
        self._faults: dict[int, Fault] = {}
        self._remaining: dict[int, int | None] = {}

    def add(self, fault: Fault) -> int:
        fault_id = self._next_id
        self._next_id += 1
        self._faults[fault_id] = fault
        self._remaining[fault_id] = fault.count
        return fault_id

    def remove(self, fault_id: int) -> bool:
        self._remaining.pop(fault_id, None)
        return self._faults.pop(fault_id, None) is not None

    def clear(self) -> None:
        """Forget every fault and restart the random sequence: the same seed replays the same run."""
        self._faults.clear()
        self._remaining.clear()
        self._rng = random.Random(self._seed)

    def describe(self) -> list[dict[str, Any]]:
        return [
            {"id": fault_id, **fault.to_json(), "remaining": self._remaining[fault_id]}
            for fault_id, fault in self._faults.items()
        ]

    def draw(self, route_name: str) -> list[Fault]:
        """The faults that strike this request; each one struck uses up one of its `count`."""
        struck: list[Fault] = []
        for fault_id, fault in list(self._faults.items()):
            if fault.route not in (None, route_name):
                continue
            if fault.probability < 1.0 and self._rng.random() >= fault.probability:
                continue
            struck.append(fault)
            remaining = self._remaining[fault_id]
            if remaining is not None:
                if remaining <= 1:
                    self.remove(fault_id)
                else:
                    self._remaining[fault_id] = remaining - 1
        return struck
