"""Where the API lives: regions, environments and the rule for custom base URLs.

Real hosts are always https with certificate verification. Plain http is accepted only for
loopback addresses, where the simulator runs; anything else is refused before a request is made.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
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


#: Characters of one label of a server name: letters (also non-ASCII ones, sent as IDNA), digits,
#: '-' and '_' (seen in internal host names).
_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")

_EXAMPLE = "Use https://host or http://127.0.0.1:port."


def _host_and_port(netloc: str) -> tuple[str, str | None, bool]:
    """(host, port text or None, is an IPv6 literal), or InvalidBaseUrlError for a malformed netloc.

    Split by hand: urlsplit accepts `[::1]evil.com` and calls its host `::1`, while an HTTP library
    may read the same text differently, so the host checked here is the one that would be contacted.
    """
    if netloc.startswith("["):
        close = netloc.find("]")
        host, rest = netloc[1:close], netloc[close + 1 :]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise InvalidBaseUrlError(f"'[{host}]' is not a valid IPv6 address. {_EXAMPLE}") from None
        if rest and not rest.startswith(":"):
            raise InvalidBaseUrlError(
                f"After the IPv6 address [{host}] only ':port' may follow, not '{rest}'. {_EXAMPLE}"
            )
        return host, (rest[1:] if rest else None), True
    host, colon, port = netloc.rpartition(":")
    return (host, port, False) if colon else (netloc, None, False)


def validate_base_url(url: str) -> str:
    """Return the normalised URL, or raise InvalidBaseUrlError with a sentence a technician understands.

    The sentence names the part that is wrong, never the whole address when it may hold a password.
    """
    text = url.strip()
    if not text:
        raise InvalidBaseUrlError(f"The server address is empty. {_EXAMPLE}")
    if any(char.isspace() or unicodedata.category(char).startswith("C") for char in text):
        raise InvalidBaseUrlError("The server address must not contain spaces, tabs or line breaks.")
    if "\\" in text:
        raise InvalidBaseUrlError("The server address must not contain a backslash ('\\'); use '/'.")
    try:
        parts = urlsplit(text)
    except ValueError:  # "Invalid IPv6 URL": '[' without ']', or no IPv6 address inside
        raise InvalidBaseUrlError(
            f"'{url}' is not a web address: '[' and ']' may only enclose an IPv6 address. {_EXAMPLE}"
        ) from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidBaseUrlError(f"'{url}' is not a web address. {_EXAMPLE}")
    if "@" in parts.netloc:
        # It would be shown in every message; the app signs in with its own form.
        raise InvalidBaseUrlError("The address must not contain a user name or password ('name:password@').")
    host, port, ipv6 = _host_and_port(parts.netloc)
    if not host:
        raise InvalidBaseUrlError(f"'{url}' names no server. {_EXAMPLE}")
    labels = host.removesuffix(".").split(".")  # "host." is the fully qualified spelling
    if not ipv6 and not all(_LABEL.match(label) for label in labels):
        raise InvalidBaseUrlError(f"'{host}' is not a valid server name. {_EXAMPLE}")
    if port is not None and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        raise InvalidBaseUrlError(f"The port after ':' must be a number from 1 to 65535, not '{port}'.")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InvalidBaseUrlError(
            "Plain http is only allowed for this computer (127.0.0.1, ::1, localhost), "
            f"not '{host}'. Use https for any other server."
        )
    if parts.query or parts.fragment:
        raise InvalidBaseUrlError(f"The address '{url}' must not contain '?' or '#'.")
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
