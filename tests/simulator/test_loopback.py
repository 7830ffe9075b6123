"""The simulator on a loopback socket: DNS rebinding, cross-site form posts, clients hanging up."""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from saveris_desktop.simulator import LedState, LoggerKind, ManualClock, Simulator
from saveris_desktop.simulator.loopback import allowed_hosts
from saveris_desktop.simulator.server import serve_in_thread

WIFI = {"wifi_ssid": "Shop Wi-Fi", "wifi_password": "correct horse"}


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def served() -> Iterator[tuple[Simulator, str]]:
    sim = Simulator(seed=4, join_delay=8.0, clock=ManualClock())
    with serve_in_thread(sim) as base_url:
        yield sim, base_url


def _port(base_url: str) -> int:
    port = urlsplit(base_url).port
    assert port is not None
    return port


def test_allowed_hosts_are_the_loopback_names_with_the_port() -> None:
    assert allowed_hosts(8765) == {"127.0.0.1:8765", "localhost:8765", "[::1]:8765"}
    assert allowed_hosts(80) >= {"127.0.0.1", "localhost", "[::1]"}


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:{port}",
        "evil.example",
        "127.0.0.1:1",
        "localhost.evil.example:{port}",
        "127.0.0.2:{port}",
    ],
)
async def test_a_foreign_host_header_changes_nothing(served: tuple[Simulator, str], host: str) -> None:
    """DNS rebinding: a page whose name now resolves to 127.0.0.1 sends its own name as Host."""
    sim, base_url = served
    host = host.format(port=_port(base_url))
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id)
    async with httpx.AsyncClient(base_url=base_url, headers={"Host": host}) as browser:
        created = await browser.post("/_sim/loggers", json={"kind": "saveris2"})
        form = await browser.post(
            f"/_sim/loggers/{logger.id}/config", data={"accountId": "ABCD-EFGH-JKLM", **WIFI}
        )
        read = await browser.get("/_sim/")
    for answer in (created, form, read):
        assert answer.status_code == 403, (host, answer.request.method, answer.text)
        assert "only http://127.0.0.1" in answer.json()["message"]
    assert [lg.id for lg in sim.loggers] == [logger.id]
    assert sim.logger(logger.id).led is LedState.HOTSPOT


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
async def test_this_computers_names_with_the_port_are_answered(
    served: tuple[Simulator, str], name: str
) -> None:
    sim, base_url = served
    async with httpx.AsyncClient(base_url=base_url, headers={"Host": f"{name}:{_port(base_url)}"}) as browser:
        created = await browser.post("/_sim/loggers", json={"kind": "saveris2"})
    assert created.status_code == 201, created.text
    assert len(sim.loggers) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:1"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
    ids=["foreign", "null", "other-port", "fetch-cross-site", "fetch-same-site"],
)
async def test_the_configuration_form_refuses_posts_from_another_page(
    served: tuple[Simulator, str], headers: dict[str, str]
) -> None:
    sim, base_url = served
    with sim.world.lock:
        site = sim.world.create_site(sim.world.accounts["technician@demo.saveris"].principal, "Shop")
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id)
    async with httpx.AsyncClient(base_url=base_url) as browser:
        posted = await browser.post(
            f"/_sim/loggers/{logger.id}/config",
            data={"accountId": site.connect_key, **WIFI},
            headers=headers,
        )
        reset = await browser.post("/_sim/reset", json={}, headers=headers)
    assert posted.status_code == 403 and "only from its own pages" in posted.json()["message"]
    assert reset.status_code == 403
    assert sim.logger(logger.id).led is LedState.HOTSPOT, "the form was not taken"


async def test_the_configuration_form_takes_posts_from_its_own_page(served: tuple[Simulator, str]) -> None:
    sim, base_url = served
    with sim.world.lock:
        site = sim.world.create_site(sim.world.accounts["technician@demo.saveris"].principal, "Shop")
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id)
    own = base_url.rstrip("/")
    async with httpx.AsyncClient(base_url=base_url) as browser:
        page = await browser.get(f"/_sim/loggers/{logger.id}/config", headers={"Sec-Fetch-Site": "none"})
        assert page.status_code == 200
        posted = await browser.post(
            f"/_sim/loggers/{logger.id}/config",
            data={"accountId": site.connect_key, **WIFI},
            headers={"Origin": own, "Sec-Fetch-Site": "same-origin", "Referer": page.url.__str__()},
        )
    assert posted.status_code == 200 and "Saved." in posted.text, posted.text
    assert sim.logger(logger.id).led is LedState.CONNECTING


@pytest.mark.parametrize("path", ["/token", "/_sim/loggers/{logger}/config"])
def test_a_client_hanging_up_mid_request_logs_no_traceback(path: str) -> None:
    sim = Simulator(seed=4, clock=ManualClock())
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id)
    records = _Records()
    loggers = [logging.getLogger("uvicorn.error"), logging.getLogger("saveris_desktop.simulator")]
    with contextlib.ExitStack() as cleanup:
        base_url = cleanup.enter_context(serve_in_thread(sim, log_level="info"))
        for each in loggers:  # after the start: uvicorn's logging setup drops handlers
            each.addHandler(records)
            cleanup.callback(each.removeHandler, records)
        previous_level = loggers[1].level
        loggers[1].setLevel(logging.INFO)
        cleanup.callback(loggers[1].setLevel, previous_level)
        port = _port(base_url)
        kind = "application/json" if path == "/token" else "application/x-www-form-urlencoded"
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(
                f"POST {path.format(logger=logger.id)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f'Content-Type: {kind}\r\nContent-Length: 1000\r\n\r\n{{"user'.encode()
            )
        # Wait for the server to notice (a condition, not a fixed sleep).
        deadline = time.monotonic() + 10.0
        while not any("hung up" in r.getMessage() for r in records.records):
            assert time.monotonic() < deadline, [r.getMessage() for r in records.records]
            time.sleep(0.02)
    assert [r.getMessage() for r in records.records if r.exc_info or r.levelno >= logging.WARNING] == []
    assert sim.logger(logger.id).led is LedState.HOTSPOT
