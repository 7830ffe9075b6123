"""saveris-cli against a real `saveris-sim` on loopback (`--base-url http://127.0.0.1:PORT`), once per
simulator profile: the project's assumed contract, and `--profile documented` (testo's documented
operations only, behind API Gateway)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import httpx
import pytest

from saveris_desktop.api.regions import Endpoint
from saveris_desktop.cli.main import PASSWORD_ENV, main
from saveris_desktop.core.runtime.credentials import CredentialStore, account_key
from saveris_desktop.simulator import DEMO_PASSWORD, DEMO_USERNAME
from tests.sim_profiles import SIM_PROFILES
from tests.simulator.cli import saveris_sim

SITE = "Bakery Main Street"


@pytest.fixture(scope="module", params=SIM_PROFILES)
def server(request: pytest.FixtureRequest) -> Iterator[str]:
    with saveris_sim("--join-delay", "0", "--profile", request.param) as (url, banner):
        assert f"(profile: {request.param})" in banner
        yield url


@pytest.fixture
def profile(server: str, request: pytest.FixtureRequest) -> str:
    """The profile the module's server plays (the `server` fixture's parameter)."""
    return str(request.node.callspec.params["server"])


@pytest.fixture
def control(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{server}/_sim") as client:
        client.post("/reset", json={}).raise_for_status()
        yield client


def _join(control: httpx.Client, connect_key: str) -> str:
    """Play the hardware through the simulator's control API; returns the logger's serial number."""
    logger = control.post("/loggers", json={"kind": "saveris2"}).json()
    control.post(f"/loggers/{logger['id']}/button", json={"seconds": 3}).raise_for_status()
    answer = control.post(
        f"/loggers/{logger['id']}/config",
        json={"accountId": connect_key, "wifi_ssid": "Bakery", "wifi_password": "wifi-pass-1"},
    )
    assert answer.json()["ok"], answer.text
    return str(logger["serial_number"])


def test_the_commands_against_a_loopback_simulator(
    server: str,
    profile: str,
    control: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, DEMO_PASSWORD)
    base = ["--base-url", server, "--user", DEMO_USERNAME, "--json"]
    assert main([*base, "site", "create", SITE, "--timezone", "Europe/Vienna"]) == 0
    key = json.loads(capsys.readouterr().out)["connect_key"]

    results: list[int] = []
    waiter = threading.Thread(
        target=lambda: results.append(main([*base, "devices", "wait", "--site", SITE, "--timeout", "60"]))
    )
    waiter.start()
    err = ""
    while "0 logger(s) on the site" not in err:  # the baseline is read: now the logger may join
        assert waiter.is_alive(), err
        err += capsys.readouterr().err
        threading.Event().wait(0.05)
    serial = _join(control, key)
    waiter.join(timeout=60)
    assert results == [0]
    captured = capsys.readouterr()
    assert json.loads(captured.out)["new_devices"][0]["serial_number"] == serial

    assert main([*base, "device", "set", serial, "--site", SITE, "--measuring-cycle", "7 min"]) == 0
    (change,) = json.loads(capsys.readouterr().out)["changes"]
    assert (change["field"], change["after"]) == ("measuring_cycle", 420_000)
    assert main([*base, "devices", "list", "--site", SITE]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["serial_number"] for d in listed["devices"]] == [serial] and listed["unreadable"] == []
    assert listed["devices"][0]["sensors"] == "1 of 1"  # a free slot listed as null is not a sensor
    # With the sensor's channels readable, channel 1 is found and checked to measure temperature;
    # without (documented), the number and what it measures are what the cloud is given.
    assert main([*base, "object", "create", "--site", SITE, "--name", "Cold room",
                 "--channel", f"Air={serial}:1:1:temperature", "--preset", "room"]) == 0  # fmt: skip
    created = json.loads(capsys.readouterr().out)
    assert created["name"] == "Cold room"  # the documented answer has no name: the one sent
    assert created["preset"]["channels"] == ["Air"]
    assert created["logical_channels"][0]["physical_value_id"] == "PV_TEMPERATURE"
    by_name = main([*base, "object", "create", "--site", SITE, "--name", "Cold room 2",
                    "--channel", f"Door={serial}:1:Temperature"])  # fmt: skip
    if profile == "documented":
        assert by_name == 2  # a channel's name needs its channels: say how to give it instead
        err = capsys.readouterr().err
        assert "does not let us read the channels" in err and f"={serial}:1:1:temperature" in err
    else:
        assert by_name == 5  # channel 1 already feeds "Air" of "Cold room"
        assert "already feeds “Air” of “Cold room”" in capsys.readouterr().err
    assert main([*base, "check-api", "--site", SITE]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["base_url"] == server


def test_a_channel_that_measures_something_else_is_refused_in_the_clouds_words(
    server: str,
    profile: str,
    control: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, DEMO_PASSWORD)
    base = ["--base-url", server, "--user", DEMO_USERNAME]
    assert main([*base, "site", "create", SITE]) == 0
    key = capsys.readouterr().out.split("Connect key: ")[1].split()[0]
    serial = _join(control, key)
    code = main([*base, "object", "create", "--site", SITE, "--name", "Fridge",
                 "--channel", f"Air={serial}:1:1:humidity"])  # fmt: skip
    assert code == 5
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    if profile == "documented":  # the app cannot know: the cloud checks (its 400 has no body [R])
        assert "Creating the measuring object failed: the server refused the values" in err
    else:  # the channels are known: refused before anything is sent
        assert "measures temperature, not humidity" in err


def test_refusals_over_loopback(
    server: str,
    profile: str,
    control: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = ["--base-url", server, "--user", DEMO_USERNAME]
    monkeypatch.setenv(PASSWORD_ENV, "Not-The-Password-7")
    assert main([*base, "devices", "list", "--site", SITE]) == 3
    err = capsys.readouterr().err
    assert "wrong user name or password" in err and "Not-The-Password-7" not in err

    monkeypatch.setenv(PASSWORD_ENV, DEMO_PASSWORD)
    assert main([*base, "site", "create", "Bakery <Main>"]) == 5  # the server's rule, not ours
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    if profile == "assumed":
        assert "may contain only" in err  # the server's reason, in one sentence
    else:  # API Gateway's 400 carries no body [R]: no reason to quote, and none made up
        assert "the server refused the values" in err

    assert main([*base, "site", "create", SITE]) == 0
    key = capsys.readouterr().out.split("Connect key: ")[1].split()[0]
    serial = _join(control, key)
    control.post(
        "/faults", json={"kind": "error_status", "route": "put_device", "status": 422}
    ).raise_for_status()
    assert main([*base, "device", "set", serial, "--site", SITE, "--name", "Oven"]) == 5
    err = capsys.readouterr().err
    assert "Saving the logger's settings failed" in err and err.count("\n") == 1


def test_the_password_the_app_remembered_is_used(
    server: str, control: httpx.Client, capsys: pytest.CaptureFixture[str]
) -> None:
    CredentialStore().save(account_key(DEMO_USERNAME, Endpoint.custom(server)), DEMO_PASSWORD)
    assert main(["--base-url", server, "--user", DEMO_USERNAME, "check-api"]) == 0
    assert "Sign-in works" in capsys.readouterr().out
