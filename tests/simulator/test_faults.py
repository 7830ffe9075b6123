"""Each fault kind, and how the project's client reacts: retry, token renewal, or one clear error."""

from __future__ import annotations

import contextlib
import logging
import time

import httpx
import pytest

from saveris_desktop.api.client import DeviceManagementClient
from saveris_desktop.api.errors import (
    InvalidResponseError,
    NetworkError,
    RateLimitedError,
    ServerError,
)
from saveris_desktop.api.models import LogicalChannel, MeasuringObject
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.retry import RetryPolicy
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, Fault, FaultKind, ManualClock, Simulator
from saveris_desktop.simulator.endpoints import HANDLERS
from saveris_desktop.simulator.responses import QUIET_DELIBERATE_CUTS
from saveris_desktop.simulator.server import serve_in_thread
from saveris_desktop.simulator.validation import Refusal
from tests.simulator.conftest import SITE, RecordedSleep


@pytest.fixture
async def site(signed_in: DeviceManagementClient) -> DeviceManagementClient:
    await signed_in.create_connect_key(SITE)
    return signed_in


async def test_latency_delays_the_answer_but_it_arrives(sim: Simulator, site: DeviceManagementClient) -> None:
    sim.add_fault(FaultKind.LATENCY, route="list_devices", latency=0.1, count=1)
    started = time.perf_counter()
    assert await site.list_devices(SITE) == []
    assert time.perf_counter() - started >= 0.1
    assert sim.faults.describe() == []  # the fault was used up: the next request is not delayed


async def test_503_for_the_next_two_requests_is_retried_with_backoff(
    sim: Simulator, site: DeviceManagementClient, sleeps: RecordedSleep
) -> None:
    sim.add_fault("error_status", route="list_devices", status=503, count=2)
    assert await site.list_devices(SITE) == []
    assert sleeps.delays == [0.25, 0.5]  # two backoffs (jitter 0), then success
    assert sim.faults.describe() == []


async def test_500_is_a_clear_server_error_and_not_repeated(
    sim: Simulator, site: DeviceManagementClient, sleeps: RecordedSleep
) -> None:
    sim.add_fault("error_status", route="list_devices", status=500, count=1)
    with pytest.raises(ServerError) as raised:
        await site.list_devices(SITE)
    assert raised.value.status == 500 and "simulated HTTP 500" in (raised.value.server_reason or "")
    assert sleeps.delays == []


async def test_a_503_that_never_ends_gives_up_after_the_retry_budget(
    sim: Simulator, site: DeviceManagementClient, sleeps: RecordedSleep
) -> None:
    sim.add_fault("error_status", route="get_connect_key", status=503)
    with pytest.raises(ServerError):
        await site.get_connect_key(SITE)
    assert len(sleeps.delays) == RetryPolicy().max_attempts - 1


async def test_rate_limit_waits_as_long_as_retry_after_says(
    sim: Simulator, site: DeviceManagementClient, sleeps: RecordedSleep
) -> None:
    sim.add_fault("rate_limit", route="list_devices", retry_after=3, count=1)
    assert await site.list_devices(SITE) == []
    assert sleeps.delays == [3.0]


async def test_rate_limit_asking_for_too_long_is_reported_at_once(
    sim: Simulator, site: DeviceManagementClient, sleeps: RecordedSleep
) -> None:
    sim.add_fault("rate_limit", route="list_devices", retry_after=600, count=1)
    with pytest.raises(RateLimitedError) as raised:
        await site.list_devices(SITE)
    assert raised.value.retry_after == 600.0 and sleeps.delays == []


