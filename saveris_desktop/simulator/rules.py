"""What a PUT of site settings, a device, a sensor or a system alarm configuration must hold and stores.

Functions over the World (the caller holds `World.lock`), raising `Refusal` with the HTTP status
and a one-sentence reason when a request breaks a rule. Rules the real API does not document:

- PUT replaces the writable fields: one left out returns to its default, read-only fields sent
  back are ignored, unknown fields are refused. A client that drops fields it does not model
  therefore loses data visibly, as it would on a strict real server.
- Measuring objects follow their own rules (measuring.py).
"""

from __future__ import annotations

import copy
import zoneinfo
from functools import cache
from typing import Any

from .catalog import MAX_ALARM_DELAY_MS, MAX_OFFSET, SEVERITIES, UNITS_BY_VALUE
from .documents import (
    default_device_name,
    device_alarm_kinds,
    display_settings,
    duration,
    kind_of,
    listing,
    same_uuid,
    sensor_alarm_kinds,
)
from .loggers import KIND_SPECS
from .validation import Obj, fail
from .world import NAME_MAX, Scope, World


@cache
def _known_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def put_global_settings(world: World, scope: Scope, value: Any) -> dict[str, Any]:
    site = world.site(scope)
    body = Obj(value)
    body.only(("timezone",))
    timezone = body.string("timezone", max_length=64)
    if timezone not in _known_timezones():
        fail(f"timezone must be an IANA time zone name such as Europe/Berlin (got {timezone!r})")
    site.timezone = timezone
    world.changed()
    return {"timezone": timezone}


def put_device(world: World, scope: Scope, device_uuid: str, value: Any) -> dict[str, Any]:
    doc = world.owned(world.devices, "device", scope, device_uuid)
    capability = doc["capability"]
    spec = KIND_SPECS[kind_of(doc)]
    body = Obj(value)
    writable = {"name", "measuring_cycle", "communication_cycle", "tags"}
    if capability.get("display"):
        writable.add("display_settings")
    body.only(set(doc) | writable)
    same_uuid(body, device_uuid)
    name = body.opt_string("name", max_length=NAME_MAX, allow_empty=False)
    measuring = body.opt_integer("measuring_cycle")
    communication = body.opt_integer("communication_cycle")
    for field, cycle in (("measuring_cycle", measuring), ("communication_cycle", communication)):
        if cycle is not None:
            low, high = capability[f"{field}_min"], capability[f"{field}_max"]
            if not low <= cycle <= high:
                fail(
                    f"{field} must be between {low} and {high} ms ({duration(low)} to "
                    f"{duration(high)}) for this {doc['model_code']} device (got {cycle})"
                )
    tags = body.strings("tags")
    display = body.opt_obj("display_settings")
    doc["name"] = name if name is not None else default_device_name(doc)
    doc["measuring_cycle"] = measuring if measuring is not None else spec.default_measuring_cycle
    doc["communication_cycle"] = (
        communication if communication is not None else spec.default_communication_cycle
    )
    doc["tags"] = tags
    if capability.get("display"):
        doc["display_settings"] = display_settings(display)
    doc["last_modified"] = world.now_iso()
    world.changed()
    return copy.deepcopy(doc)


def put_sensor(world: World, scope: Scope, sensor_uuid: str, value: Any) -> dict[str, Any]:
    doc = world.owned(world.sensors, "sensor", scope, sensor_uuid)
    body = Obj(value)
    body.only(set(doc) | {"name", "channels"})
    same_uuid(body, sensor_uuid)
    name = body.opt_string("name", max_length=NAME_MAX, allow_empty=False)
    current = {channel["channel_index"]: channel for channel in doc["channels"]}
    updates: dict[int, dict[str, Any]] = {}
    for channel in body.objects("channels", max_items=len(current) + 1, required=False):
        channel.only(set(next(iter(current.values()))) | {"name", "offset", "physical_unit_id"})
        index = channel.integer("channel_index", minimum=0)
        if index not in current:
            fail(f"{channel.where}: this sensor has no channel {index} (it has {listing(current)})")
        if index in updates:
            fail(f"{channel.where}: channel {index} is listed twice")
        value_id = current[index]["physical_value_id"]
        sent_value_id = channel.opt_string("physical_value_id")
        if sent_value_id is not None and sent_value_id != value_id:
            fail(f"{channel.where}.physical_value_id is read-only: channel {index} measures {value_id}")
        units = UNITS_BY_VALUE[value_id]
        unit = channel.opt_string("physical_unit_id", max_length=64, allow_empty=False) or units[0]
        if unit not in units:
            fail(f"{channel.where}.physical_unit_id must be one of {', '.join(units)} for {value_id}")
        limit = MAX_OFFSET[value_id]
        offset = channel.opt_number("offset", minimum=-limit, maximum=limit)
        updates[index] = {
            "name": channel.opt_string("name", max_length=NAME_MAX) or current[index]["factory_name"],
            "physical_unit_id": unit,
            "offset": offset or 0.0,
        }
    missing = sorted(set(current) - set(updates))
    if missing and updates:
        fail(f"channels must list every channel of the sensor (missing {listing(missing)})")
    for index in missing:  # no channels at all: every channel back to its factory settings
        channel_doc = current[index]
        updates[index] = {
            "name": channel_doc["factory_name"],
            "physical_unit_id": UNITS_BY_VALUE[channel_doc["physical_value_id"]][0],
            "offset": 0.0,
        }
    for index, update in updates.items():
        current[index].update(update)
    doc["name"] = name if name is not None else doc["factory_name"]
    doc["last_modified"] = world.now_iso()
    world.changed()
    return copy.deepcopy(doc)


def put_device_alarm_configuration(
    world: World, scope: Scope, device_uuid: str, value: Any
) -> dict[str, Any]:
    doc = world.owned(world.devices, "device", scope, device_uuid)
    world.device_alarms[device_uuid] = _system_alarms(world, value, device_alarm_kinds(doc), "device")
    world.changed()
    return copy.deepcopy(world.device_alarms[device_uuid])


def put_sensor_alarm_configuration(
    world: World, scope: Scope, sensor_uuid: str, value: Any
) -> dict[str, Any]:
    doc = world.owned(world.sensors, "sensor", scope, sensor_uuid)
    world.sensor_alarms[sensor_uuid] = _system_alarms(world, value, sensor_alarm_kinds(doc), "sensor")
    world.changed()
    return copy.deepcopy(world.sensor_alarms[sensor_uuid])


def _system_alarms(world: World, value: Any, kinds: tuple[str, ...], what: str) -> dict[str, Any]:
    body = Obj(value)
    body.only(("alarms", "updated_at"))
    alarms: list[dict[str, Any]] = []
    seen: set[str] = set()
    for alarm in body.objects("alarms", max_items=len(kinds), required=False):
        alarm.only(("alarm_type", "enabled", "severity", "delay"))
        kind = alarm.string("alarm_type", max_length=64)
        if kind not in kinds:
            fail(f"{alarm.where}.alarm_type: this {what} supports {', '.join(kinds)} (not {kind!r})")
        if kind in seen:
            fail(f"{alarm.where}: alarm_type {kind} is listed twice")
        seen.add(kind)
        alarms.append(
            {
                "alarm_type": kind,
                "enabled": alarm.boolean("enabled", default=True),
                "severity": alarm.choice("severity", SEVERITIES) if alarm.has("severity") else "ASV_ALARM",
                "delay": alarm.opt_integer("delay", minimum=0, maximum=MAX_ALARM_DELAY_MS) or 0,
            }
        )
    return {"alarms": alarms, "updated_at": world.now_iso()}
