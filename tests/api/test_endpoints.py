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
