"""Where the API lives: regions, environments and the rule for custom base URLs.

Real hosts are always https with certificate verification. Plain http is accepted only for
loopback addresses, where the simulator runs; anything else is refused before a request is made.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

HOST_TEMPLATE = "https://device-management-api.{region}.{env}.savr.saveris.net"


class Region(StrEnum):
    EUROPE = "eu"
    AMERICAS = "am"
    ASIA_PACIFIC = "ap"

    @property
    def label(self) -> str:
        return _REGION_LABELS[self]


class Environment(StrEnum):
    PRODUCTION = "p"
    INTEGRATION = "i"

    @property
    def label(self) -> str:
        return _ENV_LABELS[self]


_REGION_LABELS = {Region.EUROPE: "Europe", Region.AMERICAS: "Americas", Region.ASIA_PACIFIC: "Asia-Pacific"}
_ENV_LABELS = {Environment.PRODUCTION: "production", Environment.INTEGRATION: "integration"}


class InvalidBaseUrlError(ValueError):
    """A custom base URL the app refuses to talk to."""


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    # Exactly "localhost": a "*.localhost" name may go to DNS (Windows does) and come back remote.
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_base_url(url: str) -> str:
    """Return the normalised URL, or raise InvalidBaseUrlError with a sentence a technician understands."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidBaseUrlError(f"'{url}' is not a web address. Use https://host or http://127.0.0.1:port.")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InvalidBaseUrlError(
            "Plain http is only allowed for this computer (127.0.0.1, ::1, localhost), "
            f"not '{parts.hostname}'. Use https for any other server."
        )
    if parts.query or parts.fragment:
        raise InvalidBaseUrlError(f"The address '{url}' must not contain '?' or '#'.")
    if parts.username is not None or parts.password is not None:
        # It would be shown in every message; the app signs in with its own form.
        raise InvalidBaseUrlError("The address must not contain a user name or password ('name:password@').")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


@dataclass(frozen=True)
class Endpoint:
    """The server the client talks to, plus the words used for it in messages."""

    base_url: str
    label: str

    @classmethod
    def for_region(cls, region: Region, env: Environment) -> Endpoint:
        return cls(HOST_TEMPLATE.format(region=region.value, env=env.value), f"{region.label}, {env.label}")

    @classmethod
    def custom(cls, url: str, label: str | None = None) -> Endpoint:
        base = validate_base_url(url)
        return cls(base, label or urlsplit(base).netloc)
