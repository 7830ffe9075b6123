"""In-process transport: the client talks to the simulator with no socket, but fails like over one.

- The laptop on a logger's hotspot (`Simulator.set_network_down(True)`): httpx.ConnectError.
- A dropped connection: httpx.RemoteProtocolError, as httpx raises when a server hangs up.
- A hung server: httpx.ReadTimeout at once (waiting out the client's timeout would only slow tests).
- A failure inside the simulator: the 500 answer it sent (Starlette re-raises after sending it, and
  httpx.ASGITransport would hand the raw exception to the client, which no socket ever does).
The control API under /_sim/ stays reachable, as it stands for the physical world.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .control import is_control_path
from .responses import IN_PROCESS_KEY

if TYPE_CHECKING:
    from .facade import Simulator


class _MarkInProcess:
    """Tells the app it runs in-process, so a dropped or hung answer is reported, not acted out."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        marker: dict[str, Any] = {}
        scope = {**scope, IN_PROCESS_KEY: marker}
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            if not started:
                raise
            # The 500 is sent and the failure logged (facade._internal_error): the client gets the 500.
        fault = marker.get("fault")
        if fault is not None:
            raise _SimulatedNetworkError(fault)


class _SimulatedNetworkError(Exception):
    def __init__(self, fault: str) -> None:
        super().__init__(fault)
        self.fault = fault


class SimulatorTransport(httpx.ASGITransport):
    def __init__(self, sim: Simulator) -> None:
        super().__init__(app=_MarkInProcess(sim.app))
        self._sim = sim

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._sim.network_down and not is_control_path(request.url.path):
            raise httpx.ConnectError(
                "cannot reach the server: the computer has no internet connection (simulated)",
                request=request,
            )
        try:
            return await super().handle_async_request(request)
        except _SimulatedNetworkError as failure:
            if failure.fault == "timeout":
                raise httpx.ReadTimeout(
                    "the server did not answer in time (simulated)", request=request
                ) from None
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response. (simulated)", request=request
            ) from None
