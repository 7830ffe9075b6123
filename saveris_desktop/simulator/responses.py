"""Answers of the simulated cloud, including the ones that are not answers (dropped, hung).

In-process (httpx.ASGITransport through `SimulatorTransport`) the scope carries `IN_PROCESS_KEY`;
a dropped or hung answer then only records what happened there and the transport raises the httpx
error a socket client would see. Over uvicorn the answer is really cut off: its start and a few
bytes are sent and the app returns, which makes uvicorn close the connection. uvicorn reports that
as an ERROR ("returned without completing response"); `QuietDeliberateCuts` turns the line into an
INFO line naming the fault when the cut was on purpose, and leaves every other such error alone.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

import anyio
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

IN_PROCESS_KEY = "saveris.simulator.in_process"

UNAUTHORIZED_BODY = {"message": "Unauthorized"}


def error(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The error body of testo's related APIs; 401 uses the API gateway's body."""
    body: dict[str, Any] = UNAUTHORIZED_BODY if status == 401 else {"status": "Error", "message": message}
    return JSONResponse(body, status_code=status, headers=headers)


def missing_authentication_token() -> JSONResponse:
    """API Gateway's answer for a path or method it was not given (its message, its error type)."""
    return JSONResponse(
        {"message": "Missing Authentication Token"},
        status_code=403,
        headers={"x-amzn-ErrorType": "MissingAuthenticationTokenException"},
    )


def response_too_large() -> JSONResponse:
    """API Gateway's answer when Lambda's synchronous answer exceeds its limit (6 MB)."""
    return JSONResponse({"message": "Response size is larger than 6 MB"}, status_code=413)


def without_body(response: Response) -> Response:
    """The same status and headers with an empty body (testo's Data API answers 400/401/403 so)."""
    headers = {
        key: value
        for key, value in response.headers.items()
        if key.lower() not in ("content-length", "content-type")
    }
    return Response(status_code=response.status_code, headers=headers)


def malformed(response: Response) -> Response:
    """The same answer with its JSON body cut in half (still labelled application/json)."""
    body = bytes(response.body)
    cut = body[: max(1, len(body) // 2)]
    if _parses(cut):  # e.g. `[]` cut to `[`: never, but keep the promise "not parseable"
        cut = cut + b"{"
    return Response(cut, status_code=response.status_code, media_type="application/json")


def _parses(data: bytes) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


#: uvicorn's words for an answer the app left unfinished (uvicorn.protocols.http.*_impl).
_INCOMPLETE = "ASGI callable returned without completing response."

#: What was cut off on purpose in this request. uvicorn runs the app in the request's own task and
#: logs in that same task right after it, so the value is seen there and by no other request.
_CUT_ON_PURPOSE: ContextVar[str | None] = ContextVar("saveris_sim_cut_on_purpose", default=None)


class QuietDeliberateCuts(logging.Filter):
    """On uvicorn's error logger: an answer cut off by a fault is an INFO line (or none), not an ERROR."""

    def filter(self, record: logging.LogRecord) -> bool:
        cut = _CUT_ON_PURPOSE.get()
        if cut is None or record.getMessage() != _INCOMPLETE:
            return True
        if not logging.getLogger(record.name).isEnabledFor(logging.INFO):
            return False
        record.msg, record.args = "Simulated fault: %s", (cut,)
        record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        return True


QUIET_DELIBERATE_CUTS = QuietDeliberateCuts()


async def _cut_off(scope: Scope, send: Send, what: str) -> None:
    _CUT_ON_PURPOSE.set(f"{what} ({scope.get('method')} {scope.get('path')})")
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"512")],
        }
    )
    await send({"type": "http.response.body", "body": b'{"', "more_body": True})


class DroppedConnection(Response):
    """The connection dies before a complete answer."""

    def __init__(self) -> None:
        super().__init__(status_code=200)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        marker = scope.get(IN_PROCESS_KEY)
        if marker is not None:
            marker["fault"] = "drop"
            return
        await _cut_off(scope, send, "connection dropped before the answer was complete")


class HungConnection(Response):
    """The server never answers: hold the request for `hang` seconds, then drop it."""

    def __init__(self, hang: float) -> None:
        super().__init__(status_code=200)
        self.hang = hang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        marker = scope.get(IN_PROCESS_KEY)
        if marker is not None:
            marker["fault"] = "timeout"
            return
        async with anyio.create_task_group() as group:

            async def until_client_leaves() -> None:
                # A client that gave up disconnects; stop holding its request then, so a server
                # shutting down does not wait for the full hang.
                while (await receive())["type"] != "http.disconnect":
                    pass
                group.cancel_scope.cancel()

            group.start_soon(until_client_leaves)
            await anyio.sleep(self.hang)
            group.cancel_scope.cancel()
        await _cut_off(scope, send, f"request held for {self.hang:g} s, then dropped")
