"""Proxy and certificate policy (issue 11 §4; the policy is in api/session.py's docstring).

The environment is monkeypatched; the "proxy" and the "origin" are tiny servers on loopback that
record what reaches them, so no request leaves this computer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import certifi
import pytest

from saveris_desktop.api import connection, redaction
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import NetworkError
from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.api.retry import RetryPolicy
from tests.api.fakes import PASSWORD, USERNAME, FakeClock, FakeSleep, make_jwt

EUROPE = Endpoint.for_region(Region.EUROPE, Environment.PRODUCTION)
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "REQUEST_METHOD")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy or certificate setting of the machine running the tests leaks in."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


@dataclass
class Listener:
    """A loopback server that records the head of each request and answers with `answer`."""

    answer: bytes
    heads: list[str] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    port: int = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        self.heads.append(head)
        length = next(
            (
                int(line.split(":", 1)[1])
                for line in head.split("\r\n")
                if line.lower().startswith("content-length:")
            ),
            0,
        )
        self.bodies.append(await reader.readexactly(length) if length else b"")
        writer.write(self.answer)
        await writer.drain()
        writer.close()


@pytest.fixture
async def proxy() -> AsyncIterator[Listener]:
    listener = Listener(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    server = await asyncio.start_server(listener.handle, "127.0.0.1", 0)
    listener.port = server.sockets[0].getsockname()[1]
    async with server:
        yield listener


@pytest.fixture
async def origin() -> AsyncIterator[Listener]:
    body = json.dumps({"IdToken": make_jwt()}).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    listener = Listener(head.encode() + b"Connection: close\r\n\r\n" + body)
    server = await asyncio.start_server(listener.handle, "127.0.0.1", 0)
    listener.port = server.sockets[0].getsockname()[1]
    async with server:
        yield listener


def _client(endpoint: Endpoint) -> DeviceManagementClient:
    clock = FakeClock()
    retry = RetryPolicy(sleep=FakeSleep(clock), now=clock, jitter_source=lambda: 0.5, max_attempts=1)
    return DeviceManagementClient(endpoint, retry=retry, clock=clock)


async def test_the_system_proxy_is_used_through_a_tunnel_that_never_sees_the_password(
    proxy: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
    client = _client(EUROPE)
    try:
        with pytest.raises(NetworkError) as caught:
            await client.sign_in(USERNAME, PASSWORD)
    finally:
        await client.aclose()
    assert caught.value.message.startswith("Sign-in failed: the proxy server of this computer refused")
    # httpx went to the proxy, and only asked it for a tunnel to the cloud: TLS runs inside it.
    assert len(proxy.heads) == 1
    assert proxy.heads[0].startswith("CONNECT device-management-api.eu.p.savr.saveris.net:443 HTTP/1.1")
    seen = proxy.heads[0].encode() + b"".join(proxy.bodies)
    assert PASSWORD.encode() not in seen and b"/token" not in seen


async def test_plain_http_to_this_computer_never_goes_through_a_proxy(
    proxy: Listener, origin: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{proxy.port}")
    client = _client(Endpoint.custom(f"http://127.0.0.1:{origin.port}", "simulator"))
    try:
        await client.sign_in(USERNAME, PASSWORD)
    finally:
        await client.aclose()
    assert proxy.heads == []  # the password in POST /token went to the origin only
    assert origin.heads[0].startswith("POST /token HTTP/1.1") and PASSWORD.encode() in origin.bodies[0]


@pytest.mark.parametrize(
    ("variables", "url", "shown", "source"),
    [
        (
            {"HTTPS_PROXY": "http://proxy.corp:3128"},
            "http://proxy.corp:3128",
            "http://proxy.corp:3128",
            "HTTPS_PROXY",
        ),
        (
            {"https_proxy": "proxy.corp:3128"},
            "http://proxy.corp:3128",
            "http://proxy.corp:3128",
            "HTTPS_PROXY",
        ),
        (
            {"ALL_PROXY": "https://proxy.corp:8443"},
            "https://proxy.corp:8443",
            "https://proxy.corp:8443",
            "ALL_PROXY",
        ),
        # HTTP_PROXY is for http origins; the cloud is https
        ({"HTTP_PROXY": "http://proxy.corp:3128"}, None, None, None),
        ({"HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": ".saveris.net"}, None, None, None),
        ({"HTTPS_PROXY": "http://proxy.corp:3128", "no_proxy": "*"}, None, None, None),
    ],
)
def test_proxy_resolution_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
    variables: dict[str, str],
    url: str | None,
    shown: str | None,
    source: str | None,
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    choice = connection.resolve_proxy(EUROPE.base_url)
    assert (choice.url, choice.shown, choice.source, choice.note) == (url, shown, source, None)


def test_the_proxys_own_password_is_used_but_never_shown_or_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://bob:Proxy-Secret-9@proxy.corp:3128")
    choice = connection.resolve_proxy(EUROPE.base_url)
    assert choice.url == "http://bob:Proxy-Secret-9@proxy.corp:3128"
    assert choice.shown == "http://proxy.corp:3128"
    assert redaction.redact("proxy auth Proxy-Secret-9 failed") == "proxy auth [REDACTED] failed"


@pytest.mark.parametrize(
    ("value", "note"),
    [
        (
            "socks5://127.0.0.1:1080",
            "The proxy socks5://127.0.0.1:1080 (ALL_PROXY) is of a kind this app cannot use",
        ),
        ("http://proxy.corp:notaport", "The proxy setting (ALL_PROXY) is not a valid address"),
    ],
)
async def test_a_proxy_the_app_cannot_use_is_left_out_with_a_note_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, value: str, note: str
) -> None:
    monkeypatch.setenv("ALL_PROXY", value)
    choice = connection.resolve_proxy(EUROPE.base_url)
    assert choice.url is None and choice.note is not None and choice.note.startswith(note)
    assert choice.note.endswith("connecting directly.")
    caplog.set_level(logging.INFO)
    client = DeviceManagementClient(EUROPE)  # httpx alone raised ImportError (socksio) here
    await client.aclose()
    assert note in caplog.text


def test_certificates_from_the_environment_are_added_to_certifis_never_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())  # any readable bundle stands for a company root
    settings = connection.connection_settings(EUROPE.base_url)
    assert settings.certificate_sources == ("certifi", f"SSL_CERT_FILE={certifi.where()}")
    assert settings.certificate_note is None
    assert settings.ssl_context.verify_mode is ssl.CERT_REQUIRED and settings.ssl_context.check_hostname


async def test_an_unreadable_certificate_file_is_noted_and_verification_stays_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    missing = tmp_path / "corp-root.pem"
    monkeypatch.setenv("SSL_CERT_FILE", str(missing))
    settings = connection.connection_settings(EUROPE.base_url)
    assert settings.certificate_sources == ("certifi",)
    assert settings.certificate_note == f"SSL_CERT_FILE={missing} could not be read and is not used."
    assert settings.ssl_context.verify_mode is ssl.CERT_REQUIRED
    client = DeviceManagementClient(EUROPE)  # httpx alone raised FileNotFoundError here
    await client.aclose()
