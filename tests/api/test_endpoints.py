"""Plain http only for this computer; https everywhere else; hand-built Endpoints obey the same rule."""

from __future__ import annotations

import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint, Environment, InvalidBaseUrlError, Region


@pytest.mark.parametrize(
    "url", ["http://127.0.0.5:8080", "http://[::1]:8000", "http://localhost:9000/", "https://example.com"]
)
async def test_loopback_http_and_any_https_are_accepted(url: str) -> None:
    client = DeviceManagementClient(Endpoint.custom(url))
    try:
        assert client.endpoint.base_url == url.rstrip("/")
    finally:
        await client.aclose()


@pytest.mark.parametrize(
    "url",
    ["http://10.0.0.1", "http://example.com", "http://127.example.com", "http://sim.localhost:8000"],
)
def test_plain_http_elsewhere_is_refused(url: str) -> None:
    with pytest.raises(InvalidBaseUrlError, match="Plain http is only allowed for this computer"):
        Endpoint.custom(url)


@pytest.mark.parametrize("url", ["https://admin:hunter22@example.com", "http://sim@127.0.0.1:8000"])
def test_credentials_in_the_address_are_refused(url: str) -> None:
    with pytest.raises(InvalidBaseUrlError) as caught:
        Endpoint.custom(url)
    assert str(caught.value) == "The address must not contain a user name or password ('name:password@')."


def test_a_hand_built_endpoint_cannot_bypass_the_rule() -> None:
    with pytest.raises(InvalidBaseUrlError):
        DeviceManagementClient(Endpoint("http://10.0.0.1", "office"))


async def test_region_endpoints() -> None:
    endpoint = Endpoint.for_region(Region.ASIA_PACIFIC, Environment.INTEGRATION)
    client = DeviceManagementClient(endpoint)
    try:
        assert client.endpoint.base_url == "https://device-management-api.ap.i.savr.saveris.net"
        assert client.endpoint.label == "Asia-Pacific, integration"
    finally:
        await client.aclose()


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("https://example.com:99999", "The port after ':' must be a number from 1 to 65535, not '99999'."),
        ("https://example.com:abc", "The port after ':' must be a number from 1 to 65535, not 'abc'."),
        ("http://127.0.0.1:0", "The port after ':' must be a number from 1 to 65535, not '0'."),
        ("https://example.com:", "The port after ':' must be a number from 1 to 65535, not ''."),
        ("http://[::1]:70000", "The port after ':' must be a number from 1 to 65535, not '70000'."),
        # urlsplit calls the host of this "::1" (loopback, so plain http would pass)
        (
            "http://[::1]evil.com",
            "After the IPv6 address [::1] only ':port' may follow, not 'evil.com'. "
            "Use https://host or http://127.0.0.1:port.",
        ),
        (
            "https://[::1",
            "'https://[::1' is not a web address: '[' and ']' may only enclose an IPv6 address. "
            "Use https://host or http://127.0.0.1:port.",
        ),
        ("https://exa mple.com", "The server address must not contain spaces, tabs or line breaks."),
        ("https:// example.com", "The server address must not contain spaces, tabs or line breaks."),
        ("https://example.com/a\tb", "The server address must not contain spaces, tabs or line breaks."),
        ("https://host\\@evil.com", "The server address must not contain a backslash ('\\'); use '/'."),
        ("https://", "'https://' is not a web address. Use https://host or http://127.0.0.1:port."),
        ("http://:8000", "'http://:8000' names no server. Use https://host or http://127.0.0.1:port."),
        ("", "The server address is empty. Use https://host or http://127.0.0.1:port."),
        ("https://a..b", "'a..b' is not a valid server name. Use https://host or http://127.0.0.1:port."),
        ("https://-x.com", "'-x.com' is not a valid server name. Use https://host or http://127.0.0.1:port."),
        (
            "https://admin:pw@example.com:99999",  # the password is never echoed, whatever else is wrong
            "The address must not contain a user name or password ('name:password@').",
        ),
    ],
)
def test_a_malformed_address_gets_one_clear_sentence(url: str, sentence: str) -> None:
    with pytest.raises(InvalidBaseUrlError) as caught:
        Endpoint.custom(url)
    assert str(caught.value) == sentence


@pytest.mark.parametrize(
    "url",
    [
        "https://münchen.example/api",
        "https://in_ternal.corp:8443",
        "https://host.",
        "http://[::1]",
        "https://1.2.3.4",
    ],
)
async def test_unusual_but_valid_addresses_are_accepted(url: str) -> None:
    client = DeviceManagementClient(Endpoint.custom(url))
    try:
        assert client.endpoint.base_url == url
    finally:
        await client.aclose()
