"""Hostile networks (issue 11 §5): a dribbling server, huge answers, gzip bombs, absurdly nested JSON.

No real network and no long sleeps: the answers are httpx streams of a MockTransport, and each
limit is set small for the test.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import tracemalloc
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest

from saveris_desktop.api import errors
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.redaction import API_LOGGER_NAME
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.api.routes import ROUTES
from saveris_desktop.api.session import ApiSession, RequestLimits
from tests.api import payloads as p
from tests.api.fakes import EUROPE, PASSWORD, USERNAME, FakeApi, FakeClock, FakeSleep, reply

MB = 1024 * 1024


class Dribble(httpx.AsyncByteStream):
    """An answer that arrives one byte at a time, `pause` seconds apart (each read is quick)."""

    def __init__(self, body: bytes, pause: float) -> None:
        self.body = body
        self.pause = pause
        self.sent = 0
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for byte in self.body:
            await asyncio.sleep(self.pause)
            self.sent += 1
            yield bytes([byte])

    async def aclose(self) -> None:
        self.closed = True


class Chunks(httpx.AsyncByteStream):
    """`count` chunks of `size` bytes, made only when read; counts how many were asked for."""

    def __init__(self, chunk: bytes, count: int) -> None:
        self.chunk = chunk
        self.count = count
        self.read = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.count):
            self.read += 1
            yield self.chunk


def _client(api: FakeApi, clock: FakeClock, sleep: FakeSleep, **limits: float) -> DeviceManagementClient:
    retry = RetryPolicy(sleep=sleep, now=clock, jitter_source=lambda: 0.5, max_attempts=2)
    return DeviceManagementClient(
        EUROPE, transport=api.transport(), retry=retry, clock=clock, limits=RequestLimits(**limits)
    )


@pytest.fixture
async def limited(api: FakeApi, clock: FakeClock, sleep: FakeSleep, request: pytest.FixtureRequest):
    client = _client(api, clock, sleep, **request.param)
    await client.sign_in(USERNAME, PASSWORD)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.mark.parametrize("limited", [{"deadline": 0.3}], indirect=True)
async def test_a_dribbling_server_is_given_up_at_the_deadline(
    api: FakeApi, limited: DeviceManagementClient, sleep: FakeSleep, caplog: pytest.LogCaptureFixture
) -> None:
    # Each byte comes well within any read timeout; all of them would take 3 s per attempt.
    body = b"{" + b" " * 130 + b'"devices": []}'
    streams: list[Dribble] = []

    def dribbling(_request: httpx.Request) -> httpx.Response:
        streams.append(Dribble(body, pause=0.02))
        return httpx.Response(200, stream=streams[-1])

    api.on("GET", "/devices", dribbling)
    with caplog.at_level(logging.DEBUG, logger=API_LOGGER_NAME), pytest.raises(errors.NetworkError) as caught:
        await limited.list_devices(p.SITE)
    # the support log names the request and that the deadline passed (a record that cannot be
    # formatted would be lost)
    lines = [r.getMessage() for r in caplog.records if r.name == API_LOGGER_NAME]
    assert any(line.startswith("GET /devices -> deadline of ") for line in lines), lines
    assert "did not answer in time" in caught.value.message
    assert len(streams) == 2 and len(sleep.delays) == 1  # a GET is retried once, then it is over
    assert all(s.closed and s.sent < len(body) for s in streams)  # abandoned, and the connection closed


@pytest.mark.parametrize("limited", [{"deadline": 0.3}], indirect=True)
async def test_a_post_that_ran_out_of_time_may_have_arrived(
    api: FakeApi, limited: DeviceManagementClient
) -> None:
    # The deadline is a read timeout for the resend rules: the creation is looked up, not blindly resent.
    api.on("POST", "/connect-keys", lambda _r: httpx.Response(200, stream=Dribble(b" " * 100, 0.02)))
    api.on("GET", "/connect-keys", reply(200, {"site": p.SITE, "connect_key": "K-1"}))
    key = await limited.create_connect_key(p.SITE)
    assert key.connect_key == "K-1"
    assert len(api.calls("POST", "/connect-keys")) == 1


@pytest.mark.parametrize("limited", [{"max_body_bytes": 4 * MB}], indirect=True)
async def test_a_huge_answer_is_stopped_at_the_cap(api: FakeApi, limited: DeviceManagementClient) -> None:
    stream = Chunks(b" " * MB, count=300)  # 300 MB of "JSON" whitespace
    api.on("GET", "/devices", lambda _r: httpx.Response(200, stream=stream))
    with pytest.raises(errors.InvalidResponseError) as caught:
        await limited.list_devices(p.SITE)
    assert caught.value.message == (
        "Listing the site's loggers failed: the answer is too large (more than 4 MB); reading it was "
        "stopped (Europe, production)."
    )
    assert caught.value.field == "body"
    assert stream.read <= 5  # reading stopped right after the cap, not at the end


@pytest.mark.parametrize("limited", [{"max_body_bytes": 4 * MB}], indirect=True)
async def test_a_declared_length_over_the_cap_is_refused_before_reading(
    api: FakeApi, limited: DeviceManagementClient
) -> None:
    stream = Chunks(b" " * MB, count=300)
    api.on(
        "GET",
        "/devices",
        lambda _r: httpx.Response(200, headers={"Content-Length": str(300 * MB)}, stream=stream),
    )
    with pytest.raises(errors.InvalidResponseError, match="the answer is too large"):
        await limited.list_devices(p.SITE)
    assert stream.read == 0


@pytest.mark.parametrize("limited", [{"max_body_bytes": 2 * MB}], indirect=True)
async def test_a_gzip_bomb_is_stopped_with_memory_near_the_cap(
    api: FakeApi, limited: DeviceManagementClient
) -> None:
    bomb = gzip.compress(b" " * (64 * MB), compresslevel=9)  # about 64 KB on the wire
    assert len(bomb) < MB / 8
    # One network chunk: httpx's own decoder would inflate all 64 MB of it at once.
    api.on(
        "GET",
        "/devices",
        lambda _r: httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(bomb)),
    )
    tracemalloc.start()
    try:
        with pytest.raises(errors.InvalidResponseError, match="the answer is too large"):
            await limited.list_devices(p.SITE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * MB, peak  # the cap plus a few pieces, not the 64 MB inside


@pytest.mark.parametrize("limited", [{"max_body_bytes": 2 * MB}], indirect=True)
@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),  # zlib-wrapped, as specified
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw, as some servers send it
        ("identity", lambda data: data),
    ],
)
async def test_compressed_answers_within_the_cap_are_read(
    api: FakeApi, limited: DeviceManagementClient, encoding: str, encode
) -> None:
    body = encode(json.dumps({"devices": [p.device()] * 200}).encode())
    # Arriving in small pieces, like a real network delivers them.
    chunks = [body[i : i + 1000] for i in range(0, len(body), 1000)]

    class Pieces(httpx.AsyncByteStream):
        async def __aiter__(self) -> AsyncIterator[bytes]:
            for chunk in chunks:
                yield chunk

    api.on(
        "GET",
        "/devices",
        lambda _r: httpx.Response(200, headers={"Content-Encoding": encoding}, stream=Pieces()),
    )
    devices = await limited.list_devices(p.SITE)
    assert len(devices) == 200 and devices[0].serial_number == p.device()["serial_number"]
    assert api.requests[-1].headers["Accept-Encoding"] == "gzip, deflate"
    # exactly these headers, none from the environment or a stray name
    assert set(api.requests[-1].headers.keys()) == {
        "host",
        "accept",
        "accept-encoding",
        "connection",
        "user-agent",
        "authorization",
    }


async def test_an_encoding_the_app_did_not_ask_for_cannot_be_read(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on(
        "GET",
        "/devices",
        lambda _r: httpx.Response(
            200, headers={"Content-Encoding": "br"}, stream=httpx.ByteStream(b"\x1b\x00")
        ),
    )
    with pytest.raises(errors.InvalidResponseError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.message == (
        "Listing the site's loggers failed: the server's answer could not be read "
        "(body: could not be decoded) (Europe, production)."
    )


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("method", "path", "call"),
    [
        ("GET", f"/devices/{p.DEVICE_UUID}", lambda c: c.get_device(p.SITE, p.DEVICE_UUID)),
        ("GET", "/devices", lambda c: c.list_devices(p.SITE)),
    ],
)
async def test_a_100k_deep_json_answer_is_an_invalid_response_not_a_crash(
    api: FakeApi, signed_in: DeviceManagementClient, method: str, path: str, call
) -> None:
    body = DEEP if path != "/devices" else '{"devices": [' + DEEP + "]}"
    api.on(method, path, httpx.Response(200, text=body, headers={"Content-Type": "application/json"}))
    with pytest.raises(errors.InvalidResponseError) as caught:
        await call(signed_in)
    assert "(body: nested too deeply)" in caught.value.message


async def test_a_100k_deep_error_answer_still_gives_the_status_sentence(
    api: FakeApi, signed_in: DeviceManagementClient
) -> None:
    api.on("GET", "/devices", httpx.Response(400, text=DEEP, headers={"Content-Type": "application/json"}))
    with pytest.raises(errors.RequestValidationError) as caught:
        await signed_in.list_devices(p.SITE)
    assert caught.value.server_reason is None
    assert "the server refused the values (Europe, production)." in caught.value.message


@pytest.mark.parametrize("depth", [100, 900])
async def test_an_answer_nested_deeper_than_any_real_document_is_refused_where_it_is(
    api: FakeApi, signed_in: DeviceManagementClient, depth: int
) -> None:
    # Decodes without a RecursionError, but pydantic cannot serialise it again ("maximum
    # serialization depth"): every later save or sync of the logger would fail.
    device = p.device()
    device["vendor_blob"] = json.loads("[" * depth + "]" * depth)
    api.on("GET", "/devices", reply(200, {"devices": [p.device(), device]}))
    listing = await signed_in.list_devices(p.SITE)
    # One such device never hides the others: it is listed as not readable, with the reason.
    assert [d.uuid for d in listing] == [p.DEVICE_UUID]
    [unreadable] = listing.unreadable
    assert (unreadable.position, unreadable.reason) == (1, "the whole entry: nested too deeply")
    api.on("GET", f"/devices/{p.DEVICE_UUID}", reply(200, device))
    with pytest.raises(errors.InvalidResponseError, match=r"\(body: nested too deeply\)"):
        await signed_in.get_device(p.SITE, p.DEVICE_UUID)


async def test_ordinary_nesting_is_read(api: FakeApi, signed_in: DeviceManagementClient) -> None:
    device = p.device()
    device["vendor_blob"] = json.loads("[" * 40 + "]" * 40)
    api.on("GET", "/devices", reply(200, {"devices": [device]}))
    assert len(await signed_in.list_devices(p.SITE)) == 1


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({"Content-Encoding": "gzip"}, gzip.compress(b'{"IdToken": "t"}' * 50)),
        ({"Transfer-Encoding": "chunked"}, b'{"IdToken": "t"}'),
    ],
    ids=["gzip", "chunked"],
)
async def test_the_answer_handed_on_describes_its_decoded_body(headers: dict[str, str], body: bytes) -> None:
    """The caller gets the body decoded, so no header may still describe how it travelled."""
    sent = {**headers, "Content-Type": "application/json"}
    if "Transfer-Encoding" not in headers:
        sent["Content-Length"] = str(len(body))  # the compressed length

    def answer(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=sent, stream=httpx.ByteStream(body))

    session = ApiSession(EUROPE, transport=httpx.MockTransport(answer))
    try:
        response = await session.call(ROUTES["token"], body={}, authorised=False)
    finally:
        await session.aclose()
    decoded = response.content
    assert decoded.startswith(b'{"IdToken": "t"}') and len(decoded) >= len(body)
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["Content-Length"] == str(len(decoded))
    assert "Content-Encoding" not in response.headers and "Transfer-Encoding" not in response.headers
    assert response.request.method == "POST" and response.request.url.path == "/token"
