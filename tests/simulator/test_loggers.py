"""Virtual loggers: kinds, LED state machine, configuration page, joining and moving between sites."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest

from saveris_desktop.api.models import SYSTEM_ALARM_KINDS
from saveris_desktop.simulator import LedState, LoggerKind, Simulator, measuring
from saveris_desktop.simulator.catalog import DEVICE_ALARM_KINDS, SENSOR_ALARM_KINDS
from saveris_desktop.simulator.world import Scope
from tests.simulator.conftest import SITE, join


def _site_key(sim: Simulator, site: str = SITE) -> str:
    with sim.world.lock:
        principal = sim.world.accounts["technician@demo.saveris"].principal
        return sim.world.create_site(principal, site).connect_key


def test_alarm_kinds_cover_the_models_list() -> None:
    assert set(DEVICE_ALARM_KINDS) | set(SENSOR_ALARM_KINDS) == set(SYSTEM_ALARM_KINDS)


@pytest.mark.parametrize(
    ("kind", "model_code", "ssid_prefix", "values"),
    [
        # testo's overview, step 3: the QSR logger's network is named `Saveris2-xxx-xxx-xxx`
        (LoggerKind.QSR_TEMPERATURE, "0572 3010", "Saveris2", [["PV_TEMPERATURE"]]),
        (LoggerKind.QSR_TEMPERATURE_HUMIDITY, "0572 3011", "Saveris2", [["PV_TEMPERATURE", "PV_HUMIDITY"]]),
        (LoggerKind.SAVERIS2, "0572 2032", "Saveris2", [["PV_TEMPERATURE"]]),
        (LoggerKind.GATEWAY_164, "0572 1640", "T164GW", [["PV_DOOR_STATE"], ["PV_TEMPERATURE"]]),
    ],
)
def test_each_kind_joins_with_its_product_data_and_sensors(
    sim: Simulator, kind: LoggerKind, model_code: str, ssid_prefix: str, values: list[list[str]]
) -> None:
    logger = join(sim, kind, _site_key(sim))
    assert re.fullmatch(r"\d{9}", logger.serial_number) and logger.model_code == model_code
    assert re.fullmatch(rf"{ssid_prefix}-\d{{3}}-\d{{3}}-\d{{3}}", logger.hotspot_ssid)
    with sim.world.lock:
        device = sim.world.devices[logger.device_uuid]
        sensors = [sim.world.sensors[c["sensor_uuid"]] for c in device["sensors_connections"]]
    assert device["serial_number"] == logger.serial_number and device["firmware"]["firmware_version"]
    assert [[c["physical_value_id"] for c in s["channels"]] for s in sensors] == values
    if kind is LoggerKind.GATEWAY_164:  # wireless sensors are sensors of the gateway, not devices
        assert {c["slot_type"] for c in device["sensors_connections"]} == {"WIRELESS"}
        assert all("wireless" in sensor for sensor in sensors)


def test_led_state_machine_from_unboxing_to_connected(sim: Simulator) -> None:
    logger = sim.create_logger(LoggerKind.SAVERIS2)
    assert logger.led is LedState.OFF and logger.joined_site is None
    assert "ignored" in sim.press_button(logger.id, 2.9)
    assert logger.led is LedState.OFF
    refused = sim.submit_configuration(logger.id, _site_key(sim), "Shop", "password1")
    assert not refused.ok and "only reachable while the hotspot is open" in refused.message
    sim.press_button(logger.id, 3.0)
    assert logger.led is LedState.HOTSPOT and logger.hotspot_ssid in logger.status_text
    assert sim.press_button(logger.id, 5.0) == "Hotspot closed without changes."
    assert logger.led is LedState.OFF
    sim.press_button(logger.id, 3.0)
    assert sim.submit_configuration(logger.id, _site_key(sim), "Shop", "password1").ok
    assert logger.led is LedState.CONNECTING
    sim.advance_time(7.9)
    assert logger.led is LedState.CONNECTING  # joining takes join_delay on the simulated clock
    sim.advance_time(0.1)
    assert logger.led is LedState.NORMAL and logger.joined_site == SITE
    assert LedState.NORMAL.pattern == "LED flashes green every 10 seconds"


def test_a_refused_logger_can_be_set_up_again_with_the_right_key(sim: Simulator) -> None:
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id)
    assert sim.submit_configuration(logger.id, "2222-3333-4444", "Shop", "password1").ok
    sim.advance_time(60)
    assert logger.led is LedState.ERROR and "Connect key not accepted" in logger.status_text
    sim.press_button(logger.id)
    assert sim.submit_configuration(
        logger.id, _site_key(sim).lower().replace("-", " "), "Shop", "password1"
    ).ok
    sim.advance_time(8)
    assert logger.led is LedState.NORMAL and logger.joined_site == SITE


@pytest.mark.parametrize(
    ("account_id", "ssid", "password", "field", "message"),
    [
        ("", "Shop", "password1", "accountId", "Enter the site's connect key."),
        ("ABC", "Shop", "password1", "accountId", "12 letters and digits"),
        ("ABCD-EFGH-JKL0", "Shop", "password1", "accountId", "12 letters and digits"),  # 0 is never used
        ("ABCD-EFGH-JKLM", " ", "password1", "wifi_ssid", "Enter the name"),
        ("ABCD-EFGH-JKLM", "W" * 33, "password1", "wifi_ssid", "at most 32 bytes"),
        ("ABCD-EFGH-JKLM", "Shop", "short", "wifi_password", "8 to 63 characters"),
        ("ABCD-EFGH-JKLM", "Shop", "pässwörter", "wifi_password", "plain ASCII"),
    ],
)
def test_the_configuration_page_validates_its_fields(
    sim: Simulator, account_id: str, ssid: str, password: str, field: str, message: str
) -> None:
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id)
    result = sim.submit_configuration(logger.id, account_id, ssid, password)
    assert not result.ok and message in result.field_errors[field]
    assert logger.led is LedState.HOTSPOT  # nothing saved, the page stays open


async def test_the_html_page_shows_errors_keeps_input_and_never_echoes_the_password(
    sim: Simulator, raw: httpx.AsyncClient
) -> None:
    logger = (await raw.post("/_sim/loggers", json={"kind": "saveris2"})).json()
    await raw.post(f"/_sim/loggers/{logger['id']}/button", json={})
    page = await raw.post(
        f"/_sim/loggers/{logger['id']}/config",
        data={"accountId": "not-a-key", "wifi_ssid": "Shop <5G>", "wifi_password": "secret-pass-1"},
    )
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert 'value="not-a-key"' in page.text and "Shop &lt;5G&gt;" in page.text
    assert "secret-pass-1" not in page.text
    assert 'id="accountId-error"' in page.text and 'aria-invalid="true"' in page.text
    as_json = await raw.post(
        f"/_sim/loggers/{logger['id']}/config",
        json={"accountId": _site_key(sim), "wifi_ssid": "Shop", "wifi_password": "secret-pass-1"},
    )
    assert as_json.json()["ok"] is True
    closed = await raw.get(f"/_sim/loggers/{logger['id']}/config")
    assert closed.status_code == 409 and "LED blinking orange" in closed.text
    too_late = await raw.post(f"/_sim/loggers/{logger['id']}/config", data={"accountId": "ABCD-EFGH-JKLM"})
    assert too_late.status_code == 409 and "configuration page is not reachable" in too_late.text
    as_json = await raw.post(f"/_sim/loggers/{logger['id']}/config", json={"accountId": "ABCD-EFGH-JKLM"})
    assert (
        as_json.status_code == 409 and "only reachable while the hotspot is open" in as_json.json()["message"]
    )


async def test_with_the_real_clock_a_logger_joins_by_itself() -> None:
    sim = Simulator(join_delay=0.05)
    logger = sim.create_logger(LoggerKind.QSR_TEMPERATURE)
    sim.press_button(logger.id)
    assert sim.submit_configuration(logger.id, _site_key(sim), "Shop", "password1").ok
    assert logger.led is LedState.CONNECTING
    await asyncio.sleep(0.1)
    assert logger.led is LedState.NORMAL


def test_a_logger_moved_to_another_site_takes_its_device_along(sim: Simulator) -> None:
    logger = join(sim, LoggerKind.QSR_TEMPERATURE, _site_key(sim))
    with sim.world.lock:
        customer = sim.world.accounts["technician@demo.saveris"].customer_uuid
        fridge = measuring.create_measuring_object(
            sim.world,
            Scope(customer, SITE),
            {
                "name": "Fridge",
                "logical_channels": [
                    {
                        "name": "T",
                        "physical_value_id": "PV_TEMPERATURE",
                        "sensor_channel": {"sensor_uuid": logger.sensor_uuids[0]},
                    }
                ],
            },
        )
    sim.press_button(logger.id)
    assert sim.submit_configuration(logger.id, _site_key(sim, "Warehouse"), "Depot", "password1").ok
    sim.advance_time(8)
    assert logger.joined_site == "Warehouse"
    with sim.world.lock:
        assert sim.world.list_devices(Scope(customer, SITE)) == []
        assert [d["uuid"] for d in sim.world.list_devices(Scope(customer, "Warehouse"))] == [
            logger.device_uuid
        ]
        # The old site's measuring object is no longer fed by the moved sensor.
        assert sim.world.measuring_objects[fridge["uuid"]]["logical_channels"][0]["sensor_channel"] is None


async def test_the_control_api_lists_creates_and_refuses(sim: Simulator, raw: httpx.AsyncClient) -> None:
    assert (await raw.post("/_sim/loggers", json={"kind": "toaster"})).status_code == 400
    assert (
        await raw.post("/_sim/loggers", content=b"kind=qsr", headers={"Content-Type": "text/plain"})
    ).status_code == 415
    assert (await raw.get("/_sim/loggers/vl-99")).status_code == 404
    await raw.post("/_sim/loggers", json={"kind": "gateway_164"})
    overview = (await raw.get("/_sim/")).json()
    assert [logger["kind"] for logger in overview["loggers"]] == ["gateway_164"]
    fault = await raw.post("/_sim/faults", json={"kind": "rate_limit", "route": "list_devices", "count": 2})
    assert fault.status_code == 201
    assert (await raw.get("/_sim/faults")).json()["faults"][0]["remaining"] == 2
    assert (await raw.post("/_sim/faults", json={"kind": "rate_limit", "count": 0})).status_code == 400
    assert (await raw.post("/_sim/time", json={"advance": -5})).status_code == 400
    for path in ("/_sim/reset", "/_sim/tokens/expire"):  # what a cross-site form could send
        assert (await raw.post(path, data={"x": "1"})).status_code == 415
    assert (await raw.post("/_sim/reset", json={})).status_code == 200
    assert sim.loggers == [] and sim.faults.describe() == []


async def test_without_control_there_is_no_control_api() -> None:
    sim = Simulator(control_enabled=False)
    async with httpx.AsyncClient(transport=sim.transport(), base_url="http://simulator") as raw:
        for answer in (
            await raw.get("/_sim/"),
            await raw.post("/_sim/loggers", json={"kind": "saveris2"}),
            await raw.post("/_sim/network", json={"down": True}),
        ):
            assert answer.status_code == 404
        assert (await raw.post("/token", json={"username": "x", "password": "y"})).status_code == 401
    assert sim.loggers == [] and not sim.network_down
