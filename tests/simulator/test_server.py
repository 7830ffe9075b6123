"""`saveris-sim`: loopback only unless told, prints URL and demo account, keeps state across restarts."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import sys
import threading
from pathlib import Path

import httpx
import pytest

from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME, LoggerKind, ManualClock, Simulator
from saveris_desktop.simulator.persistence import snapshot
from saveris_desktop.simulator.server import bind, main, serve_in_thread
from tests.simulator.cli import saveris_sim
from tests.simulator.conftest import SITE, join

ROOT = Path(__file__).resolve().parents[2]


def test_refuses_to_serve_other_hosts_without_allow_remote(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--host", "0.0.0.0"]) == 2  # noqa: S104  (the refusal is what is tested)
    assert "refusing to bind 0.0.0.0" in capsys.readouterr().err
    assert main(["--port", "70000"]) == 2
    with pytest.raises(ValueError, match="loopback only"), serve_in_thread(Simulator(), host="192.0.2.1"):
        pass


def test_the_command_line_server_keeps_a_demo_site_across_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "sim-state.json"
    with (
        saveris_sim("--state", str(state), "--join-delay", "0") as (url, banner),
        httpx.Client(base_url=url) as http,
    ):
        assert f"{DEMO_USERNAME} / password {DEMO_PASSWORD}" in banner and "(new)" in banner
        token = http.post("/token", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD}).json()[
            "IdToken"
        ]
        auth = {"Authorization": f"Bearer {token}"}
        key = http.post("/connect-keys", params={"site": SITE}, headers=auth).json()["connect_key"]
        logger = http.post("/_sim/loggers", json={"kind": "saveris2"}).json()
        http.post(f"/_sim/loggers/{logger['id']}/button", json={"seconds": 3})
        saved = http.post(
            f"/_sim/loggers/{logger['id']}/config",
            data={"accountId": key, "wifi_ssid": "Shop", "wifi_password": "password1"},
        )
        assert saved.status_code == 200
        devices = http.get("/devices", params={"site": SITE}, headers=auth).json()["devices"]
        assert [d["serial_number"] for d in devices] == [logger["serial_number"]]
    assert json.loads(state.read_text(encoding="utf-8"))["format"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["sim-state.json"]  # no temp file left behind

    with (
        saveris_sim("--state", str(state), "--join-delay", "0") as (url, banner),
        httpx.Client(base_url=url) as http,
    ):
        assert "(restored)" in banner
        old = http.get("/connect-keys", params={"site": SITE}, headers=auth)
        assert old.status_code == 401  # a restart signs everybody out (new secret)
        token = http.post("/token", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD}).json()[
            "IdToken"
        ]
        auth = {"Authorization": f"Bearer {token}"}
        assert http.get("/connect-keys", params={"site": SITE}, headers=auth).json()["connect_key"] == key
        again = http.get("/devices", params={"site": SITE}, headers=auth).json()["devices"]
        assert again == devices
        assert http.get(f"/_sim/loggers/{logger['id']}").json()["led"] == "normal"


def test_state_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = tmp_path / "state.json"
    sim = Simulator(clock=ManualClock())
    assert sim.load_state(state) is False
    with sim.world.lock:
        principal = sim.world.accounts[DEMO_USERNAME].principal
        key = sim.world.create_site(principal, SITE).connect_key
    join(sim, LoggerKind.GATEWAY_164, key)
    sim.save_state()
    before = state.read_text(encoding="utf-8")

    with sim.world.lock:
        sim.world.create_site(principal, "Second site")

    def crash(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        sim.save_state()
    assert state.read_text(encoding="utf-8") == before  # the old state is intact
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]

    restored = Simulator(clock=ManualClock())
    assert restored.load_state(state) is True
    with restored.world.lock:
        assert restored.world.devices == sim.world.devices
        assert [s.connect_key for s in restored.world.sites.values()] == [key]
    (logger,) = restored.loggers
    assert logger.joined_site == SITE


def test_the_listening_socket_says_tcp_so_answers_are_not_delayed_by_nagle() -> None:
    # Without IPPROTO_TCP asyncio leaves Nagle on and each keep-alive answer waits ~40 ms
    # (measured: 48 ms -> 2.8 ms median per request; `python -m tests.benchmarks simulator`).
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


@pytest.mark.parametrize(
    "content",
    ["[]", '{"format": 1}', '{"format": 2}', '{"format": 1, "rng": [3, [1, 2], null], "next_logger": 1}'],
)
def test_a_damaged_state_file_changes_nothing_and_is_never_overwritten(tmp_path: Path, content: str) -> None:
    state = tmp_path / "state.json"
    state.write_text(content, encoding="utf-8")
    sim = Simulator(clock=ManualClock())
    with sim.world.lock:
        sim.world.create_site(sim.world.accounts[DEMO_USERNAME].principal, SITE)
        before = snapshot(sim.world)
    with pytest.raises(ValueError, match="simulator state"):
        sim.load_state(state)
    with sim.world.lock:
        assert snapshot(sim.world) == before  # nothing half-restored
        sim.world.create_site(sim.world.accounts[DEMO_USERNAME].principal, "Another site")
    sim.save_state()
    assert state.read_text(encoding="utf-8") == content
    assert main(["--port", "0", "--state", str(state)]) == 2  # reported, not a traceback


async def test_the_facade_and_the_served_simulator_share_one_state_safely() -> None:
    """The demo panel drives the facade from its thread while uvicorn's thread serves requests."""
    sim = Simulator(seed=5, join_delay=0.0, clock=ManualClock())
    switch_interval = sys.getswitchinterval()
    with serve_in_thread(sim) as base_url, contextlib.ExitStack() as restore:
        # Threads switch every microsecond instead of 5 ms, so unguarded state would show (a test run
        # without World.lock answered 500 within a few rounds).
        sys.setswitchinterval(1e-6)
        restore.callback(sys.setswitchinterval, switch_interval)
        async with httpx.AsyncClient(base_url=base_url) as http:
            answer = await http.post("/token", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD})
            auth = {"Authorization": f"Bearer {answer.json()['IdToken']}"}
            key = (await http.post("/connect-keys", params={"site": SITE}, headers=auth)).json()[
                "connect_key"
            ]
            failures: list[BaseException] = []
            stop = threading.Event()
            created: list[str] = []

            def technician() -> None:
                try:
                    while not stop.is_set():  # until the requests are done: the two overlap
                        if len(created) < 40:
                            logger = sim.create_logger(LoggerKind.GATEWAY_164)
                            sim.press_button(logger.id)
                            assert sim.submit_configuration(logger.id, key, "Shop", "password1").ok
                            created.append(logger.device_uuid)
                        sim.advance_time(1.0)
                        assert all(other.joined_site == SITE for other in sim.loggers)
                except BaseException as failure:  # reported by the test below
                    failures.append(failure)

            worker = threading.Thread(target=technician)
            worker.start()
            statuses: list[int] = []
            try:
                for _ in range(10):
                    answers = await asyncio.gather(
                        http.get("/devices", params={"site": SITE}, headers=auth),
                        http.get("/_sim/"),
                        http.post("/_sim/faults", json={"kind": "latency", "latency": 0.0, "count": 1}),
                    )
                    statuses += [answer.status_code for answer in answers]
            finally:
                stop.set()
                worker.join()
            devices = (await http.get("/devices", params={"site": SITE}, headers=auth)).json()["devices"]
    assert failures == []
    assert set(statuses) == {200, 201} and created
    assert sorted(device["uuid"] for device in devices) == sorted(created)


async def test_a_failing_state_save_is_logged_and_the_request_still_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    sim = Simulator(clock=ManualClock())
    sim.load_state(tmp_path / "state.json")

    def disk_full(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", disk_full)
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        created = await raw.post("/_sim/loggers", json={"kind": "saveris2"})
        assert created.status_code == 201
        monkeypatch.undo()
        await raw.post(f"/_sim/loggers/{created.json()['id']}/button", json={})
    assert "could not save the simulator state" in caplog.text and "disk full" in caplog.text
    assert json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))["loggers"][0]["led"] == "hotspot"
