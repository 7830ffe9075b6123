"""core.onboarding.first_contact: sign in, read what the app needs, probe the assumed reads, report the
shapes."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.routes import ROUTES
from saveris_desktop.core.onboarding.first_contact import (
    Outcome,
    check_first_contact,
    default_report_path,
    short_serial,
    write_report,
)
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from tests.virtual_loggers import set_up_logger

SITE = "Pharmacy Main Street"


class OnlyDocumented(httpx.AsyncBaseTransport):
    """API Gateway in front of the simulator: any operation testo does not document answers 403."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.seen: list[tuple[str, str]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((request.method, request.url.path))
        for route in ROUTES.values():
            pattern = route.path.replace("{uuid}", "[^/]+")
            offered = route.documented and route.method == request.method
            if offered and re.fullmatch(pattern, request.url.path):
                return await self.inner.handle_async_request(request)
        return httpx.Response(403, json={"message": "Missing Authentication Token"})


@pytest.fixture
def sim() -> Simulator:
    return Simulator(seed=11, join_delay=0.0, clock=ManualClock())


async def _site_with_logger(sim: Simulator) -> str:
    """SITE with one joined logger; returns its connect key."""
    client = DeviceManagementClient(Endpoint.custom("http://127.0.0.1:9", "sim"), transport=sim.transport())
    try:
        await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        key = await client.create_connect_key(SITE)
    finally:
        await client.aclose()
    set_up_logger(sim, LoggerKind.SAVERIS2, key.connect_key, "Shop", "wifi-secret-1", wait_s=None)
    return key.connect_key


@pytest.fixture
async def client(sim: Simulator) -> AsyncIterator[DeviceManagementClient]:
    client = DeviceManagementClient(Endpoint.custom("http://127.0.0.1:9", "sim"), transport=sim.transport())
    yield client
    await client.aclose()


async def test_everything_offered_works_and_the_report_has_no_secrets(
    sim: Simulator, client: DeviceManagementClient, tmp_path: Path
) -> None:
    connect_key = await _site_with_logger(sim)
    result = await check_first_contact(
        client, SITE, sign_in=lambda: client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    )
    assert result.ok, result.summary()
    assert result.device_count == 1
    outcomes = {p.operation: p.outcome for p in result.probes}
    assert outcomes["list_devices"] is Outcome.WORKS
    assert outcomes["get_device"] is Outcome.WORKS
    assert outcomes["get_sensor_alarm_configuration"] is Outcome.WORKS
    # Nothing on the site to read an object for: said so, not tried.
    assert outcomes["get_measuring_object"] is Outcome.NOT_TRIED
    path = write_report(result, tmp_path / "report.json")
    text = path.read_text(encoding="utf-8")
    report = json.loads(text)
    assert report["ok"] is True and report["site"] == SITE
    fields = report["shapes"]["list_devices"]["fields"]
    assert fields["devices[].serial_number"] == "string"
    assert report["shapes"]["list_devices"]["enum_values"]["devices[].product_family"] == ["PF_ANY"]
    (serial,) = [logger.serial_number for logger in sim.loggers]
    assert serial not in text
    assert report["probed_device"] == short_serial(serial) == f"…{serial[-4:]}"
    for secret in (DEMO_PASSWORD + "x", connect_key, "wifi-secret-1"):
        assert secret not in text
    assert "IdToken" not in text and "eyJ" not in text  # no token in any form
    device = await client.get_device(SITE, (await client.list_devices(SITE))[0].uuid)
    assert device.uuid not in text  # no ids either


async def test_undocumented_reads_answering_403_are_reported_not_offered_and_the_check_passes(
    sim: Simulator,
) -> None:
    await _site_with_logger(sim)
    gateway = OnlyDocumented(sim.transport())
    client = DeviceManagementClient(Endpoint.custom("http://127.0.0.1:9", "sim"), transport=gateway)
    try:
        result = await check_first_contact(
            client, SITE, sign_in=lambda: client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
        )
    finally:
        await client.aclose()
    assert result.ok, result.summary()
    probe = result.probe("get_device")
    assert (probe.outcome, probe.status) == (Outcome.NOT_OFFERED, 403)
    assert result.probe("list_measuring_objects").outcome is Outcome.NOT_OFFERED
    assert all(method == "GET" for method, _ in gateway.seen if _ != "/token")
    assert "0 of" in result.summary()


async def test_a_refused_sign_in_stops_the_check_and_is_reported(client: DeviceManagementClient) -> None:
    result = await check_first_contact(client, SITE, sign_in=lambda: client.sign_in(DEMO_USERNAME, "wrong!"))
    assert not result.ok
    token = result.probe("token")
    assert token.outcome is Outcome.REFUSED and token.status == 401
    assert [p.operation for p in result.probes] == ["token"]
    assert "wrong!" not in json.dumps(result.to_dict())


async def test_an_unknown_site_fails_what_the_app_needs(client: DeviceManagementClient) -> None:
    result = await check_first_contact(
        client, "No such site", sign_in=lambda: client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
    )
    assert not result.ok
    failure = result.first_failure
    assert failure is not None and failure.operation == "list_devices"
    assert result.summary() == failure.message


def test_default_report_path_is_in_the_data_folder() -> None:
    from saveris_desktop.core.runtime import paths

    path = default_report_path()
    assert path.parent == paths.data_dir() / "first-contact"
    assert path.suffix == ".json"
