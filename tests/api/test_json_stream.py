"""The element-by-element reader behind large listings: same answers as json.loads, and it yields."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from saveris_desktop.api import responses
from saveris_desktop.api.errors import InvalidResponseError
from saveris_desktop.api.json_stream import JsonShapeError, iter_array_member
from saveris_desktop.api.models import Device
from saveris_desktop.api.regions import Endpoint
from saveris_desktop.api.routes import ROUTES

ENDPOINT = Endpoint.custom("http://127.0.0.1:9", "test server")
ROUTE = ROUTES["list_devices"]


@pytest.mark.parametrize(
    "document",
    [
        {"devices": []},
        {"devices": [{"uuid": "a"}, [1, 2], "x", None, 1.5, {"n": {"deep": [True]}}]},
        {"before": {"devices": [9]}, "devices": [{"uuid": "ü\u2603"}], "after": [None]},
    ],
)
def test_yields_what_json_loads_sees(document: dict[str, object]) -> None:
    for text in (json.dumps(document), json.dumps(document, indent=3)):
        assert list(iter_array_member(text, "devices")) == document["devices"]


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        ("[]", "body", "not a JSON object"),
        ("{}", "devices", "missing"),
        ('{"other": [1]}', "devices", "missing"),
        ('{"devices": {"uuid": "a"}}', "devices", "not a list"),
        ('{"devices": [1], "devices": []}', "devices", "appears twice"),
    ],
)
def test_wrong_shapes_name_the_field(text: str, field: str, problem: str) -> None:
    with pytest.raises(JsonShapeError) as caught:
        list(iter_array_member(text, "devices"))
    assert (caught.value.field, caught.value.problem) == (field, problem)


@pytest.mark.parametrize(
    "text",
    ["", "nope", '{"devices": [1,', '{"devices": [1,]}', '{"devices": [1]} trailing', "{'devices': []}"],
)
def test_malformed_json_is_a_decode_error(text: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        list(iter_array_member(text, "devices"))


async def test_read_items_names_the_failing_element_and_field() -> None:
    body = {"devices": [{"uuid": "ok"}, {"uuid": "bad", "sensors_connections": [{"slot_index": "x"}]}]}
    response = httpx.Response(200, json=body)
    with pytest.raises(InvalidResponseError) as caught:
        await responses.read_items(response, "devices", Device, ROUTE, ENDPOINT)
    assert caught.value.field == "devices[1].sensors_connections[0].slot_index"
    assert "test server" in caught.value.message


async def test_read_items_rejects_malformed_json_even_after_good_elements() -> None:
    response = httpx.Response(200, content=b'{"devices": [{"uuid": "a"}, {"uuid": "b"}')
    with pytest.raises(InvalidResponseError) as caught:
        await responses.read_items(response, "devices", Device, ROUTE, ENDPOINT)
    assert caught.value.field == "body"


async def test_read_items_lets_other_tasks_run_between_batches() -> None:
    count = responses.ITEMS_PER_BATCH * 4
    body = {"devices": [{"uuid": f"d{i}", "unknown": {"kept": i}} for i in range(count)]}
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    devices = await responses.read_items(httpx.Response(200, json=body), "devices", Device, ROUTE, ENDPOINT)
    task.cancel()
    assert [d.uuid for d in devices] == [f"d{i}" for i in range(count)]
    assert devices[7].to_payload()["unknown"] == {"kept": 7}
    assert ticks >= 4  # the ticker ran between batches, not only after the whole listing


def test_each_element_comes_with_its_text_exactly_as_sent() -> None:
    from saveris_desktop.api.json_stream import iter_array_member_text

    text = '{"devices": [ {"uuid": "a", "n": 900000.0} ,{"uuid":"b","s":"900000"}], "next": null}'
    assert list(iter_array_member_text(text, "devices")) == [
        ({"uuid": "a", "n": 900000.0}, '{"uuid": "a", "n": 900000.0}'),
        ({"uuid": "b", "s": "900000"}, '{"uuid":"b","s":"900000"}'),
    ]


async def test_unreadable_elements_do_not_stop_the_yields_between_batches() -> None:
    count = responses.ITEMS_PER_BATCH * 4
    body = {"devices": [{"serial_number": f"6{i:07d}"} for i in range(count)]}  # no uuid: unreadable
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    unreadable: list = []
    devices = await responses.read_items(
        httpx.Response(200, json=body), "devices", Device, ROUTE, ENDPOINT, unreadable=unreadable
    )
    task.cancel()
    assert devices == [] and len(unreadable) == count
    assert ticks >= 4
