"""The API log's line per attempt: what came back (or what went wrong) and after how long.

Support reads these lines to tell a slow network from a slow cloud. The session's clock for the
duration is replaced by one that advances 2.5 s between the start and the end of each attempt.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
import types

import httpx
import pytest

from saveris_desktop.api import session as session_module
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.redaction import API_LOGGER_NAME
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.api.routes import ROUTES
from saveris_desktop.api.session import ApiSession, RequestLimits
from tests.api import payloads as p
from tests.api.fakes import EUROPE, PASSWORD, USERNAME, FakeApi, FakeClock, FakeSleep, reply


@pytest.fixture(autouse=True)
def attempts_take_2_5_s(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = itertools.count(100.0, 2.5)  # not from 0, where a start added is a start subtracted
    monkeypatch.setattr(
        session_module, "time", types.SimpleNamespace(perf_counter=lambda: next(ticks), time=time.time)
    )


def _session(answer, **limits: float) -> ApiSession:
    clock = FakeClock()
    retry = RetryPolicy(sleep=FakeSleep(clock), now=clock, jitter_source=lambda: 0.5, max_attempts=1)
    return ApiSession(
        EUROPE, transport=httpx.MockTransport(answer), retry=retry, limits=RequestLimits(**limits)
    )


async def _sign_in_attempt(session: ApiSession) -> None:
    try:
        await session.call(ROUTES["token"], body={}, authorised=False)
    finally:
        await session.aclose()


def _attempt_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == API_LOGGER_NAME]


async def test_an_answer_is_logged_with_its_status_and_duration(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger=API_LOGGER_NAME)
    await _sign_in_attempt(_session(lambda _r: httpx.Response(200, json={"IdToken": "t"})))
    assert _attempt_lines(caplog) == ["POST /token -> 200 in 2500 ms"]


async def test_a_connection_failure_is_logged_with_its_kind_and_duration(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    caplog.set_level(logging.DEBUG, logger=API_LOGGER_NAME)
    with pytest.raises(NetworkError):
        await _sign_in_attempt(_session(refuse))
    assert _attempt_lines(caplog) == ["POST /token -> ConnectError after 2500 ms"]


async def test_an_attempt_past_its_deadline_is_logged_with_the_deadline(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def never(_request: httpx.Request) -> httpx.Response:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    caplog.set_level(logging.DEBUG, logger=API_LOGGER_NAME)
    with pytest.raises(NetworkError):
        await _sign_in_attempt(_session(never, deadline=1.0))
    assert _attempt_lines(caplog) == ["POST /token -> deadline of 1 s passed after 2500 ms"]


def _session_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.module == "session"]


@pytest.mark.parametrize(
    ("first", "lines"),
    [
        (
            reply(401),
            [
                "GET /devices -> 401 in 2500 ms",
                "GET /devices: token refused, renewing once",
                "POST /token -> 200 in 2500 ms",
            ],
        ),
        (
            httpx.ConnectError("refused"),
            ["GET /devices -> ConnectError after 2500 ms", "GET /devices: ConnectError; retrying in 0.4 s"],
        ),
        (
            reply(503),
            ["GET /devices -> 503 in 2500 ms", "GET /devices: HTTP 503; retrying in 0.4 s"],
        ),
    ],
    ids=["renewal", "connection-retry", "status-retry"],
)
async def test_a_renewal_or_a_retry_is_logged_between_the_attempts(
    api: FakeApi,
    client: DeviceManagementClient,
    caplog: pytest.LogCaptureFixture,
    first: httpx.Response | Exception,
    lines: list[str],
) -> None:
    await client.sign_in(USERNAME, PASSWORD)
    api.on("GET", "/devices", first, reply(200, {"devices": []}))
    caplog.set_level(logging.DEBUG, logger=API_LOGGER_NAME)
    assert await client.list_devices(p.SITE) == []
    assert _session_lines(caplog) == [*lines, "GET /devices -> 200 in 2500 ms"]
