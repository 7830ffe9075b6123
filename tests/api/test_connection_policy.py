"""Proxy and certificate policy (issue 11 §4; the policy is in api/session.py's docstring).

The environment is monkeypatched; the "proxy" and the "origin" are tiny servers on loopback that
record what reaches them, so no request leaves this computer.
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import json
import logging
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import certifi
import httpx
import pytest

from saveris_desktop.api import connection, redaction
from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import CertificateNotTrustedError, NetworkError
from saveris_desktop.api.regions import Endpoint, Environment, Region
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.api.session import ApiSession
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


@dataclass
class PrivateRoot:
    """A company's own root (as a TLS-inspecting proxy's) and a server certificate it signed for 127.0.0.1."""

    root_pem: bytes
    server_context: ssl.SSLContext


@pytest.fixture
def private_root(tmp_path) -> PrivateRoot:
    # cryptography comes with keyring's SecretStorage on Linux; it is no dependency of the app's own.
    x509 = pytest.importorskip("cryptography.x509", reason="needs cryptography to make a root")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Corp Inspection Root")])
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(root_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    chain = tmp_path / "server.pem"
    chain.write_bytes(
        server.public_bytes(serialization.Encoding.PEM)
        + server_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(chain)
    return PrivateRoot(root.public_bytes(serialization.Encoding.PEM), server_context)


@pytest.fixture
async def tls_origin(private_root: PrivateRoot) -> AsyncIterator[Listener]:
    """The origin on loopback, over TLS with a certificate of the private root (no public root signed it)."""
    body = json.dumps({"IdToken": make_jwt()}).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    listener = Listener(head.encode() + b"Connection: close\r\n\r\n" + body)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await listener.handle(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            writer.close()  # the client refused the certificate and hung up

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=private_root.server_context)
    listener.port = server.sockets[0].getsockname()[1]
    async with server:
        yield listener


async def test_a_server_signed_by_the_root_in_ssl_cert_file_is_trusted(
    private_root: PrivateRoot, tls_origin: Listener, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    """The session hands httpx the context with certifi's roots AND the company's root."""
    bundle = tmp_path / "corp-root.pem"
    bundle.write_bytes(private_root.root_pem)
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    client = _client(Endpoint.custom(f"https://127.0.0.1:{tls_origin.port}", "inspected"))
    try:
        await client.sign_in(USERNAME, PASSWORD)
    finally:
        await client.aclose()
    assert tls_origin.heads[0].startswith("POST /token HTTP/1.1")
    assert PASSWORD.encode() in tls_origin.bodies[0]


async def test_a_server_signed_by_an_unknown_root_is_refused_before_the_password_is_sent(
    tls_origin: Listener,
) -> None:
    clock = FakeClock()
    sleep = FakeSleep(clock)
    retry = RetryPolicy(sleep=sleep, now=clock, jitter_source=lambda: 0.5)  # 4 attempts for a GET
    endpoint = Endpoint.custom(f"https://127.0.0.1:{tls_origin.port}", "inspected")
    client = DeviceManagementClient(endpoint, retry=retry, clock=clock)
    try:
        with pytest.raises(CertificateNotTrustedError) as caught:
            await client.sign_in(USERNAME, PASSWORD)
    finally:
        await client.aclose()
    # said as what it is (not "no connection"): behind a TLS-inspecting network the way out is its root
    assert caught.value.message.startswith(
        "Sign-in failed: the server's certificate is not trusted by this computer"
    )
    assert "SSL_CERT_FILE" in caught.value.message
    assert sleep.delays == []  # not retried: another try cannot change the certificate
    assert tls_origin.heads == [] and tls_origin.bodies == []  # TLS failed: no request, no password


async def test_the_way_out_is_logged_once_per_session_and_an_injected_transport_has_none(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    client = DeviceManagementClient(EUROPE)
    await client.aclose()
    assert "connecting to Europe, production directly; trusted roots: certifi" in caplog.messages
    caplog.clear()
    session = ApiSession(EUROPE, transport=httpx.MockTransport(lambda _r: httpx.Response(204)))
    await session.aclose()
    assert session.connection is None and caplog.messages == []  # a fake network goes nowhere else
