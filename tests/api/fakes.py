"""A scripted fake of the Device Management API for client tests (httpx.MockTransport handler)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.api.retry import RetryPolicy

EUROPE = Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION)
PASSWORD = "Pa55-w0rd!fridge"
USERNAME = "tech@example.com"

#: A fixed answer, an exception to raise, or a function of the request (async ones let others run).
Reply = (
    httpx.Response
    | Exception
    | Callable[[httpx.Request], httpx.Response]
    | Callable[[httpx.Request], Awaitable[httpx.Response]]
)


def encode_jwt(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, "a-signing-key-only-the-server-knows", algorithm="HS256")


def make_jwt(lifetime: float | None = 3600.0, *, issued_at: float = 1_700_000_000.0, sub: str = "u1") -> str:
    claims: dict[str, Any] = {"sub": sub, "iat": int(issued_at)}
    if lifetime is not None:
        claims["exp"] = int(issued_at + lifetime)
    return encode_jwt(claims)


def reply(status: int = 200, body: Any = None, **headers: str) -> httpx.Response:
    if body is None:
        return httpx.Response(status, headers=headers)
    return httpx.Response(status, json=body, headers=headers)


@dataclass
class FakeClock:
    now: float = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class FakeSleep:
    """Records requested delays and advances the fake clock instead of sleeping."""

    clock: FakeClock
    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        self.clock.now += seconds


class FakeApi:
    """Answers each (method, path) from a queue of replies; the last reply repeats. Records requests."""

    def __init__(self, token: str | None = None) -> None:
        self.replies: dict[tuple[str, str], list[Reply]] = {}
        self.requests: list[httpx.Request] = []
        self.token = token or make_jwt()
        self.on("POST", "/token", reply(200, {"IdToken": self.token}))

    def on(self, method: str, path: str, *replies: Reply) -> None:
        self.replies[(method, path)] = list(replies)

    def calls(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]

    @staticmethod
    def body(request: httpx.Request) -> Any:
        return json.loads(request.content)

    def __call__(self, request: httpx.Request) -> httpx.Response | Awaitable[httpx.Response]:
        self.requests.append(request)
        queue = self.replies.get((request.method, request.url.path))
        if not queue:
            return reply(404, {"message": f"no fake for {request.method} {request.url.path}"})
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer) and not isinstance(answer, httpx.Response):
            return answer(request)
        return answer

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def make_client(api: FakeApi, clock: FakeClock, sleep: FakeSleep, **policy: Any) -> DeviceManagementClient:
    retry = RetryPolicy(sleep=sleep, now=clock, jitter_source=lambda: 0.5, **policy)
    return DeviceManagementClient(EUROPE, transport=api.transport(), retry=retry, clock=clock)
