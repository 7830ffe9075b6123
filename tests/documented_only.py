"""A test-side filter over the in-process simulator: the server offers only testo's documented routes.

Every route of api/routes.py with `documented=False` is answered as AWS API Gateway answers a path or
method it does not have: 403 `{"message": "Missing Authentication Token"}`. Everything else (and the
simulator's /_sim/ control API) passes through. Every API request is recorded, so tests can count
how often the app tried an undocumented route.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from saveris_desktop.api.routes import ROUTES, Route

MISSING_AUTHENTICATION_TOKEN = {"message": "Missing Authentication Token"}


def _pattern(route: Route) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", route.path) + "$")


_PATTERNS = [(route, _pattern(route)) for route in ROUTES.values()]


def route_of(request: httpx.Request) -> Route | None:
    return next(
        (r for r, pattern in _PATTERNS if r.method == request.method and pattern.match(request.url.path)),
        None,
    )


@dataclass
class DocumentedOnly(httpx.AsyncBaseTransport):
    inner: httpx.AsyncBaseTransport
    #: True while the laptop has no internet (e.g. `lambda: sim.network_down`): nothing answers then
    offline: Callable[[], bool] = lambda: False
    #: the route name of every API request, in order
    requests: list[str] = field(default_factory=list)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        route = route_of(request)
        if route is None:
            return await self.inner.handle_async_request(request)
        self.requests.append(route.name)
        if not route.documented and not self.offline():
            return httpx.Response(403, json=MISSING_AUTHENTICATION_TOKEN, request=request)
        return await self.inner.handle_async_request(request)

    def count(self, name: str) -> int:
        return self.requests.count(name)

    def undocumented(self) -> list[str]:
        return [name for name in self.requests if not ROUTES[name].documented]

    async def aclose(self) -> None:
        await self.inner.aclose()
