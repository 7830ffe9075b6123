"""Document shapes per profile: answers as the profile's server shows them, requests in either shape.

The world stores and checks one shape (the assumed one, api/models.py). A profile's shape switches
(profile.py) translate each answer on the way out (`answer`) and accept the other shape on the way
in (`request`), so the same rules and the same state serve both profiles, and a client that sends
back what it read works with either. Every function returns a new document; none changes the world.
"""

from __future__ import annotations

import copy
import zlib
from collections.abc import Callable
from typing import Any

from .catalog import ALARM_CODE_TEXTS
from .profile import Profile
from .validation import Obj, fail

Translate = Callable[[Any], Any]

#: Text forms read back into codes, case-insensitively; "Door Contact" is seen for the door too [R].
_CODES_BY_TEXT = {text.casefold(): code for code, text in ALARM_CODE_TEXTS.items()} | {
    "door contact": "PV_DOOR_STATE"
}


# --- devices: free slots and nulls ----------------------------------------------------------------


def sparse_device(doc: dict[str, Any]) -> dict[str, Any]:
    """The device with its free slots listed and nulls where the docs promise nothing."""
    doc = copy.deepcopy(doc)
    capability = doc.get("capability") or {}
    taken = {slot["slot_index"] for slot in doc["sensors_connections"]}
    for slot in range(capability.get("slot_count") or 0):
        if slot not in taken:
            doc["sensors_connections"].append(
                {
                    "slot_index": slot,
                    "sensor_uuid": None,
                    "connected": False,
                    "connected_change_date": None,
                    "slot_type": None,
                }
            )
    doc["sensors_connections"].sort(key=lambda slot: slot["slot_index"])
    doc["valid_until"] = None  # open-ended validity
    doc["hardware_revision"] = None
    if isinstance(doc.get("firmware"), dict):
        doc["firmware"]["bootloader_version"] = None
    if isinstance(doc.get("connection"), dict):
        doc["connection"]["rssi_dbm"] = None
    if isinstance(doc.get("battery"), dict):
        doc["battery"]["level_percent"] = None
    if capability and not capability.get("supported_battery_types"):
        capability["supported_battery_types"] = None  # a mains device: none rather than []
    return doc


def _device_list(result: dict[str, Any]) -> dict[str, Any]:
    return {**result, "devices": [sparse_device(doc) for doc in result["devices"]]}


# --- measurement alarms: codes or plain text ------------------------------------------------------


