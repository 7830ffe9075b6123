"""How the session reaches a server: which proxy and which certificates (policy: session.py).

Everything is decided here, once per session, from the system's settings, and described for
About/diagnostics, instead of httpx reading the environment silently on its own (`trust_env`).
Only public standard-library look-ups are used: `urllib.request.getproxies()` reads the
`*_PROXY` variables and, when there are none, the Windows registry or the macOS network settings;
`urllib.request.proxy_bypass()` applies `NO_PROXY` (or the system's exception list) the same way.
"""

from __future__ import annotations

import logging
import os
import ssl
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import certifi

from saveris_desktop.api import redaction
from saveris_desktop.api.regions import is_loopback_host

log = logging.getLogger(redaction.API_LOGGER_NAME)

#: Proxy schemes httpx can use without extra packages (SOCKS needs `socksio`, which is not shipped).
SUPPORTED_PROXY_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class ProxyChoice:
    """The proxy for one origin. `url` goes to httpx (it may carry the proxy's own credentials);
    `shown` is the same address without them, for About/diagnostics and logs."""

    url: str | None = None
    shown: str | None = None
    source: str | None = None  # "HTTPS_PROXY", "ALL_PROXY", "system settings"
    #: Why a configured proxy is not used, in one sentence; None when nothing was left out.
    note: str | None = None


@dataclass(frozen=True)
class ConnectionSettings:
    proxy: ProxyChoice
    #: Where trusted root certificates come from, e.g. ("certifi", "SSL_CERT_FILE=/etc/corp-ca.pem").
    certificate_sources: tuple[str, ...]
    certificate_note: str | None = None
    ssl_context: ssl.SSLContext = field(repr=False, compare=False, default_factory=ssl.create_default_context)


def _env_name(scheme: str) -> str | None:
    for name in (f"{scheme}_proxy", f"{scheme.upper()}_PROXY"):
        if os.environ.get(name):
            return name.upper()
    return None


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def resolve_proxy(base_url: str) -> ProxyChoice:
    """The proxy the session uses for `base_url`, after the policy of session.py."""
    origin = urlsplit(base_url)
    host = origin.hostname or ""
    if origin.scheme != "https" or is_loopback_host(host):
        # Plain http is allowed only to this computer (regions.py); through a proxy it would hand
        # the password to the proxy in clear text, and a proxy cannot reach our loopback anyway.
        return ProxyChoice()
    proxies = urllib.request.getproxies()
    scheme = "https" if proxies.get("https") else "all"
    configured = proxies.get(scheme)
    if not configured:
        return ProxyChoice()
    if urllib.request.proxy_bypass(host):
        return ProxyChoice()
    source = _env_name(scheme) or "system settings"
    url = configured if "://" in configured else f"http://{configured}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parts = None
    if parts is None or not parts.hostname:
        return ProxyChoice(
            source=source,
            note=f"The proxy setting ({source}) is not a valid address; connecting directly.",
        )
    shown = _without_credentials(url)
    if parts.scheme not in SUPPORTED_PROXY_SCHEMES:
        return ProxyChoice(
            source=source,
            note=f"The proxy {shown} ({source}) is of a kind this app cannot use; connecting directly.",
        )
    if parts.password:
        redaction.remember_secret(parts.password)  # the proxy's own password: never in a log line
    return ProxyChoice(url=url, shown=shown, source=source)


def _certificates() -> tuple[ssl.SSLContext, tuple[str, ...], str | None]:
    """Mozilla's roots (certifi) always; SSL_CERT_FILE / SSL_CERT_DIR added, never instead.

    A company proxy that inspects TLS re-signs with its own root, which IT hands out this way.
    Adding keeps the public roots working when the variable points at a partial bundle; a file that
    cannot be read is left out with a note instead of stopping every request.
    """
    context = ssl.create_default_context(cafile=certifi.where())
    sources = ["certifi"]
    notes: list[str] = []
    for name, kind in (("SSL_CERT_FILE", "cafile"), ("SSL_CERT_DIR", "capath")):
        location = os.environ.get(name)
        if not location:
            continue
        try:
            context.load_verify_locations(**{kind: location})
        except (OSError, ssl.SSLError, ValueError):
            notes.append(f"{name}={location} could not be read and is not used.")
            continue
        sources.append(f"{name}={location}")
    # Never weakened, whatever the environment says.
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context, tuple(sources), " ".join(notes) or None


def connection_settings(base_url: str) -> ConnectionSettings:
    """The proxy and certificates for a session to `base_url`, from the system's settings now."""
    proxy = resolve_proxy(base_url)
    context, sources, note = _certificates()
    return ConnectionSettings(
        proxy=proxy, certificate_sources=sources, certificate_note=note, ssl_context=context
    )


def log_settings(settings: ConnectionSettings, label: str) -> None:
    """One log line per session, so support can see from the log how the app went out."""
    via = f"via proxy {settings.proxy.shown} ({settings.proxy.source})" if settings.proxy.url else "directly"
    log.info(
        "connecting to %s %s; trusted roots: %s",
        label,
        via,
        ", ".join(settings.certificate_sources),
    )
    for note in (settings.proxy.note, settings.certificate_note):
        if note:
            log.warning("%s", note)
