"""An httpx transport that plays a cloud answering in shapes the strict simulator does not speak
(plain-text alarms, one condition set per object, sibling-shaped measuring objects and sensors).

Everything goes to the simulator, except: paths in `stored` are answered (GET) and replaced (PUT)
with exactly what is stored or sent, and each PUT body is recorded in `received`; the JSON answers of
paths matching a `rewrite` pattern are passed through its function first.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

import httpx

from saveris_desktop.simulator import Simulator
from saveris_desktop.simulator.clock import ManualClock


class ShapedCloud(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.stored: dict[str, Any] = {}
        self.received: dict[str, list[Any]] = {}
        self.rewrite: list[tuple[re.Pattern[str], str, Callable[[Any], Any]]] = []

    def on_answer(self, method: str, pattern: str, change: Callable[[Any], Any]) -> None:
        self.rewrite.append((re.compile(pattern), method, change))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path in self.stored and request.method in ("GET", "PUT"):
            if request.method == "PUT":
                body = json.loads(await request.aread())
                self.received.setdefault(path, []).append(body)
                self.stored[path] = body
            return httpx.Response(200, json=copy.deepcopy(self.stored[path]))
        response = await self.inner.handle_async_request(request)
        for pattern, method, change in self.rewrite:
            if request.method == method and pattern.fullmatch(path) and response.status_code == 200:
                await response.aread()
                return httpx.Response(200, json=change(response.json()))
        return response


class ShapedSimulator(Simulator):
    """The demo simulator behind a ShapedCloud (`cloud`)."""

    def __init__(self) -> None:
        super().__init__(seed=5, join_delay=1.0, clock=ManualClock())
        self.cloud = ShapedCloud(super().transport())

    def transport(self) -> ShapedCloud:  # type: ignore[override]
        return self.cloud