def _conditions(document: Any, rename: Callable[[Any], Any]) -> Any:
    """`document` (a measurement alarm configuration) with `rename` applied to each coded value."""
    if not isinstance(document, dict):
        return document
    document = copy.deepcopy(document)
    for config in _dicts(document.get("channel_alarm_configurations")):
        for condition_set in _dicts(config.get("measurementAlarmConditionSet")):
            for condition in _dicts(condition_set.get("measurementAlarmConditions")):
                for key in ("measurementAlarmConditionTypeId", "alarmSeverityId", "physicalUnitId"):
                    if key in condition:
                        condition[key] = rename(condition[key])
                prop = condition.get("physicalProperty")
                if isinstance(prop, dict) and "physicalValueId" in prop:
                    prop["physicalValueId"] = rename(prop["physicalValueId"])
    return document


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def text_alarms(document: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = _conditions(document, lambda code: ALARM_CODE_TEXTS.get(code, code))
    return result


def coded_alarms(document: Any) -> Any:
    """Plain-text values turned into codes; codes and unknown values pass (the world judges them)."""
    return _conditions(document, _code_of)


def _code_of(value: Any) -> Any:
    return _CODES_BY_TEXT.get(value.casefold(), value) if isinstance(value, str) else value


# --- measuring objects: the sibling APIs' shape ---------------------------------------------------


def sensor_channel_id(sensor_uuid: str, channel_index: int) -> int:
    """The integer id of a sensor channel (like 9241001): a number for the sensor, then channel_no.

    Derived, not stored, so the assumed profile's documents and state stay exactly as they were.
    """
    sensor_number = 1_000_000 + zlib.crc32(sensor_uuid.encode("utf-8")) % 9_000_000
    return sensor_number * 1_000 + channel_index + 1


def sibling_measuring_object(doc: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {"measuring_object_uuid": doc["uuid"]}
    result.update({key: copy.deepcopy(value) for key, value in doc.items() if key not in ("uuid", "name")})
    result["logical_channels"] = [_sibling_channel(channel) for channel in doc["logical_channels"]]
    return result


def _sibling_channel(channel: dict[str, Any]) -> dict[str, Any]:
    result = {key: copy.deepcopy(value) for key, value in channel.items() if key != "sensor_channel"}
    ref = channel.get("sensor_channel")
    result["channel_assignments"] = (
        []
        if ref is None
        else [
            {
                "channel_id": sensor_channel_id(ref["sensor_uuid"], ref["channel_index"]),
                "equipment_parts_uuid": ref["sensor_uuid"],
            }
        ]
    )
    return result


def _object_list(result: dict[str, Any]) -> dict[str, Any]:
    return {**result, "measuring_objects": [sibling_measuring_object(d) for d in result["measuring_objects"]]}


def assumed_measuring_object(value: Any) -> Any:
    """A create request in the sibling shape turned into the assumed one; anything else passes."""
    if not isinstance(value, dict):
        return value
    body = dict(value)
    if "measuring_object_uuid" in body:
        if body.get("uuid") is not None:
            fail("send either uuid or measuring_object_uuid, not both")
        body["uuid"] = body.pop("measuring_object_uuid")
    channels = body.get("logical_channels")
    if isinstance(channels, list):
        body["logical_channels"] = [
            _assumed_channel(channel, f"logical_channels[{number}]")
            for number, channel in enumerate(channels)
        ]
    return body


def _assumed_channel(value: Any, where: str) -> Any:
    if not isinstance(value, dict) or "channel_assignments" not in value:
        return value
    channel = dict(value)
    assignments = Obj(channel, where).objects("channel_assignments", max_items=1)
    del channel["channel_assignments"]
    if channel.get("sensor_channel") is not None:
        fail(f"{where}: send either sensor_channel or channel_assignments, not both")
    channel["sensor_channel"] = None
    for assignment in assignments:
        assignment.only(("channel_id", "equipment_parts_uuid"))
        sensor_uuid = assignment.string("equipment_parts_uuid", max_length=64)
        channel_id = assignment.integer("channel_id", minimum=1)
        index = channel_id % 1_000 - 1
        if index < 0 or sensor_channel_id(sensor_uuid, index) != channel_id:
            fail(f"{assignment.where}.channel_id {channel_id} is not a channel of sensor {sensor_uuid!r}")
        channel["sensor_channel"] = {"sensor_uuid": sensor_uuid, "channel_index": index}
    return channel


def sibling_instruction_set(doc: dict[str, Any]) -> dict[str, Any]:
    result = {"measuring_rate_ms": doc["measuring_cycle"]}
    result.update({key: value for key, value in doc.items() if key != "measuring_cycle"})
    return result


def assumed_instruction_set(value: Any) -> Any:
    if not isinstance(value, dict) or "measuring_rate_ms" not in value:
        return value
    if "measuring_cycle" in value:
        fail("send either measuring_cycle or measuring_rate_ms, not both")
    body = dict(value)
    body["measuring_cycle"] = body.pop("measuring_rate_ms")
    return body


# --- per route ------------------------------------------------------------------------------------


def _tables(profile: Profile) -> tuple[dict[str, Translate], dict[str, Translate]]:
    answers: dict[str, Translate] = {}
    requests: dict[str, Translate] = {}
    if profile.sparse_devices:
        answers.update(list_devices=_device_list, get_device=sparse_device, put_device=sparse_device)
    if profile.plain_text_alarms:
        for name in ("get_measuring_object_alarm_configuration", "put_measuring_object_alarm_configuration"):
            answers[name] = text_alarms
        requests["put_measuring_object_alarm_configuration"] = coded_alarms
    if profile.sibling_measuring_objects:
        answers.update(
            list_measuring_objects=_object_list,
            get_measuring_object=sibling_measuring_object,
            create_measuring_object=sibling_measuring_object,
            get_measuring_instruction_set=sibling_instruction_set,
            put_measuring_instruction_set=sibling_instruction_set,
        )
        requests.update(
            create_measuring_object=assumed_measuring_object,
            put_measuring_instruction_set=assumed_instruction_set,
        )
    return answers, requests


class Shapes:
    """The translations one profile makes, looked up per route name."""

    def __init__(self, profile: Profile) -> None:
        self._answers, self._requests = _tables(profile)

    def answer(self, route_name: str, result: Any) -> Any:
        translate = self._answers.get(route_name)
        return result if translate is None else translate(result)

    def request(self, route_name: str, body: Any) -> Any:
        translate = self._requests.get(route_name)
        return body if translate is None else translate(body)