async def test_token_expiry_now_makes_the_client_renew_once(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    issued = sim.tokens.issued
    sim.add_fault("expire_token", route="list_devices", count=1)
    assert await site.list_devices(SITE) == []
    assert sim.tokens.issued == issued + 1  # one new token, then the request went through


async def test_a_token_past_its_lifetime_on_the_simulated_clock_is_renewed(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    issued = sim.tokens.issued
    sim.advance_time(sim.tokens.lifetime + 1)
    assert await site.list_devices(SITE) == []
    assert sim.tokens.issued == issued + 1


async def test_malformed_json_is_an_invalid_response_not_a_crash(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    sim.add_fault("malformed_json", route="get_connect_key", count=1)
    with pytest.raises(InvalidResponseError) as raised:
        await site.get_connect_key(SITE)
    assert raised.value.message  # one readable sentence
    assert (await site.get_connect_key(SITE)).site == SITE


async def test_a_dropped_connection_on_a_read_is_retried(
    sim: Simulator, site: DeviceManagementClient, sleeps: RecordedSleep
) -> None:
    sim.add_fault("drop_connection", route="list_devices", count=1)
    assert await site.list_devices(SITE) == []
    assert len(sleeps.delays) == 1


async def test_a_dropped_create_is_looked_up_then_sent_again_exactly_once(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    sim.add_fault("drop_connection", route="create_measuring_object", count=1)
    fridge = MeasuringObject(
        name="Fridge", logical_channels=[LogicalChannel(name="T", physical_value_id="PV_TEMPERATURE")]
    )
    created = await site.create_measuring_object(SITE, fridge)
    assert [o.uuid for o in await site.list_measuring_objects(SITE)] == [created.uuid]


async def test_a_dropped_connection_every_time_ends_in_a_network_error(
    sim: Simulator, site: DeviceManagementClient, sleeps: RecordedSleep
) -> None:
    sim.add_fault("drop_connection", route="list_devices")
    with pytest.raises(NetworkError) as raised:
        await site.list_devices(SITE)
    assert "Listing the site's loggers" in raised.value.message
    assert len(sleeps.delays) == RetryPolicy().max_attempts - 1


async def test_a_timeout_is_retried_and_a_lasting_one_is_a_network_error(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    sim.add_fault("timeout", route="get_connect_key", count=1)
    assert (await site.get_connect_key(SITE)).site == SITE
    sim.add_fault("timeout", route="get_connect_key")
    with pytest.raises(NetworkError):
        await site.get_connect_key(SITE)


async def test_laptop_on_the_logger_hotspot_then_back_online(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    states: list[bool] = []
    site.sig_connectivity.connect(states.append)
    sim.set_network_down(True)
    with pytest.raises(NetworkError):
        await site.list_devices(SITE)
    sim.set_network_down(False)
    assert await site.list_devices(SITE) == []
    assert states == [False, True]


async def test_the_control_api_stays_reachable_while_the_network_is_down(sim: Simulator) -> None:
    sim.set_network_down(True)
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        with pytest.raises(httpx.ConnectError):
            await raw.post("/token", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD})
        answer = await raw.post("/_sim/network", json={"down": False})
        assert answer.json() == {"network_down": False}
        assert (
            await raw.post("/token", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD})
        ).is_success


def _statuses(seed: int) -> list[int]:
    import asyncio

    sim = Simulator(seed=seed, clock=ManualClock())
    sim.add_fault("error_status", status=502, probability=0.5)

    async def run() -> list[int]:
        async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
            return [(await raw.get("/devices")).status_code for _ in range(24)]

    return asyncio.run(run())


def test_probabilistic_faults_repeat_exactly_under_the_same_seed() -> None:
    first = _statuses(seed=3)
    assert first == _statuses(seed=3)
    assert set(first) == {401, 502}  # some struck, some passed (and then lacked a token)
    assert first != _statuses(seed=4)


def test_a_fault_plan_refuses_nonsense() -> None:
    with pytest.raises(Refusal, match="route must be one of"):
        Fault(FaultKind.LATENCY, route="no_such_route")
    with pytest.raises(Refusal, match="probability"):
        Fault(FaultKind.ERROR_STATUS, probability=0.0)
    with pytest.raises(Refusal, match="status"):
        Fault(FaultKind.ERROR_STATUS, status=200)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def test_faults_over_a_real_socket_drop_and_hang() -> None:
    """Over uvicorn a dropped answer really closes the connection and a hung one really hangs."""
    sim = Simulator(seed=2, clock=ManualClock())
    uvicorn_log, records = logging.getLogger("uvicorn.error"), _Records()
    with contextlib.ExitStack() as cleanup:
        base_url = cleanup.enter_context(serve_in_thread(sim, log_level="info"))
        uvicorn_log.addHandler(records)  # after the start: uvicorn's logging setup drops handlers
        cleanup.callback(uvicorn_log.removeHandler, records)
        client = DeviceManagementClient(
            Endpoint.custom(base_url),
            timeout=httpx.Timeout(0.25),
            retry=RetryPolicy(max_attempts=1),
        )
        try:
            await client.sign_in(DEMO_USERNAME, DEMO_PASSWORD)
            await client.create_connect_key(SITE)
            sim.add_fault("drop_connection", route="list_devices", count=1)
            with pytest.raises(NetworkError):
                await client.list_devices(SITE)
            sim.add_fault("timeout", route="list_devices", count=1, hang=30.0)
            started = time.perf_counter()
            with pytest.raises(NetworkError):
                await client.list_devices(SITE)
            assert time.perf_counter() - started < 5.0  # the client's read timeout, not the hang
            sim.set_network_down(True)
            with pytest.raises(NetworkError):
                await client.list_devices(SITE)
            sim.set_network_down(False)
            assert await client.list_devices(SITE) == []
        finally:
            await client.aclose()
    # uvicorn's "returned without completing response" ERROR became an INFO line naming the fault.
    assert [r.levelname for r in records.records if r.levelno >= logging.WARNING] == []
    simulated = [r.getMessage() for r in records.records if r.getMessage().startswith("Simulated fault")]
    assert simulated == [
        "Simulated fault: connection dropped before the answer was complete (GET /devices)",
        "Simulated fault: connection dropped before the answer was complete (GET /devices)",
    ]


def test_an_unfinished_answer_that_is_not_a_fault_stays_an_error() -> None:
    record = logging.LogRecord(
        "uvicorn.error",
        logging.ERROR,
        __file__,
        1,
        "ASGI callable returned without completing response.",
        (),
        None,
    )
    assert QUIET_DELIBERATE_CUTS.filter(record) and record.levelno == logging.ERROR


async def test_a_create_whose_answer_is_lost_is_found_and_not_sent_again(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    sim.add_fault("drop_connection", route="create_measuring_object", count=1, after=True)
    fridge = MeasuringObject(
        name="Fridge", logical_channels=[LogicalChannel(name="T", physical_value_id="PV_TEMPERATURE")]
    )
    created = await site.create_measuring_object(SITE, fridge)
    # The server did create it; the client looked, found it and did not create a twin (no 409 either).
    assert [o.uuid for o in await site.list_measuring_objects(SITE)] == [created.uuid]


async def test_a_503_after_the_create_was_carried_out_is_not_a_duplicate(
    sim: Simulator, site: DeviceManagementClient
) -> None:
    sim.add_fault("error_status", route="create_measuring_object", status=503, count=1, after=True)
    fridge = MeasuringObject(
        name="Freezer", logical_channels=[LogicalChannel(name="T", physical_value_id="PV_TEMPERATURE")]
    )
    created = await site.create_measuring_object(SITE, fridge)
    assert [o.name for o in await site.list_measuring_objects(SITE)] == ["Freezer"]
    assert created.name == "Freezer"


def test_after_is_refused_for_a_rate_limit() -> None:
    with pytest.raises(Refusal, match="after applies to"):
        Fault(FaultKind.RATE_LIMIT, after=True)


async def test_a_simulator_bug_answers_500_in_process_as_over_a_socket(
    sim: Simulator, raw: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A failure inside the simulator reaches the client as the 500 a server sends, not as an exception."""

    def broken(*_args: object) -> object:
        raise KeyError("a bug")

    monkeypatch.setitem(HANDLERS, "list_devices", broken)
    token = (await raw.post("/token", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD})).json()
    auth = {"Authorization": f"Bearer {token['IdToken']}"}
    await raw.post("/connect-keys", params={"site": SITE}, headers=auth)
    answer = await raw.get("/devices", params={"site": SITE}, headers=auth)
    assert (answer.status_code, answer.json()["status"]) == (500, "Error")
    assert "simulator failed on GET /devices" in caplog.text  # and the bug is logged with its traceback
    assert (await raw.get("/connect-keys", params={"site": SITE}, headers=auth)).status_code == 200
